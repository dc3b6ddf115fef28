import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../graphql/support/stack.ts';

// GraphQL over HTTP compliance (graphql-http's audit suite), against the gateway as it ships: authentication
// off as in the sandbox, but CSRF prevention, CORS, limits and error masking all on.

/**
 * Audits that fail by design, by name, with the reason. Only SHOULD/MAY audits may be listed: every MUST audit
 * has to pass.
 */
const CSRF_GET =
  'CSRF prevention answers a GET without the x-graphql-yoga-csrf header with 403: a browser sends such a GET ' +
  'cross-origin without a preflight (test/security/browser-protections.test.ts)';
const DELIBERATE_DEVIATIONS: Readonly<Record<string, string>> = {
  'MAY accept application/x-www-form-urlencoded formatted GET requests': CSRF_GET,
  'MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/graphql-response+json':
    CSRF_GET,
  'MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/json': CSRF_GET,
};

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.close());

const audits = serverAudits({
  url: 'http://gateway.test/graphql',
  fetchFn: (url: string, init: RequestInit = {}) => stack.gateway.fetch(url, init),
});

describe('GraphQL over HTTP audits', () => {
  it('include every requirement level', () => {
    expect(audits.some((audit) => audit.name.startsWith('MUST'))).toBe(true);
    for (const name of Object.keys(DELIBERATE_DEVIATIONS)) {
      expect(name.startsWith('MUST'), `${name} is a MUST: it cannot be waived`).toBe(false);
      expect(audits.map((audit) => audit.name)).toContain(name);
    }
  });

  for (const audit of audits) {
    const deviation = DELIBERATE_DEVIATIONS[audit.name];
    if (deviation !== undefined) {
      // Still checked: a deviation that no longer fails must leave the list (or its reason no longer holds).
      it(`${audit.name} is deliberately not met (${deviation})`, async () => {
        const result = await audit.fn();
        if (result.status === 'ok')
          throw new Error('the audit passes now: remove it from DELIBERATE_DEVIATIONS');
        // For the reason given: CSRF prevention's 403 is what fails it.
        if (deviation === CSRF_GET) expect(result.response.status).toBe(403);
      });
      continue;
    }
    it(audit.name, async () => {
      const result = await audit.fn();
      if (result.status !== 'ok') {
        throw new Error(`${result.status}: ${result.reason}`);
      }
    });
  }
});
