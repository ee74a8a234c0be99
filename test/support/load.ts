import { performance } from 'node:perf_hooks';

export interface Sample {
  at: number;
  path: string;
  status: number;
  retryAfter: string | null;
  /** How long the answer took, or how long the request waited before it failed. */
  ms: number;
  /** For a request left without an answer (status 0): why, and after how long. */
  failure?: string;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : '';
}

/**
 * Sends about `perSecond` requests a second, round-robin over `paths`, until stopped or `maxMs` passes
 * (it never runs unbounded). Network failures are recorded as status 0.
 */
export function steadyLoad(baseUrl: string, paths: string[], perSecond = 50, maxMs = 120_000) {
  const samples: Sample[] = [];
  const pending = new Set<Promise<void>>();
  const started = performance.now();
  let sent = 0;
  const timer = setInterval(() => {
    if (performance.now() - started > maxMs) return clearInterval(timer);
    const path = paths[sent++ % paths.length]!;
    const request = (async () => {
      const at = performance.now();
      try {
        const response = await fetch(`${baseUrl}${path}`, { signal: AbortSignal.timeout(20_000) });
        await response.arrayBuffer();
        samples.push({
          at,
          path,
          status: response.status,
          retryAfter: response.headers.get('retry-after'),
          ms: performance.now() - at,
        });
      } catch (error) {
        // fetch's own message is "fetch failed"; the reason (refused, reset, timed out) is in its cause.
        const cause = error instanceof Error ? [error, error.cause].map(messageOf).filter(Boolean).join(': ') : '';
        const ms = performance.now() - at;
        samples.push({ at, path, status: 0, retryAfter: null, ms, failure: `${cause} after ${Math.round(ms)} ms` });
      }
    })();
    pending.add(request);
    void request.finally(() => pending.delete(request));
  }, 1000 / perSecond);
  return {
    samples,
    now: () => performance.now(),
    async stop() {
      clearInterval(timer);
      await Promise.all(pending);
      return samples.sort((a, b) => a.at - b.at);
    },
  };
}
