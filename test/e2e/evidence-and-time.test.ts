import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config.js';
import { openExplorer, type ExplorerPage } from './explorer-page.js';
import { useExplorerSite } from './explorer-site.js';

// What no other explorer shows (issue #15): figures the sources disagree on side by side, and time that reads
// as a list of changes and a histogram that plays forward. Default dataset, real API, real Chromium.
describe('disagreements and time in the explorer', () => {
  const site = useExplorerSite();
  const pages: Page[] = [];
  const output = (name: string) => path.join(projectRoot, 'test/e2e/output', name);

  async function fresh() {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    pages.push(page);
    return openExplorer(page, site.baseUrl);
  }

  /** The Disagreements view, opened, and the versions table of one group in it. */
  async function disagreement(explorer: ExplorerPage, group: string) {
    await explorer.showTab('Disagreements');
    const view = explorer.page.getByRole('region', { name: 'Disagreements' });
    const table = view.locator('table.versions').filter({ hasText: group });
    await table.waitFor();
    return { view, table };
  }

  it('When the Disagreements view is opened and one is shown, then every version is side by side with its sources, in the inspector too, and the edges are marked', async () => {
    const explorer = await fresh();
    const { page } = explorer;
    const { view, table: total } = await disagreement(explorer, 'Microsoft total investment');
    // Only figures that cannot all be true disagree (issue 23): the stake and revenue-share talks are positions.
    expect(await view.locator('table.versions').count()).toBeGreaterThanOrEqual(1);
    await expect
      .poll(() => total.textContent())
      .toMatch(/\$13 billion[\s\S]*\$14 billion|\$14 billion[\s\S]*\$13 billion/);
    await total.locator('xpath=..').getByRole('button', { name: 'Show on the canvas' }).click();
    await explorer.idle();
    const inspect = page.getByTestId('inspect');
    const versions = inspect.getByRole('region', { name: 'Sources disagree' });
    await versions.waitFor();
    expect(await versions.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    expect(await versions.locator('tbody tr[aria-current="true"]').count()).toBe(1);
    // Sources by their titles, not their ids, across the panel's width (not one word a line in a narrow column).
    await expect.poll(() => versions.textContent()).not.toMatch(/\d{3}_[0-9a-f]{16}/);
    const sources = versions.locator('tr.version-sources td').first();
    expect((await sources.boundingBox())!.width).toBeGreaterThan(
      0.9 * (await versions.locator('table').boundingBox())!.width,
    );
    // Each version says what it states, in words, on a line of its own (not only in a hover title).
    const statements = await versions.locator('tbody th[scope="rowgroup"]').allTextContents();
    expect(statements.length).toBeGreaterThanOrEqual(2);
    for (const statement of statements) expect(statement).toMatch(/^Microsoft [a-z ]+ OpenAI/);
    await explorer.showTab('List');
    const marked = page.getByTestId('element-list').locator('li[data-status*="sources disagree"]');
    expect(await marked.count()).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: output('disagreement.png') });
  });

  it('When an issue of the talks is inspected, then its positions read side by side: "wants 30–35 %" and "offers 33 %" apart', async () => {
    const explorer = await fresh();
    const { page } = explorer;
    await explorer.pick("Issue: Microsoft's share of the future company");
    const positions = page.getByTestId('inspect').getByRole('region', { name: 'Positions' });
    await positions.waitFor();
    const groups = positions.locator('tbody');
    await expect.poll(() => groups.count()).toBeGreaterThanOrEqual(3);
    // Each position: its name on a line, then stance, figures, as-of day and sources.
    const byFigures = new Map<string, string>();
    for (const group of await groups.all()) {
      const [stance, figures, asOf] = await group.locator('td').allTextContents();
      byFigures.set(figures!.trim(), `${stance} | ${asOf}`);
    }
    expect(byFigures.get('30–35 %')).toMatch(/wants/);
    expect(byFigures.get('33 %')).toMatch(/offers/);
    expect(byFigures.get('33 %')).toMatch(/June 2025/);
    await page.screenshot({ path: output('positions.png') });
  });

  it('When As of is set and paths are asked, then the search keeps to that day and each path says the day it held on', async () => {
    const explorer = await fresh();
    const { page } = explorer;
    await page.getByRole('checkbox', { name: 'As of' }).check();
    await page.getByLabel('As-of day').fill('2025-09-01');
    await explorer.pick('Google Cloud');
    await page.getByRole('button', { name: 'Expand, paths, pin…' }).click();
    await page.getByRole('menuitem', { name: 'Find paths from here…' }).click();
    const asked = page.waitForRequest((request) => request.url().includes('/api/paths'));
    await explorer.pick('Microsoft');
    const search = new URL((await asked).url()).searchParams;
    expect(search.get('asOf')).toBe('2025-09-01');
    const panel = page.getByRole('region', { name: 'Paths' });
    expect(await panel.getByText('Only paths that held on 1 September 2025').isVisible()).toBe(true);
    const meta = panel.locator('.path-list > li .meta');
    await meta.first().waitFor();
    for (const text of await meta.allTextContents()) expect(text).toContain('held on 1 September 2025');
    // Another day asks again.
    const again = page.waitForRequest((request) => request.url().includes('/api/paths'));
    await page.getByLabel('As-of day').fill('2025-10-01');
    expect(new URL((await again).url()).searchParams.get('asOf')).toBe('2025-10-01');
    await expect.poll(() => meta.first().textContent()).toContain('held on 1 October 2025');
  });

  it('When As of or Compare is set, then a folded group says how many of its members hold and what changed, and unfolded each member is faded or marked', async () => {
    const explorer = await fresh();
    const { page } = explorer;
    const group = 'group:microsoft|openai';
    const labels = () => explorer.probe((probe) => probe.edgeLabels());
    const marks = () => explorer.probe((probe) => probe.edgeMarks());
    await expect.poll(async () => (await labels())[group]).toMatch(/^\d+ relationships$/);
    const count = Number((await labels())[group]!.split(' ')[0]);
    // The board observer seat, ended in July 2024, is one of the folded relationships.
    await page.getByRole('checkbox', { name: 'As of' }).check();
    await page.getByLabel('As-of day').fill('2024-08-15');
    await explorer.idle();
    await expect.poll(async () => (await labels())[group]).toMatch(new RegExp(`^${count} relationships · \\d+ hold$`));
    const holding = Number(/· (\d+) hold/.exec((await labels())[group]!)![1]);
    expect(holding).toBeLessThan(count);
    expect(holding).toBeGreaterThan(0);
    expect((await marks())[group]).toEqual(['partly']);
    await page.screenshot({ path: output('group-as-of.png') });

    await page.getByRole('checkbox', { name: 'As of' }).uncheck();
    await page.getByRole('checkbox', { name: 'Compare' }).check();
    await page.getByLabel('Compare from').fill('2024-01-01');
    await page.getByLabel('Compare to').fill('2024-12-31');
    await explorer.idle();
    await expect.poll(async () => (await labels())[group]).toMatch(/ gone$/);
    const label = (await labels())[group]!;
    const [began, ended] = [/(\d+) new/.exec(label)?.[1], /(\d+) gone/.exec(label)?.[1]].map(Number);
    expect(ended).toBeGreaterThan(0);
    // Never both new and gone: a group where some began and others ended is marked as changed.
    expect((await marks())[group]).toEqual(began ? ['changed'] : ['gone']);
    await page.screenshot({ path: output('group-compared.png') });

    // Unfolded, each member shows its own mark.
    const goneEdges = async () =>
      Object.entries(await marks())
        .filter(([id, mark]) => id.startsWith('edge:') && mark.includes('gone'))
        .map(([id]) => id);
    const goneBefore = await goneEdges();
    await explorer.showTab('List');
    await page.getByTestId('element-list').locator('li[data-id="microsoft"]').getByRole('button').click();
    await page
      .getByRole('region', { name: 'Folded relationships' })
      .getByRole('button', { name: `Show the ${count} relationships with OpenAI one by one` })
      .click();
    await explorer.idle();
    await expect.poll(async () => (await labels())[group]).toBeUndefined();
    const unfolded = (await goneEdges()).filter((id) => !goneBefore.includes(id));
    expect(unfolded).toHaveLength(ended!);
    const unfoldedTypes = await Promise.all(unfolded.map(async (id) => (await labels())[id]));
    expect(unfoldedTypes).toContain('OBSERVER_ON_BOARD_OF');
    await page.screenshot({ path: output('group-unfolded-compared.png') });
  });

  it('When two dates are compared, then what began and ended between them is listed as sentences with sources and a count', async () => {
    const explorer = await fresh();
    const { page } = explorer;
    await page.getByRole('checkbox', { name: 'Compare' }).check();
    await page.getByLabel('Compare from').fill('2023-06-01');
    await page.getByLabel('Compare to').fill('2024-12-31');
    const changes = page.getByRole('region', { name: 'Changes' });
    await expect
      .poll(() => changes.locator('h3').textContent())
      .toMatch(/^\d+ changes? from 1 June 2023 to 31 December 2024$/);
    const seat = changes.locator('li.ended', { hasText: /observer/ });
    await seat.first().waitFor();
    expect(await seat.first().textContent()).toMatch(/^Ended July 2024: .+\(.+\)$/);
    const count = Number((await changes.locator('h3').textContent())!.split(' ')[0]);
    expect(await changes.locator('li').count()).toBe(count);
    await seat.first().getByRole('button').click();
    await explorer.idle();
    await expect.poll(() => page.getByTestId('inspect').locator('h2').textContent()).toBe('OBSERVER_ON_BOARD_OF');
    await page.screenshot({ path: output('changes.png') });
    // Dated nodes are marked as well as relationships.
    await changes.getByRole('button', { name: 'Show them all on the canvas' }).click();
    await explorer.idle();
    await explorer.showTab('List');
    const nodes = page.getByTestId('element-list').locator('ul').first().locator('li');
    await expect
      .poll(() => nodes.filter({ has: page.locator('xpath=self::*[contains(@data-status, "new")]') }).count())
      .toBeGreaterThan(0);
  });

  it('When As of is played, then the histogram shows dated events and the date moves forward on its own', async () => {
    const explorer = await fresh();
    const { page } = explorer;
    const histogram = page.getByTestId('histogram');
    expect(await histogram.locator('rect.began').count()).toBeGreaterThan(3);
    expect(await histogram.locator('rect.ended').count()).toBeGreaterThan(0);
    expect(await histogram.getAttribute('aria-label')).toMatch(/\d+ began and \d+ ended/);
    await page.getByRole('button', { name: 'Play forward' }).click();
    const day = page.getByLabel('As-of day');
    await expect.poll(() => day.inputValue()).not.toBe('');
    const first = await day.inputValue();
    await expect.poll(() => day.inputValue()).not.toBe(first);
    expect((await day.inputValue()) > first).toBe(true);
    await page.getByRole('button', { name: 'Pause' }).click();
    const paused = await day.inputValue();
    await page.waitForTimeout(1500);
    expect(await day.inputValue()).toBe(paused);
  });
});
