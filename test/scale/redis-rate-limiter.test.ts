import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { connectRedis } from '../../src/scale/redis-connection.ts';
import { RedisRateLimiter, type RedisRateLimiterOptions } from '../../src/scale/redis-rate-limiter.ts';
import {
  SslAbortedError,
  SslRateLimiterUnavailableError,
  SslRateLimitQueueError,
} from '../../src/ssl/errors.ts';
import type { RateLimitGrant } from '../../src/ssl/rate-limiter.ts';
import { redisAvailable } from './redis-server.ts';
import { useRedisSuite } from './redis-suite.ts';

type Outcome = { readonly granted: RateLimitGrant } | { readonly rejected: unknown };

function settle(grant: Promise<RateLimitGrant>): Promise<Outcome> {
  return grant.then(
    (granted) => ({ granted }),
    (rejected: unknown) => ({ rejected }),
  );
}

function rejectionReasons(outcomes: readonly Outcome[]): string[] {
  return outcomes.flatMap((outcome) =>
    'rejected' in outcome && outcome.rejected instanceof SslRateLimitQueueError
      ? [outcome.rejected.reason]
      : [],
  );
}

describe.skipIf(!redisAvailable)('RedisRateLimiter (a real redis-server)', () => {
  const redis = useRedisSuite();
  const { connections } = redis;

  /** One limiter per simulated replica, each on its own connection, sharing one key prefix. */
  function replicas(count: number, options: RedisRateLimiterOptions = {}): RedisRateLimiter[] {
    const keyPrefix = `test-${randomUUID()}:`;
    return Array.from({ length: count }, (_, index) => {
      const connection = connectRedis({ url: redis.url, connectionName: `replica-${index}` });
      connections.push(connection);
      return new RedisRateLimiter(connection, { keyPrefix, ...options });
    });
  }

  // Quota 2/s at the full quota: one grant every 500 ms, a burst of 1. Waits are then 0, 500, 1000… ms, far
  // enough apart that the outcome does not depend on how fast Redis answers.
  const SLOW_QUOTA = 2;

  it('queues callers across replicas and refuses those whose wait would pass the deadline', async () => {
    const [first, second] = replicas(2, { quotaFraction: 1, maxWaitMs: 700 });
    const calls = [first, second, first, second, first, second].map((limiter) =>
      settle(limiter!.acquire('DescribeCertificates', 'AKIDone\n\nDescribeCertificates', SLOW_QUOTA)),
    );
    const outcomes = await Promise.all(calls);
    const granted = outcomes.flatMap((outcome) => ('granted' in outcome ? [outcome.granted] : []));
    // 0 ms and 500 ms fit under 700 ms; 1000 ms and later do not, whichever replica asked.
    expect(granted).toHaveLength(2);
    expect(rejectionReasons(outcomes)).toEqual(['deadline', 'deadline', 'deadline', 'deadline']);
    expect(granted.map((grant) => grant.queueDepth).sort()).toEqual([0, 1]);
    const refused = outcomes.find((outcome) => 'rejected' in outcome);
    expect(refused).toMatchObject({ rejected: { provablyNotExecuted: true, category: 'rate-limit' } });
  });

  it('refuses with queue-full once maxQueueLength callers wait ahead, cluster-wide', async () => {
    const [first, second] = replicas(2, { quotaFraction: 1, maxQueueLength: 2, maxWaitMs: 60_000 });
    const abort = new AbortController();
    const key = 'AKIDone\n\nDescribeCertificates';
    let refusals = 0;
    const calls = [first, second, first, second].map((limiter) =>
      settle(
        limiter!.acquire('DescribeCertificates', key, SLOW_QUOTA, abort.signal).catch((error: unknown) => {
          if (error instanceof SslRateLimitQueueError) refusals += 1;
          throw error;
        }),
      ),
    );
    // In Redis' arrival order, callers have 0 (sent at once), 1, 2 (full) and 2 ahead of them.
    while (refusals < 2) await new Promise((resolve) => setImmediate(resolve));
    abort.abort();
    const outcomes = await Promise.all(calls);
    expect(rejectionReasons(outcomes)).toEqual(['queue-full', 'queue-full']);
    expect(outcomes.filter((outcome) => 'granted' in outcome)).toEqual([
      { granted: { waitedMs: 0, queueDepth: 0 } },
    ]);
    const refused = outcomes.find(
      (outcome) => 'rejected' in outcome && outcome.rejected instanceof SslRateLimitQueueError,
    );
    expect(refused).toMatchObject({ rejected: { queueDepth: 2 } });
    // The caller that was waiting its turn gave up.
    expect(
      outcomes.filter((outcome) => 'rejected' in outcome && outcome.rejected instanceof SslAbortedError),
    ).toHaveLength(1);
  });

  it('keeps separate keys (actions, accounts, regions) on separate schedules', async () => {
    const [limiter] = replicas(1, { quotaFraction: 1, maxWaitMs: 100 });
    const outcomes = await Promise.all(
      [
        'AKIDone\n\nDescribeCertificates',
        'AKIDone\n\nDescribeManagers',
        'AKIDtwo\n\nDescribeCertificates',
      ].map((key) => settle(limiter!.acquire('DescribeCertificates', key, SLOW_QUOTA))),
    );
    expect(outcomes.every((outcome) => 'granted' in outcome)).toBe(true);
  });

  it('gives an abandoned reservation back, so the next caller gets its slot', async () => {
    const [first, second] = replicas(2, { quotaFraction: 1, maxWaitMs: 700 });
    const key = 'AKIDone\n\nDescribeCertificates';
    await first!.acquire('DescribeCertificates', key, SLOW_QUOTA);
    const abort = new AbortController();
    const abandoned = settle(first!.acquire('DescribeCertificates', key, SLOW_QUOTA, abort.signal));
    // Give up while waiting (before or after Redis answered: either way the reservation is given back).
    while (first!.waitingCalls === 0) await new Promise((resolve) => setImmediate(resolve));
    abort.abort();
    expect(await abandoned).toMatchObject({ rejected: expect.any(SslAbortedError) });
    // Without the release this caller would be ~1000 ms out, past the 700 ms deadline.
    const next = await settle(second!.acquire('DescribeCertificates', key, SLOW_QUOTA));
    expect(next).toMatchObject({ granted: { queueDepth: 1 } });
  });

  it('wakes waiting callers with SslAbortedError when disposed, and refuses new ones', async () => {
    const [limiter] = replicas(1, { quotaFraction: 1 });
    const key = 'AKIDone\n\nDescribeCertificates';
    await limiter!.acquire('DescribeCertificates', key, SLOW_QUOTA);
    const waiting = settle(limiter!.acquire('DescribeCertificates', key, SLOW_QUOTA));
    while (limiter!.waitingCalls === 0) await new Promise((resolve) => setImmediate(resolve));
    limiter!.dispose();
    expect(await waiting).toMatchObject({ rejected: expect.any(SslAbortedError) });
    await expect(limiter!.acquire('DescribeCertificates', key, SLOW_QUOTA)).rejects.toBeInstanceOf(
      SslAbortedError,
    );
    expect(limiter!.waitingCalls).toBe(0);
  });

  it('writes no credential or action in clear into Redis keys', async () => {
    const keyPrefix = `test-${randomUUID()}:`;
    const connection = connectRedis({ url: redis.url, connectionName: 'keys' });
    connections.push(connection);
    const limiter = new RedisRateLimiter(connection, { keyPrefix });
    await limiter.acquire('DescribeCertificates', 'AKIDsecretish\nap-guangzhou\nDescribeCertificates', 10);
    const keys = await connection.keys(`${keyPrefix}*`);
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toMatch(/AKID|guangzhou|Describe/);
    // Idle keys do not linger: the schedule expires about a second after its last reservation.
    expect(await connection.pttl(keys[0]!)).toBeGreaterThan(0);
    expect(await connection.pttl(keys[0]!)).toBeLessThanOrEqual(1_200);
  });

  it('fails closed when Redis is unreachable: not sent, not retried, and not an upstream failure', async () => {
    const unreachable = new Redis('redis://127.0.0.1:1', {
      maxRetriesPerRequest: 1,
      retryStrategy: () => 10,
      lazyConnect: true,
    });
    unreachable.on('error', () => undefined);
    connections.push(unreachable);
    const limiter = new RedisRateLimiter(unreachable, { keyPrefix: 'test-unreachable:' });
    const outcome = await settle(
      limiter.acquire('DescribeCertificates', 'AKIDone\n\nDescribeCertificates', 10),
    );
    expect(outcome).toMatchObject({
      rejected: { category: 'rate-limiter-unavailable', retryable: false, provablyNotExecuted: true },
    });
    expect((outcome as { rejected: unknown }).rejected).toBeInstanceOf(SslRateLimiterUnavailableError);
    unreachable.disconnect();
  });

  it('resolves at once when disabled, without touching Redis', async () => {
    const unreachable = new Redis('redis://127.0.0.1:1', { lazyConnect: true });
    connections.push(unreachable);
    const limiter = new RedisRateLimiter(unreachable, { enabled: false });
    await expect(limiter.acquire('DescribeCertificates', 'k', 10)).resolves.toEqual({
      waitedMs: 0,
      queueDepth: 0,
    });
    expect(unreachable.status).toBe('wait');
  });
});
