import { describe, expect, it, vi } from 'vitest';
import { JobHub } from '../../src/graphql/jobs/job-hub.ts';
import type { JobSnapshot } from '../../src/graphql/jobs/job-kinds.ts';
// Registers the job kinds, as the gateway does.
import '../../src/graphql/schema/index.ts';
import type { SslCaller } from '../../src/ssl/actions.ts';
import { SslApiError, SslRateLimitQueueError } from '../../src/ssl/errors.ts';
import type {
  DescribeCertificateBindResourceTaskResultRequest,
  SyncTaskBindResourceResult,
} from '../../src/ssl/models.generated.ts';
import { RateLimiter } from '../../src/ssl/rate-limiter.ts';
import { deployDetail } from '../support/deploy-record-detail.ts';
import { gatedUpstream } from '../support/gated-upstream.ts';

// The shared job poller (JobHub) over a fake upstream: how often it polls, for whom, and what ends a watch.

function collect(iterator: AsyncIterableIterator<JobSnapshot | null>) {
  const statuses: string[] = [];
  let failure: unknown;
  const finished = (async () => {
    try {
      for await (const snapshot of iterator) statuses.push(snapshot?.state.status ?? 'null');
    } catch (error) {
      failure = error;
    }
  })();
  return {
    statuses,
    finished,
    get failure() {
      return failure;
    },
  };
}

const internalError = () =>
  new SslApiError({
    action: 'DescribeHostDeployRecordDetail',
    code: 'InternalError',
    message: 'try again',
    requestId: 'req-internal',
  });

describe('JobHub: the interval a job is polled at', () => {
  it('cuts a long pause short when a watcher asking for a shorter interval joins', async () => {
    const upstream = gatedUpstream();
    const hub = new JobHub(upstream.ssl, { minIntervalMs: 1, defaultIntervalMs: 1 });
    const patient = collect(hub.watch('DEPLOY_RECORD', '7', { intervalMs: 60_000 }));
    await vi.waitFor(() => expect(upstream.calls).toHaveLength(1));
    upstream.answer(deployDetail(3));
    await vi.waitFor(() => expect(patient.statuses).toEqual(['RUNNING']));
    // The poller now pauses for a minute; a watcher wanting news every millisecond must not sit through it.
    const eager = collect(hub.watch('DEPLOY_RECORD', '7', { intervalMs: 1 }));
    await vi.waitFor(() => expect(upstream.calls).toHaveLength(2));
    upstream.answer(deployDetail(1));
    await Promise.all([patient.finished, eager.finished]);
    expect(patient.statuses).toEqual(['RUNNING', 'SUCCEEDED']);
    expect(eager.statuses).toEqual(['RUNNING', 'SUCCEEDED']);
  });

  it('refuses an interval longer than a minute, sending nothing upstream', async () => {
    const upstream = gatedUpstream();
    const hub = new JobHub(upstream.ssl);
    const refused = collect(hub.watch('DEPLOY_RECORD', '7', { intervalMs: 60_001 }));
    await refused.finished;
    expect(refused.failure).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'pollIntervalMs' },
    });
    await expect(
      hub.waitFor('DEPLOY_RECORD', '7', { timeoutMs: 1000, intervalMs: 2_000_000_000 }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(upstream.calls).toHaveLength(0);
    expect(hub.activePollCount).toBe(0);
  });
});

describe('JobHub: failed polls', () => {
  it('keeps every watch going through failures that may pass, and polls on', async () => {
    const upstream = gatedUpstream();
    const hub = new JobHub(upstream.ssl, { minIntervalMs: 1, defaultIntervalMs: 1 });
    const watches = [collect(hub.watch('DEPLOY_RECORD', '7')), collect(hub.watch('DEPLOY_RECORD', '7'))];
    await vi.waitFor(() => expect(upstream.calls).toHaveLength(1));
    upstream.answer(deployDetail(3));
    await vi.waitFor(() => expect(upstream.calls).toHaveLength(2));
    upstream.fail(internalError());
    await vi.waitFor(() => expect(upstream.calls).toHaveLength(3));
    upstream.fail(
      new SslRateLimitQueueError({ action: 'x', reason: 'deadline', queueDepth: 9, expectedWaitMs: 1 }),
    );
    await vi.waitFor(() => expect(upstream.calls).toHaveLength(4));
    upstream.answer(deployDetail(1));
    await Promise.all(watches.map((watch) => watch.finished));
    for (const watch of watches) {
      expect(watch.failure).toBeUndefined();
      expect(watch.statuses).toEqual(['RUNNING', 'SUCCEEDED']);
    }
  });

  it('ends every watch with a failure that will not pass', async () => {
    const upstream = gatedUpstream();
    const hub = new JobHub(upstream.ssl, { minIntervalMs: 1, defaultIntervalMs: 1 });
    const watch = collect(hub.watch('DEPLOY_RECORD', '7'));
    await vi.waitFor(() => expect(upstream.calls).toHaveLength(1));
    upstream.fail(
      new SslApiError({
        action: 'DescribeHostDeployRecordDetail',
        code: 'AuthFailure.UnauthorizedOperation',
        message: 'no',
        requestId: 'req-1',
      }),
    );
    await watch.finished;
    expect(watch.failure).toMatchObject({ extensions: { code: 'AuthFailure.UnauthorizedOperation' } });
    expect(hub.activePollCount).toBe(0);
  });

  it('answers a wait whose polls only failed with the last failure once the time is up', async () => {
    const upstream = gatedUpstream();
    const hub = new JobHub(upstream.ssl, { minIntervalMs: 1, defaultIntervalMs: 1 });
    const waiting = hub.waitFor('DEPLOY_RECORD', '7', { timeoutMs: 50 });
    const outcome = waiting.then(
      () => 'answered',
      (error: unknown) => error,
    );
    await vi.waitFor(() => expect(upstream.calls).toHaveLength(1));
    upstream.fail(internalError());
    expect(await outcome).toMatchObject({ extensions: { code: 'InternalError', retryable: true } });
    expect(hub.activePollCount).toBe(0);
  });

  it('answers a wait with what it knows when polls fail after a snapshot', async () => {
    const upstream = gatedUpstream();
    const hub = new JobHub(upstream.ssl, { minIntervalMs: 1, defaultIntervalMs: 1 });
    const waiting = hub.waitFor('DEPLOY_RECORD', '7', { timeoutMs: 300 });
    await vi.waitFor(() => expect(upstream.calls).toHaveLength(1));
    upstream.answer(deployDetail(3));
    await vi.waitFor(() => expect(upstream.calls).toHaveLength(2));
    upstream.fail(internalError());
    expect((await waiting)?.state.status).toBe('RUNNING');
  });
});

describe('JobHub.waitFor', () => {
  it('listens for its deadline once, however many snapshots it sees', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error): void => {
      warnings.push(warning);
    };
    process.on('warning', onWarning);
    try {
      let polls = 0;
      // A deployment of 30 instances finishing one per poll: every poll is a change.
      const ssl: SslCaller = {
        call: async () => {
          polls += 1;
          const done = Math.min(polls, 30);
          return {
            ...deployDetail(3),
            TotalCount: 30,
            SuccessTotalCount: done,
            RunningTotalCount: 30 - done,
          } as never;
        },
      };
      const hub = new JobHub(ssl, { minIntervalMs: 1, defaultIntervalMs: 1, pollQuotaShare: 1 });
      const waited = await hub.waitFor('DEPLOY_RECORD', '7', { timeoutMs: 60_000 });
      expect(waited?.state.status).toBe('SUCCEEDED');
      expect(polls).toBe(30);
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.map((warning) => warning.name)).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  }, 10_000);
});

/** Bind-resource task results: the fake answers every TaskId asked for, running until `finished` is set. */
function bindTaskUpstream() {
  const calls: string[][] = [];
  let finished = false;
  const result = (taskId: string): SyncTaskBindResourceResult => ({
    TaskId: taskId,
    BindResourceResult: [],
    Status: finished ? 1 : 0,
    Error: null,
    CacheTime: '2025-06-24 10:00:03',
  });
  const ssl: SslCaller = {
    call: async (action, params) => {
      if (action !== 'DescribeCertificateBindResourceTaskResult') throw new Error(`unexpected ${action}`);
      const { TaskIds } = params as DescribeCertificateBindResourceTaskResultRequest;
      calls.push(TaskIds);
      return { SyncTaskBindResourceResult: TaskIds.map(result), RequestId: `r${calls.length}` } as never;
    },
  };
  return {
    ssl,
    calls,
    finish() {
      finished = true;
    },
  };
}

describe('JobHub: polls of distinct tasks', () => {
  it('sends the polls of up to 100 tasks due together as one call', async () => {
    const upstream = bindTaskUpstream();
    const hub = new JobHub(upstream.ssl, { minIntervalMs: 1, defaultIntervalMs: 1 });
    const ids = Array.from({ length: 150 }, (_, index) => `task-${index}`);
    const watches = ids.map((id) => collect(hub.watch('BIND_RESOURCE_TASK', id)));
    await vi.waitFor(() => expect(watches.every((watch) => watch.statuses.length === 1)).toBe(true));
    expect(upstream.calls.slice(0, 2).map((taskIds) => taskIds.length)).toEqual([100, 50]);
    upstream.finish();
    await Promise.all(watches.map((watch) => watch.finished));
    for (const watch of watches) expect(watch.statuses).toEqual(['RUNNING', 'SUCCEEDED']);
    // Each round asked for every task once: 150 tasks, 2 calls a round, whatever the number of rounds.
    expect(upstream.calls.flat()).toHaveLength(upstream.calls.length * 75);
  });

  it('polls tasks watched from different moments at the same interval in one call', async () => {
    const upstream = bindTaskUpstream();
    const hub = new JobHub(upstream.ssl, { minIntervalMs: 1, defaultIntervalMs: 1, pollQuotaShare: 1 });
    const first = collect(hub.watch('BIND_RESOURCE_TASK', 'early', { intervalMs: 200 }));
    await vi.waitFor(() => expect(first.statuses).toEqual(['RUNNING']));
    // Well apart from the first task's poll, so no batching window could hold them together by chance.
    await new Promise((resolve) => setTimeout(resolve, 60));
    const second = collect(hub.watch('BIND_RESOURCE_TASK', 'late', { intervalMs: 200 }));
    await vi.waitFor(() => expect(upstream.calls).toContainEqual(expect.arrayContaining(['early', 'late'])), {
      timeout: 3_000,
    });
    upstream.finish();
    await Promise.all([first.finished, second.finished]);
  });
});

describe('JobHub: the poll budget', () => {
  it('keeps polls of many jobs from queueing ahead of an interactive call of the same action', async () => {
    // The SslClient's limiter as the client sets it up: 80 % of the action's 10 requests per second, queueing
    // calls over that rate in arrival order.
    const clientLimiter = new RateLimiter();
    const acquire = (signal?: AbortSignal) =>
      clientLimiter.acquire('DescribeHostDeployRecordDetail', 'key', 10, signal);
    let polls = 0;
    const ssl: SslCaller = {
      call: async (_action, _params, options) => {
        await acquire(options?.signal);
        polls += 1;
        return deployDetail(3) as never;
      },
    };
    const hub = new JobHub(ssl, { minIntervalMs: 1, defaultIntervalMs: 1 });
    const watched = Array.from({ length: 40 }, (_, index) =>
      hub.watch('DEPLOY_RECORD', String(1000 + index)),
    );
    for (const watch of watched) void watch.next();
    await vi.waitFor(() => expect(polls).toBeGreaterThanOrEqual(3));
    // Without a budget, the 40 first polls would all be queued in the client's limiter ahead of this call.
    const interactive = await acquire();
    expect(interactive.queueDepth).toBeLessThanOrEqual(1);
    await Promise.all(watched.map((watch) => watch.return?.()));
    hub.dispose();
    clientLimiter.dispose();
  });
});
