import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuthSession } from '../../src/graphql/auth/session.ts';
import { createGateway } from '../../src/graphql/yoga.ts';
import type { SslCaller } from '../../src/ssl/actions.ts';
import { execute } from '../graphql/support/execute.ts';
import { startTestStack, type TestStack } from '../graphql/support/stack.ts';

// `_entities` with representations a router (or a caller posing as one) got wrong. The federation library's
// resolver throws plain errors on them, which the gateway once masked as "Unexpected error." (found by the fuzzer,
// bench/results/fuzz.md): each is now refused on its own as BAD_USER_INPUT, the others still resolving.

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Certificate { id domain }
    ... on Manager { id }
  }
}`;

interface Answer {
  readonly _entities: ReadonlyArray<{ readonly __typename: string; readonly id: string } | null>;
}

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

function entities(representations: unknown) {
  return execute<Answer, { representations: unknown }>(stack.gateway, ENTITIES, { representations });
}

function knownCertificateId(): string {
  const certificate = stack.emulator.state.certificates.all()[0];
  if (certificate === undefined) throw new Error('the seed has no certificate');
  return certificate.id;
}

describe('malformed entity representations', () => {
  it.each([
    ['a string', 'scalar', /is a string, not an object/],
    ['a number', 42, /is a number, not an object/],
    ['a boolean', true, /is a boolean, not an object/],
    ['a list', [{ __typename: 'Certificate', id: 'x' }], /is a list, not an object/],
    ['an empty object', {}, /has no "__typename" string/],
    ['a non-string __typename', { __typename: 42 }, /has no "__typename" string/],
    ['an unknown type', { __typename: 'Nope' }, /names "Nope", which is not an entity type/],
    ['the query root', { __typename: 'Query' }, /names "Query", which is not an entity type/],
    ['a federation type', { __typename: '_Service' }, /names "_Service", which is not an entity type/],
    ['an enum', { __typename: 'CertificateStatus', id: 'x' }, /names "CertificateStatus"/],
    ['a prototype key', { __typename: '__proto__', id: 'x' }, /names "__proto__"/],
    ['a missing key', { __typename: 'Certificate' }, /has no "id" string \(the key of Certificate\)/],
    ['a numeric key', { __typename: 'Manager', id: 1001 }, /has no "id" string \(the key of Manager\)/],
    ['a null key', { __typename: 'Package', id: null }, /has no "id" string/],
  ])('refuses %s as BAD_USER_INPUT at its index, resolving the others', async (_kind, malformed, message) => {
    const id = knownCertificateId();
    const result = await entities([{ __typename: 'Certificate', id }, malformed]);
    expect(result.status).toBe(200);
    expect(result.data?._entities).toEqual([
      { __typename: 'Certificate', id, domain: expect.any(String) },
      null,
    ]);
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors ?? [];
    expect(error?.path).toEqual(['_entities', 1]);
    expect(error?.message).toMatch(/^Entity representation 1 /);
    expect(error?.message).toMatch(message);
    expect(error?.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'representations' });
  });

  it('answers the fuzzer’s documents (scalars and enums coerced to a list of _Any) without a masked error', async () => {
    for (const query of [
      '{ _entities(representations: "wrong") { __typename } }',
      '{ _entities(representations: UNKNOWN_ENUM) { __typename } }',
      '{ _entities(representations: true) { __typename ... on Company { id } } }',
      '{ a0: _entities(representations: [42, "scalar", { __typename: "Nope" }]) { __typename } }',
      '{ _entities(representations: [{ __typename: "Nope" }, { __typename: "Certificate", id: "x" }]) { __typename } }',
    ]) {
      const result = await execute<Answer, unknown>(stack.gateway, query);
      expect(result.status).toBe(200);
      expect(result.errors?.length).toBeGreaterThan(0);
      for (const error of result.errors ?? []) {
        expect(error.message).not.toBe('Unexpected error.');
        expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      }
    }
  });

  it('refuses a whole batch of malformed references without any upstream call', async () => {
    const result = await entities([{ __typename: 'Nope' }, 'scalar', { __typename: 'Certificate' }]);
    expect(result.data?._entities).toEqual([null, null, null]);
    expect(result.errors?.map((error) => error.path)).toEqual([
      ['_entities', 0],
      ['_entities', 1],
      ['_entities', 2],
    ]);
    expect(stack.emulator.stats.byAction()).toEqual({});
  });

  it('still batches the well-formed references around a malformed one into one upstream call', async () => {
    const ids = stack.emulator.state.certificates
      .all()
      .slice(0, 3)
      .map((certificate) => certificate.id);
    const result = await entities([
      { __typename: 'Certificate', id: ids[0] },
      { __typename: 'Nope' },
      { __typename: 'Certificate', id: ids[1] },
      { __typename: 'Certificate', id: ids[2] },
    ]);
    expect(result.data?._entities.map((entity) => entity?.id ?? null)).toEqual([
      ids[0],
      null,
      ids[1],
      ids[2],
    ]);
    expect(stack.upstreamCalls('DescribeCertificates')).toBe(1);
  });

  it('keeps an unknown but well-formed id a null entity, as the matching Query fields answer', async () => {
    const result = await entities([
      { __typename: 'Certificate', id: 'doesNotExist' },
      { __typename: 'Manager', id: '../../etc/passwd' },
    ]);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([null, null]);
  });
});

describe('entity references of a caller without ssl:read', () => {
  it('are refused as FORBIDDEN before their shape is looked at (which would describe the schema)', async () => {
    const writeOnly: AuthSession = { subject: 'writer', scopes: new Set(['ssl:write']) };
    const gateway = createGateway({ logging: false, ssl: stack.client, authenticate: async () => writeOnly });
    try {
      const result = await execute<Answer, { representations: unknown }>(gateway, ENTITIES, {
        representations: [{ __typename: 'Nope' }, { __typename: 'Certificate', id: knownCertificateId() }],
      });
      expect(result.data?._entities).toEqual([null, null]);
      expect(result.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
        [['_entities', 0], 'FORBIDDEN'],
        [['_entities', 1], 'FORBIDDEN'],
      ]);
      expect(result.errors?.[0]?.message).toBe(
        'Not authorized: Query._entities needs the ssl:read scope, which the token does not grant.',
      );
      expect(stack.emulator.stats.byAction()).toEqual({});
    } finally {
      await gateway.dispose();
    }
  });
});

describe('a genuinely unexpected failure behind a well-formed reference', () => {
  it('stays masked as "Unexpected error." with an errorId', async () => {
    const broken: SslCaller = {
      call: async () => {
        throw new TypeError('a bug in the gateway');
      },
    };
    const gateway = createGateway({ logging: false, ssl: broken });
    try {
      const result = await execute<Answer, { representations: unknown }>(gateway, ENTITIES, {
        representations: [{ __typename: 'Certificate', id: 'abc' }],
      });
      expect(result.data?._entities).toEqual([null]);
      expect(result.errors?.[0]?.message).toBe('Unexpected error.');
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'INTERNAL_SERVER_ERROR',
        errorId: expect.any(String),
      });
      expect(JSON.stringify(result.errors)).not.toContain('a bug in the gateway');
    } finally {
      await gateway.dispose();
    }
  });
});
