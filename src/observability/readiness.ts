import type { SslCaller } from '../ssl/actions.ts';
import { SslError, SslRateLimiterUnavailableError } from '../ssl/errors.ts';
import type { Logger } from './logger.ts';

/** A probe's answer is reused this long: orchestrators probe often, and each probe costs an upstream call. */
export const READINESS_CACHE_MS = 5_000;

/**
 * `upstream-credentials-refused`: the upstream answered, but refused the configured credentials (AuthFailure.*:
 * unknown SecretId, wrong key, expired token) or their permission to read certificates; the fix is the
 * credentials, not the network.
 * `redis-unreachable`: the shared rate limiter (REDIS_URL) does not answer, so no upstream call can be sent;
 * the upstream itself was not asked.
 */
export type ReadinessState =
  | 'ready'
  | 'upstream-unreachable'
  | 'upstream-credentials-refused'
  | 'redis-unreachable'
  | 'shutting-down';

export interface ReadinessOptions {
  readonly ssl: SslCaller;
  readonly logger: Logger;
  /** Milliseconds from an arbitrary origin; injectable for tests. */
  readonly now?: () => number;
  readonly cacheMs?: number;
}

/**
 * Whether the gateway can serve: the process started (so its configuration is valid), it is not shutting down,
 * and the upstream answers a cheap call with the configured credentials. An upstream that answers "too many
 * requests" is reachable: throttling is the rate limiter's business, not a reason to take the instance out.
 * With REDIS_URL the probe passes through the shared rate limiter, so a Redis outage shows as
 * `redis-unreachable` within Redis' command timeout (about a second), not as the upstream's failure.
 */
export class Readiness {
  readonly #ssl: SslCaller;
  readonly #logger: Logger;
  readonly #now: () => number;
  readonly #cacheMs: number;
  #shuttingDown = false;
  #cached: { readonly state: ReadinessState; readonly at: number } | undefined;
  #probing: Promise<ReadinessState> | undefined;

  constructor(options: ReadinessOptions) {
    this.#ssl = options.ssl;
    this.#logger = options.logger;
    this.#now = options.now ?? (() => performance.now());
    this.#cacheMs = options.cacheMs ?? READINESS_CACHE_MS;
  }

  /** From now on the gateway reports itself unready, so load balancers stop sending it new work. */
  markShuttingDown(): void {
    this.#shuttingDown = true;
  }

  async check(): Promise<ReadinessState> {
    if (this.#shuttingDown) return 'shutting-down';
    const cached = this.#cached;
    if (cached !== undefined && this.#now() - cached.at < this.#cacheMs) return cached.state;
    // Concurrent probes share one upstream call.
    this.#probing ??= this.#probe().finally(() => {
      this.#probing = undefined;
    });
    return this.#probing;
  }

  async #probe(): Promise<ReadinessState> {
    let state: ReadinessState;
    try {
      await this.#ssl.call('DescribeCertificates', { Offset: 0, Limit: 1 });
      state = 'ready';
    } catch (error) {
      state = stateAfterFailure(error);
      if (state !== 'ready') {
        // The code and category only: the probe's answer goes to anyone who can reach /ready. Named for the probe,
        // not the upstream: a Redis outage fails it too (the shared rate limiter refuses to send the call).
        this.#logger.warn(
          {
            state,
            probeError:
              error instanceof SslError ? { code: error.code, category: error.category } : undefined,
          },
          `readiness probe: ${state}`,
        );
      }
    }
    this.#cached = { state, at: this.#now() };
    return state;
  }
}

function stateAfterFailure(error: unknown): ReadinessState {
  if (error instanceof SslRateLimiterUnavailableError) return 'redis-unreachable';
  if (error instanceof SslError && (error.category === 'auth' || error.category === 'permission')) {
    return 'upstream-credentials-refused';
  }
  // Throttled: the upstream answered.
  if (error instanceof SslError && error.category === 'rate-limit') return 'ready';
  return 'upstream-unreachable';
}
