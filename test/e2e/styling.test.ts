import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config.js';
import { accessibilityProblems, openExplorer, type ExplorerPage } from './explorer-page.js';
import { deals, openOnDeals } from './styled-deals.js';
import { useExplorerSite } from './explorer-site.js';

const output = (name: string) => path.join(projectRoot, 'test/e2e/output', name);

describe('styling the canvas: sizes, captions, colours and rules by value', () => {
  const site = useExplorerSite();
  let page: Page;
  let explorer: ExplorerPage;
  const looks = () => explorer.probe((probe) => probe.nodeLooks());
  const editor = () => page.getByRole('group', { name: 'Style of Deal' });
  const rules = () => page.getByRole('region', { name: 'Colour rules' });

  beforeAll(async () => {
    explorer = await openOnDeals(site.browser, site.baseUrl);
    page = explorer.page;
    await page.getByRole('button', { name: 'Style Deal' }).click();
  }, 120_000);

  it('When Deals are sized by amountUsd, then the largest amount is the largest node, Deals without one keep the neutral size, and a legend says what the sizes stand for', async () => {
    const neutral = (await looks())['azure-exclusivity']!.size;
    await editor().getByLabel('Size by', { exact: true }).selectOption('amountUsd');
    await expect.poll(async () => (await looks())['microsoft-investment-2023']!.size).toBeGreaterThan(neutral);
    const drawn = await looks();
    const size = (id: string) => drawn[id]!.size;
    expect(size('microsoft-investment-2023')).toBeGreaterThan(size('windsurf-acquisition'));
    expect(size('windsurf-acquisition')).toBeGreaterThan(size('microsoft-investment-2019'));
    // Without an amount: the size every node has unstyled, not the smallest.
    expect(size('azure-exclusivity')).toBe(neutral);
    const sized = Object.entries(drawn).filter(([id]) => id in deals);
    expect(Math.max(...sized.map(([, look]) => look.size))).toBe(size('microsoft-investment-2023'));
    const legend = page.getByRole('region', { name: 'Legend of sizes' });
    const text = await legend.textContent();
    expect(text).toContain('Deal: size by amountUsd');
    expect(text).toContain('$1 billion');
    expect(text).toContain('$10 billion');
    expect(text).toMatch(/no amountUsd \(\d+\)/);
    // Relationships are widened by their amount: the legend has their widths too.
    expect(text).toContain('Line width: amountUsd');
    await page.screenshot({ path: output('styling-size.png') });
    // A canvas restyled and refiltered on a busy machine: more than the default 30 s.
  }, 90_000);

  it('When a caption is chosen, then bookkeeping keys are not offered and dates read as words', async () => {
    const offered = await editor().getByLabel('Caption', { exact: true }).locator('option').allTextContents();
    for (const key of ['id', 'sincePrecision', 'claim', 'sources', '_entente_id']) expect(offered).not.toContain(key);
    expect(offered).toContain('since');
    await editor().getByLabel('Caption', { exact: true }).selectOption('since');
    await expect.poll(async () => (await looks())['microsoft-investment-2023']!.caption).toBe('January 2023');
    expect((await looks())['microsoft-investment-2019']!.caption).toBe('2019');
    // A Deal without the property keeps its name.
    expect((await looks())['windsurf-acquisition']!.caption).toMatch(/Windsurf/);
    await editor().getByLabel('Caption', { exact: true }).selectOption('');
    // A canvas restyled and refiltered on a busy machine: more than the default 30 s.
  }, 90_000);

  it('When a colour is picked and rules by value are added, edited and removed, then nodes and relationships take their colours, and a shared link carries the rules', async () => {
    // A colour picker, not hex text.
    const colour = editor().getByLabel('Colour', { exact: true });
    expect(await colour.getAttribute('type')).toBe('color');
    await colour.fill('#123456');
    await expect.poll(async () => (await looks())['windsurf-acquisition']!.color).toBe('#123456');
    await editor().getByRole('button', { name: 'Done' }).click();

    const form = rules().getByRole('group', { name: 'New rule' });
    await form.getByLabel('Colour', { exact: true }).selectOption('node:Deal');
    await form.getByLabel('where', { exact: true }).selectOption('status');
    await form.getByLabel('Comparison', { exact: true }).selectOption('is');
    await form.getByLabel('Value', { exact: true }).fill('disputed');
    await form.getByLabel('In', { exact: true }).fill('#ff00ff');
    await form.getByRole('button', { name: 'Add rule' }).click();
    await expect.poll(async () => (await looks())['azure-exclusivity']!.color).toBe('#ff00ff');
    expect((await looks())['windsurf-acquisition']!.color).toBe('#123456');
    expect(await rules().getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('Deal where status is disputed'),
    ]);

    // Relationships with an amount above $5 billion.
    await form.getByLabel('Colour', { exact: true }).selectOption('edge:');
    await form.getByLabel('where', { exact: true }).selectOption('amountUsd');
    await form.getByLabel('Comparison', { exact: true }).selectOption('above');
    await form.getByLabel('Value', { exact: true }).fill('5000000000');
    await form.getByLabel('In', { exact: true }).fill('#0000ff');
    await form.getByRole('button', { name: 'Add rule' }).click();
    await expect
      .poll(async () => Object.values(await explorer.probe((probe) => probe.edgeColours())))
      .toContain('#0000ff');
    await page.screenshot({ path: output('styling-rules.png') });
    const ours = /style-editor|style-rules|rule-form|size-legend/;
    expect((await accessibilityProblems(page)).filter((found) => found.targets.some((at) => ours.test(at)))).toEqual(
      [],
    );

    // Edited: the disputed Deal takes the new colour.
    await rules().getByRole('button', { name: 'Edit rule Deal where status is disputed' }).click();
    const edit = rules().getByRole('group', { name: 'Edit rule' });
    await edit.getByLabel('In', { exact: true }).fill('#00aa00');
    await edit.getByRole('button', { name: 'Save rule' }).click();
    await expect.poll(async () => (await looks())['azure-exclusivity']!.color).toBe('#00aa00');

    // The link carries the rules to another browser (fresh storage).
    await page.getByRole('button', { name: 'Share' }).click();
    const other = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const copy = await openExplorer(await other.newPage(), page.url());
    await copy.idle();
    await expect
      .poll(async () => (await copy.probe((probe) => probe.nodeLooks()))['azure-exclusivity']?.color)
      .toBe('#00aa00');
    await copy.showTab('Legend');
    await expect
      .poll(() => copy.page.getByRole('region', { name: 'Colour rules' }).getByRole('listitem').allTextContents())
      .toHaveLength(2);
    await other.close();

    // Removed: the label's colour is back, and relationships lose the rule's.
    await rules().getByRole('button', { name: 'Remove rule Deal where status is disputed' }).click();
    await expect.poll(async () => (await looks())['azure-exclusivity']!.color).toBe('#123456');
    await rules()
      .getByRole('button', { name: /^Remove rule Any relationship/ })
      .click();
    await expect.poll(async () => Object.keys(await explorer.probe((probe) => probe.edgeColours()))).toEqual([]);
    // A canvas restyled and refiltered on a busy machine: more than the default 30 s.
  }, 90_000);
});
