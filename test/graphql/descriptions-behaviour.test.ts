import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/graphql/schema/index.ts';
import { execute } from './support/execute.ts';
import { useTestStack } from './support/stack.ts';

// Descriptions that tell what the API answers, checked against what it answers over the seeded emulator: a
// description that says "the same" of two fields that differ, or "the primary domain" of an empty string, misleads.

const { GraphQLObjectType } = createRequire(import.meta.url)('graphql') as typeof import('graphql');
const stack = useTestStack();

function descriptionOf(typeName: string, fieldName: string): string {
  const type = schema.getType(typeName);
  if (!(type instanceof GraphQLObjectType)) throw new Error(`${typeName} is not an object type`);
  return type.getFields()[fieldName]?.description ?? '';
}

describe('descriptions match the answers', () => {
  it('UpdateRecord.updateStatus says how it relates to status (record 1006: FAILED and PARTIALLY_FAILED)', async () => {
    const result = await execute<{ job: { status: string; updateStatus: string } }, unknown>(
      stack.gateway,
      '{ job(kind: UPDATE_RECORD, id: "1006") { status ... on UpdateRecord { updateStatus } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.job).toEqual({ status: 'PARTIALLY_FAILED', updateStatus: 'FAILED' });
    const description = descriptionOf('UpdateRecord', 'updateStatus');
    expect(description).not.toContain('is the same');
    expect(description).toContain('PARTIALLY_FAILED');
  });

  it('Certificate.domain and domains say they are empty before the order information is submitted', async () => {
    const result = await execute<
      { certificates: { edges: Array<{ node: { domain: string | null; domains: string[] } }> } },
      unknown
    >(
      stack.gateway,
      '{ certificates(first: 5, filter: { statuses: [ENTERPRISE_INFORMATION_REQUIRED] }) { edges { node { domain domains } } } }',
    );
    expect(result.errors).toBeUndefined();
    const nodes = result.data?.certificates.edges.map((edge) => edge.node) ?? [];
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes).toContainEqual({ domain: '', domains: [] });
    for (const field of ['domain', 'domains']) {
      expect(descriptionOf('Certificate', field), field).toContain('ENTERPRISE_INFORMATION_REQUIRED');
    }
    expect(descriptionOf('Certificate', 'domain')).toContain('""');
  });

  it('Certificate.isDownloadAllowed says it is a setting, true on certificates whose download fails', async () => {
    const result = await execute<
      {
        certificates: {
          edges: Array<{ node: { id: string; isDownloadAllowed: boolean; downloadLink: unknown } }>;
        };
      },
      unknown
    >(
      stack.gateway,
      '{ certificates(first: 1, filter: { statuses: [REVIEWING] }) { edges { node { id isDownloadAllowed downloadLink(format: NGINX) { url } } } } }',
    );
    const node = result.data?.certificates.edges[0]?.node;
    expect(node?.isDownloadAllowed).toBe(true);
    expect(node?.downloadLink).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('FailedOperation.CertificateStatusNotAllowDownload');
    const description = descriptionOf('Certificate', 'isDownloadAllowed');
    expect(description).toContain('not issued');
    expect(description).toContain('FailedOperation.CertificateStatusNotAllowDownload');
  });
});
