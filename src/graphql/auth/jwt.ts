import { createGraphQLError } from 'graphql-yoga';
import { errors, type JWTPayload, type JWTVerifyOptions, jwtVerify } from 'jose';
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, type JwtKeySource } from '../../config/security.ts';
import { createSilentLogger, type Logger } from '../../observability/logger.ts';
import { JwksKeySet, SigningKeysUnavailable } from './jwks-key-set.ts';
import { type Authenticator, type AuthSession, SSL_SCOPES, type SslScope } from './session.ts';

/**
 * Bearer-token authentication (RFC 6750) with JWTs verified by `jose`. Every refusal is the same shape: HTTP 401,
 * a GraphQL error with `extensions.code: UNAUTHENTICATED`, a `WWW-Authenticate: Bearer` challenge and no data.
 * The token itself is never logged or echoed back.
 */

export interface JwtAuthOptions {
  readonly keys: JwtKeySource;
  readonly issuer?: string | undefined;
  readonly audience?: string | undefined;
  /** The `typ` header every token must carry (e.g. `at+jwt`, RFC 9068); unchecked when undefined. */
  readonly tokenType?: string | undefined;
  /** How long a token may be valid for, from its `iat` (or from now without one); default 24 h. */
  readonly maxTokenLifetimeSeconds?: number;
  /** Where a JWKS that cannot be fetched is reported (default: nowhere). */
  readonly logger?: Logger;
  /** The clock a JWKS's age is measured on (tests step it); real time by default. */
  readonly keySetClock?: () => number;
  /** How long one JWKS fetch may take (default 5 s). */
  readonly keySetFetchTimeoutMs?: number;
}

/** Only these algorithms are tried: a token naming any other (`none` included) is refused before verification. */
export const SHARED_SECRET_ALGORITHMS = ['HS256'] as const;
export const PUBLIC_KEY_ALGORITHMS = ['RS256', 'ES256'] as const;

/** Absorbs small clock drift between the issuer and this host, without keeping expired tokens alive for long. */
const CLOCK_TOLERANCE_SECONDS = 5;

const REALM = 'ssl-graph';
const KNOWN_SCOPES: ReadonlySet<string> = new Set(SSL_SCOPES);

function unauthenticated(message: string, challenge: string): Error {
  return createGraphQLError(message, {
    extensions: {
      code: 'UNAUTHENTICATED',
      http: { status: 401, headers: { 'WWW-Authenticate': challenge } },
    },
  });
}

/**
 * The issuer's keys cannot be had (see jwks-key-set.ts): no token can be checked, good or bad. A 503 the client may
 * retry, with a code of its own, rather than a 401 that would send users to log in again for nothing, or a masked
 * 500.
 */
function keysUnavailable(retryAfterMs: number): Error {
  return createGraphQLError(
    'Bearer tokens cannot be verified right now: the identity provider’s signing keys could not be fetched. Retry later.',
    {
      extensions: {
        code: 'AUTH_KEYS_UNAVAILABLE',
        http: {
          status: 503,
          headers: { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) },
        },
      },
    },
  );
}

/** RFC 6750 §3.1: no error code when the request carried no credentials at all. */
function missingToken(): Error {
  return unauthenticated(
    'Authentication required: send an access token in the Authorization header as "Bearer <token>".',
    `Bearer realm="${REALM}"`,
  );
}

function invalidToken(reason: string): Error {
  return unauthenticated(
    `The bearer token was refused: ${reason}.`,
    // Quotes would end the quoted-string early (RFC 9110 §5.6.4).
    `Bearer realm="${REALM}", error="invalid_token", error_description="${reason.replaceAll('"', "'")}"`,
  );
}

/** The compact JWS from `Authorization: Bearer <token>` (RFC 6750 §2.1; the scheme is case-insensitive). */
function bearerToken(request: Request): string {
  const header = request.headers.get('authorization');
  if (header === null || header.trim() === '') throw missingToken();
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header);
  if (match === null) throw invalidToken('the Authorization header is not "Bearer <token>"');
  return match[1] as string;
}

/** Why jose refused a token, in words safe to return: they name the failed check, never the token's content. */
function refusalReason(error: errors.JOSEError): string {
  if (error instanceof errors.JWTExpired) return 'it has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return 'it is not valid yet';
    if (error.claim === 'typ') return 'its "typ" header is not the token type this gateway accepts';
    return `its "${error.claim}" claim is not accepted`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'its signature does not verify';
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return 'it is signed with an algorithm this gateway does not accept';
  }
  if (error instanceof errors.JWKSNoMatchingKey) return 'no key of the issuer matches it';
  return 'it is not a well-formed signed JWT';
}

/**
 * Errors that describe the token. Anything else (a key in the issuer's set that cannot be imported) is the server's
 * fault; keys that cannot be fetched are SigningKeysUnavailable.
 */
function isTokenRefusal(error: unknown): error is errors.JOSEError {
  return (
    error instanceof errors.JWTExpired ||
    error instanceof errors.JWTClaimValidationFailed ||
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JOSEAlgNotAllowed ||
    error instanceof errors.JOSENotSupported ||
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWSInvalid ||
    error instanceof errors.JWTInvalid
  );
}

/**
 * Why a token that verified is still refused for its dates, or undefined. jose checks `exp` and `nbf`; it checks
 * `iat` only against a maximum age, which would make `iat` compulsory. Here a token without `iat` is accepted when
 * it expires within the maximum lifetime from now, so tokens of issuers that leave `iat` out keep working.
 */
function lifetimeRefusal(
  payload: JWTPayload,
  nowSeconds: number,
  maxLifetimeSeconds: number,
): string | undefined {
  const { iat, exp } = payload;
  if (iat !== undefined && iat > nowSeconds + CLOCK_TOLERANCE_SECONDS) return 'it was issued in the future';
  const issuedAt = iat ?? nowSeconds;
  if (exp !== undefined && exp - issuedAt > maxLifetimeSeconds + CLOCK_TOLERANCE_SECONDS) {
    return `it is valid for longer than the ${maxLifetimeSeconds} seconds this gateway accepts`;
  }
  return undefined;
}

/** The SSL scopes in the standard space-separated `scope` claim (RFC 8693 §4.2); other scopes are ignored. */
export function scopesFromClaim(payload: JWTPayload): ReadonlySet<SslScope> {
  const claim = payload.scope;
  if (claim === undefined) return new Set();
  if (typeof claim !== 'string') throw invalidToken('its "scope" claim is not a space-separated string');
  return new Set(claim.split(' ').filter((scope): scope is SslScope => KNOWN_SCOPES.has(scope)));
}

type TokenVerifier = (token: string, options: JWTVerifyOptions) => Promise<JWTPayload>;

function verifierFor(options: JwtAuthOptions): { verify: TokenVerifier; algorithms: readonly string[] } {
  const keys = options.keys;
  if (keys.kind === 'shared-secret') {
    return {
      verify: async (token, verifyOptions) => (await jwtVerify(token, keys.secret, verifyOptions)).payload,
      algorithms: SHARED_SECRET_ALGORITHMS,
    };
  }
  const keySet = new JwksKeySet({
    url: keys.url,
    logger: options.logger ?? createSilentLogger(),
    now: options.keySetClock,
    fetchTimeoutMs: options.keySetFetchTimeoutMs,
  });
  return {
    verify: async (token, verifyOptions) => {
      try {
        return (await jwtVerify(token, keySet.getKey, verifyOptions)).payload;
      } catch (error) {
        // A token without a `kid`, during a rotation, matches several keys: jose leaves trying them to the caller.
        if (!(error instanceof errors.JWKSMultipleMatchingKeys)) throw error;
        for await (const candidate of error) {
          try {
            return (await jwtVerify(token, candidate, verifyOptions)).payload;
          } catch (attempt) {
            if (!(attempt instanceof errors.JWSSignatureVerificationFailed)) throw attempt;
          }
        }
        throw new errors.JWSSignatureVerificationFailed();
      }
    },
    algorithms: PUBLIC_KEY_ALGORITHMS,
  };
}

export function createJwtAuthenticator(options: JwtAuthOptions): Authenticator {
  const { verify, algorithms } = verifierFor(options);
  const verifyOptions: JWTVerifyOptions = {
    algorithms: [...algorithms],
    issuer: options.issuer,
    audience: options.audience,
    typ: options.tokenType,
    // A token without an expiry would stay valid forever once leaked.
    requiredClaims: ['exp'],
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
  };
  const maxLifetimeSeconds = options.maxTokenLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;

  return async (request: Request): Promise<AuthSession> => {
    const token = bearerToken(request);
    let payload: JWTPayload;
    try {
      payload = await verify(token, verifyOptions);
    } catch (error) {
      if (isTokenRefusal(error)) throw invalidToken(refusalReason(error));
      if (error instanceof SigningKeysUnavailable) throw keysUnavailable(error.retryAfterMs);
      throw error;
    }
    const tooLong = lifetimeRefusal(payload, Math.floor(Date.now() / 1000), maxLifetimeSeconds);
    if (tooLong !== undefined) throw invalidToken(tooLong);
    return {
      subject: typeof payload.sub === 'string' ? payload.sub : null,
      scopes: scopesFromClaim(payload),
    };
  };
}
