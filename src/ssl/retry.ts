import { SslAbortedError, type SslError } from './errors.ts';

/**
 * Retry policy: exponential backoff with full jitter, bounded in attempts and in total time.
 *
 * A read is retried on any transient failure. A mutation is retried only when the failure proves the upstream
 * did not execute it (throttled, connection never established): resending a mutation that may have run could
 * apply it twice (e.g. order two certificates).
 */

export interface RetryOptions {
  /** Retries after the first attempt. Default 3. */
  readonly maxRetries?: number;
  /** Backoff base for transient failures. Default 300 ms. */
  readonly baseDelayMs?: number;
  /** Backoff base when throttled; the upstream window is 1 s, so retrying much sooner is wasted. Default 500 ms. */
  readonly rateLimitBaseDelayMs?: number;
  /** Lower bound of a throttling backoff. Default 100 ms. */
  readonly rateLimitMinDelayMs?: number;
  /** Upper bound of one backoff. Default 3 000 ms. */
  readonly maxDelayMs?: number;
  /** No retry starts later than this after the call began. Default 15 000 ms. */
  readonly maxTotalMs?: number;
  /** Uniform [0, 1); injectable for tests. */
  readonly random?: () => number;
  /** Abortable sleep; injectable for tests. */
  readonly sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
}

export interface ResolvedRetryPolicy {
  readonly maxRetries: number;
  readonly baseDelayMs: number;
  readonly rateLimitBaseDelayMs: number;
  readonly rateLimitMinDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxTotalMs: number;
  readonly random: () => number;
  readonly sleep: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
}

export function abortableSleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function resolveRetryPolicy(options: RetryOptions = {}): ResolvedRetryPolicy {
  return {
    maxRetries: Math.max(0, options.maxRetries ?? 3),
    baseDelayMs: options.baseDelayMs ?? 300,
    rateLimitBaseDelayMs: options.rateLimitBaseDelayMs ?? 500,
    rateLimitMinDelayMs: options.rateLimitMinDelayMs ?? 100,
    maxDelayMs: options.maxDelayMs ?? 3_000,
    maxTotalMs: options.maxTotalMs ?? 15_000,
    random: options.random ?? Math.random,
    sleep: options.sleep ?? abortableSleep,
  };
}

/** Whether `error` may be retried for an action with the given mutability. */
export function isRetryable(error: SslError, mutating: boolean): boolean {
  if (!error.retryable) return false;
  return mutating ? error.provablyNotExecuted : true;
}

/** Full jitter: uniform in [0, min(cap, base * 2^retryIndex)), with a floor for throttling. */
export function backoffDelayMs(policy: ResolvedRetryPolicy, retryIndex: number, error: SslError): number {
  const throttled = error.category === 'rate-limit';
  const base = throttled ? policy.rateLimitBaseDelayMs : policy.baseDelayMs;
  const ceiling = Math.min(policy.maxDelayMs, base * 2 ** retryIndex);
  const jittered = policy.random() * ceiling;
  return throttled ? Math.max(policy.rateLimitMinDelayMs, jittered) : jittered;
}

export interface RetryDecision {
  readonly retry: boolean;
  readonly delayMs: number;
}

/**
 * Decides whether to retry after `retriesSoFar` retries, `elapsedMs` into the call.
 */
export function decideRetry(
  policy: ResolvedRetryPolicy,
  error: SslError,
  mutating: boolean,
  retriesSoFar: number,
  elapsedMs: number,
): RetryDecision {
  if (retriesSoFar >= policy.maxRetries || !isRetryable(error, mutating)) return { retry: false, delayMs: 0 };
  const delayMs = backoffDelayMs(policy, retriesSoFar, error);
  if (elapsedMs + delayMs > policy.maxTotalMs) return { retry: false, delayMs: 0 };
  return { retry: true, delayMs };
}

/** Sleeps for a backoff, turning an abort into the client's typed error. */
export async function sleepBeforeRetry(
  policy: ResolvedRetryPolicy,
  delayMs: number,
  action: string,
  signal: AbortSignal | undefined,
): Promise<void> {
  try {
    await policy.sleep(delayMs, signal);
  } catch (error) {
    if (signal?.aborted === true) throw new SslAbortedError({ action });
    throw error;
  }
}
