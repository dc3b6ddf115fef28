import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainsMatchCertificate } from '../../src/emulator/store/resources.ts';
import { JobHub } from '../../src/graphql/jobs/job-hub.ts';
import type { JobSnapshot } from '../../src/graphql/jobs/job-kinds.ts';
import { repeatUntilCreated } from '../../src/graphql/jobs/repeat-until-created.ts';
// Registers the job kinds, as the gateway does.
import '../../src/graphql/schema/index.ts';
import type { SslActionName, SslCaller } from '../../src/ssl/actions.ts';
import type { DescribeHostDeployRecordDetailResponse } from '../../src/ssl/models.generated.ts';
import { execute } from './support/execute.ts';
import { startTestStack, type TestStack } from './support/stack.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ gateway: { jobPolling: { minIntervalMs: 5, defaultIntervalMs: 10 } } });
});
afterAll(async () => {
  await stack?.close();
});

function detail(status: number): DescribeHostDeployRecordDetailResponse {
  const item = {
    Id: 1,
    CertId: 'c',
    OldCertId: '',
    InstanceId: 'i',
    InstanceName: 'n',
    ListenerId: '',
    Domains: [],
    Protocol: '',
    Status: status,
    ErrorMsg: '',
    CreateTime: '2025-06-24 10:00:00',
    UpdateTime: '2025-06-24 10:00:03',
    ListenerName: '',
    SniSwitch: 0,
    Bucket: '',
    Namespace: '',
    SecretName: '',
    Port: 0,
    EnvId: '',
    TCBType: '',
    Region: '',
    Url: [],
  };
  const done = status === 1;
  return {
    TotalCount: 1,
    DeployRecordDetailList: [item],
    SuccessTotalCount: done ? 1 : 0,
    FailedTotalCount: 0,
    RunningTotalCount: done ? 0 : 1,
    RequestId: 'r',
  };
}

/** An upstream whose every call waits until the test releases it, counting the calls. */
function gatedUpstream() {
  const calls: SslActionName[] = [];
  const waiting: Array<(response: DescribeHostDeployRecordDetailResponse) => void> = [];
  const ssl: SslCaller = {
    call(action) {
      calls.push(action);
      return new Promise((resolve) => waiting.push(resolve as never)) as never;
    },
  };
  return {
    ssl,
    calls,
    release(response: DescribeHostDeployRecordDetailResponse) {
      for (const resolve of waiting.splice(0)) resolve(response);
    },
  };
}

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
    upstream.release(detail(3));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(upstream.calls).toHaveLength(2);
    upstream.release(detail(1));
    const seen = await Promise.all(streams);
    for (const statuses of seen) expect(statuses).toEqual(['RUNNING', 'SUCCEEDED']);
    // Two polls whatever the number of subscribers, and the poller is gone once the job finished.
    expect(upstream.calls).toHaveLength(2);
    expect(hub.activePollCount).toBe(0);
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
});

/** Reads an SSE response to its end, calling `onEvent` for each `next` payload. */
async function readEvents(response: Response, onEvent: (data: unknown) => void): Promise<void> {
  const reader = response.body?.getReader();
  if (reader === undefined) throw new Error('no body');
  const decoder = new TextDecoder();
  let buffer = '';
  while (true) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let boundary = buffer.indexOf('\n\n');
    while (boundary >= 0) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event === 'next' && data !== undefined) onEvent(JSON.parse(data));
      if (event === 'complete') return;
      boundary = buffer.indexOf('\n\n');
    }
  }
}

describe('Subscription.jobProgress over Server-Sent Events', () => {
  it('streams a deployment until it finished, one upstream poll shared by every subscriber', async () => {
    const now = stack.emulator.clock.now();
    const state = stack.emulator.state;
    const certificate = state.certificates
      .all()
      .find(
        (c) =>
          c.status === 1 &&
          c.certificateType === 'SVR' &&
          (c.certEndTime ?? 0) > now &&
          state.resources.targets('cdn').some((t) => domainsMatchCertificate(t.domains, c.subjectAltNames)),
      );
    const target = state.resources
      .targets('cdn')
      .find((t) => certificate && domainsMatchCertificate(t.domains, certificate.subjectAltNames));
    const started = await execute<{ certificateDeploy: { deployRecord: { id: string } } }, unknown>(
      stack.gateway,
      `mutation($input: CertificateDeployInput!) { certificateDeploy(input: $input) { deployRecord { id } } }`,
      { input: { certificateId: certificate?.id, resourceType: 'CDN', instanceIds: [target?.instanceId] } },
    );
    const id = started.data?.certificateDeploy.deployRecord.id;
    expect(id).toEqual(expect.any(String));

    const subscribe = () =>
      stack.gateway.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({
          query: `subscription($id: ID!) { jobProgress(kind: DEPLOY_RECORD, id: $id, pollIntervalMs: 10) {
            id status isFinished ... on DeployRecord { instances { totalCount } } } }`,
          variables: { id },
        }),
      });
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
    // One shared poller: every subscriber saw the same sequence (call counting is in the JobHub tests above).
    expect(received[1]).toEqual(received[0]);
    expect(received[2]).toEqual(received[0]);
  });
});
