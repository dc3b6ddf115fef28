import { describe, expect, it } from 'vitest';
import { CSRF_PREVENTION_HEADER } from '../../src/graphql/security/csrf.ts';
import { execute } from './support/execute.ts';
import { useTestStack } from './support/stack.ts';

// Every error a client can get carries extensions.code, the field clients branch on: the variable errors graphql-js
// raises while coercing the request's variables (no resolver sees them) and the CSRF refusal included.

const interpreted = useTestStack({ gateway: { compileQueriesAfterRuns: false } });
const compiled = useTestStack({ gateway: { compileQueriesAfterRuns: 0 } });

const BAD_VARIABLES = [
  {
    what: 'an unknown enum value',
    query: 'query($t: ResourceType!) { cloudResources(type: $t, first: 1) { totalCount } }',
    variables: { t: 'CL' },
  },
  {
    what: 'a missing ID!',
    query: 'query($id: ID!) { certificate(id: $id) { id } }',
    variables: {},
  },
  {
    what: 'a null ID!',
    query: 'query($id: ID!) { certificate(id: $id) { id } }',
    variables: { id: null },
  },
  {
    what: 'a string for an Int',
    query: 'query($n: Int) { certificates(first: $n) { totalCount } }',
    variables: { n: 'x' },
  },
  {
    what: 'an unknown field of an input object',
    query: 'query($f: CertificateFilter) { certificates(first: 1, filter: $f) { totalCount } }',
    variables: { f: { nope: true } },
  },
  {
    what: 'a bad DateTime',
    query: 'query($s: DateTime) { operationLogs(first: 1, since: $s) { totalCount } }',
    variables: { s: 'soon' },
  },
] as const;

describe.each([
  ['interpreted', interpreted],
  ['compiled', compiled],
] as const)('variable coercion errors (%s)', (_mode, stack) => {
  it.each(BAD_VARIABLES.map((example) => [example.what, example] as const))(
    '%s: 400 with BAD_USER_INPUT',
    async (_what, example) => {
      // Twice: the second run of a query is the compiled one where compilation is on.
      for (let run = 0; run < 2; run++) {
        const result = await execute(stack.gateway, example.query, example.variables);
        expect(result.status).toBe(400);
        expect(result.errors?.length).toBeGreaterThan(0);
        for (const error of result.errors ?? []) {
          expect(error.message).toMatch(/^Variable "\$/);
          expect(error.extensions?.code, error.message).toBe('BAD_USER_INPUT');
        }
      }
    },
  );

  it('a subscription with a bad variable: BAD_USER_INPUT too', async () => {
    const response = await stack.gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({
        query: 'subscription($id: ID!) { jobProgress(kind: DEPLOY_RECORD, id: $id) { id } }',
        variables: {},
      }),
    });
    const body = (await response.json()) as { errors: Array<{ extensions?: { code?: string } }> };
    expect(body.errors.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('CSRF refusal', () => {
  it('a GET without the CSRF header: 403 with a code and the header to send', async () => {
    const response = await interpreted.gateway.fetch(
      `http://gateway.test/graphql?query=${encodeURIComponent('{ __typename }')}`,
      { headers: { accept: 'application/json' } },
    );
    expect(response.status).toBe(403);
    const body = (await response.json()) as {
      errors: Array<{ message: string; extensions?: Record<string, unknown> }>;
    };
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]?.extensions).toMatchObject({
      code: 'CSRF_HEADER_REQUIRED',
      requiredHeaders: [CSRF_PREVENTION_HEADER],
    });
  });

  it('a GET with it still runs', async () => {
    const response = await interpreted.gateway.fetch(
      `http://gateway.test/graphql?query=${encodeURIComponent('{ __typename }')}`,
      { headers: { accept: 'application/json', [CSRF_PREVENTION_HEADER]: '1' } },
    );
    expect(response.status).toBe(200);
    await expect(response.json()).resolves.toEqual({ data: { __typename: 'Query' } });
  });
});
