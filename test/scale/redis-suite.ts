import type { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { closeRedis } from '../../src/scale/redis-connection.ts';
import { startTestRedis, type TestRedis } from './redis-server.ts';

/** A describe block's redis-server, and the connections its tests opened, which are closed before it stops. */
export interface RedisSuite {
  /** The server's URL; read it inside a test or hook (the server starts in `beforeAll`). */
  readonly url: string;
  /** Connections a test opened: closed after the block, before the server stops. */
  readonly connections: Redis[];
}

/** Starts a redis-server before the describe block it is called in, and stops it after the block. */
export function useRedisSuite(): RedisSuite {
  let redis: TestRedis | undefined;
  const connections: Redis[] = [];
  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterAll(async () => {
    await Promise.all(connections.map(closeRedis));
    await redis?.stop();
  });
  return {
    get url(): string {
      if (redis === undefined)
        throw new Error('the redis-server starts in beforeAll: read its URL in a test');
      return redis.url;
    },
    connections,
  };
}
