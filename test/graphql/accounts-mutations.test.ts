import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute } from './support/execute.ts';
import { startTestStack, type TestStack } from './support/stack.ts';

// managerDelete, managerAuditSubmit and managerVerify against the seeded managers. The tests run in order:
// the deletions happen while the seeded reviews are still under way, before the clock is stepped.

const HOUR_MS = 60 * 60 * 1000;

interface UserError {
  code: string;
  field: string[] | null;
}

interface ManagerChange {
  manager: { id: string; status: string; verifiedAt: string | null } | null;
  userErrors: UserError[];
}

const SUBMIT = `mutation ($id: ID!) {
  managerAuditSubmit(input: { id: $id }) { manager { id status verifiedAt } userErrors { code field } }
}`;
const VERIFY = `mutation ($id: ID!) {
  managerVerify(input: { id: $id }) { manager { id status verifiedAt } userErrors { code field } }
}`;
const DELETE = `mutation ($id: ID!) {
  managerDelete(input: { id: $id }) { deletedManagerId userErrors { code field } }
}`;

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.close();
});

async function run<TData>(document: string, id: string): Promise<TData> {
  const result = await execute<TData, { id: string }>(stack.gateway, document, { id });
  expect(result.errors).toBeUndefined();
  return result.data as TData;
}

async function statusOf(id: string): Promise<string | null> {
  const result = await execute<{ manager: { status: string } | null }, { id: string }>(
    stack.gateway,
    'query ($id: ID!) { manager(id: $id) { status } }',
    { id },
  );
  expect(result.errors).toBeUndefined();
  return result.data?.manager?.status ?? null;
}

describe('managerDelete', () => {
  it('refuses a manager under review and one that certificates were ordered with', async () => {
    const underReview = await run<{
      managerDelete: { deletedManagerId: string | null; userErrors: UserError[] };
    }>(DELETE, '1003');
    expect(underReview.managerDelete).toEqual({
      deletedManagerId: null,
      userErrors: [{ code: 'FailedOperation.ManagerCanNotDeleteCa', field: ['input', 'id'] }],
    });
    const withCertificates = await run<{ managerDelete: { userErrors: UserError[] } }>(DELETE, '1002');
    expect(withCertificates.managerDelete.userErrors).toEqual([
      { code: 'FailedOperation.ManagerCanNotDeleteCert', field: ['input', 'id'] },
    ]);
    expect(await statusOf('1003')).toBe('REVIEWING');
    expect(await statusOf('1002')).toBe('APPROVED');
  });

  it('deletes a manager that was never submitted', async () => {
    const deleted = await run<{
      managerDelete: { deletedManagerId: string | null; userErrors: UserError[] };
    }>(DELETE, '1008');
    expect(deleted.managerDelete).toEqual({ deletedManagerId: '1008', userErrors: [] });
    expect(await statusOf('1008')).toBeNull();
    const company = await execute<{ company: { managers: { totalCount: number } } }, unknown>(
      stack.gateway,
      '{ company(id: "2004") { managers { totalCount } } }',
    );
    expect(company.data?.company.managers.totalCount).toBe(1);
  });

  it('reports unknown and malformed IDs as user errors', async () => {
    const unknown = await run<{ managerDelete: { userErrors: UserError[] } }>(DELETE, '1999');
    expect(unknown.managerDelete.userErrors).toEqual([
      { code: 'ResourceNotFound.Manager', field: ['input', 'id'] },
    ]);
    const calls = stack.upstreamCalls('DeleteManager');
    // Beyond 2^53 a number would round to another manager's ID (9007199254740993 → …992).
    for (const malformedId of ['abc', '9007199254740993']) {
      const malformed = await run<{ managerDelete: { userErrors: UserError[] } }>(DELETE, malformedId);
      expect(malformed.managerDelete.userErrors).toEqual([{ code: 'INVALID_ID', field: ['input', 'id'] }]);
      // The code every other mutation gives an ID that cannot be one.
      const verify = await run<{ managerVerify: { userErrors: UserError[] } }>(VERIFY, malformedId);
      expect(verify.managerVerify.userErrors).toEqual([{ code: 'INVALID_ID', field: ['input', 'id'] }]);
    }
    expect(stack.upstreamCalls('DeleteManager')).toBe(calls);
  });
});

describe('managerAuditSubmit and managerVerify', () => {
  it('refuse managers in the wrong state', async () => {
    const submitted = await run<{ managerAuditSubmit: ManagerChange }>(SUBMIT, '1001');
    expect(submitted.managerAuditSubmit).toEqual({
      manager: null,
      userErrors: [{ code: 'FailedOperation.IllegalManagerStatus', field: ['input', 'id'] }],
    });
    const verified = await run<{ managerVerify: ManagerChange }>(VERIFY, '1001');
    expect(verified.managerVerify.manager).toBeNull();
    expect(verified.managerVerify.userErrors).toEqual([expect.objectContaining({ field: ['input', 'id'] })]);
    expect(await statusOf('1001')).toBe('APPROVED');
  });

  it('start a review that the manager goes through as the clock advances', async () => {
    const submitted = await run<{ managerAuditSubmit: ManagerChange }>(SUBMIT, '1005');
    expect(submitted.managerAuditSubmit.userErrors).toEqual([]);
    expect(submitted.managerAuditSubmit.manager).toMatchObject({ id: '1005', status: 'REVIEWING' });

    const reverified = await run<{ managerVerify: ManagerChange }>(VERIFY, '1007');
    expect(reverified.managerVerify.userErrors).toEqual([]);
    expect(reverified.managerVerify.manager).toMatchObject({ id: '1007', status: 'REVIEWING' });

    stack.emulator.clock.advance(2 * HOUR_MS);
    expect(await statusOf('1005')).toBe('CA_REVIEWING');
    expect(await statusOf('1007')).toBe('CA_REVIEWING');

    stack.emulator.clock.advance(4 * HOUR_MS);
    expect(await statusOf('1005')).toBe('APPROVED');
    expect(await statusOf('1007')).toBe('APPROVED');
    const approved = await execute<{ manager: { verifiedAt: string | null } }, unknown>(
      stack.gateway,
      '{ manager(id: "1005") { verifiedAt } }',
    );
    expect(approved.data?.manager.verifiedAt).not.toBeNull();
  });
});
