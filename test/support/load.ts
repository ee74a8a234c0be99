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
  /** Requests still unanswered, with when each was sent. */
  const pending = new Map<Promise<void>, number>();
  const started = performance.now();
  let sent = 0;
  const timer = setInterval(() => {
    if (performance.now() - started > maxMs) return clearInterval(timer);
    const path = paths[sent++ % paths.length]!;
    const at = performance.now();
    const request = (async () => {
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
    pending.set(request, at);
    void request.finally(() => pending.delete(request));
  }, 1000 / perSecond);
  return {
    samples,
    now: () => performance.now(),
    /**
     * The answers to every request sent before the oldest one still unanswered: what is known for good, since
     * a slow request sent earlier may yet fail after later ones succeeded.
     */
    settled(): Sample[] {
      const oldestPending = Math.min(...pending.values());
      return samples.filter((sample) => sample.at < oldestPending);
    },
    async stop() {
      clearInterval(timer);
      await Promise.all(pending.keys());
      return samples.sort((a, b) => a.at - b.at);
    },
  };
}
