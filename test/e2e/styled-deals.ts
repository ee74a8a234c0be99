import type { Browser } from 'playwright-core';
import type { EntenteProbe } from '../../client/src/probe/types.js';
import { encodeView, type ViewState } from '../../client/src/share/viewState.js';
import { openExplorer, type ExplorerPage } from './explorer-page.js';

/** The three Deals of the default dataset with an amount, and one without (whose status is disputed). */
export const deals = {
  'microsoft-investment-2019': "Microsoft's $1 billion investment",
  'windsurf-acquisition': "OpenAI's planned acquisition of Windsurf",
  'microsoft-investment-2023': "Microsoft's $10 billion multi-year investment",
  'azure-exclusivity': 'Azure exclusive cloud agreement',
};

/**
 * A view link (the part after the site's address) of these Deals with Microsoft and OpenAI and the
 * relationships among them, as the API has them: a canvas with Deals priced and not, and amounts on
 * relationships, for the styling and filtering tests.
 */
export async function viewOf(baseUrl: string): Promise<string> {
  const ask = () =>
    fetch(`${baseUrl}/api/subgraph`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ids: [...Object.keys(deals), 'microsoft', 'openai', 'softbank'] }),
    });
  let response = await ask();
  // A busy machine: Neo4j may not answer within the API's deadline at first (503); asked again, a few times.
  for (let tries = 1; response.status === 503 && tries < 10; tries++) response = await ask();
  if (!response.ok) throw new Error(`subgraph: ${response.status} ${await response.text()}`);
  const graph = (await response.json()) as { nodes: { id: string }[]; edges: { id: string }[] };
  const view: ViewState = {
    ids: graph.nodes.map((node) => node.id),
    edges: graph.edges.map((edge) => edge.id),
    positions: {},
    hiddenLabels: [],
    hiddenTypes: ['MENTIONED_IN'],
    layout: 'fcose',
  };
  return encodeView(view);
}

/** A page open on that view, once every Deal is drawn and the graph settled, showing the Legend tab. */
export async function openOnDeals(browser: Browser, baseUrl: string): Promise<ExplorerPage> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const explorer = await openExplorer(page, `${baseUrl}/${await viewOf(baseUrl)}`);
  await explorer.idle();
  await page.waitForFunction(
    (ids) => {
      const drawn = (window as unknown as { __entente: EntenteProbe }).__entente.nodeLooks();
      return ids.every((id) => id in drawn);
    },
    Object.keys(deals),
    { timeout: 60_000, polling: 200 },
  );
  await page.locator('.loading.busy').waitFor({ state: 'detached', timeout: 60_000 });
  await explorer.showTab('Legend');
  return explorer;
}
