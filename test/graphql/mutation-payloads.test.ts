import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthSession } from '../../src/graphql/auth/session.ts';
import { schema } from '../../src/graphql/schema/index.ts';
import { createGateway } from '../../src/graphql/yoga.ts';
import { SslClient, type SslClientOptions } from '../../src/ssl/client.ts';
import { StaticCredentialsProvider } from '../../src/ssl/credentials.ts';
import { execute } from './support/execute.ts';
import { startTestStack, type TestStack } from './support/stack.ts';

// The conventions every mutation follows, shown on certificateAliasUpdate: the changed object on success,
// userErrors for what the caller can fix, GraphQL errors for the rest, and the ssl:write scope.

const RENAME = `mutation Rename($input: CertificateAliasUpdateInput!) {
  certificateAliasUpdate(input: $input) {
    certificate { id alias }
    userErrors { code message field }
  }
}`;

let stack: TestStack;
let readOnly: TestStack;
let certificateId: string;

const readOnlySession: AuthSession = { subject: 'reader', scopes: new Set(['ssl:read']) };

beforeAll(async () => {
  stack = await startTestStack();
  readOnly = await startTestStack({ gateway: { authenticate: async () => readOnlySession } });
  const listed = await execute<{ certificates: { edges: { node: { id: string } }[] } }, unknown>(
    stack.gateway,
    '{ certificates(first: 1) { edges { node { id } } } }',
  );
  certificateId = listed.data!.certificates.edges[0]!.node.id;
});
afterAll(async () => {
  await stack?.close();
  await readOnly?.close();
});

describe('mutation payloads', () => {
  it('are nullable fields of Mutation, so one that fails nulls itself, not the whole answer', () => {
    const mutations = Object.values(schema.getMutationType()?.getFields() ?? {});
    expect(mutations.length).toBeGreaterThanOrEqual(35);
    const nonNull = mutations.filter((field) => String(field.type).endsWith('!'));
    expect(nonNull.map((field) => field.name)).toEqual([]);
  });

  it.each([
    [
      'an internal error after executing',
      'after-handler',
      { kind: 'error', code: 'InternalError' },
      'UNKNOWN',
      false,
    ],
    ['a 502 after executing', 'after-handler', { kind: 'http-status', status: 502 }, 'UNKNOWN', false],
    ['a reset after executing', 'after-handler', { kind: 'connection-reset' }, 'UNKNOWN', false],
    [
      'a refusal on purpose',
      'before-handler',
      { kind: 'error', code: 'AuthFailure.UnauthorizedOperation' },
      'NOT_EXECUTED',
      false,
    ],
    ['throttling', 'before-handler', { kind: 'error', code: 'RequestLimitExceeded' }, 'NOT_EXECUTED', true],
  ] as const)(
    'tell after %s whether the change may have been made, and whether repeating is safe',
    async (_name, phase, effect, outcome, retryable) => {
      // Retries off: the client would resend the throttled call, and the first answer is the one under test.
      const noRetries = await startTestStack({ client: { retry: { maxRetries: 0 } } });
      try {
        const fault = noRetries.emulator.faults.inject({
          action: 'ModifyCertificateAlias',
          phase,
          effect,
          times: 1,
        });
        const result = await execute<{ certificateAliasUpdate: unknown }, unknown>(
          noRetries.gateway,
          RENAME,
          {
            input: { id: certificateId, alias: `outcome ${outcome}` },
          },
        );
        expect(fault.hits).toBe(1);
        expect(result.data).toEqual({ certificateAliasUpdate: null });
        const [error] = result.errors ?? [];
        expect(error?.extensions).toMatchObject({ outcome, retryable });
        if (outcome === 'UNKNOWN') expect(error?.message).toMatch(/may have been made.*before repeating/);
        else expect(error?.message).not.toMatch(/may have been made/);
      } finally {
        await noRetries.close();
      }
    },
  );

  it('keep what earlier mutations of a document did when a later one fails with an error', async () => {
    // Root mutations run one after another: a later failure must not null the `data` of those that already ran.
    const fault = stack.emulator.faults.inject({
      action: 'ModifyCertificateProject',
      phase: 'before-handler',
      effect: { kind: 'error', code: 'AuthFailure.UnauthorizedOperation' },
      times: 1,
    });
    const result = await execute<
      {
        renamed: { certificate: { alias: string | null } | null } | null;
        moved: { userErrors: unknown[] } | null;
      },
      unknown
    >(
      stack.gateway,
      `mutation ($id: ID!) {
        renamed: certificateAliasUpdate(input: { id: $id, alias: "renamed before a failure" }) {
          certificate { alias }
        }
        moved: certificateProjectUpdate(input: { ids: [$id], projectId: "0" }) { userErrors { code } }
      }`,
      { id: certificateId },
    );
    expect(fault.hits).toBe(1);
    expect(result.data).toEqual({
      renamed: { certificate: { alias: 'renamed before a failure' } },
      moved: null,
    });
    expect(result.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
      [['moved'], 'AuthFailure.UnauthorizedOperation'],
    ]);
  });

  it('return the changed object, read fresh after the mutation', async () => {
    const result = await execute<
      {
        certificateAliasUpdate: { certificate: { id: string; alias: string | null }; userErrors: unknown[] };
      },
      unknown
    >(stack.gateway, RENAME, { input: { id: certificateId, alias: 'renamed by test' } });
    expect(result.errors).toBeUndefined();
    expect(result.data?.certificateAliasUpdate).toEqual({
      certificate: { id: certificateId, alias: 'renamed by test' },
      userErrors: [],
    });
  });

  it('take a certificate ID with the spaces a paste leaves around it, as the batch mutations do', async () => {
    const result = await execute<
      { certificateAliasUpdate: { certificate: { id: string; alias: string | null } | null } },
      unknown
    >(stack.gateway, RENAME, { input: { id: ` ${certificateId} `, alias: 'pasted' } });
    expect(result.data?.certificateAliasUpdate.certificate).toEqual({ id: certificateId, alias: 'pasted' });
    const looked = await execute<{ certificate: { id: string } | null }, unknown>(
      stack.gateway,
      'query ($id: ID!) { certificate(id: $id) { id } }',
      { id: ` ${certificateId}\n` },
    );
    expect(looked.data?.certificate).toEqual({ id: certificateId });
  });

  it('report what the caller can fix as userErrors with the upstream code and the input field', async () => {
    const result = await execute<
      { certificateAliasUpdate: { certificate: null; userErrors: { code: string; field: string[] }[] } },
      unknown
    >(stack.gateway, RENAME, { input: { id: 'NoSuchId', alias: 'x' } });
    expect(result.errors).toBeUndefined();
    expect(result.data?.certificateAliasUpdate.certificate).toBeNull();
    expect(result.data?.certificateAliasUpdate.userErrors).toEqual([
      expect.objectContaining({ code: 'FailedOperation.CertificateNotFound', field: ['input', 'id'] }),
    ]);
  });

  it.each([
    ['FailedOperation.NoProjectPermission', ['input', 'projectId']],
    ['FailedOperation.RoleNotFoundAuthorization', ['input', 'ids']],
    ['FailedOperation.NoRealNameAuth', ['input', 'ids']],
  ])('answer %s, which the account owner fixes, as a userError', async (code, field) => {
    const fault = stack.emulator.faults.inject({
      action: 'ModifyCertificateProject',
      phase: 'before-handler',
      effect: { kind: 'error', code },
      times: 1,
    });
    const result = await execute<
      { certificateProjectUpdate: { userErrors: { code: string; field: string[] | null }[] } | null },
      unknown
    >(
      stack.gateway,
      `mutation ($id: ID!) {
        certificateProjectUpdate(input: { ids: [$id], projectId: "7" }) { userErrors { code field } }
      }`,
      { id: certificateId },
    );
    expect(fault.hits).toBe(1);
    expect(result.errors).toBeUndefined();
    expect(result.data?.certificateProjectUpdate?.userErrors).toEqual([{ code, field }]);
  });

  it('are refused without the ssl:write scope, before any upstream call', async () => {
    readOnly.emulator.stats.reset();
    const result = await execute(readOnly.gateway, RENAME, { input: { id: certificateId, alias: 'nope' } });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(readOnly.upstreamCalls('ModifyCertificateAlias')).toBe(0);
  });

  it('are refused before any upstream call when the payload asks for secrets the token does not grant', async () => {
    const writeOnlySession: AuthSession = { subject: 'writer', scopes: new Set(['ssl:read', 'ssl:write']) };
    const writer = await startTestStack({ gateway: { authenticate: async () => writeOnlySession } });
    try {
      const withSecrets = `mutation ($input: CertificateAliasUpdateInput!) {
        certificateAliasUpdate(input: $input) { ...Renamed userErrors { code } }
      }
      fragment Renamed on CertificateAliasUpdatePayload { certificate { id ... on Certificate { privateKeyPem } } }`;
      const refused = await execute(writer.gateway, withSecrets, {
        input: { id: certificateId, alias: 'not with secrets' },
      });
      // Nothing ran and there is no data: a request error, 4xx under application/graphql-response+json.
      expect(refused.status).toBe(403);
      expect(refused.data).toBeUndefined();
      expect(refused.errors).toEqual([
        expect.objectContaining({
          locations: [expect.objectContaining({ line: 4 })],
          message:
            'Not authorized: Certificate.privateKeyPem needs the ssl:secrets scope, which the token does not grant.',
          extensions: { code: 'FORBIDDEN' },
        }),
      ]);
      expect(writer.upstreamCalls('ModifyCertificateAlias')).toBe(0);
      // Without the secret the same mutation runs.
      const renamed = await execute(writer.gateway, RENAME, {
        input: { id: certificateId, alias: 'no secrets' },
      });
      expect(renamed.errors).toBeUndefined();
      expect(writer.upstreamCalls('ModifyCertificateAlias')).toBe(1);
      // A secret the document leaves out by its variables is not held against the caller; one it keeps is.
      const optional = `mutation ($input: CertificateAliasUpdateInput!, $withKey: Boolean!) {
        certificateAliasUpdate(input: $input) {
          certificate { id privateKeyPem @include(if: $withKey) ... @skip(if: $withKey) { alias } }
        }
      }`;
      const without = await execute(writer.gateway, optional, {
        input: { id: certificateId, alias: 'key left out' },
        withKey: false,
      });
      expect(without.errors).toBeUndefined();
      expect(writer.upstreamCalls('ModifyCertificateAlias')).toBe(2);
      const withKey = await execute(writer.gateway, optional, {
        input: { id: certificateId, alias: 'key asked for' },
        withKey: true,
      });
      expect(withKey.status).toBe(403);
      expect(writer.upstreamCalls('ModifyCertificateAlias')).toBe(2);
    } finally {
      await writer.close();
    }
  });
});

describe('calls the client refuses to send', () => {
  /** A gateway over the stack's emulator, through a client set up as `options` say. */
  async function withClient(
    options: Partial<SslClientOptions>,
    test: (gateway: ReturnType<typeof createGateway>) => Promise<void>,
  ): Promise<void> {
    const client = new SslClient({
      endpoint: stack.emulator.url,
      credentials: new StaticCredentialsProvider({
        secretId: stack.emulator.secretId,
        secretKey: stack.emulator.secretKey,
      }),
      ...options,
    });
    const gateway = createGateway({ ssl: client, logging: false, graphiql: false });
    try {
      await test(gateway);
    } finally {
      await gateway.dispose();
      await client.close();
    }
  }

  /** Renames the test's certificate through `gateway`, expecting the mutation to fail: its error. */
  async function failedRename(gateway: ReturnType<typeof createGateway>, alias: string) {
    const renamed = await execute(gateway, RENAME, { input: { id: certificateId, alias } });
    expect(renamed.data).toEqual({ certificateAliasUpdate: null });
    return renamed.errors?.[0];
  }

  it("without credentials: a typed error, the mutation not executed, the provider's reason kept back", async () => {
    const failing = {
      getCredentials: () => Promise.reject(new Error('metadata endpoint 169.254.0.23 timed out')),
    };
    const sentBefore = stack.upstreamCalls('ModifyCertificateAlias');
    await withClient({ credentials: failing }, async (gateway) => {
      const read = await execute(gateway, '{ certificates(first: 1) { totalCount } }');
      expect(read.errors?.[0]?.extensions).toMatchObject({
        code: 'UPSTREAM_CREDENTIALS_UNAVAILABLE',
        retryable: false,
      });
      const error = await failedRename(gateway, 'never sent');
      expect(error?.extensions).toMatchObject({
        code: 'UPSTREAM_CREDENTIALS_UNAVAILABLE',
        outcome: 'NOT_EXECUTED',
        retryable: false,
      });
      expect(JSON.stringify([read.errors, error])).not.toContain('169.254');
    });
    expect(stack.upstreamCalls('ModifyCertificateAlias')).toBe(sentBefore);
  });

  it("over the API's request size: a typed error naming the sizes, the mutation not executed", async () => {
    const sentBefore = stack.upstreamCalls('ModifyCertificateAlias');
    await withClient({ maxRequestBytes: 16 }, async (gateway) => {
      const error = await failedRename(gateway, 'too long to send');
      expect(error?.extensions).toMatchObject({
        code: 'UPSTREAM_REQUEST_TOO_LARGE',
        outcome: 'NOT_EXECUTED',
        retryable: false,
        limitBytes: 16,
      });
      expect(error?.extensions?.sizeBytes).toBeGreaterThan(16);
    });
    expect(stack.upstreamCalls('ModifyCertificateAlias')).toBe(sentBefore);
  });
});

describe('errors before a mutation sent anything', () => {
  it('say NOT_EXECUTED when a read the mutation makes first fails', async () => {
    const fault = stack.emulator.faults.inject({
      action: 'DescribeHostDeployRecordDetail',
      phase: 'before-handler',
      effect: { kind: 'error', code: 'AuthFailure.UnauthorizedOperation' },
      times: 1,
    });
    const sentBefore = stack.upstreamCalls('DeployCertificateRecordRetry');
    const result = await execute(
      stack.gateway,
      `mutation { deployRecordRetry(input: { deployRecordId: "1", instanceEntryId: "2" }) { userErrors { code } } }`,
    );
    expect(fault.hits).toBe(1);
    expect(result.data).toEqual({ deployRecordRetry: null });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'AuthFailure.UnauthorizedOperation',
      outcome: 'NOT_EXECUTED',
    });
    expect(stack.upstreamCalls('DeployCertificateRecordRetry')).toBe(sentBefore);
  });

  it('say NOT_EXECUTED when an input is refused while the mutation runs', async () => {
    const sentBefore = stack.upstreamCalls('UpdateCertificateInstance');
    const result = await execute(
      stack.gateway,
      `mutation ($old: ID!) {
        certificateBindingsReplace(input: {
          oldCertificateId: $old, newCertificateId: $old, resourceTypes: [CLB], creationWaitSeconds: 100000
        }) { userErrors { code } }
      }`,
      { old: certificateId },
    );
    expect(result.data).toEqual({ certificateBindingsReplace: null });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', outcome: 'NOT_EXECUTED' });
    expect(stack.upstreamCalls('UpdateCertificateInstance')).toBe(sentBefore);
  });
});
