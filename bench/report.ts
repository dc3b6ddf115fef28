/** The suite's results as data (suite.json) and as the Markdown page (suite.md) people read. */
import type { GatewayMetrics } from './gateway-process.ts';
import type { LoadResult } from './load.ts';
import type { RateLimitedLoadResult } from './rate-limited-load.ts';

export interface ScenarioResult {
  readonly id: string;
  readonly title: string;
  readonly peer: 'gateway' | 'naive gateway' | 'direct (SDK)';
  readonly upstreamLatencyMs: number;
  readonly readCacheTtlMs: number;
  readonly connections: number;
  readonly load: LoadResult;
  /** Upstream calls of one operation sent alone, with nothing concurrent to share calls with. */
  readonly upstreamCallsForOneOperation: number;
  /** Upstream calls during the measured run divided by the operations completed. */
  readonly upstreamCallsPerOperation: number;
  /** The gateway process's figures during the measured run; null for the direct peer (no gateway). */
  readonly gateway: GatewayMetrics | null;
}

export interface ThroughputPairFigures {
  readonly connections: number;
  readonly ceilingRequestsPerSecond: number;
  readonly listRequestsPerSecond: number;
  readonly share: number;
}

export interface Ratio {
  readonly label: string;
  readonly value: number;
  readonly unit: '%' | 'x' | 'ms' | 'calls';
  readonly target: string;
  readonly met: boolean;
}

export interface SuiteResult {
  readonly measuredAt: string;
  readonly environment: {
    readonly node: string;
    readonly cpuModel: string;
    readonly cpus: number;
    readonly platform: string;
    /** 1-minute load averages: other work on the machine competes with the three processes measured. */
    readonly loadAverageAtStart: number;
    readonly loadAverageAtEnd: number;
  };
  readonly settings: {
    readonly upstreamLatencyMs: number;
    readonly connections: number;
    /** The connection counts of the throughput rounds, `connections` first. */
    readonly throughputConnections: readonly number[];
    readonly warmupSeconds: number;
    readonly measureSeconds: number;
    readonly readCacheTtlMs: number;
    readonly concurrentOperations: number;
  };
  readonly scenarios: readonly ScenarioResult[];
  readonly ratios: readonly Ratio[];
  /**
   * The ceiling and list-page (upstream latency 0) runs, alternated, each round at every connection count; the
   * table shows the round with the median peak share.
   */
  readonly throughputRounds: ReadonlyArray<{
    readonly pairs: readonly ThroughputPairFigures[];
    /** The list page's best run over the ceiling's best run. */
    readonly peakShare: number;
  }>;
  readonly rateLimited: RateLimitedLoadResult;
  readonly durationSeconds: number;
}

function fixed(value: number, digits = 1): string {
  return value.toFixed(digits);
}

function megabytes(bytes: number): string {
  return `${fixed(bytes / 1024 / 1024, 0)} MB`;
}

function ratioValue(ratio: Ratio): string {
  switch (ratio.unit) {
    case '%':
      // One decimal: a ratio next to its target must not round onto it (49.8 % is not 50 %).
      return `${fixed(ratio.value * 100, 1)} %`;
    case 'x':
      return `${fixed(ratio.value, 1)}×`;
    case 'ms':
      return `${fixed(ratio.value, 1)} ms`;
    case 'calls':
      return fixed(ratio.value, 2);
  }
}

function scenarioRow(scenario: ScenarioResult): string {
  const { load, gateway } = scenario;
  const cells = [
    scenario.title,
    scenario.peer,
    `${scenario.upstreamLatencyMs} ms`,
    scenario.readCacheTtlMs === 0 ? 'off' : `${scenario.readCacheTtlMs} ms`,
    String(scenario.connections),
    fixed(load.requestsPerSecond, 0),
    fixed(load.latencyMs.p50),
    fixed(load.latencyMs.p90),
    fixed(load.latencyMs.p99),
    String(scenario.upstreamCallsForOneOperation),
    fixed(scenario.upstreamCallsPerOperation, 2),
    gateway === null ? '–' : `${fixed(gateway.eventLoopUtilization * 100, 0)} %`,
    gateway === null ? '–' : megabytes(gateway.peakRssBytes),
    gateway === null
      ? '–'
      : `${fixed(gateway.eventLoopDelayMs.p50)} / ${fixed(gateway.eventLoopDelayMs.p99)} / ${fixed(gateway.eventLoopDelayMs.max)}`,
    String(load.operations),
    String(load.failures),
  ];
  return `| ${cells.join(' | ')} |`;
}

export function renderSuiteMarkdown(suite: SuiteResult): string {
  const { settings, rateLimited } = suite;
  return [
    '# ssl-graph benchmark suite',
    '',
    `Measured ${suite.measuredAt} on Node ${suite.environment.node}, ${suite.environment.platform}, ` +
      `${suite.environment.cpus} CPU(s): ${suite.environment.cpuModel}. The whole suite took ${fixed(suite.durationSeconds, 0)} s; ` +
      `1-minute load average ${fixed(suite.environment.loadAverageAtStart, 1)} at the start and ` +
      `${fixed(suite.environment.loadAverageAtEnd, 1)} at the end (a load above the CPU count means other work competed with the run).`,
    '',
    'Three processes: the seeded emulator of the SSL API, the gateway (Yoga over node:http → read cache → ' +
      'SslClient), and the load generator (autocannon; the direct peer runs its SDK calls there too). They share ' +
      'the same CPUs, so absolute figures are for this machine only; ratios measured in the same run are the ' +
      'comparable part.',
    '',
    `Throughput scenarios: emulator quotas off (and the client's limiter off, as it would otherwise measure its ` +
      `own 8 req/s bucket), ${settings.connections} connections unless stated, ${settings.warmupSeconds} s warm-up then ` +
      `${settings.measureSeconds} s measured, the emulator adding the stated latency to every call. The read ` +
      'cache is off except where stated, so each operation takes the full path; in-flight sharing of identical ' +
      'reads (the client) stays on except for the naive peer.',
    '',
    '| Scenario | Peer | Upstream latency | Read cache | Connections | req/s | p50 ms | p90 ms | p99 ms | Upstream calls, one operation | Upstream calls per operation under load | Gateway busy | Gateway peak RSS | Gateway event-loop delay p50 / p99 / max ms | Operations | Failures |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...suite.scenarios.map(scenarioRow),
    '',
    'Gateway busy is the event-loop utilization of the gateway process during the measured run (the share of ' +
      'time it ran callbacks rather than waited for I/O). Event-loop delay is sampled every 10 ms in the gateway ' +
      'process and reported beyond that interval.',
    '',
    `The ceiling and the list page at upstream latency 0 ran ${suite.throughputRounds.length} rounds, alternately, ` +
      `each round at ${settings.throughputConnections.join(', then ')} connections (req/s, ceiling → ` +
      "list page, at each count; then the list page's best run over the ceiling's): " +
      suite.throughputRounds
        .map(
          (round) =>
            `${round.pairs
              .map(
                (pair) =>
                  `${fixed(pair.ceilingRequestsPerSecond, 0)} → ${fixed(pair.listRequestsPerSecond, 0)}`,
              )
              .join(' | ')} (${fixed(round.peakShare * 100, 1)} %)`,
        )
        .join('; ') +
      '. The table shows the round with the median share. The list page gains from higher counts because its ' +
      'identical concurrent reads share upstream calls: more share each call (the calls per operation column), ' +
      'and while some wait for it the gateway serves others (the busy column).',
    '',
    '## Ratios (same run)',
    '',
    '| Ratio | Measured | Target | Met |',
    '|---|---|---|---|',
    ...suite.ratios.map(
      (ratio) =>
        `| ${ratio.label} | ${ratioValue(ratio)} | ${ratio.target} | ${ratio.met ? 'yes' : '**no**'} |`,
    ),
    '',
    '## Load under the real quotas',
    '',
    `${rateLimited.operations} operations sent at once (${rateLimited.distinctOperations} distinct ones, ` +
      'interleaved) through the production client configuration (limiter at 80 % of each quota, retries, ' +
      `in-flight sharing; read cache off) to an emulator enforcing each action's quota, with ` +
      `${settings.upstreamLatencyMs} ms latency per call. Each answer is compared with the operation's reference ` +
      'answer taken beforehand.',
    '',
    '| Figure | Value |',
    '|---|---|',
    `| Operations answered correctly | ${rateLimited.succeeded} of ${rateLimited.operations} |`,
    `| RequestLimitExceeded surfaced to clients | ${rateLimited.requestLimitErrorsSurfaced} |`,
    `| RequestLimitExceeded answered by the upstream | ${rateLimited.requestLimitRejectionsUpstream} |`,
    `| Upstream calls | ${rateLimited.upstreamCalls} |`,
    `| GraphQL operations per upstream call | ${fixed(rateLimited.operationsPerUpstreamCall, 1)} |`,
    `| Wall time for all operations | ${fixed(rateLimited.wallMs, 0)} ms |`,
    `| Operation latency p50 / p90 / p99 | ${fixed(rateLimited.latencyMs.p50, 0)} / ${fixed(rateLimited.latencyMs.p90, 0)} / ${fixed(rateLimited.latencyMs.p99, 0)} ms |`,
    `| Every action within its quota in every 1-s window | ${rateLimited.withinQuota ? 'yes' : '**no**'} |`,
    ...(rateLimited.firstIncorrect === undefined
      ? []
      : [`| First incorrect answer | ${rateLimited.firstIncorrect} |`]),
    '',
    '| Action | Calls | Quota /s | Peak arrivals in a fixed 1-s window | Peak arrivals in any 1-s span |',
    '|---|---|---|---|---|',
    ...rateLimited.actions.map(
      (entry) =>
        `| ${entry.action} | ${entry.calls} | ${entry.limitPerSecond} | ${entry.peak.fixedWindow} | ${entry.peak.slidingWindow} |`,
    ),
    '',
    'The upstream counts quotas in fixed 1-second windows of arrival time; the sliding view shows how bursty the ' +
      'client was across window edges (the limiter keeps burst + rate under the quota).',
    '',
  ].join('\n');
}
