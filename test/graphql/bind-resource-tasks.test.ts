import { describe, expect, it } from 'vitest';
import { BIND_TASK_QUERY_MS } from '../../src/emulator/domains/bind-tasks.ts';
import { createGateway } from '../../src/graphql/yoga.ts';
import { execute } from './support/execute.ts';
import { useTestStack } from './support/stack.ts';
import { unusedCertificates } from './support/unused-certificates.ts';

const stack = useTestStack({ gateway: { jobPolling: { minIntervalMs: 5, defaultIntervalMs: 20 } } });

/** Seeded certificates no other test of this file touched; bound ones are bound to some cloud resource. */
const certificates = unusedCertificates(() => stack.emulator.state);

/**
 * Binds `certificateId` to a CLB listener or rule of a different load balancer for each entry of `regions`: a
 * free one where the seed has it, otherwise one taken over from another certificate.
 */
function bindToClbIn(certificateId: string, regions: readonly string[]): void {
  const now = stack.emulator.clock.now();
  const loadBalancers = new Set<string>();
  for (const region of regions) {
    const candidates = stack.emulator.state.resources
      .targets('clb')
      .filter((t) => t.region === region && !loadBalancers.has(t.primaryId));
    const target = candidates.find((t) => t.slot.at(now) === null) ?? candidates[0];
    if (target === undefined) throw new Error(`no free CLB target in ${region}`);
    loadBalancers.add(target.primaryId);
    target.slot.schedule(certificateId, now);
  }
}

interface TaskView {
  id: string;
  kind: string;
  status: string;
  queryStatus: string;
  isFinished: boolean;
  certificate: { id: string } | null;
  results: {
    resourceType: string;
    totalCount: number;
    regions: { region: string | null; totalCount: number }[];
  }[];
}

const REFRESH = `mutation Refresh($input: CertificateBindingsRefreshInput!) {
  certificateBindingsRefresh(input: $input) {
    userErrors { code field }
    tasks { id kind status queryStatus isFinished certificate { id } }
  }
}`;

interface RefreshData {
  certificateBindingsRefresh: {
    userErrors: { code: string; field: string[] | null }[];
    tasks: Omit<TaskView, 'results'>[] | null;
  };
}

async function refresh(certificateIds: readonly string[], useCache?: boolean) {
  const result = await execute<RefreshData, unknown>(stack.gateway, REFRESH, {
    input: { certificateIds, useCache },
  });
  expect(result.errors).toBeUndefined();
  return result.data?.certificateBindingsRefresh;
}

const THREE_TASKS = `query Three($a: ID!, $b: ID!, $c: ID!) {
  a: bindResourceTask(id: $a) { ...Task }
  b: bindResourceTask(id: $b) { ...Task }
  c: bindResourceTask(id: $c) { ...Task }
}
fragment Task on BindResourceTask {
  id status queryStatus isFinished
  results { resourceType totalCount regions { region totalCount } }
}`;

describe('certificateBindingsRefresh', () => {
  it('starts one task per certificate; their results in one request cost one upstream call', async () => {
    const ids = certificates(3, { bound: true });
    stack.emulator.stats.reset();
    const started = await refresh(ids);
    expect(started?.userErrors).toEqual([]);
    const tasks = started?.tasks ?? [];
    expect(tasks.map((task) => task.certificate?.id)).toEqual(ids);
    expect(new Set(tasks.map((task) => task.id)).size).toBe(3);
    for (const task of tasks) {
      expect(task).toMatchObject({ kind: 'BIND_RESOURCE_TASK', status: 'RUNNING', queryStatus: 'QUERYING' });
      expect(task.isFinished).toBe(false);
    }
    expect(stack.upstreamCalls('CreateCertificateBindResourceSyncTask')).toBe(1);
    // Status and queryStatus of the three tasks came from one batched read.
    expect(stack.upstreamCalls('DescribeCertificateBindResourceTaskResult')).toBe(1);

    stack.emulator.clock.advance(BIND_TASK_QUERY_MS + 100);
    stack.emulator.stats.reset();
    const [a, b, c] = tasks.map((task) => task.id);
    const read = await execute<Record<'a' | 'b' | 'c', TaskView>, unknown>(stack.gateway, THREE_TASKS, {
      a,
      b,
      c,
    });
    expect(read.errors).toBeUndefined();
    expect(stack.upstreamCalls('DescribeCertificateBindResourceTaskResult')).toBe(1);
    for (const [index, key] of (['a', 'b', 'c'] as const).entries()) {
      const task = read.data?.[key];
      expect(task).toMatchObject({ status: 'SUCCEEDED', queryStatus: 'SUCCEEDED', isFinished: true });
      const bound = stack.emulator.state.resources.instancesBoundTo(ids[index] ?? '');
      const found = (task?.results ?? []).reduce((sum, type) => sum + type.totalCount, 0);
      // Every certificate picked is bound somewhere, and the per-type totals add up their regions.
      expect(found).toBeGreaterThan(0);
      expect(bound.length).toBeGreaterThan(0);
      for (const type of task?.results ?? []) {
        expect(type.totalCount).toBe(type.regions.reduce((sum, region) => sum + region.totalCount, 0));
      }
    }
  });

  it('reuses a recent finished query unless useCache is false', async () => {
    const [id = ''] = certificates(1, { bound: true });
    const first = await refresh([id]);
    const firstId = first?.tasks?.[0]?.id;
    stack.emulator.clock.advance(BIND_TASK_QUERY_MS + 100);

    const cached = await refresh([id]);
    expect(cached?.tasks?.[0]).toMatchObject({ id: firstId, status: 'SUCCEEDED' });

    const fresh = await refresh([id], false);
    expect(fresh?.tasks?.[0]?.id).not.toBe(firstId);
    expect(fresh?.tasks?.[0]).toMatchObject({ status: 'RUNNING', queryStatus: 'QUERYING' });
  });

  it('refuses more than 100 certificates without asking Tencent Cloud', async () => {
    stack.emulator.stats.reset();
    const ids = Array.from({ length: 101 }, (_, index) => `cert${index}`);
    const refused = await refresh(ids);
    expect(refused?.tasks).toBeNull();
    expect(refused?.userErrors).toEqual([{ code: 'TOO_MANY_IDS', field: ['input', 'certificateIds'] }]);
    expect(stack.upstreamCalls('CreateCertificateBindResourceSyncTask')).toBe(0);
  });

  it('reports an unknown certificate as a user error', async () => {
    const refused = await refresh(['nosuchcert']);
    expect(refused?.tasks).toBeNull();
    expect(refused?.userErrors[0]?.field).toEqual(['input', 'certificateIds']);
    expect(refused?.userErrors[0]?.code).toMatch(/^(FailedOperation|ResourceNotFound)/);
  });

  it('is refused without the ssl:write scope', async () => {
    const readOnly = createGateway({
      ssl: stack.client,
      logging: false,
      authenticate: async () => ({ subject: 'reader', scopes: new Set(['ssl:read'] as const) }),
    });
    stack.emulator.stats.reset();
    const result = await execute(readOnly, REFRESH, { input: { certificateIds: ['x'] } });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(stack.upstreamCalls('CreateCertificateBindResourceSyncTask')).toBe(0);
    await readOnly.dispose();
  });
});

describe('BindResourceTask as a job', () => {
  it('is waited for through Query.job until the query finished', async () => {
    const [id = ''] = certificates(1, { bound: true });
    const started = await refresh([id], false);
    const taskId = started?.tasks?.[0]?.id;
    const waiting = execute<
      { job: { id: string; status: string; isFinished: boolean; finishedAt: string } },
      unknown
    >(
      stack.gateway,
      `query Wait($id: ID!) {
        job(kind: BIND_RESOURCE_TASK, id: $id, wait: { timeoutSeconds: 30, pollIntervalMs: 5 }) {
          id status isFinished finishedAt
          ... on BindResourceTask { queryStatus results { resourceType } }
        }
      }`,
      { id: taskId },
    );
    // The wait is already polling: let the emulated query finish underneath it.
    setTimeout(() => stack.emulator.clock.advance(BIND_TASK_QUERY_MS + 100), 30);
    const waited = await waiting;
    expect(waited.errors).toBeUndefined();
    expect(waited.data?.job).toMatchObject({ id: taskId, status: 'SUCCEEDED', isFinished: true });
    expect(waited.data?.job.finishedAt).toEqual(expect.any(String));
  });

  it('is null for an unknown task ID', async () => {
    const result = await execute<{ job: unknown }, unknown>(
      stack.gateway,
      `{ job(kind: BIND_RESOURCE_TASK, id: "nosuchtask") { id status } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.job).toBeNull();
  });
});

const RESOURCES = `query Resources($id: ID!, $region: String, $first: Int, $after: String) {
  bindResourceTask(id: $id) {
    resources(resourceType: CLB, region: $region, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id resourceType region boundCertificates { id } } }
    }
  }
}`;

interface ResourcesData {
  bindResourceTask: {
    resources: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: {
        node: {
          id: string;
          resourceType: string;
          region: string | null;
          boundCertificates: { id: string }[];
        };
      }[];
    };
  };
}

describe('BindResourceTask.resources', () => {
  it('pages the bound instances of a type across regions, and within one region', async () => {
    const [id = ''] = certificates(1, { bound: false });
    const regions = ['ap-beijing', 'ap-guangzhou', 'ap-hongkong'];
    bindToClbIn(id, regions);
    const started = await refresh([id], false);
    const taskId = started?.tasks?.[0]?.id;

    const before = await execute<ResourcesData, unknown>(stack.gateway, RESOURCES, { id: taskId, first: 2 });
    expect(before.data?.bindResourceTask.resources).toMatchObject({ totalCount: 0, edges: [] });

    stack.emulator.clock.advance(BIND_TASK_QUERY_MS + 100);
    stack.emulator.stats.reset();
    const first = await execute<ResourcesData, unknown>(stack.gateway, RESOURCES, { id: taskId, first: 2 });
    expect(first.errors).toBeUndefined();
    const firstPage = first.data?.bindResourceTask.resources;
    expect(firstPage?.totalCount).toBe(3);
    expect(firstPage?.pageInfo.hasNextPage).toBe(true);
    expect(firstPage?.edges.map((edge) => edge.node.region)).toEqual(regions.slice(0, 2));
    for (const edge of firstPage?.edges ?? []) {
      expect(edge.node.resourceType).toBe('CLB');
      expect(edge.node.boundCertificates.map((certificate) => certificate.id)).toContain(id);
    }
    // One call gave every region's total and first instances.
    expect(stack.upstreamCalls('DescribeCertificateBindResourceTaskDetail')).toBe(1);

    const second = await execute<ResourcesData, unknown>(stack.gateway, RESOURCES, {
      id: taskId,
      first: 2,
      after: firstPage?.pageInfo.endCursor,
    });
    expect(second.errors).toBeUndefined();
    const secondPage = second.data?.bindResourceTask.resources;
    expect(secondPage?.edges.map((edge) => edge.node.region)).toEqual(['ap-hongkong']);
    expect(secondPage?.pageInfo.hasNextPage).toBe(false);

    const oneRegion = await execute<ResourcesData, unknown>(stack.gateway, RESOURCES, {
      id: taskId,
      region: 'ap-guangzhou',
    });
    expect(oneRegion.data?.bindResourceTask.resources.totalCount).toBe(1);
    expect(oneRegion.data?.bindResourceTask.resources.edges[0]?.node.region).toBe('ap-guangzhou');
  });

  it('walks a region beyond its first instances with a call for that region', async () => {
    const [id = ''] = certificates(1, { bound: false });
    bindToClbIn(id, ['ap-shanghai', 'ap-shanghai', 'ap-beijing']);
    const started = await refresh([id], false);
    const taskId = started?.tasks?.[0]?.id;
    stack.emulator.clock.advance(BIND_TASK_QUERY_MS + 100);

    const nodes: { id: string; region: string | null }[] = [];
    let after: string | null | undefined;
    let calls = 0;
    for (let page = 0; page < 5; page += 1) {
      stack.emulator.stats.reset();
      const result = await execute<ResourcesData, unknown>(stack.gateway, RESOURCES, {
        id: taskId,
        first: 1,
        after,
      });
      expect(result.errors).toBeUndefined();
      calls += stack.upstreamCalls('DescribeCertificateBindResourceTaskDetail');
      const resources = result.data?.bindResourceTask.resources;
      nodes.push(...(resources?.edges.map((edge) => edge.node) ?? []));
      expect(resources?.totalCount).toBe(3);
      if (!resources?.pageInfo.hasNextPage) break;
      after = resources.pageInfo.endCursor;
    }
    expect(nodes.map((node) => node.region).sort()).toEqual(
      ['ap-beijing', 'ap-shanghai', 'ap-shanghai'].sort(),
    );
    expect(new Set(nodes.map((node) => node.id)).size).toBe(3);
    // Three pages; the page reaching into the second instance of a region asked that region alone.
    expect(calls).toBe(4);
  });

  it('counts a load balancer once in results and resources, however many of its listeners are bound', async () => {
    const [id = ''] = certificates(1, { bound: false });
    const now = stack.emulator.clock.now();
    const clbTargets = stack.emulator.state.resources.targets('clb');
    const withSibling = clbTargets.find((t) =>
      clbTargets.some((o) => o !== t && o.primaryId === t.primaryId),
    );
    if (withSibling === undefined)
      throw new Error('the seed has no load balancer with two listeners or rules');
    for (const target of clbTargets.filter((t) => t.primaryId === withSibling.primaryId).slice(0, 2)) {
      target.slot.schedule(id, now);
    }
    const started = await refresh([id], false);
    stack.emulator.clock.advance(BIND_TASK_QUERY_MS + 100);

    const read = await execute<
      {
        bindResourceTask: {
          results: { resourceType: string; totalCount: number }[];
          resources: { totalCount: number; edges: { node: { id: string } }[] };
        };
      },
      unknown
    >(
      stack.gateway,
      `query($id: ID!) {
        bindResourceTask(id: $id) {
          results { resourceType totalCount }
          resources(resourceType: CLB, first: 10) { totalCount edges { node { id } } }
        }
      }`,
      { id: started?.tasks?.[0]?.id },
    );
    expect(read.errors).toBeUndefined();
    const task = read.data?.bindResourceTask;
    expect(task?.results.find((result) => result.resourceType === 'CLB')?.totalCount).toBe(1);
    expect(task?.resources.totalCount).toBe(1);
    expect(task?.resources.edges.map((edge) => edge.node.id)).toEqual([withSibling.primaryId]);
  });

  it('refuses a region for a global resource type, and one that is not a Tencent Cloud region', async () => {
    const [id = ''] = certificates(1, { bound: true });
    const started = await refresh([id]);
    const refused = await execute(
      stack.gateway,
      `query($id: ID!) {
        bindResourceTask(id: $id) { resources(resourceType: CDN, region: "ap-guangzhou") { totalCount } }
      }`,
      { id: started?.tasks?.[0]?.id },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await execute(
      stack.gateway,
      `query($id: ID!) {
        bindResourceTask(id: $id) { resources(resourceType: CLB, region: "mars") { totalCount } }
      }`,
      { id: started?.tasks?.[0]?.id },
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'region' });
    expect(unknown.errors?.[0]?.message).toBe('"mars" is not a Tencent Cloud region.');
  });
});

const PLATFORMS = `query Platforms($id: ID!) {
  bindResourceTask(id: $id) {
    results { resourceType regions { region error totalCount } }
    tcb: resources(resourceType: TCB, first: 10) {
      edges { cursor node { id ... on TcbEnvironment {
        source status
        accessDomains { domain status unionStatus isPreempted isIcpBlocked certificate { id } }
        hostingDomains { domain status dnsStatus certificate { id } }
      } } }
    }
    tse: resources(resourceType: TSE, first: 10) {
      edges { cursor node { id ... on TseGateway {
        certificateEntries { id name domains source certificate { id } }
      } } }
    }
  }
}`;

interface PlatformsData {
  bindResourceTask: {
    results: {
      resourceType: string;
      regions: { region: string | null; error: string | null; totalCount: number }[];
    }[];
    tcb: {
      edges: {
        cursor: string;
        node: {
          id: string;
          source: string | null;
          status: string | null;
          accessDomains: {
            domain: string;
            status: number;
            unionStatus: number;
            isPreempted: boolean;
            isIcpBlocked: boolean;
            certificate: { id: string } | null;
          }[];
          hostingDomains: {
            domain: string;
            status: string;
            dnsStatus: string;
            certificate: { id: string } | null;
          }[];
        };
      }[];
    };
    tse: {
      edges: {
        cursor: string;
        node: {
          id: string;
          certificateEntries: {
            id: string;
            name: string;
            domains: string[];
            source: string;
            certificate: { id: string } | null;
          }[];
        };
      }[];
    };
  };
}

describe('CloudBase environments and TSE gateways of a bind-resource task', () => {
  it('map their domains and certificate entries from what the upstream holds', async () => {
    const { state, clock } = stack.emulator;
    const now = clock.now();
    const environment = state.resources.inventory.tcb.find(
      (candidate) => candidate.accessDomains[0]?.slot.at(now) != null,
    );
    const gateway = state.resources.inventory.tse.find(
      (candidate) => candidate.certificates[0]?.slot.at(now) != null,
    );
    expect(environment).toBeDefined();
    expect(gateway).toBeDefined();
    const access = environment!.accessDomains[0]!;
    // The seed's domains are neither blocked nor taken: flag this one, so a constant mapping would show.
    access.icpStatus = 1;
    access.isPreempted = true;
    const environmentCertificate = access.slot.at(now)!;
    const gatewayCertificate = gateway!.certificates[0]!.slot.at(now)!;

    const started = await refresh([environmentCertificate, gatewayCertificate], false);
    // One task per distinct certificate: the two may be one.
    const taskOf = (certificateId: string) =>
      started?.tasks?.find((candidate) => candidate.certificate?.id === certificateId)?.id;
    const environmentTask = taskOf(environmentCertificate);
    const gatewayTask = taskOf(gatewayCertificate);
    clock.advance(BIND_TASK_QUERY_MS + 100);

    const environmentRead = await execute<PlatformsData, unknown>(stack.gateway, PLATFORMS, {
      id: environmentTask,
    });
    expect(environmentRead.errors).toBeUndefined();
    const task = environmentRead.data!.bindResourceTask;
    // No region failed to answer.
    for (const result of task.results) for (const region of result.regions) expect(region.error).toBeNull();
    const environmentNode = task.tcb.edges.find((edge) => edge.node.id === environment!.envId)?.node;
    expect(environmentNode).toMatchObject({ source: environment!.source, status: environment!.status });
    expect(environmentNode?.accessDomains).toContainEqual({
      domain: access.domain,
      status: access.status,
      unionStatus: access.unionStatus,
      isPreempted: true,
      isIcpBlocked: true,
      certificate: { id: environmentCertificate },
    });
    for (const hosting of environmentNode?.hostingDomains ?? []) {
      const record = environment!.hostDomains.find((candidate) => candidate.domain === hosting.domain);
      expect(record).toBeDefined();
      expect(hosting).toMatchObject({ status: record!.status, dnsStatus: record!.dnsStatus });
      const bound = record!.slot.at(clock.now());
      expect(hosting.certificate).toEqual(bound ? { id: bound } : null);
    }

    const gatewayRead = await execute<PlatformsData, unknown>(stack.gateway, PLATFORMS, { id: gatewayTask });
    expect(gatewayRead.errors).toBeUndefined();
    const edges = gatewayRead.data!.bindResourceTask.tse.edges;
    expect(new Set(edges.map((edge) => edge.cursor)).size).toBe(edges.length);
    const gatewayNode = edges.find((edge) => edge.node.id === gateway!.gatewayId)?.node;
    const entry = gateway!.certificates[0]!;
    expect(gatewayNode?.certificateEntries).toContainEqual({
      id: entry.id,
      name: entry.name,
      domains: entry.bindDomains,
      source: entry.certSource,
      certificate: { id: gatewayCertificate },
    });
  });
});
