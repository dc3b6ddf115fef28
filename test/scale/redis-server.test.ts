import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { redisAvailable, startTestRedis } from './redis-server.ts';

async function listeningOnFreePort(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { server, port: address.port };
}

const occupying: Server[] = [];
afterAll(async () => {
  for (const server of occupying) {
    server.close();
    await once(server, 'close');
  }
});

describe.skipIf(!redisAvailable || process.env.REDIS_TEST_URL !== undefined)(
  'the throwaway redis-server',
  () => {
    it('starts again on another port when the one it probed was taken meanwhile', async () => {
      // What a parallel test file does between the probe and redis-server's bind: takes the port.
      const taken = await listeningOnFreePort();
      occupying.push(taken.server);
      const ports = [taken.port];
      const redis = await startTestRedis(async () => {
        const next = ports.shift();
        if (next !== undefined) return next;
        const probe = await listeningOnFreePort();
        probe.server.close();
        await once(probe.server, 'close');
        return probe.port;
      });
      try {
        expect(redis.url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
        expect(redis.url).not.toBe(`redis://127.0.0.1:${taken.port}`);
      } finally {
        await redis.stop();
      }
    });
  },
);
