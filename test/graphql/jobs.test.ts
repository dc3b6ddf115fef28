import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BIND_TASK_QUERY_MS } from '../../src/emulator/domains/bind-tasks.ts';
import { JobHub } from '../../src/graphql/jobs/job-hub.ts';
import type { JobSnapshot } from '../../src/graphql/jobs/job-kinds.ts';
import { repeatUntilCreated } from '../../src/graphql/jobs/repeat-until-created.ts';
// Registers the job kinds, as the gateway does.
import '../../src/graphql/schema/index.ts';
import { createGateway } from '../../src/graphql/yoga.ts';
import { deployDetail } from '../support/deploy-record-detail.ts';
import { gatedUpstream } from '../support/gated-upstream.ts';
import { startCdnDeployment } from './support/deployments.ts';
import { execute } from './support/execute.ts';
import { readEvents, subscribeOverSse } from './support/sse.ts';
import { startTestStack, type TestStack } from './support/stack.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ gateway: { jobPolling: { minIntervalMs: 5, defaultIntervalMs: 10 } } });
});
afterAll(async () => {
  await stack?.close();
});

async function drain(iterator: AsyncIterableIterator<JobSnapshot | null>): Promise<string[]> {
  const statuses: string[] = [];
  for await (const snapshot of iterator) statuses.push(snapshot?.state.status ?? 'null');
  return statuses;
}

describe('JobHub', () => {
  it.each([1, 3])('polls a job once per interval for %i concurrent subscriber(s)', async (subscribers) => {
    const upstream = gatedUpstream();
    const hub = new JobHub(upstream.ssl, { minIntervalMs: 1, defaultIntervalMs: 1 });
    const streams = Array.from({ length: subscribers }, () => drain(hub.watch('DEPLOY_RECORD', '7')));
    expect(hub.activePollCount).toBe(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(upstream.calls).toEqual(['DescribeHostDeployRecordDetail']);
    upstream.answer(deployDetail(3));
    // The next poll is due one interval (1 ms) after the answer: wait for it rather than for a fixed time.
    await vi.waitFor(() => expect(upstream.calls).toHaveLength(2));
    upstream.answer(deployDetail(1));
    const seen = await Promise.all(streams);
    for (const statuses of seen) expect(statuses).toEqual(['RUNNING', 'SUCCEEDED']);
    // Two polls whatever the number of subscribers, and the poller is gone once the job finished.
    expect(upstream.calls).toHaveLength(2);
    expect(hub.activePollCount).toBe(0);
  });

  it('passes a snapshot on when the job changed, not when only the RequestId of the answer did', async () => {
    const upstream = gatedUpstream();
    const hub = new JobHub(upstream.ssl, { minIntervalMs: 1, defaultIntervalMs: 1 });
    const streaming = drain(hub.watch('DEPLOY_RECORD', '9'));
    const answers = [
      { ...deployDetail(3), RequestId: 'first' },
      { ...deployDetail(3), RequestId: 'second' },
      { ...deployDetail(3), RequestId: 'third' },
      { ...deployDetail(1), RequestId: 'fourth' },
    ];
    for (const [index, answer] of answers.entries()) {
      await vi.waitFor(() => expect(upstream.calls).toHaveLength(index + 1));
      upstream.answer(answer);
    }
    expect(await streaming).toEqual(['RUNNING', 'SUCCEEDED']);
  });

  it('stops polling when the last subscriber leaves', async () => {
    const upstream = gatedUpstream();
    const hub = new JobHub(upstream.ssl, { minIntervalMs: 1, defaultIntervalMs: 1 });
    const first = hub.watch('DEPLOY_RECORD', '8');
    const second = hub.watch('DEPLOY_RECORD', '8');
    await first.return?.();
    expect(hub.activePollCount).toBe(1);
    await second.return?.();
    expect(hub.activePollCount).toBe(0);
  });

  it('repeats a creation answering DeployRecordId 0 until it is created', async () => {
    const answers = [0, 0, 42];
    const repeated = await repeatUntilCreated(
      async () => ({ ok: true as const, response: { DeployRecordId: answers.shift() ?? 0 } }),
      { maxAttempts: 5, delayMs: 1 },
    );
    expect(repeated).toMatchObject({
      created: true,
      attempts: 3,
      outcome: { response: { DeployRecordId: 42 } },
    });
    const gaveUp = await repeatUntilCreated(
      async () => ({ ok: true as const, response: { DeployRecordId: 0 } }),
      {
        maxAttempts: 2,
        delayMs: 1,
      },
    );
    expect(gaveUp).toMatchObject({ created: false, attempts: 2 });
  });

  it('ends with the creation pending when a repeat fails after the first request was accepted', async () => {
    const throttled = new Error('RequestLimitExceeded');
    let calls = 0;
    const repeated = await repeatUntilCreated(
      async () => {
        calls += 1;
        if (calls === 2) throw throttled;
        return { ok: true as const, response: { DeployRecordId: 0 } };
      },
      { maxAttempts: 5, delayMs: 1 },
    );
    expect(repeated).toMatchObject({
      created: false,
      attempts: 1,
      outcome: { response: { DeployRecordId: 0 } },
    });
    const refused = await repeatUntilCreated(
      async () => {
        calls += 1;
        return calls === 4 ? { ok: false as const } : { ok: true as const, response: { DeployRecordId: 0 } };
      },
      { maxAttempts: 5, delayMs: 1 },
    );
    expect(refused).toMatchObject({ created: false, outcome: { ok: true } });
    // A first request that fails is the mutation's own failure.
    await expect(
      repeatUntilCreated(
        async () => {
          throw throttled;
        },
        { maxAttempts: 5, delayMs: 1 },
      ),
    ).rejects.toBe(throttled);
  });
});

describe('Subscription.jobProgress over Server-Sent Events', () => {
  it('streams a deployment until it finished, one upstream poll shared by every subscriber', async () => {
    const id = await startCdnDeployment(stack.emulator, stack.gateway);

    const subscribe = () =>
      subscribeOverSse(
        stack.gateway,
        `subscription($id: ID!) { jobProgress(kind: DEPLOY_RECORD, id: $id, pollIntervalMs: 100) {
          id status isFinished ... on DeployRecord { instances { totalCount } } } }`,
        { id },
      );
    stack.emulator.stats.reset();
    const responses = await Promise.all([subscribe(), subscribe(), subscribe()]);
    const received: Array<Array<{ status: string; isFinished: boolean }>> = [[], [], []];
    let advanced = false;
    const readers = responses.map((response, index) =>
      readEvents(response, (payload) => {
        const job = (payload as { data: { jobProgress: { status: string; isFinished: boolean } } }).data
          .jobProgress;
        received[index]?.push(job);
        if (!advanced) {
          advanced = true;
          stack.emulator.clock.advance(10_000);
        }
      }),
    );
    await Promise.all(readers);
    for (const statuses of received) {
      expect(statuses.at(-1)).toEqual({
        id,
        status: 'SUCCEEDED',
        isFinished: true,
        instances: { totalCount: 1 },
      });
    }
    // One shared poller: every subscriber saw the same sequence, and the upstream was polled as for one of them.
    // A poller each would poll at least once per snapshot per subscriber (6); a shared one polls at least once per
    // snapshot (2), and more only if the first event took several poll intervals to reach the test.
    expect(received[1]).toEqual(received[0]);
    expect(received[2]).toEqual(received[0]);
    expect(stack.upstreamCalls('DescribeHostDeployRecordDetail')).toBeLessThan(
      received.length * (received[0]?.length ?? 0),
    );
  });

  it('sends the current state, then only changes: polls that find the deployment as it was send nothing', async () => {
    const id = await startCdnDeployment(stack.emulator, stack.gateway);
    const response = await subscribeOverSse(
      stack.gateway,
      `subscription($id: ID!) { jobProgress(kind: DEPLOY_RECORD, id: $id, pollIntervalMs: 5) {
        id status progress { total succeeded failed running pending } finishedAt
        ... on DeployRecord { instances { edges { node { status updatedAt } } } } } }`,
      { id },
    );
    const events: unknown[] = [];
    let firstEventSeen: () => void = () => undefined;
    const firstEvent = new Promise<void>((resolve) => {
      firstEventSeen = resolve;
    });
    const reading = readEvents(response, (payload) => {
      events.push(payload);
      firstEventSeen();
    });
    await firstEvent;
    // Several polls of the unchanged deployment (each answer with its own RequestId), then the end.
    const polled = stack.upstreamCalls('DescribeHostDeployRecordDetail');
    await vi.waitFor(() =>
      expect(stack.upstreamCalls('DescribeHostDeployRecordDetail')).toBeGreaterThanOrEqual(polled + 3),
    );
    stack.emulator.clock.advance(10_000);
    await reading;
    const statuses = events.map(
      (event) => (event as { data: { jobProgress: { status: string } } }).data.jobProgress.status,
    );
    expect(statuses.at(-1)).toBe('SUCCEEDED');
    for (const [index, event] of events.entries()) {
      if (index > 0) expect(event).not.toEqual(events[index - 1]);
    }
  });
});

/** Every SSE event of a response until it ends (its type and parsed data), each also passed to `onEvent`. */
async function allEvents(
  response: Response,
  onEvent: (event: { event: string; data: unknown }) => void = () => undefined,
): Promise<Array<{ event: string; data: unknown }>> {
  const events: Array<{ event: string; data: unknown }> = [];
  const reader = response.body?.getReader();
  if (reader === undefined) throw new Error('no body');
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return events;
    buffer += decoder.decode(value, { stream: true });
    let boundary = buffer.indexOf('\n\n');
    while (boundary >= 0) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      const type = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (type !== undefined) {
        const event = { event: type, data: data === undefined || data === '' ? null : JSON.parse(data) };
        events.push(event);
        onEvent(event);
      }
      boundary = buffer.indexOf('\n\n');
    }
  }
}

describe('poll intervals clients may ask for', () => {
  it('refuses a subscription asking for polls more than a minute apart', async () => {
    const id = await startCdnDeployment(stack.emulator, stack.gateway);
    const response = await subscribeOverSse(
      stack.gateway,
      `subscription($id: ID!) { jobProgress(kind: DEPLOY_RECORD, id: $id, pollIntervalMs: 600000) { id status } }`,
      { id },
    );
    const events = await allEvents(response);
    expect(events.map((event) => event.event)).toEqual(['next', 'complete']);
    expect(events[0]?.data).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT', argumentName: 'pollIntervalMs' } }],
    });
    stack.emulator.clock.advance(10_000);
  });

  it('refuses a wait asking for polls more than a minute apart before anything runs', async () => {
    const refused = await execute(
      stack.gateway,
      `{ job(kind: DEPLOY_RECORD, id: "1001", wait: { timeoutSeconds: 1, pollIntervalMs: 60001 }) { id } }`,
    );
    expect(refused.status).toBe(400);
    expect(refused.errors).toMatchObject([
      {
        message: expect.stringMatching(/60000/),
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'wait' },
      },
    ]);
  });
});

describe('waiting on many tasks', () => {
  it('polls 85 bind-resource tasks a few calls at a time, not one call each', async () => {
    const certificateIds = stack.emulator.state.certificates
      .all()
      .slice(100, 185)
      .map((certificate) => certificate.id);
    stack.emulator.stats.reset();
    const warnings: Error[] = [];
    const onWarning = (warning: Error): void => {
      warnings.push(warning);
    };
    process.on('warning', onWarning);
    const waiting = execute<
      { certificateBindingsRefresh: { tasks: Array<{ status: string }> | null } },
      unknown
    >(
      stack.gateway,
      `mutation($ids: [ID!]!) { certificateBindingsRefresh(input: { certificateIds: $ids, useCache: false }) {
        tasks(wait: { timeoutSeconds: 30 }) { id status } } }`,
      { ids: certificateIds },
    );
    // Once the wait is polling, let the emulated queries finish underneath it.
    await vi.waitFor(() =>
      expect(stack.upstreamCalls('DescribeCertificateBindResourceTaskResult')).toBeGreaterThan(0),
    );
    stack.emulator.clock.advance(BIND_TASK_QUERY_MS + 100);
    const waited = await waiting;
    process.off('warning', onWarning);
    expect(waited.errors).toBeUndefined();
    // 85 waits on one request's signal share one listener of it.
    expect(warnings.map((warning) => warning.name)).not.toContain('MaxListenersExceededWarning');
    const tasks = waited.data?.certificateBindingsRefresh.tasks ?? [];
    expect(tasks).toHaveLength(85);
    for (const task of tasks) expect(task.status).toBe('SUCCEEDED');
    // One call of up to 100 tasks per round; one call per task per round refused itself (UPSTREAM_RATE_LIMITED).
    expect(stack.upstreamCalls('DescribeCertificateBindResourceTaskResult')).toBeLessThan(10);
  });
});

describe('a gateway shutting down', () => {
  it('ends open job subscriptions with a last event saying to reconnect, and answers pending waits', async () => {
    const gateway = createGateway({
      ssl: stack.client,
      logging: false,
      jobPolling: { minIntervalMs: 5, defaultIntervalMs: 10 },
    });
    const id = await startCdnDeployment(stack.emulator, gateway);
    stack.emulator.stats.reset();
    // The wait polls once, then not again for a minute: it is still waiting when the gateway shuts down.
    const waiting = execute<{ job: { status: string } | null }, unknown>(
      gateway,
      `query($id: ID!) { job(kind: DEPLOY_RECORD, id: $id, wait: { timeoutSeconds: 60, pollIntervalMs: 60000 }) { status } }`,
      { id },
    );
    await vi.waitFor(() => expect(stack.upstreamCalls('DescribeHostDeployRecordDetail')).toBe(1));
    // The subscription shares that poll: its first event is the state the wait knows too. Its stream stays open.
    const response = await subscribeOverSse(
      gateway,
      `subscription($id: ID!) { jobProgress(kind: DEPLOY_RECORD, id: $id, pollIntervalMs: 60000) { id status } }`,
      { id },
    );
    const received: unknown[] = [];
    const reading = allEvents(response, (event) => received.push(event));
    await vi.waitFor(() => expect(received).toHaveLength(1));

    await gateway.dispose();
    const events = await reading;
    expect(events.map((event) => event.event)).toEqual(['next', 'next', 'complete']);
    expect(events[1]?.data).toMatchObject({
      errors: [
        { message: expect.stringMatching(/shutting down; reconnect/), extensions: { code: 'UNAVAILABLE' } },
      ],
    });
    const waited = await waiting;
    expect(waited.errors).toBeUndefined();
    expect(waited.data?.job?.status).toEqual(expect.stringMatching(/PENDING|RUNNING/));
    stack.emulator.clock.advance(10_000);
  });
});
