import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_QUERY_LIMITS } from '../../src/config/security.ts';
import { MAX_CERTIFICATE_IDS_PER_CALL } from '../../src/graphql/loaders/certificates.ts';
import { createGateway, type Gateway } from '../../src/graphql/yoga.ts';
import type { SslActionName } from '../../src/ssl/actions.ts';
import {
  BudgetCertificateDetailPageDocument,
  BudgetCertificateListDocument,
  BudgetCertificateListWithManagerStatusDocument,
  BudgetCertificateListWithOwnersDocument,
  BudgetDashboardDocument,
  BudgetDeployedResourcesPageDocument,
  BudgetDeployRecordStatusesDocument,
} from '../generated/graphql.ts';
import { execute } from './support/execute.ts';
import { startTestStack, type TestStack } from './support/stack.ts';

// The upstream cost of the query shapes clients use most, in one place: each test resets the emulator's counts,
// runs one operation and compares every action called with its budget (docs/call-budgets.md is this file's table).
// The domain tests check some of these too; this file is where a budget change must show up.

let stack: TestStack;
/**
 * The same gateway with room for more aliases and upstream calls, as GRAPHQL_MAX_ALIASES / GRAPHQL_MAX_TOKENS /
 * GRAPHQL_MAX_UPSTREAM_CALLS configure it: the budgets must not depend on where the default limits stand.
 */
let permissive: Gateway;

beforeAll(async () => {
  stack = await startTestStack();
  permissive = createGateway({
    ssl: stack.client,
    logging: false,
    security: {
      limits: { ...DEFAULT_QUERY_LIMITS, maxAliases: 100, maxTokens: 5000, maxUpstreamCalls: 200 },
    },
  });
});
afterAll(async () => {
  await permissive?.dispose();
  await stack?.close();
});
beforeEach(() => {
  stack.emulator.stats.reset();
});

/** Calls the emulator received since the last reset, per action called at least once. */
function upstreamCallsByAction(): Partial<Record<SslActionName, number>> {
  return Object.fromEntries(
    Object.entries(stack.emulator.stats.byAction()).map(([action, counts]) => [
      action,
      counts.executed + counts.failed + counts.rejected,
    ]),
  );
}

async function run<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables> | string,
  variables?: TVariables,
  gateway: Gateway = stack.gateway,
): Promise<TData> {
  const result = await execute(gateway, document, variables);
  expect(result.errors).toBeUndefined();
  if (result.data === null || result.data === undefined) throw new Error('no data');
  return result.data;
}

/** `count` aliased `certificate(id:)` lookups of distinct seeded certificates in one operation. */
function certificateLookups(count: number): { document: string; ids: string[] } {
  const ids = stack.emulator.state.certificates
    .all()
    .slice(0, count)
    .map((record) => record.id);
  if (ids.length < count) throw new Error(`the seed has fewer than ${count} certificates`);
  const fields = ids.map((id, index) => `c${index}: certificate(id: "${id}") { id domain status }`);
  return { document: `query Lookups { ${fields.join('\n')} }`, ids };
}

describe('certificate lists', () => {
  it('a page of 50 with list fields: 1 DescribeCertificates', async () => {
    const { certificates } = await run(BudgetCertificateListDocument, { first: 50 });
    expect(certificates.edges).toHaveLength(50);
    expect(upstreamCallsByAction()).toEqual({ DescribeCertificates: 1 });
  });

  it('with each manager and company: 1 DescribeManagerDetail per distinct manager, no certificate detail', async () => {
    const { certificates } = await run(BudgetCertificateListWithOwnersDocument, { first: 50 });
    const managerIds = certificates.edges.flatMap((edge) =>
      edge.node.manager ? [edge.node.manager.id] : [],
    );
    const distinctManagers = new Set(managerIds).size;
    // Several certificates share a manager, so one detail per certificate would cost more.
    expect(managerIds.length).toBeGreaterThan(distinctManagers);
    expect(distinctManagers).toBeGreaterThan(0);
    // The manager ID is on the list entry, and the company comes with the manager detail.
    expect(upstreamCallsByAction()).toEqual({
      DescribeCertificates: 1,
      DescribeManagerDetail: distinctManagers,
    });
  });

  it("with each manager's status: + 1 DescribeManagers per distinct company of those managers", async () => {
    // Were the 50 managers distinct and of 50 companies, the page would cost 101 calls: over the default
    // upstream-call limit, which refuses it before any call. Measured with the limit raised.
    const refused = await execute(stack.gateway, BudgetCertificateListWithManagerStatusDocument, {
      first: 50,
    });
    expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(['UPSTREAM_CALL_LIMIT_EXCEEDED']);
    expect(upstreamCallsByAction()).toEqual({});
    const { certificates } = await run(
      BudgetCertificateListWithManagerStatusDocument,
      { first: 50 },
      permissive,
    );
    const managers = certificates.edges.flatMap((edge) => (edge.node.manager ? [edge.node.manager] : []));
    const distinctManagers = new Set(managers.map((manager) => manager.id)).size;
    const distinctCompanies = new Set(managers.map((manager) => manager.company.id)).size;
    expect(distinctCompanies).toBeGreaterThan(0);
    // Only a company's manager list (DescribeManagers) carries the status; the detail names the company.
    expect(upstreamCallsByAction()).toEqual({
      DescribeCertificates: 1,
      DescribeManagerDetail: distinctManagers,
      DescribeManagers: distinctCompanies,
    });
  });

  it('deployedResources of a page: 1 DescribeCertificates + 1 DescribeDeployedResources', async () => {
    const { certificates } = await run(BudgetDeployedResourcesPageDocument, { first: 50, type: 'CLB' });
    expect(certificates.edges).toHaveLength(50);
    expect(certificates.edges.some((edge) => (edge.node.deployedResources?.totalCount ?? 0) > 0)).toBe(true);
    expect(upstreamCallsByAction()).toEqual({ DescribeCertificates: 1, DescribeDeployedResources: 1 });
  });

  it('a dashboard of the expiring certificates and three counts by status: 1 DescribeCertificates per alias', async () => {
    const dashboard = await run(BudgetDashboardDocument, {});
    expect(dashboard.expiring.edges.length).toBeGreaterThan(0);
    expect(dashboard.issued.totalCount).toBeGreaterThan(0);
    // Each alias is a different filter, and the upstream counts only what one filter matches.
    expect(upstreamCallsByAction()).toEqual({ DescribeCertificates: 4 });
  });
});

describe('certificates by ID', () => {
  it('15 aliased lookups on the default limits: 1 DescribeCertificates', async () => {
    const { document, ids } = certificateLookups(15);
    const data = await run<Record<string, { id: string } | null>, undefined>(document);
    expect(Object.values(data).map((certificate) => certificate?.id)).toEqual(ids);
    expect(upstreamCallsByAction()).toEqual({ DescribeCertificates: 1 });
  });

  it.each([
    [20, 1],
    [MAX_CERTIFICATE_IDS_PER_CALL, 1],
    [MAX_CERTIFICATE_IDS_PER_CALL + 1, 2],
  ])('%i aliased lookups: %i DescribeCertificates (at most %s IDs per call)', async (count, calls) => {
    const { document, ids } = certificateLookups(count);
    const data = await run<Record<string, { id: string } | null>, undefined>(document, undefined, permissive);
    expect(Object.values(data).map((certificate) => certificate?.id)).toEqual(ids);
    expect(upstreamCallsByAction()).toEqual({ DescribeCertificates: calls });
  });
});

describe('a certificate page', () => {
  /** A seeded certificate with history: deployments and operation log entries. */
  function deployedCertificateId(): string {
    const deployed = stack.emulator.state.jobs.deployRecords[0];
    if (deployed === undefined) throw new Error('the seed has no deployment');
    return deployed.certId;
  }

  it('detail fields, X.509, deploy records and operation logs: 4 calls, 1 DescribeCertificateDetail', async () => {
    const { certificate } = await run(BudgetCertificateDetailPageDocument, { id: deployedCertificateId() });
    expect(certificate?.certificatePem).toContain('BEGIN CERTIFICATE');
    expect(certificate?.x509?.subjectAltNames.length).toBeGreaterThan(0);
    expect(certificate?.deployRecords?.edges.length).toBeGreaterThan(0);
    expect(certificate?.operationLogs?.totalCount).toBeGreaterThan(0);
    expect(upstreamCallsByAction()).toEqual({
      DescribeCertificates: 1,
      DescribeCertificateDetail: 1,
      DescribeHostDeployRecord: 1,
      DescribeCertificateOperateLogs: 1,
    });
  });

  it("with each deploy record's status: + 1 DescribeHostDeployRecordDetail per record listed", async () => {
    const { certificate } = await run(BudgetDeployRecordStatusesDocument, { id: deployedCertificateId() });
    const listed = certificate?.deployRecords?.edges.length ?? 0;
    expect(listed).toBeGreaterThan(0);
    // The listing has no status; each record's instance details (the action reads one record) do.
    expect(upstreamCallsByAction()).toEqual({
      DescribeCertificates: 1,
      DescribeHostDeployRecord: 1,
      DescribeHostDeployRecordDetail: listed,
    });
  });
});
