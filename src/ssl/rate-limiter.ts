import { SslAbortedError, SslRateLimitQueueError } from './errors.ts';

/**
 * Client-side token buckets, one per key (the client uses credentials + region + action, the unit the upstream
 * counts). The upstream counts arrivals in its own fixed 1-second windows, so a bucket running exactly at the
 * quota still gets throttled now and then; the default rate is 80 % of the quota and the burst is sized so that
 * burst + rate stays below the quota in any window. Callers over the rate wait in a bounded FIFO queue.
 */

export interface RateLimitOptions {
  /** Default true. When false, `acquire` resolves at once. */
  readonly enabled?: boolean;
  /** Fraction of the documented quota to use. Default 0.8. */
  readonly quotaFraction?: number;
  /** Bucket capacity. Default: the largest value keeping burst + rate under the quota, at least 1. */
  readonly burst?: number;
  /** Waiters per key beyond which calls fail with `queue-full`. Default 200. */
  readonly maxQueueLength?: number;
  /** Calls whose expected wait exceeds this fail at once with `deadline`. Default 10 000 ms. */
  readonly maxWaitMs?: number;
}

export interface RateLimitGrant {
  readonly waitedMs: number;
  /** Waiters ahead of this call when it arrived. */
  readonly queueDepth: number;
}

/**
 * What the client needs from a rate limiter: the in-process buckets below, or one shared by every replica of
 * the gateway (src/scale/redis-rate-limiter.ts). The client owns it: `dispose` runs when the client closes.
 */
export interface SslRateLimiter {
  /** Calls currently waiting in this process (the queue-depth gauge). */
  readonly waitingCalls: number;
  /** Resolves when the call may be sent; rejects with SslRateLimitQueueError or SslAbortedError. */
  acquire(action: string, key: string, quotaPerSecond: number, signal?: AbortSignal): Promise<RateLimitGrant>;
  /** Rejects every waiter with SslAbortedError and releases timers. */
  dispose(): void;
}

export interface ResolvedRateLimitOptions {
  readonly enabled: boolean;
  readonly quotaFraction: number;
  readonly burst: number | undefined;
  readonly maxQueueLength: number;
  readonly maxWaitMs: number;
}

/** The defaults and checks every limiter (in-process or shared through Redis) applies to RateLimitOptions. */
export function resolveRateLimitOptions(options: RateLimitOptions = {}): ResolvedRateLimitOptions {
  const quotaFraction = options.quotaFraction ?? 0.8;
  if (!(quotaFraction > 0 && quotaFraction <= 1)) {
    throw new RangeError('rateLimit.quotaFraction must be in (0, 1]');
  }
  return {
    enabled: options.enabled ?? true,
    quotaFraction,
    burst: options.burst,
    maxQueueLength: options.maxQueueLength ?? 200,
    maxWaitMs: options.maxWaitMs ?? 10_000,
  };
}

/** Calls per second and bucket capacity for a quota: burst + rate stays below the quota in any window. */
export function bucketShape(
  options: ResolvedRateLimitOptions,
  quotaPerSecond: number,
): { readonly ratePerSecond: number; readonly burst: number } {
  const ratePerSecond = Math.max(0.1, quotaPerSecond * options.quotaFraction);
  const burst = options.burst ?? Math.max(1, Math.floor(quotaPerSecond - ratePerSecond) - 1);
  return { ratePerSecond, burst };
}

export interface RateLimiterClock {
  /** Milliseconds from an arbitrary origin; must not go backwards. */
  now(): number;
}

interface Waiter {
  readonly action: string;
  readonly enqueuedAt: number;
  readonly queueDepth: number;
  readonly resolve: (grant: RateLimitGrant) => void;
  readonly reject: (error: Error) => void;
  readonly detach: () => void;
}

class TokenBucket {
  tokens: number;
  lastRefill: number;
  readonly waiters: Waiter[] = [];
  timer: NodeJS.Timeout | undefined;

  constructor(
    readonly ratePerMs: number,
    readonly capacity: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.lastRefill = now;
  }

  refill(now: number): void {
    const elapsed = now - this.lastRefill;
    if (elapsed > 0) {
      this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.ratePerMs);
      this.lastRefill = now;
    }
  }

  /** Milliseconds until the waiter at `position` (0 = head) can take a token. */
  waitFor(position: number): number {
    return Math.max(0, (position + 1 - this.tokens) / this.ratePerMs);
  }
}

const IMMEDIATE_GRANT: RateLimitGrant = { waitedMs: 0, queueDepth: 0 };

export class RateLimiter implements SslRateLimiter {
  readonly #options: ResolvedRateLimitOptions;
  readonly #clock: RateLimiterClock;
  readonly #buckets = new Map<string, TokenBucket>();

  constructor(options: RateLimitOptions = {}, clock: RateLimiterClock = performance) {
    this.#options = resolveRateLimitOptions(options);
    this.#clock = clock;
  }

  /** Calls currently waiting, across every key (the queue-depth gauge). */
  get waitingCalls(): number {
    let waiting = 0;
    for (const bucket of this.#buckets.values()) waiting += bucket.waiters.length;
    return waiting;
  }

  /** Calls currently waiting for `key`. */
  queueDepth(key: string): number {
    return this.#buckets.get(key)?.waiters.length ?? 0;
  }

  /** Resolves when the call may be sent; rejects with SslRateLimitQueueError or SslAbortedError. */
  acquire(
    action: string,
    key: string,
    quotaPerSecond: number,
    signal?: AbortSignal,
  ): Promise<RateLimitGrant> {
    if (!this.#options.enabled) return Promise.resolve(IMMEDIATE_GRANT);
    if (signal?.aborted === true) return Promise.reject(new SslAbortedError({ action }));
    const now = this.#clock.now();
    const bucket = this.#bucket(key, quotaPerSecond, now);
    bucket.refill(now);
    if (bucket.waiters.length === 0 && bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return Promise.resolve(IMMEDIATE_GRANT);
    }
    const queueDepth = bucket.waiters.length;
    if (queueDepth >= this.#options.maxQueueLength) {
      return Promise.reject(
        new SslRateLimitQueueError({
          action,
          reason: 'queue-full',
          queueDepth,
          expectedWaitMs: bucket.waitFor(queueDepth),
        }),
      );
    }
    const expectedWaitMs = bucket.waitFor(queueDepth);
    if (expectedWaitMs > this.#options.maxWaitMs) {
      return Promise.reject(
        new SslRateLimitQueueError({ action, reason: 'deadline', queueDepth, expectedWaitMs }),
      );
    }
    return new Promise<RateLimitGrant>((resolve, reject) => {
      const onAbort = (): void => {
        const index = bucket.waiters.indexOf(waiter);
        if (index >= 0) bucket.waiters.splice(index, 1);
        if (bucket.waiters.length === 0) this.#cancelTimer(bucket);
        reject(new SslAbortedError({ action }));
      };
      const waiter: Waiter = {
        action,
        enqueuedAt: now,
        queueDepth,
        resolve,
        reject,
        detach: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      bucket.waiters.push(waiter);
      this.#schedule(bucket);
    });
  }

  /** Stops all timers and rejects every waiter with SslAbortedError (used when the client closes). */
  dispose(): void {
    for (const bucket of this.#buckets.values()) {
      this.#cancelTimer(bucket);
      for (const waiter of bucket.waiters.splice(0)) {
        waiter.detach();
        waiter.reject(new SslAbortedError({ action: waiter.action }));
      }
    }
    this.#buckets.clear();
  }

  #bucket(key: string, quotaPerSecond: number, now: number): TokenBucket {
    const existing = this.#buckets.get(key);
    if (existing !== undefined) return existing;
    const { ratePerSecond, burst } = bucketShape(this.#options, quotaPerSecond);
    const bucket = new TokenBucket(ratePerSecond / 1000, burst, now);
    this.#buckets.set(key, bucket);
    return bucket;
  }

  #schedule(bucket: TokenBucket): void {
    if (bucket.timer !== undefined || bucket.waiters.length === 0) return;
    const delay = Math.max(1, Math.ceil(bucket.waitFor(0)));
    bucket.timer = setTimeout(() => {
      bucket.timer = undefined;
      this.#release(bucket);
    }, delay);
  }

  #release(bucket: TokenBucket): void {
    const now = this.#clock.now();
    bucket.refill(now);
    while (bucket.waiters.length > 0 && bucket.tokens >= 1) {
      const waiter = bucket.waiters.shift();
      if (waiter === undefined) break;
      bucket.tokens -= 1;
      waiter.detach();
      waiter.resolve({ waitedMs: now - waiter.enqueuedAt, queueDepth: waiter.queueDepth });
    }
    this.#schedule(bucket);
  }

  #cancelTimer(bucket: TokenBucket): void {
    if (bucket.timer !== undefined) {
      clearTimeout(bucket.timer);
      bucket.timer = undefined;
    }
  }
}
