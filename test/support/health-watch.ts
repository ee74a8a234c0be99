import { performance } from 'node:perf_hooks';

/**
 * Asks /api/health every `everyMs` while something else runs, keeping the slowest answer: the proof that
 * the event loop stayed free. Stop it to get the figures.
 */
export function watchHealth(baseUrl: string, everyMs = 200) {
  let slowestMs = 0;
  let probes = 0;
  const failures: string[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      try {
        const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
        await response.arrayBuffer();
        if (response.status !== 200) failures.push(`status ${response.status}`);
      } catch (error) {
        failures.push((error as Error).name);
      }
      slowestMs = Math.max(slowestMs, performance.now() - started);
      probes += 1;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { slowestMs: Math.round(slowestMs), probes, failures };
    },
  };
}
