/**
 * Load under the real quotas: many concurrent operations against an emulator that enforces each action's
 * requests-per-second, through the gateway's production client (rate limiting, retries, in-flight sharing).
 */
import { isDeepStrictEqual } from 'node:util';
import { Agent } from 'undici';
import type { PeakArrivals } from '../src/emulator/index.ts';
import type { SslActionName } from '../src/ssl/actions.ts';
import { SSL_SPEC } from '../src/ssl/spec.generated.ts';
import type { UpstreamStats } from './emulator-process.ts';
import { type LatencySummary, summarizeLatencies } from './latency-summary.ts';
import { type GraphQLAnswer, type GraphQLOperation, sendGraphQL } from './load.ts';

export interface RateLimitedLoadResult {
  readonly operations: number;
  readonly distinctOperations: number;
  readonly succeeded: number;
  /** Answers with errors, a non-200 status, or data differing from the operation's reference answer. */
  readonly incorrect: number;
  readonly firstIncorrect: string | undefined;
  /** GraphQL errors mentioning RequestLimitExceeded. */
  readonly requestLimitErrorsSurfaced: number;
  /** RequestLimitExceeded answers the emulator gave (the client retries them; none should happen at all). */
  readonly requestLimitRejectionsUpstream: number;
  readonly wallMs: number;
  readonly latencyMs: LatencySummary;
  readonly upstreamCalls: number;
  readonly operationsPerUpstreamCall: number;
  readonly actions: ReadonlyArray<{
    readonly action: SslActionName;
    readonly calls: number;
    readonly limitPerSecond: number;
    readonly peak: PeakArrivals;
  }>;
  /** True when no action ever arrived faster than its quota in any fixed 1-second window. */
  readonly withinQuota: boolean;
}

function mentionsRequestLimit(answer: GraphQLAnswer): boolean {
  return JSON.stringify(answer.errors ?? []).includes('RequestLimitExceeded');
}

/**
 * Sends each distinct operation once for its reference answer, then `total` operations at once (the distinct
 * ones interleaved), and checks every answer against its reference.
 */
export async function runRateLimitedLoad(options: {
  readonly gatewayUrl: string;
  readonly distinct: readonly GraphQLOperation[];
  readonly total: number;
  readonly upstreamStats: () => Promise<UpstreamStats>;
  readonly resetUpstreamStats: () => Promise<void>;
}): Promise<RateLimitedLoadResult> {
  const { gatewayUrl, distinct, total } = options;
  const references: unknown[] = [];
  for (const operation of distinct) {
    const answer = await sendGraphQL(gatewayUrl, operation);
    if (answer.status !== 200 || answer.errors !== undefined) {
      throw new Error(`reference answer failed: ${JSON.stringify(answer.errors ?? answer.status)}`);
    }
    references.push(answer.data);
  }
  // A fresh quota window, so the burst starts from the state a quiet gateway would be in.
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  await options.resetUpstreamStats();

  // One socket per operation: all of them really are in flight at once.
  const dispatcher = new Agent({ connections: total });
  const latencies: number[] = [];
  let incorrect = 0;
  let requestLimitErrorsSurfaced = 0;
  let firstIncorrect: string | undefined;
  const startedAt = performance.now();
  await Promise.all(
    Array.from({ length: total }, async (_, index) => {
      const which = index % distinct.length;
      const sentAt = performance.now();
      try {
        const answer = await sendGraphQL(gatewayUrl, distinct[which] as GraphQLOperation, dispatcher);
        latencies.push(performance.now() - sentAt);
        if (mentionsRequestLimit(answer)) requestLimitErrorsSurfaced += 1;
        const correct =
          answer.status === 200 &&
          answer.errors === undefined &&
          isDeepStrictEqual(answer.data, references[which]);
        if (!correct) {
          incorrect += 1;
          firstIncorrect ??= JSON.stringify(answer.errors ?? answer.data).slice(0, 300);
        }
      } catch (error) {
        incorrect += 1;
        firstIncorrect ??= error instanceof Error ? error.message : String(error);
      }
    }),
  );
  const wallMs = performance.now() - startedAt;
  await dispatcher.close();

  const stats = await options.upstreamStats();
  const actions = Object.entries(stats.peakArrivalsPerSecond).map(([name, peak]) => {
    const action = name as SslActionName;
    return {
      action,
      calls: stats.callsByAction[action] ?? 0,
      limitPerSecond: SSL_SPEC.actions[action].rateLimit,
      peak,
    };
  });
  return {
    operations: total,
    distinctOperations: distinct.length,
    succeeded: total - incorrect,
    incorrect,
    firstIncorrect,
    requestLimitErrorsSurfaced,
    requestLimitRejectionsUpstream: stats.errorsByCode.RequestLimitExceeded ?? 0,
    wallMs,
    latencyMs: summarizeLatencies(latencies),
    upstreamCalls: stats.totalCalls,
    operationsPerUpstreamCall: total / Math.max(1, stats.totalCalls),
    actions,
    withinQuota: actions.every((entry) => entry.peak.fixedWindow <= entry.limitPerSecond),
  };
}
