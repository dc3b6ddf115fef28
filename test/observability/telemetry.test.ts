import { createGraphQLError } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.ts';
import { createGateway } from '../../src/graphql/yoga.ts';
import { HostRefusals } from '../../src/observability/host-refusals.ts';
import { createLogger } from '../../src/observability/logger.ts';
import { Readiness } from '../../src/observability/readiness.ts';
import { GatewayTelemetry } from '../../src/observability/telemetry.ts';
import type { SslCaller } from '../../src/ssl/actions.ts';
import { SslClient } from '../../src/ssl/client.ts';
import { StaticCredentialsProvider } from '../../src/ssl/credentials.ts';
import { testAuthenticator, tokenWithScopes } from '../security/support/tokens.ts';
import { seededCertificateIds } from '../support/emulator.ts';
import { MemoryLog, type ObservedStack, startObservedStack } from './observed-stack.ts';

let stack: ObservedStack;
let seededIds: string[];

beforeAll(async () => {
  stack = await startObservedStack();
  seededIds = seededCertificateIds(stack.emulator, 3);
});
afterAll(async () => {
  await stack?.close();
});

async function scrape(): Promise<string> {
  const response = await stack.gateway.fetch('http://gateway.test/metrics');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

/** The value of one series, e.g. `ssl_graph_upstream_calls_total{action="X",outcome="ok"}`. */
function sample(exposition: string, series: string): number | undefined {
  const line = exposition.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('one log line per GraphQL operation', () => {
  it('names the operation and lists the upstream calls made for it with their request ids', async () => {
    const before = stack.log.operations().length;
    const result = await stack.graphql(
      `query TwoById { first: certificate(id: "${seededIds[0]}") { id } second: certificate(id: "${seededIds[1]}") { id } }`,
    );
    expect(result.errors).toBeUndefined();
    const lines = stack.log.operations().slice(before);
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line).toMatchObject({
      level: 30,
      operationName: 'TwoById',
      operationType: 'query',
      upstreamCallCount: 1,
      upstreamCalls: [{ action: 'DescribeCertificates', outcome: 'ok', requestId: expect.any(String) }],
    });
    expect(line?.durationMs).toBeTypeOf('number');
    expect(line).not.toHaveProperty('errorCodes');
  });

  it('gives concurrent operations their own calls, a call shared in flight to each of them', async () => {
    const before = stack.log.operations().length;
    // Slow enough that the second listing arrives while the first one's call is in flight.
    stack.emulator.faults.setLatencyForEveryCall(100);
    const results = await Promise.all([
      stack.graphql('query SharedA { certificates(first: 3) { totalCount } }'),
      stack.graphql('query SharedB { certificates(first: 3) { totalCount } }'),
      stack.graphql('query Own { certificates(first: 2) { totalCount } }'),
    ]).finally(() => stack.emulator.faults.setLatencyForEveryCall(0));
    for (const result of results) expect(result.errors).toBeUndefined();
    const lines = stack.log.operations().slice(before);
    const byName = (name: string) => lines.find((line) => line.operationName === name);
    for (const line of [byName('SharedA'), byName('SharedB')]) {
      expect(line).toMatchObject({
        upstreamCallCount: 1,
        upstreamCalls: [{ action: 'DescribeCertificates' }],
      });
    }
    // The two identical listings went upstream once: one of them started the call, the other joined it.
    const firstCall = (name: string) =>
      ((byName(name)?.upstreamCalls ?? []) as Array<{ coalesced?: boolean }>)[0];
    const joined = ['SharedA', 'SharedB'].map((name) => firstCall(name)?.coalesced === true);
    expect(joined.sort()).toEqual([false, true]);
    expect(byName('Own')).toMatchObject({
      upstreamCallCount: 1,
      upstreamCalls: [{ action: 'DescribeCertificates' }],
    });
    expect(firstCall('Own')).not.toHaveProperty('coalesced');
  });

  it('carries upstream error codes and the GraphQL error codes clients saw', async () => {
    stack.emulator.faults.inject({
      action: 'DescribeCertificates',
      phase: 'before-handler',
      effect: { kind: 'error', code: 'FailedOperation' },
      times: 1,
    });
    const before = stack.log.operations().length;
    const result = await stack.graphql('query Failing { certificates(first: 1) { totalCount } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('FailedOperation');
    const [line] = stack.log.operations().slice(before);
    expect(line).toMatchObject({
      level: 40,
      operationName: 'Failing',
      upstreamCalls: [
        { action: 'DescribeCertificates', outcome: expect.any(String), errorCode: 'FailedOperation' },
      ],
      errorCodes: ['FailedOperation'],
    });
  });

  it('logs validation failures without upstream calls', async () => {
    const before = stack.log.operations().length;
    await stack.graphql('query Broken { noSuchField }');
    const [line] = stack.log.operations().slice(before);
    expect(line).toMatchObject({
      operationName: 'Broken',
      upstreamCallCount: 0,
      errorCodes: ['GRAPHQL_VALIDATION_FAILED'],
    });
  });
});

describe('masked errors', () => {
  it('answer with an error id that the log line and the logged cause share', async () => {
    const log = new MemoryLog();
    const telemetry = new GatewayTelemetry({ logger: createLogger({ level: 'info', destination: log }) });
    const broken: SslCaller = {
      call: async () => {
        throw new TypeError('a bug in the gateway');
      },
    };
    const gateway = createGateway({ ssl: broken, telemetry });
    const response = await gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query Buggy { certificates(first: 1) { totalCount } }' }),
    });
    const body = (await response.json()) as {
      errors: Array<{ message: string; extensions: Record<string, unknown> }>;
    };
    const errorId = body.errors[0]?.extensions.errorId;
    expect(body.errors[0]?.message).toBe('Unexpected error.');
    expect(errorId).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
    const records = log.records();
    const cause = records.filter((record) => String(record.msg).includes(String(errorId)));
    expect(cause).toHaveLength(1);
    expect(JSON.stringify(cause[0])).toContain('a bug in the gateway');
    expect(log.operations()).toEqual([
      expect.objectContaining({ level: 50, errorIds: [errorId], errorCodes: ['INTERNAL_SERVER_ERROR'] }),
    ]);
    // Yoga logs the masked original too; that duplicate is dropped.
    expect(records.filter((record) => JSON.stringify(record).includes('a bug in the gateway'))).toHaveLength(
      1,
    );
    await gateway.dispose();
  });

  it('stay masked with NODE_ENV=development: no message or stack of the cause reaches the client', async () => {
    const broken: SslCaller = {
      call: async () => {
        throw new TypeError('internal detail the client must not see');
      },
    };
    const gateway = createGateway({ ssl: broken, logging: false });
    const nodeEnv = process.env.NODE_ENV;
    // Yoga's own masking adds the original error (message and stack) to the answer in development.
    process.env.NODE_ENV = 'development';
    try {
      const response = await gateway.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query Buggy { certificates(first: 1) { totalCount } }' }),
      });
      const text = await response.text();
      expect(text).toContain('Unexpected error.');
      expect(text).not.toContain('internal detail');
      expect(text).not.toContain('originalError');
    } finally {
      if (nodeEnv === undefined) Reflect.deleteProperty(process.env, 'NODE_ENV');
      else process.env.NODE_ENV = nodeEnv;
      await gateway.dispose();
    }
  });
});

describe('GET /metrics', () => {
  it('counts operations, errors, upstream calls and DataLoader batch sizes', async () => {
    const exposition = await scrape();
    expect(
      sample(
        exposition,
        'ssl_graph_graphql_operations_total{operation_name="TwoById",operation_type="query"}',
      ),
    ).toBe(1);
    expect(
      sample(
        exposition,
        'ssl_graph_graphql_errors_total{operation_name="Failing",operation_type="query",code="FailedOperation"}',
      ),
    ).toBe(1);
    expect(
      sample(exposition, 'ssl_graph_upstream_calls_total{action="DescribeCertificates",outcome="ok"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(
        exposition,
        'ssl_graph_upstream_call_duration_seconds_count{action="DescribeCertificates",outcome="ok"}',
      ),
    ).toBeGreaterThanOrEqual(1);
    // The two aliased certificate(id:) fields went upstream as one batch of two IDs.
    expect(sample(exposition, 'ssl_graph_dataloader_batch_size_sum{loader="certificates.byId"}')).toBe(2);
    expect(sample(exposition, 'ssl_graph_dataloader_batch_size_count{loader="certificates.byId"}')).toBe(1);
    expect(sample(exposition, 'ssl_graph_upstream_rate_limit_queue_depth')).toBe(0);
    expect(exposition).toContain('# TYPE ssl_graph_upstream_rate_limit_wait_seconds histogram');
    expect(exposition).toContain('# TYPE ssl_graph_upstream_retries_total counter');
  });

  it('counts retries and rate-limit waits reported by the client', async () => {
    stack.emulator.faults.inject({
      action: 'DescribeCertificates',
      phase: 'before-handler',
      effect: { kind: 'http-status', status: 503 },
      times: 1,
    });
    const result = await stack.graphql(
      'query Retried { certificates(first: 2, after: null) { totalCount } }',
    );
    expect(result.errors).toBeUndefined();
    // More calls than the client-side bucket holds: the later ones queue behind the rate limiter.
    const burst = Array.from({ length: 20 }, (_, index) =>
      stack.client.call('DescribeCertificates', { Offset: index, Limit: 1 }),
    );
    await Promise.all(burst);
    const exposition = await scrape();
    expect(sample(exposition, 'ssl_graph_upstream_retries_total{action="DescribeCertificates"}')).toBe(1);
    expect(
      sample(exposition, 'ssl_graph_upstream_rate_limit_wait_seconds_count{action="DescribeCertificates"}'),
    ).toBeGreaterThan(0);
  });

  it('lets only operations that executed add operation names: refused callers cannot use up the labels', async () => {
    const gateway = createGateway({
      ssl: stack.client,
      logging: false,
      authenticate: async (request) => {
        if (request.headers.get('authorization') !== 'Bearer good') {
          throw createGraphQLError('Unauthorized', { extensions: { http: { status: 401 } } });
        }
        return { subject: 'tester', scopes: new Set(['ssl:read']) };
      },
    });
    const post = (query: string, authorization?: string) =>
      gateway.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          ...(authorization === undefined ? {} : { authorization }),
        },
        body: JSON.stringify({ query }),
      });
    try {
      for (let index = 0; index < 250; index += 1) {
        expect((await post(`query Flood${index} { __typename }`)).status).toBe(401);
      }
      expect((await post('query Legit { __typename }', 'Bearer good')).status).toBe(200);
      // An invalid operation of an authenticated caller does not execute either.
      expect((await post('query Typo { __typenam }', 'Bearer good')).status).toBe(400);
      const exposition = await (await gateway.fetch('http://gateway.test/metrics')).text();
      const operations = (name: string, type = 'query') =>
        sample(
          exposition,
          `ssl_graph_graphql_operations_total{operation_name="${name}",operation_type="${type}"}`,
        );
      // Refused before their documents were read (no token): neither name nor type is known.
      expect(operations('refused', 'unknown')).toBe(250);
      expect(operations('refused')).toBe(1);
      expect(operations('Legit')).toBe(1);
      expect(exposition).not.toContain('Flood');
      expect(exposition).not.toContain('Typo');
    } finally {
      await gateway.dispose();
    }
  });

  it('keeps each gateway in its own registry', async () => {
    const other = createGateway({ ssl: stack.client, logging: false });
    const exposition = await (await other.fetch('http://gateway.test/metrics')).text();
    expect(exposition).toContain('# TYPE ssl_graph_graphql_operations_total counter');
    expect(exposition).not.toContain('operation_name="TwoById"');
    await other.dispose();
  });
});

describe('GET /ready', () => {
  it('is 200 while the upstream answers', async () => {
    const response = await stack.gateway.fetch('http://gateway.test/ready');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready' });
  });

  it('is 503 without error details when the upstream is unreachable', async () => {
    const unreachable: SslCaller = {
      call: async () => {
        throw new Error('connect ECONNREFUSED 10.1.2.3:443 with secret details');
      },
    };
    const gateway = createGateway({ ssl: unreachable, logging: false });
    const response = await gateway.fetch('http://gateway.test/ready');
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ status: 'upstream-unreachable' });
    expect(text).not.toContain('ECONNREFUSED');
    await gateway.dispose();
  });

  it('answers within its bound while the upstream hangs, and shutting down frees the probe’s connection', async () => {
    const emulator = await startEmulator({ seed: true });
    const client = new SslClient({
      endpoint: emulator.url,
      credentials: new StaticCredentialsProvider({
        secretId: emulator.secretId,
        secretKey: emulator.secretKey,
      }),
    });
    const readiness = new Readiness({ ssl: client, logger: createLogger({ level: 'silent' }) });
    const gateway = createGateway({ ssl: client, readiness, logging: false });
    try {
      emulator.faults.inject({ action: '*', phase: 'before-handler', effect: { kind: 'hang' } });
      // Before: 21 s (two 10 s header timeouts), longer than any orchestrator's probe timeout.
      const response = await gateway.fetch('http://gateway.test/ready', {
        signal: AbortSignal.timeout(5_000),
      });
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'starting' });
      readiness.markShuttingDown();
      // Closes once no call is in flight: the probe's was aborted, not left to its timeouts.
      await client.close();
      expect((await gateway.fetch('http://gateway.test/ready')).status).toBe(503);
    } finally {
      await gateway.dispose();
      // Ends whatever the client still holds, should the test fail before closing it.
      await emulator.close();
    }
  });

  it('is 503 upstream-credentials-refused when the upstream answers but refuses the credentials', async () => {
    const wrongCredentials = new SslClient({
      endpoint: stack.emulator.url,
      credentials: new StaticCredentialsProvider({ secretId: 'AKIDnotknown', secretKey: 'wrong-key' }),
    });
    const gateway = createGateway({ ssl: wrongCredentials, logging: false });
    const response = await gateway.fetch('http://gateway.test/ready');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'upstream-credentials-refused' });
    await gateway.dispose();
    await wrongCredentials.close();
  });
});

describe('request ids, callers and refused hosts', () => {
  it('gives every request an id, answered in X-Request-Id and written on its operation line; a well-formed incoming one is kept', async () => {
    const before = stack.log.operations().length;
    const post = (headers: Record<string, string>) =>
      stack.gateway.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: 'query WithId { __typename }' }),
      });
    const generated = await post({});
    const kept = await post({ 'x-request-id': 'edge-7f3a.42' });
    const replaced = await post({ 'x-request-id': 'two words\u0007' });
    const generatedId = generated.headers.get('x-request-id');
    expect(generatedId).toMatch(/^[0-9a-f-]{36}$/);
    expect(kept.headers.get('x-request-id')).toBe('edge-7f3a.42');
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const lines = stack.log.operations().slice(before);
    expect(lines.map((line) => line.requestId)).toEqual([
      generatedId,
      'edge-7f3a.42',
      replaced.headers.get('x-request-id'),
    ]);
    // Not only GraphQL: the probes and the scrape answer one too.
    expect(
      (await stack.gateway.fetch('http://gateway.test/health')).headers.get('x-request-id'),
    ).toBeTruthy();
  });

  it('names the authenticated caller (the token’s subject, never the token) on the operation line', async () => {
    const log = new MemoryLog();
    const telemetry = new GatewayTelemetry({ logger: createLogger({ level: 'info', destination: log }) });
    const gateway = createGateway({ ssl: stack.client, telemetry, authenticate: testAuthenticator() });
    try {
      const token = await tokenWithScopes(['ssl:read', 'ssl:secrets'], 'auditor@example.com');
      const response = await gateway.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: `query ReadCertificate { certificate(id: "${seededIds[0]}") { id } }`,
        }),
      });
      expect(response.status).toBe(200);
      const anonymous = await gateway.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query NoToken { __typename }' }),
      });
      expect(anonymous.status).toBe(401);
      const [read, refused] = log.operations();
      expect(read).toMatchObject({ operationName: 'ReadCertificate', subject: 'auditor@example.com' });
      // Refused before its body is read: no operation name is known.
      expect(refused).toMatchObject({ operationName: null });
      expect(refused).not.toHaveProperty('subject');
      expect(log.lines.join('\n')).not.toContain(token);
    } finally {
      await gateway.dispose();
    }
  });

  it('logs a refused host at warn, once per interval, and counts every refusal', async () => {
    const log = new MemoryLog();
    const telemetry = new GatewayTelemetry({ logger: createLogger({ level: 'info', destination: log }) });
    const gateway = createGateway({
      ssl: stack.client,
      telemetry,
      security: { hosts: { kind: 'listed', hosts: ['gateway.example'] } },
    });
    try {
      for (const host of ['rebound.attacker.example', 'forgotten.internal']) {
        const response = await gateway.fetch(`http://${host}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-request-id': `refused-${host}` },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
        expect(response.status).toBe(403);
        expect(response.headers.get('x-request-id')).toBe(`refused-${host}`);
      }
      const answered = await gateway.fetch('http://gateway.example/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(answered.status).toBe(200);
      const warnings = log.records().filter((record) => record.code === 'HOST_NOT_ALLOWED');
      expect(warnings).toEqual([
        expect.objectContaining({
          level: 40,
          host: 'rebound.attacker.example',
          requestId: 'refused-rebound.attacker.example',
          refused: 1,
        }),
      ]);
      const exposition = await (await gateway.fetch('http://127.0.0.1/metrics')).text();
      expect(sample(exposition, 'ssl_graph_http_requests_refused_total{code="HOST_NOT_ALLOWED"}')).toBe(2);
    } finally {
      await gateway.dispose();
    }
  });

  it('logs the next refusal once the interval has passed, with how many went unlogged', () => {
    const log = new MemoryLog();
    const metrics = new GatewayTelemetry().metrics;
    let now = 0;
    const refusals = new HostRefusals(createLogger({ level: 'info', destination: log }), metrics, {
      now: () => now,
      intervalMs: 60_000,
    });
    refusals.record('a.example', 'r1');
    now = 59_999;
    refusals.record('b.example', 'r2');
    refusals.record('c.example', 'r3');
    now = 60_000;
    refusals.record('d.example', 'r4');
    expect(log.records().map((record) => [record.host, record.refused])).toEqual([
      ['a.example', 1],
      ['d.example', 3],
    ]);
  });
});
