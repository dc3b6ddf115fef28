/** Latency percentiles of the operations a load run completed, in the shape autocannon reports them. */
export interface LatencySummary {
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/**
 * Nearest-rank percentiles (the smallest sample with at least p % of the samples at or below it), so every
 * figure is a latency that was actually observed.
 */
export function summarizeLatencies(samplesMs: readonly number[]): LatencySummary {
  if (samplesMs.length === 0) throw new RangeError('no latency samples to summarize');
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (percent: number): number => {
    const rank = Math.max(1, Math.ceil((percent / 100) * sorted.length));
    return sorted[rank - 1] as number;
  };
  const total = sorted.reduce((sum, sample) => sum + sample, 0);
  return {
    p50: at(50),
    p90: at(90),
    p99: at(99),
    max: sorted[sorted.length - 1] as number,
    mean: total / sorted.length,
  };
}
