import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SslAbortedError, SslRateLimitQueueError } from '../../src/ssl/errors.ts';
import { RateLimiter } from '../../src/ssl/rate-limiter.ts';

const clock = { now: (): number => Date.now() };

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});

afterEach(() => {
  vi.useRealTimers();
});

async function grantTimes(limiter: RateLimiter, count: number, quota: number): Promise<number[]> {
  const start = Date.now();
  const times: number[] = [];
  const grants = Array.from({ length: count }, () =>
    limiter.acquire('DescribeCertificates', 'k', quota).then(() => times.push(Date.now() - start)),
  );
  await vi.runAllTimersAsync();
  await Promise.all(grants);
  return times;
}

function maxInAnyWindow(times: readonly number[], windowMs: number): number {
  return Math.max(
    ...times.map((from) => times.filter((time) => time >= from && time < from + windowMs).length),
  );
}

describe('RateLimiter', () => {
  it('keeps every 1-second window under the quota, at about 80 % of it', async () => {
    const limiter = new RateLimiter({ maxWaitMs: 60_000 }, clock);
    const times = await grantTimes(limiter, 40, 10);
    expect(times).toHaveLength(40);
    expect(maxInAnyWindow(times, 1_000)).toBeLessThanOrEqual(9);
    // 40 grants at 8/s after a burst of 1 need ~4.9 s.
    expect(Math.max(...times)).toBeGreaterThanOrEqual(4_800);
    expect(Math.max(...times)).toBeLessThanOrEqual(5_000);
  });

  it('grants in arrival order', async () => {
    const limiter = new RateLimiter({}, clock);
    const order: number[] = [];
    const grants = Array.from({ length: 6 }, (_, index) =>
      limiter.acquire('A', 'k', 20).then(() => order.push(index)),
    );
    await vi.runAllTimersAsync();
    await Promise.all(grants);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('keeps separate buckets per key', async () => {
    const limiter = new RateLimiter({ burst: 1 }, clock);
    await limiter.acquire('A', 'one', 10);
    let second = false;
    void limiter.acquire('A', 'two', 10).then(() => {
      second = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(second).toBe(true);
    expect(limiter.queueDepth('one')).toBe(0);
  });

  it('rejects beyond the queue length and beyond the deadline', async () => {
    const limiter = new RateLimiter({ burst: 1, maxQueueLength: 2, maxWaitMs: 10_000 }, clock);
    const accepted = [
      limiter.acquire('A', 'k', 10),
      limiter.acquire('A', 'k', 10),
      limiter.acquire('A', 'k', 10),
    ];
    await expect(limiter.acquire('A', 'k', 10)).rejects.toMatchObject({
      reason: 'queue-full',
      queueDepth: 2,
    });
    const tight = new RateLimiter({ burst: 1, maxWaitMs: 200 }, clock);
    await tight.acquire('A', 'k', 10);
    const next = tight.acquire('A', 'k', 10);
    const refused = tight.acquire('A', 'k', 10);
    await expect(refused).rejects.toBeInstanceOf(SslRateLimitQueueError);
    await expect(refused).rejects.toMatchObject({ reason: 'deadline' });
    await vi.runAllTimersAsync();
    await Promise.all([...accepted, next]);
  });

  it('removes an aborted waiter so the next one moves up', async () => {
    const limiter = new RateLimiter({ burst: 1 }, clock);
    await limiter.acquire('A', 'k', 10);
    const controller = new AbortController();
    const aborted = limiter.acquire('A', 'k', 10, controller.signal);
    const next = limiter.acquire('A', 'k', 10);
    expect(limiter.queueDepth('k')).toBe(2);
    controller.abort();
    await expect(aborted).rejects.toBeInstanceOf(SslAbortedError);
    expect(limiter.queueDepth('k')).toBe(1);
    await vi.advanceTimersByTimeAsync(125);
    await expect(next).resolves.toMatchObject({ queueDepth: 1 });
  });

  it('rejects pending waiters when disposed', async () => {
    const limiter = new RateLimiter({ burst: 1 }, clock);
    await limiter.acquire('A', 'k', 10);
    const pending = limiter.acquire('A', 'k', 10);
    limiter.dispose();
    await expect(pending).rejects.toBeInstanceOf(SslAbortedError);
  });

  it('does nothing when disabled', async () => {
    const limiter = new RateLimiter({ enabled: false }, clock);
    await Promise.all(Array.from({ length: 100 }, () => limiter.acquire('A', 'k', 10)));
    expect(limiter.queueDepth('k')).toBe(0);
  });
});
