import { performance } from 'node:perf_hooks';

export interface Timing {
  p50: number;
  p95: number;
}

/** p50 and p95, in milliseconds, of `runs` sequential calls after two warm-up calls. */
export async function timeCalls(call: () => Promise<unknown>, runs: number): Promise<Timing> {
  await call();
  await call();
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await call();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (share: number) => samples[Math.min(samples.length - 1, Math.ceil(share * samples.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95) };
}
