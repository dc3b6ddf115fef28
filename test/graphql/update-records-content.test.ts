import { describe, expect, it } from 'vitest';
import { issueLeafCertificate } from '../../src/emulator/pki/ca.ts';
import { domainsMatchCertificate } from '../../src/emulator/store/resources.ts';
import { createGateway } from '../../src/graphql/yoga.ts';
import { SslClient } from '../../src/ssl/client.ts';
import { StaticCredentialsProvider } from '../../src/ssl/credentials.ts';
import { execute } from './support/execute.ts';
import { READ_ONLY_SESSION, useTestStack } from './support/stack.ts';

// Content replacements (UploadUpdateCertificateInstance: new content, same certificate ID) through the gateway.

const DAY_MS = 24 * 60 * 60 * 1000;
const CREATION_MS = 1500;
const JOB_SETTLE_MS = 20_000;

const RECORD = `query Record($id: ID!) {
  uploadUpdateRecord(id: $id) {
    id
    status
    isFinished
    updateStatus
    certificate { id }
    resourceTypes
    isRolledBack
    progress { total succeeded failed running pending }
    phases {
      kind
      status
      instanceCounts { total succeeded failed running }
      resourceGroups {
        resourceType
        instanceCount
        instances(first: 50) { edges { node { id status instanceName loadBalancerKind errorMessage } } }
      }
    }
  }
}`;

const REPLACE = `mutation Replace($input: CertificateContentReplaceInput!) {
  certificateContentReplace(input: $input) {
    certificate { id }
    uploadUpdateRecord { id }
    isExistingUpdate
    isCreationPending
    creationProgress { resourceType regions { region totalCount } }
    userErrors { code message field }
  }
}`;

interface PhaseData {
  kind: string;
  status: string;
  instanceCounts: { total: number; succeeded: number; failed: number; running: number };
  resourceGroups: {
    resourceType: string;
    instanceCount: number;
    instances: {
      edges: {
        node: {
          id: string;
          status: string;
          instanceName: string | null;
          loadBalancerKind: string | null;
          errorMessage: string | null;
        };
      }[];
    };
  }[];
}
interface RecordData {
  id: string;
  status: string;
  isFinished: boolean;
  updateStatus: string | null;
  certificate: { id: string } | null;
  resourceTypes: string[];
  isRolledBack: boolean;
  progress: { total: number; succeeded: number; failed: number; running: number; pending: number };
  phases: PhaseData[];
}
interface ReplaceData {
  certificateContentReplace: {
    certificate: { id: string } | null;
    uploadUpdateRecord: { id: string } | null;
    isExistingUpdate: boolean;
    isCreationPending: boolean;
    creationProgress: { resourceType: string; regions: { region: string; totalCount: number }[] }[];
    userErrors: { code: string; field: string[] | null }[];
  };
}

const stack = useTestStack();
const readOnly = useTestStack({ gateway: { authenticate: async () => READ_ONLY_SESSION } });

async function readRecord(id: string): Promise<RecordData> {
  const response = await execute<{ uploadUpdateRecord: RecordData | null }, unknown>(stack.gateway, RECORD, {
    id,
  });
  expect(response.errors).toBeUndefined();
  expect(response.data?.uploadUpdateRecord).not.toBeNull();
  return response.data!.uploadUpdateRecord!;
}

async function fingerprintOf(certificateId: string): Promise<string> {
  const response = await execute<{ certificate: { x509: { fingerprintSha256: string } } }, unknown>(
    stack.gateway,
    'query Fingerprint($id: ID!) { certificate(id: $id) { x509 { fingerprintSha256 } } }',
    { id: certificateId },
  );
  expect(response.errors).toBeUndefined();
  return response.data!.certificate.x509.fingerprintSha256;
}

function instancesOf(phase: PhaseData) {
  return phase.resourceGroups.flatMap((group) => group.instances.edges.map((edge) => edge.node));
}

describe('content replacement records', () => {
  it('reads a seeded record with its runs and instances: one call per action', async () => {
    const seeded = stack.emulator.state.jobs.uploadUpdateRecords.find((record) =>
      record.phases[0]!.items.some((item) => /legacy/.test(item.target.instanceName ?? '')),
    )!;
    expect(seeded).toBeDefined();
    const actions = ['DescribeHostUploadUpdateRecordDetail', 'DescribeHostUploadUpdateRecord'] as const;
    const before = actions.map((action) => stack.upstreamCalls(action));
    const record = await readRecord(String(seeded.id));
    expect(actions.map((action, i) => stack.upstreamCalls(action) - before[i]!)).toEqual([1, 1]);
    expect(record).toMatchObject({
      id: String(seeded.id),
      certificate: { id: seeded.certId },
      resourceTypes: ['CLB'],
      isRolledBack: false,
      isFinished: true,
    });
    expect(record.phases).toHaveLength(1);
    const [deployment] = record.phases;
    expect(deployment!.kind).toBe('DEPLOYMENT');
    const failed = instancesOf(deployment!).filter((instance) => instance.status === 'FAILED');
    expect(failed.map((instance) => instance.instanceName)).toEqual([expect.stringMatching(/legacy/)]);
    expect(failed[0]!.errorMessage).toEqual(expect.any(String));
    expect(instancesOf(deployment!).every((instance) => instance.loadBalancerKind !== null)).toBe(true);
    expect(record.progress.failed).toBe(1);
  });

  it('lists the content replacements of a certificate', async () => {
    const seeded = stack.emulator.state.jobs.uploadUpdateRecords[0]!;
    const response = await execute<
      {
        certificate: {
          contentReplacementRecords: {
            totalCount: number;
            edges: { node: { id: string; certificate: { id: string } } }[];
          };
        };
      },
      unknown
    >(
      stack.gateway,
      `query List($id: ID!) {
        certificate(id: $id) {
          contentReplacementRecords(first: 5) { totalCount edges { node { id certificate { id } } } }
        }
      }`,
      { id: seeded.certId },
    );
    expect(response.errors).toBeUndefined();
    const listing = response.data!.certificate.contentReplacementRecords;
    expect(listing.edges.map((edge) => edge.node.id)).toContain(String(seeded.id));
    expect(listing.edges.every((edge) => edge.node.certificate.id === seeded.certId)).toBe(true);
  });

  it('replaces the content keeping the ID: creation, failure, retry, rollback', async () => {
    const state = stack.emulator.state;
    const now = stack.emulator.clock.now();
    const certificate = state.certificates
      .all()
      .find((candidate) =>
        state.resources
          .boundTargets(candidate.id, now)
          .some((target) => target.resourceType === 'clb' && /legacy/.test(target.instanceName ?? '')),
      )!;
    expect(certificate).toBeDefined();
    const issued = issueLeafCertificate({
      domain: certificate.domain,
      subjectAltNames: [],
      notBefore: now - DAY_MS,
      notAfter: now + 90 * DAY_MS,
    });
    const fingerprintBefore = await fingerprintOf(certificate.id);
    const input = {
      certificateId: certificate.id,
      certificatePem: issued.certificatePem,
      privateKeyPem: issued.privateKeyPem,
      creationWaitSeconds: 0,
    };

    const pending = await execute<ReplaceData, unknown>(stack.gateway, REPLACE, { input });
    expect(pending.errors).toBeUndefined();
    expect(pending.data!.certificateContentReplace).toMatchObject({
      uploadUpdateRecord: null,
      isCreationPending: true,
      userErrors: [],
    });
    expect(pending.data!.certificateContentReplace.creationProgress[0]!.resourceType).toBe('CLB');

    stack.emulator.clock.advance(CREATION_MS);
    const created = await execute<ReplaceData, unknown>(stack.gateway, REPLACE, { input });
    const payload = created.data!.certificateContentReplace;
    expect(payload).toMatchObject({ isCreationPending: false, certificate: { id: certificate.id } });
    const recordId = payload.uploadUpdateRecord!.id;
    expect(Number(recordId)).toBeGreaterThan(0);
    // Same ID, new content.
    const fingerprintAfter = await fingerprintOf(certificate.id);
    expect(fingerprintAfter).toBe(issued.fingerprint256);
    expect(fingerprintAfter).not.toBe(fingerprintBefore);

    stack.emulator.clock.advance(JOB_SETTLE_MS);
    const settled = await readRecord(recordId);
    expect(settled.certificate).toEqual({ id: certificate.id });
    expect(['FAILED', 'PARTIALLY_FAILED']).toContain(settled.status);
    const failed = instancesOf(settled.phases[0]!).filter((instance) => instance.status === 'FAILED');
    expect(failed.length).toBeGreaterThan(0);

    // Retrying only the failed instance.
    const retried = await execute<
      { uploadUpdateRecordRetry: { uploadUpdateRecord: { id: string }; userErrors: unknown[] } },
      unknown
    >(
      stack.gateway,
      `mutation Retry($input: UploadUpdateRecordRetryInput!) {
        uploadUpdateRecordRetry(input: $input) { uploadUpdateRecord { id } userErrors { code } }
      }`,
      { input: { id: recordId, instanceId: failed[0]!.id } },
    );
    expect(retried.errors).toBeUndefined();
    expect(retried.data!.uploadUpdateRecordRetry).toEqual({
      uploadUpdateRecord: { id: recordId },
      userErrors: [],
    });
    stack.emulator.clock.advance(JOB_SETTLE_MS);
    const recovered = await readRecord(recordId);
    expect(instancesOf(recovered.phases[0]!).find((instance) => instance.id === failed[0]!.id)?.status).toBe(
      'SUCCEEDED',
    );

    const rolledBack = await execute<
      {
        uploadUpdateRecordRollback: {
          uploadUpdateRecord: { id: string; isRolledBack: boolean; phases: { kind: string }[] };
          userErrors: unknown[];
        };
      },
      unknown
    >(
      stack.gateway,
      `mutation Rollback($input: UploadUpdateRecordRollbackInput!) {
        uploadUpdateRecordRollback(input: $input) {
          uploadUpdateRecord { id isRolledBack phases { kind } }
          userErrors { code }
        }
      }`,
      { input: { id: recordId } },
    );
    expect(rolledBack.errors).toBeUndefined();
    // No new ID upstream: the same record, now with a ROLLBACK run.
    expect(rolledBack.data!.uploadUpdateRecordRollback.uploadUpdateRecord).toEqual({
      id: recordId,
      isRolledBack: true,
      phases: [{ kind: 'DEPLOYMENT' }, { kind: 'ROLLBACK' }],
    });
    stack.emulator.clock.advance(JOB_SETTLE_MS);
    const restored = await readRecord(recordId);
    expect(restored.status).toBe('ROLLED_BACK');
    expect(restored.phases[1]!.status).toBe('ROLLBACK_SUCCEEDED');
    expect(await fingerprintOf(certificate.id)).toBe(fingerprintBefore);
  });

  it('refuses to retry an instance of another record, or of a record that does not exist, before any call', async () => {
    const now = stack.emulator.clock.now();
    const records = stack.emulator.state.jobs.uploadUpdateRecords;
    const failedItemOf = (record: (typeof records)[number]) =>
      record.phases.flatMap((phase) => phase.items).find((item) => item.phaseAt(now) === 'failed');
    const holder = records.find((record) => failedItemOf(record) !== undefined)!;
    const named = records.find((record) => record.id !== holder.id)!;
    const foreign = failedItemOf(holder)!;
    type RetryData = {
      uploadUpdateRecordRetry: {
        uploadUpdateRecord: { id: string } | null;
        userErrors: { code: string; field: string[] }[];
      };
    };
    const retry = (id: string) =>
      execute<RetryData, unknown>(
        stack.gateway,
        `mutation Retry($input: UploadUpdateRecordRetryInput!) {
          uploadUpdateRecordRetry(input: $input) { uploadUpdateRecord { id } userErrors { code field } }
        }`,
        { input: { id, instanceId: String(foreign.id) } },
      );
    const before = stack.upstreamCalls('UploadUpdateCertificateRecordRetry');
    const refused = [await retry(String(named.id)), await retry('987654')];
    expect(refused.map((response) => response.data?.uploadUpdateRecordRetry)).toEqual([
      {
        uploadUpdateRecord: null,
        userErrors: [{ code: 'INSTANCE_ENTRY_NOT_IN_RECORD', field: ['input', 'instanceId'] }],
      },
      { uploadUpdateRecord: null, userErrors: [{ code: 'RECORD_NOT_FOUND', field: ['input', 'id'] }] },
    ]);
    expect(stack.upstreamCalls('UploadUpdateCertificateRecordRetry')).toBe(before);
    expect(foreign.phaseAt(stack.emulator.clock.now())).toBe('failed');
  });

  it('blames the private key that does not match the certificate, and a certificate with no content', async () => {
    const state = stack.emulator.state;
    const now = stack.emulator.clock.now();
    const served = state.certificates.all().find((candidate) => candidate.status === 1)!;
    const [issued, other] = [served.domain, `other.${served.domain}`].map((name) =>
      issueLeafCertificate({
        domain: name,
        subjectAltNames: [],
        notBefore: now - DAY_MS,
        notAfter: now + DAY_MS,
      }),
    );
    const replace = (certificateId: string) =>
      execute<ReplaceData, unknown>(stack.gateway, REPLACE, {
        input: { certificateId, certificatePem: issued!.certificatePem, privateKeyPem: other!.privateKeyPem },
      });
    const mismatched = await replace(served.id);
    expect(mismatched.data!.certificateContentReplace.userErrors).toEqual([
      expect.objectContaining({
        code: 'FailedOperation.CertificateMatchError',
        field: ['input', 'privateKeyPem'],
      }),
    ]);

    const pending = state.certificates.all().find((candidate) => candidate.status === 0)!;
    const withoutContent = await replace(pending.id);
    expect(withoutContent.data!.certificateContentReplace.userErrors).toEqual([
      expect.objectContaining({
        code: 'FailedOperation.CertificateNotAvailable',
        field: ['input', 'certificateId'],
      }),
    ]);
  });

  it('refuses the mutations without ssl:write, before any upstream call', async () => {
    const before = readOnly.upstreamCalls('UploadUpdateCertificateInstance');
    const response = await execute<unknown, unknown>(readOnly.gateway, REPLACE, {
      input: { certificateId: 'x', certificatePem: 'x', privateKeyPem: 'x' },
    });
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(readOnly.upstreamCalls('UploadUpdateCertificateInstance')).toBe(before);
  });

  it('is RUNNING, not PENDING, once retried while its other instances have finished', async () => {
    const state = stack.emulator.state;
    const now = stack.emulator.clock.now();
    const clb = state.resources.targets('clb');
    const isLegacy = (target: (typeof clb)[number]) => /legacy/.test(target.instanceName ?? '');
    // A certificate on a legacy listener (whose first attempt fails), deployed to a second listener first, so
    // that its replacement has an instance that succeeds beside the one that fails.
    const certificate = state.certificates
      .all()
      .findLast((candidate) =>
        state.resources
          .boundTargets(candidate.id, now)
          .some((target) => target.resourceType === 'clb' && isLegacy(target)),
      )!;
    const second = clb.find(
      (target) =>
        !isLegacy(target) &&
        target.slot.at(now) !== certificate.id &&
        domainsMatchCertificate(target.domains, certificate.subjectAltNames),
    )!;
    expect(second).toBeDefined();
    // The SslClient sends the region (X-TC-Region) from its own options: deploy through one for the listener's.
    const regionalClient = new SslClient({
      endpoint: stack.emulator.url,
      region: second.region ?? undefined,
      credentials: new StaticCredentialsProvider({
        secretId: stack.emulator.secretId,
        secretKey: stack.emulator.secretKey,
      }),
    });
    const regional = createGateway({ ssl: regionalClient, logging: false });
    const deployed = await execute<{ certificateDeploy: { userErrors: unknown[] } }, unknown>(
      regional,
      `mutation Deploy($input: CertificateDeployInput!) { certificateDeploy(input: $input) { userErrors { code } } }`,
      {
        input: {
          certificateId: certificate.id,
          resourceType: 'CLB',
          instanceIds: [second.instanceId],
          region: second.region,
        },
      },
    );
    await regional.dispose();
    await regionalClient.close();
    expect(deployed.data?.certificateDeploy.userErrors).toEqual([]);
    stack.emulator.clock.advance(JOB_SETTLE_MS);

    const issued = issueLeafCertificate({
      domain: certificate.domain,
      subjectAltNames: [],
      notBefore: now - DAY_MS,
      notAfter: now + 90 * DAY_MS,
    });
    const input = {
      certificateId: certificate.id,
      certificatePem: issued.certificatePem,
      privateKeyPem: issued.privateKeyPem,
      creationWaitSeconds: 0,
    };
    await execute<ReplaceData, unknown>(stack.gateway, REPLACE, { input });
    stack.emulator.clock.advance(CREATION_MS);
    const created = await execute<ReplaceData, unknown>(stack.gateway, REPLACE, { input });
    const recordId = created.data!.certificateContentReplace.uploadUpdateRecord!.id;
    stack.emulator.clock.advance(JOB_SETTLE_MS);
    const settled = await readRecord(recordId);
    expect(settled).toMatchObject({
      status: 'PARTIALLY_FAILED',
      progress: { total: 2, succeeded: 1, failed: 1 },
    });

    const retried = await execute<
      {
        uploadUpdateRecordRetry: {
          uploadUpdateRecord: {
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
      `mutation Retry($input: UploadUpdateRecordRetryInput!) {
        uploadUpdateRecordRetry(input: $input) {
          uploadUpdateRecord { status isFinished progress { total succeeded failed running pending } }
          userErrors { code }
        }
      }`,
      { input: { id: recordId } },
    );
    expect(retried.errors).toBeUndefined();
    const { uploadUpdateRecord, userErrors } = retried.data!.uploadUpdateRecordRetry;
    expect(userErrors).toEqual([]);
    // The failed instance waits or runs again; the other one finished, so the job has started.
    expect(uploadUpdateRecord.progress).toMatchObject({ total: 2, succeeded: 1, failed: 0 });
    expect(uploadUpdateRecord).toMatchObject({ status: 'RUNNING', isFinished: false });
  });
});
