import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config.js';
import { decodeView, encodeView } from '../../client/src/share/viewState.js';
import { loadGraph } from '../support/graphs.js';
import { accessibilityProblems, openExplorer, type ExplorerPage } from './explorer-page.js';
import { useExplorerSite } from './explorer-site.js';

const output = (name: string) => path.join(projectRoot, 'test/e2e/output', name);

// Neo4j's own example graph, as teams write it: films with the year they came out (`released: 1999`), roles
// dated by when shooting began (`at: datetime`), and reviews dated by a key nobody would guess (`posted`).
// No `since` or `until` anywhere: without a dating choice the explorer has no time at all.
const movieGraph = [
  `CREATE (keanu:Person {id: 'keanu', name: 'Keanu Reeves', born: 1964}),
          (carrie:Person {id: 'carrie', name: 'Carrie-Anne Moss', born: 1967}),
          (jessica:Person {id: 'jessica', name: 'Jessica Thompson'}),
          (matrix:Movie {id: 'matrix', title: 'The Matrix', released: 1999}),
          (reloaded:Movie {id: 'reloaded', title: 'The Matrix Reloaded', released: 2003}),
          (revolutions:Movie {id: 'revolutions', title: 'The Matrix Revolutions', released: 2003}),
          (wick:Movie {id: 'wick', title: 'John Wick', released: 2014}),
          (keanu)-[:ACTED_IN {roles: ['Neo'], at: datetime('1998-03-02T09:00:00+10:00')}]->(matrix),
          (keanu)-[:ACTED_IN {roles: ['Neo'], at: datetime('2001-03-01T08:00:00+10:00')}]->(reloaded),
          (keanu)-[:ACTED_IN {roles: ['Neo'], at: datetime('2001-03-01T08:00:00+10:00')}]->(revolutions),
          (keanu)-[:ACTED_IN {roles: ['John Wick'], at: datetime('2013-10-01T07:00:00-04:00')}]->(wick),
          (carrie)-[:ACTED_IN {roles: ['Trinity'], at: datetime('1998-03-02T09:00:00+10:00')}]->(matrix),
          (jessica)-[:REVIEWED {rating: 95, summary: 'A cult classic', posted: datetime('2004-05-01T10:00:00Z')}]->(matrix)`,
];

describe('time on a graph dated by other properties', () => {
  const site = useExplorerSite((db) => loadGraph(db, movieGraph));
  const pages: Page[] = [];

  async function fresh(page?: Page): Promise<ExplorerPage> {
    const opened = page ?? (await site.browser.newPage({ viewport: { width: 1280, height: 800 } }));
    pages.push(opened);
    return openExplorer(opened, site.baseUrl, { nodes: false });
  }

  /** Keanu Reeves with his films, and the review of The Matrix (added with its reviewer). */
  async function openTheFilms(explorer: ExplorerPage) {
    const { page } = explorer;
    await explorer.pick('Keanu Reeves');
    await explorer.idle();
    await page.getByRole('button', { name: 'Expand, paths, pin…' }).click();
    await page.getByRole('menuitem', { name: /ACTED_IN/ }).click();
    await explorer.idle();
    await explorer.pick('Jessica Thompson');
    await explorer.idle();
    await explorer.pick('Keanu Reeves');
    await explorer.idle();
  }

  /** Dates the reviews by `posted`, a key no guess takes. */
  async function dateReviewsByPosted(page: Page) {
    await page.getByRole('button', { name: /^Dates/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Dates' });
    await dialog.getByLabel('REVIEWED begins').selectOption('posted');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
  }

  const listed = (page: Page, text: string) =>
    page.getByTestId('element-list').locator('li', { hasText: text }).first();

  afterAll(async () => {
    for (const page of pages) await page.close().catch(() => undefined);
  });

  // Each test drives a page through several requests and layouts; a busy shared machine needs more than 30 s.
  const browserSteps = 90_000;

  it(
    'When the films and roles are on the canvas, then their dates are guessed, shown in the Dates dialog, and a date nobody guesses can be chosen',
    async () => {
      const explorer = await fresh();
      const { page } = explorer;
      await openTheFilms(explorer);
      // Guessed from the canvas: released for Movie, at for ACTED_IN; the time bar has a histogram at once.
      await page.getByTestId('histogram').waitFor();
      await page.getByRole('button', { name: /^Dates/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Dates' });
      await dialog.waitFor();
      const row = (name: string) =>
        dialog.locator('tr', { has: page.getByRole('rowheader', { name: new RegExp(`^${name} `) }) });
      expect(await dialog.getByLabel('Movie begins').inputValue()).toBe('released');
      expect(await row('Movie').textContent()).toMatch(/guessed from the canvas/);
      expect(await dialog.getByLabel('ACTED_IN begins').inputValue()).toBe('at');
      expect(await dialog.getByLabel('REVIEWED begins').inputValue()).toBe('');
      expect(await dialog.getByLabel('Movie begins').locator('option:checked').textContent()).toBe('released (1999)');
      expect(await dialog.getByLabel('ACTED_IN begins').locator('option:checked').textContent()).toBe(
        'at (2 March 1998)',
      );
      await dialog.getByLabel('REVIEWED begins').selectOption('posted');
      expect(await row('REVIEWED').textContent()).toMatch(/your choice/);
      await page.screenshot({ path: output('dating-dialog.png') });
      expect(await accessibilityProblems(page)).toEqual([]);
      const box = await dialog.boundingBox();
      expect(box!.y + box!.height).toBeLessThanOrEqual(800);
      expect(box!.x + box!.width).toBeLessThanOrEqual(1280);
      await dialog.getByRole('button', { name: 'Done' }).click();
      await expect.poll(() => dialog.count()).toBe(0);
    },
    browserSteps,
  );

  it(
    'When films, roles and reviews are dated by their own properties, then the timeline lists them, As of fades what is not yet out and Compare lists what began',
    async () => {
      const explorer = await fresh();
      const { page } = explorer;
      await openTheFilms(explorer);
      await dateReviewsByPosted(page);

      // The timeline of Keanu Reeves lists his roles, dated by `at` in each value's own zone.
      const timeline = page.getByRole('region', { name: 'Timeline' });
      await expect
        .poll(() => timeline.locator('li').allTextContents())
        .toEqual([
          expect.stringMatching(/^2 March 1998.*Keanu Reeves acted in The Matrix$/),
          expect.stringMatching(/^1 March 2001.*Keanu Reeves acted in The Matrix Re(loaded|volutions)$/),
          expect.stringMatching(/^1 March 2001.*Keanu Reeves acted in The Matrix Re(loaded|volutions)$/),
          expect.stringMatching(/^1 October 2013.*Keanu Reeves acted in John Wick$/),
        ]);

      // As of mid-2000: The Matrix is out, its sequels and John Wick are not, the review is not yet posted.
      await page.getByRole('checkbox', { name: 'As of' }).check();
      await page.getByLabel('As-of day').fill('2000-06-01');
      await explorer.showTab('List');
      await expect.poll(() => listed(page, 'The Matrix Reloaded').getAttribute('data-status')).toContain('not valid');
      expect(await listed(page, 'John Wick').getAttribute('data-status')).toContain('not valid');
      expect(await listed(page, 'REVIEWED').getAttribute('data-status')).toContain('not valid');
      expect(
        await page
          .getByTestId('element-list')
          .locator('li', { hasText: /^The Matrix/ })
          .first()
          .getAttribute('data-status'),
      ).not.toContain('not valid');
      await page.screenshot({ path: output('dating-as-of.png') });
      await page.getByLabel('As-of day').fill('2004-06-01');
      await expect.poll(() => listed(page, 'REVIEWED').getAttribute('data-status')).not.toContain('not valid');

      // Compare lists, as sentences, what the chosen properties say began between the two dates.
      await page.getByRole('checkbox', { name: 'Compare' }).check();
      await page.getByLabel('Compare from').fill('2000-01-01');
      await page.getByLabel('Compare to').fill('2004-12-31');
      const changes = page.getByRole('region', { name: 'Changes' });
      await expect
        .poll(() => changes.locator('h3').textContent())
        .toBe('5 changes from 1 January 2000 to 31 December 2004');
      const sentences = await changes.locator('li').allTextContents();
      expect(sentences).toEqual(
        expect.arrayContaining([
          'Began 2003: The Matrix Reloaded',
          'Began 2003: The Matrix Revolutions',
          'Began 1 March 2001: Keanu Reeves acted in The Matrix Reloaded',
          'Began 1 May 2004: Jessica Thompson reviewed The Matrix',
        ]),
      );
      await page.screenshot({ path: output('dating-changes.png') });
    },
    browserSteps,
  );

  it(
    'When the page is opened again or shared, then the choice of dates holds',
    async () => {
      const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const explorer = await fresh(await context.newPage());
      const { page } = explorer;
      await openTheFilms(explorer);
      await dateReviewsByPosted(page);
      const stored = await page.evaluate(() =>
        Object.entries(localStorage).filter(([key]) => key.startsWith('entente.dating.')),
      );
      expect(stored.map(([, value]) => JSON.parse(value))).toEqual([{ REVIEWED: { start: 'posted' } }]);
      await page.getByRole('button', { name: 'Share' }).click();
      expect(decodeView(new URL(page.url()).hash)?.dating).toEqual({ REVIEWED: { start: 'posted' } });

      // Another visit in this browser reads the choice kept for this database.
      const again = await fresh(await context.newPage());
      await openTheFilms(again);
      await again.page.getByRole('button', { name: /^Dates/ }).click();
      expect(await again.page.getByRole('dialog', { name: 'Dates' }).getByLabel('REVIEWED begins').inputValue()).toBe(
        'posted',
      );
      await context.close();

      // A browser that never chose opens the link with the sharer's dates.
      const other = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const copy = await openExplorer(await other.newPage(), page.url());
      await copy.page.getByRole('button', { name: /^Dates/ }).click();
      expect(await copy.page.getByRole('dialog', { name: 'Dates' }).getByLabel('REVIEWED begins').inputValue()).toBe(
        'posted',
      );

      // A link whose dates name what this database lacks (another database's, a renamed label) still opens.
      const shared = decodeView(new URL(page.url()).hash)!;
      const foreign = new URL(page.url());
      foreign.hash = encodeView({ ...shared, dating: { ...shared.dating, Ghost: { start: 'haunted' } } });
      const opened = await openExplorer(await other.newPage(), foreign.toString());
      expect(await opened.probe((probe) => probe.nodes)).toBe(shared.ids.length);
      await other.close();
    },
    browserSteps,
  );
  it(
    'When nothing on the canvas is dated and the first dating is chosen, then the Dates dialog stays open for the next',
    async () => {
      // A festival held on a day under a key no guess takes: alone on the canvas, nothing is dated.
      await site.db.write(
        "MERGE (:Festival {id: 'cannes-1999', name: 'Cannes festival 1999', held: date('1999-05-12')})",
      );
      // Datings name labels the server knows: wait for its schema, re-read every few seconds, to hold the new one.
      const labelsKnown = async () =>
        ((await (await fetch(`${site.baseUrl}/api/schema`)).json()) as { labels: { name: string }[] }).labels.map(
          (label) => label.name,
        );
      await expect.poll(labelsKnown, { timeout: 30_000 }).toContain('Festival');
      const explorer = await fresh();
      const { page } = explorer;
      await explorer.pick('Cannes festival 1999');
      await explorer.idle();
      await page.getByText('Nothing on the canvas is dated.').waitFor();
      await page.getByRole('button', { name: /^Dates/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Dates' });
      await dialog.getByLabel('Festival begins').selectOption('held');
      // The choice dates the canvas, and the time bar shows the slider: the dialog is still there.
      await page.getByTestId('histogram').waitFor();
      await page.screenshot({ path: output('dating-first-choice.png') });
      expect(await dialog.isVisible()).toBe(true);
      expect(await dialog.getByLabel('Festival begins').inputValue()).toBe('held');
      await dialog.getByRole('button', { name: 'Done' }).click();
      await expect.poll(() => dialog.count()).toBe(0);
    },
    browserSteps,
  );
});
