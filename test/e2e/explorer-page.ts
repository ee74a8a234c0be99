import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { EntenteBox, EntentePoint, EntenteProbe } from '../../client/src/probe/types.js';

export type Point = EntentePoint;

/**
 * The explorer page as a test drives it: what a user does (search, drag, tabs) and what the explorer's
 * public measuring hook (`window.__entente`) tells about the canvas. Nothing reads Cytoscape itself.
 */
export interface ExplorerPage {
  page: Page;
  /** Resolves once no request or layout is under way. */
  idle(): Promise<void>;
  /** Runs `read` on the page's probe; `read` is sent as source text, so it must use nothing but its argument. */
  probe<T>(read: (probe: EntenteProbe) => T): Promise<T>;
  onScreen(id: string): Promise<Point | undefined>;
  canvasBox(): Promise<{ x: number; y: number; width: number; height: number }>;
  insideCanvas(point: Point | undefined): Promise<boolean>;
  /** Drags a node by the mouse to a point on the page. */
  drag(id: string, to: Point): Promise<void>;
  /** Types in the search box and picks the first hit with Enter. */
  pick(text: string): Promise<void>;
  showTab(name: string): Promise<void>;
  fit(): Promise<void>;
}

let axeScript: string | undefined;
async function axeSource(): Promise<string> {
  axeScript ??= await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeScript;
}

export interface Violation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * axe-core's violations on the page as it is now (the WCAG 2.1 A and AA rules and axe's best practices): the
 * serious and critical ones, or with `{ every: true }` those of every impact, moderate and minor included.
 */
export async function accessibilityProblems(page: Page, { every = false } = {}): Promise<Violation[]> {
  // Evaluated rather than added as a script tag: the app's Content Security Policy allows no inline script.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await axeSource());
  const scan = () =>
    page.evaluate(async () => {
      const { axe } = window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      };
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      });
      return result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
      }));
    });
  // axe fails inside itself ("reading 'nthChild'") when an element it is describing leaves the page mid-scan
  // (a banner fading out): that is no finding about the page, so the scan runs again once it has settled.
  let violations: Awaited<ReturnType<typeof scan>>;
  try {
    violations = await scan();
  } catch {
    await page.waitForTimeout(1_000);
    violations = await scan();
  }
  return violations.filter((violation) => every || violation.impact === 'serious' || violation.impact === 'critical');
}

/** Opens the explorer and waits for its first nodes, or only for the page when `nodes` is false (an empty canvas). */
export async function openExplorer(page: Page, url: string, { nodes = true } = {}): Promise<ExplorerPage> {
  // esbuild (vitest) may name functions with a `__name` helper, which the page must have too.
  await page.addInitScript({ content: 'globalThis.__name = (target) => target;' });
  await page.goto(url);
  await page.waitForFunction(
    (nodes) => {
      const probe = (window as { __entente?: EntenteProbe }).__entente;
      return nodes ? probe?.nodes : probe !== undefined;
    },
    nodes,
    { timeout: 60_000, polling: 100 },
  );
  const explorer: ExplorerPage = {
    page,
    idle: () => page.evaluate(() => (window as unknown as { __entente: EntenteProbe }).__entente.idle()),
    probe: <T>(read: (probe: EntenteProbe) => T) => page.evaluate<T>(`(${read.toString()})(window.__entente)`),
    onScreen: async (id) => (await explorer.probe((probe) => probe.onScreen()))[id],
    canvasBox: async () => (await page.getByTestId('canvas').boundingBox())!,
    insideCanvas: async (point) => {
      const box = await explorer.canvasBox();
      return (
        !!point && point.x >= box.x && point.x <= box.x + box.width && point.y >= box.y && point.y <= box.y + box.height
      );
    },
    drag: async (id, to) => {
      await explorer.idle();
      const from = await explorer.onScreen(id);
      if (!from) throw new Error(`${id} is not drawn`);
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      for (let step = 1; step <= 10; step++)
        await page.mouse.move(from.x + ((to.x - from.x) * step) / 10, from.y + ((to.y - from.y) * step) / 10);
      await page.mouse.up();
      await explorer.idle();
    },
    pick: async (text) => {
      const box = page.getByRole('combobox', { name: 'Search the graph' });
      await box.fill(text);
      await page.getByRole('option').first().waitFor();
      await box.press('Enter');
    },
    showTab: async (name) => {
      // Tabs used less often are behind "More panels"; the strip keeps to one row.
      const tab = page.getByRole('tab', { name, exact: true });
      if (!(await tab.isVisible())) await page.getByTestId('more-panels').click();
      await tab.click();
    },
    fit: async () => {
      await page.getByRole('button', { name: 'Fit', exact: true }).click();
      await explorer.idle();
    },
  };
  await explorer.idle();
  return explorer;
}

/** Pairs of boxes that overlap by more than a pixel each way (touching is no overlap). */
export function overlaps(boxes: Record<string, EntenteBox>): [string, string][] {
  const entries = Object.entries(boxes);
  const found: [string, string][] = [];
  entries.forEach(([a, first], at) => {
    for (const [b, second] of entries.slice(at + 1)) {
      const wide = Math.min(first.x2, second.x2) - Math.max(first.x1, second.x1);
      const high = Math.min(first.y2, second.y2) - Math.max(first.y1, second.y1);
      if (wide > 1 && high > 1) found.push([a, b]);
    }
  });
  return found;
}
