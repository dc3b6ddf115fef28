import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainsMatchCertificate, type ResourceType } from '../../src/emulator/store/resources.ts';
import { createGateway, type Gateway } from '../../src/graphql/yoga.ts';
import { SslClient } from '../../src/ssl/client.ts';
import { StaticCredentialsProvider } from '../../src/ssl/credentials.ts';
import { execute } from './support/execute.ts';
import { startTestStack, type TestStack } from './support/stack.ts';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ gateway: { jobPolling: { minIntervalMs: 5, defaultIntervalMs: 20 } } });
});
afterAll(async () => {
  await stack?.close();
});

const NON_REGIONAL: readonly ResourceType[] = ['cdn', 'vod', 'live', 'teo'];
const used = new Set<string>();

/** A seeded issued certificate and a non-regional instance it can be deployed to (each pair used once). */
function deployablePair(options: { legacy: boolean; types?: readonly ResourceType[] }): {
  certificateId: string;
  type: ResourceType;
  instanceId: string;
  region: string | null;
} {
  const now = stack.emulator.clock.now();
  const state = stack.emulator.state;
  const certificates = state.certificates
    .all()
    .filter(
      (c) => c.status === 1 && c.certificateType === 'SVR' && c.certEndTime !== null && c.certEndTime > now,
    );
  for (const type of options.types ?? NON_REGIONAL) {
    for (const target of state.resources.targets(type)) {
      const legacy = /legacy/i.test(`${target.instanceId} ${target.instanceName}`);
      if (legacy !== options.legacy || target.domains.length === 0) continue;
      for (const certificate of certificates) {
        const key = `${certificate.id}:${type}`;
        if (used.has(key) || used.has(target.instanceId)) continue;
        if (!domainsMatchCertificate(target.domains, certificate.subjectAltNames)) continue;
        // An instance already serving the certificate refuses it (nothing to deploy).
        if (target.slot.at(now) === certificate.id) continue;
        used.add(key);
        used.add(target.instanceId);
        return { certificateId: certificate.id, type, instanceId: target.instanceId, region: target.region };
      }
    }
  }
  throw new Error(`the seed has no deployable pair (legacy: ${options.legacy})`);
}

const DEPLOY = `mutation Deploy($input: CertificateDeployInput!, $wait: JobWaitInput) {
  certificateDeploy(input: $input) {
    alreadyRunning
    userErrors { code field message }
    deployRecord(wait: $wait) {
      id kind status isFinished progress { total succeeded failed running pending }
      startedAt finishedAt resourceType region
      certificate { id }
      instances(first: 10) { totalCount edges { node { id instanceId status errorMessage certificate { id } } } }
    }
  }
}`;

interface DeployRecordView {
  id: string;
  kind: string;
  status: string;
  isFinished: boolean;
  progress: { total: number; succeeded: number; failed: number; running: number; pending: number };
  startedAt: string | null;
  finishedAt: string | null;
  resourceType: string | null;
  region: string | null;
  certificate: { id: string } | null;
  instances: {
    totalCount: number;
    edges: { node: { id: string; instanceId: string; status: string; errorMessage: string | null } }[];
  };
}
interface DeployData {
  certificateDeploy: {
    alreadyRunning: boolean | null;
    userErrors: { code: string; field: string[] | null }[];
    deployRecord: DeployRecordView | null;
  };
}

async function deploy(
  pair: { certificateId: string; type: ResourceType; instanceId: string; region: string | null },
  wait?: object,
  gateway: Gateway = stack.gateway,
) {
  const result = await execute<DeployData, unknown>(gateway, DEPLOY, {
    input: {
      certificateId: pair.certificateId,
      resourceType: pair.type.toUpperCase(),
      instanceIds: [pair.instanceId],
      region: pair.region,
    },
    wait,
  });
  expect(result.errors).toBeUndefined();
  return result.data?.certificateDeploy;
}

const RECORD = `query Record($id: ID!, $wait: JobWaitInput) {
  deployRecord(id: $id, wait: $wait) {
    id status isFinished progress { total succeeded failed running pending } finishedAt resourceType
    certificate { id }
    instances { totalCount edges { node { id status errorMessage } } }
  }
}`;

async function record(id: string, wait?: object): Promise<DeployRecordView | null> {
  const result = await execute<{ deployRecord: DeployRecordView | null }, unknown>(stack.gateway, RECORD, {
    id,
    wait,
  });
  expect(result.errors).toBeUndefined();
  return result.data?.deployRecord ?? null;
}

describe('certificateDeploy and DeployRecord', () => {
  it('starts a deployment, which finishes once the emulator clock has moved on (polling the field)', async () => {
    const pair = deployablePair({ legacy: false });
    const started = await deploy(pair);
    expect(started?.userErrors).toEqual([]);
    expect(started?.alreadyRunning).toBe(false);
    const job = started?.deployRecord;
    expect(job?.kind).toBe('DEPLOY_RECORD');
    expect(job?.isFinished).toBe(false);
    expect(['PENDING', 'RUNNING']).toContain(job?.status);
    expect(job?.progress.total).toBe(1);
    expect(job?.certificate?.id).toBe(pair.certificateId);
    expect(job?.resourceType).toBe(pair.type.toUpperCase());
    expect(job?.finishedAt).toBeNull();

    stack.emulator.clock.advance(10_000);
    const finished = await record(job?.id ?? '');
    expect(finished?.status).toBe('SUCCEEDED');
    expect(finished?.isFinished).toBe(true);
    expect(finished?.progress).toEqual({ total: 1, succeeded: 1, failed: 0, running: 0, pending: 0 });
    expect(finished?.finishedAt).not.toBeNull();
    expect(finished?.instances.edges[0]?.node.status).toBe('SUCCEEDED');

    const listed = await execute<
      {
        certificate: {
          deployRecords: { totalCount: number; edges: { node: { id: string; status: string } }[] };
        };
      },
      unknown
    >(
      stack.gateway,
      `query($id: ID!) { certificate(id: $id) { deployRecords(first: 5) { totalCount edges { node { id status } } } } }`,
      { id: pair.certificateId },
    );
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.certificate.deployRecords.edges.map((e) => e.node)).toContainEqual({
      id: job?.id,
      status: 'SUCCEEDED',
    });
  });

  it('answers a repeated deployment with the running record (DeployStatus 0)', async () => {
    const pair = deployablePair({ legacy: false });
    const first = await deploy(pair);
    const again = await deploy(pair);
    expect(again?.alreadyRunning).toBe(true);
    expect(again?.deployRecord?.id).toBe(first?.deployRecord?.id);
    stack.emulator.clock.advance(10_000);
  });

  it('waits for the record with a timeout, and gives the state at the timeout when unfinished', async () => {
    const pair = deployablePair({ legacy: false });
    const started = await deploy(pair);
    const id = started?.deployRecord?.id ?? '';
    const unfinished = await record(id, { timeoutSeconds: 0 });
    expect(unfinished?.isFinished).toBe(false);

    const waiting = record(id, { timeoutSeconds: 30, pollIntervalMs: 10 });
    stack.emulator.clock.advance(10_000);
    const finished = await waiting;
    expect(finished?.status).toBe('SUCCEEDED');
  });

  it('rejects a wait longer than 60 seconds', async () => {
    const result = await execute(stack.gateway, RECORD, { id: '1', wait: { timeoutSeconds: 61 } });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a deployment whose payload is asked to wait out of range before starting it', async () => {
    const pair = deployablePair({ legacy: false });
    const input = {
      certificateId: pair.certificateId,
      resourceType: pair.type.toUpperCase(),
      instanceIds: [pair.instanceId],
    };
    stack.emulator.stats.reset();
    const literal = await execute<DeployData, unknown>(
      stack.gateway,
      `mutation($input: CertificateDeployInput!) {
        certificateDeploy(input: $input) { alreadyRunning userErrors { code } deployRecord(wait: { timeoutSeconds: 100 }) { id } }
      }`,
      { input },
    );
    const inFragment = await execute<DeployData, unknown>(
      stack.gateway,
      `mutation($input: CertificateDeployInput!, $wait: JobWaitInput) {
        certificateDeploy(input: $input) { ...Waited }
      }
      fragment Waited on CertificateDeployPayload { deployRecord(wait: $wait) { id } }`,
      { input, wait: { timeoutSeconds: 1, pollIntervalMs: -1 } },
    );
    for (const refused of [literal, inFragment]) {
      expect(refused.data ?? null).toBeNull();
      expect(refused.errors?.map((error) => error.extensions)).toEqual([
        { code: 'BAD_USER_INPUT', argumentName: 'wait' },
      ]);
    }
    expect(stack.upstreamCalls('DeployCertificateInstance')).toBe(0);

    // In range, the same deployment starts and its record is returned.
    const started = await deploy(pair, { timeoutSeconds: 0 });
    expect(started?.alreadyRunning).toBe(false);
    expect(started?.deployRecord?.id).toEqual(expect.any(String));
    stack.emulator.clock.advance(10_000);
  });

  it('retries the failed instance of a finished deployment, and rolls a successful one back', async () => {
    // The SslClient sends the region (X-TC-Region) from its own options, so regional deployments go through a
    // client configured for the instance's region.
    const pair = deployablePair({
      legacy: true,
      types: ['tke', 'tse', 'cos', 'apigateway', 'tcb', 'clb', 'waf'],
    });
    const regionalClient = new SslClient({
      endpoint: stack.emulator.url,
      region: pair.region ?? undefined,
      credentials: new StaticCredentialsProvider({
        secretId: stack.emulator.secretId,
        secretKey: stack.emulator.secretKey,
      }),
    });
    const regional = createGateway({ ssl: regionalClient, logging: false });
    const started = await deploy(pair, undefined, regional);
    expect(started?.userErrors).toEqual([]);
    await regional.dispose();
    await regionalClient.close();
    const id = started?.deployRecord?.id ?? '';

    const RETRY = `mutation($input: DeployRecordRetryInput!) {
      deployRecordRetry(input: $input) { userErrors { code field } deployRecord { id status } }
    }`;
    type RetryData = {
      deployRecordRetry: {
        userErrors: { code: string; field: string[] }[];
        deployRecord: { id: string; status: string } | null;
      };
    };
    const tooEarly = await execute<RetryData, unknown>(stack.gateway, RETRY, {
      input: { deployRecordId: id },
    });
    expect(tooEarly.data?.deployRecordRetry.deployRecord).toBeNull();
    expect(tooEarly.data?.deployRecordRetry.userErrors[0]?.code).toBe(
      'FailedOperation.CertificateDeployHasPendingRecord',
    );

    stack.emulator.clock.advance(10_000);
    const failed = await record(id);
    expect(failed?.status).toBe('FAILED');
    expect(failed?.instances.edges[0]?.node.errorMessage).toEqual(expect.any(String));

    const entryId = failed?.instances.edges[0]?.node.id;
    const retried = await execute<RetryData, unknown>(stack.gateway, RETRY, {
      input: { deployRecordId: id, instanceEntryId: entryId },
    });
    expect(retried.data?.deployRecordRetry.userErrors).toEqual([]);
    expect(retried.data?.deployRecordRetry.deployRecord?.status).toMatch(/PENDING|RUNNING/);
    stack.emulator.clock.advance(10_000);
    expect((await record(id))?.status).toBe('SUCCEEDED');

    const ROLLBACK = `mutation($input: DeployRecordRollbackInput!) {
      deployRecordRollback(input: $input) {
        userErrors { code field }
        rolledBackRecord { id }
        rollbackRecord(wait: { timeoutSeconds: 0 }) { id status progress { total } }
      }
    }`;
    type RollbackData = {
      deployRecordRollback: {
        userErrors: { code: string }[];
        rolledBackRecord: { id: string } | null;
        rollbackRecord: { id: string; status: string; progress: { total: number } } | null;
      };
    };
    const rolledBack = await execute<RollbackData, unknown>(stack.gateway, ROLLBACK, {
      input: { deployRecordId: id },
    });
    expect(rolledBack.data?.deployRecordRollback.userErrors).toEqual([]);
    expect(rolledBack.data?.deployRecordRollback.rolledBackRecord?.id).toBe(id);
    const rollbackId = rolledBack.data?.deployRecordRollback.rollbackRecord?.id;
    expect(rollbackId).not.toBe(id);
    expect(rolledBack.data?.deployRecordRollback.rollbackRecord?.progress.total).toBe(1);
    stack.emulator.clock.advance(10_000);
    const rollback = await record(rollbackId ?? '');
    // Every kind's rollback ends ROLLED_BACK (JobStatus); the deployment rolled back keeps its own status.
    expect(rollback?.status).toBe('ROLLED_BACK');
    expect((await record(id))?.status).toBe('SUCCEEDED');
    expect(rollback?.instances.edges[0]?.node.status).toBe('ROLLBACK_SUCCEEDED');

    const twice = await execute<RollbackData, unknown>(stack.gateway, ROLLBACK, {
      input: { deployRecordId: id },
    });
    expect(twice.data?.deployRecordRollback.userErrors[0]?.code).toBe(
      'FailedOperation.CertificateDeployRollbackStatusInvalid',
    );
  });

  it('refuses to retry an entry of another record, or of a record that does not exist, before any call', async () => {
    const now = stack.emulator.clock.now();
    const records = stack.emulator.state.jobs.deployRecords;
    const holder = records.find((record) => record.items.some((item) => item.phaseAt(now) === 'failed'))!;
    const named = records.find((record) => record.id !== holder.id)!;
    const foreign = holder.items.find((item) => item.phaseAt(now) === 'failed')!;
    type RetryData = {
      deployRecordRetry: {
        deployRecord: { id: string } | null;
        userErrors: { code: string; field: string[] }[];
      };
    };
    const retry = (deployRecordId: string) =>
      execute<RetryData, unknown>(
        stack.gateway,
        `mutation($input: DeployRecordRetryInput!) {
          deployRecordRetry(input: $input) { userErrors { code field } deployRecord { id } }
        }`,
        { input: { deployRecordId, instanceEntryId: String(foreign.id) } },
      );
    stack.emulator.stats.reset();
    const refused = [await retry(String(named.id)), await retry('987654')];
    expect(refused.map((response) => response.data?.deployRecordRetry)).toEqual([
      {
        deployRecord: null,
        userErrors: [{ code: 'INSTANCE_ENTRY_NOT_IN_RECORD', field: ['input', 'instanceEntryId'] }],
      },
      { deployRecord: null, userErrors: [{ code: 'RECORD_NOT_FOUND', field: ['input', 'deployRecordId'] }] },
    ]);
    expect(stack.upstreamCalls('DeployCertificateRecordRetry')).toBe(0);
    expect(foreign.phaseAt(stack.emulator.clock.now())).toBe('failed');
  });

  it('counts the instances of a record when asked for none of them, with the call it makes anyway', async () => {
    const seeded = stack.emulator.state.jobs.deployRecords[0]!;
    type CountData = {
      deployRecord: {
        progress?: { total: number };
        instances: { totalCount: number; edges: unknown[] };
      };
    };
    stack.emulator.stats.reset();
    const counted = await execute<CountData, unknown>(
      stack.gateway,
      `query($id: ID!) { deployRecord(id: $id) {
        progress { total } instances(first: 0) { totalCount edges { node { id } } }
      } }`,
      { id: String(seeded.id) },
    );
    const alone = await execute<CountData, unknown>(
      stack.gateway,
      'query($id: ID!) { deployRecord(id: $id) { instances(first: 0) { totalCount edges { node { id } } } } }',
      { id: String(seeded.id) },
    );
    expect(counted.data?.deployRecord).toEqual({
      progress: { total: seeded.items.length },
      instances: { totalCount: seeded.items.length, edges: [] },
    });
    expect(alone.data?.deployRecord).toEqual({ instances: { totalCount: seeded.items.length, edges: [] } });
    expect(stack.upstreamCalls('DescribeHostDeployRecordDetail')).toBe(2);
  });

  it('requires the region for regional resource types, without asking the upstream', async () => {
    stack.emulator.stats.reset();
    const result = await execute<DeployData, unknown>(stack.gateway, DEPLOY, {
      input: { certificateId: 'any', resourceType: 'CLB', instanceIds: ['lb-1|lbl-1'] },
    });
    expect(result.data?.certificateDeploy.userErrors).toEqual([
      expect.objectContaining({ code: 'REGION_REQUIRED', field: ['input', 'region'] }),
    ]);
    expect(stack.upstreamCalls('DeployCertificateInstance')).toBe(0);
  });

  it('answers null for an ID no deploy record can have, without asking the upstream', async () => {
    stack.emulator.stats.reset();
    for (const id of ['abc', '0', '-3', '1.5', '0x10', '99999999999999999999']) {
      expect(await record(id)).toBeNull();
      expect(await record(id, { timeoutSeconds: 1 })).toBeNull();
    }
    expect(stack.upstreamCalls('DescribeHostDeployRecordDetail')).toBe(0);
  });

  it('is refused without the ssl:write scope', async () => {
    const readOnly = createGateway({
      ssl: stack.client,
      logging: false,
      authenticate: async () => ({ subject: 'reader', scopes: new Set(['ssl:read'] as const) }),
    });
    stack.emulator.stats.reset();
    const result = await execute(readOnly, DEPLOY, {
      input: { certificateId: 'x', resourceType: 'CDN', instanceIds: ['a.example.com'] },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(stack.upstreamCalls('DeployCertificateInstance')).toBe(0);
    await readOnly.dispose();
  });
});
