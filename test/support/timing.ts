import { performance } from 'node:perf_hooks';

export interface Timing {
  p50: number;
  p95: number;
}

function percentiles(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95) };
}

/** p50 and p95, in milliseconds, of `runs` sequential calls after two warm-up calls. */
export async function timeCalls(call: () => Promise<unknown>, runs: number): Promise<Timing> {
  return (await timeAlternately([call], runs))[0]!;
}

/**
 * p50 and p95 of each call, measured in turns (one of each per round, after two warm-up rounds), so that
 * what else the machine does weighs on all of them alike and their ratios hold.
 */
export async function timeAlternately(calls: (() => Promise<unknown>)[], runs: number): Promise<Timing[]> {
  const samples = calls.map((): number[] => []);
  for (let round = -2; round < runs; round++) {
    for (const [index, call] of calls.entries()) {
      const started = performance.now();
      await call();
      if (round >= 0) samples[index]!.push(performance.now() - started);
    }
  }
  return samples.map(percentiles);
}
