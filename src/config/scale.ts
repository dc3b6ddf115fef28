/**
 * Scale: several replicas sharing the upstream quota, the read cache and job polls through Redis (REDIS_URL).
 * Without REDIS_URL each process keeps all of it in memory, as a single replica should.
 */
import { ConfigError, type Environment, read } from './environment.ts';
import type { UpstreamConfig } from './upstream.ts';

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
