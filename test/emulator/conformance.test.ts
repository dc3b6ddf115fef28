import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.ts';
import { SSL_ACTION_NAMES } from '../../src/ssl/actions.ts';
import { callAction, startTestEmulator } from '../support/emulator.ts';
import { listedCertificates, type ValidRequests, validRequests } from './conformance-requests.ts';
import { conformanceProblems, responseSchema } from './output-schema.ts';

/**
 * Calls every documented action with a valid request built from the seeded account (ids picked from what the
 * emulator lists, in a suitable status) and checks the answer against the documented output schema. One
 * answer per action leaves many structures empty: conformance-sweep.test.ts checks every answer of a sweep
 * over the whole seed and that every documented output path carried a value.
 */

let emulator: RunningEmulator;
let requests: ValidRequests;

beforeAll(async () => {
  emulator = await startTestEmulator();
  requests = validRequests(emulator, await listedCertificates(emulator));
});
afterAll(async () => {
  await emulator?.close();
});

describe('the output schemas', () => {
  it('cover every action and can tell a wrong answer from a right one', () => {
    expect(Object.keys(requests).sort()).toEqual([...SSL_ACTION_NAMES].sort());
    for (const action of SSL_ACTION_NAMES) expect(responseSchema(action)).toBeDefined();
    expect(
      conformanceProblems('DescribePackages', {
        Packages: [],
        TotalCount: 0,
        TotalBalance: 0,
        RequestId: 'x',
      }),
    ).toEqual([]);
    expect(
      conformanceProblems('DescribePackages', { Packages: [], TotalCount: 0, RequestId: 'x' }),
    ).not.toEqual([]);
    expect(
      conformanceProblems('DescribePackages', {
        Packages: null,
        TotalCount: 0,
        TotalBalance: 0,
        RequestId: 'x',
      }),
    ).not.toEqual([]);
    expect(
      conformanceProblems('DescribePackages', {
        Packages: [],
        TotalCount: 1.5,
        TotalBalance: 0,
        RequestId: 'x',
      }),
    ).not.toEqual([]);
    expect(
      conformanceProblems('DescribePackages', {
        Packages: [],
        TotalCount: 0,
        TotalBalance: 0,
        RequestId: 'x',
        Extra: 1,
      }),
    ).not.toEqual([]);
  });
});

describe('every action answers a valid request as documented', () => {
  it.each(SSL_ACTION_NAMES)('%s', async (action) => {
    const params = await requests[action]();
    const response = await callAction(emulator, action, params);
    expect(response.Error, `${action} answered ${JSON.stringify(response.Error)}`).toBeUndefined();
    expect(conformanceProblems(action, response)).toEqual([]);
  });
});
