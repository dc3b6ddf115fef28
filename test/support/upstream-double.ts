import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A small real HTTP server speaking the Tencent Cloud API 3.0 envelope on 127.0.0.1, for tests and benchmarks.
 * It verifies TC3-HMAC-SHA256 signatures with its own implementation (deliberately not src/ssl/signer.ts),
 * counts requests per action and answers through programmable per-action handlers.
 */

export interface DoubleCredentials {
  readonly secretId: string;
  readonly secretKey: string;
  readonly sessionToken?: string;
}

export interface DoubleRequest {
  readonly action: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
  /** Parsed JSON body, or undefined when it is not JSON. */
  readonly params: unknown;
  /** 1-based count of requests for this action, this one included. */
  readonly sequence: number;
}

export type DoubleReply =
  | { readonly kind: 'ok'; readonly fields?: Record<string, unknown> }
  | { readonly kind: 'error'; readonly code: string; readonly message?: string }
  | { readonly kind: 'http'; readonly status: number; readonly body: string; readonly contentType?: string }
  | { readonly kind: 'hang' }
  | { readonly kind: 'reset' }
  | { readonly kind: 'delay'; readonly ms: number; readonly reply: DoubleReply };

export type DoubleHandler = (request: DoubleRequest) => DoubleReply | Promise<DoubleReply>;

export interface UpstreamDoubleOptions {
  readonly credentials: readonly DoubleCredentials[];
  /** Default true. */
  readonly verifySignatures?: boolean;
  /**
   * The official Node SDK sends `Host: h:port` but signs `host:h` (URL.hostname). When true a signature over the
   * port-less host is also accepted. Default false: the Host must be signed exactly as sent.
   */
  readonly acceptPortlessHostSignature?: boolean;
  /** Added to the double's clock (affects the Date header and the 5-minute timestamp check). */
  readonly clockOffsetMs?: number;
  /** Per-action quota per 1-second window of arrival time; actions not listed are not limited. */
  readonly rateLimits?: Readonly<Record<string, number>>;
  readonly service?: string;
  readonly version?: string;
  /** Keep every request in `requests` (default true; benchmarks turn it off to bound memory). */
  readonly recordRequests?: boolean;
}

const MAX_TIMESTAMP_SKEW_SECONDS = 300;
const AUTHORIZATION_PATTERN =
  /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;

function hex256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

const signingKeys = new Map<string, Buffer>();

function signingKeyFor(secretKey: string, date: string, service: string): Buffer {
  const cacheKey = `${secretKey}\n${date}\n${service}`;
  let key = signingKeys.get(cacheKey);
  if (key === undefined) {
    key = hmac(hmac(hmac(`TC3${secretKey}`, date), service), 'tc3_request');
    if (signingKeys.size > 64) signingKeys.clear();
    signingKeys.set(cacheKey, key);
  }
  return key;
}

/** Independent TC3 verification: recomputes the signature from the received bytes and headers. */
function expectedSignature(input: {
  secretKey: string;
  date: string;
  service: string;
  timestamp: string;
  signedHeaderNames: readonly string[];
  headerValue: (name: string) => string;
  body: Buffer;
}): string {
  const canonicalHeaders = input.signedHeaderNames
    .map((name) => `${name}:${input.headerValue(name).trim().toLowerCase()}\n`)
    .join('');
  const canonicalRequest = [
    'POST',
    '/',
    '',
    canonicalHeaders,
    input.signedHeaderNames.join(';'),
    hex256(input.body),
  ].join('\n');
  const stringToSign = [
    'TC3-HMAC-SHA256',
    input.timestamp,
    `${input.date}/${input.service}/tc3_request`,
    hex256(canonicalRequest),
  ].join('\n');
  const signingKey = signingKeyFor(input.secretKey, input.date, input.service);
  return createHmac('sha256', signingKey).update(stringToSign).digest('hex');
}

function constantTimeEqualHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

export class UpstreamDouble {
  readonly #options: UpstreamDoubleOptions;
  readonly #server: Server;
  readonly #handlers = new Map<string, DoubleHandler>();
  readonly #counts = new Map<string, number>();
  readonly #windows = new Map<string, { second: number; count: number }>();
  readonly #sockets = new Set<Socket>();
  readonly #log: DoubleRequest[] = [];
  #rejectedByRateLimit = 0;
  #signatureFailures = 0;
  #port = 0;

  private constructor(options: UpstreamDoubleOptions) {
    this.#options = options;
    this.#server = createServer((request, response) => {
      this.#handle(request, response).catch(() => {
        response.destroy();
      });
    });
    this.#server.keepAliveTimeout = 5_000;
    this.#server.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
  }

  static async start(options: UpstreamDoubleOptions): Promise<UpstreamDouble> {
    const double = new UpstreamDouble(options);
    await new Promise<void>((resolve, reject) => {
      double.#server.once('error', reject);
      double.#server.listen(0, '127.0.0.1', () => resolve());
    });
    double.#port = (double.#server.address() as AddressInfo).port;
    return double;
  }

  get port(): number {
    return this.#port;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  /** Installs the handler for an action (replacing any previous one). Unhandled actions answer `{}`. */
  on(action: string, handler: DoubleHandler): this {
    this.#handlers.set(action, handler);
    return this;
  }

  /** Requests received for an action (including rejected ones). */
  count(action: string): number {
    return this.#counts.get(action) ?? 0;
  }

  get totalRequests(): number {
    let total = 0;
    for (const count of this.#counts.values()) total += count;
    return total;
  }

  get rejectedByRateLimit(): number {
    return this.#rejectedByRateLimit;
  }

  get signatureFailures(): number {
    return this.#signatureFailures;
  }

  get requests(): readonly DoubleRequest[] {
    return this.#log;
  }

  resetCounts(): void {
    this.#counts.clear();
    this.#log.length = 0;
    this.#rejectedByRateLimit = 0;
    this.#signatureFailures = 0;
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #nowMs(): number {
    return Date.now() + (this.#options.clockOffsetMs ?? 0);
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const action = headerText(request.headers['x-tc-action']) ?? '';
    const sequence = (this.#counts.get(action) ?? 0) + 1;
    this.#counts.set(action, sequence);
    const text = body.toString('utf8');
    let params: unknown;
    try {
      params = JSON.parse(text);
    } catch {
      params = undefined;
    }
    const entry: DoubleRequest = { action, headers: request.headers, body: text, params, sequence };
    if (this.#options.recordRequests ?? true) this.#log.push(entry);

    const rejection = this.#checkRequest(request, body, action);
    if (rejection !== undefined) {
      this.#send(response, { kind: 'error', code: rejection });
      return;
    }
    const handler = this.#handlers.get(action);
    const reply = handler === undefined ? ({ kind: 'ok' } as const) : await handler(entry);
    await this.#reply(request, response, reply);
  }

  /** Returns an API error code when the request must be refused before the handler runs. */
  #checkRequest(request: IncomingMessage, body: Buffer, action: string): string | undefined {
    if (request.method !== 'POST') return 'UnsupportedProtocol';
    if (action === '') return 'MissingParameter';
    const version = this.#options.version ?? '2019-12-05';
    if (headerText(request.headers['x-tc-version']) !== version) return 'NoSuchVersion';
    if (this.#options.verifySignatures ?? true) {
      const failure = this.#verifySignature(request, body);
      if (failure !== undefined) {
        this.#signatureFailures += 1;
        return failure;
      }
    }
    const quota = this.#options.rateLimits?.[action];
    if (quota !== undefined) {
      const second = Math.floor(this.#nowMs() / 1000);
      const window = this.#windows.get(action);
      if (window === undefined || window.second !== second) {
        this.#windows.set(action, { second, count: 1 });
      } else if (window.count >= quota) {
        this.#rejectedByRateLimit += 1;
        return 'RequestLimitExceeded';
      } else {
        window.count += 1;
      }
    }
    return undefined;
  }

  #verifySignature(request: IncomingMessage, body: Buffer): string | undefined {
    const authorization = headerText(request.headers.authorization) ?? '';
    const match = AUTHORIZATION_PATTERN.exec(authorization);
    if (match === null) return 'AuthFailure.InvalidAuthorization';
    const [, secretId = '', date = '', service = '', signedHeaders = '', signature = ''] = match;
    const credentials = this.#options.credentials.find((candidate) => candidate.secretId === secretId);
    if (credentials === undefined) return 'AuthFailure.SecretIdNotFound';
    const timestampText = headerText(request.headers['x-tc-timestamp']) ?? '';
    const timestamp = Number(timestampText);
    if (!/^\d+$/.test(timestampText)) return 'InvalidParameter';
    if (Math.abs(timestamp - this.#nowMs() / 1000) > MAX_TIMESTAMP_SKEW_SECONDS)
      return 'AuthFailure.SignatureExpire';
    if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date) return 'AuthFailure.SignatureFailure';
    if (service !== (this.#options.service ?? 'ssl')) return 'AuthFailure.SignatureFailure';
    const signedHeaderNames = signedHeaders.split(';');
    const sorted = [...signedHeaderNames].sort();
    if (
      !signedHeaderNames.includes('content-type') ||
      !signedHeaderNames.includes('host') ||
      sorted.join(';') !== signedHeaders
    ) {
      return 'AuthFailure.SignatureFailure';
    }
    const sentHost = headerText(request.headers.host) ?? '';
    const hostCandidates = [sentHost];
    if (this.#options.acceptPortlessHostSignature === true)
      hostCandidates.push(sentHost.replace(/:\d+$/, ''));
    const valid = hostCandidates.some((host) =>
      constantTimeEqualHex(
        signature,
        expectedSignature({
          secretKey: credentials.secretKey,
          date,
          service,
          timestamp: timestampText,
          signedHeaderNames,
          headerValue: (name) => (name === 'host' ? host : (headerText(request.headers[name]) ?? '')),
          body,
        }),
      ),
    );
    if (!valid) return 'AuthFailure.SignatureFailure';
    const token = headerText(request.headers['x-tc-token']);
    if (credentials.sessionToken !== undefined && token !== credentials.sessionToken)
      return 'AuthFailure.TokenFailure';
    if (credentials.sessionToken === undefined && token !== undefined) return 'AuthFailure.TokenFailure';
    return undefined;
  }

  async #reply(request: IncomingMessage, response: ServerResponse, reply: DoubleReply): Promise<void> {
    switch (reply.kind) {
      case 'delay':
        await new Promise((resolve) => setTimeout(resolve, reply.ms));
        await this.#reply(request, response, reply.reply);
        return;
      case 'hang':
        return;
      case 'reset':
        request.socket.resetAndDestroy();
        return;
      default:
        this.#send(response, reply);
    }
  }

  #send(
    response: ServerResponse,
    reply: Extract<DoubleReply, { kind: 'ok' } | { kind: 'error' } | { kind: 'http' }>,
  ): void {
    if (response.destroyed) return;
    const requestId = `double-${this.totalRequests}-${Math.random().toString(16).slice(2, 10)}`;
    let status = 200;
    let contentType = 'application/json';
    let payload: string;
    if (reply.kind === 'http') {
      status = reply.status;
      contentType = reply.contentType ?? 'text/html';
      payload = reply.body;
    } else if (reply.kind === 'error') {
      payload = JSON.stringify({
        Response: {
          Error: { Code: reply.code, Message: reply.message ?? `${reply.code} (double)` },
          RequestId: requestId,
        },
      });
    } else {
      payload = JSON.stringify({ Response: { ...reply.fields, RequestId: requestId } });
    }
    response.writeHead(status, {
      'content-type': contentType,
      'content-length': Buffer.byteLength(payload),
      date: new Date(this.#nowMs()).toUTCString(),
    });
    response.end(payload);
  }
}
