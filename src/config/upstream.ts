/**
 * Where the gateway listens (PORT, HOST) and which upstream it serves: the built-in sandbox, or Tencent Cloud with
 * TENCENTCLOUD_* credentials at SSL_API_ENDPOINT, SSL_API_REGION and SSL_API_LANGUAGE.
 */
import { isIP } from 'node:net';
import { DEFAULT_SSL_ENDPOINT } from '../ssl/client.ts';
import { ConfigError, type Environment, read, readEnumeration, readSecret } from './environment.ts';

export const DEFAULT_PORT = 4000;
/**
 * Loopback by default, so a developer's sandbox is not reachable from the network by accident. Containers set
 * HOST=0.0.0.0 explicitly: inside a container only a published port is reachable anyway.
 */
export const DEFAULT_HOST = '127.0.0.1';

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

/** RFC 1123 host names: dot-separated labels of letters, digits and inner hyphens, with an optional final dot. */
const HOST_NAME =
  /^(?=.{1,253}\.?$)[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?(?:\.[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?)*\.?$/i;

function readHost(env: Environment): string {
  const text = read(env, 'HOST') ?? DEFAULT_HOST;
  // URLs write IPv6 literals in brackets ([::1]:4000); listen() wants the address alone.
  const bracketed = /^\[(.*)\]$/.exec(text)?.[1];
  const host = bracketed ?? text;
  if (bracketed !== undefined ? isIP(host) !== 6 : isIP(host) === 0 && !HOST_NAME.test(host)) {
    throw new ConfigError(
      'HOST',
      `must be an IP address (e.g. 0.0.0.0, ::, ::1) or a host name, with no scheme, path or port, got "${text}"`,
    );
  }
  return host;
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
  // API 3.0 is always called at / (the canonical URI TC3 signs), so a path would be silently dropped; an egress
  // proxy or API gateway that routes by path prefix cannot front it. The path is not echoed: it may hold a token.
  if (url.pathname !== '/') {
    throw new ConfigError(
      'SSL_API_ENDPOINT',
      'must not have a path: the SSL API is always called at /; give the origin only, e.g. ' +
        'https://ssl.tencentcloudapi.com or http://127.0.0.1:4100',
    );
  }
  return text;
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
    endpoint: endpoint ?? DEFAULT_SSL_ENDPOINT,
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
