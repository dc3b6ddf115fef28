import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { DEFAULT_REDIS_KEY_PREFIX } from '../config/scale.ts';

/**
 * Connections to the Redis that replicas of the gateway share (REDIS_URL). Every key this project writes starts
 * with one namespace, so a Redis shared with other applications (or two gateway fleets) keeps them apart.
 */

export { DEFAULT_REDIS_KEY_PREFIX };

export interface RedisConnectionOptions {
  /** redis://[user:password@]host:port[/db] or rediss:// for TLS. */
  readonly url: string;
  /** Shown in CLIENT LIST, to tell the gateway's connections apart from others'. */
  readonly connectionName: string;
}

/**
 * How long one command may take, queued while reconnecting or sent to a server that does not answer, before it
 * fails. The rate limiter, the cache and job polling all answer well within it; without it a command issued
 * while Redis is down waits for reconnection attempts (seconds each) before failing.
 */
export const REDIS_COMMAND_TIMEOUT_MS = 1_000;

/**
 * A command connection. Commands fail within REDIS_COMMAND_TIMEOUT_MS (or after one reconnection attempt)
 * instead of piling up behind a dead server: the rate limiter and the cache must answer (or fail) within a
 * request's lifetime, not seconds or minutes later.
 */
export function connectRedis(options: RedisConnectionOptions): Redis {
  return new Redis(options.url, {
    connectionName: options.connectionName,
    maxRetriesPerRequest: 1,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    connectTimeout: 5_000,
    // Reconnect forever, backing off to 2 s: the gateway keeps serving (or failing fast) until Redis is back.
    retryStrategy: (attempt) => Math.min(2_000, 50 * 2 ** Math.min(attempt, 6)),
  });
}

/**
 * A connection for SUBSCRIBE: once subscribed it can run no other command. ioredis re-subscribes after a
 * reconnection on its own; a subscription asked for while Redis is down fails fast like any command.
 */
export function connectRedisSubscriber(options: RedisConnectionOptions): Redis {
  return connectRedis({ ...options, connectionName: `${options.connectionName}:subscriber` });
}

/**
 * A key part derived from text that may be sensitive (an access key id, request parameters): keys are listed by
 * anyone with KEYS/SCAN/MONITOR access, which is a wider circle than those trusted with the account.
 */
export function hashedKeyPart(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 32);
}

/** Closes a connection politely (QUIT) and falls back to cutting it when the server does not answer. */
export async function closeRedis(connection: Redis): Promise<void> {
  if (connection.status === 'end') return;
  try {
    await connection.quit();
  } catch {
    connection.disconnect();
  }
}

/** Why a Redis command failed, without the URL (which may carry a password). */
export function describeRedisFailure(error: unknown): string {
  if (error instanceof Error) return error.message.replace(/redis(s)?:\/\/[^\s]*/g, 'redis://…');
  return 'unknown failure';
}
