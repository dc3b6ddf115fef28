import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/graphql/schema/index.ts';
import { execute } from './support/execute.ts';
import { useTestStack } from './support/stack.ts';

// A cursor is an offset (the API pages with Offset/Limit only): a certificate applied for between two pages
// shifts the list, and the next page repeats an item. Paging is not redesigned; its descriptions say so.

const { GraphQLObjectType } = createRequire(import.meta.url)('graphql') as typeof import('graphql');
const stack = useTestStack();

function descriptionOf(typeName: string, fieldName?: string): string {
  const type = schema.getType(typeName);
  if (!(type instanceof GraphQLObjectType)) throw new Error(`${typeName} is not an object type`);
  return (fieldName === undefined ? type.description : type.getFields()[fieldName]?.description) ?? '';
}

interface Page {
  certificates: { pageInfo: { endCursor: string }; edges: { node: { id: string } }[] };
}

const PAGE =
  'query($after: String) { certificates(first: 3, after: $after) { pageInfo { endCursor } edges { node { id } } } }';

describe('cursors are positions', () => {
  it('so a certificate applied for between two pages repeats one, as the descriptions say', async () => {
    const first = await execute<Page, unknown>(stack.gateway, PAGE, {});
    expect(first.errors).toBeUndefined();
    const applied = await execute(
      stack.gateway,
      'mutation { certificateApply(input: { domain: "cursor-shift.example.com", validationMethod: DNS }) { certificate { id } } }',
    );
    expect(applied.errors).toBeUndefined();
    const next = await execute<Page, unknown>(stack.gateway, PAGE, {
      after: first.data?.certificates.pageInfo.endCursor,
    });
    expect(next.errors).toBeUndefined();
    const lastOfFirst = first.data?.certificates.edges.at(-1)?.node.id;
    expect(next.data?.certificates.edges[0]?.node.id).toBe(lastOfFirst);

    expect(descriptionOf('CertificateEdge', 'cursor')).toContain('repeats or skips items');
    expect(descriptionOf('CertificateConnection')).toContain('may repeat a certificate or skip one');
  });
});
