import type { SslCaller } from '../ssl/actions.ts';
import { SslError, SslRateLimiterUnavailableError } from '../ssl/errors.ts';
import type { Logger } from './logger.ts';

/** A probe's answer is reused this long: orchestrators probe often, and each probe costs an upstream call. */
export const READINESS_CACHE_MS = 5_000;
/**
 * The longest /ready waits for a probe before answering with what the previous one found (or `starting`, before
 * the first has answered): Kubernetes' default probe timeout is 1 s, and an upstream that answers slowly must not
 * take every replica out at once while each can still serve.
 */
export const READINESS_ANSWER_WITHIN_MS = 500;
/** A probe the upstream has not answered in this long finds it unreachable (and stops holding a connection). */
export const READINESS_PROBE_TIMEOUT_MS = 5_000;

/**
 * `starting`: the first probe has not answered yet.
 * `upstream-credentials-refused`: the upstream answered, but refused the configured credentials (AuthFailure.*:
 * unknown SecretId, wrong key, expired token) or their permission to read certificates; the fix is the
 * credentials, not the network.
 * `upstream-unreachable`: the upstream failed, or did not answer within READINESS_PROBE_TIMEOUT_MS.
 * `redis-unreachable`: the shared rate limiter (REDIS_URL) does not answer, so no upstream call can be sent;
 * the upstream itself was not asked.
 */
export type ReadinessState =
  | 'ready'
  | 'starting'
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
  readonly answerWithinMs?: number;
  readonly probeTimeoutMs?: number;
}

interface Probe {
  readonly answer: Promise<ReadinessState>;
  /** Aborted by the owner (shutdown), as opposed to the probe's own deadline. */
  readonly abort: AbortController;
}

/**
 * Whether the gateway can serve: the process started (so its configuration is valid), it is not shutting down,
 * and the upstream answers a cheap call with the configured credentials. An upstream that answers "too many
 * requests" is reachable: throttling is the rate limiter's business, not a reason to take the instance out.
 * With REDIS_URL the probe passes through the shared rate limiter, so a Redis outage shows as
 * `redis-unreachable` within Redis' command timeout (about a second), not as the upstream's failure.
 *
 * A check answers within READINESS_ANSWER_WITHIN_MS whatever the upstream does: an answer older than the cache
 * period starts a probe in the background, and a probe still running by then leaves the previous answer standing.
 */
export class Readiness {
  readonly #ssl: SslCaller;
  readonly #logger: Logger;
  readonly #now: () => number;
  readonly #cacheMs: number;
  readonly #answerWithinMs: number;
  readonly #probeTimeoutMs: number;
  #shuttingDown = false;
  #cached: { readonly state: ReadinessState; readonly at: number } | undefined;
  #probing: Probe | undefined;

  constructor(options: ReadinessOptions) {
    this.#ssl = options.ssl;
    this.#logger = options.logger;
    this.#now = options.now ?? (() => performance.now());
    this.#cacheMs = options.cacheMs ?? READINESS_CACHE_MS;
    this.#answerWithinMs = options.answerWithinMs ?? READINESS_ANSWER_WITHIN_MS;
    this.#probeTimeoutMs = options.probeTimeoutMs ?? READINESS_PROBE_TIMEOUT_MS;
  }

  /**
   * From now on the gateway reports itself unready, so load balancers stop sending it new work, and probes no
   * more. A probe in flight is aborted: its answer can no longer matter, and its upstream call would hold the
   * connection pool open past the shutdown deadline.
   */
  markShuttingDown(): void {
    this.#shuttingDown = true;
    this.#probing?.abort.abort();
  }

  async check(): Promise<ReadinessState> {
    if (this.#shuttingDown) return 'shutting-down';
    const cached = this.#cached;
    if (cached !== undefined && this.#now() - cached.at < this.#cacheMs) return cached.state;
    // Concurrent checks share one probe.
    this.#probing ??= this.#startProbe();
    const probe = this.#probing;
    const answer = await settledWithin(probe.answer, this.#answerWithinMs);
    if (this.#shuttingDown) return 'shutting-down';
    return answer ?? this.#cached?.state ?? 'starting';
  }

  #startProbe(): Probe {
    const abort = new AbortController();
    const answer = this.#probe(abort.signal).finally(() => {
      this.#probing = undefined;
    });
    return { answer, abort };
  }

  async #probe(ownerSignal: AbortSignal): Promise<ReadinessState> {
    const deadline = AbortSignal.timeout(this.#probeTimeoutMs);
    let state: ReadinessState;
    try {
      await this.#ssl.call(
        'DescribeCertificates',
        { Offset: 0, Limit: 1 },
        { signal: AbortSignal.any([ownerSignal, deadline]) },
      );
      state = 'ready';
    } catch (error) {
      if (ownerSignal.aborted) return 'shutting-down';
      const timedOut = deadline.aborted;
      state = timedOut ? 'upstream-unreachable' : stateAfterFailure(error);
      if (state !== 'ready') {
        // The code and category only: the probe's answer goes to anyone who can reach /ready. Named for the probe,
        // not the upstream: a Redis outage fails it too (the shared rate limiter refuses to send the call).
        this.#logger.warn(
          {
            state,
            probeError: timedOut
              ? { timeoutMs: this.#probeTimeoutMs }
              : error instanceof SslError
                ? { code: error.code, category: error.category }
                : undefined,
          },
          timedOut
            ? `readiness probe: ${state} (no answer within ${this.#probeTimeoutMs} ms)`
            : `readiness probe: ${state}`,
        );
      }
    }
    this.#cached = { state, at: this.#now() };
    return state;
  }
}

/** The promise's value if it settles within `ms`, else undefined (it keeps running). */
async function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, ms, undefined);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
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
