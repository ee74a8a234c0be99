import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config.js';
import { openExplorer, type ExplorerPage } from './explorer-page.js';
import { useExplorerSite } from './explorer-site.js';

const output = (name: string) => path.join(projectRoot, 'test/e2e/output', name);

describe('selecting several nodes on the canvas', () => {
  const site = useExplorerSite();
  let page: Page;
  let explorer: ExplorerPage;
  const summary = () => page.getByRole('region', { name: 'Selected nodes' });

  beforeAll(async () => {
    page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    explorer = await openExplorer(page, site.baseUrl);
    await explorer.idle();
  });

  it('When a second node is Shift-clicked, then the inspector summarises both, and paths between them are listed', async () => {
    const microsoft = (await explorer.onScreen('microsoft'))!;
    const openai = (await explorer.onScreen('openai'))!;
    await page.mouse.click(microsoft.x, microsoft.y);
    await page.keyboard.down('Shift');
    await page.mouse.click(openai.x, openai.y);
    await page.keyboard.up('Shift');
    await expect.poll(() => summary().locator('h2').textContent()).toBe('2 nodes selected');
    const listed = await summary().getByRole('listitem').allTextContents();
    expect(listed.sort()).toEqual(['Microsoft', 'OpenAI']);
    await page.screenshot({ path: output('multi-select-two.png') });

    await summary().getByRole('button', { name: 'Paths between these two' }).click();
    const paths = page.getByRole('region', { name: 'Paths' });
    await paths.waitFor();
    await expect.poll(() => paths.textContent()).toMatch(/Microsoft/);
    await paths.getByRole('button', { name: 'Close the paths' }).click();
  });

  it('When a box is drawn with Shift held, then the nodes in it are selected, and Hide removes them all', async () => {
    // Nothing still arriving (the toolbar's Loading badge gone), so that what is hidden stays hidden.
    await expect.poll(() => page.locator('.loading.busy').count(), { timeout: 60_000 }).toBe(0);
    await explorer.idle();
    // A click on the background clears the selection first.
    const box = await explorer.canvasBox();
    await page.mouse.click(box.x + 5, box.y + box.height - 5);
    await expect.poll(() => summary().count()).toBe(0);
    // The layout may still be settling on a busy machine: the box is drawn once the nodes stand still.
    const placed = () => explorer.probe((probe) => JSON.stringify(probe.onScreen()));
    await expect
      .poll(
        async () =>
          (await placed()) === (await page.evaluate(() => new Promise((r) => setTimeout(r, 300))).then(placed)),
        {
          timeout: 30_000,
        },
      )
      .toBe(true);
    const microsoft = (await explorer.onScreen('microsoft'))!;
    const openai = (await explorer.onScreen('openai'))!;
    // Corners clear of every node, or the drag would move a node instead of drawing a box.
    const drawn = Object.values(await explorer.probe((probe) => probe.onScreen()));
    const clear = (x: number, y: number) => drawn.every((at) => Math.hypot(at.x - x, at.y - y) > 30);
    const margin = [20, 35, 50, 70, 90, 120, 150, 200].find(
      (m) =>
        clear(Math.min(microsoft.x, openai.x) - m, Math.min(microsoft.y, openai.y) - m) &&
        clear(Math.max(microsoft.x, openai.x) + m, Math.max(microsoft.y, openai.y) + m),
    );
    expect(margin).toBeDefined();
    const corner = {
      x1: Math.min(microsoft.x, openai.x) - margin!,
      y1: Math.min(microsoft.y, openai.y) - margin!,
      x2: Math.max(microsoft.x, openai.x) + margin!,
      y2: Math.max(microsoft.y, openai.y) + margin!,
    };
    await page.keyboard.down('Shift');
    await page.mouse.move(corner.x1, corner.y1);
    await page.mouse.down();
    for (let step = 1; step <= 10; step++)
      await page.mouse.move(
        corner.x1 + ((corner.x2 - corner.x1) * step) / 10,
        corner.y1 + ((corner.y2 - corner.y1) * step) / 10,
      );
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await expect.poll(() => summary().locator('h2').textContent()).toMatch(/^\d+ nodes selected$/);
    const count = Number((await summary().locator('h2').textContent())!.split(' ')[0]);
    const listed = await summary().getByRole('listitem').allTextContents();
    // The summary lists twelve captions, alphabetically, and counts the rest; Hide below shows that Microsoft
    // and OpenAI were both in the box.
    expect(listed).toHaveLength(Math.min(count, 12));
    expect(count).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: output('multi-select-box.png') });

    const before = Object.keys(await explorer.probe((probe) => probe.onScreen()));
    await summary().getByRole('button', { name: 'Hide', exact: true }).click();
    await explorer.idle();
    await expect.poll(async () => (await explorer.onScreen('microsoft')) ?? 'gone').toBe('gone');
    expect(await explorer.onScreen('openai')).toBeUndefined();
    // The nodes selected are gone, and only they.
    const after = new Set(Object.keys(await explorer.probe((probe) => probe.onScreen())));
    expect(before.filter((id) => !after.has(id))).toHaveLength(count);
    // A box drag and a layout on a busy machine: more than the default 30 s.
  }, 90_000);
});
