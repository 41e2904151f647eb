/** Order statistics for bench samples: medians over runs, percentiles over repeats. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest rank: p99 of 20 samples is the largest one, as it should be.
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

export const sum = (samples: readonly number[]): number => samples.reduce((a, b) => a + b, 0);
