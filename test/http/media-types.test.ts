import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../graphql/support/stack.ts';

// Media types as HTTP has them (RFC 9110): case-insensitive, and ranked by `q` in Accept, where the
// GraphQL-over-HTTP spec asks for the highest-priority type the server supports.

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.close());

async function post(
  headers: Record<string, string>,
  query = '{ nope }',
): Promise<{ status: number; contentType: string | null }> {
  const response = await stack.gateway.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query }),
  });
  await response.arrayBuffer();
  return { status: response.status, contentType: response.headers.get('content-type') };
}

const GRAPHQL_RESPONSE = 'application/graphql-response+json; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

describe('Content-Type', () => {
  it.each([
    'Application/JSON',
    'APPLICATION/JSON; charset=UTF-8',
    'application/Json;charset=utf-8',
    'application/json ;charset=utf-8',
  ])('%s is application/json', async (contentType) => {
    const answer = await post(
      { 'content-type': contentType, accept: 'application/graphql-response+json' },
      '{ __typename }',
    );
    expect(answer).toEqual({ status: 200, contentType: GRAPHQL_RESPONSE });
  });

  it('of another type is still refused', async () => {
    expect((await post({ 'content-type': 'Application/XML', accept: 'application/json' })).status).toBe(415);
  });
});

describe('Accept', () => {
  it.each([
    // A validation error: 400 under graphql-response+json, 200 under application/json.
    ['application/json;q=0.5, application/graphql-response+json', 400, GRAPHQL_RESPONSE],
    ['application/graphql-response+json;q=0, application/json', 200, JSON_TYPE],
    ['application/graphql-response+json;q=0.2, application/json;q=0.9', 200, JSON_TYPE],
    ['*/*, application/json;q=0', 400, GRAPHQL_RESPONSE],
    ['application/*;q=0.1, application/graphql-response+json;q=0.5', 400, GRAPHQL_RESPONSE],
    // Unranked lists keep their order; a range matching both answers application/json, as before.
    ['application/graphql-response+json, application/json', 400, GRAPHQL_RESPONSE],
    ['application/json, application/graphql-response+json', 200, JSON_TYPE],
    ['*/*', 200, JSON_TYPE],
    ['Application/GraphQL-Response+JSON', 400, GRAPHQL_RESPONSE],
    // utf8 is how many clients spell UTF-8; a weight with no value is ignored, not read as q=0.
    ['application/graphql-response+json;charset=utf8', 400, GRAPHQL_RESPONSE],
    ['application/graphql-response+json;q=', 400, GRAPHQL_RESPONSE],
  ])('%s → %i %s', async (accept, status, contentType) => {
    expect(await post({ 'content-type': 'application/json', accept })).toEqual({ status, contentType });
  });

  it('refusing both JSON types with q=0 gets 406', async () => {
    const answer = await post({
      'content-type': 'application/json',
      accept: 'application/json;q=0, application/graphql-response+json;q=0',
    });
    expect(answer.status).toBe(406);
  });
});
