import { expect } from 'vitest';
import type { Gateway } from '../../../src/graphql/yoga.ts';
import { CertificatesPageDocument, type CertificatesPageQuery } from '../../generated/graphql.ts';
import { execute, type GraphQLResponse } from './execute.ts';

type CertificatesConnection = CertificatesPageQuery['certificates'];

/** Every page of Query.certificates, `first` at a time, following endCursor until hasNextPage is false. */
export async function* certificatePages(
  gateway: Gateway,
  first: number,
): AsyncGenerator<CertificatesConnection> {
  let after: string | null = null;
  for (;;) {
    const result: GraphQLResponse<CertificatesPageQuery> = await execute(gateway, CertificatesPageDocument, {
      first,
      after,
    });
    expect(result.errors).toBeUndefined();
    const connection = result.data!.certificates;
    yield connection;
    if (!connection.pageInfo.hasNextPage) return;
    after = connection.pageInfo.endCursor;
  }
}

/** One query looking each ID up by `certificate(id:)`, aliased c0, c1, … in order. */
export function aliasedLookups(lookupIds: readonly string[]): string {
  const fields = lookupIds.map(
    (id, index) => `c${index}: certificate(id: ${JSON.stringify(id)}) { id domain }`,
  );
  return `{ ${fields.join('\n')} }`;
}
