import { expect } from 'vitest';
import type { Gateway } from '../../src/graphql/yoga.ts';
import { execute } from './support/execute.ts';

export interface UserErrorView {
  readonly code: string;
  readonly message: string;
  readonly field: readonly string[] | null;
}

export interface CertificateView {
  readonly id: string;
  readonly status: string;
  readonly domain: string;
}

/** Runs `mutation { <field>(input: $input) { <selection> } }` and returns the payload; fails on GraphQL errors. */
export async function mutate<Payload>(
  gateway: Gateway,
  field: string,
  inputType: string,
  selection: string,
  input: Record<string, unknown>,
): Promise<Payload & { readonly userErrors: readonly UserErrorView[] }> {
  const document = `mutation Run($input: ${inputType}!) {
    ${field}(input: $input) { ${selection} userErrors { code message field } }
  }`;
  const result = await execute<Record<string, Payload & { userErrors: UserErrorView[] }>, unknown>(
    gateway,
    document,
    { input },
  );
  expect(result.errors).toBeUndefined();
  const payload = result.data?.[field];
  if (payload === undefined) throw new Error(`no payload for ${field}`);
  return payload;
}
