import { describe, expect, it } from 'vitest';
import { SslApiError, SslNetworkError, SslTimeoutError } from '../../src/ssl/errors.ts';
import { backoffDelayMs, decideRetry, isRetryable, resolveRetryPolicy } from '../../src/ssl/retry.ts';

const apiError = (code: string): SslApiError =>
  new SslApiError({ action: 'A', code, message: '', requestId: undefined });
const refused = new SslNetworkError({
  action: 'A',
  mayHaveReachedServer: false,
  causeCode: 'ECONNREFUSED',
  reason: '',
});
const reset = new SslNetworkError({
  action: 'A',
  mayHaveReachedServer: true,
  causeCode: 'ECONNRESET',
  reason: '',
});

describe('which failures are retried', () => {
  it('retries reads on every transient failure, mutations only when provably not executed', () => {
    const cases = [
      [apiError('InternalError'), true, false],
      [apiError('FailedOperation.NetworkError'), true, false],
      [apiError('RequestLimitExceeded'), true, true],
      [apiError('LimitExceeded.RateLimitExceeded'), true, true],
      [apiError('InvalidParameter'), false, false],
      [apiError('AuthFailure.SignatureExpire'), false, false],
      [refused, true, true],
      [reset, true, false],
      [new SslTimeoutError({ action: 'A', phase: 'headers', timeoutMs: 1 }), true, false],
      [new SslTimeoutError({ action: 'A', phase: 'connect', timeoutMs: 1 }), true, true],
    ] as const;
    for (const [error, read, mutation] of cases) {
      expect([error.message, isRetryable(error, false), isRetryable(error, true)]).toEqual([
        error.message,
        read,
        mutation,
      ]);
    }
  });
});

describe('backoff', () => {
  it('uses full jitter up to min(cap, base * 2^n)', () => {
    const high = resolveRetryPolicy({ random: () => 0.999_999, baseDelayMs: 200, maxDelayMs: 1_000 });
    const transient = apiError('InternalError');
    expect(backoffDelayMs(high, 0, transient)).toBeCloseTo(200, 0);
    expect(backoffDelayMs(high, 1, transient)).toBeCloseTo(400, 0);
    expect(backoffDelayMs(high, 5, transient)).toBeCloseTo(1_000, 0);
    const low = resolveRetryPolicy({ random: () => 0 });
    expect(backoffDelayMs(low, 3, transient)).toBe(0);
    expect(backoffDelayMs(low, 3, apiError('RequestLimitExceeded'))).toBe(100);
  });

  it('stops after maxRetries and when the total time budget would be exceeded', () => {
    const policy = resolveRetryPolicy({
      maxRetries: 2,
      random: () => 0.5,
      baseDelayMs: 100,
      maxTotalMs: 1_000,
    });
    const error = apiError('InternalError');
    expect(decideRetry(policy, error, false, 0, 0)).toEqual({ retry: true, delayMs: 50 });
    expect(decideRetry(policy, error, false, 1, 0)).toEqual({ retry: true, delayMs: 100 });
    expect(decideRetry(policy, error, false, 2, 0).retry).toBe(false);
    expect(decideRetry(policy, error, false, 0, 990).retry).toBe(false);
    expect(decideRetry(policy, error, true, 0, 0).retry).toBe(false);
  });
});
