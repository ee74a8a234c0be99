import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config.js';
import { accessibilityProblems, openExplorer, type ExplorerPage } from './explorer-page.js';
import { useExplorerSite } from './explorer-site.js';

/** '#1f77b4' as the browser writes a computed colour, 'rgb(31, 119, 180)'. */
function toRgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

// An analyst asks who is central on the default view: sizes by betweenness, the ranked table, the reason.
describe('analytics in the explorer', () => {
  const site = useExplorerSite();
  let explorer: ExplorerPage;
  const output = (name: string) => path.join(projectRoot, 'test/e2e/output', name);
  const measures = () => explorer.page.getByRole('region', { name: 'Measures', exact: true });
  const looks = () => explorer.probe((probe) => probe.nodeLooks());
  /** The node drawn largest once sized by betweenness. */
  let largest: string;

  beforeAll(async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    explorer = await openExplorer(page, site.baseUrl);
  });

  it('When nodes are sized by betweenness on the default view, then the nodes between others grow', async () => {
    await explorer.showTab('Legend');
    await expect
      .poll(() => measures().getByRole('status').textContent())
      .toMatch(/^Of the \d+ nodes and \d+ relationships shown/);
    const before = await looks();
    // The label styles draw every node the same size at first.
    expect(new Set(Object.values(before).map((look) => look.size)).size).toBe(1);
    await measures().getByLabel('Size by').selectOption({ label: 'Betweenness' });
    await explorer.idle();
    await explorer.fit();
    await explorer.page.screenshot({ path: output('analytics-size-by-betweenness.png') });
    const after = Object.entries(await looks()).sort((a, b) => b[1].size - a[1].size);
    largest = after[0]![0];
    expect(after[0]![1].size).toBeGreaterThan(after.at(-1)![1].size);
    // One of the two hubs of the default view is drawn the largest.
    expect(['microsoft', 'openai']).toContain(largest);
  });

  it('When the ranked table is opened and a row clicked, then that node is selected and its rank explained', async () => {
    await measures().getByRole('button', { name: 'Ranked table' }).click();
    const table = explorer.page.getByTestId('ranking-table');
    await table.waitFor();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(10);
    await explorer.page.screenshot({ path: output('analytics-ranked-table-open.png') });
    // Ranked by betweenness, the measure nodes are sized by: the first row is the largest node.
    expect(await explorer.page.getByTestId('ranking-drawer').locator('h2').textContent()).toBe('Ranked by betweenness');
    expect(await rows.first().getAttribute('data-id')).toBe(largest);
    const second = (await rows.nth(1).locator('td').nth(1).textContent())!;
    await rows.nth(1).click();
    await expect.poll(() => explorer.page.getByTestId('inspect').locator('h2').textContent()).toBe(second);
    await expect.poll(() => rows.nth(1).getAttribute('aria-selected')).toBe('true');
    const explanation = explorer.page.getByTestId('measure-explanation');
    await expect
      .poll(() => explanation.textContent())
      .toMatch(new RegExp(`${second} lies on \\d+ % of shortest paths between the \\d+ drawn nodes \\(2nd of \\d+\\)`));
    expect(await explanation.textContent()).toMatch(/Degree: .* has \d+ relationships? among the \d+ drawn nodes/);
    await explorer.page.screenshot({ path: output('analytics-ranked-table.png') });
  });

  it('When a pair the node lies between is chosen, then the shortest paths through it are highlighted', async () => {
    const pairs = explorer.page.getByRole('region', { name: 'Measures of the selection' }).locator('.pairs button');
    await explorer.page.screenshot({ path: output('analytics-inspector.png') });
    await pairs.first().waitFor({ timeout: 10_000 });
    await pairs.first().click();
    await explorer.idle();
    await expect
      .poll(async () => Object.values(await explorer.probe((probe) => probe.edgeMarks())).length)
      .toBeGreaterThan(0);
    await explorer.page.screenshot({ path: output('analytics-pair-paths.png') });
  });

  it('When nodes are coloured by community, then the legend lists the communities with their counts', async () => {
    await measures().getByLabel('Colour by').selectOption({ label: 'Community' });
    await explorer.idle();
    const legend = explorer.page.getByLabel('Communities');
    await legend.waitFor();
    await legend.scrollIntoViewIfNeeded();
    await explorer.page.screenshot({ path: output('analytics-communities.png') });
    // Each community listed with its count; with the nodes in no group, they add up to the nodes measured.
    const counts = (await legend.locator('li .count').allTextContents()).map(Number);
    expect(counts.length).toBeGreaterThan(0);
    const alone = Number((await legend.locator('p').allTextContents())[0]?.match(/^\d+/)?.[0] ?? 0);
    const measured = Number((await measures().getByRole('status').textContent())!.match(/^Of the (\d+) nodes/)![1]);
    expect(counts.reduce((sum, count) => sum + count, 0) + alone).toBe(measured);
    // The legend's swatches are the colours the nodes are drawn in.
    const swatches = await legend
      .locator('li .swatch')
      .evaluateAll((spans) => spans.map((span) => getComputedStyle(span).backgroundColor));
    const drawn = new Set(Object.values(await looks()).map((look) => look.color));
    for (const swatch of swatches) expect([...drawn].map(toRgb)).toContain(swatch);
    expect(await accessibilityProblems(explorer.page)).toEqual([]);
  });

  it('When a relationship type is hidden, then the measures follow the filter', async () => {
    const status = () => measures().getByRole('status').textContent();
    const shown = Number((await status())!.match(/(\d+) relationships/)![1]);
    await explorer.page.getByLabel('Legend and filters').getByRole('checkbox').last().uncheck();
    await explorer.idle();
    await expect.poll(async () => Number((await status())!.match(/(\d+) relationships/)![1])).toBeLessThan(shown);
  });

  it("When the selected node's neighbourhood is asked for, then the server's rings are drawn and measured", async () => {
    const before = await explorer.probe((probe) => probe.nodes);
    const section = explorer.page.getByRole('region', { name: 'Measures of the selection' });
    await section.getByRole('button', { name: '2 steps' }).click();
    await expect
      .poll(() => explorer.page.getByRole('status').first().textContent())
      .toMatch(/nodes within 2 steps of .+ drawn and measured/);
    await explorer.idle();
    expect(await explorer.probe((probe) => probe.nodes)).toBeGreaterThan(before);
    await expect
      .poll(async () => Number((await measures().getByRole('status').textContent())!.match(/^Of the (\d+) nodes/)![1]))
      .toBeGreaterThan(before - 5);
    await explorer.page.screenshot({ path: output('analytics-neighbourhood.png') });
  });
});
