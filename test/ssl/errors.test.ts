import { describe, expect, it } from 'vitest';
import {
  categorizeErrorCode,
  SslAbortedError,
  SslApiError,
  SslError,
  SslHttpStatusError,
  SslInvalidResponseError,
  SslNetworkError,
  SslRateLimitQueueError,
  SslRequestTooLargeError,
  SslTimeoutError,
} from '../../src/ssl/errors.ts';
import { SSL_SPEC } from '../../src/ssl/spec.generated.ts';

const EXPECTED_BY_CLASS = {
  'client-input': 'input',
  'state/conflict': 'state',
  'retryable-transient': 'transient',
  permission: 'permission',
  'not-found': 'not-found',
  'auth/signature': 'auth',
  billing: 'billing',
} as const;

describe('error classification', () => {
  it('follows the spec class of every documented code, throttling codes excepted', () => {
    for (const [code, { class: specClass }] of Object.entries(SSL_SPEC.errorCodes)) {
      const throttling =
        code.startsWith('RequestLimitExceeded') || code === 'LimitExceeded.RateLimitExceeded';
      expect([code, categorizeErrorCode(code)]).toEqual([
        code,
        throttling ? 'rate-limit' : EXPECTED_BY_CLASS[specClass],
      ]);
    }
  });

  it('classifies undocumented codes by prefix', () => {
    expect(categorizeErrorCode('RequestLimitExceeded.SomethingNew')).toBe('rate-limit');
    expect(categorizeErrorCode('AuthFailure.SomethingNew')).toBe('auth');
    expect(categorizeErrorCode('AuthFailure.UnauthorizedOperation.Sub')).toBe('permission');
    expect(categorizeErrorCode('ResourceNotFound.Thing')).toBe('not-found');
    expect(categorizeErrorCode('InternalError.Other')).toBe('transient');
    expect(categorizeErrorCode('FailedOperation.Whatever')).toBe('state');
    expect(categorizeErrorCode('LimitExceeded.Quota')).toBe('billing');
    expect(categorizeErrorCode('UnauthorizedOperation.Deny')).toBe('permission');
    expect(categorizeErrorCode('CompletelyUnknown')).toBe('input');
  });
});

describe('SslApiError', () => {
  it('carries code, message, request id, action, category and retryability', () => {
    const error = new SslApiError({
      action: 'DescribeCertificates',
      code: 'RequestLimitExceeded.UinLimitExceeded',
      message: 'slow down',
      requestId: 'req-1',
    });
    expect(error).toBeInstanceOf(SslError);
    expect(error).toMatchObject({
      name: 'SslApiError',
      code: 'RequestLimitExceeded.UinLimitExceeded',
      requestId: 'req-1',
      action: 'DescribeCertificates',
      category: 'rate-limit',
      retryable: true,
      provablyNotExecuted: true,
    });
    expect(error.message).toContain('slow down');
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      code: 'RequestLimitExceeded.UinLimitExceeded',
      requestId: 'req-1',
    });
  });

  it('marks an expired signature as not executed but not retryable by backoff', () => {
    const error = new SslApiError({
      action: 'ApplyCertificate',
      code: 'AuthFailure.SignatureExpire',
      message: '',
      requestId: undefined,
    });
    expect(error.category).toBe('auth');
    expect(error.retryable).toBe(false);
    expect(error.provablyNotExecuted).toBe(true);
  });

  it('does not claim a transient failure was not executed', () => {
    const error = new SslApiError({
      action: 'ApplyCertificate',
      code: 'InternalError',
      message: '',
      requestId: undefined,
    });
    expect(error.retryable).toBe(true);
    expect(error.provablyNotExecuted).toBe(false);
  });
});

describe('transport and client errors', () => {
  it('share the base class and expose what a caller needs', () => {
    const errors: SslError[] = [
      new SslNetworkError({
        action: 'A',
        mayHaveReachedServer: false,
        causeCode: 'ECONNREFUSED',
        reason: 'refused',
      }),
      new SslTimeoutError({ action: 'A', phase: 'headers', timeoutMs: 10 }),
      new SslHttpStatusError({ action: 'A', status: 502, requestId: undefined }),
      new SslInvalidResponseError({
        action: 'A',
        contentType: 'text/html',
        bodyBytes: 5,
        reason: 'not-json',
      }),
      new SslRequestTooLargeError({ action: 'A', sizeBytes: 11, limitBytes: 10 }),
      new SslRateLimitQueueError({ action: 'A', reason: 'queue-full', queueDepth: 3, expectedWaitMs: 1 }),
      new SslAbortedError({ action: 'A' }),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(SslError);
      expect(error.name).toBe(error.constructor.name);
      expect(JSON.parse(JSON.stringify(error))).toMatchObject({
        name: error.name,
        action: 'A',
        category: error.category,
      });
    }
    expect(errors.map((error) => error.provablyNotExecuted)).toEqual([
      true,
      false,
      false,
      false,
      true,
      true,
      false,
    ]);
    expect(errors.map((error) => error.retryable)).toEqual([true, true, true, true, false, false, false]);
    expect(new SslHttpStatusError({ action: 'A', status: 404, requestId: undefined }).retryable).toBe(false);
    expect(new SslTimeoutError({ action: 'A', phase: 'connect', timeoutMs: 1 }).provablyNotExecuted).toBe(
      true,
    );
  });
});
