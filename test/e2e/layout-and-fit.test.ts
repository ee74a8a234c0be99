import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config.js';
import { openExplorer, overlaps, type ExplorerPage } from './explorer-page.js';
import { useExplorerSite } from './explorer-site.js';

const output = (name: string) => path.join(projectRoot, 'test/e2e/output', name);

/** The labels drawn on the canvas (none below the outline zoom, style.ts) that reach past its edges. */
async function cutLabels(explorer: ExplorerPage): Promise<string[]> {
  const canvas = await explorer.canvasBox();
  const boxes = await explorer.probe((probe) => probe.labelBoxes());
  return Object.entries(boxes)
    .filter(
      ([, box]) =>
        box.x1 < canvas.x || box.y1 < canvas.y || box.x2 > canvas.x + canvas.width || box.y2 > canvas.y + canvas.height,
    )
    .map(([id]) => id);
}

describe('layouts and fit that keep labels readable (1280×800)', () => {
  const site = useExplorerSite();
  let page: Page;
  let explorer: ExplorerPage;

  beforeAll(async () => {
    page = await site.browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    explorer = await openExplorer(page, site.baseUrl);
    await explorer.idle();
  });

  afterAll(async () => {
    await page.close();
  });

  // The opening is zoomed in until captions read (opening-view.test.ts): captions at its edges are cut by design,
  // and Fit, below, shows the whole graph with none cut.
  it('When the explorer opens, then Microsoft and OpenAI stand apart, their group count reads and no two captions overlap', async () => {
    await page.screenshot({ path: output('opening-view.png') });
    const microsoft = (await explorer.onScreen('microsoft'))!;
    const openai = (await explorer.onScreen('openai'))!;
    // Reported 67 px apart, with their count squeezed between them.
    expect(Math.hypot(microsoft.x - openai.x, microsoft.y - openai.y)).toBeGreaterThan(120);
    const boxes = await explorer.probe((probe) => probe.labelBoxes());
    const captions = Object.fromEntries(Object.entries(boxes).filter(([id]) => !id.startsWith('group:')));
    expect(Object.keys(captions).length).toBeGreaterThan(5);
    expect(overlaps(captions)).toEqual([]);
    // The count of the folded Microsoft–OpenAI relationships lies clear of both nodes' captions.
    const group = Object.entries(boxes).find(
      ([id]) => id.startsWith('group:') && id.includes('microsoft') && id.includes('openai'),
    );
    expect(group).toBeDefined();
    expect(overlaps({ [group![0]]: group![1], microsoft: boxes.microsoft!, openai: boxes.openai! })).toEqual([]);
  });

  it('When only the companies are shown and Fit is pressed, then it zooms in and no caption is cut at the edge', async () => {
    // Few nodes fitted close: captions reach far beyond their nodes' centres, the old fit's only measure.
    const legend = page.getByLabel('Legend and filters');
    for (const kind of ['Deal', 'Person', 'Product', 'Project'])
      await legend.getByRole('checkbox', { name: new RegExp(`^${kind}`) }).uncheck();
    await explorer.fit();
    await page.screenshot({ path: output('fit-labels.png') });
    expect(Object.keys(await explorer.probe((probe) => probe.labelBoxes())).length).toBeGreaterThan(4);
    expect(await cutLabels(explorer)).toEqual([]);
    for (const kind of ['Deal', 'Person', 'Product', 'Project'])
      await legend.getByRole('checkbox', { name: new RegExp(`^${kind}`) }).check();
    await explorer.fit();
  });

  it('When the canvas is exported as PNG, then a white margin surrounds the drawing: no label touches its edge', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'PNG', exact: true }).click(),
    ]);
    const data = (await readFile(await download.path())).toString('base64');
    // Decoded by the browser: the outermost 8 pixels all round must be the white background.
    const border = await page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [image.width, image.height];
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const band = 8;
      const strips = [
        context.getImageData(0, 0, image.width, band),
        context.getImageData(0, image.height - band, image.width, band),
        context.getImageData(0, 0, band, image.height),
        context.getImageData(image.width - band, 0, band, image.height),
      ];
      let marked = 0;
      for (const strip of strips)
        for (let at = 0; at < strip.data.length; at += 4)
          if (strip.data[at]! < 235 || strip.data[at + 1]! < 235 || strip.data[at + 2]! < 235) marked++;
      return { marked, width: image.width, height: image.height };
    }, data);
    expect(border.width).toBeGreaterThan(200);
    expect(border.marked).toBe(0);
  });

  it('When the whole graph is laid out hierarchically, then it fills the canvas at a readable zoom, not a thin column', async () => {
    await explorer.showTab('Cypher');
    const editor = page.getByRole('textbox', { name: 'Cypher query' });
    await editor.fill('MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN collect(DISTINCT n) AS nodes, collect(r) AS links');
    await editor.press('Control+Enter');
    await expect.poll(() => explorer.probe((probe) => probe.nodes), { timeout: 60_000 }).toBeGreaterThan(80);
    await explorer.idle();
    await page.getByLabel('Layout').selectOption({ label: 'Hierarchical' });
    await explorer.idle();
    await page.screenshot({ path: output('hierarchical-whole-graph.png') });
    const canvas = await explorer.canvasBox();
    const { zoom, points } = await explorer.probe((probe) => ({
      zoom: probe.viewport().zoom,
      points: Object.values(probe.onScreen()),
    }));
    const xs = points.map((point) => point.x);
    const ys = points.map((point) => point.y);
    expect((Math.max(...xs) - Math.min(...xs)) / canvas.width).toBeGreaterThan(0.5);
    expect((Math.max(...ys) - Math.min(...ys)) / canvas.height).toBeGreaterThan(0.5);
    // Reported at 0.13 as a 159×608 px column.
    expect(zoom).toBeGreaterThan(0.2);
    expect(await cutLabels(explorer)).toEqual([]);
  }, 120_000);
});
