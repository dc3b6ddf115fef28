import type { Redis } from 'ioredis';
import type { JobPollSharing } from '../graphql/jobs/job-hub.ts';
import type { RateLimitOptions, SslRateLimiter } from '../ssl/rate-limiter.ts';
import type { ReadCacheStore } from '../ssl/read-cache.ts';
import { RedisChannels } from './redis-channels.ts';
import {
  closeRedis,
  connectRedis,
  connectRedisSubscriber,
  DEFAULT_REDIS_KEY_PREFIX,
  describeRedisFailure,
} from './redis-connection.ts';
import { RedisJobCoordinator } from './redis-job-coordinator.ts';
import { RedisRateLimiter } from './redis-rate-limiter.ts';
import { RedisReadCacheStore, type RedisReadCacheStoreOptions } from './redis-read-cache-store.ts';

/**
 * What replicas of the gateway share through Redis (REDIS_URL): the upstream quota, the read cache and job
 * polls. Without REDIS_URL none of this exists and each process keeps its own, as before.
 */
export interface ScaleBackend {
  /** A limiter for one SslClient (which disposes it); every limiter of every replica draws on one quota. */
  createRateLimiter(options?: RateLimitOptions): SslRateLimiter;
  readonly readCacheStore: ReadCacheStore;
  /** Job poll sharing among replicas serving `scope` (the upstream secretId). */
  jobPollSharing(scope: string, options?: { readonly lockTtlMs?: number }): JobPollSharing;
  close(): Promise<void>;
}

export interface ScaleBackendOptions {
  readonly redisUrl: string;
  /** Default `ssl-graph:`. */
  readonly keyPrefix?: string;
  /** Distinguishes this process's connections in CLIENT LIST. */
  readonly connectionName?: string;
  readonly onCacheError?: RedisReadCacheStoreOptions['onError'];
}

export class RedisUnavailableError extends Error {
  constructor(reason: string) {
    super(`Redis (REDIS_URL) is unreachable: ${reason}`);
    this.name = 'RedisUnavailableError';
  }
}

/** Connects and checks the connection once, so a wrong REDIS_URL stops the process at start, not at the first call. */
export async function connectScaleBackend(options: ScaleBackendOptions): Promise<ScaleBackend> {
  const connection = { url: options.redisUrl, connectionName: options.connectionName ?? 'ssl-graph' };
  const keyPrefix = options.keyPrefix ?? DEFAULT_REDIS_KEY_PREFIX;
  const commands = connectRedis(connection);
  const subscriber = connectRedisSubscriber(connection);
  // Logged by the callers' error paths; without a listener ioredis prints every reconnection failure itself.
  const ignoreConnectionErrors = (): void => undefined;
  commands.on('error', ignoreConnectionErrors);
  subscriber.on('error', ignoreConnectionErrors);
  try {
    await Promise.all([commands.ping(), subscriber.ping()]);
  } catch (error) {
    await Promise.all([closeRedis(commands), closeRedis(subscriber)]);
    throw new RedisUnavailableError(describeRedisFailure(error));
  }
  return new RedisScaleBackend(commands, subscriber, keyPrefix, options.onCacheError);
}

class RedisScaleBackend implements ScaleBackend {
  readonly readCacheStore: ReadCacheStore;
  readonly #commands: Redis;
  readonly #subscriber: Redis;
  readonly #channels: RedisChannels;
  readonly #keyPrefix: string;

  constructor(
    commands: Redis,
    subscriber: Redis,
    keyPrefix: string,
    onCacheError: RedisReadCacheStoreOptions['onError'],
  ) {
    this.#commands = commands;
    this.#subscriber = subscriber;
    this.#channels = new RedisChannels(subscriber);
    this.#keyPrefix = keyPrefix;
    this.readCacheStore = new RedisReadCacheStore(commands, { keyPrefix, onError: onCacheError });
  }

  createRateLimiter(options: RateLimitOptions = {}): SslRateLimiter {
    return new RedisRateLimiter(this.#commands, { ...options, keyPrefix: this.#keyPrefix });
  }

  jobPollSharing(scope: string, options: { readonly lockTtlMs?: number } = {}): JobPollSharing {
    return new RedisJobCoordinator({
      redis: this.#commands,
      channels: this.#channels,
      scope,
      keyPrefix: this.#keyPrefix,
      lockTtlMs: options.lockTtlMs,
    });
  }

  async close(): Promise<void> {
    await Promise.all([closeRedis(this.#commands), closeRedis(this.#subscriber)]);
  }
}
