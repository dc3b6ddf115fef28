/**
 * Security: who may call (AUTH_*), from which browser origins (CORS_ORIGINS), what a request may cost (GRAPHQL_*)
 * and how long it may take to arrive (HTTP_*_TIMEOUT_MS), whether GraphiQL is served (GRAPHIQL). Loaded
 * separately from loadConfig because the authentication rule depends on the upstream mode.
 */
import {
  ConfigError,
  type Environment,
  read,
  readBoolean,
  readPositiveInteger,
  readSecret,
} from './environment.ts';
import type { UpstreamConfig } from './upstream.ts';

/**
 * A token valid for longer than this (exp − iat) is refused: once leaked, it would open the gateway until an
 * expiry its issuer may have set years ahead. Identity providers issue access tokens for minutes to hours; 24 h is
 * the longest common setting.
 */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 86_400;

/** HS256 keys shorter than the hash output are brute-forceable offline from any one token (RFC 7518 §3.2). */
export const MIN_JWT_SECRET_BYTES = 32;

/** How bearer tokens are verified: a shared HS256 secret, or the issuer's public keys (RS256/ES256) from a JWKS. */
export type JwtKeySource =
  | { readonly kind: 'shared-secret'; readonly secret: Uint8Array }
  | { readonly kind: 'jwks'; readonly url: URL };

export type AuthConfig =
  /** Every request gets every scope: the sandbox default, or AUTH_DISABLED=true chosen with real credentials. */
  | { readonly mode: 'disabled'; readonly reason: 'sandbox' | 'AUTH_DISABLED' }
  | {
      readonly mode: 'jwt';
      readonly keys: JwtKeySource;
      readonly issuer: string | undefined;
      readonly audience: string | undefined;
      /** The `typ` header tokens must carry (AUTH_TOKEN_TYPE), or undefined: not checked. */
      readonly tokenType: string | undefined;
      /** The longest validity a token may have, exp − iat (AUTH_MAX_TOKEN_LIFETIME_SECONDS). */
      readonly maxTokenLifetimeSeconds: number;
    };

/** Per-operation limits against hostile queries (GraphQL Armor rules, the request body limit). */
export interface QueryLimits {
  readonly maxDepth: number;
  readonly maxCost: number;
  readonly maxAliases: number;
  readonly maxTokens: number;
  readonly maxDirectives: number;
  readonly maxBodyBytes: number;
  /** Representations one operation may pass to federation's `_entities`, over all its `_entities` fields. */
  readonly maxEntityRepresentations: number;
  /** Upstream calls one operation may make at most, as estimated before it runs (upstream-call-estimate.ts). */
  readonly maxUpstreamCalls: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = Object.freeze({
  // The deepest legitimate path (certificate → connection → edges → node → nested object → field) is 7 levels.
  maxDepth: 10,
  // Cost multiplies by the `first` a page runs with (written, sent as a variable, or the default 20 when
  // omitted: page-sizes.ts): a full page of 100 certificates with ~40 fields costs about 15 000, while a page of
  // 100 with a nested connection of 100 costs far more than 20 000.
  maxCost: 20_000,
  // Aliased by-id lookups are a legitimate way to fetch many certificates at once, and the loaders answer up to
  // 50 of them with one upstream call (the API's ID-list batch size), so 50 aliases are allowed, not Armor's 15.
  maxAliases: 50,
  // Fifty aliased lookups with a few fields each take about 800 tokens; Armor's default of 1000 is too tight.
  maxTokens: 2000,
  maxDirectives: 50,
  // The API takes confirmation and revocation letters of up to 1.4 MB, which base64 makes 1.87 MB.
  maxBodyBytes: 2_097_152,
  // A hard ceiling on the list a router passes `_entities` (it sends every reference of a plan step in one fetch,
  // and nothing splits it). What the references cost is bounded by the cost limit (each one an object of the
  // selection) and the upstream-call limit (each priced by its type): 1000 certificate references are 20 calls,
  // 101 manager references are refused there. This only bounds the work of checking and resolving the list.
  maxEntityRepresentations: 1000,
  // The API allows most actions 10 calls a second per account, and every caller shares them: 100 calls are ten
  // seconds of one action, about as long as the client lets a call wait for the quota before failing it. Pages
  // of up to 99 certificates with one per-certificate relation (deploy records, detail fields…) fit; a page of
  // 100 with one, or of 50 with two, does not.
  maxUpstreamCalls: 100,
});

/**
 * How long a client may take to send a request (node:http's headersTimeout and requestTimeout): a slow client
 * holds a socket and a parser while it dribbles bytes. Answers are not covered: a subscription streams for as long
 * as it lasts.
 */
export interface ServerTimeouts {
  /** Until the request's headers are complete. */
  readonly headersTimeoutMs: number;
  /** Until the whole request, body included, is received. */
  readonly requestTimeoutMs: number;
}

export const DEFAULT_SERVER_TIMEOUTS: ServerTimeouts = Object.freeze({
  // Headers are a few hundred bytes: any client sends them at once.
  headersTimeoutMs: 15_000,
  // A body is at most GRAPHQL_MAX_BODY_BYTES (2 MB by default): 30 s allows about 70 KB/s.
  requestTimeoutMs: 30_000,
});

/** Above this a timeout protects nothing (Node's own default for the whole request is 5 minutes). */
const MAX_SERVER_TIMEOUT_MS = 600_000;

/**
 * Browser origins allowed to read responses cross-origin. `same-origin`: no CORS headers at all, so only pages
 * served by the gateway itself (GraphiQL) can read answers; `any`: every origin (tokens are bearer headers, never
 * cookies, so a foreign page cannot borrow a user's credentials).
 */
export type CorsPolicy =
  | { readonly kind: 'same-origin' }
  | { readonly kind: 'any' }
  | { readonly kind: 'origins'; readonly origins: readonly string[] };

/**
 * Which Host headers the gateway answers. `any`: every one (with authentication on, a request without a token
 * gets nothing, whatever its host). `listed`: the names given, besides IP literals and localhost, which are always
 * answered (see host-check.ts).
 */
export type HostPolicy =
  | { readonly kind: 'any' }
  | { readonly kind: 'listed'; readonly hosts: readonly string[] };

export interface SecurityConfig {
  readonly auth: AuthConfig;
  readonly cors: CorsPolicy;
  readonly hosts: HostPolicy;
  readonly graphiql: boolean;
  readonly introspection: boolean;
  /** "Did you mean …?" hints leak field names; blocked in production or when introspection is off. */
  readonly blockFieldSuggestions: boolean;
  readonly limits: QueryLimits;
  readonly serverTimeouts: ServerTimeouts;
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

function readJwksUrl(env: Environment): URL | undefined {
  const text = read(env, 'AUTH_JWKS_URL');
  if (text === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError('AUTH_JWKS_URL', 'must be an absolute https URL of the issuer’s JSON Web Key Set');
  }
  // Keys fetched over plain http could be swapped in transit, and then any forged token verifies.
  const allowed = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  if (!allowed) {
    throw new ConfigError(
      'AUTH_JWKS_URL',
      `must use https (http is accepted for loopback hosts only), got ${url.protocol}//${url.host}`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new ConfigError('AUTH_JWKS_URL', 'must not contain user information');
  }
  return url;
}

function readJwtSecret(env: Environment): Uint8Array | undefined {
  const secret = readSecret(env, 'AUTH_JWT_SECRET');
  if (secret === undefined) return undefined;
  const bytes = new TextEncoder().encode(secret);
  if (bytes.byteLength < MIN_JWT_SECRET_BYTES) {
    // Said without the value or its length: a short secret's length narrows a brute-force search.
    throw new ConfigError(
      'AUTH_JWT_SECRET',
      `must be at least ${MIN_JWT_SECRET_BYTES} bytes (e.g. \`openssl rand -base64 48\`)`,
    );
  }
  return bytes;
}

const HOW_TO_CONFIGURE_AUTH =
  'set AUTH_JWT_SECRET (a shared HS256 secret of at least 32 bytes) or AUTH_JWKS_URL (the https URL of your ' +
  'identity provider’s JSON Web Key Set, for RS256/ES256 tokens) with AUTH_AUDIENCE, optionally with AUTH_ISSUER';

function readAuth(env: Environment, upstream: UpstreamConfig): AuthConfig {
  const disabled = readBoolean(env, 'AUTH_DISABLED');
  const secret = readJwtSecret(env);
  const jwksUrl = readJwksUrl(env);
  const issuer = read(env, 'AUTH_ISSUER');
  const audience = read(env, 'AUTH_AUDIENCE');
  const tokenType = read(env, 'AUTH_TOKEN_TYPE');
  const maxLifetimeText = read(env, 'AUTH_MAX_TOKEN_LIFETIME_SECONDS');
  const maxTokenLifetimeSeconds = readPositiveInteger(
    env,
    'AUTH_MAX_TOKEN_LIFETIME_SECONDS',
    DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
  );
  const tokenRules = [issuer, audience, tokenType, maxLifetimeText].some((value) => value !== undefined);

  if (secret !== undefined && jwksUrl !== undefined) {
    throw new ConfigError(
      'AUTH_JWKS_URL',
      'is set together with AUTH_JWT_SECRET; configure one way to verify tokens, not both',
    );
  }
  const keys: JwtKeySource | undefined =
    secret !== undefined
      ? { kind: 'shared-secret', secret }
      : jwksUrl !== undefined
        ? { kind: 'jwks', url: jwksUrl }
        : undefined;

  if (disabled === true) {
    if (keys !== undefined || tokenRules) {
      throw new ConfigError(
        'AUTH_DISABLED',
        'is true but AUTH_* token settings are also set; remove one or the other',
      );
    }
    return { mode: 'disabled', reason: upstream.mode === 'sandbox' ? 'sandbox' : 'AUTH_DISABLED' };
  }
  if (keys === undefined) {
    if (tokenRules) {
      throw new ConfigError(
        'AUTH_JWT_SECRET',
        `is not set but rules for tokens (AUTH_ISSUER, AUTH_AUDIENCE, AUTH_TOKEN_TYPE or ` +
          `AUTH_MAX_TOKEN_LIFETIME_SECONDS) are; ${HOW_TO_CONFIGURE_AUTH}`,
      );
    }
    if (disabled === false) {
      throw new ConfigError(
        'AUTH_DISABLED',
        `is false but no way to verify tokens is set; ${HOW_TO_CONFIGURE_AUTH}`,
      );
    }
    if (upstream.mode === 'tencent-cloud') {
      // Real credentials behind an open endpoint would hand anyone who reaches it the account's private keys.
      throw new ConfigError(
        'AUTH_JWT_SECRET',
        `is not set: with real Tencent Cloud credentials the gateway requires authentication. To require ` +
          `bearer tokens, ${HOW_TO_CONFIGURE_AUTH}. To serve without authentication on purpose (e.g. behind an ` +
          'authenticating proxy), set AUTH_DISABLED=true',
      );
    }
    return { mode: 'disabled', reason: 'sandbox' };
  }
  if (keys.kind === 'jwks' && audience === undefined) {
    // An identity provider signs tokens for every application it serves, ID tokens included: without an audience
    // any of them would open the gateway, with whatever `ssl:*` scopes another API happens to define.
    throw new ConfigError(
      'AUTH_AUDIENCE',
      'is required with AUTH_JWKS_URL: set it to the audience (API identifier) your identity provider puts in the ' +
        '`aud` claim of access tokens for this gateway, so that tokens it issues for other applications are refused',
    );
  }
  return { mode: 'jwt', keys, issuer, audience, tokenType, maxTokenLifetimeSeconds };
}

function readOrigin(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError('CORS_ORIGINS', `"${text}" is not an origin such as https://app.example.com`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== text) {
    throw new ConfigError(
      'CORS_ORIGINS',
      `"${text}" is not an origin: write scheme://host[:port] with no path or trailing slash, e.g. ${url.origin}`,
    );
  }
  return url.origin;
}

function readCors(env: Environment): CorsPolicy {
  const text = read(env, 'CORS_ORIGINS');
  if (text === undefined) return { kind: 'same-origin' };
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.includes('*')) {
    if (entries.length > 1)
      throw new ConfigError('CORS_ORIGINS', 'is either * or a list of origins, not both');
    return { kind: 'any' };
  }
  if (entries.length === 0) return { kind: 'same-origin' };
  return { kind: 'origins', origins: [...new Set(entries.map(readOrigin))] };
}

/**
 * ALLOWED_HOSTS, or by default: every host with authentication on, and only IP literals and localhost without it
 * (the sandbox, AUTH_DISABLED), whose answers DNS rebinding could otherwise hand to any web page.
 */
function readHosts(env: Environment, auth: AuthConfig): HostPolicy {
  const text = read(env, 'ALLOWED_HOSTS');
  if (text === undefined) return auth.mode === 'disabled' ? { kind: 'listed', hosts: [] } : { kind: 'any' };
  const entries = text
    .split(',')
    .map((entry) => entry.trim().toLowerCase().replace(/\.$/, ''))
    .filter((entry) => entry !== '');
  if (entries.includes('*')) {
    if (entries.length > 1)
      throw new ConfigError('ALLOWED_HOSTS', 'is either * or a list of host names, not both');
    return { kind: 'any' };
  }
  for (const entry of entries) {
    if (!HOST_NAME.test(entry)) {
      throw new ConfigError('ALLOWED_HOSTS', `must list host names without scheme or port, got "${entry}"`);
    }
  }
  return { kind: 'listed', hosts: [...new Set(entries)] };
}

const HOST_NAME =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

function readLimits(env: Environment): QueryLimits {
  return {
    maxDepth: readPositiveInteger(env, 'GRAPHQL_MAX_DEPTH', DEFAULT_QUERY_LIMITS.maxDepth),
    maxCost: readPositiveInteger(env, 'GRAPHQL_MAX_COST', DEFAULT_QUERY_LIMITS.maxCost),
    maxAliases: readPositiveInteger(env, 'GRAPHQL_MAX_ALIASES', DEFAULT_QUERY_LIMITS.maxAliases),
    maxTokens: readPositiveInteger(env, 'GRAPHQL_MAX_TOKENS', DEFAULT_QUERY_LIMITS.maxTokens),
    maxDirectives: readPositiveInteger(env, 'GRAPHQL_MAX_DIRECTIVES', DEFAULT_QUERY_LIMITS.maxDirectives),
    maxBodyBytes: readPositiveInteger(env, 'GRAPHQL_MAX_BODY_BYTES', DEFAULT_QUERY_LIMITS.maxBodyBytes),
    maxEntityRepresentations: readPositiveInteger(
      env,
      'GRAPHQL_MAX_ENTITIES',
      DEFAULT_QUERY_LIMITS.maxEntityRepresentations,
    ),
    maxUpstreamCalls: readPositiveInteger(
      env,
      'GRAPHQL_MAX_UPSTREAM_CALLS',
      DEFAULT_QUERY_LIMITS.maxUpstreamCalls,
    ),
  };
}

function readTimeout(env: Environment, name: string, fallback: number): number {
  const value = readPositiveInteger(env, name, fallback);
  if (value > MAX_SERVER_TIMEOUT_MS) {
    throw new ConfigError(name, `must be at most ${MAX_SERVER_TIMEOUT_MS} (10 minutes), got ${value}`);
  }
  return value;
}

function readServerTimeouts(env: Environment): ServerTimeouts {
  const headersTimeoutMs = readTimeout(
    env,
    'HTTP_HEADERS_TIMEOUT_MS',
    DEFAULT_SERVER_TIMEOUTS.headersTimeoutMs,
  );
  const requestTimeoutMs = readTimeout(
    env,
    'HTTP_REQUEST_TIMEOUT_MS',
    DEFAULT_SERVER_TIMEOUTS.requestTimeoutMs,
  );
  // node:http refuses a server whose headers may take longer than the whole request.
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new ConfigError(
      'HTTP_HEADERS_TIMEOUT_MS',
      `(${headersTimeoutMs}) must not exceed HTTP_REQUEST_TIMEOUT_MS (${requestTimeoutMs})`,
    );
  }
  return { headersTimeoutMs, requestTimeoutMs };
}

/**
 * The security settings. GraphiQL is on unless NODE_ENV=production; introspection stays on by default in every
 * mode, because supergraph composition and GraphiQL need it and, with authentication on, only token holders
 * reach it anyway.
 */
export function loadSecurityConfig(env: Environment, upstream: UpstreamConfig): SecurityConfig {
  const production = read(env, 'NODE_ENV') === 'production';
  const introspection = readBoolean(env, 'GRAPHQL_INTROSPECTION') ?? true;
  const auth = readAuth(env, upstream);
  return {
    auth,
    cors: readCors(env),
    hosts: readHosts(env, auth),
    graphiql: readBoolean(env, 'GRAPHIQL') ?? !production,
    introspection,
    blockFieldSuggestions: production || !introspection,
    limits: readLimits(env),
    serverTimeouts: readServerTimeouts(env),
  };
}
