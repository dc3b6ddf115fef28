import { describe, expect, it } from 'vitest';
import type { SslActionName, SslCaller, SslRequest, SslResponse } from '../../src/ssl/actions.ts';
import { ReadCachingSslCaller, UNCACHEABLE_READS } from '../../src/ssl/read-cache.ts';
import { SSL_SPEC } from '../../src/ssl/spec.generated.ts';
import type { SpecFieldDescriptor, SslSpec } from '../../src/ssl/spec-types.ts';

interface RecordedCall {
  readonly action: SslActionName;
  readonly params: unknown;
}

/** Answers every call with a fresh object numbered by call order, so a served-from-cache answer is recognisable. */
class CountingCaller implements SslCaller {
  readonly calls: RecordedCall[] = [];
  failNext: Error | undefined;
  /** Fields every answer carries besides its number. */
  answerFields: Record<string, unknown> = {};
  #pending: Array<() => void> = [];
  holdAnswers = false;

  async call<A extends SslActionName>(action: A, params: SslRequest<A>): Promise<SslResponse<A>> {
    this.calls.push({ action, params });
    const callNumber = this.calls.length;
    if (this.holdAnswers) await new Promise<void>((resolve) => this.#pending.push(resolve));
    if (this.failNext !== undefined) {
      const error = this.failNext;
      this.failNext = undefined;
      throw error;
    }
    return {
      ...this.answerFields,
      callNumber,
      RequestId: `request-${callNumber}`,
    } as unknown as SslResponse<A>;
  }

  releaseAll(): void {
    const pending = this.#pending;
    this.#pending = [];
    for (const release of pending) release();
  }

  countOf(action: SslActionName): number {
    return this.calls.filter((call) => call.action === action).length;
  }
}

function numberOf(response: unknown): number {
  return (response as { callNumber: number }).callNumber;
}

function setUp(options: { ttlMs?: number; maxEntries?: number } = {}) {
  const inner = new CountingCaller();
  const clock = { now: 0 };
  let identity = 'AKIDalice';
  const cache = new ReadCachingSslCaller(inner, {
    ttlMs: options.ttlMs ?? 1_000,
    maxEntries: options.maxEntries,
    identity: async () => identity,
    now: () => clock.now,
  });
  return {
    inner,
    clock,
    cache,
    useIdentity(next: string) {
      identity = next;
    },
  };
}

const LIST = { Offset: 0, Limit: 20 } as const;

describe('ReadCachingSslCaller', () => {
  it('serves a repeated read from memory until the TTL runs out', async () => {
    const { inner, clock, cache } = setUp({ ttlMs: 1_000 });
    const first = await cache.call('DescribeCertificates', LIST);
    clock.now = 999;
    const second = await cache.call('DescribeCertificates', { Limit: 20, Offset: 0 });
    expect(numberOf(second)).toBe(numberOf(first));
    expect(inner.countOf('DescribeCertificates')).toBe(1);
    expect(cache.counters).toMatchObject({ hits: 1, misses: 1 });

    clock.now = 1_000;
    const third = await cache.call('DescribeCertificates', LIST);
    expect(numberOf(third)).not.toBe(numberOf(first));
    expect(inner.countOf('DescribeCertificates')).toBe(2);
  });

  it('keys on the parameters: different pages are different entries', async () => {
    const { inner, cache } = setUp();
    await cache.call('DescribeCertificates', LIST);
    await cache.call('DescribeCertificates', { Offset: 20, Limit: 20 });
    expect(inner.countOf('DescribeCertificates')).toBe(2);
  });

  it('drops every entry of the identity after a successful mutation', async () => {
    const { inner, cache } = setUp();
    await cache.call('DescribeCertificates', LIST);
    await cache.call('DescribeManagers', { CompanyId: 1 });
    await cache.call('ModifyCertificateAlias', { CertificateId: 'abc', Alias: 'renamed' });
    await cache.call('DescribeCertificates', LIST);
    await cache.call('DescribeManagers', { CompanyId: 1 });
    expect(inner.countOf('DescribeCertificates')).toBe(2);
    expect(inner.countOf('DescribeManagers')).toBe(2);
  });

  it('drops the entries after a failed mutation too, which may have changed something upstream', async () => {
    const { inner, cache } = setUp();
    await cache.call('DescribeCertificates', LIST);
    inner.failNext = new Error('timed out after the upstream received it');
    await expect(cache.call('DeleteCertificate', { CertificateId: 'abc' })).rejects.toThrow('timed out');
    await cache.call('DescribeCertificates', LIST);
    expect(inner.countOf('DescribeCertificates')).toBe(2);
  });

  it('does not store a read that was in flight when a mutation happened', async () => {
    const { inner, cache } = setUp();
    inner.holdAnswers = true;
    const staleRead = cache.call('DescribeCertificates', LIST);
    inner.holdAnswers = false;
    await cache.call('ModifyCertificateAlias', { CertificateId: 'abc', Alias: 'renamed' });
    inner.releaseAll();
    await staleRead;
    await cache.call('DescribeCertificates', LIST);
    expect(inner.countOf('DescribeCertificates')).toBe(2);
  });

  it('never caches secret-bearing or progress-reporting reads', async () => {
    const { inner, cache } = setUp();
    await cache.call('DescribeCertificateDetail', { CertificateId: 'abc' });
    await cache.call('DescribeCertificateDetail', { CertificateId: 'abc' });
    await cache.call('DownloadCertificate', { CertificateId: 'abc' });
    await cache.call('DownloadCertificate', { CertificateId: 'abc' });
    await cache.call('DescribeDownloadCertificateUrl', { CertificateId: 'abc', ServiceType: 'nginx' });
    await cache.call('DescribeDownloadCertificateUrl', { CertificateId: 'abc', ServiceType: 'nginx' });
    // Package listings carry transfer codes.
    await cache.call('DescribePackages', { Offset: 0, Limit: 10 });
    await cache.call('DescribePackages', { Offset: 0, Limit: 10 });
    expect(inner.calls).toHaveLength(8);
    expect(cache.size).toBe(0);
    expect(UNCACHEABLE_READS.has('DescribeHostDeployRecordDetail')).toBe(true);
  });

  it('never keeps a read whose answer can carry a secret, by the spec: every field of such a name it can reach', () => {
    const SECRET_FIELD = /(PrivateKey|Password|TransferCode|DownloadCertificateUrl)$/;
    const secretPaths = (fields: readonly SpecFieldDescriptor[], seen: ReadonlySet<string>): string[] =>
      fields.flatMap((field) => {
        const own = SECRET_FIELD.test(field.name) ? [field.name] : [];
        const structure = (SSL_SPEC as SslSpec).structures[field.type];
        if (structure === undefined || seen.has(field.type)) return own;
        const nested = secretPaths(structure, new Set([...seen, field.type]));
        return [...own, ...nested.map((path) => `${field.name}.${path}`)];
      });
    const readsWithSecrets = Object.entries(SSL_SPEC.actions)
      .filter(([, action]) => !action.mutating && secretPaths(action.outputs, new Set()).length > 0)
      .map(([name]) => name);
    expect(readsWithSecrets).toEqual(
      expect.arrayContaining(['DescribeCertificate', 'DescribeCertificateDetail', 'DescribePackages']),
    );
    // DownloadCertificate's secret is its whole Content (an archive with the key), whatever its name.
    for (const action of [...readsWithSecrets, 'DownloadCertificate']) {
      expect(UNCACHEABLE_READS.has(action as SslActionName), action).toBe(true);
    }
  });

  it('never serves a call that starts or reports a background refresh (AsyncCache=1) from the cache', async () => {
    const { inner, cache } = setUp();
    const refresh = { Offset: 0, Limit: 1, IsCache: 1, AsyncCache: 1 } as const;
    const started = await cache.call('DescribeHostClbInstanceList', refresh);
    const progress = await cache.call('DescribeHostClbInstanceList', refresh);
    expect(numberOf(progress)).not.toBe(numberOf(started));
    expect(inner.countOf('DescribeHostClbInstanceList')).toBe(2);
    // The same list without AsyncCache may still be kept.
    const read = { Offset: 0, Limit: 1, IsCache: 1, AsyncCache: 0 } as const;
    const first = await cache.call('DescribeHostCdnInstanceList', read);
    const again = await cache.call('DescribeHostCdnInstanceList', read);
    expect(numberOf(again)).toBe(numberOf(first));
    expect(inner.countOf('DescribeHostCdnInstanceList')).toBe(1);
  });

  it('drops kept instance lists when a background refresh starts: they would show none running', async () => {
    const { inner, cache } = setUp();
    const read = { Offset: 0, Limit: 1, IsCache: 1, AsyncCache: 0 } as const;
    inner.answerFields = { AsyncOffset: 0, AsyncTotalNum: 0 };
    const beforeRefresh = await cache.call('DescribeHostClbInstanceList', read);
    inner.answerFields = { AsyncOffset: 0, AsyncTotalNum: 40 };
    await cache.call('DescribeHostClbInstanceList', { ...read, AsyncCache: 1 });
    const following = await cache.call('DescribeHostClbInstanceList', read);
    expect(numberOf(following)).not.toBe(numberOf(beforeRefresh));
    expect(following).toMatchObject({ AsyncOffset: 0, AsyncTotalNum: 40 });
  });

  it('does not keep an answer that shows a background refresh still running, so following it sees progress', async () => {
    const { inner, cache } = setUp();
    const read = { Offset: 0, Limit: 1, IsCache: 1, AsyncCache: 0 } as const;
    inner.answerFields = { AsyncOffset: 10, AsyncTotalNum: 40 };
    await cache.call('DescribeHostCdnInstanceList', read);
    inner.answerFields = { AsyncOffset: 40, AsyncTotalNum: 40 };
    const finished = await cache.call('DescribeHostCdnInstanceList', read);
    expect(finished).toMatchObject({ AsyncOffset: 40 });
    // Once it has finished, the list is kept again.
    const kept = await cache.call('DescribeHostCdnInstanceList', read);
    expect(numberOf(kept)).toBe(numberOf(finished));
    expect(inner.countOf('DescribeHostCdnInstanceList')).toBe(2);
  });

  it('never caches errors', async () => {
    const { inner, cache } = setUp();
    inner.failNext = new Error('RequestLimitExceeded');
    await expect(cache.call('DescribeCertificates', LIST)).rejects.toThrow('RequestLimitExceeded');
    const answer = await cache.call('DescribeCertificates', LIST);
    expect(numberOf(answer)).toBe(2);
    expect(cache.size).toBe(1);
  });

  it('keeps identities apart: one account never sees another account’s answer or loses it to its mutations', async () => {
    const { inner, cache, useIdentity } = setUp();
    const alice = await cache.call('DescribeCertificates', LIST);
    useIdentity('AKIDbob');
    const bob = await cache.call('DescribeCertificates', LIST);
    expect(numberOf(bob)).not.toBe(numberOf(alice));
    await cache.call('ModifyCertificateAlias', { CertificateId: 'abc', Alias: 'renamed' });
    useIdentity('AKIDalice');
    const aliceAgain = await cache.call('DescribeCertificates', LIST);
    expect(numberOf(aliceAgain)).toBe(numberOf(alice));
    expect(inner.countOf('DescribeCertificates')).toBe(2);
  });

  it('evicts the least recently used entry beyond maxEntries', async () => {
    const { inner, cache } = setUp({ maxEntries: 2 });
    await cache.call('DescribeCertificates', { Offset: 0, Limit: 1 });
    await cache.call('DescribeCertificates', { Offset: 1, Limit: 1 });
    // Touching the first makes the second the least recently used.
    await cache.call('DescribeCertificates', { Offset: 0, Limit: 1 });
    await cache.call('DescribeCertificates', { Offset: 2, Limit: 1 });
    expect(cache.size).toBe(2);
    await cache.call('DescribeCertificates', { Offset: 0, Limit: 1 });
    expect(inner.countOf('DescribeCertificates')).toBe(3);
    await cache.call('DescribeCertificates', { Offset: 1, Limit: 1 });
    expect(inner.countOf('DescribeCertificates')).toBe(4);
  });

  it('passes every call through with a TTL of 0', async () => {
    const { inner, cache } = setUp({ ttlMs: 0 });
    await cache.call('DescribeCertificates', LIST);
    await cache.call('DescribeCertificates', LIST);
    expect(inner.countOf('DescribeCertificates')).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('refuses a negative TTL or an empty bound', () => {
    const inner = new CountingCaller();
    const identity = async () => 'AKIDalice';
    expect(() => new ReadCachingSslCaller(inner, { ttlMs: -1, identity })).toThrow(RangeError);
    expect(() => new ReadCachingSslCaller(inner, { ttlMs: 1, maxEntries: 0, identity })).toThrow(RangeError);
  });
});
