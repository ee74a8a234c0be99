import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EntenteBox } from '../../client/src/probe/types.js';
import { projectRoot } from '../../server/config.js';
import { openExplorer, overlaps, type ExplorerPage } from './explorer-page.js';
import { useExplorerSite } from './explorer-site.js';

const output = (name: string) => path.join(projectRoot, 'test/e2e/output', name);

describe('the opening view at 1280×800', () => {
  const site = useExplorerSite();
  let page: Page;
  let explorer: ExplorerPage;

  beforeAll(async () => {
    page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    explorer = await openExplorer(page, site.baseUrl);
  });

  it('When the explorer opens, then the captions in view read at 11 px or more, none overlapping, around the two hubs', async () => {
    // Everything the opening asks for has arrived and is placed.
    await expect.poll(() => page.locator('.loading.busy').count(), { timeout: 60_000 }).toBe(0);
    await explorer.idle();
    await page.screenshot({ path: output('opening-readable.png') });
    const canvas = await explorer.canvasBox();
    const inView = (box: EntenteBox) =>
      box.x1 >= canvas.x &&
      box.y1 >= canvas.y &&
      box.x2 <= canvas.x + canvas.width &&
      box.y2 <= canvas.y + canvas.height;
    const captions = Object.entries(await explorer.probe((probe) => probe.labelBoxes())).filter(
      ([id, box]) => !id.startsWith('group:') && inView(box),
    );
    // Enough of the graph to start from: the hubs and their nearest partners.
    expect(captions.length).toBeGreaterThanOrEqual(8);
    expect(captions.map(([id]) => id)).toEqual(expect.arrayContaining(['microsoft', 'openai']));
    const small = captions.filter(([, box]) => box.y2 - box.y1 < 11).map(([id, box]) => `${id}: ${box.y2 - box.y1} px`);
    expect(small).toEqual([]);
    expect(overlaps(Object.fromEntries(captions))).toEqual([]);
  });

  it('When Fit is pressed, then the whole graph is shown again', async () => {
    const before = Object.keys(await explorer.probe((probe) => probe.onScreen()));
    await explorer.fit();
    const placed = await explorer.probe((probe) => probe.onScreen());
    const outside: string[] = [];
    for (const id of before) if (!(await explorer.insideCanvas(placed[id]))) outside.push(id);
    expect(outside).toEqual([]);
  });
});
