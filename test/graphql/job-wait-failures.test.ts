import { afterEach, describe, expect, it } from 'vitest';
import { cdnDeploymentInput, startCdnDeployment } from './support/deployments.ts';
import { execute, type GraphQLResponse } from './support/execute.ts';
import { useTestStack } from './support/stack.ts';
import { unusedCertificates } from './support/unused-certificates.ts';

// A `wait` that fails at run time (a poll refused or failed) must not cost the client the job: a mutation has
// already started it upstream, and nothing may list it again (delete tasks). The job is answered as read after
// the wait, and the failure is a JOB_WAIT_FAILED error beside the data.

// Without retries, one injected fault fails exactly one upstream call.
const stack = useTestStack({
  client: { retry: { maxRetries: 0 } },
  gateway: { jobPolling: { minIntervalMs: 5, defaultIntervalMs: 20 } },
});

// Lets the deployment a test started finish, so that the next one deploys to another CDN domain.
afterEach(() => {
  stack.emulator.clock.advance(10_000);
});

/** Bound certificates: their checked deletions end BOUND_RESOURCES_REMAIN, so every test keeps the seed as it was. */
const certificates = unusedCertificates(() => stack.emulator.state);

/** Fails the next `times` calls of `action` with InternalError (transient, retryable). */
function failNext(
  action: 'DescribeDeleteCertificatesTaskResult' | 'DescribeHostDeployRecordDetail',
  times: number,
) {
  return stack.emulator.faults.inject({
    action,
    phase: 'before-handler',
    effect: { kind: 'error', code: 'InternalError' },
    times,
  });
}

type ErrorView = NonNullable<GraphQLResponse<unknown>['errors']>[number];

function waitFailures(response: GraphQLResponse<unknown>): ErrorView[] {
  return (response.errors ?? []).filter((error) => error.extensions?.code === 'JOB_WAIT_FAILED');
}

const DELETE_WAITING = `mutation DeleteWaiting($ids: [ID!]!) {
  certificatesDelete(input: { ids: $ids, async: true }) {
    tasks(wait: { timeoutSeconds: 0 }) { id status certificateId }
    userErrors { code }
  }
}`;

interface DeleteWaitingData {
  certificatesDelete: {
    tasks: { id: string; status: string; certificateId: string }[] | null;
    userErrors: { code: string }[];
  };
}

/** The delete tasks the emulator holds for `certificateIds`, by certificate. */
function deleteTaskIdsOf(certificateIds: readonly string[]): string[] {
  const tasks = stack.emulator.state.deleteTasks.all();
  return certificateIds.map((id) => tasks.find((task) => task.certId === id)?.taskId ?? `none for ${id}`);
}

const DEPLOY_WAITING = `mutation DeployWaiting($input: CertificateDeployInput!) {
  certificateDeploy(input: $input) {
    alreadyRunning
    deployRecord(wait: { timeoutSeconds: 0 }) { id status }
    userErrors { code }
  }
}`;

interface DeployWaitingData {
  certificateDeploy: {
    alreadyRunning: boolean | null;
    deployRecord: { id: string; status: string } | null;
    userErrors: { code: string }[];
  };
}

/** The deploy record the emulator created last. */
function newestDeployRecordId(): string {
  return String(stack.emulator.state.jobs.deployRecords.at(-1)?.id);
}

describe('a failed wait on a mutation payload', () => {
  it('keeps every task of a batch deletion when the poll their waits share fails: each is read again and named', async () => {
    const ids = certificates(3, { bound: true });
    // The three tasks' polls go out as one call (the reader takes up to 100 IDs): failing it fails every wait.
    const fault = failNext('DescribeDeleteCertificatesTaskResult', 1);
    const response = await execute<DeleteWaitingData, unknown>(stack.gateway, DELETE_WAITING, { ids });

    expect(fault.hits).toBe(1);
    const tasks = response.data?.certificatesDelete.tasks;
    expect(tasks?.map((task) => task.certificateId)).toEqual(ids);
    expect(tasks?.map((task) => task.id)).toEqual(deleteTaskIdsOf(ids));
    expect(tasks?.map((task) => task.status)).toEqual(['RUNNING', 'RUNNING', 'RUNNING']);
    // The failures are reported beside the data, one per task whose wait failed; nothing else failed.
    const failures = waitFailures(response);
    expect(response.errors).toHaveLength(failures.length);
    expect(failures.map((failure) => failure.extensions?.jobId).sort()).toEqual(deleteTaskIdsOf(ids).sort());
    for (const failure of failures) {
      expect(failure).toMatchObject({
        path: ['certificatesDelete', 'tasks'],
        extensions: {
          code: 'JOB_WAIT_FAILED',
          jobKind: 'CERTIFICATE_DELETE_TASK',
          causeCode: 'InternalError',
          retryable: true,
        },
      });
    }
  });

  it('names a task that cannot be read after its wait failed, and leaves it out of the list', async () => {
    const ids = certificates(1, { bound: true });
    // The wait's poll, then the read after it.
    const fault = failNext('DescribeDeleteCertificatesTaskResult', 2);
    const response = await execute<DeleteWaitingData, unknown>(stack.gateway, DELETE_WAITING, { ids });

    expect(fault.hits).toBe(2);
    expect(response.data?.certificatesDelete).toEqual({ tasks: [], userErrors: [] });
    expect(response.errors).toHaveLength(1);
    expect(waitFailures(response)[0]).toMatchObject({
      path: ['certificatesDelete', 'tasks'],
      extensions: {
        code: 'JOB_WAIT_FAILED',
        jobKind: 'CERTIFICATE_DELETE_TASK',
        jobId: deleteTaskIdsOf(ids)[0],
        causeCode: 'InternalError',
        retryable: true,
      },
    });
  });

  it('returns the deployment it started, as read after the wait failed', async () => {
    const input = cdnDeploymentInput(stack.emulator);
    const fault = failNext('DescribeHostDeployRecordDetail', 1);
    const response = await execute<DeployWaitingData, unknown>(stack.gateway, DEPLOY_WAITING, { input });

    expect(fault.hits).toBe(1);
    expect(response.data?.certificateDeploy).toEqual({
      alreadyRunning: false,
      deployRecord: { id: newestDeployRecordId(), status: 'PENDING' },
      userErrors: [],
    });
    expect(response.errors).toHaveLength(1);
    expect(waitFailures(response)[0]).toMatchObject({
      path: ['certificateDeploy', 'deployRecord'],
      extensions: {
        code: 'JOB_WAIT_FAILED',
        jobKind: 'DEPLOY_RECORD',
        jobId: newestDeployRecordId(),
        causeCode: 'InternalError',
        retryable: true,
        requestId: expect.any(String),
      },
    });
  });

  it('names the deployment when it cannot be read after the wait failed either', async () => {
    const input = cdnDeploymentInput(stack.emulator);
    const fault = failNext('DescribeHostDeployRecordDetail', 2);
    const response = await execute<DeployWaitingData, unknown>(stack.gateway, DEPLOY_WAITING, { input });

    expect(fault.hits).toBe(2);
    expect(response.data?.certificateDeploy).toEqual({
      alreadyRunning: false,
      deployRecord: null,
      userErrors: [],
    });
    expect(response.errors).toHaveLength(1);
    expect(waitFailures(response)[0]).toMatchObject({
      path: ['certificateDeploy', 'deployRecord'],
      extensions: { code: 'JOB_WAIT_FAILED', jobKind: 'DEPLOY_RECORD', jobId: newestDeployRecordId() },
    });
  });
});

describe('a payload without wait whose job cannot be read', () => {
  it('names the job it started in the error, so the client can follow it instead of repeating the mutation', async () => {
    const input = cdnDeploymentInput(stack.emulator);
    const fault = failNext('DescribeHostDeployRecordDetail', 1);
    const response = await execute<DeployWaitingData, unknown>(
      stack.gateway,
      `mutation Deploy($input: CertificateDeployInput!) {
        certificateDeploy(input: $input) { alreadyRunning deployRecord { id status } userErrors { code } }
      }`,
      { input },
    );

    expect(fault.hits).toBe(1);
    expect(response.data?.certificateDeploy).toEqual({
      alreadyRunning: false,
      deployRecord: null,
      userErrors: [],
    });
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]).toMatchObject({
      path: ['certificateDeploy', 'deployRecord', 'status'],
      extensions: {
        code: 'JOB_READ_FAILED',
        jobKind: 'DEPLOY_RECORD',
        jobId: newestDeployRecordId(),
        causeCode: 'InternalError',
        retryable: true,
        requestId: expect.any(String),
      },
    });
    // The ID it names is the deployment's: asked again, it answers.
    const again = await execute<{ job: { id: string } | null }, unknown>(
      stack.gateway,
      'query Again($id: ID!) { job(kind: DEPLOY_RECORD, id: $id) { id } }',
      { id: response.errors?.[0]?.extensions?.jobId },
    );
    expect(again.data?.job).toEqual({ id: newestDeployRecordId() });
  });
});

describe('a failed wait on Query.job', () => {
  it('answers with the job as read after the wait, and reports the failure beside it', async () => {
    const id = await startCdnDeployment(stack.emulator, stack.gateway);
    const fault = failNext('DescribeHostDeployRecordDetail', 1);
    const response = await execute<{ job: { id: string; status: string } | null }, unknown>(
      stack.gateway,
      `query Waited($id: ID!) { job(kind: DEPLOY_RECORD, id: $id, wait: { timeoutSeconds: 0 }) { id status } }`,
      { id },
    );

    expect(fault.hits).toBe(1);
    expect(response.data?.job).toEqual({ id, status: 'PENDING' });
    expect(response.errors).toHaveLength(1);
    expect(waitFailures(response)[0]).toMatchObject({
      path: ['job'],
      extensions: {
        code: 'JOB_WAIT_FAILED',
        jobKind: 'DEPLOY_RECORD',
        jobId: id,
        causeCode: 'InternalError',
      },
    });
  });
});
