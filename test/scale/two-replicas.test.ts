import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.ts';
import { createGateway, type Gateway } from '../../src/graphql/yoga.ts';
import { connectScaleBackend, type ScaleBackend } from '../../src/scale/redis-scale.ts';
import type { SslActionName } from '../../src/ssl/actions.ts';
import { SslClient } from '../../src/ssl/client.ts';
import { StaticCredentialsProvider } from '../../src/ssl/credentials.ts';
import { ReadCachingSslCaller } from '../../src/ssl/read-cache.ts';
import { startCdnDeployment } from '../graphql/support/deployments.ts';
import { execute } from '../graphql/support/execute.ts';
import { readEvents, subscribeOverSse } from '../graphql/support/sse.ts';
import { redisAvailable, startTestRedis, type TestRedis } from './redis-server.ts';

/**
 * Two gateway replicas in front of one emulator that enforces the real quotas (10 requests/s per action,
 * counted in fixed 1-second windows): each replica is a createGateway over its own SslClient and, when
 * scaled, its own Redis connections — what two processes would have.
 */

const QUERIES_PER_REPLICA = 30;
const QUOTA_PER_SECOND = 10;

interface Replica {
  readonly gateway: Gateway;
  /** Upstream calls this replica's client sent, per action. */
  readonly sent: Map<SslActionName, number>;
  close(): Promise<void>;
}

async function startReplica(emulator: RunningEmulator, redisUrl: string | undefined, keyPrefix: string) {
  const backend: ScaleBackend | undefined =
    redisUrl === undefined ? undefined : await connectScaleBackend({ redisUrl, keyPrefix });
  const sent = new Map<SslActionName, number>();
  const client = new SslClient({
    endpoint: emulator.url,
    credentials: new StaticCredentialsProvider({
      secretId: emulator.secretId,
      secretKey: emulator.secretKey,
    }),
    rateLimiter: backend?.createRateLimiter(),
    onCall: (event) => {
      if (!event.coalesced) sent.set(event.action, (sent.get(event.action) ?? 0) + 1);
    },
  });
  const ssl = new ReadCachingSslCaller(client, {
    ttlMs: 60_000,
    identity: async () => emulator.secretId,
    store: backend?.readCacheStore,
  });
  const gateway = createGateway({
    ssl,
    logging: false,
    jobPolling: {
      minIntervalMs: 5,
      defaultIntervalMs: 10,
      sharing: backend?.jobPollSharing(emulator.secretId),
    },
  });
  const replica: Replica = {
    gateway,
    sent,
    async close() {
      await gateway.dispose();
      await client.close();
      await backend?.close();
    },
  };
  return replica;
}

const SEARCH = `query($search: String!) {
  certificates(first: 1, filter: { search: $search }) { totalCount edges { node { id alias } } }
}`;

interface SearchResult {
  certificates: { totalCount: number; edges: Array<{ node: { id: string; alias: string | null } }> };
}

/** Every replica runs QUERIES_PER_REPLICA distinct searches at once, so neither sharing nor caching hides any. */
async function burstOfDistinctSearches(replicas: readonly Replica[]) {
  const runs = replicas.flatMap((replica, index) =>
    Array.from({ length: QUERIES_PER_REPLICA }, (_, query) =>
      execute<SearchResult, { search: string }>(replica.gateway, SEARCH, {
        search: `replica-${index}-${query}`,
      }),
    ),
  );
  return Promise.all(runs);
}

describe.skipIf(!redisAvailable)('two gateway replicas, one upstream quota', () => {
  let redis: TestRedis;
  let emulator: RunningEmulator;
  let replicas: Replica[] = [];

  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterEach(async () => {
    await Promise.all(replicas.map((replica) => replica.close()));
    replicas = [];
    await emulator?.close();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  async function startReplicas(scaled: boolean): Promise<[Replica, Replica]> {
    emulator = await startEmulator({ seed: true, enforceRateLimits: true });
    const keyPrefix = `test-${randomUUID()}:`;
    const redisUrl = scaled ? redis.url : undefined;
    replicas = await Promise.all([
      startReplica(emulator, redisUrl, keyPrefix),
      startReplica(emulator, redisUrl, keyPrefix),
    ]);
    return replicas as [Replica, Replica];
  }

  it('with Redis, the cluster never exceeds 10 DescribeCertificates per second and none is refused', async () => {
    await startReplicas(true);
    const responses = await burstOfDistinctSearches(replicas);
    expect(responses.filter((response) => response.errors !== undefined)).toEqual([]);
    const peak = emulator.stats.peakArrivalsPerSecond().DescribeCertificates;
    expect(peak?.fixedWindow).toBeLessThanOrEqual(QUOTA_PER_SECOND);
    expect(emulator.stats.errorsByCode().RequestLimitExceeded).toBeUndefined();
    expect(emulator.stats.countsOf('DescribeCertificates')).toEqual({
      executed: 2 * QUERIES_PER_REPLICA,
      failed: 0,
      rejected: 0,
    });
    // Both replicas did their share of the work.
    for (const replica of replicas) {
      expect(replica.sent.get('DescribeCertificates')).toBe(QUERIES_PER_REPLICA);
    }
  }, 60_000);

  it('with in-process limiters only, the same load exceeds the quota: each replica spends it alone', async () => {
    await startReplicas(false);
    await burstOfDistinctSearches(replicas);
    const peak = emulator.stats.peakArrivalsPerSecond().DescribeCertificates;
    expect(peak?.fixedWindow).toBeGreaterThan(QUOTA_PER_SECOND);
    expect(emulator.stats.errorsByCode().RequestLimitExceeded).toBeGreaterThan(0);
  }, 60_000);

  it('shares the read cache: a read on A serves B, and a mutation on B invalidates what A reads', async () => {
    const [a, b] = await startReplicas(true);
    const certificate = emulator.state.certificates.all()[0];
    expect(certificate).toBeDefined();
    const search = { search: certificate!.id };
    emulator.stats.reset();

    const onA = await execute<SearchResult, { search: string }>(a.gateway, SEARCH, search);
    const onB = await execute<SearchResult, { search: string }>(b.gateway, SEARCH, search);
    expect(onB.data).toEqual(onA.data);
    expect(emulator.stats.countsOf('DescribeCertificates').executed).toBe(1);

    const alias = `renamed-${randomUUID().slice(0, 8)}`;
    const renamed = await execute<{ certificateAliasUpdate: { userErrors: unknown[] } }, unknown>(
      b.gateway,
      'mutation($input: CertificateAliasUpdateInput!) { certificateAliasUpdate(input: $input) { userErrors { message } } }',
      { input: { id: certificate!.id, alias } },
    );
    expect(renamed.data?.certificateAliasUpdate.userErrors).toEqual([]);
    const describedBefore = emulator.stats.countsOf('DescribeCertificates').executed;

    const afterMutation = await execute<SearchResult, { search: string }>(a.gateway, SEARCH, search);
    expect(afterMutation.data?.certificates.edges[0]?.node.alias).toBe(alias);
    expect(emulator.stats.countsOf('DescribeCertificates').executed).toBe(describedBefore + 1);
  }, 30_000);

  it('streams one deployment to subscribers on both replicas from a single upstream poll stream', async () => {
    const [a, b] = await startReplicas(true);
    const id = await startCdnDeployment(emulator, a.gateway);
    a.sent.clear();
    b.sent.clear();
    emulator.stats.reset();

    const subscribe = (gateway: Gateway) =>
      subscribeOverSse(
        gateway,
        `subscription($id: ID!) { jobProgress(kind: DEPLOY_RECORD, id: $id, pollIntervalMs: 10) {
          id status isFinished } }`,
        { id },
      );
    const responses = await Promise.all([subscribe(a.gateway), subscribe(b.gateway)]);
    const received: Array<Array<{ status: string; isFinished: boolean }>> = [[], []];
    let advanced = false;
    const readers = responses.map((response, index) =>
      readEvents(response, (payload) => {
        received[index]?.push(
          (payload as { data: { jobProgress: { status: string; isFinished: boolean } } }).data.jobProgress,
        );
        // Finish the deployment once both replicas showed it running.
        if (!advanced && received.every((events) => events.length > 0)) {
          advanced = true;
          emulator.clock.advance(10_000);
        }
      }),
    );
    await Promise.all(readers);

    for (const events of received)
      expect(events.at(-1)).toEqual({ id, status: 'SUCCEEDED', isFinished: true });
    expect(received[1]).toEqual(received[0]);
    // One replica led and polled; the other only relayed its snapshots.
    const polls = [a, b].map((replica) => replica.sent.get('DescribeHostDeployRecordDetail') ?? 0).sort();
    expect(polls[0]).toBe(0);
    expect(polls[1]).toBeGreaterThanOrEqual(2);
    expect(emulator.stats.countsOf('DescribeHostDeployRecordDetail').executed).toBe(polls[1]);
  }, 30_000);
});
