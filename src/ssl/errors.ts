import { SSL_SPEC } from './spec.generated.ts';
import type { SpecErrorClass } from './spec-types.ts';

/**
 * Typed failures of the SSL client. Messages and serialisations carry only the action, codes, sizes and ids:
 * never request bodies (UploadCertificate carries a private key), headers, credentials or tokens.
 */

export type SslApiErrorCategory =
  | 'auth'
  | 'input'
  | 'not-found'
  | 'state'
  | 'permission'
  | 'rate-limit'
  | 'transient'
  | 'billing';

/**
 * 'aborted' is the caller cancelling; 'rate-limiter-unavailable' is the gateway's shared rate limiter (Redis)
 * not answering, so nothing was sent; every other value is shared with API error codes.
 */
export type SslErrorCategory = SslApiErrorCategory | 'aborted' | 'rate-limiter-unavailable';

export interface SslErrorInit {
  readonly action: string;
  readonly category: SslErrorCategory;
  readonly retryable: boolean;
}

export interface SslErrorJson {
  readonly name: string;
  readonly message: string;
  readonly action: string;
  readonly category: SslErrorCategory;
  readonly retryable: boolean;
  readonly [detail: string]: string | number | boolean | undefined;
}

export abstract class SslError extends Error {
  readonly action: string;
  readonly category: SslErrorCategory;
  /** Whether the failure is transient (a read may be retried). */
  readonly retryable: boolean;

  protected constructor(message: string, init: SslErrorInit) {
    super(message);
    this.name = new.target.name;
    this.action = init.action;
    this.category = init.category;
    this.retryable = init.retryable;
  }

  /** The upstream API error code, when there is one. */
  get code(): string | undefined {
    return undefined;
  }

  /** True only when the failure proves the upstream did not execute the request (safe to resend a mutation). */
  get provablyNotExecuted(): boolean {
    return false;
  }

  protected details(): Record<string, string | number | boolean | undefined> {
    return {};
  }

  toJSON(): SslErrorJson {
    return {
      ...this.details(),
      name: this.name,
      message: this.message,
      action: this.action,
      category: this.category,
      retryable: this.retryable,
    };
  }
}

const RATE_LIMIT_CODES = /^(RequestLimitExceeded(\..+)?|LimitExceeded\.RateLimitExceeded)$/;

const CATEGORY_OF_SPEC_CLASS: Record<SpecErrorClass, SslApiErrorCategory> = {
  'client-input': 'input',
  'state/conflict': 'state',
  'retryable-transient': 'transient',
  permission: 'permission',
  'not-found': 'not-found',
  'auth/signature': 'auth',
  billing: 'billing',
};

// Used for codes missing from the spec (the vendor adds codes over time); the first matching prefix wins.
const CATEGORY_BY_PREFIX: ReadonlyArray<readonly [string, SslApiErrorCategory]> = [
  ['AuthFailure.UnauthorizedOperation', 'permission'],
  ['AuthFailure', 'auth'],
  ['UnauthorizedOperation', 'permission'],
  ['OperationDenied', 'permission'],
  ['ResourceNotFound', 'not-found'],
  ['InternalError', 'transient'],
  ['ServiceUnavailable', 'transient'],
  ['FailedOperation.NetworkError', 'transient'],
  ['ResourceInsufficient', 'billing'],
  ['LimitExceeded', 'billing'],
  ['ResourceInUse', 'state'],
  ['ResourceUnavailable', 'state'],
  ['FailedOperation', 'state'],
];

const SPEC_ERROR_CODES: Readonly<Record<string, { readonly class: SpecErrorClass }>> = SSL_SPEC.errorCodes;

export function categorizeErrorCode(code: string): SslApiErrorCategory {
  if (RATE_LIMIT_CODES.test(code)) return 'rate-limit';
  const known = Object.hasOwn(SPEC_ERROR_CODES, code) ? SPEC_ERROR_CODES[code] : undefined;
  if (known !== undefined) return CATEGORY_OF_SPEC_CLASS[known.class];
  for (const [prefix, category] of CATEGORY_BY_PREFIX) {
    if (code === prefix || code.startsWith(`${prefix}.`)) return category;
  }
  return 'input';
}

export function isRetryableCategory(category: SslErrorCategory): boolean {
  return category === 'transient' || category === 'rate-limit';
}

/** The API processed the request and answered HTTP 200 with `Response.Error`. */
export class SslApiError extends SslError {
  readonly #code: string;
  readonly requestId: string | undefined;
  /** The upstream's own message (Response.Error.Message), for showing to the caller. */
  readonly upstreamMessage: string;
  override readonly category: SslApiErrorCategory;

  constructor(init: { action: string; code: string; message: string; requestId: string | undefined }) {
    const category = categorizeErrorCode(init.code);
    super(`${init.action} failed with ${init.code}: ${init.message}`, {
      action: init.action,
      category,
      retryable: isRetryableCategory(category),
    });
    this.category = category;
    this.#code = init.code;
    this.requestId = init.requestId;
    this.upstreamMessage = init.message;
  }

  override get code(): string {
    return this.#code;
  }

  /** Throttled or rejected for an expired signature: the upstream did not run the action. */
  override get provablyNotExecuted(): boolean {
    return this.category === 'rate-limit' || this.#code === 'AuthFailure.SignatureExpire';
  }

  protected override details(): Record<string, string | undefined> {
    return { code: this.#code, requestId: this.requestId };
  }
}

/** The connection failed; `mayHaveReachedServer` is false only when no request byte can have been sent. */
export class SslNetworkError extends SslError {
  readonly mayHaveReachedServer: boolean;
  readonly causeCode: string | undefined;

  constructor(init: {
    action: string;
    mayHaveReachedServer: boolean;
    causeCode: string | undefined;
    reason: string;
  }) {
    super(`${init.action}: network failure (${init.causeCode ?? 'unknown'}): ${init.reason}`, {
      action: init.action,
      category: 'transient',
      retryable: true,
    });
    this.mayHaveReachedServer = init.mayHaveReachedServer;
    this.causeCode = init.causeCode;
  }

  override get provablyNotExecuted(): boolean {
    return !this.mayHaveReachedServer;
  }

  protected override details(): Record<string, string | boolean | undefined> {
    return { mayHaveReachedServer: this.mayHaveReachedServer, causeCode: this.causeCode };
  }
}

export type SslTimeoutPhase = 'connect' | 'headers' | 'body';

export class SslTimeoutError extends SslError {
  readonly phase: SslTimeoutPhase;
  readonly timeoutMs: number;

  constructor(init: { action: string; phase: SslTimeoutPhase; timeoutMs: number }) {
    super(`${init.action}: timed out after ${init.timeoutMs} ms waiting for the ${init.phase}`, {
      action: init.action,
      category: 'transient',
      retryable: true,
    });
    this.phase = init.phase;
    this.timeoutMs = init.timeoutMs;
  }

  get mayHaveReachedServer(): boolean {
    return this.phase !== 'connect';
  }

  override get provablyNotExecuted(): boolean {
    return this.phase === 'connect';
  }

  protected override details(): Record<string, string | number> {
    return { phase: this.phase, timeoutMs: this.timeoutMs };
  }
}

/** A non-200 HTTP status (the API answers 200 whenever it processed the request, so this is a proxy or outage). */
export class SslHttpStatusError extends SslError {
  readonly status: number;
  readonly requestId: string | undefined;

  constructor(init: { action: string; status: number; requestId: string | undefined }) {
    const transient = init.status >= 500 || init.status === 429 || init.status === 408;
    super(`${init.action}: upstream answered HTTP ${init.status}`, {
      action: init.action,
      category: init.status === 429 ? 'rate-limit' : transient ? 'transient' : 'input',
      retryable: transient,
    });
    this.status = init.status;
    this.requestId = init.requestId;
  }

  protected override details(): Record<string, string | number | undefined> {
    return { status: this.status, requestId: this.requestId };
  }
}

/** HTTP 200 whose body is not the JSON `{"Response": {...}}` envelope. */
export class SslInvalidResponseError extends SslError {
  readonly contentType: string | undefined;
  readonly bodyBytes: number;
  readonly reason: 'not-json' | 'no-envelope';

  constructor(init: {
    action: string;
    contentType: string | undefined;
    bodyBytes: number;
    reason: 'not-json' | 'no-envelope';
  }) {
    const what = init.reason === 'not-json' ? 'a non-JSON body' : 'JSON without a Response envelope';
    super(
      `${init.action}: upstream answered ${what} (${init.bodyBytes} bytes, ${init.contentType ?? 'no content-type'})`,
      {
        action: init.action,
        category: 'transient',
        retryable: true,
      },
    );
    this.contentType = init.contentType;
    this.bodyBytes = init.bodyBytes;
    this.reason = init.reason;
  }

  protected override details(): Record<string, string | number | undefined> {
    return { contentType: this.contentType, bodyBytes: this.bodyBytes, reason: this.reason };
  }
}

/** The JSON body exceeds the API's 10 MB limit for signature-v3 POSTs; nothing was sent. */
export class SslRequestTooLargeError extends SslError {
  readonly sizeBytes: number;
  readonly limitBytes: number;

  constructor(init: { action: string; sizeBytes: number; limitBytes: number }) {
    super(
      `${init.action}: request body is ${init.sizeBytes} bytes, over the ${init.limitBytes}-byte limit; not sent`,
      { action: init.action, category: 'input', retryable: false },
    );
    this.sizeBytes = init.sizeBytes;
    this.limitBytes = init.limitBytes;
  }

  override get provablyNotExecuted(): boolean {
    return true;
  }

  protected override details(): Record<string, number> {
    return { sizeBytes: this.sizeBytes, limitBytes: this.limitBytes };
  }
}

/** The parameters cannot be serialised to JSON (e.g. a BigInt or a cycle); nothing was sent. */
export class SslInvalidRequestError extends SslError {
  constructor(init: { action: string; reason: string }) {
    super(`${init.action}: request parameters cannot be sent: ${init.reason}`, {
      action: init.action,
      category: 'input',
      retryable: false,
    });
  }

  override get provablyNotExecuted(): boolean {
    return true;
  }
}

/** The client-side rate-limit queue refused the call: it is full, or the wait would exceed the deadline. */
export class SslRateLimitQueueError extends SslError {
  readonly reason: 'queue-full' | 'deadline';
  readonly queueDepth: number;
  readonly expectedWaitMs: number;

  constructor(init: {
    action: string;
    reason: 'queue-full' | 'deadline';
    queueDepth: number;
    expectedWaitMs: number;
  }) {
    const why =
      init.reason === 'queue-full'
        ? `the rate-limit queue is full (${init.queueDepth} waiting)`
        : `the rate-limit wait (~${Math.ceil(init.expectedWaitMs)} ms) would exceed the deadline`;
    super(`${init.action}: not sent, ${why}`, {
      action: init.action,
      category: 'rate-limit',
      retryable: false,
    });
    this.reason = init.reason;
    this.queueDepth = init.queueDepth;
    this.expectedWaitMs = init.expectedWaitMs;
  }

  override get provablyNotExecuted(): boolean {
    return true;
  }

  protected override details(): Record<string, string | number> {
    return {
      reason: this.reason,
      queueDepth: this.queueDepth,
      expectedWaitMs: Math.ceil(this.expectedWaitMs),
    };
  }
}

/**
 * The gateway's shared rate limiter (Redis, REDIS_URL) did not answer, so the call was not sent: without it the
 * replicas cannot keep to the upstream quota together. Not the upstream's failure, and not retried by the client
 * (Redis being down is not fixed by a backoff of a few hundred milliseconds).
 */
export class SslRateLimiterUnavailableError extends SslError {
  constructor(init: { action: string; reason: string }) {
    super(`${init.action}: not sent, the shared rate limiter (Redis) is unavailable: ${init.reason}`, {
      action: init.action,
      category: 'rate-limiter-unavailable',
      retryable: false,
    });
  }

  override get provablyNotExecuted(): boolean {
    return true;
  }
}

/** The caller's AbortSignal fired. */
export class SslAbortedError extends SslError {
  constructor(init: { action: string }) {
    super(`${init.action}: aborted by the caller`, {
      action: init.action,
      category: 'aborted',
      retryable: false,
    });
  }
}

/** Credentials are missing or unusable. */
export class SslCredentialsError extends SslError {
  constructor(init: { action: string; reason: string }) {
    super(`${init.action}: ${init.reason}`, { action: init.action, category: 'auth', retryable: false });
  }

  /** Raised while the request was being prepared: nothing was sent. */
  override get provablyNotExecuted(): boolean {
    return true;
  }
}
