import { describe, expect, it } from 'vitest';
import { DELETE_TASK_DURATION_MS } from '../../src/emulator/store/delete-tasks.ts';
import { createGateway } from '../../src/graphql/yoga.ts';
import { execute } from './support/execute.ts';
import { readEvents, subscribeOverSse } from './support/sse.ts';
import { useTestStack } from './support/stack.ts';
import { unusedCertificates } from './support/unused-certificates.ts';

const stack = useTestStack({ gateway: { jobPolling: { minIntervalMs: 5, defaultIntervalMs: 20 } } });

/**
 * Seeded certificates no other test of this file touched: unbound ones are uploaded (deletable at once), bound
 * ones of any origin (the binding alone keeps them from being deleted).
 */
const certificates = unusedCertificates(() => stack.emulator.state, {
  accept: (c, bound) => bound || c.from === 'upload',
  what: 'uploaded certificates',
});

function exists(id: string): boolean {
  return stack.emulator.state.certificates.get(id) !== undefined;
}

interface TaskView {
  id: string;
  kind: string;
  status: string;
  isFinished: boolean;
  outcome: string;
  certificateId: string;
  certificate: { id: string } | null;
  error: string | null;
}

const TASK_FIELDS = 'id kind status isFinished outcome certificateId certificate { id } error';

const DELETE_ONE = `mutation Delete($input: CertificateDeleteInput!) {
  certificateDelete(input: $input) {
    deleted
    task { ${TASK_FIELDS} }
    userErrors { code field }
  }
}`;

interface DeleteOneData {
  certificateDelete: {
    deleted: boolean | null;
    task: TaskView | null;
    userErrors: { code: string; field: string[] | null }[];
  };
}

async function deleteOne(id: string, checkBoundResources?: boolean) {
  const result = await execute<DeleteOneData, unknown>(stack.gateway, DELETE_ONE, {
    input: { id, checkBoundResources },
  });
  expect(result.errors).toBeUndefined();
  return result.data?.certificateDelete;
}

const DELETE_MANY = `mutation DeleteMany($input: CertificatesDeleteInput!) {
  certificatesDelete(input: $input) {
    deletedCertificateIds
    failures { certificateId reason }
    tasks { ${TASK_FIELDS} }
    userErrors { code field }
  }
}`;

interface DeleteManyData {
  certificatesDelete: {
    deletedCertificateIds: string[] | null;
    failures: { certificateId: string; reason: string }[] | null;
    tasks: TaskView[] | null;
    userErrors: { code: string; field: string[] | null }[];
  };
}

async function deleteMany(ids: readonly string[], async?: boolean) {
  const result = await execute<DeleteManyData, unknown>(stack.gateway, DELETE_MANY, {
    input: { ids, async },
  });
  expect(result.errors).toBeUndefined();
  return result.data?.certificatesDelete;
}

const TWO_JOBS = `query Two($a: ID!, $b: ID!) {
  a: job(kind: CERTIFICATE_DELETE_TASK, id: $a) { ...Task }
  b: job(kind: CERTIFICATE_DELETE_TASK, id: $b) { ...Task }
}
fragment Task on CertificateDeleteTask { ${TASK_FIELDS} }`;

describe('certificateDelete', () => {
  it('deletes an unbound certificate at once', async () => {
    const [id = ''] = certificates(1, { bound: false });
    const deleted = await deleteOne(id);
    expect(deleted).toEqual({ deleted: true, task: null, userErrors: [] });
    expect(exists(id)).toBe(false);
  });

  it('refuses a bound certificate with the documented error', async () => {
    const [id = ''] = certificates(1, { bound: true });
    const refused = await deleteOne(id);
    expect(refused).toEqual({
      deleted: null,
      task: null,
      userErrors: [{ code: 'FailedOperation.DeleteResourceFailed', field: ['input', 'id'] }],
    });
    expect(exists(id)).toBe(true);
  });

  it('with checkBoundResources, starts a task that ends in BOUND_RESOURCES_REMAIN', async () => {
    const [id = ''] = certificates(1, { bound: true });
    const started = await deleteOne(id, true);
    expect(started?.deleted).toBe(false);
    expect(started?.task).toMatchObject({
      kind: 'CERTIFICATE_DELETE_TASK',
      status: 'RUNNING',
      isFinished: false,
      outcome: 'RUNNING',
      certificateId: id,
      certificate: { id },
      error: null,
    });

    stack.emulator.clock.advance(DELETE_TASK_DURATION_MS + 100);
    const read = await execute<{ job: TaskView & { domains: string[] } }, unknown>(
      stack.gateway,
      `query($id: ID!) { job(kind: CERTIFICATE_DELETE_TASK, id: $id) {
        ...on CertificateDeleteTask { ${TASK_FIELDS} domains }
      } }`,
      { id: started?.task?.id },
    );
    // The domains the task checked for bound resources: the certificate's, as the upstream's result lists them.
    const [result] =
      (await stack.client.call('DescribeDeleteCertificatesTaskResult', { TaskIds: [started!.task!.id] }))
        .DeleteTaskResult ?? [];
    expect(read.data?.job.domains).toEqual(result?.Domains);
    expect(read.data?.job.domains).toEqual(stack.emulator.state.certificates.get(id)?.subjectAltNames);
    expect(read.errors).toBeUndefined();
    expect(read.data?.job).toMatchObject({
      status: 'FAILED',
      isFinished: true,
      outcome: 'BOUND_RESOURCES_REMAIN',
      certificateId: id,
      certificate: { id },
    });
    expect(read.data?.job.error).toEqual(expect.any(String));
    expect(exists(id)).toBe(true);
  });

  it('with checkBoundResources or async, still refuses a free certificate within an hour of its application', async () => {
    const applied = await execute<{ certificateApply: { certificate: { id: string } | null } }, unknown>(
      stack.gateway,
      `mutation { certificateApply(input: { domain: "delete-within-hour.example.org", validationMethod: DNS }) {
        certificate { id }
      } }`,
    );
    expect(applied.errors).toBeUndefined();
    const id = applied.data?.certificateApply.certificate?.id ?? '';
    expect((await deleteOne(id))?.userErrors).toEqual([
      { code: 'FailedOperation.CannotBeDeletedWithinHour', field: ['input', 'id'] },
    ]);

    const checked = await deleteOne(id, true);
    const batch = await deleteMany([id], true);
    stack.emulator.clock.advance(DELETE_TASK_DURATION_MS + 100);
    const read = await execute<{ a: TaskView; b: TaskView }, unknown>(stack.gateway, TWO_JOBS, {
      a: checked?.task?.id,
      b: batch?.tasks?.[0]?.id,
    });
    expect(read.errors).toBeUndefined();
    for (const task of [read.data?.a, read.data?.b]) {
      expect(task).toMatchObject({
        status: 'FAILED',
        isFinished: true,
        outcome: 'FAILED',
        certificateId: id,
        certificate: { id },
        error: 'FailedOperation.CannotBeDeletedWithinHour',
      });
    }
    expect(exists(id)).toBe(true);
  });

  it('is refused without the ssl:write scope', async () => {
    const readOnly = createGateway({
      ssl: stack.client,
      logging: false,
      authenticate: async () => ({ subject: 'reader', scopes: new Set(['ssl:read'] as const) }),
    });
    const [id = ''] = certificates(1, { bound: false });
    stack.emulator.stats.reset();
    const one = await execute(readOnly, DELETE_ONE, { input: { id } });
    const many = await execute(readOnly, DELETE_MANY, { input: { ids: [id] } });
    expect(one.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(many.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(stack.upstreamCalls('DeleteCertificate')).toBe(0);
    expect(stack.upstreamCalls('DeleteCertificates')).toBe(0);
    expect(exists(id)).toBe(true);
    await readOnly.dispose();
  });
});

describe('certificatesDelete', () => {
  it('deletes what it can at once and reports the rest', async () => {
    const [unbound = ''] = certificates(1, { bound: false });
    const [bound = ''] = certificates(1, { bound: true });
    const result = await deleteMany([unbound, bound, 'nosuchcert']);
    expect(result?.userErrors).toEqual([]);
    expect(result?.deletedCertificateIds).toEqual([unbound]);
    expect(result?.tasks).toEqual([]);
    expect(result?.failures?.map((failure) => failure.certificateId)).toEqual([bound, 'nosuchcert']);
    for (const failure of result?.failures ?? []) expect(failure.reason).not.toBe('');
    expect(exists(unbound)).toBe(false);
    expect(exists(bound)).toBe(true);
  });

  it('with async, starts one task per certificate, read back in one batched call', async () => {
    const [unbound = ''] = certificates(1, { bound: false });
    const [bound = ''] = certificates(1, { bound: true });
    const started = await deleteMany([unbound, bound], true);
    expect(started?.deletedCertificateIds).toEqual([]);
    expect(started?.failures).toEqual([]);
    const tasks = started?.tasks ?? [];
    expect(tasks.map((task) => [task.certificateId, task.status])).toEqual([
      [unbound, 'RUNNING'],
      [bound, 'RUNNING'],
    ]);

    stack.emulator.clock.advance(DELETE_TASK_DURATION_MS + 100);
    stack.emulator.stats.reset();
    const read = await execute<{ a: TaskView; b: TaskView }, unknown>(stack.gateway, TWO_JOBS, {
      a: tasks[0]?.id,
      b: tasks[1]?.id,
    });
    expect(read.errors).toBeUndefined();
    expect(stack.upstreamCalls('DescribeDeleteCertificatesTaskResult')).toBe(1);
    expect(read.data?.a).toMatchObject({
      status: 'SUCCEEDED',
      outcome: 'SUCCEEDED',
      certificateId: unbound,
      certificate: null,
      error: null,
    });
    expect(read.data?.b).toMatchObject({
      status: 'FAILED',
      outcome: 'BOUND_RESOURCES_REMAIN',
      certificateId: bound,
    });
    expect(exists(unbound)).toBe(false);
  });

  it('refuses more than 100 certificates without asking Tencent Cloud', async () => {
    stack.emulator.stats.reset();
    const refused = await deleteMany(Array.from({ length: 101 }, (_, index) => `cert${index}`));
    expect(refused).toMatchObject({
      deletedCertificateIds: null,
      failures: null,
      tasks: null,
      userErrors: [{ code: 'TOO_MANY_IDS', field: ['input', 'ids'] }],
    });
    expect(stack.upstreamCalls('DeleteCertificates')).toBe(0);
  });
});

describe('CertificateDeleteTask as a job', () => {
  it('is waited for on the mutation payload', async () => {
    const [id = ''] = certificates(1, { bound: false });
    const waiting = execute<{ certificateDelete: { task: TaskView } }, unknown>(
      stack.gateway,
      `mutation($input: CertificateDeleteInput!) {
        certificateDelete(input: $input) {
          task(wait: { timeoutSeconds: 30, pollIntervalMs: 5 }) { ${TASK_FIELDS} }
        }
      }`,
      { input: { id, checkBoundResources: true } },
    );
    // Let the emulated check run while the request waits.
    const advance = setInterval(() => stack.emulator.clock.advance(DELETE_TASK_DURATION_MS), 30);
    const waited = await waiting.finally(() => clearInterval(advance));
    expect(waited.errors).toBeUndefined();
    expect(waited.data?.certificateDelete.task).toMatchObject({
      status: 'SUCCEEDED',
      isFinished: true,
      outcome: 'SUCCEEDED',
      certificateId: id,
      certificate: null,
    });
    expect(exists(id)).toBe(false);
  });

  it('streams its progress over Subscription.jobProgress', async () => {
    const [id = ''] = certificates(1, { bound: true });
    const started = await deleteOne(id, true);
    const response = await subscribeOverSse(
      stack.gateway,
      `subscription($id: ID!) {
        jobProgress(kind: CERTIFICATE_DELETE_TASK, id: $id, pollIntervalMs: 10) {
          id status isFinished ... on CertificateDeleteTask { outcome }
        }
      }`,
      { id: started?.task?.id },
    );
    const received: { status: string; isFinished: boolean; outcome: string }[] = [];
    await readEvents(response, (payload) => {
      const job = (payload as { data: { jobProgress: (typeof received)[number] } }).data.jobProgress;
      received.push(job);
      if (received.length === 1) stack.emulator.clock.advance(DELETE_TASK_DURATION_MS + 100);
    });
    expect(received[0]).toMatchObject({ status: 'RUNNING', isFinished: false, outcome: 'RUNNING' });
    expect(received.at(-1)).toEqual({
      id: started?.task?.id,
      status: 'FAILED',
      isFinished: true,
      outcome: 'BOUND_RESOURCES_REMAIN',
    });
  });
});
