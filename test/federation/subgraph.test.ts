import { readFile } from 'node:fs/promises';
import { type ConstDirectiveNode, Kind, parse, valueFromASTUntyped } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuthSession } from '../../src/graphql/auth/session.ts';
import { execute } from '../graphql/support/execute.ts';
import { startTestStack, type TestStack } from '../graphql/support/stack.ts';

// The subgraph face of the gateway, asked the way a router asks: `_service { sdl }` at composition time, then
// `_entities` with the references other subgraphs hand out.

const ENTITY_TYPES = ['Certificate', 'Company', 'DeployRecord', 'Manager', 'Package'];

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Certificate { id domain }
    ... on Company { id name }
    ... on DeployRecord { id kind }
    ... on Manager { id firstName }
    ... on Package { id totalPoints }
  }
}`;

interface EntityView {
  readonly __typename: string;
  readonly id: string;
  readonly domain?: string;
  readonly name?: string;
  readonly kind?: string;
  readonly firstName?: string;
  readonly totalPoints?: number;
}

interface Reference {
  readonly __typename: string;
  readonly id: string;
}

function keyFieldsOf(directives: readonly ConstDirectiveNode[] | undefined): string[] {
  return (directives ?? [])
    .filter((directive) => directive.name.value === 'key')
    .map((directive) => {
      const fields = directive.arguments?.find((argument) => argument.name.value === 'fields');
      return fields === undefined ? '' : String(valueFromASTUntyped(fields.value));
    });
}

/** Type name → the `fields` of its `@key`s, and the names of the types marked `@shareable`. */
function federationDirectivesOf(sdl: string): {
  keys: Map<string, string[]>;
  shareable: Set<string>;
} {
  const keys = new Map<string, string[]>();
  const shareable = new Set<string>();
  for (const definition of parse(sdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const typeKeys = keyFieldsOf(definition.directives);
    if (typeKeys.length > 0) keys.set(definition.name.value, typeKeys);
    if (definition.directives?.some((directive) => directive.name.value === 'shareable')) {
      shareable.add(definition.name.value);
    }
  }
  return { keys, shareable };
}

describe('the subgraph', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.close();
  });
  beforeEach(() => {
    stack.emulator.stats.reset();
  });

  async function entities(representations: readonly Reference[]) {
    return execute<{ _entities: (EntityView | null)[] }, { representations: readonly Reference[] }>(
      stack.gateway,
      ENTITIES,
      { representations },
    );
  }

  it('publishes its SDL with @key(fields: "id") on the five entities and shareable value types', async () => {
    const result = await execute<{ _service: { sdl: string } }, unknown>(
      stack.gateway,
      '{ _service { sdl } }',
    );
    expect(result.errors).toBeUndefined();
    const sdl = result.data?._service.sdl ?? '';
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.6"');
    const { keys, shareable } = federationDirectivesOf(sdl);
    expect([...keys.keys()].sort()).toEqual(ENTITY_TYPES);
    for (const type of ENTITY_TYPES) expect(keys.get(type)).toEqual(['id']);
    expect([...shareable].sort()).toEqual(['PageInfo', 'UserError']);
  });

  it('commits the same federation directives in schema/subgraph.graphql, and none in the public SDL', async () => {
    const served = await execute<{ _service: { sdl: string } }, unknown>(
      stack.gateway,
      '{ _service { sdl } }',
    );
    const committed = await readFile(new URL('../../schema/subgraph.graphql', import.meta.url), 'utf8');
    expect(federationDirectivesOf(committed)).toEqual(
      federationDirectivesOf(served.data?._service.sdl ?? ''),
    );
    const publicSdl = await readFile(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
    expect(publicSdl).not.toMatch(/_entities|_service|_Any|_Entity|@key/);
  });

  it('resolves a reference to each of the five entities through the loaders of Query', async () => {
    const state = stack.emulator.state;
    const certificate = state.certificates.all()[0];
    const company = state.accounts.listCompanies()[0];
    const manager = state.accounts.listManagers()[0];
    const benefitPackage = state.accounts.listPackages()[0];
    const deployRecord = state.jobs.deployRecords[0];
    if (!certificate || !company || !manager || !benefitPackage || !deployRecord) {
      throw new Error('the seed lacks one of the entity kinds');
    }
    const result = await entities([
      { __typename: 'Certificate', id: certificate.id },
      { __typename: 'Company', id: String(company.id) },
      { __typename: 'DeployRecord', id: String(deployRecord.id) },
      { __typename: 'Manager', id: String(manager.id) },
      { __typename: 'Package', id: benefitPackage.id },
    ]);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      { __typename: 'Certificate', id: certificate.id, domain: certificate.domain },
      { __typename: 'Company', id: String(company.id), name: company.name },
      { __typename: 'DeployRecord', id: String(deployRecord.id), kind: 'DEPLOY_RECORD' },
      { __typename: 'Manager', id: String(manager.id), firstName: manager.firstName },
      { __typename: 'Package', id: benefitPackage.id, totalPoints: expect.any(Number) },
    ]);
  });

  it('batches N certificate references into one DescribeCertificates call, unknown IDs resolving to null', async () => {
    const ids = stack.emulator.state.certificates
      .all()
      .slice(0, 7)
      .map((certificate) => certificate.id);
    const result = await entities([
      ...ids.map((id) => ({ __typename: 'Certificate', id })),
      { __typename: 'Certificate', id: 'doesNotExist' },
    ]);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities.map((entity) => entity?.id ?? null)).toEqual([...ids, null]);
    expect(stack.upstreamCalls('DescribeCertificates')).toBe(1);
  });
});

describe('the subgraph, for a caller without ssl:read', () => {
  const writeOnly: AuthSession = { subject: 'writer', scopes: new Set(['ssl:write']) };
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ gateway: { authenticate: async () => writeOnly } });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('refuses every entity reference before it reaches the upstream', async () => {
    const certificate = stack.emulator.state.certificates.all()[0];
    const manager = stack.emulator.state.accounts.listManagers()[0];
    if (!certificate || !manager) throw new Error('the seed has no certificate or manager');
    const result = await execute<{ _entities: (EntityView | null)[] }, { representations: Reference[] }>(
      stack.gateway,
      ENTITIES,
      {
        representations: [
          { __typename: 'Certificate', id: certificate.id },
          { __typename: 'Manager', id: String(manager.id) },
        ],
      },
    );
    expect(result.data?._entities).toEqual([null, null]);
    expect(result.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
      [['_entities', 0], 'FORBIDDEN'],
      [['_entities', 1], 'FORBIDDEN'],
    ]);
    expect(stack.upstreamCalls('DescribeCertificates')).toBe(0);
    expect(stack.upstreamCalls('DescribeManagerDetail')).toBe(0);
  });
});
