import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config.js';
import { protoGraph } from '../support/foreign-graphs.js';
import { loadGraph } from '../support/graphs.js';
import { openExplorer, type ExplorerPage } from './explorer-page.js';
import { useExplorerSite } from './explorer-site.js';

const output = (name: string) => path.join(projectRoot, 'test/e2e/output', name);

// A graph whose labels, relationship types, keys and ids are __proto__, constructor, toString, valueOf and
// hasOwnProperty (test/support/foreign-graphs.ts): each used to blank the explorer or misname a type.
describe('the explorer on a graph named after JavaScript’s own members', () => {
  const site = useExplorerSite((db) => loadGraph(db, protoGraph));
  const pages: Page[] = [];
  const errors: string[] = [];

  async function fresh(): Promise<ExplorerPage> {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (error) => errors.push(error.message));
    pages.push(page);
    return openExplorer(page, site.baseUrl, { nodes: false });
  }

  const listText = (page: Page) => page.getByTestId('element-list').textContent();

  afterAll(async () => {
    for (const page of pages) await page.close().catch(() => undefined);
  });

  it('When the __proto__ label is opened, expanded by each type and pathed through, then every view names them and nothing blanks', async () => {
    const explorer = await fresh();
    const { page } = explorer;
    const overview = page.getByRole('region', { name: 'Overview of the database' });
    await overview.waitFor();
    await page.screenshot({ path: output('object-names-overview.png') });
    await overview.getByRole('button', { name: /^__proto__: 1 nodes/ }).click();
    await explorer.idle();
    await expect.poll(() => explorer.probe((probe) => probe.nodes)).toBe(1);
    await explorer.showTab('List');
    await expect.poll(() => listText(page)).toContain('Proto Alpha');
    await explorer.pick('Proto Alpha');
    await explorer.idle();
    await expect.poll(() => page.getByTestId('inspect').locator('h2').textContent()).toBe('Proto Alpha');
    // Its menu lists the types by name; each expansion adds the neighbour with its relationship.
    for (const type of ['__proto__', 'hasOwnProperty', 'HAS']) {
      await page.getByRole('button', { name: 'Expand, paths, pin…' }).click();
      await page
        .getByRole('menuitem', { name: new RegExp(`^[→←] ${type} `) })
        .first()
        .click();
      await explorer.idle();
    }
    await expect.poll(() => explorer.probe((probe) => probe.nodes)).toBe(4);
    await explorer.pick('ToString Gamma');
    await explorer.idle();
    await explorer.pick('ValueOf Delta');
    await explorer.idle();
    await expect.poll(() => explorer.probe((probe) => probe.nodes)).toBe(6);
    await explorer.showTab('List');
    const list = await listText(page);
    for (const name of ['Proto Alpha', 'Constructor Beta', 'HasOwn Epsilon', 'Object Omega', 'ToString Gamma']) {
      expect(list).toContain(name);
    }
    for (const type of ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'])
      expect(list).toContain(type);
    expect(list).not.toMatch(/native code|\[object Object\]/);
    await explorer.showTab('Legend');
    for (const label of ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty']) {
      await page.getByRole('button', { name: `Style ${label}` }).waitFor();
    }
    await explorer.fit();
    await page.screenshot({ path: output('object-names-canvas.png') });
    // Paths from Constructor Beta (id __proto__) to HasOwn Epsilon (id toString).
    await explorer.pick('Constructor Beta');
    await explorer.idle();
    await page.getByRole('button', { name: 'Expand, paths, pin…' }).click();
    await page.getByRole('menuitem', { name: 'Find paths from here…' }).click();
    await explorer.pick('HasOwn Epsilon');
    const panel = page.getByRole('region', { name: 'Paths' });
    await panel.locator('.path-list > li').first().waitFor();
    const paths = await panel.textContent();
    expect(paths).toMatch(/Constructor Beta/);
    expect(paths).not.toMatch(/native code|function Object/);
    await page.screenshot({ path: output('object-names-paths.png') });
    expect(errors).toEqual([]);
  }, 180_000);

  it('When a node with a 2,000-character caption is selected, then the inspector keeps it to its width and a few lines', async () => {
    const long = 'Überlange Bezeichnung '.repeat(60) + 'x'.repeat(700);
    await site.db.write("CREATE (:Note {id: 'long-note', name: $long})", { long });
    const explorer = await fresh();
    const { page } = explorer;
    await explorer.pick('Überlange Bezeichnung');
    await explorer.idle();
    const inspect = page.getByTestId('inspect');
    await expect.poll(() => inspect.locator('h2').textContent()).toBe(long);
    const sizes = await inspect.evaluate((panel) => ({
      scroll: panel.scrollWidth,
      client: panel.clientWidth,
      heading: panel.querySelector('h2')!.getBoundingClientRect().height,
    }));
    expect(sizes.scroll).toBeLessThanOrEqual(sizes.client);
    expect(sizes.heading).toBeLessThan(120);
    // The whole caption stays readable on hover.
    expect(await inspect.locator('h2').getAttribute('title')).toBe(long);
    await page.screenshot({ path: output('object-names-long-caption.png') });
    // More shows it whole, still within the panel's width; Less cuts it again.
    await inspect.getByRole('button', { name: 'more', exact: true }).click();
    const whole = await inspect.evaluate((panel) => ({
      scroll: panel.scrollWidth,
      client: panel.clientWidth,
      heading: panel.querySelector('h2')!.getBoundingClientRect().height,
    }));
    expect(whole.heading).toBeGreaterThan(sizes.heading * 2);
    expect(whole.scroll).toBeLessThanOrEqual(whole.client);
    await page.screenshot({ path: output('object-names-long-caption-whole.png') });
    await inspect.getByRole('button', { name: 'less', exact: true }).click();
    await expect
      .poll(() => inspect.evaluate((panel) => panel.querySelector('h2')!.getBoundingClientRect().height))
      .toBe(sizes.heading);
  }, 120_000);
});
