import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ResilienceStack, startResilienceStack } from './support/resilience-stack.ts';
import { seededRandom } from './support/seeded-random.ts';
import { runSoak, type SoakReport } from './support/soak-runner.ts';

// The CI-sized fault soak: ~10 % transient faults of every kind, before and after execution, on every upstream
// call of 200 mixed operations. Operations run one at a time and the emulator's fault draws are seeded, so the
// same calls meet the same faults on every run; six retries make a read that still fails a one-in-millions draw.
const SEED = 20_240_611;

let stack: ResilienceStack;
let report: SoakReport;

beforeAll(async () => {
  stack = await startResilienceStack({
    emulator: { random: seededRandom(SEED) },
    client: {
      // Low timeouts so injected hangs cost little; latency spikes stay well under them.
      timeouts: { connectMs: 1_000, headersMs: 750, bodyMs: 750 },
      retry: {
        maxRetries: 6,
        baseDelayMs: 20,
        rateLimitBaseDelayMs: 50,
        rateLimitMinDelayMs: 10,
        maxTotalMs: 20_000,
      },
    },
  });
  report = await runSoak(stack, {
    seed: SEED,
    operations: 200,
    warmupOperations: 0,
    concurrency: 1,
    maxDurationMs: 90_000,
    faults: { totalRate: 0.1, latencySpikeMs: 100 },
    measureHeap: false,
  });
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe('fault soak (CI size)', () => {
  it('runs every operation, with faults of the main kinds actually injected before and after execution', () => {
    expect(report.operationsRun).toBe(200);
    const hits = (pattern: RegExp): number =>
      Object.entries(report.faultsInjected)
        .filter(([label]) => pattern.test(label))
        .reduce((sum, [, count]) => sum + count, 0);
    // The rarest kinds (non-JSON bodies, latency spikes) may miss 200 operations; the 2,000-operation script covers them.
    expect(hits(/RequestLimitExceeded/)).toBeGreaterThan(0);
    expect(hits(/InternalError|NetworkError/)).toBeGreaterThan(0);
    expect(hits(/http-5\d\d/)).toBeGreaterThan(0);
    expect(hits(/connection-reset/)).toBeGreaterThan(0);
    expect(hits(/hang/)).toBeGreaterThan(0);
    expect(hits(/^before:(?!latency)/)).toBeGreaterThan(0);
    expect(hits(/^after:/)).toBeGreaterThan(0);
    expect(report.client.retries).toBeGreaterThan(0);
  });

  it('answers every read: retries absorb the transient faults', () => {
    expect(report.reads.total).toBeGreaterThan(100);
    expect(report.reads.failuresByCode).toEqual({});
    expect(report.reads.ok).toBe(report.reads.total);
  });

  it('executes every mutation intent upstream at most once, and never acknowledges one it did not execute', () => {
    expect(report.mutations.total).toBeGreaterThan(20);
    expect(report.mutations.executedMoreThanOnce).toBe(0);
    expect(report.mutations.acknowledgedButNotExecuted).toBe(0);
    expect(stack.emulator.stats.repeatedMutations()).toEqual([]);
    expect(report.mutations.executedOnce).toBeGreaterThanOrEqual(report.mutations.ok);
  });

  it('reports the mutations that failed as typed errors with the upstream RequestId', () => {
    // An after-execution fault on a mutation cannot be retried, so some do fail: each with a code.
    expect(report.mutations.failed).toBeGreaterThan(0);
    expect(report.mutations.userErrors).toBe(0);
    expect(report.violations).toEqual([]);
  });

  it('keeps serving once the faults are gone', async () => {
    expect(stack.emulator.faults.active()).toEqual([]);
    const response = await stack.gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: '{ certificates(first: 1) { totalCount } }' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      data: { certificates: { totalCount: expect.any(Number) } },
    });
  });
});
