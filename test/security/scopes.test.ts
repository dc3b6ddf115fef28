import { createRequire } from 'node:module';
import type { GraphQLField, GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/graphql/schema/index.ts';
import { createGateway, type Gateway } from '../../src/graphql/yoga.ts';
import type { SslActionName, SslCaller } from '../../src/ssl/actions.ts';
import { callOf } from '../graphql/support/sample-operations.ts';
import { startTestStack, type TestStack } from '../graphql/support/stack.ts';
import { bearer, postOperation } from './support/requests.ts';
import { testAuthenticator, tokenWithScopes } from './support/tokens.ts';
import { totalUpstreamCalls } from './support/upstream-calls.ts';

// Authorization from the schema itself: every mutation needs ssl:write, every field Pothos marks with the
// `secrets` scope needs ssl:secrets, and a refused field never reaches the upstream. Fields are discovered at run
// time, so a mutation or secret field added later is covered without editing this file.

/** The actions that return key material: a refused secret field must not have caused any of them. */
const SECRET_ACTIONS: readonly SslActionName[] = [
  'DescribeCertificateDetail',
  'DownloadCertificate',
  'DescribeDownloadCertificateUrl',
];

/**
 * The schema was built by the CommonJS build of graphql (Pothos is loaded by Node), while vitest would hand this
 * file the ESM build; graphql's type predicates refuse objects from the other build, so use the schema's own.
 */
const { isObjectType } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

// ---- Secret fields, from the scope-auth options Pothos keeps in each field's extensions ------------------------

type AuthScopesOption = Record<string, unknown> | ((...args: never[]) => unknown);

/** Whether a scope-auth `authScopes` option demands `secrets`, including inside `$all`/`$any` combinations. */
function demandsSecrets(scopes: unknown): boolean {
  if (typeof scopes === 'function') {
    throw new Error('a field computes its authScopes at run time; this test cannot tell if it needs secrets');
  }
  if (typeof scopes !== 'object' || scopes === null) return false;
  for (const [name, value] of Object.entries(scopes)) {
    if (name === 'secrets' && value === true) return true;
    if ((name === '$all' || name === '$any') && demandsSecrets(value)) return true;
  }
  return false;
}

interface SecretField {
  readonly type: GraphQLObjectType;
  readonly field: GraphQLField<unknown, unknown>;
  readonly coordinate: string;
}

function discoverSecretFields(): SecretField[] {
  const found: SecretField[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const typeOptions = type.extensions.pothosOptions as { authScopes?: AuthScopesOption } | undefined;
    const wholeTypeIsSecret = demandsSecrets(typeOptions?.authScopes);
    for (const field of Object.values(type.getFields())) {
      const fieldOptions = field.extensions.pothosOptions as { authScopes?: AuthScopesOption } | undefined;
      if (wholeTypeIsSecret || demandsSecrets(fieldOptions?.authScopes)) {
        found.push({ type, field, coordinate: `${type.name}.${field.name}` });
      }
    }
  }
  return found;
}

/**
 * How to reach an object of each type that holds secret fields: from one certificate (`$certificateId`), or from
 * the root. A new type with secret fields makes the test fail until it is added here: refusing it cannot be
 * checked without reaching it.
 */
const REACH: Readonly<Record<string, (selection: string) => string>> = {
  Certificate: (selection) => `certificate(id: $certificateId) { id ${selection} }`,
  SmEncryptionCertificate: (selection) =>
    `certificate(id: $certificateId) { id smEncryptionCertificate { ${selection} } }`,
  CertificateApplication: (selection) =>
    `certificate(id: $certificateId) { id application { ${selection} } }`,
  PackageTransferOut: (selection) =>
    `packages(first: 100) { edges { node { id transfersOut { ${selection} } } } }`,
};

/** The secret field's operation; as a baseline, the same path ending in `__typename` instead. */
function secretOperation(
  secret: SecretField,
  target: 'secret-field' | 'baseline',
): { query: string; variables: Record<string, unknown> } {
  const reach = REACH[secret.type.name];
  if (reach === undefined) throw new Error(`add how to reach ${secret.type.name} to REACH`);
  const call =
    target === 'secret-field' ? callOf(secret.field) : { definitions: [], call: '__typename', variables: {} };
  const selection = reach(call.call);
  const definitions = [
    ...(selection.includes('$certificateId') ? ['$certificateId: ID!'] : []),
    ...call.definitions,
  ];
  const header = definitions.length === 0 ? '' : `(${definitions.join(', ')})`;
  return { query: `query Secret${header} { ${selection} }`, variables: call.variables };
}

// ---- The tests ---------------------------------------------------------------------------------------------------

/**
 * The emulator never issues SM2 pairs (src/emulator/pki/x509.ts), so the certificate under test gets an
 * encryption half on its way through the real client: the gateway then reaches SmEncryptionCertificate as it
 * would for a real SM2 certificate.
 */
function withSmEncryptionHalf(inner: SslCaller, certificateId: () => string | undefined): SslCaller {
  return {
    async call(action, params, options) {
      const response = await inner.call(action, params, options);
      const detailOfTarget =
        action === 'DescribeCertificateDetail' &&
        (params as { CertificateId?: string }).CertificateId === certificateId();
      if (!detailOfTarget) return response;
      return {
        ...response,
        EncryptCert: '-----BEGIN CERTIFICATE-----\nTUlJQg==\n-----END CERTIFICATE-----\n',
        EncryptPrivateKey: '-----BEGIN PRIVATE KEY-----\nTUlJRQ==\n-----END PRIVATE KEY-----\n',
        EncryptCertFingerprint: 'AB:CD',
      } as typeof response;
    },
  };
}

let stack: TestStack;
/** Bearer-token gateway over the emulator stack's client: refusals are counted on the emulator. */
let gateway: Gateway;
/** A seeded certificate with an application; it is also the one given an SM2 encryption half. */
let certificateId: string | undefined;
const tokens = {} as Record<'readOnly' | 'readAndSecrets', string>;

beforeAll(async () => {
  stack = await startTestStack();
  // Paid (non-DV) orders carry an application; each probe of one costs an upstream call, so probe few.
  const listed = await postOperation(stack.gateway, {
    query: '{ certificates(first: 100) { edges { node { id isDv } } } }',
  });
  expect(listed.body.errors).toBeUndefined();
  const paid = (
    listed.body.data as { certificates: { edges: { node: { id: string; isDv: boolean } }[] } }
  ).certificates.edges
    .map((edge) => edge.node)
    .filter((node) => !node.isDv);
  for (const candidate of paid.slice(0, 10)) {
    const probed = await postOperation(stack.gateway, {
      query: 'query Probe($id: ID!) { certificate(id: $id) { application { __typename } } }',
      variables: { id: candidate.id },
    });
    if ((probed.body.data as { certificate: { application: unknown } | null }).certificate?.application) {
      certificateId = candidate.id;
      break;
    }
  }
  gateway = createGateway({
    ssl: withSmEncryptionHalf(stack.client, () => certificateId),
    authenticate: testAuthenticator(),
    logging: false,
  });
  tokens.readOnly = await tokenWithScopes(['ssl:read']);
  tokens.readAndSecrets = await tokenWithScopes(['ssl:read', 'ssl:secrets']);
});
afterAll(async () => {
  await gateway?.dispose();
  await stack?.close();
});

const mutationFields = Object.values(schema.getMutationType()?.getFields() ?? {});

describe('every mutation', () => {
  it('is found in the schema', () => {
    expect(mutationFields.length).toBeGreaterThan(10);
    expect(mutationFields.map((field) => field.name)).toContain('certificateAliasUpdate');
  });

  it.each(mutationFields.map((field) => [field.name, field] as const))(
    '%s is refused with ssl:read only, before any upstream call',
    async (_name, field) => {
      const call = callOf(field);
      const definitions = call.definitions.length === 0 ? '' : `(${call.definitions.join(', ')})`;
      stack.emulator.stats.reset();
      const response = await postOperation(
        gateway,
        { query: `mutation Attempt${definitions} { ${call.call} }`, variables: call.variables },
        bearer(tokens.readOnly),
      );
      expect(
        response.body.errors?.map((error) => error.extensions?.code),
        response.text,
      ).toEqual(['FORBIDDEN']);
      expect(response.body.errors?.[0]?.message).toBe(
        `Not authorized: Mutation.${field.name} needs the ssl:write scope, which the token does not grant.`,
      );
      expect(totalUpstreamCalls(stack)).toBe(0);
    },
  );

  it('is refused even with ssl:read and ssl:secrets', async () => {
    const field = mutationFields.find((candidate) => candidate.name === 'certificateAliasUpdate');
    if (field === undefined) throw new Error('certificateAliasUpdate is missing');
    const call = callOf(field);
    stack.emulator.stats.reset();
    const response = await postOperation(
      gateway,
      {
        query: `mutation Attempt(${call.definitions.join(', ')}) { ${call.call} }`,
        variables: call.variables,
      },
      bearer(tokens.readAndSecrets),
    );
    expect(response.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(totalUpstreamCalls(stack)).toBe(0);
  });
});

describe('secret fields', () => {
  const secretFields = discoverSecretFields();

  it('are discovered from the schema, the known ones included', () => {
    const coordinates = secretFields.map((secret) => secret.coordinate);
    expect(coordinates).toEqual(
      expect.arrayContaining([
        'Certificate.privateKeyPem',
        'Certificate.archive',
        'Certificate.downloadLink',
        'SmEncryptionCertificate.privateKeyPem',
        'CertificateApplication.privateKeyPassword',
        'PackageTransferOut.transferCode',
      ]),
    );
  });

  it.each(secretFields.map((secret) => [secret.coordinate, secret] as const))(
    '%s is refused with ssl:read only, without fetching key material',
    async (_coordinate, secret) => {
      if (certificateId === undefined) throw new Error('no seeded certificate has an application');

      // The path to the field may itself read details (a baseline); the refused field must add no call.
      const baseline = secretOperation(secret, 'baseline');
      stack.emulator.stats.reset();
      const reached = await postOperation(
        gateway,
        { query: baseline.query, variables: { certificateId } },
        bearer(tokens.readOnly),
      );
      expect(reached.body.errors).toBeUndefined();
      const baselineCalls = SECRET_ACTIONS.map((action) => stack.upstreamCalls(action));

      const attempt = secretOperation(secret, 'secret-field');
      stack.emulator.stats.reset();
      const response = await postOperation(
        gateway,
        { query: attempt.query, variables: { ...attempt.variables, certificateId } },
        bearer(tokens.readOnly),
      );
      const refusal = response.body.errors?.find((error) => error.extensions?.code === 'FORBIDDEN');
      expect(refusal, JSON.stringify(response.body)).toBeDefined();
      expect((refusal as { path?: unknown[] } | undefined)?.path?.at(-1)).toBe(secret.field.name);
      expect(refusal?.message).toBe(
        `Not authorized: ${secret.coordinate} needs the ssl:secrets scope, which the token does not grant.`,
      );
      expect(SECRET_ACTIONS.map((action) => stack.upstreamCalls(action))).toEqual(baselineCalls);
      expect(response.text).not.toContain('PRIVATE KEY');
    },
  );

  it.each(secretFields.map((secret) => [secret.coordinate, secret] as const))(
    '%s is served with ssl:read and ssl:secrets',
    async (_coordinate, secret) => {
      if (certificateId === undefined) throw new Error('no seeded certificate has an application');
      const operation = secretOperation(secret, 'secret-field');
      const response = await postOperation(
        gateway,
        { query: operation.query, variables: { ...operation.variables, certificateId } },
        bearer(tokens.readAndSecrets),
      );
      expect(response.body.errors).toBeUndefined();
      const data = response.body.data as { certificate?: Record<string, unknown> | null };
      if ('certificate' in data) expect(data.certificate?.id).toBe(certificateId);
      expect(JSON.stringify(data)).toContain(`"${secret.field.name}":`);
    },
  );
});
