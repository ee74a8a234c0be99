import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config.js';
import { bankGraph } from '../support/foreign-graphs.js';
import { emptyDatabase, loadGraph } from '../support/graphs.js';
import { fingerprint } from '../../shared/fingerprint.js';
import { encodeView, type ViewState } from '../../client/src/share/viewState.js';
import { accessibilityProblems, openExplorer, type ExplorerPage } from './explorer-page.js';
import { useExplorerSite } from './explorer-site.js';

const output = (name: string) => path.join(projectRoot, 'test/e2e/output', name);

// An analyst's first minutes on a graph that is not the default dataset (a bank's, with integer ids, accented
// names, datetime-dated relationships and a 5,000-neighbour hub), then on an empty database. Other test files
// load the default dataset again in their beforeAll.
describe('the explorer on a foreign graph', () => {
  const site = useExplorerSite((db) => loadGraph(db, bankGraph));
  const pages: Page[] = [];

  async function fresh(): Promise<ExplorerPage> {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    pages.push(page);
    return openExplorer(page, site.baseUrl, { nodes: false });
  }

  async function searchFirst(text: string): Promise<{ id: string; caption: string }> {
    const { results } = (await (await fetch(`${site.baseUrl}/api/search?q=${encodeURIComponent(text)}`)).json()) as {
      results: { id: string; caption: string }[];
    };
    return results[0]!;
  }

  const listItem = (page: Page, text: string) => page.getByTestId('element-list').locator('li', { hasText: text });

  afterAll(async () => {
    for (const page of pages) await page.close().catch(() => undefined);
  });

  it('When the explorer opens on another graph, then it shows its labels sized by count and one click opens the busiest nodes of a label', async () => {
    const explorer = await fresh();
    const { page } = explorer;
    const overview = page.getByRole('region', { name: 'Overview of the database' });
    await overview.waitFor();
    expect(await overview.textContent()).toMatch(/Member\s*5,000/);
    expect(await page.getByRole('combobox', { name: 'Search the graph' }).getAttribute('placeholder')).toBe(
      'Search the graph',
    );
    await page.screenshot({ path: output('foreign-first-screen.png') });
    expect(await accessibilityProblems(page)).toEqual([]);
    const member = overview.getByRole('button', { name: /^Member: 5,000 nodes/ });
    const bank = overview.getByRole('button', { name: /^Bank: 1 nodes/ });
    const [memberBox, bankBox] = [await member.boundingBox(), await bank.boundingBox()];
    expect(memberBox!.width).toBeGreaterThan(bankBox!.width);
    await bank.click();
    await explorer.idle();
    await explorer.showTab('List');
    await listItem(page, 'Zürcher Kantonalbank').first().waitFor();
    await expect.poll(() => overview.count()).toBe(0);
  });

  it('When a label is styled in the legend, then its colour, shape, caption and size hold in the link and in the site.browser', async () => {
    const explorer = await fresh();
    const { page } = explorer;
    await page
      .getByRole('region', { name: 'Overview of the database' })
      .getByRole('button', { name: /^Member:/ })
      .click();
    await explorer.idle();
    await explorer.showTab('Legend');
    await page.getByRole('button', { name: 'Style Member' }).click();
    const editor = page.getByRole('group', { name: 'Style of Member' });
    await editor.getByLabel('Colour').fill('#d62728');
    await editor.getByLabel('Shape').selectOption('hexagon');
    // `id` is bookkeeping, not offered as a caption; `name` is.
    expect(await editor.getByLabel('Caption').locator('option').allTextContents()).toEqual(['Default', 'name']);
    await editor.getByLabel('Caption').selectOption('name');
    await explorer.idle();
    await page.screenshot({ path: output('foreign-styled.png') });
    const stored = await page.evaluate(() => localStorage.getItem('entente.labelStyles'));
    expect(JSON.parse(stored!)).toEqual({ Member: { color: '#d62728', shape: 'hexagon', caption: 'name' } });
    // The link carries the styles to another browser (fresh storage).
    await page.getByRole('button', { name: 'Share' }).click();
    const link = page.url();
    const other = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const copy = await openExplorer(await other.newPage(), link);
    await copy.showTab('Legend');
    await copy.page.getByRole('button', { name: 'Style Member' }).click();
    const copied = copy.page.getByRole('group', { name: 'Style of Member' });
    expect(await copied.getByLabel('Shape').inputValue()).toBe('hexagon');
    expect(await copied.getByLabel('Caption').inputValue()).toBe('name');
    expect(await copied.getByLabel('Colour').inputValue()).toBe('#d62728');
    await other.close();
  });

  it('When accented and multi-word names are searched, then they are found however they are typed, and a node expands', async () => {
    const explorer = await fresh();
    const { page } = explorer;
    await explorer.pick('Zoë Öztürk');
    await explorer.idle();
    await expect.poll(() => page.getByTestId('inspect').locator('h2').textContent()).toBe('Zoë Öztürk');
    await explorer.pick('Zurcher Kantonalbank');
    await explorer.idle();
    await expect.poll(() => page.getByTestId('inspect').locator('h2').textContent()).toBe('Zürcher Kantonalbank');
    const before = await explorer.probe((probe) => probe.nodes);
    await page.getByRole('button', { name: 'Expand, paths, pin…' }).click();
    await page.getByRole('menuitem', { name: /MEMBER_OF/ }).click();
    await explorer.idle();
    await explorer.showTab('List');
    await listItem(page, 'Clearing house').first().waitFor();
    expect(await explorer.probe((probe) => probe.nodes)).toBeGreaterThan(before);
  });

  it('When a generic saved query needs a node, then it is picked by name with the search and the query runs on it', async () => {
    const explorer = await fresh();
    const { page } = explorer;
    await explorer.showTab('Queries');
    await page.getByLabel('Saved query').selectOption({ label: 'Neighbours of a node by relationship type' });
    const node = page.getByRole('combobox', { name: 'The node' });
    await node.fill('Zoe Ozturk');
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    await node.press('Enter');
    await expect.poll(() => page.getByText('Chosen: Zoë Öztürk').count()).toBe(1);
    const type = page.getByLabel('Relationship type');
    expect(await type.locator('option').allTextContents()).toContain('OWNS');
    await type.selectOption('OWNS');
    await page.getByRole('button', { name: 'Run' }).click();
    await explorer.idle();
    await explorer.showTab('List');
    await listItem(page, 'Compte courant').first().waitFor();
    await page.screenshot({ path: output('foreign-saved-query.png') });
  });

  it('When the date passes the datetime end of a relationship, then it fades as not valid', async () => {
    const explorer = await fresh();
    const { page } = explorer;
    await explorer.pick('Zoë Öztürk');
    await page.getByRole('button', { name: 'Expand, paths, pin…' }).click();
    await page.getByRole('menuitem', { name: /OWNS/ }).click();
    await explorer.idle();
    await explorer.showTab('List');
    const owns = listItem(page, 'OWNS').first();
    await owns.waitFor();
    await page.getByRole('checkbox', { name: 'As of' }).check();
    await page.getByLabel('As-of day').fill('2022-12-31');
    await expect.poll(() => owns.getAttribute('data-status')).not.toContain('not valid');
    await page.getByLabel('As-of day').fill('2023-01-01');
    await expect.poll(() => owns.getAttribute('data-status')).toContain('not valid on the date');
  });

  it('When a shared link holds 1,501 nodes, then all of them open, asked for in chunks', async () => {
    const answer = (await (
      await fetch(`${site.baseUrl}/api/cypher`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'MATCH (m:Member) WITH m ORDER BY m.id LIMIT 1500 RETURN collect(m) AS members',
        }),
      })
    ).json()) as { graph: { nodes: { id: string; caption: string }[] } };
    const hub = await searchFirst('Clearing house');
    const nodes = [...answer.graph.nodes, hub];
    expect(nodes).toHaveLength(1501);
    const view = {
      ids: nodes.map((node) => node.id),
      edges: [],
      positions: Object.fromEntries(
        nodes.map((node, index) => [node.id, { x: (index % 40) * 50, y: Math.floor(index / 40) * 50 }]),
      ),
      hiddenLabels: [],
      hiddenTypes: [],
      layout: 'fcose',
      fingerprints: nodes.map((node) => fingerprint(node.caption)),
    };
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    pages.push(page);
    const explorer = await openExplorer(page, `${site.baseUrl}/${encodeView(view as ViewState)}`);
    await expect.poll(() => explorer.probe((probe) => probe.nodes)).toBe(1501);
    expect(await page.locator('.banner').count()).toBe(0);
  });

  it('When a shared link names a node whose id now holds other content, then the page says so and does not draw it', async () => {
    const [zoe, account] = [await searchFirst('Zoë Öztürk'), await searchFirst('Compte courant')];
    const view = {
      ids: [zoe.id, account.id],
      edges: [],
      positions: {},
      hiddenLabels: [],
      hiddenTypes: [],
      layout: 'fcose',
      // Made when the first id named someone else.
      fingerprints: [fingerprint('Somebody Else'), fingerprint(account.caption)],
    };
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    pages.push(page);
    const explorer = await openExplorer(page, `${site.baseUrl}/${encodeView(view as ViewState)}`);
    await expect
      .poll(() => page.locator('.banner').first().textContent())
      .toMatch(/1 of this link's 2 nodes now holds other content/);
    expect(await explorer.probe((probe) => probe.nodes)).toBe(1);
  });

  it('When the database is empty, then the first screen says so and how to load data', async () => {
    await emptyDatabase(site.db);
    // The server re-reads its catalog every few seconds.
    await expect
      .poll(
        async () => {
          const schema = (await (await fetch(`${site.baseUrl}/api/schema`)).json()) as { labels: { count: number }[] };
          return schema.labels.some((label) => label.count > 0);
        },
        { timeout: 20_000, interval: 1000 },
      )
      .toBe(false);
    const explorer = await fresh();
    const { page } = explorer;
    const empty = page.getByRole('region', { name: 'Empty database' });
    await empty.waitFor();
    expect(await empty.textContent()).toContain('npm run seed');
    expect(await empty.textContent()).toContain('NEO4J_URI');
    await page.screenshot({ path: output('empty-database.png') });
  });
});
