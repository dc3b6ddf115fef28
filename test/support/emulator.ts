import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { EmulatorOptions, RunningEmulator, UndocumentedRefusal } from '../../src/emulator/index.ts';
import { startEmulator } from '../../src/emulator/index.ts';
import { Tc3Signer } from '../../src/ssl/signer.ts';

/** The IDs of the first `count` seeded certificates. */
export function seededCertificateIds(emulator: Pick<RunningEmulator, 'state'>, count: number): string[] {
  return emulator.state.certificates
    .all()
    .slice(0, count)
    .map((record) => record.id);
}

/**
 * The handler refusals an emulator answered with a code their action does not document (neither in its
 * section nor among the common codes, nor a decision CONTRACTS.md records). Pass `record` as the emulator's
 * `onUndocumentedRefusal`; `assertNone` throws when there was one, so closing the emulator fails the tests.
 */
export class UndocumentedRefusals {
  readonly #refusals: UndocumentedRefusal[] = [];

  readonly record = (refusal: UndocumentedRefusal): void => {
    this.#refusals.push(refusal);
  };

  assertNone(): void {
    if (this.#refusals.length === 0) return;
    const lines = this.#refusals.map(({ action, code, message }) => `${action} → ${code} (${message})`);
    throw new Error(`the emulator answered codes their actions do not document:\n${lines.join('\n')}`);
  }
}

/**
 * Starts an emulator for a test: seeded, rate limits off unless asked (tests fire calls in bursts). Its
 * close() fails when a handler answered a code its action does not document.
 */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const refusals = new UndocumentedRefusals();
  const emulator = await startEmulator({
    enforceRateLimits: false,
    onUndocumentedRefusal: refusals.record,
    ...options,
  });
  return {
    ...emulator,
    async close() {
      await emulator.close();
      refusals.assertNone();
    },
  };
}

export interface RawCall {
  readonly method?: string;
  readonly path?: string;
  readonly headers: Record<string, string>;
  readonly body?: string | Buffer;
}

export interface RawAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

/** Sends exactly these bytes and headers (including Host) over a fresh connection. */
export function sendRaw(emulator: Pick<RunningEmulator, 'port'>, call: RawCall): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: '127.0.0.1',
        port: emulator.port,
        method: call.method ?? 'POST',
        path: call.path ?? '/',
        headers: call.headers,
        agent: false,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(call.body);
  });
}

export interface SigningOverrides {
  readonly secretId?: string;
  readonly secretKey?: string;
  /** X-TC-Timestamp and the signature's timestamp (Unix seconds); the emulator clock's now by default. */
  readonly timestamp?: number;
  readonly service?: string;
  readonly version?: string | null;
  readonly token?: string;
  readonly region?: string;
  /** The Host header sent (and signed, unless signedHost says otherwise). */
  readonly host?: string;
  readonly signedHost?: string;
  readonly contentType?: string;
  /** Rewrites the Authorization header after signing (to produce malformed ones). */
  readonly rewriteAuthorization?: (authorization: string) => string;
}

const signer = new Tc3Signer();

/** Builds a v3-signed POST for the emulator, as a well-behaved client would, with knobs to break it. */
export function signedCall(
  emulator: Pick<RunningEmulator, 'port' | 'secretId' | 'secretKey' | 'clock'>,
  action: string,
  body: string | Buffer,
  overrides: SigningOverrides = {},
): RawCall {
  const timestamp = overrides.timestamp ?? emulator.clock.nowSeconds();
  const host = overrides.host ?? `127.0.0.1:${emulator.port}`;
  const contentType = overrides.contentType ?? 'application/json';
  const authorization = signer.sign({
    secretId: overrides.secretId ?? emulator.secretId,
    secretKey: overrides.secretKey ?? emulator.secretKey,
    service: overrides.service ?? 'ssl',
    timestamp,
    payload: body,
    headers: { 'content-type': contentType, host: overrides.signedHost ?? host },
  });
  const headers: Record<string, string> = {
    Host: host,
    'Content-Type': contentType,
    'X-TC-Action': action,
    'X-TC-Timestamp': String(timestamp),
    Authorization: overrides.rewriteAuthorization
      ? overrides.rewriteAuthorization(authorization)
      : authorization,
  };
  if (overrides.version !== null) headers['X-TC-Version'] = overrides.version ?? '2019-12-05';
  if (overrides.token !== undefined) headers['X-TC-Token'] = overrides.token;
  if (overrides.region !== undefined) headers['X-TC-Region'] = overrides.region;
  return { headers, body };
}

export interface EnvelopeError {
  readonly Code: string;
  readonly Message: string;
}

/** The `Response` object of an answer, checked to be the documented envelope. */
export type EnvelopeResponse = Record<string, unknown> & {
  readonly RequestId: string;
  readonly Error?: EnvelopeError;
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseEnvelope(answer: RawAnswer): EnvelopeResponse {
  if (answer.status !== 200)
    throw new Error(`expected HTTP 200, got ${answer.status}: ${answer.text.slice(0, 200)}`);
  const parsed: unknown = JSON.parse(answer.text);
  if (!isRecord(parsed) || !isRecord(parsed.Response))
    throw new Error(`not an envelope: ${answer.text.slice(0, 200)}`);
  const response = parsed.Response;
  if (typeof response.RequestId !== 'string') throw new Error('the envelope has no RequestId');
  if (response.Error !== undefined) {
    const error = response.Error;
    if (!isRecord(error) || typeof error.Code !== 'string' || typeof error.Message !== 'string') {
      throw new Error(`malformed Error: ${JSON.stringify(error)}`);
    }
  }
  return response as EnvelopeResponse;
}

/** Signs and sends one action call, returning the envelope's Response. */
export async function callAction(
  emulator: RunningEmulator,
  action: string,
  params: unknown = {},
  overrides: SigningOverrides = {},
): Promise<EnvelopeResponse> {
  return parseEnvelope(
    await sendRaw(emulator, signedCall(emulator, action, JSON.stringify(params), overrides)),
  );
}

/** Calls an action that must succeed and returns its Response (without Error). */
export async function callOk(
  emulator: RunningEmulator,
  action: string,
  params: unknown = {},
): Promise<EnvelopeResponse> {
  const response = await callAction(emulator, action, params);
  if (response.Error !== undefined) {
    throw new Error(`${action} failed: ${response.Error.Code}: ${response.Error.Message}`);
  }
  return response;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
