import { afterAll, beforeAll, expect, it } from 'vitest';
import { execute } from './support/execute.ts';
import { startTestStack, type TestStack } from './support/stack.ts';

// The emulator's clock is its server clock. Stepping it (as job tests do) looks to the client like a server
// whose clock runs ahead; the client must notice from the Date header or SignatureExpire and keep working.

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.close());

it('keeps answering after the upstream clock moves a day ahead', async () => {
  const query = '{ certificates(first: 1) { totalCount } }';
  const before = await execute<{ certificates: { totalCount: number } }, unknown>(stack.gateway, query);
  expect(before.errors).toBeUndefined();

  stack.emulator.clock.advance(24 * 60 * 60 * 1000);
  const after = await execute<{ certificates: { totalCount: number } }, unknown>(stack.gateway, query);
  expect(after.errors).toBeUndefined();
  expect(after.data?.certificates.totalCount).toBe(before.data?.certificates.totalCount);
});
