import { describe, expect, it, vi } from 'vitest';
import { issueLeafCertificate } from '../../src/emulator/pki/ca.ts';
import { domainsMatchCertificate } from '../../src/emulator/store/resources.ts';
import { execute } from './support/execute.ts';
import { READ_ONLY_SESSION, type TestStack, useTestStack } from './support/stack.ts';

// One-click updates (UpdateCertificateInstance and its records) through the gateway, over the emulator.

const DAY_MS = 24 * 60 * 60 * 1000;
/** Emulated time the emulator takes to create an update task, and comfortably more than any job needs. */
const CREATION_MS = 1500;
const JOB_SETTLE_MS = 20_000;

const RECORD_FIELDS = `
  id
  status
  isFinished
  updateStatus
  certificate { id }
  oldCertificate { id }
  resourceTypes
  progress { total succeeded failed running pending }
  resourceGroups {
    resourceType
    instanceCount
    instances(first: 50) {
      totalCount
      edges { node { id status instanceName region errorMessage } }
    }
  }
`;

const RECORD = `query Record($id: ID!) { updateRecord(id: $id) { ${RECORD_FIELDS} } }`;

const REPLACE = `mutation Replace($input: CertificateBindingsReplaceInput!) {
  certificateBindingsReplace(input: $input) {
    updateRecord { id }
    isExistingUpdate
    isCreationPending
    creationProgress { resourceType status regions { region totalCount processedCount status } }
    userErrors { code message field }
  }
}`;

const RETRY = `mutation Retry($input: UpdateRecordRetryInput!) {
  updateRecordRetry(input: $input) { updateRecord { id status } userErrors { code field } }
}`;

const ROLLBACK = `mutation Rollback($input: UpdateRecordRollbackInput!) {
  updateRecordRollback(input: $input) {
    rollbackRecord { id }
    updateRecord { id }
    userErrors { code field }
  }
}`;

interface InstanceNode {
  id: string;
  status: string;
  instanceName: string | null;
  region: string | null;
  errorMessage: string | null;
}
interface RecordData {
  id: string;
  status: string;
  isFinished: boolean;
  updateStatus: string;
  certificate: { id: string } | null;
  oldCertificate: { id: string } | null;
  resourceTypes: string[];
  progress: { total: number; succeeded: number; failed: number; running: number; pending: number };
  resourceGroups: {
    resourceType: string;
    instanceCount: number;
    instances: { totalCount: number; edges: { node: InstanceNode }[] };
  }[];
}
interface ReplaceData {
  certificateBindingsReplace: {
    updateRecord: { id: string } | null;
    isExistingUpdate: boolean;
    isCreationPending: boolean;
    creationProgress: { resourceType: string; status: string; regions: { totalCount: number }[] }[];
    userErrors: { code: string; field: string[] | null }[];
  };
}

const stack = useTestStack();
const readOnly = useTestStack({ gateway: { authenticate: async () => READ_ONLY_SESSION } });

/** Upstream calls of each action made while `run` runs. */
async function counting<T>(
  actions: readonly Parameters<TestStack['upstreamCalls']>[0][],
  run: () => Promise<T>,
) {
  const before = actions.map((action) => stack.upstreamCalls(action));
  const result = await run();
  const calls = Object.fromEntries(
    actions.map((action, i) => [action, stack.upstreamCalls(action) - before[i]!]),
  );
  return { result, calls };
}

async function readRecord(id: string): Promise<RecordData> {
  const response = await execute<{ updateRecord: RecordData | null }, unknown>(stack.gateway, RECORD, { id });
  expect(response.errors).toBeUndefined();
  expect(response.data?.updateRecord).not.toBeNull();
  return response.data!.updateRecord!;
}

/** A certificate of the seed serving a CLB whose name contains "legacy" (its first update fails there). */
function certificateOnLegacyClb(): { certificateId: string; domain: string } {
  const state = stack.emulator.state;
  const now = stack.emulator.clock.now();
  for (const certificate of state.certificates.all()) {
    const targets = state.resources.boundTargets(certificate.id, now);
    if (targets.some((target) => target.resourceType === 'clb' && /legacy/.test(target.instanceName ?? ''))) {
      return { certificateId: certificate.id, domain: certificate.domain };
    }
  }
  throw new Error('the seed has no certificate on a legacy CLB');
}

describe('update records', () => {
  it('reads a seeded record with its instances: one call per action', async () => {
    const seeded = stack.emulator.state.jobs.updateRecords.find((record) =>
      record.items.some((item) => /legacy/.test(item.target.instanceName ?? '')),
    );
    expect(seeded).toBeDefined();
    const { result: record, calls } = await counting(
      ['DescribeHostUpdateRecordDetail', 'DescribeHostUpdateRecord', 'DescribeCertificates'],
      () => readRecord(String(seeded!.id)),
    );
    expect(calls).toEqual({
      DescribeHostUpdateRecordDetail: 1,
      DescribeHostUpdateRecord: 1,
      DescribeCertificates: 1,
    });
    expect(record).toMatchObject({
      id: String(seeded!.id),
      status: 'PARTIALLY_FAILED',
      isFinished: true,
      updateStatus: 'FAILED',
      certificate: { id: seeded!.certId },
      oldCertificate: { id: seeded!.oldCertId },
      resourceTypes: seeded!.resourceTypes.map((type) => type.toUpperCase()),
    });
    expect(record.progress.failed).toBe(1);
    expect(record.progress.succeeded).toBe(record.progress.total - 1);
    const instances = record.resourceGroups.flatMap((group) =>
      group.instances.edges.map((edge) => edge.node),
    );
    expect(instances).toHaveLength(record.progress.total);
    const failed = instances.filter((instance) => instance.status === 'FAILED');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.instanceName).toMatch(/legacy/);
    expect(failed[0]!.errorMessage).toEqual(expect.any(String));
  });

  it('pages the instances of a resource group with cursors', async () => {
    const seeded = stack.emulator.state.jobs.updateRecords.find((record) =>
      record.resourceTypes.some(
        (type) => record.items.filter((item) => item.target.resourceType === type).length >= 2,
      ),
    )!;
    expect(seeded).toBeDefined();
    const query = `query Page($id: ID!, $after: String) {
      updateRecord(id: $id) {
        resourceGroups { instances(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }
      }
    }`;
    type PageData = {
      updateRecord: {
        resourceGroups: {
          instances: {
            totalCount: number;
            pageInfo: { hasNextPage: boolean; endCursor: string };
            edges: { node: { id: string } }[];
          };
        }[];
      };
    };
    const first = await execute<PageData, unknown>(stack.gateway, query, { id: String(seeded.id) });
    const group = first.data!.updateRecord.resourceGroups.find((g) => g.instances.totalCount >= 2)!;
    expect(group.instances.edges).toHaveLength(1);
    expect(group.instances.pageInfo.hasNextPage).toBe(true);
    const second = await execute<PageData, unknown>(stack.gateway, query, {
      id: String(seeded.id),
      after: group.instances.pageInfo.endCursor,
    });
    const next = second.data!.updateRecord.resourceGroups.find((g) => g.instances.totalCount >= 2)!;
    expect(next.instances.edges[0]!.node.id).not.toBe(group.instances.edges[0]!.node.id);
  });

  it('lists the records of a certificate by the side it is on', async () => {
    const seeded = stack.emulator.state.jobs.updateRecords[0]!;
    const query = `query Lists($id: ID!) {
      certificate(id: $id) {
        replacementRecords(first: 10) { totalCount edges { node { id oldCertificate { id } } } }
        installationRecords(first: 10) { totalCount edges { node { id } } }
      }
    }`;
    const { result, calls } = await counting(['DescribeHostUpdateRecord'], () =>
      execute<
        {
          certificate: {
            replacementRecords: {
              totalCount: number;
              edges: { node: { id: string; oldCertificate: { id: string } } }[];
            };
            installationRecords: { totalCount: number; edges: { node: { id: string } }[] };
          };
        },
        unknown
      >(stack.gateway, query, { id: seeded.oldCertId }),
    );
    expect(result.errors).toBeUndefined();
    // Each listing is one call; the records' own fields come from it.
    expect(calls.DescribeHostUpdateRecord).toBe(2);
    const replaced = result.data!.certificate.replacementRecords;
    expect(replaced.edges.map((edge) => edge.node.id)).toContain(String(seeded.id));
    expect(replaced.edges.every((edge) => edge.node.oldCertificate.id === seeded.oldCertId)).toBe(true);
    expect(result.data!.certificate.installationRecords.edges.map((edge) => edge.node.id)).not.toContain(
      String(seeded.id),
    );
  });

  it('is a Job: reachable through Query.job and waited for through the shared poller', async () => {
    const seeded = stack.emulator.state.jobs.updateRecords[0]!;
    const response = await execute<
      {
        job: { __typename: string; id: string; status: string };
        updateRecord: { status: string; isFinished: boolean };
      },
      unknown
    >(
      stack.gateway,
      `query Job($id: ID!) {
        job(kind: UPDATE_RECORD, id: $id) { __typename id status }
        updateRecord(id: $id, wait: { timeoutSeconds: 1 }) { status isFinished }
      }`,
      { id: String(seeded.id) },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.job).toEqual({
      __typename: 'UpdateRecord',
      id: String(seeded.id),
      status: 'SUCCEEDED',
    });
    expect(response.data!.updateRecord).toEqual({ status: 'SUCCEEDED', isFinished: true });
  });

  it('shares updateStatus with content replacement records, so one job query selects it on both', async () => {
    const update = stack.emulator.state.jobs.updateRecords[0]!;
    const replacement = stack.emulator.state.jobs.uploadUpdateRecords[0]!;
    const response = await execute<
      { update: { updateStatus: string | null }; replacement: { updateStatus: string | null } },
      unknown
    >(
      stack.gateway,
      `query Jobs($update: ID!, $replacement: ID!) {
        update: job(kind: UPDATE_RECORD, id: $update) { ...UpdateStatus }
        replacement: job(kind: UPLOAD_UPDATE_RECORD, id: $replacement) { ...UpdateStatus }
      }
      fragment UpdateStatus on Job {
        ... on UpdateRecord { updateStatus }
        ... on UploadUpdateRecord { updateStatus }
      }`,
      { update: String(update.id), replacement: String(replacement.id) },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.update.updateStatus).toEqual(expect.any(String));
    expect(response.data?.replacement.updateStatus).toEqual(expect.any(String));
  });

  it('returns null for a record that does not exist', async () => {
    const response = await execute<{ updateRecord: null }, unknown>(stack.gateway, RECORD, { id: '987654' });
    expect(response.errors).toBeUndefined();
    expect(response.data?.updateRecord).toBeNull();
  });

  it('replaces a certificate everywhere: creation, progress, per-instance failure, retry, rollback', async () => {
    const { certificateId: oldCertificateId, domain } = certificateOnLegacyClb();
    const now = stack.emulator.clock.now();
    const issued = issueLeafCertificate({
      domain,
      subjectAltNames: [],
      notBefore: now - DAY_MS,
      notAfter: now + 90 * DAY_MS,
    });
    const input = {
      oldCertificateId,
      newCertificate: { certificatePem: issued.certificatePem, privateKeyPem: issued.privateKeyPem },
      resourceTypes: ['CLB', 'CDN', 'TKE'],
      creationWaitSeconds: 0,
    };

    // The upstream is still creating the task (DeployRecordId 0): no ID, the progress instead.
    const { result: pending, calls: pendingCalls } = await counting(['UpdateCertificateInstance'], () =>
      execute<ReplaceData, unknown>(stack.gateway, REPLACE, { input }),
    );
    expect(pending.errors).toBeUndefined();
    expect(pendingCalls.UpdateCertificateInstance).toBe(1);
    const pendingPayload = pending.data!.certificateBindingsReplace;
    expect(pendingPayload).toMatchObject({ updateRecord: null, isCreationPending: true, userErrors: [] });
    expect(pendingPayload.creationProgress.map((progress) => progress.resourceType).sort()).toEqual([
      'CDN',
      'CLB',
      'TKE',
    ]);

    // The identical request, repeated once the upstream has scanned the resources, creates the task.
    stack.emulator.clock.advance(CREATION_MS);
    const created = await execute<ReplaceData, unknown>(stack.gateway, REPLACE, { input });
    const createdPayload = created.data!.certificateBindingsReplace;
    expect(createdPayload).toMatchObject({
      isCreationPending: false,
      isExistingUpdate: false,
      userErrors: [],
    });
    const recordId = createdPayload.updateRecord!.id;
    expect(Number(recordId)).toBeGreaterThan(0);

    // Asked again while it runs: the upstream answers with the running task (DeployStatus 0).
    const again = await execute<ReplaceData, unknown>(stack.gateway, REPLACE, { input });
    expect(again.data!.certificateBindingsReplace).toMatchObject({
      updateRecord: { id: recordId },
      isExistingUpdate: true,
    });

    const running = await readRecord(recordId);
    expect(['PENDING', 'RUNNING']).toContain(running.status);
    expect(running.isFinished).toBe(false);
    expect(running.oldCertificate).toEqual({ id: oldCertificateId });
    const newCertificateId = running.certificate!.id;
    expect(newCertificateId).not.toBe(oldCertificateId);

    // The legacy instances fail their first attempt.
    stack.emulator.clock.advance(JOB_SETTLE_MS);
    const settled = await readRecord(recordId);
    expect(settled.status).toBe('PARTIALLY_FAILED');
    const failedNames = settled.resourceGroups
      .flatMap((group) => group.instances.edges.map((edge) => edge.node))
      .filter((instance) => instance.status === 'FAILED')
      .map((instance) => instance.instanceName);
    expect(failedNames.length).toBeGreaterThan(0);
    expect(failedNames.every((name) => /legacy/.test(name ?? ''))).toBe(true);

    const retried = await execute<
      { updateRecordRetry: { updateRecord: { id: string }; userErrors: unknown[] } },
      unknown
    >(stack.gateway, RETRY, { input: { id: recordId } });
    expect(retried.errors).toBeUndefined();
    expect(retried.data!.updateRecordRetry).toMatchObject({ updateRecord: { id: recordId }, userErrors: [] });
    stack.emulator.clock.advance(JOB_SETTLE_MS);
    const recovered = await readRecord(recordId);
    expect(recovered.status).toBe('SUCCEEDED');
    expect(recovered.progress).toMatchObject({ failed: 0, running: 0, pending: 0 });

    const rolledBack = await execute<
      {
        updateRecordRollback: {
          rollbackRecord: { id: string };
          updateRecord: { id: string };
          userErrors: unknown[];
        };
      },
      unknown
    >(stack.gateway, ROLLBACK, { input: { id: recordId } });
    expect(rolledBack.errors).toBeUndefined();
    const rollbackId = rolledBack.data!.updateRecordRollback.rollbackRecord.id;
    expect(rollbackId).not.toBe(recordId);
    expect(rolledBack.data!.updateRecordRollback.updateRecord).toEqual({ id: recordId });
    stack.emulator.clock.advance(JOB_SETTLE_MS);
    const rollback = await readRecord(rollbackId);
    expect(rollback.status).toBe('ROLLED_BACK');
    // The rollback is a job of its own (JobStatus): the update rolled back keeps its own status.
    expect((await readRecord(recordId)).status).toBe('SUCCEEDED');
    // The rollback puts the old certificate back in place of the new one.
    expect(rollback.certificate).toEqual({ id: oldCertificateId });
    expect(rollback.oldCertificate).toEqual({ id: newCertificateId });
  });

  it('keeps repeating the creation request within creationWaitSeconds', async () => {
    // A certificate serving CDN domains, and another issued one covering all of them.
    const { state, clock } = stack.emulator;
    const cdnOf = (certId: string) =>
      state.resources.boundTargets(certId, clock.now()).filter((target) => target.resourceType === 'cdn');
    const issued = state.certificates
      .all()
      .filter((certificate) => certificate.status === 1 && certificate.certificateType === 'SVR');
    const [seeded, replacement] = issued
      .filter((certificate) => cdnOf(certificate.id).length > 0)
      .flatMap((certificate) =>
        issued
          .filter(
            (other) =>
              other.id !== certificate.id &&
              cdnOf(certificate.id).every((target) =>
                domainsMatchCertificate(target.domains, other.subjectAltNames),
              ),
          )
          .map((other) => [certificate, other] as const),
      )[0]!;
    const before = stack.upstreamCalls('UpdateCertificateInstance');
    const replacing = execute<ReplaceData, unknown>(stack.gateway, REPLACE, {
      input: {
        oldCertificateId: seeded.id,
        newCertificateId: replacement.id,
        resourceTypes: ['CDN'],
        creationWaitSeconds: 1,
      },
    });
    // Once the first request reached the upstream, its creation finishes in emulated time.
    await vi.waitFor(() => expect(stack.upstreamCalls('UpdateCertificateInstance')).toBe(before + 1));
    stack.emulator.clock.advance(CREATION_MS);
    const response = await replacing;
    expect(response.errors).toBeUndefined();
    expect(response.data!.certificateBindingsReplace).toMatchObject({
      isCreationPending: false,
      updateRecord: { id: expect.stringMatching(/^[1-9]\d*$/) },
    });
    expect(stack.upstreamCalls('UpdateCertificateInstance')).toBe(before + 2);
  });

  it('reports input mistakes and upstream refusals as userErrors', async () => {
    const both = await execute<ReplaceData, unknown>(stack.gateway, REPLACE, {
      input: { oldCertificateId: 'x', resourceTypes: ['CDN'] },
    });
    expect(both.data!.certificateBindingsReplace.userErrors).toEqual([
      expect.objectContaining({ code: 'NEW_CERTIFICATE_REQUIRED', field: ['input', 'newCertificateId'] }),
    ]);
    const unknownRecord = await execute<
      { updateRecordRetry: { updateRecord: null; userErrors: { code: string }[] } },
      unknown
    >(stack.gateway, RETRY, { input: { id: '987654' } });
    expect(unknownRecord.data!.updateRecordRetry.updateRecord).toBeNull();
    expect(unknownRecord.data!.updateRecordRetry.userErrors).toEqual([
      expect.objectContaining({ code: 'FailedOperation.InvalidParam' }),
    ]);
  });

  it('refuses to retry an instance of another record, or of a record that does not exist, before any call', async () => {
    const now = stack.emulator.clock.now();
    const records = stack.emulator.state.jobs.updateRecords;
    const holder = records.find((record) => record.items.some((item) => item.phaseAt(now) === 'failed'))!;
    const named = records.find((record) => record.id !== holder.id)!;
    const foreign = holder.items.find((item) => item.phaseAt(now) === 'failed')!;
    type RetryData = {
      updateRecordRetry: {
        updateRecord: { id: string } | null;
        userErrors: { code: string; field: string[] }[];
      };
    };
    const { result: refused, calls } = await counting(['UpdateCertificateRecordRetry'], async () => [
      await execute<RetryData, unknown>(stack.gateway, RETRY, {
        input: { id: String(named.id), instanceId: String(foreign.id) },
      }),
      await execute<RetryData, unknown>(stack.gateway, RETRY, {
        input: { id: '987654', instanceId: String(foreign.id) },
      }),
    ]);
    expect(refused.map((response) => response.data?.updateRecordRetry)).toEqual([
      {
        updateRecord: null,
        userErrors: [{ code: 'INSTANCE_ENTRY_NOT_IN_RECORD', field: ['input', 'instanceId'] }],
      },
      { updateRecord: null, userErrors: [{ code: 'RECORD_NOT_FOUND', field: ['input', 'id'] }] },
    ]);
    expect(calls.UpdateCertificateRecordRetry).toBe(0);
    expect(foreign.phaseAt(stack.emulator.clock.now())).toBe('failed');
  });

  it('blames the uploaded private key that does not match the uploaded certificate', async () => {
    const { certificateId: oldCertificateId, domain } = certificateOnLegacyClb();
    const now = stack.emulator.clock.now();
    const [issued, other] = [domain, `other.${domain}`].map((name) =>
      issueLeafCertificate({
        domain: name,
        subjectAltNames: [],
        notBefore: now - DAY_MS,
        notAfter: now + DAY_MS,
      }),
    );
    const response = await execute<ReplaceData, unknown>(stack.gateway, REPLACE, {
      input: {
        oldCertificateId,
        newCertificate: { certificatePem: issued!.certificatePem, privateKeyPem: other!.privateKeyPem },
        resourceTypes: ['CDN'],
      },
    });
    expect(response.data!.certificateBindingsReplace.userErrors).toEqual([
      expect.objectContaining({
        code: 'FailedOperation.CertificateMatchError',
        field: ['input', 'newCertificate', 'privateKeyPem'],
      }),
    ]);
  });

  it('refuses the mutations without ssl:write, before any upstream call', async () => {
    const before = readOnly.upstreamCalls('UpdateCertificateRecordRollback');
    const response = await execute<unknown, unknown>(readOnly.gateway, ROLLBACK, { input: { id: '1' } });
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(readOnly.upstreamCalls('UpdateCertificateRecordRollback')).toBe(before);
  });

  // Last: it retries the seeded record the tests above read as seeded.
  it('is RUNNING, not PENDING, once retried while other instances have finished', async () => {
    const now = stack.emulator.clock.now();
    const seeded = stack.emulator.state.jobs.updateRecords.find((record) =>
      record.items.some((item) => item.phaseAt(now) === 'failed'),
    )!;
    const failedCount = seeded.items.filter((item) => item.phaseAt(now) === 'failed').length;
    const response = await execute<
      {
        updateRecordRetry: {
          updateRecord: {
            status: string;
            isFinished: boolean;
            progress: { total: number; succeeded: number; failed: number; running: number; pending: number };
          };
          userErrors: unknown[];
        };
      },
      unknown
    >(
      stack.gateway,
      `mutation Retry($input: UpdateRecordRetryInput!) {
        updateRecordRetry(input: $input) {
          updateRecord { status isFinished progress { total succeeded failed running pending } }
          userErrors { code }
        }
      }`,
      { input: { id: String(seeded.id) } },
    );
    expect(response.errors).toBeUndefined();
    const { updateRecord, userErrors } = response.data!.updateRecordRetry;
    expect(userErrors).toEqual([]);
    // The retried instances wait or run again; the others finished long ago, so the job has started.
    expect(updateRecord.progress).toMatchObject({ succeeded: seeded.items.length - failedCount, failed: 0 });
    expect(updateRecord.progress.running + updateRecord.progress.pending).toBe(failedCount);
    expect(updateRecord).toMatchObject({ status: 'RUNNING', isFinished: false });
  });
});
