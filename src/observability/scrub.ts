/**
 * Removes secrets from anything on its way to a log line. Known paths are redacted by pino itself (see
 * logger.ts); this is the net under it: secrets that turn up inside free text (an error message quoting a
 * request, a stack, an upstream reason) are recognised by their shape, and the configured credentials by value.
 */

const REDACTED = '[redacted]';

/** A PEM private key block (PKCS#1, PKCS#8, EC, encrypted), also when its END line was cut off. */
const PEM_PRIVATE_KEY =
  /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g;
/** A lone header or footer, e.g. from a message quoting only the first line of a key. */
const PEM_PRIVATE_KEY_MARKER = /-----(?:BEGIN|END) [A-Z0-9 ]*PRIVATE KEY-----/g;
/** Tencent Cloud's signature-v3 Authorization value: credential scope, signed headers and signature. */
const TC3_AUTHORIZATION =
  /TC3-HMAC-SHA256\s+Credential=[^\s,]*(?:,\s*SignedHeaders=[^\s,]*)?(?:,\s*Signature=[0-9a-fA-F]*)?/g;
/** A signature quoted on its own, e.g. from a partial header. */
const SIGNATURE_VALUE = /\bSignature=[0-9a-fA-F]{16,}/g;
/** HTTP authorization schemes carrying a credential in the clear or as a token. */
const AUTHORIZATION_CREDENTIAL = /\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]+/gi;
/** A JSON Web Token: base64url header and payload (both JSON objects, so both start with eyJ) and a signature. */
const JSON_WEB_TOKEN = /\beyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g;

/** Shorter values would match too much ordinary text to be worth scrubbing by value. */
const MINIMUM_KNOWN_SECRET_LENGTH = 8;

export class SecretScrubber {
  readonly #knownSecrets: readonly string[];

  /** `knownSecrets`: configured credential values (secret key, session token), removed wherever they appear. */
  constructor(knownSecrets: readonly (string | undefined)[] = []) {
    this.#knownSecrets = knownSecrets
      .filter(
        (secret): secret is string => secret !== undefined && secret.length >= MINIMUM_KNOWN_SECRET_LENGTH,
      )
      // Longest first, so a secret containing another is removed whole.
      .sort((a, b) => b.length - a.length);
  }

  scrubText(text: string): string {
    let scrubbed = text
      .replace(PEM_PRIVATE_KEY, `${REDACTED} private key`)
      .replace(PEM_PRIVATE_KEY_MARKER, `${REDACTED} private key`)
      .replace(TC3_AUTHORIZATION, `TC3-HMAC-SHA256 ${REDACTED}`)
      .replace(SIGNATURE_VALUE, `Signature=${REDACTED}`)
      .replace(AUTHORIZATION_CREDENTIAL, (_match, scheme: string) => `${scheme} ${REDACTED}`)
      .replace(JSON_WEB_TOKEN, `${REDACTED} jwt`);
    for (const secret of this.#knownSecrets) scrubbed = scrubbed.replaceAll(secret, REDACTED);
    return scrubbed;
  }

  /**
   * A copy of `value` with every string scrubbed. Errors become plain objects (their message and stack are
   * free text); cycles and very deep nesting are cut rather than followed.
   */
  scrubValue(value: unknown): unknown {
    return this.#scrub(value, new WeakSet(), 0);
  }

  #scrub(value: unknown, seen: WeakSet<object>, depth: number): unknown {
    if (typeof value === 'string') return this.scrubText(value);
    if (typeof value !== 'object' || value === null) return value;
    if (seen.has(value)) return '[circular]';
    if (depth > 12) return '[too deep]';
    seen.add(value);
    if (value instanceof Error) return this.#scrubError(value, seen, depth);
    if (Array.isArray(value)) return value.map((item) => this.#scrub(item, seen, depth + 1));
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = this.#scrub(item, seen, depth + 1);
    return copy;
  }

  #scrubError(error: Error, seen: WeakSet<object>, depth: number): Record<string, unknown> {
    const serialized: Record<string, unknown> = {
      type: error.name,
      message: this.scrubText(error.message),
    };
    if (error.stack !== undefined) serialized.stack = this.scrubText(error.stack);
    // Own enumerable fields: codes, request ids, categories (SslError, GraphQLError extensions).
    for (const [key, item] of Object.entries(error)) serialized[key] = this.#scrub(item, seen, depth + 1);
    if (error.cause !== undefined) serialized.cause = this.#scrub(error.cause, seen, depth + 1);
    return serialized;
  }
}
