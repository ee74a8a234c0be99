import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { systemCaller } from '../../server/accounts/caller.js';
import { Users } from '../../server/accounts/users.js';
import { projectRoot } from '../../server/config.js';
import { seedDatabase } from '../../server/seed/prepare.js';
import { password, uniqueName } from '../support/accounts.js';
import { testStore } from '../support/store.js';
import { accessibilityProblems, openExplorer } from './explorer-page.js';
import { useExplorerSite } from './explorer-site.js';

// Issue #20 in a real Chromium against the built client and the real API with accounts on: an admin signs in
// through the sign-in page, makes a viewer on the account page and signs out; the viewer signs in and finds
// the Cypher console withheld, which the API confirms with a 403.
describe('accounts in the explorer', () => {
  const site = useExplorerSite(seedDatabase, { ENTENTE_AUTH: 'on' });
  const pages: Page[] = [];
  const output = (name: string) => path.join(projectRoot, 'test/e2e/output', name);
  // The store is shared by every test file: names of this file's own.
  const admin = uniqueName('admin');
  const viewer = uniqueName('viewer');
  const viewerPassword = 'the viewer’s own long passphrase';

  afterAll(async () => {
    await Promise.all(pages.map((page) => page.close()));
  });

  async function signIn(page: Page, username: string, secret: string) {
    await page.getByLabel('User name').fill(username);
    await page.getByLabel('Password').fill(secret);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  it('When an admin makes a viewer and the viewer signs in, then the viewer cannot open the Cypher console, and the API refuses their Cypher', async () => {
    await new Users(testStore()).create(systemCaller, { username: admin, password, role: 'admin' });
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    pages.push(page);

    // Nobody is signed in: the explorer sends to the sign-in page.
    await page.goto(`${site.baseUrl}/`);
    await page.waitForURL(/\/sign-in$/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('username');
    await signIn(page, admin, 'not the password at all');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('The user name or the password is wrong.');
    await page.screenshot({ path: output('sign-in.png') });
    expect(await accessibilityProblems(page)).toEqual([]);

    await signIn(page, admin, password);
    await page.waitForURL(`${site.baseUrl}/`);
    const toolbar = page.getByRole('banner');
    await toolbar.getByText(admin).waitFor();
    await toolbar.getByText('admin', { exact: true }).waitFor();
    await openExplorer(page, `${site.baseUrl}/`);

    // The account page, Users tab: a viewer with a password.
    await toolbar.getByRole('link', { name: admin }).click();
    await page.waitForURL(/\/account$/);
    expect(await page.getByRole('tab', { name: 'Users' }).getAttribute('aria-selected')).toBe('true');
    const form = page.getByRole('form', { name: 'New user' });
    await form.getByLabel('User name').fill(viewer);
    await form.getByLabel('Password').fill(viewerPassword);
    await form.getByLabel('Role').selectOption('viewer');
    await form.getByRole('button', { name: 'Create user' }).click();
    const row = page.getByRole('row', { name: new RegExp(viewer) });
    await row.waitFor();
    expect(await row.getByRole('combobox', { name: `Role of ${viewer}` }).inputValue()).toBe('viewer');
    await page.screenshot({ path: output('account-users.png'), fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);

    // A one-time link for the viewer, to use at the end.
    await row.getByRole('button', { name: `Reset link for ${viewer}` }).click();
    const link = await page.getByLabel(/One-time sign-in link/).inputValue();
    expect(link).toMatch(new RegExp(`^${site.baseUrl}/sign-in#link=.+`));
    await page.getByRole('button', { name: 'Done' }).click();

    // An API key, shown once with its warning; then the audit log, which has recorded both.
    await page.getByRole('tab', { name: 'API keys' }).click();
    const keyForm = page.getByRole('form', { name: 'New API key' });
    await keyForm.getByLabel('Name').fill('nightly export');
    await keyForm.getByRole('checkbox', { name: /^query/ }).check();
    await keyForm.getByRole('button', { name: 'Create key' }).click();
    const shownKey = page.getByLabel('API key', { exact: true });
    await shownKey.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toMatch(/Key “nightly export” created/);
    const key = await shownKey.inputValue();
    await page.screenshot({ path: output('account-new-key.png'), fullPage: true });
    await page.getByRole('button', { name: 'I have copied it' }).click();
    expect(await page.getByRole('row', { name: /nightly export/ }).textContent()).not.toContain(key);
    await expect.poll(() => page.content()).not.toContain(key);
    await page.getByRole('tab', { name: 'Audit log' }).click();
    const created = page.getByRole('row', { name: new RegExp(`${admin}.*user\\.create`) });
    await created.locator('summary').click();
    await page.screenshot({ path: output('account-audit.png'), fullPage: true });
    expect(await created.textContent()).toContain(viewer);
    await page.getByRole('tab', { name: 'My sessions' }).click();
    await page.getByRole('row', { name: /this one/ }).waitFor();
    await page.getByRole('tab', { name: 'Settings' }).click();
    const anonymousRead = page.getByRole('checkbox', { name: 'Anonymous read access' });
    await expect.poll(() => anonymousRead.isEnabled()).toBe(true);
    expect(await anonymousRead.isChecked()).toBe(false);
    await page.screenshot({ path: output('account-settings.png') });
    await page.getByRole('tab', { name: 'My sessions' }).click();
    await page.screenshot({ path: output('account-sessions.png') });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in$/);
    expect(await page.evaluate(() => fetch('/api/me').then((response) => response.json()))).toMatchObject({
      username: null,
      scopes: [],
    });

    // The viewer signs in: the explorer opens, the console is withheld with a sentence saying why.
    await signIn(page, viewer, viewerPassword);
    await page.waitForURL(`${site.baseUrl}/`);
    await toolbar.getByText(viewer).waitFor();
    await toolbar.getByText('viewer', { exact: true }).waitFor();
    const explorer = await openExplorer(page, `${site.baseUrl}/`);
    expect(await explorer.probe((probe) => probe.nodes)).toBeGreaterThan(0);
    await explorer.showTab('Cypher');
    const notice = page.getByRole('note');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/Cypher console is not available.*viewer.*analyst role/);
    expect(await page.getByTestId('cypher-editor').count()).toBe(0);
    await page.screenshot({ path: output('viewer-explorer.png') });
    expect(await accessibilityProblems(page)).toEqual([]);

    // The API says the same to the viewer's own session, with its CSRF token: the role, not the token, refuses.
    const refused = await page.evaluate(async () => {
      const me = (await (await fetch('/api/me')).json()) as { csrfToken: string };
      const response = await fetch('/api/cypher', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ query: 'RETURN 1' }),
      });
      return { status: response.status, body: (await response.json()) as { type: string } };
    });
    expect(refused.status).toBe(403);
    expect(refused.body.type).toBe('/problems/not-permitted');
    await context.close();

    // The one-time link, in another browser: it signs the viewer in once and asks for a new password.
    const elsewhere = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const linkPage = await elsewhere.newPage();
    pages.push(linkPage);
    await linkPage.goto(link);
    await linkPage.getByText(`Signed in as ${viewer}`).waitFor();
    expect(new URL(linkPage.url()).hash).toBe('');
    await linkPage.getByLabel('New password', { exact: true }).fill('a brand new passphrase for the viewer');
    await linkPage.getByLabel('New password again').fill('a brand new passphrase for the viewr');
    await linkPage.getByRole('button', { name: 'Set password' }).click();
    await expect.poll(() => linkPage.getByRole('alert').textContent()).toBe('The two passwords are not the same.');
    await linkPage.screenshot({ path: output('sign-in-link.png') });
    await linkPage.getByLabel('New password', { exact: true }).fill('a brand new passphrase for the viewer');
    await linkPage.getByLabel('New password again').fill('a brand new passphrase for the viewer');
    await linkPage.getByRole('button', { name: 'Set password' }).click();
    await linkPage.waitForURL(`${site.baseUrl}/`);
    await linkPage.getByRole('banner').getByText(viewer).waitFor();
    // Spent: the same link signs nobody in again.
    await linkPage.goto(link);
    await expect.poll(() => linkPage.getByRole('alert').first().textContent()).toMatch(/unknown, used or expired/);
    await elsewhere.close();
  }, 180_000);
});
