import { Pool } from 'undici';
import {
  SslAbortedError,
  SslApiError,
  type SslError,
  SslHttpStatusError,
  SslInvalidResponseError,
  SslNetworkError,
  SslTimeoutError,
} from './errors.ts';
import { parseJsonBody } from './json-body.ts';

/**
 * One HTTP exchange with the API over a keep-alive undici Pool: sends an already-signed request and turns the
 * answer (or the failure) into a typed outcome. Knows nothing of signing, retries or limits.
 */

export interface TransportOptions {
  /** Origin, e.g. `https://ssl.tencentcloudapi.com` or `http://127.0.0.1:4100`. */
  readonly endpoint: string;
  readonly connectTimeoutMs: number;
  readonly headersTimeoutMs: number;
  readonly bodyTimeoutMs: number;
  readonly connections: number;
}

export interface OutgoingRequest {
  readonly action: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export type ApiOutcome =
  | { readonly ok: true; readonly response: ApiResponseFields }
  | { readonly ok: false; readonly error: SslError };

export type ApiResponseFields = Record<string, unknown> & { RequestId?: string };

export interface ExchangeResult {
  /** The server's `Date` header in ms since the epoch, when present and valid. */
  readonly serverDateMs: number | undefined;
  readonly outcome: ApiOutcome;
}

// Failures raised while establishing the connection: no request byte can have left.
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT',
  // The pool was already closed when the request was submitted.
  'UND_ERR_CLOSED',
]);

function errorCode(error: unknown): string | undefined {
  if (error instanceof AggregateError) {
    const first: unknown = error.errors[0];
    return errorCode(first);
  }
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

function errorReason(error: unknown): string {
  return error instanceof Error ? error.message : 'unknown failure';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function singleHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export class SslTransport {
  readonly #pool: Pool;
  readonly #options: TransportOptions;
  /** The Host header value the pool sends (port included unless it is the scheme's default). */
  readonly host: string;

  constructor(options: TransportOptions) {
    const url = new URL(options.endpoint);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new TypeError(`SSL endpoint must be http(s), got ${url.protocol}`);
    }
    this.#options = options;
    this.host = url.host;
    this.#pool = new Pool(url.origin, {
      connections: options.connections,
      pipelining: 1,
      keepAliveTimeout: 4_000,
      connect: { timeout: options.connectTimeoutMs },
      headersTimeout: options.headersTimeoutMs,
      bodyTimeout: options.bodyTimeoutMs,
    });
  }

  async exchange(request: OutgoingRequest, signal: AbortSignal | undefined): Promise<ExchangeResult> {
    const { action } = request;
    try {
      const response = await this.#pool.request({
        path: '/',
        method: 'POST',
        headers: request.headers,
        body: request.body,
        signal,
      });
      const serverDate = Date.parse(singleHeader(response.headers.date) ?? '');
      const serverDateMs = Number.isNaN(serverDate) ? undefined : serverDate;
      if (response.statusCode !== 200) {
        await response.body.dump();
        const requestId = singleHeader(response.headers['x-tc-requestid']);
        return {
          serverDateMs,
          outcome: {
            ok: false,
            error: new SslHttpStatusError({ action, status: response.statusCode, requestId }),
          },
        };
      }
      const body = await response.body.bytes();
      const contentType = singleHeader(response.headers['content-type']);
      return { serverDateMs, outcome: parseEnvelope(action, body, contentType) };
    } catch (error) {
      throw this.#translate(action, error, signal);
    }
  }

  close(): Promise<void> {
    return this.#pool.close();
  }

  #translate(action: string, error: unknown, signal: AbortSignal | undefined): SslError {
    if (signal?.aborted === true) return new SslAbortedError({ action });
    const code = errorCode(error);
    switch (code) {
      case 'UND_ERR_CONNECT_TIMEOUT':
        return new SslTimeoutError({ action, phase: 'connect', timeoutMs: this.#options.connectTimeoutMs });
      case 'UND_ERR_HEADERS_TIMEOUT':
        return new SslTimeoutError({ action, phase: 'headers', timeoutMs: this.#options.headersTimeoutMs });
      case 'UND_ERR_BODY_TIMEOUT':
        return new SslTimeoutError({ action, phase: 'body', timeoutMs: this.#options.bodyTimeoutMs });
      default:
        return new SslNetworkError({
          action,
          causeCode: code,
          mayHaveReachedServer: code === undefined || !NOT_SENT_CODES.has(code),
          reason: errorReason(error),
        });
    }
  }
}

export function parseEnvelope(action: string, body: Uint8Array, contentType: string | undefined): ApiOutcome {
  const bodyBytes = (): number => body.byteLength;
  let parsed: unknown;
  try {
    parsed = parseJsonBody(body);
  } catch {
    return {
      ok: false,
      error: new SslInvalidResponseError({ action, contentType, bodyBytes: bodyBytes(), reason: 'not-json' }),
    };
  }
  const envelope = isRecord(parsed) ? parsed.Response : undefined;
  if (!isRecord(envelope)) {
    return {
      ok: false,
      error: new SslInvalidResponseError({
        action,
        contentType,
        bodyBytes: bodyBytes(),
        reason: 'no-envelope',
      }),
    };
  }
  const requestId = typeof envelope.RequestId === 'string' ? envelope.RequestId : undefined;
  const apiError = envelope.Error;
  if (apiError !== undefined && apiError !== null) {
    const code = isRecord(apiError) && typeof apiError.Code === 'string' ? apiError.Code : 'InternalError';
    const message = isRecord(apiError) && typeof apiError.Message === 'string' ? apiError.Message : '';
    return { ok: false, error: new SslApiError({ action, code, message, requestId }) };
  }
  return { ok: true, response: envelope };
}
