import type { Gateway } from '../../../src/graphql/yoga.ts';

export interface RawGraphQLResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly body: {
    readonly data?: Record<string, unknown> | null;
    readonly errors?: ReadonlyArray<{
      readonly message: string;
      readonly extensions?: Record<string, unknown>;
    }>;
  };
}

/** POSTs an operation with any headers and returns everything a client would see, body text included. */
export async function postOperation(
  gateway: Gateway,
  operation: { query: string; variables?: Record<string, unknown>; operationName?: string },
  headers: Record<string, string> = {},
): Promise<RawGraphQLResponse> {
  const response = await gateway.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify(operation),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) };
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}
