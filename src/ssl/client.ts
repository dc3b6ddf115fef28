import { followingSignal } from '../support/abort-listeners.ts';
import {
  isMutatingAction,
  type SslActionName,
  type SslCallEvent,
  type SslCaller,
  type SslCallOptions,
  type SslRequest,
  type SslResponse,
} from './actions.ts';
import { canonicalJson, InFlightCoalescer } from './coalescer.ts';
import type { CredentialsProvider, SslCredentialValues } from './credentials.ts';
import {
  SslAbortedError,
  SslCredentialsError,
  SslError,
  SslInvalidRequestError,
  SslNetworkError,
  SslRequestTooLargeError,
} from './errors.ts';
import { RateLimiter, type RateLimitOptions, type SslRateLimiter } from './rate-limiter.ts';
import {
  decideRetry,
  type ResolvedRetryPolicy,
  type RetryOptions,
  resolveRetryPolicy,
  sleepBeforeRetry,
} from './retry.ts';
import { Tc3Signer } from './signer.ts';
import { SSL_SPEC } from './spec.generated.ts';
import { type ApiResponseFields, SslTransport } from './transport.ts';

export const DEFAULT_SSL_ENDPOINT = `https://${SSL_SPEC.endpoint}`;
/** Signature-v3 POST bodies are limited to 10 MB by the API. */
export const MAX_REQUEST_BYTES = 10 * 1024 * 1024;
const CONTENT_TYPE = 'application/json';

export interface SslClientTimeouts {
  /** TCP/TLS connection establishment. Default 5 000 ms. */
  readonly connectMs?: number;
  /** From sending the request to the response headers. Default 10 000 ms. */
  readonly headersMs?: number;
  /** Maximum idle time while reading the response body. Default 30 000 ms. */
  readonly bodyMs?: number;
}

export interface SslRateLimitWaitEvent {
  readonly action: SslActionName;
  readonly waitedMs: number;
  readonly queueDepth: number;
}

export interface SslClientOptions {
  /** Default https://ssl.tencentcloudapi.com; http://127.0.0.1:PORT works for emulators. */
  readonly endpoint?: string;
  readonly credentials: CredentialsProvider;
  /** Sent as X-TC-Region (ssl only uses it for DeployCertificateInstance). */
  readonly region?: string;
  /** Sent as X-TC-Language. */
  readonly language?: 'zh-CN' | 'en-US';
  readonly timeouts?: SslClientTimeouts;
  /** Keep-alive connections to the endpoint. Default 8. */
  readonly connections?: number;
  readonly retry?: RetryOptions;
  readonly rateLimit?: RateLimitOptions;
  /**
   * A limiter to use instead of the in-process buckets `rateLimit` configures, e.g. one shared through Redis by
   * every replica. The client owns it and disposes it on `close`.
   */
  readonly rateLimiter?: SslRateLimiter;
  /** Share identical in-flight read calls. Default true. */
  readonly coalesceReads?: boolean;
  /** Request bodies over this size are refused before sending. Default (and maximum useful) 10 MB. */
  readonly maxRequestBytes?: number;
  /** A response `Date` further than this from our estimate of server time moves the clock offset. Default 60 s. */
  readonly maxClockSkewMs?: number;
  /** Local wall clock in ms; injectable for tests. */
  readonly now?: () => number;
  readonly onCall?: (event: SslCallEvent) => void;
  readonly onRateLimitWait?: (event: SslRateLimitWaitEvent) => void;
}

type Execution =
  | { readonly ok: true; readonly response: ApiResponseFields; readonly retries: number }
  | { readonly ok: false; readonly error: SslError; readonly retries: number };

function asSslError(action: string, error: unknown): SslError {
  if (error instanceof SslError) return error;
  return new SslNetworkError({
    action,
    causeCode: undefined,
    mayHaveReachedServer: true,
    reason: error instanceof Error ? error.message : 'unknown failure',
  });
}

function serialize(action: string, params: unknown): string {
  try {
    return JSON.stringify(params ?? {});
  } catch (error) {
    // Only the engine's reason (e.g. "Do not know how to serialize a BigInt"), never the values.
    const reason =
      error instanceof TypeError ? (error.message.split('\n')[0] ?? 'TypeError') : 'not serialisable';
    throw new SslInvalidRequestError({ action, reason });
  }
}

export class SslClient implements SslCaller {
  readonly #credentials: CredentialsProvider;
  readonly #region: string | undefined;
  readonly #language: string | undefined;
  readonly #transport: SslTransport;
  readonly #signer = new Tc3Signer();
  readonly #limiter: SslRateLimiter;
  readonly #retryPolicy: ResolvedRetryPolicy;
  readonly #coalescer = new InFlightCoalescer<Execution>();
  readonly #coalesceReads: boolean;
  readonly #maxRequestBytes: number;
  readonly #maxClockSkewMs: number;
  readonly #now: () => number;
  readonly #onCall: ((event: SslCallEvent) => void) | undefined;
  readonly #onRateLimitWait: ((event: SslRateLimitWaitEvent) => void) | undefined;
  /** Estimated server time minus local time, learnt from `Date` headers and SignatureExpire answers. */
  #clockOffsetMs = 0;

  constructor(options: SslClientOptions) {
    this.#credentials = options.credentials;
    this.#region = options.region;
    this.#language = options.language;
    this.#transport = new SslTransport({
      endpoint: options.endpoint ?? DEFAULT_SSL_ENDPOINT,
      connectTimeoutMs: options.timeouts?.connectMs ?? 5_000,
      headersTimeoutMs: options.timeouts?.headersMs ?? 10_000,
      bodyTimeoutMs: options.timeouts?.bodyMs ?? 30_000,
      connections: options.connections ?? 8,
    });
    this.#limiter = options.rateLimiter ?? new RateLimiter(options.rateLimit);
    this.#retryPolicy = resolveRetryPolicy(options.retry);
    this.#coalesceReads = options.coalesceReads ?? true;
    this.#maxRequestBytes = Math.min(options.maxRequestBytes ?? MAX_REQUEST_BYTES, MAX_REQUEST_BYTES);
    this.#maxClockSkewMs = options.maxClockSkewMs ?? 60_000;
    this.#now = options.now ?? Date.now;
    this.#onCall = options.onCall;
    this.#onRateLimitWait = options.onRateLimitWait;
  }

  /** Calls currently waiting for their turn in the client-side rate limiter. */
  get rateLimitQueueDepth(): number {
    return this.#limiter.waitingCalls;
  }

  /** Current estimate of (server clock - local clock), in ms. */
  get clockOffsetMs(): number {
    return this.#clockOffsetMs;
  }

  async call<A extends SslActionName>(
    action: A,
    params: SslRequest<A>,
    options: SslCallOptions = {},
  ): Promise<SslResponse<A>> {
    const startedAt = performance.now();
    const { signal } = options;
    const region = options.region ?? this.#region;
    let coalesced = false;
    let execution: Execution;
    try {
      const body = serialize(action, params);
      const sizeBytes = Buffer.byteLength(body);
      if (sizeBytes > this.#maxRequestBytes) {
        throw new SslRequestTooLargeError({ action, sizeBytes, limitBytes: this.#maxRequestBytes });
      }
      if (signal?.aborted === true) throw new SslAbortedError({ action });
      const credentials = await this.#resolveCredentials(action);
      if (this.#coalesceReads && !isMutatingAction(action)) {
        const key = `${credentials.secretId}\n${region ?? ''}\n${this.#language ?? ''}\n${action}\n${canonicalJson(params ?? {})}`;
        // The shared execution runs on the coalescer's own signal; this caller only listens to its signal.
        const shared = await this.#coalescer.run(
          key,
          signal,
          (sharedSignal) => this.#execute(action, body, credentials, region, sharedSignal),
          () => new SslAbortedError({ action }),
        );
        coalesced = shared.joined;
        execution = shared.value;
      } else {
        // A request may run a hundred calls at once on its signal: the listeners an execution adds (undici, the
        // rate-limit queue, a retry's sleep) go on a follower of it.
        const following = followingSignal(signal);
        try {
          execution = await this.#execute(action, body, credentials, region, following.signal);
        } finally {
          following.release();
        }
      }
    } catch (error) {
      execution = { ok: false, error: asSslError(action, error), retries: 0 };
    }
    this.#report(action, startedAt, execution, coalesced, options.onCall);
    if (!execution.ok) throw execution.error;
    return execution.response as SslResponse<A>;
  }

  async close(): Promise<void> {
    this.#limiter.dispose();
    await this.#transport.close();
  }

  async #resolveCredentials(action: SslActionName): Promise<SslCredentialValues> {
    try {
      return await this.#credentials.getCredentials();
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'unknown failure';
      throw new SslCredentialsError({ action, reason: `credentials unavailable: ${reason}` });
    }
  }

  async #execute(
    action: SslActionName,
    body: string,
    credentials: SslCredentialValues,
    region: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<Execution> {
    const mutating = isMutatingAction(action);
    const limitKey = `${credentials.secretId}\n${region ?? ''}\n${action}`;
    const quota = SSL_SPEC.actions[action].rateLimit;
    const startedAt = performance.now();
    let retries = 0;
    let resignedForSkew = false;
    for (;;) {
      let error: SslError;
      try {
        const grant = await this.#limiter.acquire(action, limitKey, quota, signal);
        if (grant.waitedMs > 0) this.#notifyRateLimitWait({ action, ...grant });
        const result = await this.#transport.exchange(
          this.#signedRequest(action, body, credentials, region),
          signal,
        );
        const offsetChanged = this.#observeServerDate(
          result.serverDateMs,
          !result.outcome.ok && result.outcome.error.code === 'AuthFailure.SignatureExpire',
        );
        if (result.outcome.ok) return { ok: true, response: result.outcome.response, retries };
        error = result.outcome.error;
        if (error.code === 'AuthFailure.SignatureExpire' && offsetChanged && !resignedForSkew) {
          // The server rejected our timestamp before executing anything; re-sign once with the corrected clock.
          resignedForSkew = true;
          continue;
        }
      } catch (thrown) {
        error = asSslError(action, thrown);
      }
      if (error instanceof SslAbortedError) return { ok: false, error, retries };
      const decision = decideRetry(
        this.#retryPolicy,
        error,
        mutating,
        retries,
        performance.now() - startedAt,
      );
      if (!decision.retry) return { ok: false, error, retries };
      try {
        await sleepBeforeRetry(this.#retryPolicy, decision.delayMs, action, signal);
      } catch (thrown) {
        return { ok: false, error: asSslError(action, thrown), retries };
      }
      retries += 1;
    }
  }

  #signedRequest(
    action: SslActionName,
    body: string,
    credentials: SslCredentialValues,
    region: string | undefined,
  ): { action: string; headers: Record<string, string>; body: string } {
    const timestamp = Math.floor((this.#now() + this.#clockOffsetMs) / 1000);
    const host = this.#transport.host;
    const authorization = this.#signer.sign({
      secretId: credentials.secretId,
      secretKey: credentials.secretKey,
      service: SSL_SPEC.service,
      timestamp,
      payload: body,
      headers: { 'content-type': CONTENT_TYPE, host, 'x-tc-action': action },
    });
    const headers: Record<string, string> = {
      'content-type': CONTENT_TYPE,
      host,
      'x-tc-action': action,
      'x-tc-version': SSL_SPEC.version,
      'x-tc-timestamp': String(timestamp),
      authorization,
    };
    if (region !== undefined) headers['x-tc-region'] = region;
    if (this.#language !== undefined) headers['x-tc-language'] = this.#language;
    if (credentials.sessionToken !== undefined) headers['x-tc-token'] = credentials.sessionToken;
    return { action, headers, body };
  }

  /** Returns true when the clock offset moved. */
  #observeServerDate(serverDateMs: number | undefined, signatureExpired: boolean): boolean {
    if (serverDateMs === undefined) return false;
    const localNow = this.#now();
    const drift = serverDateMs - (localNow + this.#clockOffsetMs);
    // `Date` has 1-second resolution; on SignatureExpire any whole-second drift is worth correcting.
    const threshold = signatureExpired ? 1_000 : this.#maxClockSkewMs;
    if (Math.abs(drift) <= threshold) return false;
    this.#clockOffsetMs = serverDateMs - localNow;
    return true;
  }

  #notifyRateLimitWait(event: SslRateLimitWaitEvent): void {
    notify(this.#onRateLimitWait, event);
  }

  #report(
    action: SslActionName,
    startedAt: number,
    execution: Execution,
    coalesced: boolean,
    onThisCall: ((event: SslCallEvent) => void) | undefined,
  ): void {
    if (this.#onCall === undefined && onThisCall === undefined) return;
    const common = {
      action,
      durationMs: performance.now() - startedAt,
      retries: execution.retries,
      coalesced,
    };
    const event: SslCallEvent = execution.ok
      ? {
          ...common,
          outcome: 'ok',
          ...(typeof execution.response.RequestId === 'string'
            ? { requestId: execution.response.RequestId }
            : {}),
        }
      : {
          ...common,
          outcome: execution.error.category,
          errorName: execution.error.name,
          ...(execution.error.code === undefined ? {} : { errorCode: execution.error.code }),
          ...('requestId' in execution.error && typeof execution.error.requestId === 'string'
            ? { requestId: execution.error.requestId }
            : {}),
        };
    notify(this.#onCall, event);
    notify(onThisCall, event);
  }
}

function notify<Event>(observer: ((event: Event) => void) | undefined, event: Event): void {
  try {
    observer?.(event);
  } catch {
    // A faulty observer must not fail the call.
  }
}
