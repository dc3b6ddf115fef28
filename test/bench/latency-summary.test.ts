import { describe, expect, it } from 'vitest';
import { summarizeLatencies } from '../../bench/latency-summary.ts';

describe('summarizeLatencies', () => {
  it('reports nearest-rank percentiles of 1..100 as the samples themselves', () => {
    const samples = Array.from({ length: 100 }, (_, index) => 100 - index);
    expect(summarizeLatencies(samples)).toEqual({ p50: 50, p90: 90, p99: 99, max: 100, mean: 50.5 });
  });

  it('picks an observed sample even when few were taken', () => {
    expect(summarizeLatencies([7, 3, 5])).toEqual({ p50: 5, p90: 7, p99: 7, max: 7, mean: 5 });
  });

  it('refuses an empty run rather than inventing figures', () => {
    expect(() => summarizeLatencies([])).toThrow(RangeError);
  });
});
