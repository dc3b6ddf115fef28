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

  it('run one after the other in a fresh sandbox, as a newcomer would, without an error', async () => {
    // A fresh seeded account: what `npm start` serves. Each tab's operations run in order, with the IDs the
    // comments say to paste taken from the answers before (the first certificate listed, the deploy record).
    const sandbox = await startTestStack();
    try {
      let certificateId: string | undefined;
      let deployRecordId: string | undefined;
      for (const example of GRAPHIQL_EXAMPLES) {
        const document = parse(example.query);
        for (const definition of document.definitions) {
          if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
          const operationName = definition.name?.value;
          const variables = Object.fromEntries(
            Object.entries(example.variables ?? {}).map(([name, value]) => [
              name,
              value === EXAMPLE_CERTIFICATE_ID
                ? certificateId
                : name === 'deployRecordId'
                  ? deployRecordId
                  : value,
            ]),
          );
          const label = `${example.title} / ${operationName}`;
          const results = await runOperation(sandbox.gateway, example.query, operationName, variables, {
            subscription: definition.operation === 'subscription',
          });
          expect(results.length, label).toBeGreaterThan(0);
          for (const result of results) expect(result.errors, label).toBeUndefined();
          const data = results.at(-1)?.data as ExampleData;
          if (operationName === 'Certificates') certificateId = data.certificates?.edges[0]?.node.id;
          if (operationName === 'CertificateOverview') expect(data.certificate?.id).toBe(certificateId);
          if (operationName === 'DeployCertificate') {
            expect(data.certificateDeploy?.userErrors, label).toEqual([]);
            deployRecordId = data.certificateDeploy?.deployRecord?.id;
            expect(deployRecordId).toEqual(expect.any(String));
          }
          if (operationName === 'WaitForDeployment')
            expect(data.job, label).toMatchObject({
              id: deployRecordId,
              isFinished: true,
              status: 'SUCCEEDED',
            });
          if (operationName === 'WatchDeployment')
            expect(data.jobProgress, label).toMatchObject({ id: deployRecordId, isFinished: true });
        }
      }
      expect(deployRecordId).toBeDefined();
    } finally {
      await sandbox.close();
    }
  }, 90_000);
});

/** What the assertions read of the examples' answers. */
interface ExampleData {
  readonly certificates?: { readonly edges: ReadonlyArray<{ readonly node: { readonly id: string } }> };
  readonly certificate?: { readonly id: string } | null;
  readonly certificateDeploy?: {
    readonly userErrors: readonly unknown[];
    readonly deployRecord: { readonly id: string } | null;
  };
  readonly job?: unknown;
  readonly jobProgress?: unknown;
}

interface ExampleResult {
  readonly data?: unknown;
  readonly errors?: unknown;
}

/** One operation of an example as GraphiQL sends it: a POST, or for a subscription a stream of events. */
async function runOperation(
  gateway: TestStack['gateway'],
  query: string,
  operationName: string | undefined,
  variables: Record<string, unknown>,
  { subscription: isSubscription }: { readonly subscription: boolean },
): Promise<ExampleResult[]> {
  const response = await gateway.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: isSubscription ? 'text/event-stream' : 'application/graphql-response+json',
    },
    body: JSON.stringify({ query, operationName, variables }),
  });
  if (!isSubscription) return [(await response.json()) as ExampleResult];
  // The job is finished by now: the stream sends its state and ends.
  const text = await response.text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('data:') && line.length > 'data:'.length + 1)
    .map((line) => JSON.parse(line.slice('data:'.length)) as ExampleResult);
}
