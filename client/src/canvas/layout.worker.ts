// Lays graphs out off the main thread, so that a large layout never freezes the page. A layout runs a step
// at a time; between two steps the worker reads its messages, so a newer request or a stop ends it.
import { layoutSteps } from './computeLayout.js';
import type { LayoutMessage, LayoutResult } from './layoutWorker.js';

let running: { id: number; steps: Generator<LayoutResult, LayoutResult> } | undefined;

function next(): void {
  if (!running) return;
  const { id, steps } = running;
  const step = steps.next();
  self.postMessage(step.value);
  if (step.done) running = undefined;
  // A macrotask, not a loop: the messages waiting (a stop, a newer request) are read before the next step.
  else setTimeout(() => running?.id === id && next());
}

self.onmessage = ({ data }: MessageEvent<LayoutMessage>) => {
  if (data.kind === 'stop') {
    if (running?.id === data.id) {
      self.postMessage({ id: data.id, positions: {}, final: true } satisfies LayoutResult);
      running = undefined;
    }
    return;
  }
  running = { id: data.request.id, steps: layoutSteps(data.request) };
  next();
};
