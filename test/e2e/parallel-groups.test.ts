import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config.js';
import { openExplorer, type ExplorerPage } from './explorer-page.js';
import { useExplorerSite } from './explorer-site.js';

describe('relationships between the same two nodes, folded into one edge', () => {
  const site = useExplorerSite();
  let page: Page;
  let explorer: ExplorerPage;

  beforeAll(async () => {
    page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    explorer = await openExplorer(page, site.baseUrl);
    await explorer.idle();
  });

  it('When a group is unfolded from the inspector, then it can be folded back from there too', async () => {
    const drawnEdges = async () => Object.keys(await explorer.probe((probe) => probe.edgeLabels())).length;
    const microsoft = (await explorer.onScreen('microsoft'))!;
    await page.mouse.click(microsoft.x, microsoft.y);
    const folded = page.getByRole('region', { name: 'Folded relationships' });
    const unfold = folded.getByRole('button', { name: /relationships with OpenAI one by one/ });
    await unfold.waitFor();
    const count = Number((await unfold.textContent())!.match(/(\d+) relationships/)![1]);
    expect(count).toBeGreaterThan(1);
    const before = await drawnEdges();

    await unfold.click();
    await explorer.idle();
    await expect.poll(drawnEdges).toBe(before - 1 + count);
    const fold = page
      .getByRole('region', { name: 'Unfolded relationships' })
      .getByRole('button', { name: `Fold the ${count} relationships with OpenAI into one` });
    await fold.waitFor();
    await page.screenshot({ path: path.join(projectRoot, 'test/e2e/output/parallel-unfolded.png') });

    await fold.click();
    await explorer.idle();
    await expect.poll(drawnEdges).toBe(before);
    await expect.poll(() => unfold.isVisible()).toBe(true);
  });
});
