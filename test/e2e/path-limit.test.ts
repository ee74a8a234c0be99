import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config.js';
import { loadGraph } from '../support/graphs.js';
import { openExplorer } from './explorer-page.js';
import { useExplorerSite } from './explorer-site.js';

const output = (name: string) => path.join(projectRoot, 'test/e2e/output', name);

// Two accounts five transfers apart (past the panel's default of 4 steps); the first also a Vip (a second
// label, drawn in Account's colour) and watching itself (a self-loop).
const chainGraph = [
  `CREATE (a:Account:Vip {id: 'acct-0', name: 'Alpha Start'})
   CREATE (a)-[:WATCHES]->(a)
   CREATE (a)-[:TRANSFER]->(:Account {id: 'acct-1', name: 'Hop One'})-[:TRANSFER]->(:Account {id: 'acct-2', name: 'Hop Two'})
     -[:TRANSFER]->(:Account {id: 'acct-3', name: 'Hop Three'})-[:TRANSFER]->(:Account {id: 'acct-4', name: 'Hop Four'})
     -[:TRANSFER]->(:Account {id: 'acct-5', name: 'Omega End'})`,
];

describe('the path panel past four steps', () => {
  const site = useExplorerSite((db) => loadGraph(db, chainGraph));
  const pages: Page[] = [];
  afterAll(async () => {
    for (const page of pages) await page.close().catch(() => undefined);
  });

  it('When no path is found within 4 steps, then the panel offers 5 in one click and finds the path; the legend and the menu stay honest', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    pages.push(page);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const explorer = await openExplorer(page, site.baseUrl, { nodes: false });
    await explorer.pick('Alpha Start');
    await explorer.idle();
    // The self-loop is one line of the menu, not one out and one in.
    await page.getByRole('button', { name: 'Expand, paths, pin…' }).click();
    await page
      .getByRole('menuitem', { name: /TRANSFER/ })
      .first()
      .waitFor();
    expect(await page.getByRole('menuitem', { name: /WATCHES/ }).count()).toBe(1);
    await page.screenshot({ path: output('path-limit-menu.png') });
    await page.getByRole('menuitem', { name: 'Find paths from here…' }).click();
    await explorer.pick('Omega End');
    const panel = page.getByRole('region', { name: 'Paths' });
    const none = panel.getByRole('note');
    await expect.poll(() => none.textContent()).toMatch(/^No path of 4 steps or fewer .*searched in [\d.]+ s/);
    await page.screenshot({ path: output('path-limit-none.png') });
    await panel.getByRole('button', { name: 'Look up to 5 steps' }).click();
    await panel.locator('.path-list > li').first().waitFor();
    expect(await panel.locator('.path-list > li').count()).toBe(1);
    expect(await panel.getByRole('combobox').nth(1).inputValue()).toBe('5');
    expect(await panel.textContent()).toMatch(/Hop Four/);
    await page.screenshot({ path: output('path-limit-found.png') });
    // Vip is only ever a second label: listed as a filter, with no swatch of its own.
    await explorer.showTab('Legend');
    await page.getByRole('button', { name: 'Style Account' }).waitFor();
    expect(await page.getByRole('button', { name: 'Style Vip' }).count()).toBe(0);
    const legend = page.getByRole('region', { name: 'Legend and filters' });
    expect(await legend.locator('.swatch:not(.none)').count()).toBe(1);
    await page.screenshot({ path: output('path-limit-legend.png') });
    expect(errors).toEqual([]);
  }, 180_000);
});
