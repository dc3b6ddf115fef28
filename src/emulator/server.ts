import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { isSslActionName, type SslActionName } from '../ssl/actions.ts';
import { SSL_SPEC } from '../ssl/spec.generated.ts';
import type { SslSpec } from '../ssl/spec-types.ts';
import { hostnameOfHostHeader, isRebindingSafeHostname } from '../support/rebinding-safe-hosts.ts';
import type { EmulatorClock } from './clock.ts';
import { DOWNLOAD_PATH_PREFIX, serveDownloadLink } from './domains/certificate-downloads.ts';
import { isDocumentedErrorCode, type UndocumentedRefusal } from './error-codes.ts';
import type { FaultEffect, FaultInjector, FaultPhase } from './faults.ts';
import { type ActionHandler, EmulatorError, type HandlerContext, type HandlerTable } from './handler.ts';
import { jsonBytes } from './json-bytes.ts';
import type { RateLimiter } from './rate-limits.ts';
import { type EmulatorCredentials, verifyTc3Request } from './signature.ts';
import type { EmulatorState } from './state.ts';
import type { EmulatorStats } from './stats.ts';
import { validateActionInput } from './validate-input.ts';

/** The spec seen through its general shape, so it can be indexed by names read from requests. */
const SPEC: SslSpec = SSL_SPEC;

/** Signature v3 requests may carry up to 10 MB (CATALOGUE §1.4). */
export const MAX_REQUEST_BODY_BYTES = 10 * 1024 * 1024;

export interface EmulatorServerDependencies {
  readonly state: EmulatorState;
  readonly clock: EmulatorClock;
  readonly credentials: EmulatorCredentials;
  readonly handlers: HandlerTable;
  readonly faults: FaultInjector;
  readonly stats: EmulatorStats;
  /** Undefined when rate limits are not enforced. */
  readonly rateLimiter: RateLimiter | undefined;
  /** The URL the emulator is reachable at; known only once it listens. */
  readonly baseUrl: () => string;
  /** Answer only requests whose Host is an IP address or localhost (see EmulatorOptions.refuseNamedHosts). */
  readonly refuseNamedHosts: boolean;
  /** Told of each handler refusal whose code the action does not document (tests fail on them). */
  readonly onUndocumentedRefusal?: (refusal: UndocumentedRefusal) => void;
}

type Answer =
  | { readonly kind: 'success'; readonly output: object }
  | { readonly kind: 'error'; readonly error: EmulatorError };

function errorOf(code: string, detail?: string): EmulatorError {
  const documented = SPEC.errorCodes[code]?.message ?? code;
  return new EmulatorError(code, detail ?? documented);
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function writeEnvelope(response: ServerResponse, requestId: string, answer: Answer): void {
  const body =
    answer.kind === 'success'
      ? { Response: { ...answer.output, RequestId: requestId } }
      : {
          Response: {
            Error: { Code: answer.error.code, Message: answer.error.message },
            RequestId: requestId,
          },
        };
  const payload = jsonBytes(body);
  response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': payload.length });
  response.end(payload);
}

type BodyResult = { readonly kind: 'complete'; readonly body: Buffer } | { readonly kind: 'too-large' };

/** Reads the body up to the limit; past it, stops keeping bytes so a huge upload cannot exhaust memory. */
function readBody(request: IncomingMessage): Promise<BodyResult> {
  const declaredLength = Number(header(request, 'content-length') ?? Number.NaN);
  if (declaredLength > MAX_REQUEST_BODY_BYTES) return Promise.resolve({ kind: 'too-large' });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      if (received > MAX_REQUEST_BODY_BYTES) {
        request.off('data', onData);
        chunks.length = 0;
        resolve({ kind: 'too-large' });
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('end', () => resolve({ kind: 'complete', body: Buffer.concat(chunks) }));
    request.on('error', reject);
  });
}

function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw errorOf('InvalidParameter', 'The request body is not valid JSON.');
  }
}

function isJsonContentType(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/** Carries out a fault that answers outside the envelope (or not at all); resolves once it has. */
function applyTransportFault(
  effect: Exclude<FaultEffect, { kind: 'latency' | 'error' }>,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  switch (effect.kind) {
    case 'connection-reset':
      request.socket.destroy();
      return Promise.resolve();
    case 'http-status': {
      const text = `${effect.status} upstream failure`;
      response.writeHead(effect.status, {
        'Content-Type': 'text/plain',
        'Content-Length': Buffer.byteLength(text),
      });
      response.end(text);
      return Promise.resolve();
    }
    case 'non-json': {
      const html = '<html><body><h1>502 Bad Gateway</h1></body></html>';
      response.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(html) });
      response.end(html);
      return Promise.resolve();
    }
    case 'hang':
      // Holds the request open; it ends when the client goes away or the emulator closes its sockets.
      return new Promise((resolve) => response.once('close', resolve));
  }
}

class RequestProcessor {
  readonly #deps: EmulatorServerDependencies;

  constructor(deps: EmulatorServerDependencies) {
    this.#deps = deps;
  }

  async process(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const { faults } = this.#deps;
    if (faults.latencyForEveryCallMs > 0) await delay(faults.latencyForEveryCallMs);

    const refuse = (error: EmulatorError, action?: SslActionName): void => {
      if (action === undefined) this.#deps.stats.recordProtocolError(error.code);
      else this.#deps.stats.recordRejected(action, error.code);
      writeEnvelope(response, requestId, { kind: 'error', error });
    };

    if (request.method !== 'POST') {
      request.resume();
      refuse(
        errorOf(
          'UnsupportedProtocol',
          'Only POST with Content-Type application/json (signature v3) is served.',
        ),
      );
      return;
    }
    if (!isJsonContentType(header(request, 'content-type'))) {
      request.resume();
      refuse(
        errorOf(
          'UnsupportedProtocol',
          'Only Content-Type application/json (signature v3) is served; form and multipart bodies are not.',
        ),
      );
      return;
    }
    const bodyResult = await readBody(request);
    if (bodyResult.kind === 'too-large') {
      // Keep draining (without storing) so the client can finish sending and read the answer.
      request.resume();
      response.setHeader('Connection', 'close');
      refuse(
        errorOf('RequestSizeLimitExceeded', 'The request body exceeds the 10 MB limit of signature v3.'),
      );
      return;
    }

    let secretId: string;
    let action: SslActionName;
    try {
      ({ secretId } = verifyTc3Request(
        { method: 'POST', headers: request.headers, body: bodyResult.body },
        this.#deps.credentials,
        this.#deps.clock.nowSeconds(),
      ));
      action = this.#resolveAction(request);
    } catch (error) {
      if (!(error instanceof EmulatorError)) throw error;
      refuse(error);
      return;
    }

    let params: Record<string, unknown>;
    try {
      const body = parseJsonBody(bodyResult.body);
      this.#deps.stats.recordArrival(action);
      if (this.#deps.rateLimiter !== undefined && !this.#deps.rateLimiter.tryAdmit(action, secretId)) {
        throw errorOf(
          'RequestLimitExceeded',
          `The request rate of ${action} exceeds its limit of ${SSL_SPEC.actions[action].rateLimit} per second.`,
        );
      }
      const before = await this.#drawFaults(action, 'before-handler');
      if (before !== undefined && before.kind !== 'error') {
        this.#deps.stats.recordRejected(action, undefined);
        await applyTransportFault(before, request, response);
        return;
      }
      if (before !== undefined) throw errorOf(before.code, before.message);
      params = validateActionInput(action, body);
    } catch (error) {
      if (!(error instanceof EmulatorError)) throw error;
      refuse(error, action);
      return;
    }

    const answer = await this.#execute(action, params, {
      state: this.#deps.state,
      clock: this.#deps.clock,
      requestId,
      region: header(request, 'x-tc-region'),
      secretId,
      baseUrl: this.#deps.baseUrl(),
    });

    const after = await this.#drawFaults(action, 'after-handler');
    if (after !== undefined && after.kind !== 'error') {
      await applyTransportFault(after, request, response);
      return;
    }
    if (after !== undefined) {
      this.#deps.stats.recordFaultAnswer(after.code);
      writeEnvelope(response, requestId, { kind: 'error', error: errorOf(after.code, after.message) });
      return;
    }
    writeEnvelope(response, requestId, answer);
  }

  #resolveAction(request: IncomingMessage): SslActionName {
    const version = header(request, 'x-tc-version');
    if (version === undefined || version === '') {
      throw errorOf('MissingParameter', 'The request is missing a required parameter `Version`.');
    }
    if (version !== SSL_SPEC.version) {
      throw errorOf(
        'NoSuchVersion',
        `The API version ${version} does not exist; the ssl service serves ${SSL_SPEC.version}.`,
      );
    }
    const action = header(request, 'x-tc-action');
    if (action === undefined || action === '') {
      throw errorOf('MissingParameter', 'The request is missing a required parameter `Action`.');
    }
    if (!isSslActionName(action)) throw errorOf('InvalidAction', `The action ${action} does not exist.`);
    return action;
  }

  async #drawFaults(
    action: SslActionName,
    phase: FaultPhase,
  ): Promise<Exclude<FaultEffect, { kind: 'latency' }> | undefined> {
    const draw = this.#deps.faults.draw(action, phase);
    if (draw.latencyMs > 0) await delay(draw.latencyMs);
    return draw.terminal;
  }

  async #execute(
    action: SslActionName,
    params: Record<string, unknown>,
    context: HandlerContext,
  ): Promise<Answer> {
    // The table maps each action to its own handler type; the params were validated against that action's inputs.
    const handler = this.#deps.handlers[action] as ActionHandler<SslActionName> | undefined;
    if (handler === undefined) {
      this.#deps.stats.recordRejected(action, 'UnsupportedOperation');
      return {
        kind: 'error',
        error: errorOf('UnsupportedOperation', `The emulator does not serve ${action} yet.`),
      };
    }
    try {
      const output = await handler(params as Parameters<typeof handler>[0], context);
      this.#deps.stats.recordExecuted(action, context.requestId, params);
      return { kind: 'success', output };
    } catch (error) {
      const emulatorError =
        error instanceof EmulatorError
          ? error
          : errorOf(
              'InternalError',
              `Internal error: ${error instanceof Error ? error.message : String(error)}`,
            );
      this.#deps.stats.recordFailed(action, emulatorError.code);
      if (!isDocumentedErrorCode(action, emulatorError.code)) {
        this.#deps.onUndocumentedRefusal?.({
          action,
          code: emulatorError.code,
          message: emulatorError.message,
        });
      }
      return { kind: 'error', error: emulatorError };
    }
  }
}

/** Download links live outside the API envelope: a plain GET of a signed-looking URL, as the vendor's. */
function answerDownloadLink(
  deps: EmulatorServerDependencies,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  request.resume();
  const pathname = new URL(request.url ?? '/', 'http://emulator').pathname;
  const answer = serveDownloadLink(deps.state, deps.clock.now(), pathname);
  response.writeHead(answer.status, {
    'Content-Type': answer.contentType,
    'Content-Length': answer.body.length,
    ...(answer.filename === null
      ? {}
      : { 'Content-Disposition': `attachment; filename="${answer.filename}"` }),
  });
  response.end(answer.body);
}

/** Outside the envelope, as a front proxy would answer: the request never reached the API. */
function refuseNamedHost(request: IncomingMessage, response: ServerResponse): void {
  request.resume();
  const text = 'This emulator answers only requests addressed to an IP address or localhost.';
  response.writeHead(403, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

/** The emulator's HTTP front: the envelope, auth, validation, limits and faults around the domain handlers. */
export function createEmulatorServer(deps: EmulatorServerDependencies): Server {
  const processor = new RequestProcessor(deps);
  return createServer((request, response) => {
    if (deps.refuseNamedHosts) {
      const hostname = hostnameOfHostHeader(request.headers.host);
      if (hostname === undefined || !isRebindingSafeHostname(hostname)) {
        refuseNamedHost(request, response);
        return;
      }
    }
    // The emulator's clock is the server's clock: a stepped clock shows in `Date` as a real server's skew would,
    // so clients correct their timestamps the way they must against Tencent Cloud.
    response.setHeader('Date', new Date(deps.clock.now()).toUTCString());
    if (request.method === 'GET' && request.url?.startsWith(DOWNLOAD_PATH_PREFIX)) {
      answerDownloadLink(deps, request, response);
      return;
    }
    processor.process(request, response).catch((error: unknown) => {
      if (response.headersSent || request.socket.destroyed) return;
      const message = error instanceof Error ? error.message : String(error);
      writeEnvelope(response, randomUUID(), {
        kind: 'error',
        error: errorOf('InternalError', `Internal error: ${message}`),
      });
    });
  });
}
