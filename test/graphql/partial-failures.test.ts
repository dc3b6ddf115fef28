import { describe, expect, it } from 'vitest';
import { execute } from './support/execute.ts';
import { useTestStack } from './support/stack.ts';

// A certificate's own upstream reads (its deploy records, update records, bound resources...) are made once per
// certificate of a page. One of them failing must fail that field of that certificate, not the page.

const stack = useTestStack({ emulator: { enforceRateLimits: false } });

interface Page {
  readonly certificates: {
    readonly edges: ReadonlyArray<{
      readonly node: { readonly id: string; readonly deployRecords: { readonly totalCount: number } | null };
    }>;
  };
}

describe("a certificate's own upstream read failing", () => {
  it('nulls that field of that certificate, with an error at its path, and answers the rest of the page', async () => {
    stack.emulator.faults.inject({
      action: 'DescribeHostDeployRecord',
      phase: 'before-handler',
      effect: { kind: 'error', code: 'FailedOperation.CertificateNotFound' },
      times: 1,
    });
    const result = await execute<Page, unknown>(
      stack.gateway,
      '{ certificates(first: 5) { edges { node { id deployRecords(first: 1) { totalCount } } } } }',
    );
    const edges = result.data?.certificates.edges ?? [];
    expect(edges).toHaveLength(5);
    const failed = edges.flatMap((edge, index) => (edge.node.deployRecords === null ? [index] : []));
    expect(failed).toHaveLength(1);
    expect(result.errors?.map((error) => error.path)).toEqual([
      ['certificates', 'edges', failed[0], 'node', 'deployRecords'],
    ]);
    expect(edges.every((edge) => edge.node.id !== '')).toBe(true);
  });
});
