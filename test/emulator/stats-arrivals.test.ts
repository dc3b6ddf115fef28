import { describe, expect, it } from 'vitest';
import { EmulatorStats } from '../../src/emulator/stats.ts';

function statsAt(clock: { now: number }): EmulatorStats {
  return new EmulatorStats(() => clock.now);
}

describe('EmulatorStats arrivals per second', () => {
  it('reports the busiest fixed window and the busiest 1-second span separately', () => {
    const clock = { now: 0 };
    const stats = statsAt(clock);
    // Three at the end of second 0 and three at the start of second 1: 3 per fixed window, 6 within 1 s.
    for (const at of [900, 950, 990, 1000, 1010, 1050]) {
      clock.now = at;
      stats.recordArrival('DescribeCertificates');
    }
    expect(stats.peakArrivalsPerSecond().DescribeCertificates).toEqual({ fixedWindow: 3, slidingWindow: 6 });
  });

  it('forgets arrivals older than one second in the sliding view', () => {
    const clock = { now: 0 };
    const stats = statsAt(clock);
    for (const at of [0, 400, 1000, 1400, 2000]) {
      clock.now = at;
      stats.recordArrival('DescribeManagers');
    }
    expect(stats.peakArrivalsPerSecond().DescribeManagers).toEqual({ fixedWindow: 2, slidingWindow: 2 });
  });

  it('counts each action on its own and starts over on reset', () => {
    const clock = { now: 5_000 };
    const stats = statsAt(clock);
    stats.recordArrival('DescribeCertificates');
    stats.recordArrival('DescribeCertificates');
    stats.recordArrival('DescribeCompanies');
    expect(stats.peakArrivalsPerSecond()).toEqual({
      DescribeCertificates: { fixedWindow: 2, slidingWindow: 2 },
      DescribeCompanies: { fixedWindow: 1, slidingWindow: 1 },
    });
    stats.reset();
    expect(stats.peakArrivalsPerSecond()).toEqual({});
  });
});
