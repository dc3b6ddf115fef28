/**
 * The gateway's configuration, read from environment variables. `loadConfig` is a pure function of the env
 * object so every rule is testable; an invalid setting throws a ConfigError naming the variable (never its value
 * when the value is a secret).
 */

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

export const DEFAULT_PORT = 4000;
/**
 * Loopback by default, so a developer's sandbox is not reachable from the network by accident. Containers set
 * HOST=0.0.0.0 explicitly: inside a container only a published port is reachable anyway.
 */
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_SSL_API_ENDPOINT = 'https://ssl.tencentcloudapi.com';

/** The region values the SSL API accepts (CATALOGUE §2, ssl-api-spec.json `transport.regions`). */
export const SSL_API_REGIONS = [
  'ap-bangkok',
  'ap-beijing',
  'ap-chengdu',
  'ap-chongqing',
  'ap-guangzhou',
  'ap-hongkong',
  'ap-jakarta',
  'ap-nanjing',
  'ap-seoul',
  'ap-shanghai',
  'ap-shanghai-fsi',
  'ap-shenzhen-fsi',
  'ap-singapore',
  'ap-tokyo',
  'eu-frankfurt',
  'na-ashburn',
  'na-siliconvalley',
  'sa-saopaulo',
] as const;
export type SslApiRegion = (typeof SSL_API_REGIONS)[number];

export const SSL_API_LANGUAGES = ['zh-CN', 'en-US'] as const;
export type SslApiLanguage = (typeof SSL_API_LANGUAGES)[number];

export interface TencentCloudCredentialsConfig {
  readonly secretId: string;
  readonly secretKey: string;
  readonly sessionToken: string | undefined;
}

/**
 * Sandbox: no credentials configured, so the process serves the graph over the built-in emulator.
 * Tencent Cloud: credentials configured, calls go to `endpoint`.
 */
export type UpstreamConfig =
  | { readonly mode: 'sandbox' }
  | {
      readonly mode: 'tencent-cloud';
      readonly endpoint: string;
      readonly credentials: TencentCloudCredentialsConfig;
    };

export interface GatewayConfig {
  readonly port: number;
  readonly host: string;
  readonly upstream: UpstreamConfig;
  readonly region: SslApiRegion | undefined;
  readonly language: SslApiLanguage | undefined;
}

export type Environment = Readonly<Record<string, string | undefined>>;

/** Empty values count as unset: env files and compose often define a variable with nothing after `=`. */
function read(env: Environment, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

function readPort(env: Environment): number {
  const text = read(env, 'PORT');
  if (text === undefined) return DEFAULT_PORT;
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(port >= 0 && port <= 65_535)) {
    throw new ConfigError(
      'PORT',
      `must be a whole number from 0 to 65535 (0 picks a free port), got "${text}"`,
    );
  }
  return port;
}

function readHost(env: Environment): string {
  const host = read(env, 'HOST') ?? DEFAULT_HOST;
  // One colon means host:port; IPv6 literals (::1) have several.
  const colons = host.split(':').length - 1;
  if (/[\s/@]/.test(host) || colons === 1) {
    throw new ConfigError(
      'HOST',
      `must be a bare host name or IP address (no scheme, path or port), got "${host}"`,
    );
  }
  return host;
}

function readSecret(env: Environment, name: string): string | undefined {
  const value = read(env, name);
  if (value !== undefined && value.trim() !== value) {
    // Said without the value: this is a credential.
    throw new ConfigError(name, 'has leading or trailing whitespace (a copy-paste slip?)');
  }
  return value;
}

function readEndpoint(env: Environment): string | undefined {
  const text = read(env, 'SSL_API_ENDPOINT');
  if (text === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(
      'SSL_API_ENDPOINT',
      'must be an absolute http(s) URL, e.g. https://ssl.tencentcloudapi.com',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(
      'SSL_API_ENDPOINT',
      `must use http or https, not ${url.protocol.replace(/:$/, '')}`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new ConfigError(
      'SSL_API_ENDPOINT',
      'must not contain user information; credentials go in TENCENTCLOUD_*',
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw new ConfigError('SSL_API_ENDPOINT', 'must not have a query string or fragment');
  }
  return text;
}

function readEnumeration<T extends string>(
  env: Environment,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const value = read(env, name);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${value}"`);
  }
  return value as T;
}

function readUpstream(env: Environment): UpstreamConfig {
  const secretId = readSecret(env, 'TENCENTCLOUD_SECRET_ID');
  const secretKey = readSecret(env, 'TENCENTCLOUD_SECRET_KEY');
  const sessionToken = readSecret(env, 'TENCENTCLOUD_SESSION_TOKEN');
  const endpoint = readEndpoint(env);

  if (secretId === undefined) {
    if (secretKey !== undefined) {
      throw new ConfigError(
        'TENCENTCLOUD_SECRET_ID',
        'is not set but TENCENTCLOUD_SECRET_KEY is; set both or neither',
      );
    }
    if (sessionToken !== undefined) {
      throw new ConfigError('TENCENTCLOUD_SECRET_ID', 'is not set but TENCENTCLOUD_SESSION_TOKEN is');
    }
    // Pointing at a real endpoint without credentials is a half-done setup, not a request for the sandbox.
    if (endpoint !== undefined) {
      throw new ConfigError(
        'TENCENTCLOUD_SECRET_ID',
        'is not set but SSL_API_ENDPOINT is; set the credentials for that endpoint, or unset SSL_API_ENDPOINT ' +
          'to use the built-in sandbox',
      );
    }
    return { mode: 'sandbox' };
  }
  if (secretKey === undefined) {
    throw new ConfigError(
      'TENCENTCLOUD_SECRET_KEY',
      'is not set but TENCENTCLOUD_SECRET_ID is; set both or neither',
    );
  }
  return {
    mode: 'tencent-cloud',
    endpoint: endpoint ?? DEFAULT_SSL_API_ENDPOINT,
    credentials: { secretId, secretKey, sessionToken },
  };
}

export function loadConfig(env: Environment): GatewayConfig {
  return {
    port: readPort(env),
    host: readHost(env),
    upstream: readUpstream(env),
    region: readEnumeration(env, 'SSL_API_REGION', SSL_API_REGIONS),
    language: readEnumeration(env, 'SSL_API_LANGUAGE', SSL_API_LANGUAGES),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Operations: logging (LOG_LEVEL), shutdown (SHUTDOWN_TIMEOUT_MS), sandbox latency (SANDBOX_UPSTREAM_LATENCY_MS).
// Loaded separately from loadConfig, like the security settings, because one rule depends on the upstream mode.

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** In-flight operations get this long to finish after SIGTERM/SIGINT before their connections are cut. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;
/** Orchestrators kill a container some time after SIGTERM anyway (Kubernetes: 30 s by default). */
const MAX_SHUTDOWN_TIMEOUT_MS = 600_000;
const MAX_SANDBOX_UPSTREAM_LATENCY_MS = 60_000;
/**
 * Long enough that a burst of page loads (a dashboard opened by a team, a list re-rendered) costs one upstream
 * call per distinct read, short enough that a change made outside this gateway shows within seconds.
 */
export const DEFAULT_READ_CACHE_TTL_MS = 3_000;
/** Certificate data changes at day granularity, but a change made in the console should not hide for longer. */
const MAX_READ_CACHE_TTL_MS = 300_000;

export interface OperationsConfig {
  readonly logLevel: LogLevel;
  readonly shutdownTimeoutMs: number;
  /**
   * Latency the sandbox emulator adds to every call, to see slow-upstream behaviour (and test graceful
   * shutdown) without an account. 0 outside the sandbox.
   */
  readonly sandboxUpstreamLatencyMs: number;
  /**
   * How long read answers are shared across requests (SSL_READ_CACHE_TTL_MS, src/ssl/read-cache.ts); 0 turns the
   * cross-request cache off.
   */
  readonly readCacheTtlMs: number;
}

function readMilliseconds(env: Environment, name: string, fallback: number, maximum: number): number {
  const text = read(env, name);
  if (text === undefined) return fallback;
  const value = /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= 0 && value <= maximum)) {
    throw new ConfigError(name, `must be a whole number of milliseconds from 0 to ${maximum}, got "${text}"`);
  }
  return value;
}

export function loadOperationsConfig(env: Environment, upstream: UpstreamConfig): OperationsConfig {
  const latencyMs = readMilliseconds(env, 'SANDBOX_UPSTREAM_LATENCY_MS', 0, MAX_SANDBOX_UPSTREAM_LATENCY_MS);
  if (latencyMs > 0 && upstream.mode !== 'sandbox') {
    throw new ConfigError(
      'SANDBOX_UPSTREAM_LATENCY_MS',
      'only applies to the built-in sandbox, but Tencent Cloud credentials are set',
    );
  }
  return {
    logLevel: readEnumeration(env, 'LOG_LEVEL', LOG_LEVELS) ?? 'info',
    shutdownTimeoutMs: readMilliseconds(
      env,
      'SHUTDOWN_TIMEOUT_MS',
      DEFAULT_SHUTDOWN_TIMEOUT_MS,
      MAX_SHUTDOWN_TIMEOUT_MS,
    ),
    sandboxUpstreamLatencyMs: latencyMs,
    readCacheTtlMs: readMilliseconds(
      env,
      'SSL_READ_CACHE_TTL_MS',
      DEFAULT_READ_CACHE_TTL_MS,
      MAX_READ_CACHE_TTL_MS,
    ),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Security: who may call (AUTH_*), from which browser origins (CORS_ORIGINS), what a request may cost (GRAPHQL_*).
// Loaded separately from loadConfig because the authentication rule depends on the upstream mode.

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
    };

/** Per-operation limits against hostile queries (GraphQL Armor rules, Yoga's body limit). */
export interface QueryLimits {
  readonly maxDepth: number;
  readonly maxCost: number;
  readonly maxAliases: number;
  readonly maxTokens: number;
  readonly maxDirectives: number;
  readonly maxBodyBytes: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = Object.freeze({
  // The deepest legitimate path (certificate → connection → edges → node → nested object → field) is 7 levels.
  maxDepth: 10,
  // Armor multiplies by literal `first` arguments: a full page of 100 certificates with ~40 fields costs about
  // 15 000, while a page of 100 with a nested connection of 100 (upstream fan-out) costs far more than 20 000.
  maxCost: 20_000,
  // Aliased by-id lookups are a legitimate way to fetch many certificates at once, and the loaders answer up to
  // 50 of them with one upstream call (the API's ID-list batch size), so 50 aliases are allowed, not Armor's 15.
  maxAliases: 50,
  // Fifty aliased lookups with a few fields each take about 800 tokens; Armor's default of 1000 is too tight.
  maxTokens: 2000,
  maxDirectives: 50,
  maxBodyBytes: 1_048_576,
});

/**
 * Browser origins allowed to read responses cross-origin. `same-origin`: no CORS headers at all, so only pages
 * served by the gateway itself (GraphiQL) can read answers; `any`: every origin (tokens are bearer headers, never
 * cookies, so a foreign page cannot borrow a user's credentials).
 */
export type CorsPolicy =
  | { readonly kind: 'same-origin' }
  | { readonly kind: 'any' }
  | { readonly kind: 'origins'; readonly origins: readonly string[] };

export interface SecurityConfig {
  readonly auth: AuthConfig;
  readonly cors: CorsPolicy;
  readonly graphiql: boolean;
  readonly introspection: boolean;
  /** "Did you mean …?" hints leak field names; blocked in production or when introspection is off. */
  readonly blockFieldSuggestions: boolean;
  readonly limits: QueryLimits;
}

function readBoolean(env: Environment, name: string): boolean | undefined {
  const value = read(env, name);
  if (value === undefined) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new ConfigError(name, `must be true or false, got "${value}"`);
}

function readPositiveInteger(env: Environment, name: string, fallback: number): number {
  const text = read(env, name);
  if (text === undefined) return fallback;
  if (!/^[1-9]\d{0,9}$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new ConfigError(name, `must be a whole number greater than 0, got "${text}"`);
  }
  return Number(text);
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
  'identity provider’s JSON Web Key Set, for RS256/ES256 tokens), optionally with AUTH_ISSUER and AUTH_AUDIENCE';

function readAuth(env: Environment, upstream: UpstreamConfig): AuthConfig {
  const disabled = readBoolean(env, 'AUTH_DISABLED');
  const secret = readJwtSecret(env);
  const jwksUrl = readJwksUrl(env);
  const issuer = read(env, 'AUTH_ISSUER');
  const audience = read(env, 'AUTH_AUDIENCE');

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
    if (keys !== undefined || issuer !== undefined || audience !== undefined) {
      throw new ConfigError(
        'AUTH_DISABLED',
        'is true but AUTH_* token settings are also set; remove one or the other',
      );
    }
    return { mode: 'disabled', reason: upstream.mode === 'sandbox' ? 'sandbox' : 'AUTH_DISABLED' };
  }
  if (keys === undefined) {
    if (issuer !== undefined || audience !== undefined) {
      throw new ConfigError(
        'AUTH_JWT_SECRET',
        `is not set but AUTH_ISSUER or AUTH_AUDIENCE is; ${HOW_TO_CONFIGURE_AUTH}`,
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
  return { mode: 'jwt', keys, issuer, audience };
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

function readLimits(env: Environment): QueryLimits {
  return {
    maxDepth: readPositiveInteger(env, 'GRAPHQL_MAX_DEPTH', DEFAULT_QUERY_LIMITS.maxDepth),
    maxCost: readPositiveInteger(env, 'GRAPHQL_MAX_COST', DEFAULT_QUERY_LIMITS.maxCost),
    maxAliases: readPositiveInteger(env, 'GRAPHQL_MAX_ALIASES', DEFAULT_QUERY_LIMITS.maxAliases),
    maxTokens: readPositiveInteger(env, 'GRAPHQL_MAX_TOKENS', DEFAULT_QUERY_LIMITS.maxTokens),
    maxDirectives: readPositiveInteger(env, 'GRAPHQL_MAX_DIRECTIVES', DEFAULT_QUERY_LIMITS.maxDirectives),
    maxBodyBytes: readPositiveInteger(env, 'GRAPHQL_MAX_BODY_BYTES', DEFAULT_QUERY_LIMITS.maxBodyBytes),
  };
}

/**
 * The security settings. GraphiQL is on unless NODE_ENV=production; introspection stays on by default in every
 * mode, because supergraph composition and GraphiQL need it and, with authentication on, only token holders
 * reach it anyway.
 */
export function loadSecurityConfig(env: Environment, upstream: UpstreamConfig): SecurityConfig {
  const production = read(env, 'NODE_ENV') === 'production';
  const introspection = readBoolean(env, 'GRAPHQL_INTROSPECTION') ?? true;
  return {
    auth: readAuth(env, upstream),
    cors: readCors(env),
    graphiql: readBoolean(env, 'GRAPHIQL') ?? !production,
    introspection,
    blockFieldSuggestions: production || !introspection,
    limits: readLimits(env),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Scale: several replicas sharing the upstream quota, the read cache and job polls through Redis (REDIS_URL).
// Without REDIS_URL each process keeps all of it in memory, as a single replica should.

export const DEFAULT_REDIS_KEY_PREFIX = 'ssl-graph:';

export type ScaleConfig =
  | { readonly mode: 'single-process' }
  | {
      readonly mode: 'redis';
      /** Kept whole for the connection; never printed, it may carry a password. */
      readonly redisUrl: string;
      /** The same for every replica that shares a quota; different for fleets that must not. */
      readonly keyPrefix: string;
    };

function readRedisUrl(env: Environment): string | undefined {
  const text = read(env, 'REDIS_URL');
  if (text === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // Said without the value: it may carry a password.
    throw new ConfigError('REDIS_URL', 'must be a URL such as redis://host:6379 or rediss://host:6380 (TLS)');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new ConfigError('REDIS_URL', `must use redis:// or rediss:// (TLS), got ${url.protocol}//`);
  }
  if (url.hostname === '') throw new ConfigError('REDIS_URL', 'names no host');
  const database = url.pathname.replace(/^\//, '');
  if (database !== '' && !/^\d{1,2}$/.test(database)) {
    throw new ConfigError(
      'REDIS_URL',
      'may only have a database number as its path, e.g. redis://host:6379/0',
    );
  }
  return text;
}

export function loadScaleConfig(env: Environment, upstream: UpstreamConfig): ScaleConfig {
  const redisUrl = readRedisUrl(env);
  const keyPrefix = read(env, 'REDIS_KEY_PREFIX');
  if (redisUrl === undefined) {
    if (keyPrefix !== undefined) throw new ConfigError('REDIS_KEY_PREFIX', 'is set but REDIS_URL is not');
    return { mode: 'single-process' };
  }
  if (upstream.mode === 'sandbox') {
    // Sandbox replicas each serve their own emulator: a shared cache would mix their data sets.
    throw new ConfigError(
      'REDIS_URL',
      'is set, but in the sandbox every process has its own emulator, so replicas have nothing to share; ' +
        'set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, or unset REDIS_URL',
    );
  }
  if (keyPrefix !== undefined && !/^[\w.:-]{1,64}$/.test(keyPrefix)) {
    throw new ConfigError(
      'REDIS_KEY_PREFIX',
      `must be 1 to 64 letters, digits or . _ : - (e.g. ssl-graph-prod:), got "${keyPrefix}"`,
    );
  }
  return { mode: 'redis', redisUrl, keyPrefix: keyPrefix ?? DEFAULT_REDIS_KEY_PREFIX };
}
