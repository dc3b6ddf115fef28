// `certificate(id:)` starts the loads its selected children need only the ID for (src/graphql/prefetch.ts). The
// upstream here is gated: calls are recorded as they start and answered only when the test opens the gate, so
// what starts before the gate opens is exactly the first wave, however fast or slow the machine is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COMPILE_AFTER_RUNS } from '../../src/graphql/compiled-queries.ts';
import { createGateway, type Gateway } from '../../src/graphql/yoga.ts';
import type { SslActionName, SslCaller } from '../../src/ssl/actions.ts';
import { execute, type GraphQLResponse } from './support/execute.ts';
import { useTestStack } from './support/stack.ts';

const stack = useTestStack();

interface StartedCall {
  readonly action: SslActionName;
  readonly params: unknown;
}

/** An SslCaller over the stack's client that, while closed, holds every answer until `open()`. */
function gatedCaller(inner: SslCaller) {
  const started: StartedCall[] = [];
  let gate: Promise<void> = Promise.resolve();
  let open: () => void = () => undefined;
  const caller: SslCaller = {
    async call(action, params, options) {
      started.push({ action, params });
      await gate;
      return inner.call(action, params, options);
    },
  };
  return {
    caller,
    started,
    close(): void {
      started.length = 0;
      gate = new Promise<void>((resolve) => {
        open = resolve;
      });
    },
    open: () => open(),
  };
}

/** Waits until `count` calls have started, then a little longer, so that a call too many would show. */
async function firstWave(started: readonly StartedCall[], count: number): Promise<SslActionName[]> {
  for (let waited = 0; started.length < count && waited < 5_000; waited += 5) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
  return started.map((call) => call.action).sort();
}

let certificateId = '';
beforeAll(() => {
  const record = stack.emulator.state.certificates
    .all()
    .find(
      (certificate) => certificate.status === 1 && certificate.certificatePem !== null && !certificate.isSm,
    );
  if (record === undefined) throw new Error('the seed has no issued certificate');
  certificateId = record.id;
});

const gateways: Gateway[] = [];
afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.dispose()));
});

/** Sends the operation through a gateway over a gated upstream; returns what started before the gate opened. */
async function run<TData>(
  query: string,
  variables: Record<string, unknown>,
  expectedFirstWave: number,
  gated = gatedCaller(stack.client),
  gateway = gatewayOver(gated.caller),
): Promise<{ firstWave: SslActionName[]; all: StartedCall[]; result: GraphQLResponse<TData> }> {
  gated.close();
  const pending = execute<TData, Record<string, unknown>>(gateway, query, variables);
  const wave = await firstWave(gated.started, expectedFirstWave);
  gated.open();
  const result = await pending;
  return { firstWave: wave, all: [...gated.started], result };
}

function gatewayOver(ssl: SslCaller): Gateway {
  const gateway = createGateway({ logging: false, ssl });
  gateways.push(gateway);
  return gateway;
}

const CERTIFICATE_PAGE = `query ($id: ID!) { certificate(id: $id) {
  id certificatePem fingerprintSha1 x509 { serialNumber }
  deployRecords(first: 5) { totalCount edges { node { id } } }
  operationLogs(first: 5) { totalCount }
} }`;

const CERTIFICATE_PAGE_FIRST_WAVE = [
  'DescribeCertificateDetail',
  'DescribeCertificateOperateLogs',
  'DescribeCertificates',
  'DescribeHostDeployRecord',
];

describe('certificate(id:) prefetches what its children need only the ID for', () => {
  it('asks for the detail, the deploy records and the log together with the certificate', async () => {
    const {
      firstWave: wave,
      all,
      result,
    } = await run<{
      certificate: { id: string; certificatePem: string | null };
    }>(CERTIFICATE_PAGE, { id: certificateId }, 4);
    expect(wave).toEqual(CERTIFICATE_PAGE_FIRST_WAVE);
    expect(result.errors).toBeUndefined();
    expect(result.data?.certificate.id).toBe(certificateId);
    expect(result.data?.certificate.certificatePem).toContain('BEGIN CERTIFICATE');
    // The children found the loads running: nothing was asked twice.
    expect(all).toHaveLength(4);
  });

  it('prefetches the same once the operation runs compiled (graphql-jit)', async () => {
    const gated = gatedCaller(stack.client);
    const gateway = gatewayOver(gated.caller);
    // Past DEFAULT_COMPILE_AFTER_RUNS, the operation runs as a compiled function with graphql-jit's resolve info.
    for (let runs = 0; runs <= DEFAULT_COMPILE_AFTER_RUNS; runs += 1) {
      expect((await execute(gateway, CERTIFICATE_PAGE, { id: certificateId })).errors).toBeUndefined();
    }
    const compiled = await run(CERTIFICATE_PAGE, { id: certificateId }, 4, gated, gateway);
    expect(compiled.firstWave).toEqual(CERTIFICATE_PAGE_FIRST_WAVE);
    expect(compiled.all).toHaveLength(4);
    expect(compiled.result.errors).toBeUndefined();
  });

  it('follows fragments and aliases, with the arguments and @skip/@include the variables give', async () => {
    const query = `query ($id: ID!, $records: Int!, $withLogs: Boolean!) {
      certificate(id: $id) {
        ...Deployments
        ... on Certificate { recent: deployRecords(first: 1) { totalCount } }
        logs: operationLogs(first: 2) @include(if: $withLogs) { totalCount }
        skipped: x509 @skip(if: true) { serialNumber }
      }
    }
    fragment Deployments on Certificate { deployRecords(first: $records) { totalCount } }`;
    const withoutLogs = await run(query, { id: certificateId, records: 3, withLogs: false }, 3);
    expect(withoutLogs.firstWave).toEqual([
      'DescribeCertificates',
      'DescribeHostDeployRecord',
      'DescribeHostDeployRecord',
    ]);
    expect(
      withoutLogs.all
        .filter((call) => call.action === 'DescribeHostDeployRecord')
        .map((call) => (call.params as { Limit: number }).Limit)
        .sort(),
    ).toEqual([1, 3]);
    expect(withoutLogs.all).toHaveLength(3);
    expect(withoutLogs.result.errors).toBeUndefined();

    const withLogs = await run(query, { id: certificateId, records: 3, withLogs: true }, 4);
    expect(withLogs.firstWave).toContain('DescribeCertificateOperateLogs');
    expect(withLogs.all).toHaveLength(4);
  });

  it('prefetches for a certificate a federation router references through _entities', async () => {
    const {
      firstWave: wave,
      all,
      result,
    } = await run<{
      _entities: Array<{ deployRecords: { totalCount: number } } | null>;
    }>(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) {
        ... on Certificate { deployRecords(first: 2) { totalCount } operationLogs(first: 1) { totalCount } }
        ... on Manager { firstName }
      } }`,
      { representations: [{ __typename: 'Certificate', id: certificateId }] },
      3,
    );
    expect(wave).toEqual([
      'DescribeCertificateOperateLogs',
      'DescribeCertificates',
      'DescribeHostDeployRecord',
    ]);
    expect(all).toHaveLength(3);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities[0]?.deployRecords.totalCount).toBeGreaterThanOrEqual(0);
  });

  it('answers null for an unknown certificate; its prefetched loads are wasted, not errors', async () => {
    const { firstWave: wave, result } = await run<{ certificate: null }>(
      'query ($id: ID!) { certificate(id: $id) { id deployRecords(first: 5) { totalCount } } }',
      { id: 'zzzzzzzz' },
      2,
    );
    expect(wave).toEqual(['DescribeCertificates', 'DescribeHostDeployRecord']);
    expect(result.errors).toBeUndefined();
    expect(result.data?.certificate).toBeNull();
  });

  it('leaves arguments the field refuses to its resolver, which reports them', async () => {
    const { firstWave: wave, result } = await run(
      'query ($id: ID!) { certificate(id: $id) { id deployRecords(after: "not a cursor") { totalCount } } }',
      { id: certificateId },
      1,
    );
    expect(wave).toEqual(['DescribeCertificates']);
    expect(result.errors?.[0]?.path).toEqual(['certificate', 'deployRecords']);
  });

  it('does not prefetch secret fields: a caller without the scope causes no detail call', async () => {
    const readOnly = createGateway({
      logging: false,
      ssl: stack.client,
      authenticate: async () => ({ subject: 't', scopes: new Set(['ssl:read']) }),
    });
    gateways.push(readOnly);
    stack.emulator.stats.reset();
    const result = await execute(readOnly, 'query ($id: ID!) { certificate(id: $id) { id privateKeyPem } }', {
      id: certificateId,
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(stack.upstreamCalls('DescribeCertificateDetail')).toBe(0);
  });
});
