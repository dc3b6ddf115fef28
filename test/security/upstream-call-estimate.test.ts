import { type DocumentNode, getNamedType, isInterfaceType, isObjectType, parse, print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as bench from '../../bench/documents.ts';
import { DEFAULT_QUERY_LIMITS } from '../../src/config/security.ts';
import type { RunningEmulator } from '../../src/emulator/index.ts';
import { EXAMPLE_CERTIFICATE_ID, GRAPHIQL_EXAMPLES } from '../../src/graphql/graphiql-examples.ts';
import { OWN_UPSTREAM_READ } from '../../src/graphql/schema/certificate.ts';
import { schema } from '../../src/graphql/schema/index.ts';
import { isPagedField } from '../../src/graphql/security/page-sizes.ts';
import { estimateUpstreamCalls } from '../../src/graphql/security/upstream-call-estimate.ts';
import {
  ENTITY_REFERENCE_CALLS,
  FIELD_CALLS,
  fieldCallsOf,
} from '../../src/graphql/security/upstream-call-weights.ts';
import { createGateway, type Gateway } from '../../src/graphql/yoga.ts';
import { SslClient } from '../../src/ssl/client.ts';
import { StaticCredentialsProvider } from '../../src/ssl/credentials.ts';
import {
  BudgetCertificateDetailPageDocument,
  BudgetCertificateListDocument,
  BudgetCertificateListWithManagerStatusDocument,
  BudgetCertificateListWithOwnersDocument,
  BudgetDashboardDocument,
  BudgetDeployedResourcesPageDocument,
  BudgetDeployRecordStatusesDocument,
} from '../generated/graphql.ts';
import { readEvents, subscribeOverSse } from '../graphql/support/sse.ts';
import { startTestEmulator } from '../support/emulator.ts';
import { postOperation } from './support/requests.ts';

// The upstream-call limit refuses an operation by an estimate made before it runs (upstream-call-estimate.ts, with
// the weights of upstream-call-weights.ts). An estimate below what an operation really costs would let it through
// the limit, so representative operations (the documented examples, the benchmark's pages, the shapes clients use,
// and the heavy ones the limit is there for) run here against the seeded emulator, which counts every call it
// receives, and the estimate must never be lower. A schema field that reaches the upstream without a weight would
// be estimated as free: the table must list every such field.

let emulator: RunningEmulator;
let client: SslClient;
/** No limits in the way, and no rate limiting to retry or fail calls: every call the operation makes is counted once. */
let gateway: Gateway;

beforeAll(async () => {
  emulator = await startTestEmulator({ seed: true });
  client = new SslClient({
    endpoint: emulator.url,
    credentials: new StaticCredentialsProvider({
      secretId: emulator.secretId,
      secretKey: emulator.secretKey,
    }),
    rateLimit: { enabled: false },
  });
  gateway = createGateway({
    ssl: client,
    logging: false,
    security: {
      limits: {
        ...DEFAULT_QUERY_LIMITS,
        maxCost: 100_000_000,
        maxUpstreamCalls: 1_000_000,
        maxEntityRepresentations: 1000,
        maxAliases: 200,
        maxTokens: 10_000,
      },
    },
  });
});
afterAll(async () => {
  await gateway?.dispose();
  await client?.close();
  await emulator?.close();
});

/** Every call the emulator received since its stats were reset. */
function callsReceived(): number {
  let total = emulator.stats.protocolErrors;
  for (const counts of Object.values(emulator.stats.byAction())) {
    total += counts.executed + counts.failed + counts.rejected;
  }
  return total;
}

interface Measured {
  readonly estimate: number | undefined;
  readonly calls: number;
}

function estimateOf(query: string | DocumentNode, variables: Record<string, unknown> = {}) {
  return estimateUpstreamCalls(
    schema,
    typeof query === 'string' ? parse(query) : query,
    undefined,
    variables,
  );
}

/** Runs an operation (it must answer without errors) and counts the upstream calls it made. */
async function measure(
  query: string | DocumentNode,
  variables: Record<string, unknown> = {},
): Promise<Measured> {
  const text = typeof query === 'string' ? query : print(query);
  emulator.stats.reset();
  const response = await postOperation(gateway, { query: text, variables });
  expect(response.body.errors, response.text).toBeUndefined();
  return { estimate: estimateOf(text, variables), calls: callsReceived() };
}

function expectCovered({ estimate, calls }: Measured): void {
  expect(calls).toBeGreaterThan(0);
  expect(estimate).toBeGreaterThanOrEqual(calls);
}

/** The seed's IDs the operations need. */
const seed = {
  get deployedCertificate(): string {
    const record = emulator.state.jobs.deployRecords[0];
    if (record === undefined) throw new Error('the seed has no deploy record');
    return record.certId;
  },
  get deployRecord(): string {
    return String(emulator.state.jobs.deployRecords[0]?.id);
  },
  get updateRecord(): { id: string; oldCertificate: string; newCertificate: string } {
    const record = emulator.state.jobs.updateRecords[0];
    if (record === undefined) throw new Error('the seed has no update record');
    return { id: String(record.id), oldCertificate: record.oldCertId, newCertificate: record.certId };
  },
  get uploadUpdateRecord(): { id: string; certificate: string } {
    const record = emulator.state.jobs.uploadUpdateRecords[0];
    if (record === undefined) throw new Error('the seed has no content replacement record');
    return { id: String(record.id), certificate: record.certId };
  },
  /** An issued certificate bound to resources. */
  get issuedBoundCertificate(): string {
    const found = emulator.state.certificates
      .all()
      .find((record) => record.status === 1 && emulator.state.resources.isCertificateBound(record.id));
    if (found === undefined) throw new Error('the seed has no issued, bound certificate');
    return found.id;
  },
  certificates(count: number): string[] {
    return emulator.state.certificates
      .all()
      .slice(0, count)
      .map((record) => record.id);
  },
};

/** A certificate's relations that the API reads one certificate at a time (the security report's heavy page). */
const PER_CERTIFICATE_RELATIONS = `certificatePem
  application { commonName }
  deployRecords(first: 1) { totalCount }
  operationLogs(first: 1) { totalCount }
  installationRecords(first: 1) { totalCount }
  replacementRecords(first: 1) { totalCount }
  contentReplacementRecords(first: 1) { totalCount }`;

describe('the estimate is never below the calls an operation makes', () => {
  it('a page of 100 certificates with every per-certificate relation: exactly one call per certificate and relation', async () => {
    const measured = await measure(
      `{ certificates(first: 100) { edges { node { id ${PER_CERTIFICATE_RELATIONS} } } } }`,
    );
    // The listing, one log window, and five reads for each of the 100 certificates (the order data comes with
    // the detail).
    expect(measured.calls).toBe(502);
    expect(measured.estimate).toBe(502);
  });

  it('100 certificate representations through _entities with relations', async () => {
    const representations = seed.certificates(100).map((id) => ({ __typename: 'Certificate', id }));
    expectCovered(
      await measure(
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Certificate { id
          deployRecords(first: 100) { totalCount } operationLogs(first: 100) { totalCount }
          installationRecords(first: 100) { totalCount } replacementRecords(first: 100) { totalCount }
          certificatePem } } }`,
        { r: representations },
      ),
    );
  });

  it('managers, companies, packages and deploy records through _entities', async () => {
    const ids = await postOperation(gateway, {
      query: `{ certificates(first: 100) { edges { node { manager { id company { id } } } } }
        packages(first: 5) { edges { node { id } } } }`,
    });
    const data = ids.body.data as {
      certificates: { edges: { node: { manager: { id: string; company: { id: string } } | null } }[] };
      packages: { edges: { node: { id: string } }[] };
    };
    const managers = data.certificates.edges.flatMap(({ node }) => (node.manager ? [node.manager] : []));
    expect(managers.length).toBeGreaterThan(0);
    const representations = [
      ...managers.map(({ id }) => ({ __typename: 'Manager', id })),
      ...managers.map(({ company }) => ({ __typename: 'Company', id: company.id })),
      ...data.packages.edges.map(({ node }) => ({ __typename: 'Package', id: node.id })),
      { __typename: 'DeployRecord', id: seed.deployRecord },
    ];
    expectCovered(
      await measure(
        `query ($r: [_Any!]!) { _entities(representations: $r) {
          ... on Manager { id email managerStatus: status company { name } }
          ... on Company { id name managers(first: 5) { totalCount } }
          ... on Package { id remainingPoints }
          ... on DeployRecord { id status resourceType certificate { id } instances(first: 5) { totalCount } } } }`,
        { r: representations },
      ),
    );
  });

  it.each(
    GRAPHIQL_EXAMPLES.filter((example) => example.readOnly).map(
      (example) => [example.title, example] as const,
    ),
  )('the GraphiQL example "%s"', async (_title, example) => {
    const variables = Object.fromEntries(
      Object.entries(example.variables ?? {}).map(([name, value]) => [
        name,
        value === EXAMPLE_CERTIFICATE_ID ? seed.issuedBoundCertificate : value,
      ]),
    );
    expectCovered(await measure(example.query, variables));
  });

  it('the benchmark pages', async () => {
    expectCovered(await measure(bench.LIST_PAGE_QUERY));
    expectCovered(await measure(bench.DETAIL_PAGE_QUERY, { id: seed.deployedCertificate }));
    expectCovered(await measure(bench.DASHBOARD_QUERY));
  });

  it('the query shapes of docs/call-budgets.md', async () => {
    expectCovered(await measure(BudgetCertificateListDocument, { first: 50 }));
    expectCovered(await measure(BudgetCertificateListWithOwnersDocument, { first: 50 }));
    expectCovered(await measure(BudgetCertificateListWithManagerStatusDocument, { first: 50 }));
    expectCovered(await measure(BudgetDeployedResourcesPageDocument, { first: 50, type: 'CLB' }));
    expectCovered(await measure(BudgetDashboardDocument));
    expectCovered(await measure(BudgetCertificateDetailPageDocument, { id: seed.deployedCertificate }));
    expectCovered(await measure(BudgetDeployRecordStatusesDocument, { id: seed.deployedCertificate }));
  });

  it('51 aliased certificate lookups: two batches', async () => {
    const lookups = seed
      .certificates(51)
      .map((id, index) => `c${index}: certificate(id: "${id}") { id renewal { id } }`);
    const measured = await measure(`{ ${lookups.join(' ')} }`);
    expectCovered(measured);
    expect(measured.calls).toBe(2);
  });

  it("a page's links, detail and order fields, and a log page with its certificates", async () => {
    expectCovered(
      await measure(`{ certificates(first: 60) { edges { node { id
        renewedFrom { id } renewal { id } replaces { id } replacedBy { id } hosting { renewal { id } }
        purchase { orderId validationLevel } domainValidation { records { domain } }
        x509 { subject } rootCertificates { standardPem } } } } }`),
    );
    expectCovered(
      await measure(`{ operationLogs(first: 100) { edges { node { type certificate { id domain
        deployRecords(first: 2) { totalCount } } } } } }`),
    );
  });

  it("a page's deploy targets and deployed resources", async () => {
    expectCovered(
      await measure(`{ certificates(first: 20, filter: { statuses: [ISSUED] }) { edges { node { id
        deployTargets(type: CDN, first: 5) { totalCount edges { node { id certificate { id } } } }
        clb: deployedResources(type: CLB) { totalCount }
        cdn: deployedResources(type: CDN) { totalCount } } } } }`),
    );
  });

  it('cloud resources with the certificates they serve', async () => {
    for (const type of ['CLB', 'CDN', 'TKE', 'COS', 'WAF', 'DDOS']) {
      expectCovered(
        await measure(`{ cloudResources(type: ${type}, first: 20) { totalCount edges { node { id
          certificate { id deployRecords(first: 1) { totalCount } }
          boundCertificates { id certificatePem }
          ... on ClbLoadBalancer { listeners { certificate { id } clientCaCertificate { id }
            rules { certificate { id } clientCaCertificate { id } } } }
          ... on TkeCluster { namespaces { secrets { certificate { id } } } } } } } }`),
      );
    }
  });

  it('a deploy record, by ID, as a job, and through its certificate', async () => {
    const record = `id status isFinished progress { total } startedAt finishedAt resourceType region
      certificate { id } instances(first: 5) { totalCount edges { node { certificate { id } oldCertificate { id } } } }`;
    expectCovered(await measure(`{ deployRecord(id: "${seed.deployRecord}") { ${record} } }`));
    expectCovered(
      await measure(
        `{ job(kind: DEPLOY_RECORD, id: "${seed.deployRecord}") { id status ... on DeployRecord { ${record} } } }`,
      ),
    );
    expectCovered(
      await measure(
        `{ certificate(id: "${seed.deployedCertificate}") { deployRecords(first: 5) { edges { node { ${record} } } } } }`,
      ),
    );
  });

  it('update records, by ID and through their certificates', async () => {
    const { id, oldCertificate, newCertificate } = seed.updateRecord;
    const record = `id status progress { total } certificate { id } oldCertificate { id } updateStatus resourceTypes
      regions createdAt updatedAt resourceGroups { instanceCount instances(first: 5) { totalCount } }`;
    expectCovered(await measure(`{ updateRecord(id: "${id}") { ${record} } }`));
    expectCovered(
      await measure(`{ old: certificate(id: "${oldCertificate}") { replacementRecords(first: 5) { edges { node { ${record} } } } }
        new: certificate(id: "${newCertificate}") { installationRecords(first: 5) { edges { node { ${record} } } } } }`),
    );
  });

  it('content replacement records, by ID and through their certificate', async () => {
    const { id, certificate } = seed.uploadUpdateRecord;
    const record = `id status isFinished certificate { id } updateStatus resourceTypes createdAt updatedAt isRolledBack
      phases { kind resourceGroups { instances(first: 5) { totalCount } } }`;
    expectCovered(await measure(`{ uploadUpdateRecord(id: "${id}") { ${record} } }`));
    expectCovered(
      await measure(
        `{ certificate(id: "${certificate}") { contentReplacementRecords(first: 5) { edges { node { ${record} } } } } }`,
      ),
    );
  });

  it('companies with their managers, a manager, a company and packages', async () => {
    expectCovered(
      await measure(`{ companies(first: 10) { edges { node { id name managers(first: 10) { edges { node {
        id email status certificateCount company { id } contact { email } } } } } } }
        packages(first: 10) { edges { node { id remainingPoints } } } }`),
    );
    const ids = await postOperation(gateway, {
      query:
        '{ companies(first: 1) { edges { node { id managers(first: 1) { edges { node { id } } } } } } packages(first: 1) { edges { node { id } } } }',
    });
    const data = ids.body.data as {
      companies: { edges: { node: { id: string; managers: { edges: { node: { id: string } }[] } } }[] };
      packages: { edges: { node: { id: string } }[] };
    };
    const company = data.companies.edges[0]?.node;
    const manager = company?.managers.edges[0]?.node.id;
    const pack = data.packages.edges[0]?.node.id;
    expectCovered(
      await measure(`{ manager(id: "${manager}") { id email status company { name } }
        company(id: "${company?.id}") { name managers(first: 3) { totalCount } }
        package(id: "${pack}") { id remainingPoints } }`),
    );
  });

  it('downloads and checks', async () => {
    const id = seed.issuedBoundCertificate;
    expectCovered(
      await measure(`{ certificate(id: "${id}") { archive { contentType } downloadLink(format: NGINX) { url }
        privateKeyPem smEncryptionCertificate { certificatePem } } }`),
    );
    const pem = emulator.state.certificates.get(id)?.certificatePem;
    expectCovered(
      await measure(
        `query ($pem: String!) { certificateExists(input: { certificatePem: $pem }) { exists certificate { id } }
          certificateChainCheck(chainPem: $pem) { isValid } }`,
        { pem },
      ),
    );
  });

  it('a bind-resource task, from the mutation that starts it to its resources', async () => {
    const started = await measure(
      `mutation ($ids: [ID!]!) { certificateBindingsRefresh(input: { certificateIds: $ids, useCache: false }) {
        tasks { id certificate { id } } userErrors { code } } }`,
      { ids: [seed.issuedBoundCertificate] },
    );
    expectCovered(started);
    emulator.clock.advance(60_000);
    const listed = await postOperation(gateway, {
      query: `mutation ($ids: [ID!]!) { certificateBindingsRefresh(input: { certificateIds: $ids }) { tasks { id } } }`,
      variables: { ids: [seed.issuedBoundCertificate] },
    });
    const [task] = (listed.body.data as { certificateBindingsRefresh: { tasks: { id: string }[] } })
      .certificateBindingsRefresh.tasks;
    emulator.clock.advance(60_000);
    expectCovered(
      await measure(`{ bindResourceTask(id: "${task?.id}") { id status queryStatus cachedAt results { resourceType }
        clb: resources(resourceType: CLB, first: 5) { totalCount edges { node { id certificate { id } } } }
        later: resources(resourceType: CLB, first: 5, after: "${Buffer.from('offset:0').toString('base64url')}") {
          totalCount } } }`),
    );
  });

  it('a mutation payload that reads its certificate', async () => {
    expectCovered(
      await measure(
        `mutation ($id: ID!) { certificateAliasUpdate(input: { id: $id, alias: "estimate" }) {
          certificate { id alias deployRecords(first: 1) { totalCount } } } }`,
        { id: seed.deployedCertificate },
      ),
    );
  });

  it("a subscription's first event", async () => {
    const query = `subscription ($id: ID!) { jobProgress(kind: DEPLOY_RECORD, id: $id) { id status
      ... on DeployRecord { resourceType certificate { id certificatePem deployRecords(first: 2) { totalCount } } } } }`;
    const variables = { id: seed.deployRecord };
    emulator.stats.reset();
    const events: unknown[] = [];
    await readEvents(await subscribeOverSse(gateway, query, variables), (event) => events.push(event));
    expect(events.length).toBeGreaterThan(0);
    expect(events[0]).not.toHaveProperty('errors');
    expectCovered({ estimate: estimateOf(query, variables), calls: callsReceived() });
  });
});

describe('the estimate counts', () => {
  const withDeployRecords = (page: string) =>
    `query ($n: Int, $skip: Boolean = false) { certificates${page} { edges { node { id
      deployRecords(first: 1) @skip(if: $skip) { totalCount } } } } }`;

  it('a per-certificate relation once per certificate of the page that runs', () => {
    expect(estimateOf(withDeployRecords('(first: 20)'))).toBe(21);
    expect(estimateOf(withDeployRecords(''))).toBe(21);
    expect(estimateOf(withDeployRecords('(first: $n)'), { n: null })).toBe(21);
    expect(estimateOf(withDeployRecords('(first: $n)'), { n: 5 })).toBe(6);
    expect(estimateOf(withDeployRecords('(first: 2147483647)'))).toBe(101);
    expect(estimateOf(withDeployRecords('(first: 20)'), { skip: true })).toBe(1);
  });

  it('lookups by ID once per batch of 50', () => {
    const lookups = (count: number) =>
      `{ ${Array.from({ length: count }, (_, index) => `c${index}: certificate(id: "${index}") { id }`).join(' ')} }`;
    expect(estimateOf(lookups(50))).toBe(1);
    expect(estimateOf(lookups(51))).toBe(2);
  });

  it('company references as one listing for the batch plus, at worst, one call each', () => {
    const companies = (count: number) => ({
      r: Array.from({ length: count }, (_, index) => ({ __typename: 'Company', id: String(5000 + index) })),
    });
    const entities = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Company { id name } } }';
    expect(estimateOf(entities, companies(60))).toBe(61);
    expect(estimateOf(entities, companies(99))).toBe(100);
  });

  it('nothing for an operation that cannot run', () => {
    expect(estimateOf('query ($n: Int!) { certificates(first: $n) { totalCount } }', { n: 'many' })).toBe(
      undefined,
    );
  });
});

/** Types whose objects the API has to be asked for: a field returning one makes calls unless its parent holds it. */
const LOADED_TYPES = new Set([
  'Certificate',
  'Manager',
  'Company',
  'Package',
  'DeployRecord',
  'UpdateRecord',
  'UploadUpdateRecord',
  'BindResourceTask',
  'CertificateDeleteTask',
  'Job',
  '_Entity',
]);

describe('the weights', () => {
  it('name fields the schema has', () => {
    for (const key of Object.keys(FIELD_CALLS)) {
      const [typeName = '', fieldName = ''] = key.split('.');
      const type = schema.getType(typeName);
      expect(isObjectType(type) || isInterfaceType(type), key).toBe(true);
      if (isObjectType(type) || isInterfaceType(type)) expect(type.getFields()[fieldName], key).toBeDefined();
    }
    for (const typeName of Object.keys(ENTITY_REFERENCE_CALLS)) {
      expect(
        schema.getType('_Entity') !== undefined && isObjectType(schema.getType(typeName)),
        typeName,
      ).toBe(true);
    }
  });

  it('cover every field that can reach the upstream: relations, pages, and loaded objects', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || type === schema.getMutationType()) continue;
      for (const field of Object.values(type.getFields())) {
        // A connection's edges hold what the paged field returned.
        if (type.name.endsWith('Edge') && field.name === 'node') continue;
        const reaches =
          LOADED_TYPES.has(getNamedType(field.type).name) ||
          isPagedField(field) ||
          (field.description ?? '').includes(OWN_UPSTREAM_READ.note.trim());
        if (reaches && fieldCallsOf(type, field.name) === undefined)
          missing.push(`${type.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
