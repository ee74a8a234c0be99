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

    // The duplicates: reviewed side by side, merged, and the merge undone.
    await page.getByRole('tab', { name: 'Duplicates' }).click();
    const duplicates = page.getByRole('region', { name: 'Duplicates' });
    const suggestion = duplicates.getByRole('listitem').filter({ hasText: 'Ostrava Mills SA' });
    await suggestion.getByRole('button', { name: 'Review' }).click();
    const review = duplicates.getByRole('form', { name: 'Merge review' });
    const table = review.getByRole('table', { name: 'Side by side' });
    await expect.poll(() => table.textContent()).toMatch(/employees[\s\S]*12/);
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
  }, 240_000);
});
