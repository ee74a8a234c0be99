import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config.js';
import { openExplorer } from './explorer-page.js';
import { useExplorerSite } from './explorer-site.js';

// Editing with evidence in the inspector (issue 26): single-user mode, so the page's caller is the local admin.
describe('editing in the explorer', () => {
  const site = useExplorerSite();
  const output = (name: string) => path.join(projectRoot, 'test/e2e/output', name);
  const label = 'EditingE2E';

  afterAll(async () => {
    await site.db.write(`MATCH (n:${label}) DETACH DELETE n`);
    // Made in the Edit tab, which offers the label only.
    await site.db.write(
      "MATCH (n:Company {name: 'Harrow Capital'}) WHERE n._entente_lastEdit IS NOT NULL DETACH DELETE n",
    );
    await site.db.write(
      "MATCH (s:Source) WHERE s.id STARTS WITH 'src-' AND s._entente_lastEdit IS NOT NULL DETACH DELETE s",
    );
  });

  it('When an editor changes a node with a claim and a URL source, then the inspector shows the new value, its evidence and its history, and Revert undoes it', async () => {
    const made = await fetch(`${site.baseUrl}/api/nodes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        labels: ['Company', label],
        properties: { name: 'Quillfeather Analytics', employees: 40, founded: { type: 'date', value: '2018-03-01' } },
        claim: 'Quillfeather Analytics was founded in March 2018 and has 40 staff.',
        sources: [{ title: 'Company register extract', text: 'Quillfeather Analytics, founded 2018-03-01, 40 staff.' }],
      }),
    });
    expect(made.status).toBe(201);
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(20_000);
    const explorer = await openExplorer(page, site.baseUrl);
    await explorer.pick('Quillfeather');
    await explorer.idle();
    const inspect = page.getByTestId('inspect');
    await inspect.getByRole('heading', { name: 'Quillfeather Analytics' }).waitFor();
    const editing = inspect.getByRole('region', { name: 'Editing' });
    await editing.getByRole('button', { name: 'Edit…' }).click();
    const form = editing.getByRole('form', { name: 'Edit the selection' });
    await form.getByLabel('employees').fill('55');
    await form.getByLabel('Claim').fill('Quillfeather Analytics now has 55 staff.');
    await form.getByLabel('URL').fill('https://example.org/quillfeather-grows');
    await form.getByLabel('Title').fill('Quillfeather grows');
    await form.getByLabel('Outlet').fill('Example News');
    await form.getByLabel('Date').fill('2025-02');
    await form.getByRole('button', { name: 'Save with this evidence' }).click();
    await editing.getByRole('status').filter({ hasText: 'Saved (version 2)' }).waitFor();
    await explorer.idle();
    // The inspector shows the new figure and the new source among the evidence, and the history names the change.
    await expect.poll(() => inspect.locator('table').textContent()).toMatch(/55/);
    await expect
      .poll(() => inspect.getByRole('region', { name: 'Evidence' }).textContent())
      .toMatch(/Quillfeather grows/);
    const history = editing.getByRole('list', { name: 'History' });
    await expect.poll(() => history.locator('li').count()).toBe(2);
    expect(await history.locator('li').first().textContent()).toMatch(/changed \(employees\)[\s\S]*55 staff/);
    await page.screenshot({ path: output('editing.png') });

    await history.locator('li').first().getByRole('button', { name: 'Revert' }).click();
    await editing
      .getByRole('status')
      .filter({ hasText: /reverted/ })
      .waitFor();
    await expect.poll(() => history.locator('li').count()).toBe(3);
    const { records } = await site.db.read(`MATCH (n:${label}) RETURN n.employees AS employees`);
    expect(Number(records[0]!.get('employees'))).toBe(40);
    await expect.poll(() => inspect.locator('table').textContent()).toMatch(/40/);
    await page.screenshot({ path: output('editing-reverted.png') });
    await page.close();
  }, 120_000);
  it('When an editor makes a node and a relationship in the Edit tab, then merges a suggested duplicate and undoes it, then each is in the graph with its evidence', async () => {
    const post = async (route: string, body: unknown) => {
      const response = await fetch(`${site.baseUrl}/api/${route}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status, await response.clone().text()).toBeLessThan(300);
      return response.json() as Promise<{ node: { id: string } }>;
    };
    const register = { title: 'Register', text: 'Entries of the company register.' };
    const brindle = await post('nodes', {
      labels: ['Company', label],
      properties: { name: 'Brindle Works' },
      claim: 'Brindle Works is a company.',
      sources: [register],
    });
    const twins = [
      await post('nodes', {
        labels: ['Company', label],
        properties: { name: 'Ostrava Mills SA', employees: 12 },
        claim: 'Ostrava Mills SA has 12 staff.',
        sources: [register],
      }),
      await post('nodes', {
        labels: ['Company', label],
        properties: { name: 'mills ostrava', founded: { type: 'date', value: '1990-01-01' } },
        claim: 'Ostrava Mills was founded in 1990.',
        sources: [register],
      }),
    ];
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(20_000);
    const explorer = await openExplorer(page, site.baseUrl);
    await explorer.pick('Brindle Works');
    await explorer.idle();
    await explorer.showTab('Edit');
    const source = async (form: ReturnType<typeof page.getByRole>, url: string, title: string) => {
      await form.getByLabel('URL').fill(url);
      await form.getByLabel('Title').fill(title);
      await form.getByLabel('Outlet').fill('Example News');
      await form.getByLabel('Date').fill('2024-05');
    };

    // A node: its form offers the properties Company nodes already have.
    const newNode = page.getByRole('form', { name: 'New node' });
    await newNode.getByLabel('Label').fill('Company');
    await newNode.getByLabel('Name (caption)').fill('Harrow Capital');
    await newNode.getByLabel(/^employees/).waitFor();
    await newNode.getByLabel('Claim').fill('Harrow Capital is an investment firm.');
    await source(newNode, 'https://example.org/harrow', 'Harrow Capital launches');
    await newNode.getByRole('button', { name: 'Create with this evidence' }).click();
    await newNode.getByRole('status').filter({ hasText: 'Made “Harrow Capital”' }).waitFor();
    await explorer.idle();

    // A relationship between the two nodes on the canvas, dated, with a figure and a URL source.
    await page.getByRole('tab', { name: 'New relationship' }).click();
    const newRelationship = page.getByRole('form', { name: 'New relationship' });
    await newRelationship.getByLabel(/^From/).selectOption({ label: 'Harrow Capital' });
    await newRelationship.getByLabel(/^To/).selectOption({ label: 'Brindle Works' });
    await newRelationship.getByLabel('Type').fill('INVESTED_IN');
    await newRelationship.getByLabel(/^Since/).fill('2024-05');
    await newRelationship.getByLabel(/^amountUsd/).fill('25000000');
    await newRelationship.getByLabel('Claim').fill('Harrow Capital put $25 million into Brindle Works in May 2024.');
    await source(newRelationship, 'https://example.org/harrow-brindle', 'Harrow backs Brindle');
    await page.screenshot({ path: output('editing-new-relationship.png') });
    await newRelationship.getByRole('button', { name: 'Create with this evidence' }).click();
    await newRelationship.getByRole('status').filter({ hasText: 'Made INVESTED_IN' }).waitFor();
    await explorer.idle();
    const { records } = await site.db.read(
      `MATCH (h:Company {name: 'Harrow Capital'})-[r:INVESTED_IN]->(b {id: $brindle})
       MATCH (s:Source {id: r.sources[0]})
       RETURN r.amountUsd AS amount, r.since AS since, s.url AS url`,
      { brindle: brindle.node.id },
    );
    expect(Number(records[0]!.get('amount'))).toBe(25_000_000);
    expect(String(records[0]!.get('since'))).toBe('2024-05-01');
    expect(records[0]!.get('url')).toBe('https://example.org/harrow-brindle');
    await page.screenshot({ path: output('editing-relationship-made.png') });

    // In Harrow Capital's timeline at its date; chosen there, the inspector shows it with its claim and source.
    await explorer.pick('Harrow Capital');
    await explorer.idle();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    const dated = timeline.getByRole('button', { name: /^May 2024 Harrow Capital .+ Brindle Works/ });
    await expect.poll(() => dated.count()).toBe(1);
    await dated.click();
    await explorer.idle();
    const inspect = page.getByTestId('inspect');
    await expect.poll(() => inspect.locator('h2').textContent()).toBe('INVESTED_IN');
    const evidence = inspect.getByRole('region', { name: 'Evidence' });
    await expect
      .poll(() => evidence.textContent())
      .toMatch(/put \$25 million into Brindle Works[\s\S]*Harrow backs Brindle/);
    await expect.poll(() => inspect.locator('table').first().textContent()).toMatch(/\$25 million/);
    await page.screenshot({ path: output('editing-relationship-inspected.png') });

    // In what changed over the spring of 2024 (the first day is left out), by its claim, with its source.
    await page.getByRole('checkbox', { name: 'Compare' }).check();
    await page.getByLabel('Compare from').fill('2024-04-01');
    await page.getByLabel('Compare to').fill('2024-06-30');
    const changes = page.getByRole('region', { name: 'Changes' });
    const began = changes.locator('li.began', { hasText: 'Harrow Capital put $25 million into Brindle Works' });
    await expect.poll(() => began.textContent()).toMatch(/^Began May 2024: .+\(Harrow backs Brindle\)$/);
    await page.screenshot({ path: output('editing-changes.png') });
    await page.getByRole('checkbox', { name: 'Compare' }).uncheck();
    await explorer.idle();

    // Another source states another figure: a new version beside the first, both in the disagreements view.
    const editing = inspect.getByRole('region', { name: 'Editing' });
    await editing.getByRole('button', { name: 'Edit…' }).click();
    const figure = editing.getByRole('form', { name: 'Edit the selection' });
    await figure.getByLabel('amountUsd').fill('30000000');
    await figure.getByLabel('Claim').fill('Harrow Capital put $30 million into Brindle Works, a filing shows.');
    await figure.getByLabel('URL').fill('https://example.org/brindle-filing');
    await figure.getByLabel('Title').fill('Brindle Works filing');
    await figure.getByLabel('Outlet').fill('Filings Daily');
    await figure.getByLabel('Date').fill('2024-06');
    await figure.getByRole('button', { name: 'Save with this evidence' }).click();
    await editing.getByRole('status').filter({ hasText: 'new version beside the old figure' }).waitFor();
    await explorer.idle();
    // The inspector's relationship joined the group: its versions side by side, the one inspected marked.
    const beside = inspect.getByRole('region', { name: 'Sources disagree' });
    await expect
      .poll(() => beside.textContent())
      .toMatch(/\$25 million[\s\S]*\$30 million|\$30 million[\s\S]*\$25 million/);
    await explorer.showTab('Disagreements');
    const disagreements = page.getByRole('region', { name: 'Disagreements' });
    const versions = disagreements.locator('table.versions').filter({ hasText: 'Brindle Works filing' });
    await expect
      .poll(() => versions.textContent())
      .toMatch(/2 versions[\s\S]*(\$25 million[\s\S]*\$30 million|\$30 million[\s\S]*\$25 million)/);
    await expect.poll(() => versions.textContent()).toMatch(/Harrow backs Brindle/);
    // Each version reads as the statement it is, not by Entente's bookkeeping ids.
    expect(await versions.textContent()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await page.screenshot({ path: output('editing-disagreement.png') });

    // Revert from the inspector: un-making the first is refused while the new figure stands on it, naming it.
    const history = editing.getByRole('list', { name: 'History' });
    await history.locator('li').first().getByRole('button', { name: 'Revert' }).click();
    await editing
      .getByRole('status')
      .filter({ hasText: /cannot be reverted: a later edit stands on it, edit \d+ .*\(stated another figure/ })
      .waitFor();
    await page.screenshot({ path: output('editing-revert-refused.png') });
    // The new figure, chosen in the timeline (the entry not marked as the selection), is reverted from its history.
    await page
      .getByRole('region', { name: 'Timeline' })
      .locator('button:not([aria-current])', { hasText: 'Harrow Capital invested in Brindle Works' })
      .click();
    await explorer.idle();
    await expect.poll(() => inspect.locator('table').first().textContent()).toMatch(/\$30 million/);
    const versionHistory = inspect.getByRole('region', { name: 'Editing' }).getByRole('list', { name: 'History' });
    await expect.poll(() => versionHistory.locator('li').first().textContent()).toMatch(/stated another figure/);
    await page.screenshot({ path: output('editing-new-figure.png') });
    const newFigure = await site.db.read(
      "MATCH (:Company {name: 'Harrow Capital'})-[r:INVESTED_IN {amountUsd: 30000000}]->() RETURN r.id AS id",
    );
    const newId = String(newFigure.records[0]!.get('id'));
    const drawnIds = async () => Object.keys(await explorer.probe((probe) => probe.edgeLabels()));
    expect((await drawnIds()).some((id) => id.includes(newId))).toBe(true);
    await versionHistory.locator('li').first().getByRole('button', { name: 'Revert' }).click();
    // It is gone from the graph and the canvas; the one it stood beside is selected, alone again.
    await page
      .getByRole('status')
      .filter({ hasText: /^Edit \d+ reverted/ })
      .waitFor();
    await explorer.idle();
    await expect.poll(() => inspect.locator('table').first().textContent()).toMatch(/\$25 million/);
    await expect.poll(() => beside.count()).toBe(0);
    expect((await drawnIds()).some((id) => id.includes(newId))).toBe(false);
    await expect.poll(() => versions.count()).toBe(0);
    const left = await site.db.read(
      `MATCH (:Company {name: 'Harrow Capital'})-[r:INVESTED_IN]->({id: $brindle}) RETURN r.amountUsd AS amount`,
      { brindle: brindle.node.id },
    );
    expect(left.records.map((record) => Number(record.get('amount')))).toEqual([25_000_000]);
    await page.screenshot({ path: output('editing-figure-reverted.png') });
    await page
      .getByRole('status')
      .filter({ hasText: /^Edit \d+ reverted/ })
      .getByRole('button', { name: 'Dismiss' })
      .click();

    await explorer.showTab('Edit');
    // The duplicates: reviewed side by side, merged, and the merge undone.
    await page.getByRole('tab', { name: 'Duplicates' }).click();
    const duplicates = page.getByRole('region', { name: 'Duplicates' });
    const suggestion = duplicates.getByRole('listitem').filter({ hasText: 'Ostrava Mills SA' });
    await suggestion.getByRole('button', { name: 'Review' }).click();
    const review = duplicates.getByRole('form', { name: 'Merge review' });
    const table = review.getByRole('table', { name: 'Side by side' });
    await expect.poll(() => table.textContent()).toMatch(/employees[\s\S]*12/);
    // Sources by their titles, not their ids.
    await expect.poll(() => table.locator('tr', { hasText: 'sources' }).textContent()).toMatch(/Register/);
    await review.getByLabel(/Ostrava Mills SA/).check();
    await review.getByLabel('Claim').fill('Ostrava Mills SA and “mills ostrava” are one company.');
    await source(review, 'https://example.org/ostrava', 'Ostrava Mills profile');
    await page.screenshot({ path: output('editing-merge-review.png') });
    await review.getByRole('button', { name: 'Merge with this evidence' }).click();
    await duplicates.getByRole('status').filter({ hasText: 'Merged into “Ostrava Mills SA”' }).waitFor();
    await explorer.idle();
    const count = async () =>
      Number(
        (
          await site.db.read(
            `MATCH (n:${label}) WHERE n.name IN ['Ostrava Mills SA', 'mills ostrava'] RETURN count(n) AS n`,
          )
        ).records[0]!.get('n'),
      );
    expect(await count()).toBe(1);
    await page.screenshot({ path: output('editing-merged.png') });
    await review.getByRole('button', { name: 'Undo the merge' }).click();
    await duplicates
      .getByRole('status')
      .filter({ hasText: /undone/ })
      .waitFor();
    expect(await count()).toBe(2);
    const back = await site.db.read('MATCH (n {id: $id}) RETURN n.founded AS founded', { id: twins[1]!.node.id });
    expect(String(back.records[0]!.get('founded'))).toBe('1990-01-01');
    await explorer.idle();
    await page.screenshot({ path: output('editing-merge-undone.png') });
    await page.close();
  }, 420_000);
});
