import fc from 'fast-check';
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CEILING_QUERY, DASHBOARD_QUERY, DETAIL_PAGE_QUERY, LIST_PAGE_QUERY } from '../../bench/documents.ts';
import type { Authenticator } from '../../src/graphql/auth/session.ts';
import { createGateway, type Gateway } from '../../src/graphql/yoga.ts';
import { schemaDocumentArbitrary } from '../resilience/support/fuzz-documents.ts';
import { startTestStack, type TestStack } from './support/stack.ts';

/**
 * Compiled (graphql-jit) execution must answer exactly as the reference executor does: same data, same errors
 * (messages, paths, codes, masking), same HTTP status. Each operation goes to a gateway that compiles every query
 * on its first run and to one that never compiles, over the same upstream and clock.
 */

const NOW = new Date('2025-03-01T00:00:00Z');
let stack: TestStack;
let interpreted: Gateway;
let compiled: Gateway;
let knownIds: string[];
let detailId: string;
let managerId: number;

const readerWithoutSecrets: Authenticator = async () => ({
  subject: 't',
  scopes: new Set(['ssl:read'] as const),
});

beforeAll(async () => {
  stack = await startTestStack({
    emulator: { enforceRateLimits: false },
    gateway: { now: () => NOW, authenticate: readerWithoutSecrets, compileQueriesAfterRuns: 0 },
  });
  compiled = stack.gateway;
  interpreted = createGateway({
    ssl: stack.client,
    logging: false,
    now: () => NOW,
    authenticate: readerWithoutSecrets,
    compileQueriesAfterRuns: false,
  });
  const certificates = stack.emulator.state.certificates.all();
  knownIds = certificates.slice(0, 10).map((certificate) => certificate.id);
  const subject = certificates.find((certificate) => certificate.managerId !== null);
  if (subject?.managerId == null) throw new Error('the seed has no certificate with a manager');
  detailId = subject.id;
  managerId = subject.managerId;
});
afterAll(async () => {
  await stack.close();
});

interface Exchange {
  readonly status: number;
  readonly body: { data?: unknown; errors?: unknown[] };
}

async function send(gateway: Gateway, query: string, variables?: Record<string, unknown>): Promise<Exchange> {
  const response = await gateway.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  // Masked errors carry a random errorId, upstream errors the upstream's requestId; the rest must match.
  const body = JSON.parse(text.replace(/"(errorId|requestId)":"[^"]*"/g, '"$1":"…"')) as Exchange['body'];
  // Sibling fields fail in whatever order their resolvers settle; the set of errors is what must match.
  if (Array.isArray(body.errors))
    body.errors.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return { status: response.status, body };
}

async function expectSameAnswer(query: string, variables?: Record<string, unknown>): Promise<Exchange> {
  const reference = await send(interpreted, query, variables);
  // Twice: the first run compiles, the second runs the cached compiled form.
  for (const answer of [await send(compiled, query, variables), await send(compiled, query, variables)]) {
    if (reference.body.data === null && reference.body.errors !== undefined) {
      // A null propagating to the root ends the reference executor's wait: errors of sibling fields still
      // pending are left out, while the compiled form waits for them and reports them too (both are what the
      // spec allows). Every error the reference reports must be there, and the data is null all the same.
      expect(answer.status).toBe(reference.status);
      expect(answer.body.data).toBeNull();
      expect(answer.body.errors).toEqual(expect.arrayContaining(reference.body.errors));
    } else {
      expect(answer).toEqual(reference);
    }
  }
  return reference;
}

describe('compiled query execution', () => {
  it('answers the console pages exactly as the reference executor does', async () => {
    const list = await expectSameAnswer(LIST_PAGE_QUERY);
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).toContain('"endCursor"');
    await expectSameAnswer(CEILING_QUERY);
    await expectSameAnswer(DASHBOARD_QUERY);
    await expectSameAnswer(DETAIL_PAGE_QUERY, { id: detailId });
    await expectSameAnswer('query M($id: Int!) { manager(id: $id) { id firstName company { id name } } }', {
      id: managerId,
    });
  });

  it('reports bad variables, bad arguments and refused fields the same way', async () => {
    const byId = 'query C($id: ID!) { certificate(id: $id) { id domain beginsAt } }';
    await expectSameAnswer(byId, { id: knownIds[0] });
    await expectSameAnswer(byId, { id: 'does-not-exist' });
    await expectSameAnswer(byId, {});
    await expectSameAnswer(byId, { id: { nested: true } });
    await expectSameAnswer('query P($n: Int) { certificates(first: $n) { totalCount } }', { n: 'many' });
    await expectSameAnswer('query P($n: Int) { certificates(first: $n) { totalCount } }', { n: -1 });
    await expectSameAnswer('{ certificates(first: 2, after: "not-a-cursor") { totalCount } }');
    await expectSameAnswer(
      'query F($f: CertificateFilter) { certificates(first: 3, filter: $f) { edges { node { id status } } } }',
      { f: { statuses: ['ISSUED', 'NOT_A_STATUS'] } },
    );
    // Private keys need ssl:secrets, which this caller lacks.
    await expectSameAnswer(`{ certificate(id: "${knownIds[0]}") { id privateKeyPem } }`);
  });

  it('answers federation entity lookups the same way', async () => {
    await expectSameAnswer(
      'query E($r: [_Any!]!) { _entities(representations: $r) { ... on Certificate { id domain } } }',
      {
        r: [
          { __typename: 'Certificate', id: knownIds[1] },
          { __typename: 'Certificate', id: 'missing' },
        ],
      },
    );
    await expectSameAnswer('{ _service { sdl } }');
  });

  it('answers schema-generated queries the same way', async () => {
    // The schema as served, built with this module's graphql (the Pothos object is of graphql's other build).
    const introspection = await send(interpreted, getIntrospectionQuery());
    const schema = buildClientSchema(introspection.body.data as IntrospectionQuery);
    const queries = fc
      .sample(schemaDocumentArbitrary(schema, { knownIds }), {
        seed: 7,
        numRuns: 80,
      })
      .filter((document) => document.startsWith('query'));
    expect(queries.length).toBeGreaterThan(40);
    for (const query of queries) await expectSameAnswer(query);
  }, 120_000);
});
