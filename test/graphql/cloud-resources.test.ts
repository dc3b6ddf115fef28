import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, type Gateway } from '../../src/graphql/yoga.ts';
import type { SslActionName, SslCaller, SslResponse } from '../../src/ssl/actions.ts';
import { ReadCachingSslCaller } from '../../src/ssl/read-cache.ts';
import { execute } from './support/execute.ts';
import { startTestStack, type TestStack } from './support/stack.ts';

// The cloud-resource graph over the real SslClient and the seeded emulator. Upstream cost is read from the
// emulator's own count of the calls it received; request parameters from a recording wrapper of the client.

interface Edge<T> {
  node: T;
}
interface Connection<T> {
  totalCount: number;
  pageInfo?: { hasNextPage: boolean; endCursor: string | null };
  cacheStatus?: {
    isRefreshing: boolean;
    refreshTotal: number;
    refreshProcessed: number;
    cachedAt: string | null;
  } | null;
  edges: Edge<T>[];
}
interface ResourceNode {
  __typename: string;
  id: string;
  domains: string[];
  certificate: { id: string; domains: string[] } | null;
  [field: string]: unknown;
}

let stack: TestStack;
let issuedCertificate: { id: string; domains: string[] };
/** The cursor a page starting with `issuedCertificate` continues from (null: it is the first). */
let cursorBeforeIssued: string | null;

/** Runs an operation and fails the test on any GraphQL error. */
async function query<T>(gateway: Gateway, document: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await execute<T, Record<string, unknown>>(gateway, document, variables);
  expect(response.errors).toBeUndefined();
  return response.data as T;
}

/** Runs `run` and returns how many calls of each action it cost. */
async function costOf(
  actions: SslActionName[],
  run: () => Promise<unknown>,
): Promise<Record<string, number>> {
  const before = actions.map((action) => stack.upstreamCalls(action));
  await run();
  return Object.fromEntries(actions.map((action, i) => [action, stack.upstreamCalls(action) - before[i]!]));
}

/** Whether a certificate name (possibly `*.wildcard`) covers a host, as TLS clients decide it. */
function covers(name: string, host: string): boolean {
  if (!name.startsWith('*.')) return name === host;
  const dot = host.indexOf('.');
  return dot > 0 && host.slice(dot + 1) === name.slice(2);
}

beforeAll(async () => {
  stack = await startTestStack();
  const data = await query<{
    certificates: Connection<{ id: string; status: string; domains: string[] }> & {
      edges: { cursor: string }[];
    };
  }>(
    stack.gateway,
    '{ certificates(first: 100) { totalCount edges { cursor node { id status domains } } } }',
  );
  // The seed binds resources to the issued certificates: pick one that serves a CDN domain.
  const cdn = await query<{ cloudResources: Connection<ResourceNode> }>(
    stack.gateway,
    '{ cloudResources(type: CDN, first: 100) { totalCount edges { node { id domains certificate { id domains } } } } }',
  );
  const boundIds = new Set(
    cdn.cloudResources.edges.flatMap((edge) => (edge.node.certificate ? [edge.node.certificate.id] : [])),
  );
  const issued = data.certificates.edges.find(
    (edge) => boundIds.has(edge.node.id) && edge.node.status === 'ISSUED',
  );
  expect(issued).toBeDefined();
  const index = data.certificates.edges.indexOf(issued!);
  cursorBeforeIssued = index === 0 ? null : data.certificates.edges[index - 1]!.cursor;
  issuedCertificate = { id: issued!.node.id, domains: issued!.node.domains };
});

afterAll(async () => {
  await stack?.close();
});

describe('Query.cloudResources', () => {
  it.each([
    ['CLB', 'DescribeHostClbInstanceList', 'ClbLoadBalancer', '... on ClbLoadBalancer { kind }', 'kind'],
    ['CDN', 'DescribeHostCdnInstanceList', 'CdnDomain', '... on CdnDomain { status }', 'status'],
    ['COS', 'DescribeHostCosInstanceList', 'CosBucketDomain', '... on CosBucketDomain { bucket }', 'bucket'],
    ['TKE', 'DescribeHostTkeInstanceList', 'TkeCluster', '... on TkeCluster { clusterType }', 'clusterType'],
    [
      'TEO',
      'DescribeHostTeoInstanceList',
      'EdgeOneDomain',
      '... on EdgeOneDomain { certificateStatus }',
      'certificateStatus',
    ],
    [
      'DDOS',
      'DescribeHostDdosInstanceList',
      'AntiDdosDomain',
      '... on AntiDdosDomain { virtualPort }',
      'virtualPort',
    ],
    [
      'APIGATEWAY',
      'DescribeHostApiGatewayInstanceList',
      'ApiGatewayCustomDomain',
      '... on ApiGatewayCustomDomain { service { id } }',
      'service',
    ],
    [
      'LIGHTHOUSE',
      'DescribeHostLighthouseInstanceList',
      'LighthouseInstance',
      '... on LighthouseInstance { ipAddresses }',
      'ipAddresses',
    ],
    [
      'LIVE',
      'DescribeHostLiveInstanceList',
      'LiveDomain',
      '... on LiveDomain { httpsStatus }',
      'httpsStatus',
    ],
    ['VOD', 'DescribeHostVodInstanceList', 'VodDomain', '... on VodDomain { domain }', 'domain'],
    ['WAF', 'DescribeHostWafInstanceList', 'WafDomain', '... on WafDomain { domain }', 'domain'],
  ] as const)('lists %s through %s', async (type, action, typeName, fragment, field) => {
    // EdgeOne's list requires the certificate to deploy; the others list every instance without one.
    const deployableFor = type === 'TEO' ? issuedCertificate.id : null;
    let data: { cloudResources: Connection<ResourceNode> } | undefined;
    const cost = await costOf([action], async () => {
      data = await query(
        stack.gateway,
        `query ($type: ResourceType!, $deployableFor: ID) {
          cloudResources(type: $type, deployableFor: $deployableFor) {
            totalCount
            edges { node { __typename id resourceType domains ${fragment} } }
          }
        }`,
        { type, deployableFor },
      );
    });
    expect(cost[action]).toBe(1);
    const { totalCount, edges } = data!.cloudResources;
    expect(edges.length).toBeGreaterThan(0);
    expect(totalCount).toBeGreaterThanOrEqual(edges.length);
    for (const { node } of edges) {
      expect(node.__typename).toBe(typeName);
      expect(node.resourceType).toBe(type);
      expect(node[field]).not.toBeNull();
      expect(node[field]).toBeDefined();
    }
  });

  it('nests CLB listeners and their rules, each with its certificate', async () => {
    const data = await query<{ cloudResources: Connection<ResourceNode & { listeners: Listener[] }> }>(
      stack.gateway,
      `{ cloudResources(type: CLB, first: 10) { edges { node { ... on ClbLoadBalancer {
          id listeners { id protocol isSniEnabled certificate { id } rules { id domain url certificate { id domains } } }
      } } } } }`,
    );
    const listeners = data.cloudResources.edges.flatMap((edge) => edge.node.listeners);
    const sni = listeners.filter((listener) => listener.isSniEnabled);
    expect(sni.length).toBeGreaterThan(0);
    const rules = sni.flatMap((listener) => listener.rules);
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(rule.domain).not.toBe('');
      expect(rule.url.startsWith('/')).toBe(true);
      // A rule's certificate is the one serving its domain.
      if (rule.certificate)
        expect(rule.certificate.domains.some((name) => covers(name, rule.domain))).toBe(true);
    }
    expect(rules.some((rule) => rule.certificate !== null)).toBe(true);
    expect(new Set(listeners.map((listener) => listener.protocol))).toContain('HTTPS');
  });

  it('nests TKE namespaces and their TLS secrets', async () => {
    const data = await query<{ cloudResources: Connection<ResourceNode & { namespaces: Namespace[] }> }>(
      stack.gateway,
      `{ cloudResources(type: TKE) { edges { node { domains boundCertificates { id } ... on TkeCluster {
          namespaces { name secrets { name certificate { id } ingresses { name tlsDomains } } }
      } } } } }`,
    );
    const clusters = data.cloudResources.edges.map((edge) => edge.node);
    const secrets = clusters.flatMap((cluster) =>
      cluster.namespaces.flatMap((namespace) => namespace.secrets),
    );
    expect(secrets.length).toBeGreaterThan(0);
    expect(secrets.some((secret) => secret.certificate !== null)).toBe(true);
    for (const cluster of clusters) {
      // The cluster-level view is the union of what its secrets hold.
      const secretCertificates = new Set(
        cluster.namespaces.flatMap((n) =>
          n.secrets.flatMap((s) => (s.certificate ? [s.certificate.id] : [])),
        ),
      );
      expect(new Set((cluster.boundCertificates as { id: string }[]).map((c) => c.id))).toEqual(
        secretCertificates,
      );
    }
  });

  it('resolves the certificates of a page of resources with one DescribeCertificates call', async () => {
    let data: { cloudResources: Connection<ResourceNode> } | undefined;
    const cost = await costOf(['DescribeCertificates', 'DescribeHostCdnInstanceList'], async () => {
      data = await query(
        stack.gateway,
        '{ cloudResources(type: CDN) { edges { node { certificate { id domain } } } } }',
      );
    });
    const certificateIds = new Set(
      data!.cloudResources.edges.flatMap((edge) => (edge.node.certificate ? [edge.node.certificate.id] : [])),
    );
    expect(certificateIds.size).toBeGreaterThan(1);
    expect(cost).toEqual({ DescribeCertificates: 1, DescribeHostCdnInstanceList: 1 });
  });

  it('pages through a list Tencent Cloud does not page (WAF) with one call per request', async () => {
    const first = await query<{ cloudResources: Connection<ResourceNode> }>(
      stack.gateway,
      '{ cloudResources(type: WAF, first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }',
    );
    expect(first.cloudResources.edges).toHaveLength(2);
    expect(first.cloudResources.totalCount).toBeGreaterThan(2);
    expect(first.cloudResources.pageInfo?.hasNextPage).toBe(true);
    const rest = await query<{ cloudResources: Connection<ResourceNode> }>(
      stack.gateway,
      'query ($after: String) { cloudResources(type: WAF, first: 100, after: $after) { edges { node { id } } } }',
      { after: first.cloudResources.pageInfo?.endCursor },
    );
    const ids = [...first.cloudResources.edges, ...rest.cloudResources.edges].map((edge) => edge.node.id);
    expect(new Set(ids).size).toBe(first.cloudResources.totalCount);
  });

  it('lists only the resources serving a certificate with boundTo', async () => {
    const data = await query<{ cloudResources: Connection<ResourceNode> }>(
      stack.gateway,
      'query ($id: ID!) { cloudResources(type: CDN, boundTo: $id) { totalCount edges { node { certificate { id } } } } }',
      { id: issuedCertificate.id },
    );
    expect(data.cloudResources.totalCount).toBeGreaterThan(0);
    for (const { node } of data.cloudResources.edges) expect(node.certificate?.id).toBe(issuedCertificate.id);
  });

  it('refuses what the action of a type cannot do, before calling it', async () => {
    const cases = [
      ['{ cloudResources(type: TSE) { totalCount } }', 'type'],
      ['{ cloudResources(type: DDOS, refreshCache: true) { totalCount } }', 'refreshCache'],
      ['{ cloudResources(type: TEO) { totalCount } }', 'deployableFor'],
      ['{ cloudResources(type: LIGHTHOUSE, boundTo: "abc") { totalCount } }', 'boundTo'],
    ] as const;
    const cost = await costOf(
      ['DescribeHostDdosInstanceList', 'DescribeHostTeoInstanceList', 'DescribeHostLighthouseInstanceList'],
      async () => {
        for (const [document, argumentName] of cases) {
          const response = await execute(stack.gateway, document);
          expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
        }
      },
    );
    expect(Object.values(cost)).toEqual([0, 0, 0]);
  });
});

describe('upstream parameters', () => {
  it('caps the page size at the action maximum and sends ApiGateway its String Offset', async () => {
    const sent: { action: SslActionName; params: unknown }[] = [];
    const recording: SslCaller = {
      call(action, params, options) {
        sent.push({ action, params });
        return stack.client.call(action, params, options);
      },
    };
    const gateway = createGateway({ logging: false, ssl: recording });
    await query(gateway, '{ cloudResources(type: CDN, first: 500) { totalCount } }');
    await query(
      gateway,
      'query ($after: String) { cloudResources(type: APIGATEWAY, first: 1000, after: $after) { totalCount } }',
      { after: Buffer.from('offset:1').toString('base64url') },
    );
    const cdn = sent.find((call) => call.action === 'DescribeHostCdnInstanceList')?.params as {
      Limit: number;
    };
    // CDN documents a maximum of 200; the graph's own page maximum (100) is lower still.
    expect(cdn.Limit).toBeLessThanOrEqual(200);
    expect(cdn.Limit).toBe(100);
    const apiGateway = sent.find((call) => call.action === 'DescribeHostApiGatewayInstanceList')?.params;
    expect(apiGateway).toMatchObject({ Offset: '2', Limit: 100 });
  });
});

describe('Certificate links', () => {
  it('lists the deploy targets of an issued certificate, matching or not', async () => {
    const data = await query<{
      certificate: { matching: Connection<ResourceNode>; others: Connection<ResourceNode> };
    }>(
      stack.gateway,
      `query ($id: ID!) { certificate(id: $id) {
        matching: deployTargets(type: CDN) { totalCount edges { node { domains } } }
        others: deployTargets(type: CDN, coveredByCertificate: false) { totalCount edges { node { domains } } }
      } }`,
      { id: issuedCertificate.id },
    );
    const { matching, others } = data.certificate;
    expect(matching.totalCount).toBeGreaterThan(0);
    for (const { node } of matching.edges) {
      expect(node.domains.every((host) => issuedCertificate.domains.some((name) => covers(name, host)))).toBe(
        true,
      );
    }
    for (const { node } of others.edges) {
      expect(node.domains.every((host) => issuedCertificate.domains.some((name) => covers(name, host)))).toBe(
        false,
      );
    }
  });

  it('batches deployedResources of a page of 50 certificates into one call per type', async () => {
    let data: { certificates: Connection<{ id: string; cdn: Deployed; ddos: Deployed }> } | undefined;
    const cost = await costOf(['DescribeCertificates', 'DescribeDeployedResources'], async () => {
      data = await query(
        stack.gateway,
        `query ($after: String) { certificates(first: 50, after: $after) { edges { node { id
            cdn: deployedResources(type: CDN) { resourceType totalCount identifiers }
        } } } }`,
        { after: cursorBeforeIssued },
      );
    });
    expect(cost).toEqual({ DescribeCertificates: 1, DescribeDeployedResources: 1 });
    const certificates = data!.certificates.edges.map((edge) => edge.node);
    expect(certificates).toHaveLength(50);
    const ours = certificates.find((certificate) => certificate.id === issuedCertificate.id);
    // Agrees with the instance list filtered by the same certificate.
    const bound = await query<{ cloudResources: Connection<ResourceNode> }>(
      stack.gateway,
      'query ($id: ID!) { cloudResources(type: CDN, boundTo: $id, first: 100) { edges { node { domains } } } }',
      { id: issuedCertificate.id },
    );
    const boundDomains = bound.cloudResources.edges.flatMap((edge) => edge.node.domains);
    expect(ours?.cdn).toMatchObject({ resourceType: 'CDN', totalCount: boundDomains.length });
    expect([...(ours?.cdn.identifiers ?? [])].sort()).toEqual([...boundDomains].sort());
  });

  it('asks DescribeDeployedResources for Anti-DDoS by its own spelling', async () => {
    const data = await query<{ certificate: { ddos: Deployed } }>(
      stack.gateway,
      'query ($id: ID!) { certificate(id: $id) { ddos: deployedResources(type: DDOS) { resourceType totalCount identifiers } } }',
      { id: issuedCertificate.id },
    );
    expect(data.certificate.ddos.resourceType).toBe('DDOS');
    expect(data.certificate.ddos.identifiers).toHaveLength(data.certificate.ddos.totalCount);
    const unsupported = await execute(
      stack.gateway,
      'query ($id: ID!) { certificate(id: $id) { deployedResources(type: TKE) { totalCount } } }',
      { id: issuedCertificate.id },
    );
    expect(unsupported.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('instance cache', () => {
  // Last: these move the emulator clock.
  it('reports the progress of a background refresh as the emulator clock advances', async () => {
    const read = async (refreshCache: boolean) =>
      (
        await query<{ cloudResources: Connection<ResourceNode> }>(
          stack.gateway,
          `query ($refresh: Boolean!) { cloudResources(type: CLB, refreshCache: $refresh, first: 1) {
            cacheStatus { isRefreshing refreshTotal refreshProcessed cachedAt }
          } }`,
          { refresh: refreshCache },
        )
      ).cloudResources.cacheStatus!;

    const before = await read(false);
    const started = await read(true);
    expect(started.isRefreshing).toBe(true);
    expect(started.refreshTotal).toBeGreaterThan(1);
    expect(started.refreshProcessed).toBe(0);
    expect(started.cachedAt).toBe(before.cachedAt);

    // The emulator refreshes one deploy target per 200 ms of its clock.
    stack.emulator.clock.advance(200);
    const halfway = await read(false);
    expect(halfway).toMatchObject({
      isRefreshing: true,
      refreshTotal: started.refreshTotal,
      refreshProcessed: 1,
    });

    stack.emulator.clock.advance(200 * started.refreshTotal);
    const done = await read(false);
    expect(done).toMatchObject({
      isRefreshing: false,
      refreshTotal: started.refreshTotal,
      refreshProcessed: started.refreshTotal,
    });
    expect(Date.parse(done.cachedAt!)).toBeGreaterThan(Date.parse(before.cachedAt!));
  });

  it('shows a refresh progressing behind the read cache: refreshing calls are never served from it', async () => {
    const cached = new ReadCachingSslCaller(stack.client, {
      ttlMs: 60_000,
      identity: async () => stack.emulator.secretId,
    });
    const gateway = createGateway({ ssl: cached, logging: false });
    const refresh = async () =>
      (
        await query<{ cloudResources: Connection<ResourceNode> }>(
          gateway,
          '{ cloudResources(type: CLB, refreshCache: true, first: 1) { cacheStatus { refreshProcessed } } }',
        )
      ).cloudResources.cacheStatus!.refreshProcessed;
    const processed = [await refresh()];
    for (const _step of [1, 2]) {
      stack.emulator.clock.advance(200);
      processed.push(await refresh());
    }
    await gateway.dispose();
    expect(processed[1]).toBeGreaterThan(processed[0]!);
    expect(processed[2]).toBeGreaterThan(processed[1]!);
  });

  it('follows a refresh with refreshCache: false behind the read cache, as the field describes', async () => {
    const cached = new ReadCachingSslCaller(stack.client, {
      ttlMs: 60_000,
      identity: async () => stack.emulator.secretId,
    });
    const gateway = createGateway({ ssl: cached, logging: false });
    const read = async (refreshCache: boolean) =>
      (
        await query<{ cloudResources: Connection<ResourceNode> }>(
          gateway,
          `query ($refresh: Boolean!) { cloudResources(type: CDN, refreshCache: $refresh, first: 1) {
            cacheStatus { isRefreshing refreshTotal refreshProcessed }
          } }`,
          { refresh: refreshCache },
        )
      ).cloudResources.cacheStatus!;
    try {
      // Finish any refresh an earlier test left running, then keep a plain read in the cache.
      stack.emulator.clock.advance(200 * 1_000);
      expect((await read(false)).isRefreshing).toBe(false);
      const started = await read(true);
      expect(started.isRefreshing).toBe(true);
      expect((await read(false)).isRefreshing).toBe(true);
      stack.emulator.clock.advance(200);
      const followed = await read(false);
      expect(followed.refreshProcessed).toBeGreaterThan(0);
      stack.emulator.clock.advance(200 * started.refreshTotal);
      expect(await read(false)).toMatchObject({
        isRefreshing: false,
        refreshProcessed: started.refreshTotal,
      });
    } finally {
      await gateway.dispose();
    }
  });
});

interface Rule {
  id: string;
  domain: string;
  url: string;
  certificate: { id: string; domains: string[] } | null;
}
interface Listener {
  id: string;
  protocol: string;
  isSniEnabled: boolean;
  certificate: { id: string } | null;
  rules: Rule[];
}
interface Namespace {
  name: string;
  secrets: {
    name: string;
    certificate: { id: string } | null;
    ingresses: { name: string; tlsDomains: string[] }[];
  }[];
}
interface Deployed {
  resourceType: string;
  totalCount: number;
  identifiers: string[];
}

/** The graph's nodes of `type` with their own fields (`fragment`), and the upstream's answer for the same list. */
async function nodesOf<T>(type: string, fragment: string, deployableFor: string | null = null): Promise<T[]> {
  const data = await query<{
    cloudResources: Omit<Connection<T>, 'edges'> & { edges: (Edge<T> & { cursor: string })[] };
  }>(
    stack.gateway,
    `query ($type: ResourceType!, $deployableFor: ID) {
      cloudResources(type: $type, deployableFor: $deployableFor, first: 100) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id ${fragment} } }
      }
    }`,
    { type, deployableFor },
  );
  const { edges, pageInfo, totalCount } = data.cloudResources;
  expect(edges.length).toBeGreaterThan(0);
  expect(pageInfo?.hasNextPage).toBe(false);
  expect(edges).toHaveLength(totalCount);
  // Each edge has a cursor of its own, the last one the page's end.
  expect(new Set(edges.map((edge) => edge.cursor)).size).toBe(edges.length);
  expect(edges.at(-1)?.cursor).toBe(pageInfo?.endCursor);
  return edges.map((edge) => edge.node);
}

/** Looks `key` up in the upstream's list, failing the test when it is not there. */
function upstreamOf<T>(list: readonly T[], keyOf: (item: T) => string, key: string): T {
  const found = list.find((item) => keyOf(item) === key);
  expect(found, `the upstream lists ${key}`).toBeDefined();
  return found!;
}

describe("each resource type's own fields", () => {
  it('map a CDN domain: its status and HTTPS billing switch', async () => {
    const upstream = (await stack.client.call('DescribeHostCdnInstanceList', {})).InstanceList;
    const nodes = await nodesOf<{ domain: string; status: string; isHttpsBillingEnabled: boolean }>(
      'CDN',
      '... on CdnDomain { domain status isHttpsBillingEnabled }',
    );
    for (const node of nodes) {
      const domain = upstreamOf(upstream, (item) => item.Domain, node.domain);
      expect(node.status).toBe(domain.Status.toUpperCase());
      expect(node.isHttpsBillingEnabled, node.domain).toBe(domain.HttpsBillingSwitch === 'on');
    }
    // The seed has domains billed and not: a constant answer would show.
    expect(new Set(nodes.map((node) => node.isHttpsBillingEnabled))).toEqual(new Set([true, false]));
  });

  it('map a WAF domain: whether it keeps connections alive', async () => {
    const upstream = (await stack.client.call('DescribeHostWafInstanceList', {})).InstanceList;
    const nodes = await nodesOf<{ domain: string; isKeepaliveEnabled: boolean | null }>(
      'WAF',
      '... on WafDomain { domain isKeepaliveEnabled }',
    );
    for (const node of nodes) {
      const { Keepalive } = upstreamOf(upstream, (item) => item.Domain, node.domain);
      expect(node.isKeepaliveEnabled, node.domain).toBe(Keepalive === null ? null : Keepalive === 1);
    }
    expect(new Set(nodes.map((node) => node.isKeepaliveEnabled))).toEqual(new Set([true, false]));
  });

  it('map Anti-DDoS, API Gateway, COS, live and EdgeOne domains', async () => {
    const ddos = (await stack.client.call('DescribeHostDdosInstanceList', {})).InstanceList;
    for (const node of await nodesOf<{
      domain: string;
      instanceId: string;
      protocol: string;
      virtualPort: string;
    }>('DDOS', '... on AntiDdosDomain { domain instanceId protocol virtualPort }')) {
      const upstream = upstreamOf(
        ddos,
        (item) => `${item.InstanceId}|${item.Domain}`,
        `${node.instanceId}|${node.domain}`,
      );
      expect(node).toMatchObject({ protocol: upstream.Protocol, virtualPort: upstream.VirtualPort });
    }

    const gateways = (await stack.client.call('DescribeHostApiGatewayInstanceList', {})).InstanceList;
    for (const node of await nodesOf<{
      domain: string;
      protocol: string;
      service: { id: string; name: string };
    }>('APIGATEWAY', '... on ApiGatewayCustomDomain { domain protocol service { id name } }')) {
      const upstream = upstreamOf(
        gateways,
        (item) => `${item.ServiceId}|${item.Domain}`,
        `${node.service.id}|${node.domain}`,
      );
      expect(node).toMatchObject({ protocol: upstream.Protocol, service: { name: upstream.ServiceName } });
    }

    const buckets = (await stack.client.call('DescribeHostCosInstanceList', {})).InstanceList;
    for (const node of await nodesOf<{ domain: string; bucket: string; status: string }>(
      'COS',
      '... on CosBucketDomain { domain bucket status }',
    )) {
      const upstream = upstreamOf(buckets, (item) => item.Domain, node.domain);
      expect(node).toMatchObject({ bucket: upstream.Bucket, status: upstream.Status });
    }

    const live = (await stack.client.call('DescribeHostLiveInstanceList', {})).InstanceList;
    for (const node of await nodesOf<{ domain: string }>('LIVE', '... on LiveDomain { domain }')) {
      upstreamOf(live, (item) => item.Domain, node.domain);
    }

    // EdgeOne lists the domains a certificate could be deployed to.
    const edgeOne = (
      await stack.client.call('DescribeHostTeoInstanceList', { CertificateId: issuedCertificate.id })
    ).InstanceList;
    const zones = await nodesOf<{ domain: string; zoneId: string | null }>(
      'TEO',
      '... on EdgeOneDomain { domain zoneId }',
      issuedCertificate.id,
    );
    for (const node of zones) {
      const upstream = upstreamOf(edgeOne, (item) => item.Host, node.domain);
      expect(node.zoneId).toBe(upstream.ZoneId === '' ? null : upstream.ZoneId);
    }
    expect(zones.some((node) => node.zoneId !== null)).toBe(true);
  });

  it('map a TKE cluster: its version, and what its secrets and ingresses serve', async () => {
    const candidate = issuedCertificate.id;
    const upstream = (await stack.client.call('DescribeHostTkeInstanceList', { CertificateId: candidate }))
      .InstanceList;
    const clusters = await nodesOf<{
      id: string;
      kubernetesVersion: string;
      namespaces: {
        name: string;
        secrets: {
          name: string;
          uncoveredDomains: string[];
          ingresses: { name: string; domains: string[] }[];
        }[];
      }[];
    }>(
      'TKE',
      '... on TkeCluster { kubernetesVersion namespaces { name secrets { name uncoveredDomains ingresses { name domains } } } }',
      candidate,
    );
    for (const cluster of clusters) {
      const detail = upstreamOf(upstream, (item) => item.ClusterId, cluster.id);
      expect(cluster.kubernetesVersion).toBe(detail.ClusterVersion);
      expect(
        cluster.namespaces.map((namespace) => ({
          name: namespace.name,
          secrets: namespace.secrets.map((secret) => ({
            name: secret.name,
            uncoveredDomains: secret.uncoveredDomains,
            ingresses: secret.ingresses.map((ingress) => ({ name: ingress.name, domains: ingress.domains })),
          })),
        })),
      ).toEqual(
        (detail.NamespaceList ?? []).map((namespace) => ({
          name: namespace.Name,
          secrets: (namespace.SecretList ?? []).map((secret) => ({
            name: secret.Name,
            uncoveredDomains: secret.NoMatchDomains ?? [],
            ingresses: (secret.IngressList ?? []).map((ingress) => ({
              name: ingress.IngressName,
              domains: ingress.Domains ?? [],
            })),
          })),
        })),
      );
    }
    const ingressDomains = clusters.flatMap((cluster) =>
      cluster.namespaces.flatMap((namespace) =>
        namespace.secrets.flatMap((secret) => secret.ingresses.flatMap((ingress) => ingress.domains)),
      ),
    );
    expect(ingressDomains.length).toBeGreaterThan(0);
  });

  it("map CLB listeners and rules against a candidate certificate: what it covers, and each one's TLS mode", async () => {
    // A candidate that covers some rule domains of the load balancers listed for it and misses others.
    let chosen: { id: string; upstream: readonly ClbDetail[] } | undefined;
    for (const certificate of stack.emulator.state.certificates.all()) {
      if (certificate.status !== 1 || certificate.certificateType !== 'SVR') continue;
      const upstream = (
        await stack.client.call('DescribeHostClbInstanceList', { CertificateId: certificate.id })
      ).InstanceList;
      const matches = upstream.flatMap((lb) =>
        lb.Listeners.flatMap((listener) => listener.Rules.map((rule) => rule.IsMatch)),
      );
      if (matches.includes(true) && matches.includes(false)) {
        chosen = { id: certificate.id, upstream };
        break;
      }
    }
    expect(chosen, 'a certificate covering some CLB rules and not others').toBeDefined();
    const loadBalancers = await nodesOf<{
      id: string;
      listeners: {
        id: string;
        authenticationMode: string | null;
        clientCaCertificate: { id: string } | null;
        uncoveredDomains: string[];
        rules: {
          id: string;
          authenticationMode: string | null;
          clientCaCertificate: { id: string } | null;
          isCoveredByCandidate: boolean;
          uncoveredDomains: string[];
        }[];
      }[];
    }>(
      'CLB',
      `... on ClbLoadBalancer { listeners {
        id authenticationMode clientCaCertificate { id } uncoveredDomains
        rules { id authenticationMode clientCaCertificate { id } isCoveredByCandidate uncoveredDomains }
      } }`,
      chosen!.id,
    );
    const mode = (certificate: { SSLMode: string } | null | undefined) =>
      certificate
        ? ({ UNIDIRECTIONAL: 'ONE_WAY', MUTUAL: 'MUTUAL' } as Record<string, string>)[certificate.SSLMode]
        : null;
    const covered: boolean[] = [];
    for (const loadBalancer of loadBalancers) {
      const detail = upstreamOf(chosen!.upstream, (item) => item.LoadBalancerId, loadBalancer.id);
      for (const listener of loadBalancer.listeners) {
        const upstreamListener = upstreamOf(detail.Listeners, (item) => item.ListenerId, listener.id);
        expect(listener.uncoveredDomains).toEqual(upstreamListener.NoMatchDomains ?? []);
        expect(listener.authenticationMode).toBe(mode(upstreamListener.Certificate));
        // The emulator binds no client CA: mutual TLS is not seeded.
        expect(listener.clientCaCertificate).toBeNull();
        for (const rule of listener.rules) {
          const upstreamRule = upstreamOf(upstreamListener.Rules, (item) => item.LocationId, rule.id);
          expect(rule.isCoveredByCandidate).toBe(upstreamRule.IsMatch);
          expect(rule.uncoveredDomains).toEqual(upstreamRule.NoMatchDomains ?? []);
          expect(rule.authenticationMode).toBe(mode(upstreamRule.Certificate));
          expect(rule.clientCaCertificate).toBeNull();
          covered.push(rule.isCoveredByCandidate);
          // A rule the candidate does not cover names its domain as uncovered.
          if (!rule.isCoveredByCandidate) expect(rule.uncoveredDomains.length).toBeGreaterThan(0);
        }
      }
    }
    expect(new Set(covered)).toEqual(new Set([true, false]));
  });
});

type ClbDetail = SslResponse<'DescribeHostClbInstanceList'>['InstanceList'][number];
