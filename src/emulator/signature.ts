import { createHash, createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto';
import { boundedMemo } from '../support/bounded-memo.ts';
import { EmulatorError } from './handler.ts';

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';
/** The upstream tolerates this much skew between X-TC-Timestamp and its own clock. */
export const MAX_TIMESTAMP_SKEW_SECONDS = 300;

export interface EmulatorCredentials {
  readonly secretId: string;
  readonly secretKey: string;
  /** When set, every request must carry it as X-TC-Token (temporary credentials). */
  readonly sessionToken?: string | undefined;
}

/** What the verifier needs from an HTTP request; header names are lower-case (as Node gives them). */
export interface SignedRequest {
  readonly method: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
}

export interface ParsedAuthorization {
  readonly secretId: string;
  readonly date: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, message: string): Buffer {
  return createHmac('sha256', key).update(message, 'utf8').digest();
}

/** The UTC calendar date of a Unix timestamp, as the credential scope carries it. */
export function utcDateOfTimestamp(timestampSeconds: number): string {
  return new Date(timestampSeconds * 1000).toISOString().slice(0, 10);
}

export interface Tc3SigningInput {
  readonly secretKey: string;
  readonly service: string;
  readonly timestampSeconds: number;
  readonly method: string;
  /** Lower-case header name → value exactly as sent; only the headers to sign. */
  readonly signedHeaders: Readonly<Record<string, string>>;
  readonly payload: string | Buffer;
}

/** Signature v3 (CATALOGUE §3): canonical request → string to sign → derived key → hex signature. */
export function computeTc3Signature(input: Tc3SigningInput): string {
  const names = Object.keys(input.signedHeaders).sort();
  const canonicalHeaders = names
    .map((name) => `${name}:${(input.signedHeaders[name] ?? '').trim().toLowerCase()}\n`)
    .join('');
  const canonicalRequest = [
    input.method.toUpperCase(),
    '/',
    '',
    canonicalHeaders,
    names.join(';'),
    sha256Hex(input.payload),
  ].join('\n');
  const date = utcDateOfTimestamp(input.timestampSeconds);
  const stringToSign = [
    TC3_ALGORITHM,
    String(input.timestampSeconds),
    `${date}/${input.service}/tc3_request`,
    sha256Hex(canonicalRequest),
  ].join('\n');
  return createHmac('sha256', signingKey(JSON.stringify([input.secretKey, date, input.service])))
    .update(stringToSign, 'utf8')
    .digest('hex');
}

/**
 * The derived key depends on the secret key, the UTC date and the service only, so it is derived once per day
 * (the real API can cache it the same way); three of a verification's four HMACs were this. A KeyObject, because
 * Node 24 converts a Buffer key on every HMAC.
 */
const signingKey = boundedMemo((scope: string): KeyObject => {
  const [secretKey, date, service] = JSON.parse(scope) as [string, string, string];
  const secretDate = hmac(`TC3${secretKey}`, date);
  const secretService = hmac(secretDate, service);
  return createSecretKey(hmac(secretService, 'tc3_request'));
}, 100);

function invalidAuthorization(reason: string): EmulatorError {
  return new EmulatorError(
    'AuthFailure.InvalidAuthorization',
    `Authorization header does not follow the Tencent Cloud standard: ${reason}.`,
  );
}

/** Parses `TC3-HMAC-SHA256 Credential=.../date/service/tc3_request, SignedHeaders=..., Signature=...`. */
export function parseAuthorization(header: string): ParsedAuthorization {
  const match = /^(\S+)\s+(.*)$/.exec(header.trim());
  if (!match)
    throw invalidAuthorization('expected "<algorithm> Credential=..., SignedHeaders=..., Signature=..."');
  const [, algorithm, rest = ''] = match;
  if (algorithm !== TC3_ALGORITHM) throw invalidAuthorization(`unsupported algorithm ${algorithm}`);
  const parts = new Map<string, string>();
  for (const part of rest.split(',')) {
    const separator = part.indexOf('=');
    if (separator < 0) throw invalidAuthorization(`malformed element "${part.trim()}"`);
    parts.set(part.slice(0, separator).trim(), part.slice(separator + 1).trim());
  }
  const credential = parts.get('Credential');
  const signedHeaders = parts.get('SignedHeaders');
  const signature = parts.get('Signature');
  if (!credential || !signedHeaders || !signature) {
    throw invalidAuthorization('Credential, SignedHeaders and Signature are all required');
  }
  const scope = credential.split('/');
  if (scope.length !== 4 || scope[3] !== 'tc3_request') {
    throw invalidAuthorization('Credential must be <SecretId>/<Date>/<service>/tc3_request');
  }
  const [secretId = '', date = '', service = ''] = scope;
  if (!secretId || !/^\d{4}-\d{2}-\d{2}$/.test(date))
    throw invalidAuthorization('malformed credential scope');
  if (!/^[0-9a-f]{64}$/.test(signature))
    throw invalidAuthorization('Signature must be 64 lower-case hex digits');
  const headerNames = signedHeaders.split(';');
  if (headerNames.some((name) => name === '' || name !== name.toLowerCase())) {
    throw invalidAuthorization('SignedHeaders must be lower-case names separated by ";"');
  }
  return { secretId, date, service, signedHeaders: headerNames, signature };
}

function singleHeader(headers: SignedRequest['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function signatureMatches(expectedHex: string, receivedHex: string): boolean {
  const expected = Buffer.from(expectedHex, 'hex');
  const received = Buffer.from(receivedHex, 'hex');
  return expected.length === received.length && timingSafeEqual(expected, received);
}

/** The two forms of the Host header a client may have signed: as sent, and without its port (the SDKs). */
function hostCandidates(host: string): string[] {
  const withoutPort = host.replace(/:\d+$/, '');
  return withoutPort === host ? [host] : [host, withoutPort];
}

/**
 * Verifies a v3-signed request against the emulated account's key pair; returns the SecretId on success and
 * throws the documented AuthFailure.* error otherwise. Checks run in the order that gives the caller the most
 * useful answer: header shape, freshness, key, scope, signature, token.
 */
export function verifyTc3Request(
  request: SignedRequest,
  credentials: EmulatorCredentials,
  nowSeconds: number,
): { secretId: string } {
  const authorization = singleHeader(request.headers, 'authorization');
  if (!authorization) throw invalidAuthorization('the Authorization header is missing');
  const parsed = parseAuthorization(authorization);

  const timestampText = singleHeader(request.headers, 'x-tc-timestamp');
  if (timestampText === undefined) {
    throw new EmulatorError('MissingParameter', 'The request is missing a required parameter `Timestamp`.');
  }
  if (!/^\d{1,12}$/.test(timestampText.trim())) {
    throw new EmulatorError('InvalidParameter', 'X-TC-Timestamp must be Unix seconds (an integer).');
  }
  const timestampSeconds = Number(timestampText.trim());
  if (Math.abs(nowSeconds - timestampSeconds) > MAX_TIMESTAMP_SKEW_SECONDS) {
    throw new EmulatorError(
      'AuthFailure.SignatureExpire',
      `Signature expired: X-TC-Timestamp ${timestampSeconds} differs from the server time ${nowSeconds} by more than 5 minutes.`,
    );
  }
  if (parsed.secretId !== credentials.secretId) {
    throw new EmulatorError(
      'AuthFailure.SecretIdNotFound',
      'The SecretId does not exist or is disabled; check it has no missing or extra characters.',
    );
  }
  if (parsed.service !== 'ssl') {
    throw invalidAuthorization(`the credential scope names service "${parsed.service}", expected "ssl"`);
  }
  if (parsed.date !== utcDateOfTimestamp(timestampSeconds)) {
    throw invalidAuthorization(
      `the credential scope date ${parsed.date} is not the UTC date of X-TC-Timestamp (${utcDateOfTimestamp(timestampSeconds)})`,
    );
  }
  for (const required of ['content-type', 'host']) {
    if (!parsed.signedHeaders.includes(required))
      throw invalidAuthorization(`SignedHeaders must include ${required}`);
  }

  const host = singleHeader(request.headers, 'host') ?? '';
  const headerValues: Record<string, string> = {};
  for (const name of parsed.signedHeaders) {
    const value = singleHeader(request.headers, name);
    if (value === undefined) throw invalidAuthorization(`signed header ${name} is not in the request`);
    headerValues[name] = value;
  }
  const accepted = hostCandidates(host).some((hostForm) =>
    signatureMatches(
      computeTc3Signature({
        secretKey: credentials.secretKey,
        service: parsed.service,
        timestampSeconds,
        method: request.method,
        signedHeaders: { ...headerValues, host: hostForm },
        payload: request.body,
      }),
      parsed.signature,
    ),
  );
  if (!accepted) {
    throw new EmulatorError(
      'AuthFailure.SignatureFailure',
      'The provided credentials could not be validated. Please check your signature is correct.',
    );
  }

  const token = singleHeader(request.headers, 'x-tc-token');
  if (credentials.sessionToken !== undefined && token !== credentials.sessionToken) {
    throw new EmulatorError(
      'AuthFailure.TokenFailure',
      token === undefined ? 'Temporary credentials require X-TC-Token.' : 'The X-TC-Token is invalid.',
    );
  }
  if (credentials.sessionToken === undefined && token !== undefined && token !== '') {
    throw new EmulatorError('AuthFailure.TokenFailure', 'X-TC-Token must not be sent with long-term keys.');
  }
  return { secretId: parsed.secretId };
}
