import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Authenticator } from '../../src/graphql/auth/session.ts';
import { CSRF_PREVENTION_HEADER } from '../../src/graphql/security/csrf.ts';
import { startTestStack, type TestStack } from '../graphql/support/stack.ts';
import { bearer, postOperation, type RawGraphQLResponse } from './support/requests.ts';
import { testAuthenticator, tokenWithScopes } from './support/tokens.ts';
import { totalUpstreamCalls } from './support/upstream-calls.ts';

// What a caller without a valid token learns (QA security finding 4): the 401, and nothing about the schema or
// the cost of its document, which validation errors and the query limits would otherwise tell.

let stack: TestStack;
let authentications = 0;

beforeAll(async () => {
  const authenticate = testAuthenticator();
  const counting: Authenticator = (request) => {
    authentications += 1;
    return authenticate(request);
  };
  stack = await startTestStack({ gateway: { authenticate: counting } });
});
afterAll(() => stack?.close());

/** Documents whose answer, to a token holder, names fields, arguments, types or the cost limit. */
const PROBES: Array<[string, string]> = [
  ['a misspelt field', '{ certificat { id } }'],
  ['a misspelt secret field', '{ certificate(id: "x") { privateKey } }'],
  ['a misspelt filter field', '{ certificates(filter: { statu: ISSUED }) { totalCount } }'],
  ['a missing required argument', '{ cloudResources { __typename } }'],
  ['a wrong enum value', '{ certificates(orderBy: FOO) { totalCount } }'],
  [
    'a document over the cost limit',
    '{ certificates(first: 100) { edges { node { deployRecords(first: 100) { totalCount } } } } }',
  ],
  ['introspection', '{ __schema { types { name } } }'],
  ['a syntax error', '{ certificates( }'],
];

function expectOnlyTheRefusal(response: RawGraphQLResponse): void {
  expect(response.status).toBe(401);
  expect(response.body).not.toHaveProperty('data');
  expect(response.body.errors).toHaveLength(1);
  expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  expect(response.text).not.toMatch(/Did you mean|Cost|argument|enum|Syntax|certificate/i);
}

describe('a request without a valid token', () => {
  it.each(PROBES)('gets only the 401 for %s, before any parsing or upstream call', async (_case, query) => {
    stack.emulator.stats.reset();
    const anonymous = await postOperation(stack.gateway, { query });
    expectOnlyTheRefusal(anonymous);
    expect(anonymous.body.errors?.[0]?.message).toBe(
      'Authentication required: send an access token in the Authorization header as "Bearer <token>".',
    );
    const forged = await postOperation(stack.gateway, { query }, bearer('not.a-jwt.at-all'));
    expectOnlyTheRefusal(forged);
    expect(forged.body.errors?.[0]?.message).toBe(
      'The bearer token was refused: it is not a well-formed signed JWT.',
    );
    expect(totalUpstreamCalls(stack)).toBe(0);
  });

  it('gets the 401 for a GET and for a subscription over Server-Sent Events', async () => {
    const get = await stack.gateway.fetch(
      `http://gateway.test/graphql?query=${encodeURIComponent('{ certificat { id } }')}`,
      { headers: { accept: 'application/graphql-response+json', [CSRF_PREVENTION_HEADER]: '1' } },
    );
    expect(get.status).toBe(401);
    expect(await get.text()).not.toMatch(/Did you mean/);

    const subscription = await stack.gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { jobProgres(kind: DEPLOY_RECORD, id: "1") { id } }' }),
    });
    expect(subscription.status).toBe(401);
    expect(await subscription.text()).not.toMatch(/Did you mean/);
  });

  it('is not needed for GraphiQL’s page, /health, /ready and /metrics', async () => {
    const graphiql = await stack.gateway.fetch('http://gateway.test/graphql', {
      headers: { accept: 'text/html' },
    });
    expect(graphiql.status).toBe(200);
    expect(await graphiql.text()).toContain('<title>ssl-graph</title>');
    for (const path of ['/health', '/ready', '/metrics']) {
      expect((await stack.gateway.fetch(`http://gateway.test${path}`)).status, path).toBe(200);
    }
  });
});

describe('a request with a valid token', () => {
  it('is authenticated once, and still gets validation errors that help its author', async () => {
    const token = await tokenWithScopes(['ssl:read']);
    authentications = 0;
    const response = await postOperation(stack.gateway, { query: '{ certificat { id } }' }, bearer(token));
    expect(response.body.errors?.[0]?.message).toMatch(/Did you mean "certificate"/);
    const served = await postOperation(
      stack.gateway,
      { query: '{ certificates(first: 1) { totalCount } }' },
      bearer(token),
    );
    expect(served.status).toBe(200);
    expect(served.body.errors).toBeUndefined();
    expect(authentications).toBe(2);
  });
});
