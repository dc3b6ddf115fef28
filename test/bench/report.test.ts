import { describe, expect, it } from 'vitest';
import { renderSuiteMarkdown, type ScenarioResult, type SuiteResult } from '../../bench/report.ts';

const latency = { p50: 10, p90: 20, p99: 30, max: 40, mean: 12 };

function scenario(overrides: Partial<ScenarioResult>): ScenarioResult {
  return {
    id: 'list',
    title: 'List page (50)',
    peer: 'gateway',
    upstreamLatencyMs: 20,
    readCacheTtlMs: 0,
    connections: 8,
    load: { operations: 500, requestsPerSecond: 100, latencyMs: latency, failures: 0 },
    upstreamCallsForOneOperation: 1,
    upstreamCallsPerOperation: 0.25,
    gateway: {
      eventLoopDelayMs: { p50: 0.5, p99: 4, max: 9 },
      peakRssBytes: 200 * 1024 * 1024,
      cpuMicroseconds: 1,
      eventLoopUtilization: 0.934,
      readCache: { hits: 0, misses: 0, invalidations: 0 },
    },
    ...overrides,
  };
}

const suite: SuiteResult = {
  measuredAt: '2026-01-01T00:00:00.000Z',
  environment: {
    node: 'v20.20.2',
    cpuModel: 'Test CPU',
    cpus: 2,
    platform: 'linux 6',
    loadAverageAtStart: 1,
    loadAverageAtEnd: 2,
  },
  settings: {
    upstreamLatencyMs: 20,
    connections: 8,
    throughputConnections: [8, 16],
    warmupSeconds: 1,
    measureSeconds: 5,
    readCacheTtlMs: 3000,
    concurrentOperations: 500,
  },
  scenarios: [scenario({}), scenario({ id: 'direct-list', peer: 'direct (SDK)', gateway: null })],
  ratios: [
    { label: 'Throughput share', value: 0.42, unit: '%', target: '≥ 50 %', met: false },
    { label: 'Calls, naive', value: 51, unit: 'calls', target: '≥ 51', met: true },
  ],
  throughputRounds: [
    {
      pairs: [
        { connections: 8, ceilingRequestsPerSecond: 3000, listRequestsPerSecond: 1260, share: 0.42 },
        { connections: 16, ceilingRequestsPerSecond: 2900, listRequestsPerSecond: 1500, share: 0.517 },
      ],
      peakShare: 0.5,
    },
    {
      pairs: [
        { connections: 8, ceilingRequestsPerSecond: 2900, listRequestsPerSecond: 1450, share: 0.5 },
        { connections: 16, ceilingRequestsPerSecond: 2950, listRequestsPerSecond: 1700, share: 0.576 },
      ],
      peakShare: 0.576,
    },
  ],
  rateLimited: {
    operations: 500,
    distinctOperations: 12,
    succeeded: 500,
    incorrect: 0,
    firstIncorrect: undefined,
    requestLimitErrorsSurfaced: 0,
    requestLimitRejectionsUpstream: 0,
    wallMs: 2500,
    latencyMs: latency,
    upstreamCalls: 60,
    operationsPerUpstreamCall: 500 / 60,
    actions: [
      {
        action: 'DescribeCertificates',
        calls: 21,
        limitPerSecond: 10,
        peak: { fixedWindow: 8, slidingWindow: 9 },
      },
    ],
    withinQuota: true,
  },
  durationSeconds: 150,
};

describe('renderSuiteMarkdown', () => {
  const markdown = renderSuiteMarkdown(suite);

  it('states when, where and under what load the figures were taken', () => {
    expect(markdown).toContain('2026-01-01T00:00:00.000Z');
    expect(markdown).toContain('Node v20.20.2');
    expect(markdown).toContain('Test CPU');
    expect(markdown).toContain('load average 1.0 at the start and 2.0 at the end');
  });

  it('shows each scenario, with dashes where the direct peer has no gateway process', () => {
    expect(markdown).toContain(
      '| List page (50) | gateway | 20 ms | off | 8 | 100 | 10.0 | 20.0 | 30.0 | 1 | 0.25 | 93 % | 200 MB | 0.5 / 4.0 / 9.0 | 500 | 0 |',
    );
    expect(markdown).toContain(
      '| List page (50) | direct (SDK) | 20 ms | off | 8 | 100 | 10.0 | 20.0 | 30.0 | 1 | 0.25 | – | – | – | 500 | 0 |',
    );
  });

  it('flags a missed target instead of hiding it', () => {
    expect(markdown).toContain('| Throughput share | 42.0 % | ≥ 50 % | **no** |');
    expect(markdown).toContain('| Calls, naive | 51.00 | ≥ 51 | yes |');
  });

  it('shows every alternating ceiling / list-page run behind the median, at both connection counts', () => {
    expect(markdown).toContain('ran 2 rounds, alternately, each round at 8, then 16 connections');
    expect(markdown).toContain('3000 → 1260 | 2900 → 1500 (50.0 %); 2900 → 1450 | 2950 → 1700 (57.6 %)');
  });

  it('reports the burst under quotas with each action against its quota', () => {
    expect(markdown).toContain('| Operations answered correctly | 500 of 500 |');
    expect(markdown).toContain('| GraphQL operations per upstream call | 8.3 |');
    expect(markdown).toContain('| DescribeCertificates | 21 | 10 | 8 | 9 |');
  });
});
