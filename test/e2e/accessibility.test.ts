import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config.js';
import { accessibilityProblems, openExplorer, type ExplorerPage, type Violation } from './explorer-page.js';
import { useExplorerSite } from './explorer-site.js';

const output = (name: string) => path.join(projectRoot, 'test/e2e/output', name);

describe('the explorer scanned with axe-core', () => {
  const site = useExplorerSite();
  let page: Page;
  let explorer: ExplorerPage;
  const found: Record<string, Violation[]> = {};
  /** Scans the page as it is now, keeping every finding of any impact (moderate and minor too) by state. */
  const scan = async (state: string) => {
    const problems = await accessibilityProblems(page, { every: true });
    if (problems.length) found[state] = problems;
    await page.screenshot({ path: output(`axe-${state.replaceAll(' ', '-')}.png`) });
  };

  beforeAll(async () => {
    page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    explorer = await openExplorer(page, site.baseUrl);
  });

  it('When the main states are scanned, then none has a violation of any impact, moderate included', async () => {
    await scan('opening view');

    await explorer.pick('Microsoft');
    await explorer.idle();
    await page.getByRole('region', { name: 'Timeline' }).waitFor();
    await scan('node inspected');

    await page.getByRole('button', { name: 'Expand, paths, pin…' }).click();
    await page.getByTestId('expand-menu').getByRole('menuitem').first().waitFor();
    await scan('node menu');
    await page.getByRole('menuitem', { name: 'Find paths from here…' }).click();
    await explorer.pick('Google Cloud');
    const paths = page.getByRole('region', { name: 'Paths' });
    await paths.locator('.path-list > li').first().waitFor();
    await scan('paths panel');
    await paths.getByRole('button', { name: 'Close the paths' }).click();

    await page.getByTestId('more-panels').click();
    await page.getByRole('tablist', { name: 'More panels' }).waitFor();
    await scan('more menu');
    await page.keyboard.press('Escape');

    await explorer.showTab('Queries');
    await page.getByLabel('Saved query').selectOption({ label: 'All deals of a company over time' });
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByTestId('result-drawer').waitFor();
    await page.getByTestId('result-table').locator('tbody tr').first().waitFor();
    await scan('query results');

    await page.getByRole('button', { name: /^Dates/ }).click();
    await page.getByRole('dialog', { name: 'Dates' }).waitFor();
    await scan('dating dialog');

    expect(found).toEqual({});
  }, 120_000);
});
