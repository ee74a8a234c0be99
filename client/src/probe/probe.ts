/**
 * The explorer's public measuring hook, `window.__entente`: tests and the benchmark read the page's progress
 * here (what the canvas holds, when it drew, whether work is under way), never Cytoscape's internals.
 * It only counts; nothing in the app reads it back.
 */
import type { EntenteProbe } from './types.js';

export type { EntenteBox, EntenteProbe, EntentePoint } from './types.js';

type Source = Pick<
  EntenteProbe,
  | 'viewport'
  | 'onScreen'
  | 'edgeLabels'
  | 'edgeMarks'
  | 'edgeColours'
  | 'nodeLooks'
  | 'labelBoxes'
  | 'selectedNodes'
  | 'neighbours'
>;

const waiting: (() => void)[] = [];
let source: Source = {
  viewport: () => ({ zoom: 1, pan: { x: 0, y: 0 } }),
  onScreen: () => ({}),
  edgeLabels: () => ({}),
  edgeMarks: () => ({}),
  edgeColours: () => ({}),
  nodeLooks: () => ({}),
  labelBoxes: () => ({}),
  selectedNodes: () => [],
  neighbours: () => [],
};

export const probe: EntenteProbe = {
  nodes: 0,
  edges: 0,
  visibleNodes: 0,
  frames: 0,
  firstDrawn: {},
  layoutsDone: [],
  layoutStepsMs: [],
  pending: 0,
  idle: () =>
    new Promise((resolve) => {
      waiting.push(resolve);
      settle();
    }),
  viewport: () => source.viewport(),
  onScreen: () => source.onScreen(),
  edgeLabels: () => source.edgeLabels(),
  edgeMarks: () => source.edgeMarks(),
  edgeColours: () => source.edgeColours(),
  nodeLooks: () => source.nodeLooks(),
  labelBoxes: () => source.labelBoxes(),
  selectedNodes: () => source.selectedNodes(),
  neighbours: (id) => source.neighbours(id),
};

let checking = false;
/** Resolves the idle waiters once nothing is pending for two frames in a row (a layout follows a response). */
function settle(): void {
  if (checking) return;
  checking = true;
  let quiet = 0;
  const check = () => {
    quiet = probe.pending === 0 ? quiet + 1 : 0;
    if (quiet < 2) {
      requestAnimationFrame(check);
      return;
    }
    checking = false;
    waiting.splice(0).forEach((resolve) => resolve());
  };
  requestAnimationFrame(check);
}

/** Counts a piece of work (a request, a layout) until the returned function is called. */
export function track(): () => void {
  probe.pending++;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    probe.pending--;
  };
}

export function countDrawn(nodes: number): void {
  probe.frames++;
  probe.firstDrawn[nodes] ??= performance.now();
}

export function countContents(nodes: number, edges: number, visibleNodes: number): void {
  probe.nodes = nodes;
  probe.edges = edges;
  probe.visibleNodes = visibleNodes;
}

/** Counts the main-thread time a layout's step (intermediate or final) took to apply. */
export function countLayoutStep(milliseconds: number): void {
  probe.layoutStepsMs.push(milliseconds);
}

export function countLayout(): void {
  probe.layoutsDone.push(performance.now());
}

export function followCanvas(next: Source): void {
  source = next;
}

declare global {
  interface Window {
    __entente?: EntenteProbe;
  }
}

window.__entente = probe;
