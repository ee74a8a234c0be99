import { performance } from 'node:perf_hooks';

export interface Sample {
  at: number;
  path: string;
  status: number;
  retryAfter: string | null;
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
        samples.push({ at, path, status: response.status, retryAfter: response.headers.get('retry-after') });
      } catch {
        samples.push({ at, path, status: 0, retryAfter: null });
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
