import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthSession } from '../../src/graphql/auth/session.ts';
import { createGateway, type Gateway } from '../../src/graphql/yoga.ts';
import { startTestStack, type TestStack } from '../graphql/support/stack.ts';
import { postOperation } from './support/requests.ts';

// The federation field `_service { sdl }` prints the whole schema, so GRAPHQL_INTROSPECTION=false refuses it as it
// refuses `__schema`, to every caller whatever its scopes (a read token is what every frontend holds). A router
// composing from the committed schema/subgraph.graphql only needs `_entities`, which stays.

const FULL_ACCESS: AuthSession = {
  subject: 'operator',
  scopes: new Set(['ssl:read', 'ssl:write', 'ssl:secrets']),
};

let stack: TestStack;
let closed: Gateway;

beforeAll(async () => {
  stack = await startTestStack();
  closed = createGateway({
    logging: false,
    ssl: stack.client,
    authenticate: async () => FULL_ACCESS,
    security: { introspection: false, blockFieldSuggestions: true },
  });
});
afterAll(async () => {
  await closed?.dispose();
  await stack?.close();
});

describe('_service with introspection off', () => {
  it.each([
    ['plainly', '{ _service { sdl } }'],
    ['under an alias', '{ schemaText: _service { sdl } }'],
    ['in a fragment', 'query { ...Sdl } fragment Sdl on Query { _service { sdl } }'],
    ['in an inline fragment', '{ ... on Query { _service { __typename } } }'],
    ['next to a legitimate field', '{ certificates(first: 1) { totalCount } _service { sdl } }'],
  ])('is refused %s, even to a caller with every scope, before anything runs', async (_how, query) => {
    stack.emulator.stats.reset();
    const response = await postOperation(closed, { query });
    expect(response.status).toBe(400);
    expect(response.body).not.toHaveProperty('data');
    expect(response.body.errors?.[0]?.message).toMatch(/introspection has been disabled.*"_service"/);
    expect(response.text).not.toContain('@key');
    expect(stack.emulator.stats.byAction()).toEqual({});
  });

  it('still resolves entity references for the router', async () => {
    const certificate = stack.emulator.state.certificates.all()[0];
    if (certificate === undefined) throw new Error('the seed has no certificate');
    const response = await postOperation(closed, {
      query:
        '{ _entities(representations: [{ __typename: "Certificate", id: $id }]) { ... on Certificate { id } } }'.replace(
          '$id',
          JSON.stringify(certificate.id),
        ),
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { _entities: [{ id: certificate.id }] } });
  });
});

describe('_service with introspection on (the default)', () => {
  it('answers the subgraph SDL', async () => {
    const response = await postOperation(stack.gateway, { query: '{ _service { sdl } }' });
    expect(response.status).toBe(200);
    expect(response.text).toContain('@key(fields: \\"id\\")');
  });
});
