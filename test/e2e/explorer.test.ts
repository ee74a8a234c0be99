import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Download, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config.js';
import { readView } from '../../client/src/share/viewState.js';
import { openExplorer } from './explorer-page.js';
import { useExplorerSite } from './explorer-site.js';

// One analyst's session, step by step, in a real Chromium against the built client and the real API.
describe('the explorer in a browser', () => {
  const site = useExplorerSite();
  let page: Page;

  const listItem = (text: string) => page.getByTestId('element-list').locator('li', { hasText: text });
  const statusOf = (text: string) => listItem(text).first().getAttribute('data-status');
  const showTab = (name: string) => page.getByRole('tab', { name, exact: true }).click();

  async function pickFromSearch(text: string) {
    const box = page.getByRole('combobox', { name: 'Search the graph' });
    await box.fill(text);
    await page.getByRole('option').first().waitFor();
    await box.press('Enter');
  }

  async function downloaded(download: Download): Promise<Buffer> {
    const file = await download.path();
    return readFile(file);
  }

  beforeAll(async () => {
    page = await site.browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  });

  it('When the page opens, then it shows Microsoft and OpenAI with their partners and a legend', async () => {
    await page.goto(site.baseUrl);
    await showTab('List');
    await listItem('Microsoft').first().waitFor();
    expect(await page.getByTestId('element-list').locator('li[data-id="openai"]').count()).toBe(1);
    expect(await page.getByTestId('element-list').locator('li').count()).toBeGreaterThan(10);
    await showTab('Legend');
    await expect.poll(() => page.getByLabel('Legend and filters').textContent()).toContain('Company');
  });

  it('When a search hit is chosen with the keyboard, then it is added and inspected', async () => {
    await pickFromSearch('windsurf');
    await expect.poll(() => page.getByTestId('inspect').locator('h2').textContent()).toBe('Windsurf');
  });

  it('When a node is expanded by one relationship type, then only that type is added', async () => {
    await page.getByRole('button', { name: 'Expand, paths, pin…' }).click();
    const menu = page.getByTestId('expand-menu');
    await menu.getByRole('menuitem', { name: /PARTY_TO/ }).click();
    await showTab('List');
    await listItem("OpenAI's planned acquisition of Windsurf").first().waitFor();
  });

  it('When a relationship is inspected, then its claim and sources show, and a source shows what it supports', async () => {
    await listItem('Windsurf PARTY_TO').getByRole('button').click();
    const inspect = page.getByTestId('inspect');
    await expect.poll(() => inspect.textContent()).toContain('Windsurf is the target.');
    await inspect.getByRole('button', { name: 'OpenAI et Microsoft' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toMatch(/\d+ relationships cite this source/);
    // The canvas is now large enough for the thumbnail, which draws the graph in miniature.
    const thumbnail = page.locator('.thumbnail canvas');
    await thumbnail.waitFor();
    const paintedPixels = () =>
      thumbnail.evaluate(
        (canvas: HTMLCanvasElement) =>
          Array.from(canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data).filter(
            (value, index) => index % 4 === 3 && value > 0,
          ).length,
      );
    await expect.poll(paintedPixels).toBeGreaterThan(100);
  });

  /** Opens the path search from one node to another, both picked by search; resolves to the Paths panel. */
  async function findPaths(from: string, to: string) {
    await pickFromSearch(from);
    await page.getByRole('button', { name: 'Expand, paths, pin…' }).click();
    await page.getByRole('menuitem', { name: 'Find paths from here…' }).click();
    await pickFromSearch(to);
    return page.getByRole('region', { name: 'Paths' });
  }

  it('When paths are asked between two companies, then they are listed best first as chains, stepped through one at a time, and one is added', async () => {
    const panel = await findPaths('Google Cloud', 'Microsoft');
    const items = panel.locator('.path-list > li');
    await items.first().waitFor();
    const count = await items.count();
    expect(count).toBeGreaterThan(1);
    // Each path reads as a chain from Google Cloud to Microsoft, with the steps' verbs and their reasons.
    const first = (await items.first().locator('.chain').textContent())!;
    expect(first).toMatch(/^Google Cloud [—←].+ Microsoft$/);
    expect(first).not.toMatch(/[A-Z]+_[A-Z]+/);
    expect(await items.first().locator('.meta').textContent()).toMatch(/\d+ steps? · \d+ distinct sources?/);
    // One path at a time is current (and highlighted); Next moves on.
    expect(await panel.getByRole('status').textContent()).toBe(`Path 1 of ${count}`);
    await panel.getByRole('button', { name: 'Next' }).click();
    expect(await panel.getByRole('status').textContent()).toBe(`Path 2 of ${count}`);
    expect(await items.nth(1).getAttribute('aria-current')).toBe('true');
    // Another ranking asks again and lists its best first.
    await panel.getByLabel('Rank by').selectOption('evidence');
    await expect.poll(() => panel.getByRole('status').textContent()).toMatch(/^Path 1 of/);

    // The current path is spelled out step by step; on this busy canvas every step is drawn, so all light up.
    const current = panel.getByTestId('current-path');
    expect(await current.locator('li.drawn').count()).toBeGreaterThan(0);
    expect(await current.locator('li.drawn').first().textContent()).toMatch(/^Google Cloud [—←].+ highlighted$/);
    await items.first().getByRole('button', { name: 'Add this path' }).click();
    await expect.poll(() => page.locator('.banner.info').first().textContent()).toMatch(/Path 1 added/);
    await showTab('List');
    expect(await statusOf('Google Cloud')).toContain('highlighted');
    await panel.getByRole('button', { name: 'Close the paths' }).click();
  });

  it('When the user marks which relationship types a path never steps through, then the search obeys and the link keeps the choice', async () => {
    const panel = await findPaths('Google Cloud', 'Microsoft');
    const chains = panel.locator('.path-list .chain');
    await chains.first().waitFor();
    // Source-document mentions are pre-marked, among every relationship type of the database.
    await panel.getByText('Never step through: MENTIONED_IN').click();
    const types = panel.getByRole('group', { name: 'Relationship types no path may step through' });
    expect(await types.getByRole('checkbox').count()).toBeGreaterThan(20);
    expect(await types.getByRole('checkbox', { name: 'MENTIONED_IN', exact: true }).isChecked()).toBe(true);
    expect(await types.getByRole('checkbox', { name: 'PART_OF', exact: true }).isChecked()).toBe(false);
    const texts = async () => (await chains.allTextContents()).join('\n');
    expect(await texts()).toContain('part of');
    expect(await texts()).not.toContain('is mentioned in');
    const exclude = (list: string) =>
      page.waitForRequest((request) => new URL(request.url()).searchParams.get('exclude') === list);
    // Marking another type keeps every path off it.
    let asked = exclude('MENTIONED_IN,PART_OF');
    await types.getByRole('checkbox', { name: 'PART_OF', exact: true }).check();
    await asked;
    await expect.poll(() => panel.getByText('Finding paths…').count()).toBe(0);
    expect(await texts()).not.toMatch(/part of|is mentioned in/);
    // Letting mentions back in: the shortest paths now run through a document that names both.
    asked = exclude('PART_OF');
    await types.getByRole('checkbox', { name: 'MENTIONED_IN', exact: true }).uncheck();
    await asked;
    await expect.poll(texts).toContain('is mentioned in');
    expect(await texts()).not.toContain('part of');
    expect(await panel.getByText('Never step through: PART_OF').isVisible()).toBe(true);
    // Nothing marked is sent as an empty list, not left to the default.
    asked = exclude('');
    await types.getByRole('checkbox', { name: 'PART_OF', exact: true }).uncheck();
    await asked;
    expect(await panel.getByText('Never step through: nothing').isVisible()).toBe(true);
    // The link holds the choice.
    await types.getByRole('checkbox', { name: 'PART_OF', exact: true }).check();
    await expect
      .poll(() => readView(new URL(page.url()).hash))
      .toMatchObject({ kind: 'view', view: { pathExclude: ['PART_OF'] } });
    // A copy of the link opens with the same choice in its path search.
    const copy = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await copy.goto(page.url());
    await copy.getByRole('button', { name: 'Expand, paths, pin…' }).click();
    await copy.getByRole('menuitem', { name: 'Find paths from here…' }).click();
    const copySearch = copy.getByRole('combobox', { name: 'Search the graph' });
    await copySearch.fill('Google Cloud');
    await copy.getByRole('option').first().waitFor();
    const copyAsked = copy.waitForRequest((request) => request.url().includes('/api/paths'));
    await copySearch.press('Enter');
    expect(new URL((await copyAsked).url()).searchParams.get('exclude')).toBe('PART_OF');
    await copy.close();
    // Back to the default for the rest of the session.
    await types.getByRole('checkbox', { name: 'MENTIONED_IN', exact: true }).check();
    await types.getByRole('checkbox', { name: 'PART_OF', exact: true }).uncheck();
    await panel.getByRole('button', { name: 'Close the paths' }).click();
  });

  it('When the date moves past the end of a relationship, then it fades as not valid', async () => {
    await pickFromSearch('Microsoft');
    await page.getByRole('button', { name: 'Expand, paths, pin…' }).click();
    await page.getByRole('menuitem', { name: /OBSERVER_ON_BOARD_OF/ }).click();
    await showTab('List');
    await listItem('OBSERVER_ON_BOARD_OF').first().waitFor();
    await page.getByRole('checkbox', { name: 'As of' }).check();
    await page.getByLabel('As-of day').fill('2024-01-15');
    await expect.poll(() => statusOf('OBSERVER_ON_BOARD_OF')).not.toContain('not valid');
    await page.getByLabel('As-of day').fill('2024-08-01');
    await expect.poll(() => statusOf('OBSERVER_ON_BOARD_OF')).toContain('not valid on the date');
  });

  it('When two dates are compared, then what ended between them is marked gone and what began is new', async () => {
    await page.getByRole('checkbox', { name: 'Compare' }).check();
    await page.getByLabel('Compare from').fill('2024-01-01');
    await page.getByLabel('Compare to').fill('2024-12-31');
    await expect.poll(() => statusOf('OBSERVER_ON_BOARD_OF')).toContain('gone');
    await page.getByLabel('Compare from').fill('2023-06-01');
    await page.getByLabel('Compare to').fill('2023-12-31');
    await expect.poll(() => statusOf('OBSERVER_ON_BOARD_OF')).toContain('new');
    await page.getByRole('checkbox', { name: 'Compare' }).uncheck();
  });

  it('When a change is undone and redone, then the canvas goes back and forth', async () => {
    const count = () => page.getByTestId('element-list').locator('li[data-id]').count();
    const before = await count();
    await listItem('Windsurf').first().getByRole('button').click();
    await page.getByRole('button', { name: 'Expand, paths, pin…' }).click();
    await page.getByRole('menuitem', { name: /^Hide/ }).click();
    await expect.poll(count).toBeLessThan(before);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(count).toBe(before);
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(count).toBeLessThan(before);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(count).toBe(before);
  });

  it('When a saved query is run with a parameter, then its rows show in a table and its graph on the canvas', async () => {
    await showTab('Queries');
    await page.getByLabel('Saved query').selectOption({ label: 'All deals of a company over time' });
    // A node parameter is picked by name with the search, never typed as an id.
    const company = page.getByRole('combobox', { name: 'The company' });
    await company.fill('Windsurf');
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    await company.press('Enter');
    await expect.poll(() => page.getByText('Chosen: Windsurf').count()).toBe(1);
    await page.getByRole('button', { name: 'Run' }).click();
    const table = page.getByTestId('result-table');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(1);
    expect(await table.textContent()).toContain("OpenAI's planned acquisition of Windsurf");
  });

  it('When the Cypher console gets a syntax error, then the error shows where it is', async () => {
    await showTab('Cypher');
    const editor = page.getByRole('textbox', { name: 'Cypher query' });
    await editor.fill('MATCH (n RETURN n');
    await editor.press('Control+Enter');
    await expect.poll(() => page.getByTestId('console-error').textContent()).toMatch(/Line 1, column 10/);
  });

  it('When the page URL is opened again, then the same nodes, date and filters come back', async () => {
    await showTab('List');
    const ids = async (target: Page) =>
      (
        await target
          .getByTestId('element-list')
          .locator('li[data-id]')
          .evaluateAll((items) => items.map((item) => item.getAttribute('data-id')))
      ).sort();
    await expect.poll(() => page.url(), { timeout: 5000 }).toContain('#view=');
    await page.waitForTimeout(1000);
    const before = await ids(page);
    const copy = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await copy.goto(page.url());
    await copy.getByRole('tab', { name: 'List', exact: true }).click();
    await expect.poll(async () => (await ids(copy)).length).toBe(before.length);
    expect(await ids(copy)).toEqual(before);
    expect(await copy.getByLabel('As-of day').inputValue()).toBe('2024-08-01');
    await copy.close();
  });

  it('When the view is exported, then the JSON, CSV, SVG and PNG files parse', async () => {
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'JSON' }).click(),
    ]);
    const graph = JSON.parse((await downloaded(json)).toString('utf8'));
    expect(graph.nodes.length).toBeGreaterThan(10);
    expect(graph.edges[0]).toEqual(expect.objectContaining({ id: expect.any(String), type: expect.any(String) }));

    const csvFiles: Buffer[] = [];
    page.on('download', (download) => void downloaded(download).then((content) => csvFiles.push(content)));
    await page.getByRole('button', { name: 'CSV' }).click();
    await expect.poll(() => csvFiles.length).toBe(2);
    const headers = csvFiles.map((file) => file.toString('utf8').split('\n')[0]).sort();
    expect(headers[0]).toMatch(/^id,labels,caption,/);
    expect(headers[1]).toMatch(/^id,type,source,target/);
    page.removeAllListeners('download');

    // Zoomed far out the screen leaves labels out; an export still carries them.
    const canvasBox = (await page.getByTestId('canvas').boundingBox())!;
    await page.mouse.move(canvasBox.x + canvasBox.width / 2, canvasBox.y + canvasBox.height / 2);
    for (let step = 0; step < 40; step++) await page.mouse.wheel(0, 1000);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG' }).click()]);
    const svgText = (await downloaded(svg)).toString('utf8');
    expect(svgText).toMatch(/<svg[\s\S]*<\/svg>\s*$/);
    expect(svgText).toContain('Windsurf');
    await page.getByRole('button', { name: 'Fit', exact: true }).click();

    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG' }).click()]);
    expect((await downloaded(png)).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    // The picture of this run, for people reviewing it (git-ignored).
    await page.screenshot({ path: path.join(projectRoot, 'test/e2e/output/explorer.png') });
  });

  it('When the canvas lacks part of a path stepped to, then its missing steps are listed, and once added it is highlighted beside the ranked list (the README picture)', async () => {
    const fresh = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const explorer = await openExplorer(fresh, site.baseUrl);
    await explorer.pick('Google Cloud');
    await fresh.getByRole('button', { name: 'Expand, paths, pin…' }).click();
    await fresh.getByRole('menuitem', { name: 'Find paths from here…' }).click();
    // xAI: some of its paths from Google Cloud pass nodes the opening view does not draw (a filing, a
    // scenario); every simple path to Microsoft, and the one to Windsurf once picked, is drawn already.
    await explorer.pick('xAI');
    const panel = fresh.getByRole('region', { name: 'Paths' });
    await panel.locator('.path-list > li').first().waitFor();
    await panel.getByLabel('Rank by').selectOption('evidence');
    await expect.poll(() => panel.getByRole('status').textContent()).toMatch(/^Path 1 of/);
    // Stepping to a path the canvas does not draw yet says, step by step, what is missing; the rest lights up.
    const items = panel.locator('.path-list > li');
    const undrawn = async () =>
      (await items.allTextContents()).findIndex((text) => text.includes('not on the canvas yet'));
    await expect.poll(undrawn).toBeGreaterThanOrEqual(0);
    const index = await undrawn();
    const chosen = items.nth(index);
    await chosen.locator('.chain').click();
    await expect.poll(() => chosen.getAttribute('aria-current')).toBe('true');
    const current = chosen.getByTestId('current-path');
    const missing = current.locator('li.missing');
    await expect.poll(() => missing.count()).toBeGreaterThan(0);
    expect(await missing.first().isVisible()).toBe(true);
    expect(await missing.first().textContent()).toMatch(/[—←].+ not on the canvas$/);
    expect(await current.getByRole('note').textContent()).toMatch(/^(None|\d+ of \d+) .*not on the canvas yet.*\.$/);
    expect(await current.getByRole('note').isVisible()).toBe(true);
    // Add draws the missing steps: then every step is on the canvas and highlighted.
    await chosen.getByRole('button', { name: 'Add this path' }).click();
    await expect.poll(() => missing.count()).toBe(0);
    expect(await current.textContent()).toContain('Every step is on the canvas and highlighted.');
    expect(await current.locator('li.drawn').count()).toBeGreaterThan(0);
    await explorer.idle();
    // Only the picture's subject: no banner left over, the legend beside the canvas.
    await fresh.getByRole('button', { name: 'Dismiss' }).click();
    await explorer.showTab('Legend');
    await explorer.fit();
    expect(await fresh.locator('.banner').count()).toBe(0);
    await fresh.screenshot({ path: path.join(projectRoot, 'test/e2e/output/paths.png') });
    await fresh.close();
  });
});
