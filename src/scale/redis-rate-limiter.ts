import type { Redis } from 'ioredis';
import { SslAbortedError, SslRateLimiterUnavailableError, SslRateLimitQueueError } from '../ssl/errors.ts';
import {
  bucketShape,
  type RateLimitGrant,
  type RateLimitOptions,
  type ResolvedRateLimitOptions,
  resolveRateLimitOptions,
  type SslRateLimiter,
} from '../ssl/rate-limiter.ts';
import { DEFAULT_REDIS_KEY_PREFIX, describeRedisFailure, hashedKeyPart } from './redis-connection.ts';

/**
 * The rate limiter every replica of the gateway shares, so that the cluster as a whole stays under the
 * upstream's per-(credentials, region, action) quota.
 *
 * It is GCRA (a token bucket expressed as one timestamp per key) run atomically in Redis, with one twist: a
 * call over the rate does not just learn "no", it RESERVES the next free send time and then sleeps locally until
 * then. Reservations queue callers fairly across replicas in arrival order at Redis, give each caller its exact
 * wait (so the deadline check is honest), and need no polling. The clock is Redis' TIME, so replicas whose
 * clocks disagree still agree on the schedule.
 *
 * The rate and burst follow the in-process limiter's rules (80 % of the quota; burst + rate below the quota), so
 * at most `burst + rate` calls are granted in any second, wherever that second starts: the upstream's fixed
 * windows stay under the quota with room for network jitter between grant and arrival.
 */

const ACQUIRE_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
local interval = tonumber(ARGV[1])
local tolerance = tonumber(ARGV[2])
local max_queue = tonumber(ARGV[3])
local max_wait = tonumber(ARGV[4])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local send_at = tat - tolerance
if send_at < now then send_at = now end
local wait = send_at - now
local ahead = math.ceil(wait / interval)
if ahead >= max_queue then return {'queue-full', ahead, string.format('%.3f', wait)} end
if wait > max_wait then return {'deadline', ahead, string.format('%.3f', wait)} end
local next_tat = string.format('%.3f', tat + interval)
redis.call('SET', KEYS[1], next_tat, 'PX', math.ceil(tat + interval - now + 1000))
return {'granted', ahead, string.format('%.3f', wait), next_tat}
`;

/**
 * Gives a reservation back when its caller gave up before sending, but only while it is still the last one:
 * moving the schedule back under later reservations would let them crowd together.
 */
const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], string.format('%.3f', tonumber(ARGV[1]) - tonumber(ARGV[2])), 'KEEPTTL')
  return 1
end
return 0
`;

type ScriptReply =
  | readonly ['granted', number, string, string]
  | readonly ['queue-full' | 'deadline', number, string];

interface RateLimiterCommands {
  sslGraphAcquireSlot(
    key: string,
    intervalMs: string,
    toleranceMs: string,
    maxQueueLength: string,
    maxWaitMs: string,
  ): Promise<ScriptReply>;
  sslGraphReleaseSlot(key: string, reservation: string, intervalMs: string): Promise<number>;
}

function withCommands(redis: Redis): Redis & RateLimiterCommands {
  // defineCommand is idempotent per name; it loads the script by SHA and falls back to EVAL after a restart.
  redis.defineCommand('sslGraphAcquireSlot', { numberOfKeys: 1, lua: ACQUIRE_SCRIPT });
  redis.defineCommand('sslGraphReleaseSlot', { numberOfKeys: 1, lua: RELEASE_SCRIPT });
  return redis as Redis & RateLimiterCommands;
}

export interface RedisRateLimiterOptions extends RateLimitOptions {
  /** Default `ssl-graph:`; replicas sharing a quota must share it. */
  readonly keyPrefix?: string;
}

interface Schedule {
  readonly intervalMs: number;
  readonly toleranceMs: number;
}

const IMMEDIATE_GRANT: RateLimitGrant = { waitedMs: 0, queueDepth: 0 };

export class RedisRateLimiter implements SslRateLimiter {
  readonly #redis: Redis & RateLimiterCommands;
  readonly #options: ResolvedRateLimitOptions;
  readonly #keyPrefix: string;
  /** Wakes each local sleeper as abandoned; called by `dispose`. */
  readonly #sleepers = new Set<() => void>();
  #disposed = false;
  #waiting = 0;

  constructor(redis: Redis, options: RedisRateLimiterOptions = {}) {
    this.#redis = withCommands(redis);
    this.#options = resolveRateLimitOptions(options);
    this.#keyPrefix = `${options.keyPrefix ?? DEFAULT_REDIS_KEY_PREFIX}rate:`;
  }

  get waitingCalls(): number {
    return this.#waiting;
  }

  async acquire(
    action: string,
    key: string,
    quotaPerSecond: number,
    signal?: AbortSignal,
  ): Promise<RateLimitGrant> {
    if (!this.#options.enabled) return IMMEDIATE_GRANT;
    if (signal?.aborted === true || this.#disposed) throw new SslAbortedError({ action });
    const startedAt = performance.now();
    const schedule = this.#schedule(quotaPerSecond);
    const redisKey = `${this.#keyPrefix}${hashedKeyPart(key)}`;
    this.#waiting += 1;
    try {
      let reply: ScriptReply;
      try {
        reply = await this.#redis.sslGraphAcquireSlot(
          redisKey,
          String(schedule.intervalMs),
          String(schedule.toleranceMs),
          String(this.#options.maxQueueLength),
          String(this.#options.maxWaitMs),
        );
      } catch (error) {
        // Fail closed: the quota cannot be shared without Redis, and sending anyway could exceed it
        // cluster-wide (each replica would spend the whole quota alone). Not an upstream failure, not retried.
        throw new SslRateLimiterUnavailableError({ action, reason: describeRedisFailure(error) });
      }
      const [outcome, queueDepth, waitText] = reply;
      const waitMs = Number(waitText);
      if (outcome !== 'granted') {
        throw new SslRateLimitQueueError({ action, reason: outcome, queueDepth, expectedWaitMs: waitMs });
      }
      if (waitMs <= 0) return IMMEDIATE_GRANT;
      const abandoned = await this.#sleep(waitMs, signal);
      if (abandoned) {
        await this.#release(redisKey, reply[3], schedule.intervalMs);
        throw new SslAbortedError({ action });
      }
      return { waitedMs: performance.now() - startedAt, queueDepth };
    } finally {
      this.#waiting -= 1;
    }
  }

  /** Wakes every local waiter with SslAbortedError; later calls are refused. The Redis connection stays open. */
  dispose(): void {
    this.#disposed = true;
    for (const wake of [...this.#sleepers]) wake();
  }

  #schedule(quotaPerSecond: number): Schedule {
    const { ratePerSecond, burst } = bucketShape(this.#options, quotaPerSecond);
    const intervalMs = 1000 / ratePerSecond;
    return { intervalMs, toleranceMs: (burst - 1) * intervalMs };
  }

  /** Resolves true when the wait was abandoned (the caller's signal, or disposal). */
  #sleep(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
    return new Promise((resolve) => {
      const finish = (abandoned: boolean): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.#sleepers.delete(onAbort);
        resolve(abandoned);
      };
      const onAbort = (): void => finish(true);
      const timer = setTimeout(() => finish(false), Math.ceil(ms));
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#sleepers.add(onAbort);
      if (signal?.aborted === true || this.#disposed) finish(true);
    });
  }

  async #release(redisKey: string, reservation: string, intervalMs: number): Promise<void> {
    try {
      await this.#redis.sslGraphReleaseSlot(redisKey, reservation, String(intervalMs));
    } catch {
      // Keeping an unused reservation only wastes one slot; the quota is never exceeded by it.
    }
  }
}
