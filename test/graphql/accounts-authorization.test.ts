import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthSession } from '../../src/graphql/auth/session.ts';
import { execute } from './support/execute.ts';
import { startTestStack, type TestStack } from './support/stack.ts';

// A caller holding only ssl:read may read managers but not change them; a refused mutation never reaches
// the upstream.

const readOnlySession: AuthSession = { subject: 't', scopes: new Set(['ssl:read']) };

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ gateway: { authenticate: async () => readOnlySession } });
});
afterAll(async () => {
  await stack?.close();
});

describe('manager mutations without ssl:write', () => {
  it.each([
    ['managerDelete', 'DeleteManager', '1008'],
    ['managerAuditSubmit', 'SubmitAuditManager', '1008'],
    ['managerVerify', 'VerifyManager', '1007'],
  ] as const)('refuse %s', async (mutation, action, id) => {
    const result = await execute<unknown, { id: string }>(
      stack.gateway,
      `mutation ($id: ID!) { ${mutation}(input: { id: $id }) { userErrors { code } } }`,
      { id },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(stack.upstreamCalls(action)).toBe(0);
  });

  it('still allow reading the managers', async () => {
    const result = await execute<{ manager: { status: string } }, unknown>(
      stack.gateway,
      '{ manager(id: "1008") { status } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.manager.status).toBe('NOT_SUBMITTED');
  });
});
