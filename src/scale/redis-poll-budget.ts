import type { Redis } from 'ioredis';
import { inProcessPollRateLimiter } from '../graphql/jobs/poll-budget.ts';
import { SslRateLimiterUnavailableError } from '../ssl/errors.ts';
import type { RateLimitGrant, SslRateLimiter } from '../ssl/rate-limiter.ts';
import { RedisRateLimiter } from './redis-rate-limiter.ts';

/**
 * The job polls' budget (src/graphql/jobs/poll-budget.ts) shared by every replica serving one account, so that
 * the cluster's polls together keep to their share of each action's quota: with a budget each, N replicas would
 * spend N shares. The hub asks for the pace it wants, so this paces exactly that (no burst), and polls wait
 * their turn however long the queue is rather than being refused.
 *
 * The budget shares the quota fairly; it protects nothing the client's own (fail-closed) limiter does not. So
 * without Redis (its connection not ready, or a command failed in the last REDIS_RETRY_AFTER_MS) each replica
 * keeps its own budget instead of failing the polls or making them wait for Redis' command timeout.
 */

const REDIS_RETRY_AFTER_MS = 5_000;

export class RedisPollBudgetLimiter implements SslRateLimiter {
  readonly #redis: Redis;
  readonly #shared: RedisRateLimiter;
  readonly #local = inProcessPollRateLimiter();
  /** Hashed; keys the budget per account, as the upstream counts its quota. */
  readonly #scope: string;
  #redisFailedAt = Number.NEGATIVE_INFINITY;

  constructor(redis: Redis, options: { readonly keyPrefix: string; readonly scope: string }) {
    this.#redis = redis;
    this.#shared = new RedisRateLimiter(redis, {
      quotaFraction: 1,
      burst: 1,
      maxQueueLength: 1_000_000_000,
      maxWaitMs: 24 * 60 * 60 * 1000,
      keyPrefix: options.keyPrefix,
    });
    this.#scope = options.scope;
  }

  get waitingCalls(): number {
    return this.#shared.waitingCalls + this.#local.waitingCalls;
  }

  async acquire(
    action: string,
    key: string,
    quotaPerSecond: number,
    signal?: AbortSignal,
  ): Promise<RateLimitGrant> {
    if (this.#redis.status === 'ready' && performance.now() - this.#redisFailedAt >= REDIS_RETRY_AFTER_MS) {
      try {
        return await this.#shared.acquire(action, `${this.#scope}\n${key}`, quotaPerSecond, signal);
      } catch (error) {
        if (!(error instanceof SslRateLimiterUnavailableError)) throw error;
        this.#redisFailedAt = performance.now();
      }
    }
    return this.#local.acquire(action, key, quotaPerSecond, signal);
  }

  dispose(): void {
    this.#shared.dispose();
    this.#local.dispose();
  }
}
