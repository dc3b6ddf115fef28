import { createGraphQLError, type Plugin } from 'graphql-yoga';

/** The GET parameters that the GraphQL-over-HTTP spec carries as JSON text. */
const JSON_PARAMETERS = ['variables', 'extensions'] as const;

/**
 * Refuses a GET whose `variables` or `extensions` is not JSON with a 400 that says so. graphql-yoga parses them
 * with a bare JSON.parse, and the SyntaxError would otherwise surface as a masked 500 "Unexpected error." (found by
 * the fuzzer): a client mistake must read as one.
 */
export function queryStringJsonPlugin(): Plugin {
  return {
    onRequestParse({ request }) {
      if (request.method !== 'GET') return;
      const parameters = new URL(request.url).searchParams;
      for (const name of JSON_PARAMETERS) {
        const text = parameters.get(name);
        if (text === null || text === '') continue;
        try {
          JSON.parse(text);
        } catch {
          throw createGraphQLError(`The \`${name}\` parameter is not valid JSON.`, {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
      }
    },
  };
}
