import type { SslActionName, SslCaller, SslCallOptions, SslRequest, SslResponse } from '../../ssl/actions.ts';
import { RateLimiter, type SslRateLimiter } from '../../ssl/rate-limiter.ts';
import { SSL_SPEC } from '../../ssl/spec.generated.ts';

/**
 * Job polls draw on a budget of their own before they reach the SslClient: at most a share of each action's
 * upstream quota (default 40 %, half of the 80 % the client itself sends). Without it, enough watched jobs of
 * one kind fill the client's queue for their action, and an interactive read of that action waits behind every
 * poll, or is refused once the queue's wait passes its deadline. Within the budget polls take turns (first
 * come, first served, never refused): when more jobs are watched than the budget polls at their intervals,
 * each is polled less often instead.
 */

/** The share of each action's quota job polls may spend unless configured otherwise. */
export const DEFAULT_POLL_QUOTA_SHARE = 0.4;

/** The budget of one process: a queue as long as the number of jobs polled, as long a wait as that takes. */
export function inProcessPollRateLimiter(): SslRateLimiter {
  return new RateLimiter({
    quotaFraction: 1,
    burst: 1,
    maxQueueLength: Number.POSITIVE_INFINITY,
    maxWaitMs: Number.POSITIVE_INFINITY,
  });
}

export class PollBudget implements SslCaller {
  readonly #ssl: SslCaller;
  readonly #limiter: SslRateLimiter;
  readonly #quotaShare: number;

  /** `limiter` paces at the rate it is given (quota fraction 1, burst 1); `quotaShare` in (0, 1]. */
  constructor(ssl: SslCaller, limiter: SslRateLimiter, quotaShare: number) {
    if (!(quotaShare > 0 && quotaShare <= 1)) throw new RangeError('pollQuotaShare must be in (0, 1]');
    this.#ssl = ssl;
    this.#limiter = limiter;
    this.#quotaShare = quotaShare;
  }

  async call<A extends SslActionName>(
    action: A,
    params: SslRequest<A>,
    options?: SslCallOptions,
  ): Promise<SslResponse<A>> {
    const pollsPerSecond = SSL_SPEC.actions[action].rateLimit * this.#quotaShare;
    await this.#limiter.acquire(action, action, pollsPerSecond, options?.signal);
    return this.#ssl.call(action, params, options);
  }
}
