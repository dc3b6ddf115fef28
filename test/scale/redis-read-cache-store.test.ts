import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { connectRedis } from '../../src/scale/redis-connection.ts';
import { RedisReadCacheStore } from '../../src/scale/redis-read-cache-store.ts';
import type { SslActionName, SslCaller, SslRequest, SslResponse } from '../../src/ssl/actions.ts';
import { ReadCachingSslCaller } from '../../src/ssl/read-cache.ts';
import { redisAvailable } from './redis-server.ts';
import { useRedisSuite } from './redis-suite.ts';

/** One replica's upstream: counts calls and numbers its answers, so a shared answer is recognisable. */
class CountingUpstream implements SslCaller {
  readonly calls: SslActionName[] = [];
  #held: Array<() => void> = [];
  holdAnswers = false;

  async call<A extends SslActionName>(action: A, _params: SslRequest<A>): Promise<SslResponse<A>> {
    this.calls.push(action);
    const answer = `${action}#${this.calls.length}:${randomUUID()}`;
    if (this.holdAnswers) await new Promise<void>((resolve) => this.#held.push(resolve));
    return { answer, RequestId: answer } as unknown as SslResponse<A>;
  }

  release(): void {
    for (const resolve of this.#held.splice(0)) resolve();
  }

  countOf(action: SslActionName): number {
    return this.calls.filter((call) => call === action).length;
  }
}

function answerOf(response: unknown): string {
  return (response as { answer: string }).answer;
}

const LIST = { Offset: 0, Limit: 20 } as const;

describe.skipIf(!redisAvailable)('RedisReadCacheStore (a real redis-server)', () => {
  const redis = useRedisSuite();
  const { connections } = redis;

  function connection(): Redis {
    const opened = connectRedis({ url: redis.url, connectionName: 'cache-test' });
    connections.push(opened);
    return opened;
  }

  /** Two replicas: each its own upstream client, cache decorator and Redis connection, one shared store. */
  function twoReplicas(options: { ttlMs?: number; identity?: () => Promise<string> } = {}) {
    const keyPrefix = `test-${randomUUID()}:`;
    const identity = options.identity ?? (async () => 'AKIDalice');
    return [0, 1].map(() => {
      const upstream = new CountingUpstream();
      const cache = new ReadCachingSslCaller(upstream, {
        ttlMs: options.ttlMs ?? 60_000,
        identity,
        store: new RedisReadCacheStore(connection(), { keyPrefix }),
      });
      return { upstream, cache, keyPrefix };
    }) as [
      { upstream: CountingUpstream; cache: ReadCachingSslCaller; keyPrefix: string },
      { upstream: CountingUpstream; cache: ReadCachingSslCaller; keyPrefix: string },
    ];
  }

  it('serves a read made on replica A to replica B: one upstream call in all', async () => {
    const [a, b] = twoReplicas();
    const onA = await a.cache.call('DescribeCertificates', LIST);
    const onB = await b.cache.call('DescribeCertificates', { Limit: 20, Offset: 0 });
    expect(answerOf(onB)).toBe(answerOf(onA));
    expect(a.upstream.calls.length + b.upstream.calls.length).toBe(1);
    expect(b.cache.counters).toMatchObject({ hits: 1, misses: 0 });
  });

  it('lets a mutation on replica B invalidate what replica A sees', async () => {
    const [a, b] = twoReplicas();
    const before = await a.cache.call('DescribeCertificates', LIST);
    await b.cache.call('ModifyCertificateAlias', { CertificateId: 'abc', Alias: 'renamed' });
    const after = await a.cache.call('DescribeCertificates', LIST);
    expect(answerOf(after)).not.toBe(answerOf(before));
    expect(a.upstream.countOf('DescribeCertificates')).toBe(2);
    // And the fresh answer is shared again.
    expect(answerOf(await b.cache.call('DescribeCertificates', LIST))).toBe(answerOf(after));
  });

  it('does not store a read that was in flight on A while B mutated', async () => {
    const [a, b] = twoReplicas();
    a.upstream.holdAnswers = true;
    const staleRead = a.cache.call('DescribeCertificates', LIST);
    while (a.upstream.calls.length === 0) await new Promise((resolve) => setImmediate(resolve));
    await b.cache.call('ModifyCertificateAlias', { CertificateId: 'abc', Alias: 'renamed' });
    a.upstream.release();
    const stale = await staleRead;
    const next = await b.cache.call('DescribeCertificates', LIST);
    expect(answerOf(next)).not.toBe(answerOf(stale));
    expect(b.upstream.countOf('DescribeCertificates')).toBe(1);
  });

  it('keeps identities apart, and a mutation of one leaves the other’s entries', async () => {
    let who = 'AKIDalice';
    const [a, b] = twoReplicas({ identity: async () => who });
    const alice = await a.cache.call('DescribeCertificates', LIST);
    who = 'AKIDbob';
    const bob = await b.cache.call('DescribeCertificates', LIST);
    expect(answerOf(bob)).not.toBe(answerOf(alice));
    await b.cache.call('ModifyCertificateAlias', { CertificateId: 'abc', Alias: 'renamed' });
    who = 'AKIDalice';
    expect(answerOf(await b.cache.call('DescribeCertificates', LIST))).toBe(answerOf(alice));
  });

  it('expires entries with the TTL (PX) and keeps identities and parameters out of keys', async () => {
    const [a] = twoReplicas({ ttlMs: 3_000 });
    await a.cache.call('DescribeCertificates', { Offset: 0, Limit: 20, SearchKey: 'shop.example.com' });
    await a.cache.call('ModifyCertificateAlias', { CertificateId: 'abc', Alias: 'renamed' });
    await a.cache.call('DescribeCertificates', { Offset: 0, Limit: 20, SearchKey: 'shop.example.com' });
    const keys = await connection().keys(`${a.keyPrefix}*`);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    for (const key of keys) expect(key).not.toMatch(/alice|AKID|example|Describe/i);
    const entryKeys = keys.filter((key) => key.includes(':entry:'));
    expect(entryKeys).toHaveLength(1);
    const ttl = await connection().pttl(entryKeys[0]!);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(3_000);
  });

  it('never holds secret-bearing reads', async () => {
    const [a, b] = twoReplicas();
    await a.cache.call('DescribeCertificateDetail', { CertificateId: 'abc' });
    await b.cache.call('DescribeCertificateDetail', { CertificateId: 'abc' });
    expect(a.upstream.calls.length + b.upstream.calls.length).toBe(2);
    expect(await connection().keys(`${a.keyPrefix}*`)).toEqual([]);
  });

  it('falls through to the upstream when Redis is unreachable, and says so', async () => {
    const unreachable = new Redis('redis://127.0.0.1:1', {
      maxRetriesPerRequest: 1,
      retryStrategy: () => 10,
    });
    unreachable.on('error', () => undefined);
    connections.push(unreachable);
    const failures: string[] = [];
    const upstream = new CountingUpstream();
    const cache = new ReadCachingSslCaller(upstream, {
      ttlMs: 60_000,
      identity: async () => 'AKIDalice',
      store: new RedisReadCacheStore(unreachable, { onError: (operation) => failures.push(operation) }),
    });
    await cache.call('DescribeCertificates', LIST);
    await cache.call('DescribeCertificates', LIST);
    await cache.call('ModifyCertificateAlias', { CertificateId: 'abc', Alias: 'renamed' });
    expect(upstream.countOf('DescribeCertificates')).toBe(2);
    expect(upstream.countOf('ModifyCertificateAlias')).toBe(1);
    // A failed lookup saves nothing; the mutation's invalidation failed too.
    expect(failures).toEqual(['lookup', 'lookup', 'invalidate']);
    unreachable.disconnect();
  });
});
