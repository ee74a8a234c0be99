import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config.js';
import { openExplorer, type ExplorerPage, type Point } from './explorer-page.js';
import { useExplorerSite } from './explorer-site.js';

const output = (name: string) => path.join(projectRoot, 'test/e2e/output', name);

const arrows: Record<string, Point> = {
  ArrowRight: { x: 1, y: 0 },
  ArrowDown: { x: 0, y: 1 },
  ArrowLeft: { x: -1, y: 0 },
  ArrowUp: { x: 0, y: -1 },
};
/** Within 67.5° of an arrow's direction, as the canvas reads an arrow key. */
const along = (from: Point, to: Point, direction: Point) => {
  const distance = Math.hypot(to.x - from.x, to.y - from.y);
  return distance > 0 && ((to.x - from.x) * direction.x + (to.y - from.y) * direction.y) / distance >= 0.38;
};

describe('the explorer with the keyboard alone', () => {
  const site = useExplorerSite();
  let page: Page;
  let explorer: ExplorerPage;
  /** What has the focus: its id, else its text; "BODY" when nothing has. */
  const focused = () =>
    page.evaluate(() => {
      const active = document.activeElement;
      if (!active || active === document.body) return 'BODY';
      return active.id || (active.textContent ?? '').trim();
    });
  const spoken = () => page.getByTestId('canvas-focus').textContent();
  const selected = () => explorer.probe((probe) => probe.selectedNodes());
  const inspected = () => page.locator('.details h2').first().textContent();
  const menu = () => page.getByRole('menu', { name: 'Node actions' });

  beforeAll(async () => {
    page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    explorer = await openExplorer(page, site.baseUrl);
  });

  it('When the page opens, then the first Tab reaches a skip link to the canvas, which the canvas takes with a name', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Skip to the canvas');
    await page.screenshot({ path: output('keyboard-skip-link.png') });
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('graph-canvas');
    expect(await page.getByRole('application', { name: 'Graph canvas' }).count()).toBe(1);
    // The next link leads to the side panel.
    await page.getByRole('link', { name: 'Skip to the canvas' }).focus();
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Skip to the panels');
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('side-panels');
  });

  it('When a node is found by search, then each of its actions is fewer than 10 keys away, and the focus comes back to the canvas', async () => {
    await explorer.pick('Microsoft');
    await explorer.idle();
    await expect.poll(selected).toEqual(['microsoft']);
    const keys: string[] = [];
    const press = async (key: string) => {
      keys.push(key);
      await page.keyboard.press(key);
    };
    // From the search box back to the skip links, then to the canvas, which names the node found.
    for (let step = 0; step < 3; step++) await press('Shift+Tab');
    expect(await focused()).toBe('Skip to the canvas');
    await press('Enter');
    expect(await focused()).toBe('graph-canvas');
    await expect.poll(spoken).toMatch(/^Microsoft, Company: \d+ relationships? drawn with \d+ neighbours? \(/);
    await press('Enter');
    await menu().waitFor();
    await menu().getByRole('menuitem').first().waitFor();
    // Type-ahead: the first letter of an action goes to it.
    await press('f');
    expect(await focused()).toBe('Find paths from here…');
    await page.screenshot({ path: output('keyboard-node-menu.png') });
    await press('Enter');
    await page.getByText('Select the second node to find paths from Microsoft.').waitFor();
    expect(keys.length).toBeLessThan(10);
    // Never the body: back on the canvas that opened the menu.
    expect(await focused()).toBe('graph-canvas');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('When arrow keys are pressed on the canvas, then the selection moves to the neighbour in that direction, and is said', async () => {
    await page.locator('#graph-canvas').focus();
    await expect.poll(selected).toEqual(['microsoft']);
    let moves = 0;
    let toNeighbours = 0;
    for (const [key, direction] of Object.entries(arrows)) {
      const [before] = await selected();
      const placed = await explorer.probe((probe) => probe.onScreen());
      const neighbours = await page.evaluate(
        (id) => (window as unknown as { __entente: { neighbours(id: string): string[] } }).__entente.neighbours(id),
        before!,
      );
      const ahead = neighbours.filter((id) => placed[id] && along(placed[before!]!, placed[id], direction));
      await page.keyboard.press(key);
      await explorer.idle();
      const [after] = await selected();
      if (ahead.length) {
        // A neighbour lies that way: the keyboard goes to one of them.
        expect(ahead).toContain(after);
        toNeighbours++;
      }
      if (after === before) continue;
      moves++;
      expect(along(placed[before!]!, placed[after!]!, direction)).toBe(true);
      const caption = await inspected();
      await expect.poll(spoken).toMatch(new RegExp(`^${caption!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, `));
    }
    expect(moves).toBeGreaterThan(0);
    expect(toNeighbours).toBeGreaterThan(0);
    await page.screenshot({ path: output('keyboard-arrows.png') });
  });

  it('When a menu opened from the keyboard acts or is left with Escape, then the focus returns to what opened it', async () => {
    await page.locator('#graph-canvas').focus();
    const [node] = await selected();
    expect(node).toBeDefined();
    await page.keyboard.press('Enter');
    await menu().waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => menu().count()).toBe(0);
    expect(await focused()).toBe('graph-canvas');

    // From the inspector's button: Hide removes the node, and with it the button; the canvas has the focus.
    const open = page.getByRole('button', { name: 'Expand, paths, pin…' });
    await open.focus();
    await page.keyboard.press('Enter');
    await menu().getByRole('menuitem').first().waitFor();
    await page.keyboard.press('h');
    expect(await focused()).toBe('Hide');
    await page.keyboard.press('Enter');
    await explorer.idle();
    await expect.poll(() => explorer.onScreen(node!).then((at) => at ?? 'gone')).toBe('gone');
    expect(await focused()).toBe('graph-canvas');
  });
});
