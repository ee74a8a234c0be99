import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config.js';
import { emptyDatabase, loadGraph } from '../support/graphs.js';
import { openExplorer } from './explorer-page.js';
import { useExplorerSite } from './explorer-site.js';

const output = (name: string) => path.join(projectRoot, 'test/e2e/output', name);

const people = [
  'id,name,born,since,until,source',
  'e2e-ada,Ada Byron,1815,2019,2021-06,Registry 2024',
  'e2e-alan,Alan Turing,1912,2020-03-15,,Registry 2024;Archive note',
].join('\n');

// An editor brings a spreadsheet of people: drops it, maps it on its preview, dry-runs it, imports it with the
// progress bar, opens what was imported, then rolls it back.
describe('importing a file in the explorer', () => {
  const site = useExplorerSite((db) => loadGraph(db, ["CREATE (:Company {id: 'e2e-acme', name: 'Acme'})"]));

  afterAll(async () => {
    await emptyDatabase(site.db);
  });

  it('When a CSV is chosen, mapped, dry-run and imported, then its nodes carry their sources and dates, and a rollback takes them away', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const explorer = await openExplorer(page, site.baseUrl, { nodes: false });
    await explorer.showTab('Import');
    await page.getByLabel('Choose a file to import').setInputFiles({
      name: 'people.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(people),
    });
    const mapping = page.getByRole('group', { name: 'Mapping' });
    await mapping.waitFor();
    await mapping.getByLabel('Labels (comma-separated)').fill('Person');
    // Guessed from the preview: born an integer, since a date; the id, caption, dates and source columns too.
    expect(await page.getByLabel('Type of born').inputValue()).toBe('integer');
    expect(await mapping.getByLabel('Id column').inputValue()).toBe('id');
    expect(await mapping.getByLabel('Source column').inputValue()).toBe('source');
    await page.screenshot({ path: output('import-mapping.png') });

    await page.getByRole('button', { name: 'Dry run' }).click();
    const status = page.getByRole('region', { name: 'Import a file' }).getByRole('status');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/dry run done/);
    expect(await page.getByText(/Nodes: 2 to create/).count()).toBe(1);

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/people\.csv: done/);
    expect(await page.getByLabel('Rows imported').getAttribute('value')).toBe('100');
    await page.screenshot({ path: output('import-done.png') });
    const { node } = (await (await fetch(`${site.baseUrl}/api/nodes/e2e-ada`)).json()) as {
      node: { properties: Record<string, unknown> };
    };
    expect(node.properties).toMatchObject({
      since: '2019-01-01',
      sincePrecision: 'year',
      until: '2021-07-01',
      sources: ['Registry 2024'],
    });

    await page.getByRole('button', { name: 'Show what was imported' }).click();
    await explorer.idle();
    await expect.poll(() => explorer.onScreen('e2e-ada')).toBeDefined();

    // A reload finds the job again from the browser's memory of it.
    await page.reload();
    const again = await openExplorer(page, site.baseUrl, { nodes: false });
    await again.showTab('Import');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/people\.csv: done/);

    await page.getByRole('button', { name: 'Roll back' }).click();
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/rolled-back/);
    expect((await fetch(`${site.baseUrl}/api/nodes/e2e-ada`)).status).toBe(404);
    expect((await fetch(`${site.baseUrl}/api/nodes/e2e-acme`)).status).toBe(200);
    await page.close();
  }, 120_000);
});
