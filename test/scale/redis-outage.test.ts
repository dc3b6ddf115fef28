import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EmulatorClock, type RunningEmulator, startEmulator } from '../../src/emulator/index.ts';
import { JobHub } from '../../src/graphql/jobs/job-hub.ts';
import { createGateway, type Gateway } from '../../src/graphql/yoga.ts';
import { createSilentLogger } from '../../src/observability/logger.ts';
import { Readiness } from '../../src/observability/readiness.ts';
import { closeRedis, connectRedis } from '../../src/scale/redis-connection.ts';
import { RedisReadCacheStore } from '../../src/scale/redis-read-cache-store.ts';
import { connectScaleBackend, type ScaleBackend } from '../../src/scale/redis-scale.ts';
import type { SslCallEvent } from '../../src/ssl/actions.ts';
import { SslClient } from '../../src/ssl/client.ts';
import { StaticCredentialsProvider } from '../../src/ssl/credentials.ts';
import { ReadCachingSslCaller } from '../../src/ssl/read-cache.ts';
// Registers the job kinds, as the gateway does.
import '../../src/graphql/schema/index.ts';
import { RedisChannels } from '../../src/scale/redis-channels.ts';
import { connectRedisSubscriber } from '../../src/scale/redis-connection.ts';
import { RedisJobCoordinator } from '../../src/scale/redis-job-coordinator.ts';
import type { SslCaller } from '../../src/ssl/actions.ts';
import { startCdnDeployment } from '../graphql/support/deployments.ts';
import { execute } from '../graphql/support/execute.ts';
import { readEvents, subscribeOverSse } from '../graphql/support/sse.ts';
import { deployDetail } from '../support/deploy-record-detail.ts';
import { redisAvailable, startTestRedis, type TestRedis } from './redis-server.ts';

/**
 * Redis (REDIS_URL) going away while the gateway serves: the shared rate limiter fails closed, fast, under its
 * own name (not as a Tencent Cloud outage), readiness names Redis, and the read cache is bypassed.
 */

const COMPANIES = '{ companies(first: 1) { totalCount } }';

/** A TCP server that accepts connections and never answers: a Redis that hangs rather than refuses. */
async function blackHole(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `redis://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Time that moves only when the test says so: jobs stay running for as long as a test needs. */
class FrozenClock extends EmulatorClock {
  #now = Date.now();
  override now(): number {
    return this.#now;
  }
  override advance(ms: number): void {
    this.#now += ms;
  }
}

describe.skipIf(!redisAvailable)('a Redis outage while serving', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function scaledGateway(redis: TestRedis, emulator: RunningEmulator) {
    const backend: ScaleBackend = await connectScaleBackend({
      redisUrl: redis.url,
      keyPrefix: `test-${randomUUID()}:`,
    });
    const calls: SslCallEvent[] = [];
    const client = new SslClient({
      endpoint: emulator.url,
      credentials: new StaticCredentialsProvider({
        secretId: emulator.secretId,
        secretKey: emulator.secretKey,
      }),
      rateLimiter: backend.createRateLimiter(),
      onCall: (event) => calls.push(event),
    });
    const ssl = new ReadCachingSslCaller(client, {
      ttlMs: 0,
      identity: async () => emulator.secretId,
      store: backend.readCacheStore,
    });
    // Every check probes, and waits for the probe (Redis' 1 s command timeout) rather than answering the last state.
    const readiness = new Readiness({
      ssl: client,
      logger: createSilentLogger(),
      cacheMs: 0,
      answerWithinMs: 2_500,
    });
    const gateway: Gateway = createGateway({ ssl, readiness, logging: false });
    cleanups.push(async () => {
      await gateway.dispose();
      await client.close();
      await backend.close();
    });
    return { gateway, calls };
  }

  it('fails operations fast as RATE_LIMITER_UNAVAILABLE, not retried, and /ready names Redis', async () => {
    const redis = await startTestRedis();
    cleanups.push(() => redis.stop());
    const emulator = await startEmulator({ seed: true });
    cleanups.push(() => emulator.close());
    const { gateway, calls } = await scaledGateway(redis, emulator);

    const before = await execute<{ companies: { totalCount: number } }, never>(gateway, COMPANIES);
    expect(before.errors).toBeUndefined();
    expect((await gateway.fetch('http://gateway.test/ready')).status).toBe(200);

    await redis.stop();
    calls.length = 0;
    const startedAt = performance.now();
    const during = await execute(gateway, COMPANIES);
    const tookMs = performance.now() - startedAt;
    // Bounded by Redis' command timeout (1 s), not by retries and reconnection attempts (16 s before).
    expect(tookMs).toBeLessThan(2_500);
    expect(during.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/rate limiter \(Redis\)/),
      extensions: { code: 'RATE_LIMITER_UNAVAILABLE', category: 'rate-limiter-unavailable' },
    });
    expect(during.errors?.[0]?.message).not.toMatch(/Tencent Cloud SSL API is unavailable/);
    // Logged under its own outcome, once: a Redis outage is not an upstream transient failure to retry.
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      outcome: 'rate-limiter-unavailable',
      retries: 0,
      errorName: 'SslRateLimiterUnavailableError',
    });

    const probeStartedAt = performance.now();
    const ready = await gateway.fetch('http://gateway.test/ready');
    expect(performance.now() - probeStartedAt).toBeLessThan(2_500);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'redis-unreachable' });
  });

  it('bypasses a read cache whose Redis hangs, within the command timeout, and says so', async () => {
    const hole = await blackHole();
    cleanups.push(() => hole.close());
    const connection = connectRedis({ url: hole.url, connectionName: 'hanging' });
    connection.on('error', () => undefined);
    cleanups.push(() => closeRedis(connection));
    const emulator = await startEmulator({ seed: true });
    cleanups.push(() => emulator.close());
    const client = new SslClient({
      endpoint: emulator.url,
      credentials: new StaticCredentialsProvider({
        secretId: emulator.secretId,
        secretKey: emulator.secretKey,
      }),
    });
    cleanups.push(() => client.close());
    const failures: string[] = [];
    const cache = new ReadCachingSslCaller(client, {
      ttlMs: 60_000,
      identity: async () => emulator.secretId,
      store: new RedisReadCacheStore(connection, { onError: (operation) => failures.push(operation) }),
    });
    await client.call('DescribeCertificates', { Offset: 0, Limit: 1 });
    const startedAt = performance.now();
    const response = await cache.call('DescribeCertificates', { Offset: 0, Limit: 1 });
    // Redis' command timeout (1 s); without one, a Redis that never answers held every read forever.
    expect(performance.now() - startedAt).toBeLessThan(2_000);
    expect(response.TotalCount).toBeGreaterThan(0);
    expect(failures).toContain('lookup');
  }, 10_000);

  it('polls a watched job itself, within the command timeout, when Redis hangs', async () => {
    const hole = await blackHole();
    cleanups.push(() => hole.close());
    const commands = connectRedis({ url: hole.url, connectionName: 'hanging' });
    const subscriber = connectRedisSubscriber({ url: hole.url, connectionName: 'hanging' });
    for (const connection of [commands, subscriber]) {
      connection.on('error', () => undefined);
      cleanups.push(() => closeRedis(connection));
    }
    let polls = 0;
    const upstream: SslCaller = {
      call: async () => {
        polls += 1;
        return deployDetail(1) as never;
      },
    };
    const hub = new JobHub(upstream, {
      minIntervalMs: 1,
      defaultIntervalMs: 1,
      sharing: new RedisJobCoordinator({
        redis: commands,
        channels: new RedisChannels(subscriber),
        scope: 'AKIDalice',
        keyPrefix: `test-${randomUUID()}:`,
      }),
    });
    const startedAt = performance.now();
    const statuses: string[] = [];
    for await (const snapshot of hub.watch('DEPLOY_RECORD', '7'))
      statuses.push(snapshot?.state.status ?? 'null');
    // Redis' command timeout (1 s); without one the watcher waited on a subscription that never came.
    expect(performance.now() - startedAt).toBeLessThan(2_500);
    expect(statuses).toEqual(['SUCCEEDED']);
    expect(polls).toBe(1);
  }, 10_000);

  it.skipIf(process.env.REDIS_TEST_URL !== undefined)(
    'keeps job subscriptions on every replica open through a Redis restart, and sends them the end',
    async () => {
      const redis = await startTestRedis();
      cleanups.push(() => redis.stop());
      const emulator = await startEmulator({ seed: true, clock: new FrozenClock() });
      cleanups.push(() => emulator.close());
      const keyPrefix = `test-${randomUUID()}:`;
      const replicas = await Promise.all(
        [0, 1].map(async () => {
          const backend = await connectScaleBackend({ redisUrl: redis.url, keyPrefix });
          const calls: SslCallEvent[] = [];
          const client = new SslClient({
            endpoint: emulator.url,
            credentials: new StaticCredentialsProvider({
              secretId: emulator.secretId,
              secretKey: emulator.secretKey,
            }),
            rateLimiter: backend.createRateLimiter(),
            onCall: (event) => calls.push(event),
          });
          const gateway = createGateway({
            ssl: client,
            logging: false,
            jobPolling: {
              minIntervalMs: 5,
              defaultIntervalMs: 10,
              sharing: backend.jobPollSharing(emulator.secretId),
            },
          });
          cleanups.push(async () => {
            await gateway.dispose();
            await client.close();
            await backend.close();
          });
          return { gateway, calls };
        }),
      );
      const [first] = replicas;
      if (first === undefined) throw new Error('no replica');
      const id = await startCdnDeployment(emulator, first.gateway);
      const received = replicas.map(() => [] as unknown[]);
      const streams = await Promise.all(
        replicas.map((replica) =>
          subscribeOverSse(
            replica.gateway,
            `subscription($id: ID!) { jobProgress(kind: DEPLOY_RECORD, id: $id, pollIntervalMs: 100) { id status } }`,
            { id },
          ),
        ),
      );
      const reading = streams.map((stream, index) =>
        readEvents(stream, (payload) => received[index]?.push(payload)),
      );
      await vi.waitFor(() => expect(received.every((events) => events.length > 0)).toBe(true));

      await redis.stop();
      // The polls now fail: the shared rate limiter sends nothing without Redis.
      await vi.waitFor(
        () =>
          expect(
            replicas.some((replica) =>
              replica.calls.some(
                (call) =>
                  call.action === 'DescribeHostDeployRecordDetail' &&
                  call.outcome === 'rate-limiter-unavailable',
              ),
            ),
          ).toBe(true),
        { timeout: 5_000 },
      );
      await redis.restart?.();
      emulator.clock.advance(10_000);
      await Promise.all(reading);
      for (const events of received) {
        for (const event of events) expect(event).not.toHaveProperty('errors');
        expect(events.at(-1)).toEqual({ data: { jobProgress: { id, status: 'SUCCEEDED' } } });
      }
    },
    30_000,
  );
});
