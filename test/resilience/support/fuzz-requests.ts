import fc from 'fast-check';

/** One HTTP request as sent to the listening gateway. */
export interface FuzzRequest {
  /** Which generator made it, for the report's mix. */
  readonly family: string;
  readonly method: string;
  /** Path and query string. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** A GraphQL operation to put in a request, with variables when it declares some. */
export interface FuzzOperation {
  readonly query: string;
  readonly variables?: Record<string, unknown>;
}

const CONTENT_TYPES: readonly (string | undefined)[] = [
  'application/json',
  'application/json',
  'application/graphql-response+json',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=fuzz',
  'application/graphql',
  'image/png',
  '\u00ff;;=',
  undefined,
];

const ACCEPTS: readonly (string | undefined)[] = [
  'application/graphql-response+json',
  'application/graphql-response+json',
  'application/json',
  '*/*',
  'text/html',
  'image/png',
  undefined,
];

const METHODS: readonly string[] = [
  'POST',
  'POST',
  'POST',
  'GET',
  'GET',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
  'HEAD',
];

const PATHS: readonly string[] = [
  '/graphql',
  '/graphql',
  '/graphql',
  '/graphql',
  '/graphql/',
  '/GRAPHQL',
  '/health',
  '/ready',
  '/metrics',
  '/nope',
  '/graphql?%zz',
  '/../graphql',
];

function headersOf(
  contentType: string | undefined,
  accept: string | undefined,
  csrf: boolean,
): Record<string, string> {
  const headers: Record<string, string> = {};
  if (contentType !== undefined) headers['content-type'] = contentType;
  if (accept !== undefined) headers.accept = accept;
  // The CSRF header lets GET and "simple" requests through, so both sides of that check get exercised.
  if (csrf) headers['x-graphql-yoga-csrf'] = '1';
  return headers;
}

/** Bodies that are not a well-formed GraphQL-over-HTTP request. */
const malformedBody: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc.constant('null'),
  fc.constant('[]'),
  fc.constant('[{"query":"{ __typename }"},{"query":"{ __typename }"}]'),
  fc.constant('{"query":123}'),
  fc.constant('{"query":"{ __typename }","variables":"not an object"}'),
  fc.constant('{"query":"{ __typename }","variables":[1,2]}'),
  fc.constant('{"query":"{ __typename }","extensions":"x","operationName":42}'),
  fc.constant(
    '{"query":"query Q($id: ID!) { certificate(id: $id) { id } }","variables":{"id":{"nested":true}}}',
  ),
  fc.constant('{"query":"query Q($id: ID!) { certificate(id: $id) { id } }","variables":{}}'),
  fc.constant(
    '{"query":"query Q($n: Int) { certificates(first: $n) { totalCount } }","variables":{"n":"many"}}',
  ),
  fc.constant('{"query":"query A { __typename } query B { __typename }","operationName":"C"}'),
  fc.constant('{"__proto__":{"query":"{ __typename }"}}'),
  fc.json().map((json) => json),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.jsonValue().map((value) => JSON.stringify(value).slice(0, -1)),
  fc
    .integer({ min: 1_048_577, max: 1_500_000 })
    .map((length) => `{"query":"{ __typename }","pad":"${'x'.repeat(length)}"}`),
  fc.integer({ min: 1, max: 200 }).map((depth) => `${'{"a":'.repeat(depth * 50)}1${'}'.repeat(depth * 50)}`),
);

/** Requests built around a GraphQL operation, sent in every transport shape (right or wrong). */
export function operationRequestArbitrary(
  operation: fc.Arbitrary<FuzzOperation>,
  family: string,
): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      operation,
      // Most cases travel as a well-formed request, so the document itself gets executed.
      wellFormed: fc.boolean(),
      method: fc.constantFrom(...METHODS),
      contentType: fc.constantFrom(...CONTENT_TYPES),
      accept: fc.constantFrom(...ACCEPTS),
      csrf: fc.boolean(),
      path: fc.constantFrom(...PATHS),
    })
    .map(
      ({
        operation: { query, variables },
        wellFormed,
        method,
        contentType,
        accept,
        csrf,
        path,
      }): FuzzRequest => {
        if (wellFormed) {
          const headers = headersOf('application/json', 'application/graphql-response+json', false);
          return {
            family,
            method: 'POST',
            path: '/graphql',
            headers,
            body: JSON.stringify({ query, variables }),
          };
        }
        const headers = headersOf(contentType, accept, csrf);
        if (method === 'GET' || method === 'HEAD') {
          const search = new URLSearchParams({ query });
          if (variables !== undefined) search.set('variables', JSON.stringify(variables));
          return { family, method, path: `${path.split('?')[0]}?${search.toString()}`, headers };
        }
        return {
          family,
          method,
          path,
          headers,
          body: JSON.stringify({ query, ...(variables === undefined ? {} : { variables }) }),
        };
      },
    );
}

/** Requests whose body or encoding is broken: malformed JSON, wrong shapes, bad variables, oversized bodies. */
export const malformedRequestArbitrary: fc.Arbitrary<FuzzRequest> = fc
  .record({
    body: malformedBody,
    method: fc.constantFrom('POST', 'POST', 'PUT', 'PATCH', 'DELETE', 'GET'),
    contentType: fc.constantFrom(...CONTENT_TYPES),
    accept: fc.constantFrom(...ACCEPTS),
    csrf: fc.boolean(),
  })
  .map(({ body, method, contentType, accept, csrf }) => ({
    family: 'malformed-body',
    method,
    headers: headersOf(contentType, accept, csrf),
    // GET carries no body in HTTP/1.1 practice; the broken payload goes in the query string instead.
    ...(method === 'GET'
      ? { path: `/graphql?query=${encodeURIComponent(body.slice(0, 4_000))}` }
      : { path: '/graphql', body }),
  }));

/**
 * GET requests whose `variables` or `extensions` parameter is not JSON. graphql-yoga 5.24.1 parses them with a bare
 * JSON.parse, which once surfaced as a masked HTTP 500; the gateway now answers 400 (security/query-string-json.ts).
 */
export const malformedGetParametersArbitrary: fc.Arbitrary<FuzzRequest> = fc
  .record({
    parameter: fc.constantFrom('variables', 'extensions'),
    value: fc.constantFrom('{', '{"a":', 'undefined', "{'a':1}", '[1,'),
    accept: fc.constantFrom(...ACCEPTS),
  })
  .map(({ parameter, value, accept }) => ({
    family: 'malformed-get-parameters',
    method: 'GET',
    path: `/graphql?query=${encodeURIComponent('{ __typename }')}&${parameter}=${encodeURIComponent(value)}`,
    headers: headersOf(undefined, accept, true),
  }));
