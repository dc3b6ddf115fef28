import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { describe, expect, it, vi } from 'vitest';
import { JobHub } from '../../src/graphql/jobs/job-hub.ts';
import { findJobKind, type JobSnapshot } from '../../src/graphql/jobs/job-kinds.ts';
// Registers the job kinds, as the gateway does.
import '../../src/graphql/schema/index.ts';
import { encodePreservingDates } from '../../src/scale/date-preserving-json.ts';
import { RedisChannels } from '../../src/scale/redis-channels.ts';
import { connectRedis, connectRedisSubscriber, hashedKeyPart } from '../../src/scale/redis-connection.ts';
import { RedisJobCoordinator } from '../../src/scale/redis-job-coordinator.ts';
import type { SslCaller } from '../../src/ssl/actions.ts';
import { SslApiError } from '../../src/ssl/errors.ts';
import { deployDetail } from '../support/deploy-record-detail.ts';
import { gatedUpstream } from '../support/gated-upstream.ts';
import { redisAvailable } from './redis-server.ts';
import { useRedisSuite } from './redis-suite.ts';

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 1));
}

/** A deploy record's finished snapshot, as the coordinator keeps snapshots in Redis. */
async function finishedSnapshotOf(id: string): Promise<string> {
  const finished: SslCaller = { call: async () => deployDetail(1) as never };
  const snapshot = await findJobKind('DEPLOY_RECORD')?.poll(finished, id, new AbortController().signal);
  expect(snapshot?.state.status).toBe('SUCCEEDED');
  return encodePreservingDates(snapshot);
}

function collect(iterator: AsyncIterableIterator<JobSnapshot | null>) {
  const statuses: string[] = [];
  const finished = (async () => {
    for await (const snapshot of iterator) statuses.push(snapshot?.state.status ?? 'null');
  })();
  return { statuses, finished };
}

interface Replica {
  readonly upstream: ReturnType<typeof gatedUpstream>;
  readonly hub: JobHub;
  readonly commands: Redis;
  readonly keyPrefix: string;
}

describe.skipIf(!redisAvailable)('RedisJobCoordinator: one upstream poll per job across replicas', () => {
  const redis = useRedisSuite();
  const { connections } = redis;

  /** Two replicas of one account: their own upstream, job hub and Redis connections; one key prefix. */
  function twoReplicas(lockTtlMs = 10_000) {
    const keyPrefix = `test-${randomUUID()}:`;
    return [0, 1].map((index) => {
      const commands = connectRedis({ url: redis.url, connectionName: `replica-${index}` });
      const subscriber = connectRedisSubscriber({ url: redis.url, connectionName: `replica-${index}` });
      connections.push(commands, subscriber);
      const sharing = new RedisJobCoordinator({
        redis: commands,
        channels: new RedisChannels(subscriber),
        scope: 'AKIDalice',
        keyPrefix,
        lockTtlMs,
      });
      const upstream = gatedUpstream();
      const hub = new JobHub(upstream.ssl, { minIntervalMs: 1, defaultIntervalMs: 1, sharing });
      return { upstream, hub, commands, keyPrefix };
    }) as [Replica, Replica];
  }

  /** A key of one job (the coordinator's key layout): `events` (the channel), `latest`, `leader`. */
  function jobKey(replica: Replica, id: string, suffix: 'events' | 'latest'): string {
    return `${replica.keyPrefix}job:${hashedKeyPart('AKIDalice')}:${hashedKeyPart(`DEPLOY_RECORD\n${id}`)}:${suffix}`;
  }

  /** How many replicas listen to a job's events. */
  async function listenersOf(replica: Replica, id: string): Promise<number> {
    const [, count] = (await replica.commands.pubsub('NUMSUB', jobKey(replica, id, 'events'))) as [
      string,
      number,
    ];
    return count;
  }

  /** Resolves with the first event of `type` published on a job's channel from now on. */
  async function nextEventOf(replica: Replica, id: string, type: string): Promise<unknown> {
    const listener = connectRedisSubscriber({ url: redis.url, connectionName: 'test-listener' });
    connections.push(listener);
    const channel = jobKey(replica, id, 'events');
    const heard = new Promise<unknown>((resolve) => {
      listener.on('message', (from: string, message: string) => {
        const event = JSON.parse(message) as { type: string };
        if (from === channel && event.type === type) resolve(event);
      });
    });
    await listener.subscribe(channel);
    return heard;
  }

  it('relays the leader’s snapshots to a subscriber on another replica, which never polls', async () => {
    const [a, b] = twoReplicas();
    const onA = collect(a.hub.watch('DEPLOY_RECORD', '7'));
    await until(() => a.upstream.calls.length === 1);
    const onB = collect(b.hub.watch('DEPLOY_RECORD', '7'));
    a.upstream.answer(deployDetail(3));
    await until(() => onB.statuses.length === 1);
    await until(() => a.upstream.calls.length === 2);
    a.upstream.answer(deployDetail(1));
    await Promise.all([onA.finished, onB.finished]);
    expect(onA.statuses).toEqual(['RUNNING', 'SUCCEEDED']);
    expect(onB.statuses).toEqual(['RUNNING', 'SUCCEEDED']);
    expect(a.upstream.calls).toHaveLength(2);
    expect(b.upstream.calls).toHaveLength(0);
    expect(a.hub.activePollCount + b.hub.activePollCount).toBe(0);
  });

  it('starts a late subscriber on another replica from the leader’s latest snapshot', async () => {
    const [a, b] = twoReplicas();
    const onA = collect(a.hub.watch('DEPLOY_RECORD', '8'));
    await until(() => a.upstream.calls.length === 1);
    a.upstream.answer(deployDetail(3));
    await until(() => a.upstream.calls.length === 2);
    const onB = collect(b.hub.watch('DEPLOY_RECORD', '8'));
    await until(() => onB.statuses.length === 1);
    expect(onB.statuses).toEqual(['RUNNING']);
    a.upstream.answer(deployDetail(1));
    await Promise.all([onA.finished, onB.finished]);
    expect(b.upstream.calls).toHaveLength(0);
  });

  it('hands the poll over when the leader’s last subscriber leaves', async () => {
    const [a, b] = twoReplicas();
    const leaving = a.hub.watch('DEPLOY_RECORD', '9');
    const onA = collect(leaving);
    await until(() => a.upstream.calls.length === 1);
    const onB = collect(b.hub.watch('DEPLOY_RECORD', '9'));
    a.upstream.answer(deployDetail(3));
    await until(() => onB.statuses.length === 1);
    await leaving.return?.();
    await onA.finished;
    // B takes over on the leader's goodbye, not after the 10 s lock lapses.
    await until(() => b.upstream.calls.length === 1);
    b.upstream.answer(deployDetail(1));
    await onB.finished;
    expect(onB.statuses).toEqual(['RUNNING', 'SUCCEEDED']);
  });

  it('takes over from a leader that vanished without a word once its lock lapses', async () => {
    const [a, b] = twoReplicas(300);
    a.hub.watch('DEPLOY_RECORD', '10');
    await until(() => a.upstream.calls.length === 1);
    const onB = collect(b.hub.watch('DEPLOY_RECORD', '10'));
    await until(() => b.hub.activePollCount === 1);
    // A crashes: it can no longer renew or give up its lock, which stays held until it expires.
    a.commands.disconnect();
    a.hub.dispose();
    await until(() => b.upstream.calls.length === 1);
    b.upstream.answer(deployDetail(1));
    await onB.finished;
    expect(onB.statuses).toEqual(['SUCCEEDED']);
  });

  it('fails every replica’s subscribers with the leader’s upstream error', async () => {
    const [a, b] = twoReplicas();
    const failures: unknown[] = [];
    const drain = async (iterator: AsyncIterableIterator<JobSnapshot | null>) => {
      try {
        for await (const _ of iterator);
      } catch (error) {
        failures.push(error);
      }
    };
    const onA = drain(a.hub.watch('DEPLOY_RECORD', '11'));
    await until(() => a.upstream.calls.length === 1);
    const onB = drain(b.hub.watch('DEPLOY_RECORD', '11'));
    // B must be listening before the leader fails, or it would have nothing to relay.
    while ((await listenersOf(a, '11')) < 2) await new Promise((resolve) => setTimeout(resolve, 1));
    a.upstream.fail(
      new SslApiError({
        action: 'DescribeHostDeployRecordDetail',
        code: 'AuthFailure.UnauthorizedOperation',
        message: 'no such record',
        requestId: 'req-1',
      }),
    );
    await Promise.all([onA, onB]);
    expect(failures).toHaveLength(2);
    for (const failure of failures) {
      expect(failure).toMatchObject({
        extensions: { code: 'AuthFailure.UnauthorizedOperation', requestId: 'req-1' },
      });
    }
    expect(b.upstream.calls).toHaveLength(0);
  });

  it('does not end a joining replica’s watch with the finished state of the job’s previous run', async () => {
    const [a, b] = twoReplicas();
    // The first run: A polls it to its end, and keeps no finished snapshot for replicas joining later.
    const firstRun = collect(a.hub.watch('DEPLOY_RECORD', '12'));
    await until(() => a.upstream.calls.length === 1);
    a.upstream.answer(deployDetail(1));
    await firstRun.finished;
    expect(await a.commands.get(jobKey(a, '12', 'latest'))).toBeNull();
    // As an earlier gateway (or a failed DEL) may have left one behind.
    await a.commands.set(jobKey(a, '12', 'latest'), await finishedSnapshotOf('12'), 'PX', 20_000);

    // A retry restarts the record under its ID: B follows the new run and leads; A joins while B's poll runs.
    const onB = collect(b.hub.watch('DEPLOY_RECORD', '12'));
    await until(() => b.upstream.calls.length === 1);
    const aFollows = nextEventOf(a, '12', 'interval');
    const onA = collect(a.hub.watch('DEPLOY_RECORD', '12'));
    // A announces its interval once it has read what B keeps, and has made up its mind about it.
    await Promise.race([aFollows, onA.finished]);
    expect(onA.statuses).toEqual([]);
    b.upstream.answer(deployDetail(3));
    await until(() => onA.statuses.length === 1);
    await until(() => b.upstream.calls.length === 2);
    b.upstream.answer(deployDetail(1));
    await Promise.all([onA.finished, onB.finished]);
    expect(onA.statuses).toEqual(['RUNNING', 'SUCCEEDED']);
    expect(onB.statuses).toEqual(['RUNNING', 'SUCCEEDED']);
  });

  it('polls at the shortest interval any replica’s watchers ask for', async () => {
    const [a, b] = twoReplicas();
    const onA = collect(a.hub.watch('DEPLOY_RECORD', '13', { intervalMs: 60_000 }));
    await until(() => a.upstream.calls.length === 1);
    a.upstream.answer(deployDetail(3));
    await until(() => onA.statuses.length === 1);
    // The leader now pauses for a minute; B's watcher wants news every millisecond.
    const onB = collect(b.hub.watch('DEPLOY_RECORD', '13', { intervalMs: 1 }));
    await vi.waitFor(() => expect(a.upstream.calls).toHaveLength(2), { timeout: 5_000 });
    a.upstream.answer(deployDetail(1));
    await Promise.all([onA.finished, onB.finished]);
    expect(onB.statuses).toEqual(['RUNNING', 'SUCCEEDED']);
    expect(b.upstream.calls).toHaveLength(0);
  });

  it('cuts the leader’s pause short when one of its own watchers asks for a shorter interval', async () => {
    const [a] = twoReplicas();
    const patient = collect(a.hub.watch('DEPLOY_RECORD', '14', { intervalMs: 60_000 }));
    await until(() => a.upstream.calls.length === 1);
    a.upstream.answer(deployDetail(3));
    await until(() => patient.statuses.length === 1);
    const eager = collect(a.hub.watch('DEPLOY_RECORD', '14', { intervalMs: 1 }));
    await vi.waitFor(() => expect(a.upstream.calls).toHaveLength(2), { timeout: 5_000 });
    a.upstream.answer(deployDetail(1));
    await Promise.all([patient.finished, eager.finished]);
  });

  it('keeps every replica’s watches going through the leader’s failures that may pass', async () => {
    const [a, b] = twoReplicas();
    const onA = collect(a.hub.watch('DEPLOY_RECORD', '15'));
    await until(() => a.upstream.calls.length === 1);
    const onB = collect(b.hub.watch('DEPLOY_RECORD', '15'));
    // B must be listening before the leader fails, or it would have nothing to relay.
    while ((await listenersOf(a, '15')) < 2) await new Promise((resolve) => setTimeout(resolve, 1));
    a.upstream.fail(
      new SslApiError({
        action: 'DescribeHostDeployRecordDetail',
        code: 'InternalError',
        message: 'try again',
        requestId: 'req-2',
      }),
    );
    await until(() => a.upstream.calls.length === 2);
    a.upstream.answer(deployDetail(1));
    await Promise.all([onA.finished, onB.finished]);
    expect(onA.statuses).toEqual(['SUCCEEDED']);
    expect(onB.statuses).toEqual(['SUCCEEDED']);
    expect(b.upstream.calls).toHaveLength(0);
  });
});
