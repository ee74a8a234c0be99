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

const companies = [
  'id,name,source',
  'e2e-initech,Initech,Companies register',
  'e2e-globex,Globex,Companies register',
].join('\n');
const staff = [
  'id,name,company,since,source',
  'e2e-peter,Peter Gibbons,e2e-initech,1997,Staff list 1999',
  'e2e-hank,Hank Scorpio,e2e-globex,1996-05,Staff list 1999;Press cutting',
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
    // Dropped on the panel, as a file dragged from the desktop is.
    const dropped = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'people.csv', { type: 'text/csv' }));
      return transfer;
    }, people);
    await page.getByText(/Drop a CSV, TSV, JSON, GraphML or GEXF file here/).dispatchEvent('drop', {
      dataTransfer: dropped,
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
    // The inspector shows her dates, at the precision the file gave, and her source.
    await explorer.pick('Ada Byron');
    const inspector = page.getByTestId('inspect');
    await expect.poll(() => inspector.textContent()).toMatch(/2019/);
    expect(await inspector.textContent()).toMatch(/June 2021|2021-06|Jun 2021/);
    expect(await inspector.textContent()).toMatch(/Registry 2024/);
    await page.screenshot({ path: output('import-inspector.png') });

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

  it('When a pair of files, companies and their people, is imported with a relationship mapping between them, then the explorer shows the people, companies and links with their sources', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const explorer = await openExplorer(page, site.baseUrl, { nodes: false });
    await explorer.showTab('Import');
    const region = page.getByRole('region', { name: 'Import a file' });
    const status = region.getByRole('status');
    const mapping = page.getByRole('group', { name: 'Mapping' });
    const choose = (name: string, text: string) =>
      page
        .getByLabel('Choose a file to import')
        .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
    const importNow = async (name: string) => {
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(new RegExp(`${name}: done`));
    };

    // 1. The companies, as nodes.
    await choose('companies.csv', companies);
    await mapping.waitFor();
    await mapping.getByLabel('Labels (comma-separated)').fill('Company');
    await importNow('companies\\.csv');

    // 2. The people, as nodes: their mapping saved under a name for the next sheet like it.
    await page.getByRole('button', { name: 'Close' }).click();
    await choose('people.csv', staff);
    await mapping.waitFor();
    await mapping.getByLabel('Labels (comma-separated)').fill('Person');
    await mapping.getByLabel('Type of company').selectOption('skip');
    await mapping.getByLabel('Mapping name').fill('e2e staff list');
    await mapping.getByRole('button', { name: 'Save mapping' }).click();
    await expect.poll(() => mapping.getByText('Saved as "e2e staff list".').count()).toBe(1);
    await importNow('people\\.csv');

    // 3. The same people file again, each row a relationship from the person to the company, dated and sourced.
    await page.getByRole('button', { name: 'Close' }).click();
    await choose('people.csv', staff);
    await mapping.waitFor();
    await mapping.getByLabel('Each row makes').selectOption('relationships');
    await mapping.getByLabel('Type', { exact: true }).fill('WORKS_AT');
    await mapping.getByLabel('From column').selectOption('id');
    await mapping.getByLabel('To column').selectOption('company');
    const labels = mapping.locator('.endpoint').getByLabel('label');
    await labels.nth(0).fill('Person');
    await labels.nth(1).fill('Company');
    await mapping.getByLabel('Type of name').selectOption('skip');
    await page.screenshot({ path: output('import-pair-mapping.png') });
    await page.getByRole('button', { name: 'Dry run' }).click();
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/dry run done/);
    expect(await page.getByText(/relationships: 2 to create/).count()).toBe(1);
    await importNow('people\\.csv');

    // The saved mapping fills the form again.
    await mapping.getByLabel('Saved mapping', { exact: true }).selectOption('e2e staff list');
    expect(await mapping.getByLabel('Each row makes').inputValue()).toBe('nodes');
    expect(await mapping.getByLabel('Labels (comma-separated)').inputValue()).toBe('Person');

    const link = (await (await fetch(`${site.baseUrl}/api/nodes/e2e-hank/neighbours?types=WORKS_AT`)).json()) as {
      edges?: { type: string; target: string; properties: Record<string, unknown> }[];
    };
    expect(link.edges).toEqual([
      expect.objectContaining({
        type: 'WORKS_AT',
        target: 'e2e-globex',
        properties: expect.objectContaining({ sources: ['Staff list 1999', 'Press cutting'], since: '1996-05-01' }),
      }),
    ]);

    // In the explorer: the person, the company and the link between them, the person's sources in the inspector.
    await explorer.pick('Hank Scorpio');
    await explorer.idle();
    await expect.poll(() => explorer.onScreen('e2e-hank')).toBeDefined();
    await page.getByRole('button', { name: 'Expand, paths, pin…' }).click();
    await page.getByRole('menuitem', { name: /WORKS_AT/ }).click();
    await explorer.idle();
    await expect.poll(() => explorer.onScreen('e2e-globex')).toBeDefined();
    await explorer.pick('Hank Scorpio');
    const evidence = page.getByTestId('inspect').getByRole('region', { name: 'Evidence' });
    await evidence.waitFor();
    await expect.poll(() => evidence.textContent()).toMatch(/Staff list 1999[\s\S]*Press cutting/);
    await page.screenshot({ path: output('import-pair-explorer.png') });

    // On the time bar: before the link's first month (May 1996) it is faded, after it it holds.
    const worksAt = async () => {
      const marks = await explorer.probe((probe) => probe.edgeMarks());
      const id = Object.keys(marks).find((key) => key.includes('e2e-hank') && key.includes('e2e-globex'));
      return id === undefined ? undefined : marks[id];
    };
    await page.getByRole('checkbox', { name: 'As of' }).check();
    await page.getByLabel('As-of day').fill('1996-04-30');
    await explorer.idle();
    await expect.poll(worksAt).toContain('faded');
    await page.screenshot({ path: output('import-pair-as-of.png') });
    await page.getByLabel('As-of day').fill('1996-05-01');
    await explorer.idle();
    await expect.poll(worksAt).not.toContain('faded');
    await page.getByRole('checkbox', { name: 'As of' }).uncheck();

    // Rolled back, the three imports leave the graph as it was: the link, the people and the companies go,
    // what was there before stays.
    await explorer.showTab('Import');
    await page.getByRole('button', { name: 'Roll back' }).click();
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/rolled-back/);
    const linked = (await (await fetch(`${site.baseUrl}/api/nodes/e2e-hank/neighbours`)).json()) as {
      edges: { type: string }[];
    };
    expect(linked.edges.map((edge) => edge.type)).not.toContain('WORKS_AT');
    const { imports } = (await (await fetch(`${site.baseUrl}/api/imports`)).json()) as {
      imports: { id: string; status: string; dryRun: boolean }[];
    };
    // Newest first, each finished before the next starts.
    for (const job of imports.filter((job) => job.status === 'done' && !job.dryRun)) {
      const started = await fetch(`${site.baseUrl}/api/imports/${job.id}/rollback`, { method: 'POST' });
      expect(started.status, await started.text()).toBe(202);
      await expect
        .poll(
          async () =>
            ((await (await fetch(`${site.baseUrl}/api/imports/${job.id}`)).json()) as { status: string }).status,
          { timeout: 30_000 },
        )
        .toBe('rolled-back');
    }
    await expect
      .poll(async () => [
        (await fetch(`${site.baseUrl}/api/nodes/e2e-hank`)).status,
        (await fetch(`${site.baseUrl}/api/nodes/e2e-globex`)).status,
        (await fetch(`${site.baseUrl}/api/nodes/e2e-acme`)).status,
      ])
      .toEqual([404, 404, 200]);
    await page.close();
  }, 180_000);
  it('When rows would be rejected and "Skip rejected rows" is unticked, then the import fails and writes nothing', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const explorer = await openExplorer(page, site.baseUrl, { nodes: false });
    await explorer.showTab('Import');
    const status = page.getByRole('region', { name: 'Import a file' }).getByRole('status');
    await page.getByLabel('Choose a file to import').setInputFiles({
      name: 'strict.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('id,name\ne2e-strict-1,Good\ne2e-strict-2,Ragged,extra'),
    });
    const mapping = page.getByRole('group', { name: 'Mapping' });
    await mapping.waitFor();
    await mapping.getByLabel('Labels (comma-separated)').fill('Strict');
    const skip = page.getByRole('checkbox', { name: 'Skip rejected rows and import the good ones' });
    expect(await skip.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Dry run' }).click();
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/strict\.csv: dry run done/);
    expect(await page.getByText(/1 rows rejected/).count()).toBe(1);

    await skip.uncheck();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/strict\.csv: failed/);
    expect((await fetch(`${site.baseUrl}/api/nodes/e2e-strict-1`)).status).toBe(404);
    await page.close();
  }, 120_000);
});
