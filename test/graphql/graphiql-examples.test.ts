import { createRequire } from 'node:module';
import { getOperationAST, Kind, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXAMPLE_CERTIFICATE_ID,
  GRAPHIQL_EXAMPLES,
  graphiqlExampleOptions,
} from '../../src/graphql/graphiql-examples.ts';
import { schema } from '../../src/graphql/schema/index.ts';
import { execute } from './support/execute.ts';
import { startTestStack, type TestStack } from './support/stack.ts';

// The operations GraphiQL opens with: valid against the schema, and the read-only ones answer the seeded
// emulator without errors (with a real certificate in place of the placeholder ID).

/**
 * graphql's validate from the copy the built schema belongs to. Pothos (and Yoga) load graphql as Node resolves
 * it, the CommonJS build, while Vitest hands test files the ES module build; validate refuses a schema of the
 * other copy ("from another module or realm").
 */
const { validate } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.close();
});

/** The example's variables, with the placeholder certificate ID replaced by a seeded certificate. */
function runnableVariables(
  variables: Readonly<Record<string, unknown>> | undefined,
): Record<string, unknown> {
  const seeded = stack.emulator.state.certificates
    .all()
    .find((record) => record.status === 1 && stack.emulator.state.resources.isCertificateBound(record.id));
  if (seeded === undefined) throw new Error('the seed has no issued, deployed certificate');
  return Object.fromEntries(
    Object.entries(variables ?? {}).map(([name, value]) => [
      name,
      value === EXAMPLE_CERTIFICATE_ID ? seeded.id : value,
    ]),
  );
}

describe('GraphiQL examples', () => {
  it('has a handful of examples, each opened as a tab', () => {
    const options = graphiqlExampleOptions();
    expect(options.defaultTabs?.map((tab) => tab.query)).toEqual(
      GRAPHIQL_EXAMPLES.map((example) => example.query),
    );
    expect(options.defaultQuery).toBe(GRAPHIQL_EXAMPLES[0]?.query);
    for (const [index, example] of GRAPHIQL_EXAMPLES.entries()) {
      const variables = options.defaultTabs?.[index]?.variables;
      expect(variables === null ? undefined : JSON.parse(variables ?? 'null')).toEqual(example.variables);
    }
  });

  it.each(GRAPHIQL_EXAMPLES.map((example) => [example.title, example] as const))(
    '%s is valid against the schema',
    (_title, example) => {
      const document = parse(example.query);
      expect(validate(schema, document).map((error) => error.message)).toEqual([]);
      const operations = document.definitions.filter(
        (definition) => definition.kind === Kind.OPERATION_DEFINITION,
      );
      expect(operations.length).toBeGreaterThan(0);
      // Only queries may claim to be safe to run as they are.
      if (example.readOnly) for (const operation of operations) expect(operation.operation).toBe('query');
    },
  );

  it.each(
    GRAPHIQL_EXAMPLES.filter((example) => example.readOnly).map(
      (example) => [example.title, example] as const,
    ),
  )('%s runs against the emulator without errors', async (_title, example) => {
    const result = await execute<Record<string, unknown>, Record<string, unknown>>(
      stack.gateway,
      example.query,
      runnableVariables(example.variables),
    );
    expect(result.errors).toBeUndefined();
    const operation = getOperationAST(parse(example.query));
    // Every root field answered something: a placeholder that matched nothing would show up as null here.
    for (const selection of operation?.selectionSet.selections ?? []) {
      if (selection.kind !== Kind.FIELD) continue;
      const key = selection.alias?.value ?? selection.name.value;
      expect(result.data?.[key], key).not.toBeNull();
    }
  });

  it('are what the gateway serves GraphiQL with', async () => {
    const page = await stack.gateway.fetch('http://gateway.test/graphql', {
      headers: { accept: 'text/html' },
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    const names = GRAPHIQL_EXAMPLES.flatMap((example) =>
      parse(example.query).definitions.flatMap((definition) =>
        definition.kind === Kind.OPERATION_DEFINITION && definition.name ? [definition.name.value] : [],
      ),
    );
    expect(names.length).toBeGreaterThanOrEqual(GRAPHIQL_EXAMPLES.length);
    // The options are embedded as JSON: the operation names appear in the page as they are.
    for (const name of names) expect(html).toContain(name);
  });
});
