import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config.js';
import { openExplorer } from './explorer-page.js';
import { useExplorerSite } from './explorer-site.js';

/** Node and edge counts NetworkX reads from a file (test/support/read-export.py). */
function countsRead(format: 'graphml' | 'gexf', file: string) {
  const read = JSON.parse(
    execFileSync('python3', [path.join(projectRoot, 'test/support/read-export.py'), format, file], {
      encoding: 'utf8',
    }),
  ) as { nodes: Record<string, unknown>; edges: unknown[] };
  return { nodes: Object.keys(read.nodes).sort(), edges: read.edges.length };
}

describe("the explorer's Export menu", () => {
  const site = useExplorerSite();
  let page: Page;

  beforeAll(async () => {
    page = await site.browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    await openExplorer(page, site.baseUrl);
  });

  it.each(['GraphML', 'GEXF'] as const)(
    'When %s is chosen, then the file holds the nodes on the canvas, as NetworkX reads it',
    async (label) => {
      const [json] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'JSON', exact: true }).click(),
      ]);
      const { readFile } = await import('node:fs/promises');
      const canvas = JSON.parse((await readFile(await json.path())).toString('utf8')) as {
        nodes: { id: string }[];
        edges: unknown[];
      };
      expect(canvas.nodes.length).toBeGreaterThan(10);

      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: label, exact: true }).click(),
      ]);
      const format = label === 'GraphML' ? 'graphml' : 'gexf';
      expect(file.suggestedFilename()).toBe(`entente-graph.${format}`);
      const read = countsRead(format, await file.path());
      expect(read.nodes).toEqual(canvas.nodes.map((node) => node.id).sort());
      // Every relationship among those nodes: the canvas's own, and any it does not draw.
      expect(read.edges).toBeGreaterThanOrEqual(canvas.edges.length);
    },
  );
});
