import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimiter } from '../../src/ssl/rate-limiter.ts';

// The queue-depth gauge reads RateLimiter.waitingCalls (through SslClient.rateLimitQueueDepth) at scrape time.

const clock = { now: (): number => Date.now() };

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('RateLimiter.waitingCalls', () => {
  it('counts the calls queued behind every key, and drops them as they are granted', async () => {
    const limiter = new RateLimiter({ burst: 1 }, clock);
    expect(limiter.waitingCalls).toBe(0);
    const grants = [
      limiter.acquire('DescribeCertificates', 'a', 10),
      limiter.acquire('DescribeCertificates', 'a', 10),
      limiter.acquire('DescribeCertificates', 'a', 10),
      limiter.acquire('UploadCertificate', 'b', 10),
      limiter.acquire('UploadCertificate', 'b', 10),
    ];
    // One token per key is granted at once; the rest wait.
    expect(limiter.waitingCalls).toBe(3);
    await vi.runAllTimersAsync();
    await Promise.all(grants);
    expect(limiter.waitingCalls).toBe(0);
  });

  it('forgets aborted waiters', async () => {
    const limiter = new RateLimiter({ burst: 1 }, clock);
    const abort = new AbortController();
    const first = limiter.acquire('DescribeCertificates', 'a', 1);
    const second = limiter.acquire('DescribeCertificates', 'a', 1, abort.signal);
    expect(limiter.waitingCalls).toBe(1);
    abort.abort();
    await expect(second).rejects.toThrow();
    expect(limiter.waitingCalls).toBe(0);
    await first;
    limiter.dispose();
  });
});
