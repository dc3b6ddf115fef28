/** The load generators: autocannon against the gateway, a closed loop of workers for the direct (SDK) peer. */
import autocannon from 'autocannon';
import { type Agent, request } from 'undici';
import { type LatencySummary, summarizeLatencies } from './latency-summary.ts';

export interface LoadSettings {
  readonly connections: number;
  readonly warmupSeconds: number;
  readonly measureSeconds: number;
}

export interface LoadResult {
  readonly operations: number;
  readonly requestsPerSecond: number;
  readonly latencyMs: LatencySummary;
  /** Socket errors, timeouts and non-2xx answers. */
  readonly failures: number;
}

export interface GraphQLOperation {
  readonly query: string;
  readonly variables?: Record<string, unknown>;
}

const GRAPHQL_HEADERS = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };

/** Drives the gateway with autocannon: a warm-up run (JIT, connection pools, caches), then the measured run. */
export async function loadGateway(
  url: string,
  operation: GraphQLOperation,
  settings: LoadSettings,
  beforeMeasuring: () => Promise<void>,
): Promise<LoadResult> {
  const common = {
    url,
    method: 'POST' as const,
    headers: GRAPHQL_HEADERS,
    body: JSON.stringify(operation),
    connections: settings.connections,
    timeout: 30,
  };
  if (settings.warmupSeconds > 0) await autocannon({ ...common, duration: settings.warmupSeconds });
  await beforeMeasuring();
  const result = await autocannon({ ...common, duration: settings.measureSeconds });
  return {
    operations: result.requests.total,
    requestsPerSecond: result.requests.total / result.duration,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.mean,
    },
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

/** Runs `operation` from `connections` workers back to back for the given time, recording each latency. */
export async function loadClosedLoop(
  operation: () => Promise<unknown>,
  settings: LoadSettings,
  beforeMeasuring: () => Promise<void>,
): Promise<LoadResult> {
  const runFor = async (seconds: number, latencies: number[] | undefined): Promise<number> => {
    let failures = 0;
    const deadline = performance.now() + seconds * 1000;
    const worker = async (): Promise<void> => {
      while (performance.now() < deadline) {
        const startedAt = performance.now();
        try {
          await operation();
          latencies?.push(performance.now() - startedAt);
        } catch {
          failures += 1;
        }
      }
    };
    await Promise.all(Array.from({ length: settings.connections }, worker));
    return failures;
  };
  if (settings.warmupSeconds > 0) await runFor(settings.warmupSeconds, undefined);
  await beforeMeasuring();
  const latencies: number[] = [];
  const startedAt = performance.now();
  const failures = await runFor(settings.measureSeconds, latencies);
  const elapsedSeconds = (performance.now() - startedAt) / 1000;
  return {
    operations: latencies.length,
    requestsPerSecond: latencies.length / elapsedSeconds,
    latencyMs: summarizeLatencies(latencies),
    failures,
  };
}

export interface GraphQLAnswer {
  readonly status: number;
  readonly data?: unknown;
  readonly errors?: ReadonlyArray<{
    readonly message: string;
    readonly extensions?: Record<string, unknown>;
  }>;
}

/** One operation over HTTP, outside autocannon: to check answers and to count one operation's upstream calls. */
export async function sendGraphQL(
  url: string,
  operation: GraphQLOperation,
  dispatcher?: Agent,
): Promise<GraphQLAnswer> {
  const response = await request(url, {
    method: 'POST',
    headers: GRAPHQL_HEADERS,
    body: JSON.stringify(operation),
    ...(dispatcher === undefined ? {} : { dispatcher }),
  });
  const body = (await response.body.json()) as Omit<GraphQLAnswer, 'status'>;
  return { status: response.statusCode, ...body };
}
