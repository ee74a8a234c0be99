import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config.js';
import { emptyDatabase, loadGraph } from '../support/graphs.js';
import { openExplorer, overlaps, type ExplorerPage } from './explorer-page.js';
import { useExplorerSite } from './explorer-site.js';

const output = (name: string) => path.join(projectRoot, 'test/e2e/output', name);

// Nodes with no relationships among them (a catalogue of islands): the layouts have no edge to space them by,
// and Cytoscape's force layout tiles such nodes with a 10 px gap, their captions touching or overprinting.
describe('nodes that share no relationship', () => {
  const site = useExplorerSite(async (db) => {
    await emptyDatabase(db);
    await loadGraph(db, [
      `UNWIND range(1, 40) AS i
       CREATE (:Island {id: 'island-' + i, name: 'Island of the long name number ' + i})`,
    ]);
  });
  const pages: Page[] = [];

  async function fresh(): Promise<ExplorerPage> {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    pages.push(page);
    return openExplorer(page, site.baseUrl, { nodes: false });
  }

  afterAll(async () => {
    for (const page of pages) await page.close().catch(() => undefined);
  });

  it('When two unrelated nodes are added from search, then they stand apart and their captions do not overlap', async () => {
    const explorer = await fresh();
    await explorer.pick('Island of the long name number 7');
    await explorer.idle();
    await explorer.pick('Island of the long name number 23');
    await explorer.idle();
    await explorer.page.screenshot({ path: output('unlinked-two-from-search.png') });
    const boxes = await explorer.probe((probe) => probe.labelBoxes());
    expect(Object.keys(boxes).sort()).toEqual(['island-23', 'island-7']);
    expect(overlaps(boxes)).toEqual([]);
  });

  it('When a label whose nodes are unlinked is opened, then no two captions overlap', async () => {
    const explorer = await fresh();
    await explorer.page
      .getByRole('region', { name: 'Overview of the database' })
      .getByRole('button', { name: /^Island:/ })
      .click();
    await explorer.idle();
    await explorer.page.screenshot({ path: output('unlinked-label-opened.png') });
    const boxes = await explorer.probe((probe) => probe.labelBoxes());
    expect(Object.keys(boxes).length).toBeGreaterThan(10);
    expect(overlaps(boxes)).toEqual([]);
  });
});
