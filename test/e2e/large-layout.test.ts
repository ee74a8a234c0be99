import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { distinctPlaces, overlapShare } from '../../client/src/canvas/overlap.js';
import { nodeSize } from '../../client/src/canvas/style.js';
import { projectRoot } from '../../server/config.js';
import { loadGraph } from '../support/graphs.js';
import { openExplorer, type ExplorerPage } from './explorer-page.js';
import { useExplorerSite } from './explorer-site.js';

/**
 * 3,000 firms: 2,000 linked as a random tree plus as many random links, and a hub (firm 0) that also
 * supplies 1,000 firms linked to nothing else. Deterministic, so every run draws the same graph.
 */
const largeGraph = [
  'CREATE CONSTRAINT firm_id IF NOT EXISTS FOR (f:Firm) REQUIRE f.id IS UNIQUE',
  "UNWIND range(0, 2999) AS i CREATE (:Firm {id: 'firm-' + i, name: 'Firm ' + i})",
  `UNWIND range(1, 1999) AS i
   MATCH (a:Firm {id: 'firm-' + i}), (b:Firm {id: 'firm-' + ((i * 7919 + 17) % 3001) % i})
   CREATE (a)-[:SUPPLIES]->(b)`,
  `UNWIND range(0, 1999) AS i
   WITH i, (i * 104729 + 31) % 2000 AS j WHERE j <> i
   MATCH (a:Firm {id: 'firm-' + i}), (b:Firm {id: 'firm-' + j})
   CREATE (a)-[:PARTNERS_WITH]->(b)`,
  `MATCH (hub:Firm {id: 'firm-0'}) UNWIND range(2000, 2999) AS i
   MATCH (leaf:Firm {id: 'firm-' + i}) CREATE (hub)-[:SUPPLIES]->(leaf)`,
];

describe('a large graph laid out', () => {
  const site = useExplorerSite((db) => loadGraph(db, largeGraph));
  let page: Page | undefined;
  let opened: ExplorerPage | undefined;

  afterAll(async () => {
    await page?.close();
  });

  it('When a console query puts 3,000 nodes on the canvas, then the force-directed layout spreads them out: under 2 % touching, each in its own place', async () => {
    page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const explorer = await openExplorer(page, site.baseUrl, { nodes: false });
    opened = explorer;
    await explorer.showTab('Cypher');
    const editor = page.getByRole('textbox', { name: 'Cypher query' });
    // One row, so that the console's row cap leaves out no relationship.
    await editor.fill(
      'MATCH (f:Firm) OPTIONAL MATCH (f)-[r]->() RETURN collect(DISTINCT f) AS firms, collect(r) AS links',
    );
    await editor.press('Control+Enter');
    await expect.poll(() => explorer.probe((probe) => probe.nodes), { timeout: 60_000 }).toBe(3000);
    await explorer.idle();
    const { zoom, onScreen, steps } = await explorer.probe((probe) => ({
      zoom: probe.viewport().zoom,
      onScreen: probe.onScreen(),
      steps: probe.layoutStepsMs.length,
    }));
    const placed = Object.values(onScreen).map((point) => ({ x: point.x / zoom, y: point.y / zoom }));
    expect(placed).toHaveLength(3000);
    expect(overlapShare(placed, nodeSize)).toBeLessThan(0.02);
    expect(distinctPlaces(placed)).toBeGreaterThan(2990);
    // It was drawn while it ran, not only at the end.
    expect(steps).toBeGreaterThan(1);
    // All of it fits on the canvas.
    for (const point of Object.values(onScreen)) expect(await explorer.insideCanvas(point)).toBe(true);
    await page.screenshot({ path: path.join(projectRoot, 'test/e2e/output/large-layout.png') });
  }, 180_000);

  it('When the user reaches for the canvas while the layout is sketched, then it stops there and the sketch gives way to the graph', async () => {
    // The 3,000 laid-out nodes of the step above, laid out again.
    const explorer = opened!;
    const layout = page!.getByRole('combobox', { name: 'Layout' });
    await layout.selectOption('concentric');
    await explorer.idle();
    const finished = await explorer.probe((probe) => probe.layoutsDone.length);
    await layout.selectOption('fcose');
    const sketch = page!.locator('canvas.layout-sketch');
    await sketch.waitFor({ timeout: 30_000 });
    const box = (await sketch.boundingBox())!;
    await page!.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page!.mouse.down();
    await page!.mouse.up();
    await expect.poll(() => sketch.count()).toBe(0);
    const stoppedAt = await explorer.probe((probe) => probe.onScreen());
    // No later step moves anything: the layout ended where the user stopped it.
    await page!.waitForTimeout(2_000);
    expect(await explorer.probe((probe) => probe.onScreen())).toEqual(stoppedAt);
    // Stopped, not finished: the force-directed layout never reached its final positions.
    expect(await explorer.probe((probe) => probe.layoutsDone.length)).toBe(finished);
  }, 180_000);
});
