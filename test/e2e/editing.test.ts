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
});
