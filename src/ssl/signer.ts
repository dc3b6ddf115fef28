import { createHash, createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { inspect } from 'node:util';
import { type BoundedMemo, boundedMemo } from '../support/bounded-memo.ts';

/**
 * TC3-HMAC-SHA256 request signing (Tencent Cloud API 3.0, signature v3).
 *
 * The derived signing key only changes with (secret key, UTC date, service), so it is cached: a signature then
 * costs two SHA-256 hashes (payload, canonical request) and one HMAC. It is cached as a KeyObject: on Node 24 an
 * HMAC keyed by a Buffer converts the key on every call (13 µs, against 2 µs with a KeyObject).
 */

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';

export interface Tc3SignInput {
  readonly secretId: string;
  readonly secretKey: string;
  /** Host prefix, e.g. `ssl`. */
  readonly service: string;
  /** UNIX seconds, exactly as sent in X-TC-Timestamp. */
  readonly timestamp: number;
  /** Exact request body bytes (a string is hashed as UTF-8). */
  readonly payload: string | Uint8Array;
  /** The headers to sign, with the values exactly as sent. Must include content-type and host. */
  readonly headers: Readonly<Record<string, string>>;
  readonly method?: 'POST' | 'GET';
  readonly canonicalQueryString?: string;
}

export interface CanonicalHeaders {
  /** `name:value\n` lines, sorted by name. */
  readonly canonical: string;
  /** The header names, `;`-joined. */
  readonly signedHeaders: string;
}

export interface SigningKeySteps {
  readonly secretDate: Buffer;
  readonly secretService: Buffer;
  readonly secretSigning: Buffer;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The credential-scope date: the UTC calendar date of the timestamp (never local time). */
export function utcDateOfTimestamp(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

/** Lower-cased names, trimmed and lower-cased values, sorted by name (as in the vendor's worked example). */
export function canonicalizeHeaders(headers: Readonly<Record<string, string>>): CanonicalHeaders {
  const entries = Object.entries(headers).map(
    ([name, value]) => [name.trim().toLowerCase(), value.trim().toLowerCase()] as const,
  );
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let canonical = '';
  const names: string[] = [];
  for (const [name, value] of entries) {
    canonical += `${name}:${value}\n`;
    names.push(name);
  }
  return { canonical, signedHeaders: names.join(';') };
}

export function buildCanonicalRequest(
  method: string,
  canonicalQueryString: string,
  headers: CanonicalHeaders,
  hashedPayload: string,
): string {
  return `${method}\n/\n${canonicalQueryString}\n${headers.canonical}\n${headers.signedHeaders}\n${hashedPayload}`;
}

export function credentialScope(date: string, service: string): string {
  return `${date}/${service}/tc3_request`;
}

export function buildStringToSign(timestamp: number, scope: string, hashedCanonicalRequest: string): string {
  return `${TC3_ALGORITHM}\n${timestamp}\n${scope}\n${hashedCanonicalRequest}`;
}

export function deriveSigningKeySteps(secretKey: string, date: string, service: string): SigningKeySteps {
  const secretDate = createHmac('sha256', `TC3${secretKey}`).update(date).digest();
  const secretService = createHmac('sha256', secretDate).update(service).digest();
  const secretSigning = createHmac('sha256', secretService).update('tc3_request').digest();
  return { secretDate, secretService, secretSigning };
}

export interface Tc3SignerOptions {
  /** Distinct (secret key, date, service) signing keys kept; the oldest is evicted first. */
  readonly maxCachedKeys?: number;
}

export class Tc3Signer {
  /** Keyed by a string that contains the secret key: the memo's map is reachable from this private field only. */
  readonly #signingKeyOf: BoundedMemo<string, KeyObject>;

  constructor(options: Tc3SignerOptions = {}) {
    this.#signingKeyOf = boundedMemo(
      (cacheKey: string) => {
        const [date = '', service = ''] = cacheKey.split('\n', 2);
        const secretKey = cacheKey.slice(date.length + service.length + 2);
        return createSecretKey(deriveSigningKeySteps(secretKey, date, service).secretSigning);
      },
      Math.max(1, options.maxCachedKeys ?? 32),
    );
  }

  get cachedKeyCount(): number {
    return this.#signingKeyOf.size;
  }

  /** Returns the value of the Authorization header. */
  sign(input: Tc3SignInput): string {
    const method = input.method ?? 'POST';
    const headers = canonicalizeHeaders(input.headers);
    const canonicalRequest = buildCanonicalRequest(
      method,
      input.canonicalQueryString ?? '',
      headers,
      sha256Hex(input.payload),
    );
    const date = utcDateOfTimestamp(input.timestamp);
    const scope = credentialScope(date, input.service);
    const stringToSign = buildStringToSign(input.timestamp, scope, sha256Hex(canonicalRequest));
    const signingKey = this.#signingKeyOf(`${date}\n${input.service}\n${input.secretKey}`);
    const signature = createHmac('sha256', signingKey).update(stringToSign).digest('hex');
    return `${TC3_ALGORITHM} Credential=${input.secretId}/${scope}, SignedHeaders=${headers.signedHeaders}, Signature=${signature}`;
  }

  toJSON(): { cachedKeyCount: number } {
    return { cachedKeyCount: this.cachedKeyCount };
  }

  [inspect.custom](): string {
    return `Tc3Signer { cachedKeyCount: ${this.cachedKeyCount} }`;
  }
}
