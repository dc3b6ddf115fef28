import { describe, expect, it, vi } from 'vitest';
import { BIND_TASK_QUERY_MS } from '../../src/emulator/domains/bind-tasks.ts';
import { UPDATE_CREATION_MS } from '../../src/emulator/domains/update-support.ts';
import { domainsMatchCertificate } from '../../src/emulator/store/resources.ts';
import { execute } from './support/execute.ts';
import { readEvents, subscribeOverSse } from './support/sse.ts';
import { useTestStack } from './support/stack.ts';

// Each event of a subscription, and each job answered after a wait, shows one moment: the nested data of the job
// (an update's instances, a bound-resource query's resources, a record's listing entry) is as new as its status,
// not what the request read earlier (one request context serves a whole subscription).

const stack = useTestStack({ gateway: { jobPolling: { minIntervalMs: 5, defaultIntervalMs: 20 } } });

/** Comfortably more emulated time than an update of a few instances needs. */
const JOB_SETTLE_MS = 20_000;

const usedCertificates = new Set<string>();

/**
 * A certificate bound to CDN domains and another that covers all of them, neither used by an earlier test of
 * this file: replacing the first by the second updates those domains.
 */
function cdnReplacement(): { oldCertificateId: string; newCertificateId: string } {
  const { state, clock } = stack.emulator;
  const now = clock.now();
  const cdnOf = (id: string) =>
    state.resources.boundTargets(id, now).filter((target) => target.resourceType === 'cdn');
  const issued = state.certificates
    .all()
    .filter(
      (c) =>
        c.status === 1 &&
        c.certificateType === 'SVR' &&
        (c.certEndTime ?? 0) > now &&
        !usedCertificates.has(c.id),
    );
  for (const old of issued) {
    const targets = cdnOf(old.id);
    if (targets.length === 0) continue;
    const replacing = issued.find(
      (c) =>
        c.id !== old.id &&
        targets.every((target) => domainsMatchCertificate(target.domains, c.subjectAltNames)),
    );
    if (replacing === undefined) continue;
    usedCertificates.add(old.id);
    usedCertificates.add(replacing.id);
    return { oldCertificateId: old.id, newCertificateId: replacing.id };
  }
  throw new Error('the seed has no certificate replaceable on its CDN domains');
}

/** Starts replacing a certificate on its CDN domains; returns the update record's ID once it exists. */
async function startCdnUpdate(): Promise<string> {
  const input = { ...cdnReplacement(), resourceTypes: ['CDN'], creationWaitSeconds: 0 };
  const replace = () =>
    execute<
      { certificateBindingsReplace: { updateRecord: { id: string } | null; isCreationPending: boolean } },
      unknown
    >(
      stack.gateway,
      `mutation Replace($input: CertificateBindingsReplaceInput!) {
        certificateBindingsReplace(input: $input) { updateRecord { id } isCreationPending }
      }`,
      { input },
    );
  // The first request starts the creation; the same one repeated once it is done returns the record.
  expect((await replace()).data?.certificateBindingsReplace.isCreationPending).toBe(true);
  stack.emulator.clock.advance(UPDATE_CREATION_MS);
  const created = await replace();
  const id = created.data?.certificateBindingsReplace.updateRecord?.id;
  if (id === undefined) throw new Error(`no update record: ${JSON.stringify(created)}`);
  return id;
}

interface UpdateRecordView {
  status: string;
  updateStatus: string | null;
  resourceGroups: { instances: { edges: { node: { status: string } }[] } }[];
}

const UPDATE_RECORD_FIELDS = `status
  ... on UpdateRecord { updateStatus resourceGroups { instances { edges { node { status } } } } }`;

function instanceStatuses(record: UpdateRecordView | undefined): string[] {
  return (record?.resourceGroups ?? []).flatMap((group) =>
    group.instances.edges.map((edge) => edge.node.status),
  );
}

describe('Subscription.jobProgress events', () => {
  it("show an update's instances and listing entry as of each event, not as of the first", async () => {
    const id = await startCdnUpdate();
    const response = await subscribeOverSse(
      stack.gateway,
      `subscription($id: ID!) { jobProgress(kind: UPDATE_RECORD, id: $id, pollIntervalMs: 5) { ${UPDATE_RECORD_FIELDS} } }`,
      { id },
    );
    const events: UpdateRecordView[] = [];
    await readEvents(response, (payload) => {
      events.push((payload as { data: { jobProgress: UpdateRecordView } }).data.jobProgress);
      if (events.length === 1) stack.emulator.clock.advance(JOB_SETTLE_MS);
    });

    expect(events[0]?.status).toBe('PENDING');
    expect(instanceStatuses(events[0])).toEqual(['PENDING']);
    expect(events.at(-1)).toMatchObject({ status: 'SUCCEEDED', updateStatus: 'SUCCEEDED' });
    expect(instanceStatuses(events.at(-1))).toEqual(['SUCCEEDED']);
  });

  it("show a bound-resource query's resources once it found them, as its counts do", async () => {
    const { state, clock } = stack.emulator;
    const certificateId = state.certificates
      .all()
      .find((c) =>
        state.resources.boundTargets(c.id, clock.now()).some((target) => target.resourceType === 'cdn'),
      )?.id;
    const started = await execute<{ certificateBindingsRefresh: { tasks: { id: string }[] } }, unknown>(
      stack.gateway,
      `mutation Refresh($ids: [ID!]!) {
        certificateBindingsRefresh(input: { certificateIds: $ids, useCache: false }) { tasks { id } }
      }`,
      { ids: [certificateId] },
    );
    const taskId = started.data?.certificateBindingsRefresh.tasks[0]?.id;

    interface TaskView {
      status: string;
      results: { resourceType: string; totalCount: number }[];
      cdn: { totalCount: number; edges: unknown[] };
    }
    const response = await subscribeOverSse(
      stack.gateway,
      `subscription($id: ID!) {
        jobProgress(kind: BIND_RESOURCE_TASK, id: $id, pollIntervalMs: 5) {
          status
          ... on BindResourceTask {
            results { resourceType totalCount }
            cdn: resources(resourceType: CDN) { totalCount edges { node { __typename } } }
          }
        }
      }`,
      { id: taskId },
    );
    const events: TaskView[] = [];
    await readEvents(response, (payload) => {
      events.push((payload as { data: { jobProgress: TaskView } }).data.jobProgress);
      if (events.length === 1) stack.emulator.clock.advance(BIND_TASK_QUERY_MS + 100);
    });

    expect(events[0]).toEqual({ status: 'RUNNING', results: [], cdn: { totalCount: 0, edges: [] } });
    const last = events.at(-1);
    const counted = last?.results.find((result) => result.resourceType === 'CDN')?.totalCount;
    expect(last?.status).toBe('SUCCEEDED');
    expect(counted).toBeGreaterThan(0);
    expect(last?.cdn.totalCount).toBe(counted);
    expect(last?.cdn.edges).toHaveLength(counted ?? 0);
  });
});

describe('a job waited for after the same request read it', () => {
  it('shows its nested data as of the end of the wait, with its status', async () => {
    const id = await startCdnUpdate();
    const polls = () => stack.upstreamCalls('DescribeHostUpdateRecordDetail');
    const before = polls();
    const answering = execute<{ before: UpdateRecordView; after: UpdateRecordView }, unknown>(
      stack.gateway,
      `query Waited($id: ID!) {
        before: job(kind: UPDATE_RECORD, id: $id) { ${UPDATE_RECORD_FIELDS} }
        after: job(kind: UPDATE_RECORD, id: $id, wait: { timeoutSeconds: 30, pollIntervalMs: 500 }) {
          ${UPDATE_RECORD_FIELDS}
        }
      }`,
      { id },
    );
    // The plain read and the wait's first poll have seen the update pending: let it finish under the wait.
    await vi.waitFor(() => expect(polls()).toBeGreaterThanOrEqual(before + 2));
    stack.emulator.clock.advance(JOB_SETTLE_MS);
    const answer = await answering;

    expect(answer.errors).toBeUndefined();
    expect(answer.data?.before.status).toBe('PENDING');
    expect(instanceStatuses(answer.data?.before)).toEqual(['PENDING']);
    expect(answer.data?.after).toMatchObject({ status: 'SUCCEEDED', updateStatus: 'SUCCEEDED' });
    expect(instanceStatuses(answer.data?.after)).toEqual(['SUCCEEDED']);
  });
});
