import { describe, expect, it } from 'vitest';
import { execute } from './support/execute.ts';
import { useTestStack } from './support/stack.ts';

// The instances of every seeded deploy, update and content-replacement record, field by field, against the
// record details the emulator answers: how the graph maps the upstream's empty strings, zero ports, switches and
// Beijing times.

const stack = useTestStack();

async function query<T>(document: string, variables: Record<string, unknown>): Promise<T> {
  const result = await execute<T, Record<string, unknown>>(stack.gateway, document, variables);
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

/** The upstream's empty string or absent value as the graph's null. */
const orNull = (text: string | null | undefined): string | null =>
  text === null || text === undefined || text.trim() === '' ? null : text;

/** An upstream time (Beijing-time "YYYY-MM-DD hh:mm:ss", or ISO 8601) as epoch ms; null when unset. */
function upstreamTime(text: string | null | undefined): number | null {
  if (orNull(text) === null) return null;
  return /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(text!)
    ? Date.parse(`${text!.replace(' ', 'T')}+08:00`)
    : Date.parse(text!);
}

const epoch = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));

/** Which of `fields` some of `items` carry a value for: a field no item fills checks no mapping. */
function filled(items: readonly Record<string, unknown>[], fields: readonly string[]): string[] {
  return fields.filter((field) =>
    items.some((item) => {
      const value = item[field];
      return value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);
    }),
  );
}

interface Edge<T> {
  cursor: string;
  node: T;
}

describe('deploy record instances', () => {
  interface Instance extends Record<string, unknown> {
    id: string;
    instanceName: string | null;
    region: string | null;
    domains: string[];
    bucket: string | null;
    namespace: string | null;
    secretName: string | null;
    cloudBaseEnvironmentId: string | null;
    cloudBaseServiceType: string | null;
    createdAt: string | null;
    oldCertificate: { id: string } | null;
    listener: {
      id: string;
      name: string | null;
      protocol: string | null;
      port: number | null;
      sniEnabled: boolean;
      urls: string[];
    } | null;
  }

  it('map every instance of every seeded deploy record from its upstream detail', async () => {
    const all: Instance[] = [];
    for (const record of stack.emulator.state.jobs.deployRecords) {
      const upstream = await stack.client.call('DescribeHostDeployRecordDetail', {
        DeployRecordId: String(record.id),
        Limit: 100,
      });
      const data = await query<{ deployRecord: { instances: { edges: Edge<Instance>[] } } | null }>(
        `query ($id: ID!) { deployRecord(id: $id) { instances(first: 100) { edges { cursor node {
          id instanceName region domains bucket namespace secretName cloudBaseEnvironmentId cloudBaseServiceType
          createdAt oldCertificate { id } listener { id name protocol port sniEnabled urls }
        } } } } }`,
        { id: String(record.id) },
      );
      const edges = data.deployRecord?.instances.edges ?? [];
      expect(edges).toHaveLength(upstream.DeployRecordDetailList.length);
      expect(new Set(edges.map((edge) => edge.cursor)).size).toBe(edges.length);
      for (const { node } of edges) {
        const item = upstream.DeployRecordDetailList.find((candidate) => String(candidate.Id) === node.id);
        expect(item, `instance ${node.id}`).toBeDefined();
        expect({
          ...node,
          createdAt: epoch(node.createdAt),
          oldCertificate: node.oldCertificate?.id ?? null,
        }).toEqual({
          id: node.id,
          instanceName: orNull(item!.InstanceName),
          region: orNull(item!.Region),
          domains: item!.Domains ?? [],
          bucket: orNull(item!.Bucket),
          namespace: orNull(item!.Namespace),
          secretName: orNull(item!.SecretName),
          cloudBaseEnvironmentId: orNull(item!.EnvId),
          cloudBaseServiceType: orNull(item!.TCBType),
          createdAt: upstreamTime(item!.CreateTime),
          oldCertificate: orNull(item!.OldCertId),
          listener:
            item!.ListenerId === ''
              ? null
              : {
                  id: item!.ListenerId,
                  name: orNull(item!.ListenerName),
                  protocol: orNull(item!.Protocol),
                  port: item!.Port > 0 ? item!.Port : null,
                  sniEnabled: item!.SniSwitch === 1,
                  urls: item!.Url ?? [],
                },
        });
        all.push(node);
      }
    }
    // The mappings above met values in the seed: CLB listeners, regions, secrets (no seeded deployment went to a
    // bucket or a CloudBase environment; the update records cover buckets).
    const fields = ['instanceName', 'region', 'domains', 'secretName', 'listener', 'oldCertificate'];
    expect(filled(all, fields)).toEqual(fields);
    const listeners = all.flatMap((instance) => (instance.listener ? [instance.listener] : []));
    expect(filled(listeners, ['name', 'protocol', 'port', 'urls'])).toEqual([
      'name',
      'protocol',
      'port',
      'urls',
    ]);
  });

  it("page a certificate's deploy records with their cursors", async () => {
    const [record] = stack.emulator.state.jobs.deployRecords;
    const upstream = await stack.client.call('DescribeHostDeployRecord', {
      CertificateId: record!.certId,
      Limit: 100,
    });
    const data = await query<{
      certificate: {
        deployRecords: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          edges: Edge<{ id: string }>[];
        };
      };
    }>(
      `query ($id: ID!) { certificate(id: $id) { deployRecords(first: 1) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } }
      } } }`,
      { id: record!.certId },
    );
    const { totalCount, pageInfo, edges } = data.certificate.deployRecords;
    expect(totalCount).toBe(upstream.TotalCount);
    expect(edges.map((edge) => edge.node.id)).toEqual([String(upstream.DeployRecordList[0]?.Id)]);
    expect(pageInfo).toEqual({ hasNextPage: upstream.TotalCount > 1, endCursor: edges[0]?.cursor });
  });
});

describe('update record instances', () => {
  interface Instance extends Record<string, unknown> {
    id: string;
    resourceType: string;
    instanceId: string | null;
    domains: string[];
    listenerId: string | null;
    listenerName: string | null;
    listenerUrl: string | null;
    protocol: string | null;
    port: number | null;
    isSniEnabled: boolean | null;
    bucket: string | null;
    namespace: string | null;
    secretName: string | null;
    environmentId: string | null;
    cloudBaseDeploymentType: string | null;
    createdAt: string | null;
    updatedAt: string | null;
  }

  it('map every instance of every seeded update record, and its regions, from the upstream', async () => {
    const summaries = (await stack.client.call('DescribeHostUpdateRecord', { Limit: 100 })).DeployRecordList;
    const all: Instance[] = [];
    for (const record of stack.emulator.state.jobs.updateRecords) {
      const upstream = await stack.client.call('DescribeHostUpdateRecordDetail', {
        DeployRecordId: String(record.id),
        Limit: '100',
      });
      const data = await query<{
        updateRecord: {
          regions: string[];
          resourceGroups: { resourceType: string; instances: { edges: Edge<Instance>[] } }[];
        } | null;
      }>(
        `query ($id: ID!) { updateRecord(id: $id) { regions resourceGroups { resourceType instances(first: 100) {
          edges { cursor node {
            id resourceType instanceId domains listenerId listenerName listenerUrl protocol port isSniEnabled bucket
            namespace secretName environmentId cloudBaseDeploymentType createdAt updatedAt
          } }
        } } } }`,
        { id: String(record.id) },
      );
      const summary = summaries.find((candidate) => candidate.Id === record.id);
      expect(data.updateRecord?.regions).toEqual(summary?.Regions ?? []);
      const items = upstream.RecordDetailList.flatMap((group) => group.List);
      const edges = (data.updateRecord?.resourceGroups ?? []).flatMap((group) => group.instances.edges);
      expect(edges).toHaveLength(items.length);
      for (const { node } of edges) {
        const item = items.find((candidate) => String(candidate.Id) === node.id);
        expect(item, `instance ${node.id}`).toBeDefined();
        expect({ ...node, createdAt: epoch(node.createdAt), updatedAt: epoch(node.updatedAt) }).toEqual({
          id: node.id,
          resourceType: item!.ResourceType.toUpperCase(),
          instanceId: orNull(item!.InstanceId),
          domains: item!.Domains ?? [],
          listenerId: orNull(item!.ListenerId),
          listenerName: orNull(item!.ListenerName),
          listenerUrl: orNull(item!.Url),
          protocol: orNull(item!.Protocol),
          port: item!.Port !== null && item!.Port > 0 ? item!.Port : null,
          isSniEnabled: item!.SniSwitch === null ? null : item!.SniSwitch === 1,
          bucket: orNull(item!.Bucket),
          namespace: orNull(item!.Namespace),
          secretName: orNull(item!.SecretName),
          environmentId: orNull(item!.EnvId),
          cloudBaseDeploymentType: orNull(item!.TCBType),
          createdAt: upstreamTime(item!.CreateTime),
          updatedAt: upstreamTime(item!.UpdateTime),
        });
        all.push(node);
      }
    }
    expect(stack.emulator.state.jobs.updateRecords.some((record) => record.regions.length > 0)).toBe(true);
    expect(
      filled(all, [
        'instanceId',
        'domains',
        'listenerId',
        'listenerName',
        'listenerUrl',
        'protocol',
        'port',
        'isSniEnabled',
        'bucket',
      ]),
    ).toEqual([
      'instanceId',
      'domains',
      'listenerId',
      'listenerName',
      'listenerUrl',
      'protocol',
      'port',
      'isSniEnabled',
      'bucket',
    ]);
  });
});

describe('content replacement record instances', () => {
  interface Instance extends Record<string, unknown> {
    id: string;
    resourceType: string;
    region: string | null;
    instanceId: string | null;
    domains: string[];
    listenerId: string | null;
    listenerName: string | null;
    protocol: string | null;
    port: number | null;
    isSniEnabled: boolean | null;
    tlsAuthenticationMode: string | null;
    bucket: string | null;
    namespace: string | null;
    secretName: string | null;
    createdAt: string | null;
    updatedAt: string | null;
  }

  it('map every instance of every run of every seeded record from the upstream detail', async () => {
    const all: Instance[] = [];
    for (const record of stack.emulator.state.jobs.uploadUpdateRecords) {
      const upstream = await stack.client.call('DescribeHostUploadUpdateRecordDetail', {
        DeployRecordId: record.id,
        Limit: 100,
      });
      const data = await query<{
        uploadUpdateRecord: {
          phases: {
            resourceGroups: {
              instances: {
                totalCount: number;
                pageInfo: { hasNextPage: boolean; endCursor: string | null };
                edges: Edge<Instance>[];
              };
            }[];
          }[];
        } | null;
      }>(
        `query ($id: ID!) { uploadUpdateRecord(id: $id) { phases { resourceGroups { instances(first: 50) {
          totalCount pageInfo { hasNextPage endCursor }
          edges { cursor node {
            id resourceType region instanceId domains listenerId listenerName protocol port isSniEnabled
            tlsAuthenticationMode bucket namespace secretName createdAt updatedAt
          } }
        } } } } }`,
        { id: String(record.id) },
      );
      const phases = data.uploadUpdateRecord?.phases ?? [];
      expect(phases).toHaveLength(upstream.DeployRecordDetail.length);
      for (const [phaseIndex, phase] of phases.entries()) {
        const upstreamGroups = upstream.DeployRecordDetail[phaseIndex]!.RecordDetailList;
        for (const [groupIndex, group] of phase.resourceGroups.entries()) {
          const upstreamGroup = upstreamGroups[groupIndex]!;
          const { totalCount, pageInfo, edges } = group.instances;
          expect(totalCount).toBe(upstreamGroup.TotalCount);
          expect(pageInfo).toEqual({ hasNextPage: false, endCursor: edges.at(-1)?.cursor ?? null });
          for (const { node } of edges) {
            const item = (upstreamGroup.List ?? []).find((candidate) => String(candidate.Id) === node.id);
            expect(item, `instance ${node.id}`).toBeDefined();
            expect({ ...node, createdAt: epoch(node.createdAt), updatedAt: epoch(node.updatedAt) }).toEqual({
              id: node.id,
              resourceType: item!.ResourceType.toUpperCase(),
              region: orNull(item!.Region),
              instanceId: orNull(item!.InstanceId),
              domains: item!.Domains ?? [],
              listenerId: orNull(item!.ListenerId),
              listenerName: orNull(item!.ListenerName),
              protocol: orNull(item!.Protocol),
              port: item!.Port !== null && item!.Port > 0 ? item!.Port : null,
              isSniEnabled: item!.SniSwitch === null ? null : item!.SniSwitch === 1,
              tlsAuthenticationMode:
                orNull(item!.SSLMode) === null ? null : item!.SSLMode === 'MUTUAL' ? 'MUTUAL' : 'ONE_WAY',
              bucket: orNull(item!.Bucket),
              namespace: orNull(item!.Namespace),
              secretName: orNull(item!.SecretName),
              createdAt: upstreamTime(item!.CreateTime),
              updatedAt: upstreamTime(item!.UpdateTime),
            });
            all.push(node);
          }
        }
      }
    }
    // The mappings above met values in the seed (CLB listeners; no seeded replacement touched a bucket).
    const fields = [
      'region',
      'instanceId',
      'domains',
      'listenerId',
      'listenerName',
      'protocol',
      'port',
      'isSniEnabled',
      'tlsAuthenticationMode',
    ];
    expect(filled(all, fields)).toEqual(fields);
  });

  it("page a certificate's content replacement records with their cursors", async () => {
    const [record] = stack.emulator.state.jobs.uploadUpdateRecords;
    const data = await query<{
      certificate: {
        contentReplacementRecords: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          edges: Edge<{ id: string }>[];
        };
      };
    }>(
      `query ($id: ID!) { certificate(id: $id) { contentReplacementRecords(first: 1) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } }
      } } }`,
      { id: record!.certId },
    );
    const upstream = await stack.client.call('DescribeHostUploadUpdateRecord', {
      OldCertificateId: record!.certId,
    });
    const { totalCount, pageInfo, edges } = data.certificate.contentReplacementRecords;
    expect(totalCount).toBe(upstream.TotalCount);
    expect(edges.map((edge) => edge.node.id)).toEqual([String(upstream.DeployRecordList[0]?.Id)]);
    expect(pageInfo).toEqual({ hasNextPage: upstream.TotalCount > 1, endCursor: edges[0]?.cursor });
  });
});
