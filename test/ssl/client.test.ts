import { getEventListeners } from 'node:events';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SslCallEvent } from '../../src/ssl/actions.ts';
import { SslClient, type SslClientOptions, type SslRateLimitWaitEvent } from '../../src/ssl/client.ts';
import { SslCredentials, StaticCredentialsProvider } from '../../src/ssl/credentials.ts';
import {
  SslAbortedError,
  SslApiError,
  SslError,
  SslHttpStatusError,
  SslInvalidRequestError,
  SslInvalidResponseError,
  SslNetworkError,
  SslRateLimitQueueError,
  SslRequestTooLargeError,
  SslTimeoutError,
} from '../../src/ssl/errors.ts';
import { abortableSleep } from '../../src/ssl/retry.ts';
import { type DoubleCredentials, type DoubleReply, UpstreamDouble } from '../support/upstream-double.ts';

const SECRET_ID = 'AKIDclienttest0000000000000000001';
const SECRET_KEY = 'client-test-secret-key-0123456789';
const SESSION_TOKEN = 'sts-session-token-abcdefghijklmnop';
const PRIVATE_KEY =
  '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7secretmaterial\n-----END PRIVATE KEY-----';

const resources: Array<{ close(): Promise<void> }> = [];

afterEach(async () => {
  for (const resource of resources.splice(0).reverse()) await resource.close();
});

async function startDouble(
  options: {
    credentials?: DoubleCredentials[];
    clockOffsetMs?: number;
    rateLimits?: Record<string, number>;
  } = {},
): Promise<UpstreamDouble> {
  const double = await UpstreamDouble.start({
    credentials: options.credentials ?? [{ secretId: SECRET_ID, secretKey: SECRET_KEY }],
    clockOffsetMs: options.clockOffsetMs ?? 0,
    rateLimits: options.rateLimits ?? {},
  });
  resources.push(double);
  return double;
}

interface Harness {
  client: SslClient;
  events: SslCallEvent[];
  waits: SslRateLimitWaitEvent[];
}

function makeClient(double: UpstreamDouble, overrides: Partial<SslClientOptions> = {}): Harness {
  const events: SslCallEvent[] = [];
  const waits: SslRateLimitWaitEvent[] = [];
  const client = new SslClient({
    endpoint: double.endpoint,
    credentials: new StaticCredentialsProvider({ secretId: SECRET_ID, secretKey: SECRET_KEY }),
    retry: { random: () => 0.5, sleep: (_ms, signal) => abortableSleep(1, signal) },
    onCall: (event) => events.push(event),
    onRateLimitWait: (event) => waits.push(event),
    ...overrides,
  });
  resources.push(client);
  return { client, events, waits };
}

function sequenceOf(...replies: DoubleReply[]): (request: { sequence: number }) => DoubleReply {
  return ({ sequence }) => replies[Math.min(sequence, replies.length) - 1] ?? { kind: 'ok' };
}

async function rejectionOf(promise: Promise<unknown>): Promise<SslError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SslError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('SslClient at the HTTP boundary', () => {
  it('sends a TC3-signed JSON POST that an independent verifier accepts, Host signed with its port', async () => {
    const double = await startDouble();
    double.on('DescribeCertificates', () => ({ kind: 'ok', fields: { TotalCount: 0, Certificates: [] } }));
    const { client, events } = makeClient(double, { region: 'ap-guangzhou', language: 'en-US' });

    const response = await client.call('DescribeCertificates', { Limit: 5 });

    expect(response.TotalCount).toBe(0);
    expect(double.signatureFailures).toBe(0);
    const [request] = double.requests;
    expect(request?.headers.host).toBe(`127.0.0.1:${double.port}`);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['x-tc-version']).toBe('2019-12-05');
    expect(request?.headers['x-tc-region']).toBe('ap-guangzhou');
    expect(request?.headers['x-tc-language']).toBe('en-US');
    expect(request?.headers['x-tc-token']).toBeUndefined();
    expect(String(request?.headers.authorization)).toContain('SignedHeaders=content-type;host;x-tc-action,');
    expect(request?.params).toEqual({ Limit: 5 });
    expect(events).toEqual([
      expect.objectContaining({
        action: 'DescribeCertificates',
        outcome: 'ok',
        retries: 0,
        coalesced: false,
      }),
    ]);
    expect(events[0]?.requestId).toMatch(/^double-/);
  });

  it("reports each call to the caller's own observer too; an observer that throws fails nothing", async () => {
    const double = await startDouble();
    double.on('DescribeCertificates', () => ({ kind: 'ok', fields: { TotalCount: 0, Certificates: [] } }));
    const { client, events } = makeClient(double);
    const mine: SslCallEvent[] = [];

    await client.call('DescribeCertificates', { Limit: 1 }, { onCall: (event) => mine.push(event) });
    await client.call(
      'DescribeCertificates',
      { Limit: 2 },
      {
        onCall: () => {
          throw new Error('a broken observer');
        },
      },
    );

    expect(mine).toEqual([expect.objectContaining({ action: 'DescribeCertificates', outcome: 'ok' })]);
    expect(mine[0]).toBe(events[0]);
    expect(events).toHaveLength(2);
  });

  it('sends the session token as X-TC-Token', async () => {
    const double = await startDouble({
      credentials: [{ secretId: SECRET_ID, secretKey: SECRET_KEY, sessionToken: SESSION_TOKEN }],
    });
    const { client } = makeClient(double, {
      credentials: new StaticCredentialsProvider({
        secretId: SECRET_ID,
        secretKey: SECRET_KEY,
        sessionToken: SESSION_TOKEN,
      }),
    });
    await client.call('DescribeCertificates', {});
    expect(double.requests[0]?.headers['x-tc-token']).toBe(SESSION_TOKEN);
    expect(double.signatureFailures).toBe(0);
  });

  it('sends a per-call region instead of the client default, and omits it when neither is set', async () => {
    const double = await startDouble();
    const { client } = makeClient(double);
    await client.call(
      'DeployCertificateInstance',
      { CertificateId: 'x', InstanceIdList: ['lb-1|lbl-1'], ResourceType: 'clb' },
      { region: 'ap-shanghai' },
    );
    await client.call('DescribeCertificates', {});
    expect(double.requests[0]?.headers['x-tc-region']).toBe('ap-shanghai');
    expect(double.requests[1]?.headers['x-tc-region']).toBeUndefined();
    expect(double.signatureFailures).toBe(0);
  });

  it('reports a wrong secret key as a non-retried auth error', async () => {
    const double = await startDouble();
    const { client } = makeClient(double, {
      credentials: new StaticCredentialsProvider({ secretId: SECRET_ID, secretKey: 'not-the-right-key' }),
    });
    const error = await rejectionOf(client.call('DescribeCertificates', {}));
    expect(error).toBeInstanceOf(SslApiError);
    expect(error.code).toBe('AuthFailure.SignatureFailure');
    expect(error.category).toBe('auth');
    expect(double.count('DescribeCertificates')).toBe(1);
  });
});

describe('retries', () => {
  it('retries a read on transient API errors and reports the retry count', async () => {
    const double = await startDouble();
    double.on(
      'DescribeCertificates',
      sequenceOf(
        { kind: 'error', code: 'InternalError' },
        { kind: 'error', code: 'FailedOperation.NetworkError' },
        {
          kind: 'ok',
          fields: { TotalCount: 3 },
        },
      ),
    );
    const { client, events } = makeClient(double);
    const response = await client.call('DescribeCertificates', {});
    expect(response.TotalCount).toBe(3);
    expect(double.count('DescribeCertificates')).toBe(3);
    expect(events[0]).toMatchObject({ outcome: 'ok', retries: 2 });
  });

  it('gives up after the bounded number of retries with a typed HTTP 5xx error', async () => {
    const double = await startDouble();
    double.on('DescribeCertificates', () => ({ kind: 'http', status: 503, body: '<html>busy</html>' }));
    const { client, events } = makeClient(double, {
      retry: { maxRetries: 2, random: () => 0, sleep: (_ms, signal) => abortableSleep(1, signal) },
    });
    const error = await rejectionOf(client.call('DescribeCertificates', {}));
    expect(error).toBeInstanceOf(SslHttpStatusError);
    expect((error as SslHttpStatusError).status).toBe(503);
    expect(double.count('DescribeCertificates')).toBe(3);
    expect(events[0]).toMatchObject({ outcome: 'transient', retries: 2, errorName: 'SslHttpStatusError' });
  });

  it('turns a non-JSON 200 body into SslInvalidResponseError', async () => {
    const double = await startDouble();
    double.on('DescribeCertificates', () => ({
      kind: 'http',
      status: 200,
      body: 'gateway says hi',
      contentType: 'text/plain',
    }));
    const { client } = makeClient(double, { retry: { maxRetries: 0 } });
    const error = await rejectionOf(client.call('DescribeCertificates', {}));
    expect(error).toBeInstanceOf(SslInvalidResponseError);
    expect((error as SslInvalidResponseError).reason).toBe('not-json');
    expect(error.message).not.toContain('gateway says hi');
  });

  it('does not send a mutation twice when its response timed out after it was sent', async () => {
    const double = await startDouble();
    let answered: () => void = () => {};
    const upstreamAnswered = new Promise<void>((resolve) => {
      answered = resolve;
    });
    // undici checks headersTimeout on a coarse (~0.5-1 s) timer, so the upstream stalls well beyond that.
    double.on('ApplyCertificate', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      answered();
      return { kind: 'ok', fields: { CertificateId: 'x' } };
    });
    const { client, events } = makeClient(double, { timeouts: { headersMs: 100 } });
    const error = await rejectionOf(
      client.call('ApplyCertificate', { DvAuthMethod: 'DNS', DomainName: 'example.com' }),
    );
    expect(error).toBeInstanceOf(SslTimeoutError);
    expect((error as SslTimeoutError).phase).toBe('headers');
    expect(error.provablyNotExecuted).toBe(false);
    await upstreamAnswered;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(double.count('ApplyCertificate')).toBe(1);
    expect(events[0]).toMatchObject({ outcome: 'transient', retries: 0 });
  });

  it('retries a read whose response timed out', async () => {
    const double = await startDouble();
    double.on(
      'DescribeCertificates',
      sequenceOf({ kind: 'hang' }, { kind: 'ok', fields: { TotalCount: 1 } }),
    );
    const { client } = makeClient(double, { timeouts: { headersMs: 100 } });
    const response = await client.call('DescribeCertificates', {});
    expect(response.TotalCount).toBe(1);
    expect(double.count('DescribeCertificates')).toBe(2);
  });

  it('retries a throttled mutation, which the upstream did not execute', async () => {
    const double = await startDouble();
    double.on(
      'ApplyCertificate',
      sequenceOf(
        { kind: 'error', code: 'RequestLimitExceeded' },
        { kind: 'ok', fields: { CertificateId: 'abc' } },
      ),
    );
    const { client, events } = makeClient(double);
    const response = await client.call('ApplyCertificate', {
      DvAuthMethod: 'DNS',
      DomainName: 'example.com',
    });
    expect(response.CertificateId).toBe('abc');
    expect(double.count('ApplyCertificate')).toBe(2);
    expect(events[0]).toMatchObject({ outcome: 'ok', retries: 1 });
  });

  it('does not retry a mutation after an InternalError or a reset connection', async () => {
    const double = await startDouble();
    double.on('ApplyCertificate', () => ({ kind: 'error', code: 'InternalError' }));
    double.on('DeleteCertificate', () => ({ kind: 'reset' }));
    const { client } = makeClient(double);
    const internal = await rejectionOf(
      client.call('ApplyCertificate', { DvAuthMethod: 'DNS', DomainName: 'a.com' }),
    );
    expect(internal.code).toBe('InternalError');
    const reset = await rejectionOf(client.call('DeleteCertificate', { CertificateId: 'c1' }));
    expect(reset).toBeInstanceOf(SslNetworkError);
    expect((reset as SslNetworkError).mayHaveReachedServer).toBe(true);
    expect(double.count('ApplyCertificate')).toBe(1);
    expect(double.count('DeleteCertificate')).toBe(1);
  });

  it('retries a read after a reset connection', async () => {
    const double = await startDouble();
    double.on(
      'DescribeCertificates',
      sequenceOf({ kind: 'reset' }, { kind: 'ok', fields: { TotalCount: 7 } }),
    );
    const { client } = makeClient(double);
    const response = await client.call('DescribeCertificates', {});
    expect(response.TotalCount).toBe(7);
    expect(double.count('DescribeCertificates')).toBe(2);
  });

  it('retries a mutation whose connection was refused before anything was sent', async () => {
    const double = await startDouble();
    const endpoint = double.endpoint;
    await double.close();
    resources.splice(resources.indexOf(double), 1);
    const { client, events } = makeClient(double, {
      endpoint,
      retry: { maxRetries: 2, sleep: (_ms, s) => abortableSleep(1, s) },
    });
    const error = await rejectionOf(
      client.call('ApplyCertificate', { DvAuthMethod: 'DNS', DomainName: 'a.com' }),
    );
    expect(error).toBeInstanceOf(SslNetworkError);
    expect((error as SslNetworkError).mayHaveReachedServer).toBe(false);
    expect((error as SslNetworkError).causeCode).toBe('ECONNREFUSED');
    expect(events[0]).toMatchObject({ outcome: 'transient', retries: 2 });
  });
});

describe('rate limiting', () => {
  it('spreads 25 concurrent calls so a double enforcing the quota per 1-second window rejects none', async () => {
    const double = await startDouble({ rateLimits: { CheckCertificateChain: 20 } });
    const { client, waits } = makeClient(double, { retry: { maxRetries: 0 } });
    const calls = Array.from({ length: 25 }, (_, index) =>
      client.call('CheckCertificateChain', { CertificateChain: `chain-${index}` }),
    );
    const results = await Promise.allSettled(calls);
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    expect(double.count('CheckCertificateChain')).toBe(25);
    expect(double.rejectedByRateLimit).toBe(0);
    expect(waits.length).toBeGreaterThan(0);
  });

  it('refuses calls beyond the queue length with a typed error, without sending them', async () => {
    const double = await startDouble();
    const { client } = makeClient(double, { rateLimit: { burst: 1, maxQueueLength: 2 } });
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, index) =>
        client.call('DescribeCertificateDetail', { CertificateId: `c${index}` }),
      ),
    );
    const refused = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
    expect(refused).toHaveLength(3);
    for (const reason of refused) {
      expect(reason).toBeInstanceOf(SslRateLimitQueueError);
      expect((reason as SslRateLimitQueueError).reason).toBe('queue-full');
    }
    expect(double.count('DescribeCertificateDetail')).toBe(3);
  });

  it('refuses a call whose expected wait exceeds the deadline', async () => {
    const double = await startDouble();
    const { client, events } = makeClient(double, { rateLimit: { burst: 1, maxWaitMs: 50 } });
    const first = client.call('DescribeCertificateDetail', { CertificateId: 'a' });
    const second = rejectionOf(client.call('DescribeCertificateDetail', { CertificateId: 'b' }));
    await first;
    const error = await second;
    expect(error).toBeInstanceOf(SslRateLimitQueueError);
    expect((error as SslRateLimitQueueError).reason).toBe('deadline');
    expect(double.count('DescribeCertificateDetail')).toBe(1);
    expect(events.map((event) => event.outcome).sort()).toEqual(['ok', 'rate-limit']);
  });

  it('removes an aborted waiter from the queue without sending it', async () => {
    const double = await startDouble();
    const { client } = makeClient(double, { rateLimit: { burst: 1 } });
    await client.call('DescribeCertificateDetail', { CertificateId: 'a' });
    const controller = new AbortController();
    const waiting = rejectionOf(
      client.call('DescribeCertificateDetail', { CertificateId: 'b' }, { signal: controller.signal }),
    );
    controller.abort();
    expect(await waiting).toBeInstanceOf(SslAbortedError);
    await client.call('DescribeCertificateDetail', { CertificateId: 'c' });
    expect(double.requests.map((request) => request.params)).toEqual([
      { CertificateId: 'a' },
      { CertificateId: 'c' },
    ]);
  });
});

describe('coalescing', () => {
  it('shares one upstream request among 10 identical concurrent reads', async () => {
    const double = await startDouble();
    double.on('DescribeCertificates', () => ({
      kind: 'delay',
      ms: 50,
      reply: { kind: 'ok', fields: { TotalCount: 9 } },
    }));
    const { client, events } = makeClient(double);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        client.call(
          'DescribeCertificates',
          index % 2 === 0 ? { Limit: 10, Offset: 0 } : { Offset: 0, Limit: 10 },
        ),
      ),
    );
    expect(results.map((result) => result.TotalCount)).toEqual(Array(10).fill(9));
    expect(double.count('DescribeCertificates')).toBe(1);
    expect(events.filter((event) => event.coalesced)).toHaveLength(9);
  });

  it('sends reads with different params separately and never coalesces mutations', async () => {
    const double = await startDouble();
    double.on('DescribeCertificates', () => ({ kind: 'delay', ms: 30, reply: { kind: 'ok' } }));
    double.on('ModifyCertificateAlias', () => ({ kind: 'delay', ms: 30, reply: { kind: 'ok' } }));
    const { client } = makeClient(double);
    await Promise.all([
      client.call('DescribeCertificates', { Limit: 10 }),
      client.call('DescribeCertificates', { Limit: 20 }),
      client.call('ModifyCertificateAlias', { CertificateId: 'c1', Alias: 'x' }),
      client.call('ModifyCertificateAlias', { CertificateId: 'c1', Alias: 'x' }),
    ]);
    expect(double.count('DescribeCertificates')).toBe(2);
    expect(double.count('ModifyCertificateAlias')).toBe(2);
  });

  it('lets one caller abort without cancelling the shared request for the others', async () => {
    const double = await startDouble();
    double.on('DescribeCertificates', () => ({
      kind: 'delay',
      ms: 80,
      reply: { kind: 'ok', fields: { TotalCount: 4 } },
    }));
    const { client } = makeClient(double);
    const controller = new AbortController();
    const aborted = rejectionOf(client.call('DescribeCertificates', {}, { signal: controller.signal }));
    const others = [client.call('DescribeCertificates', {}), client.call('DescribeCertificates', {})];
    setTimeout(() => controller.abort(), 10);
    expect(await aborted).toBeInstanceOf(SslAbortedError);
    expect((await Promise.all(others)).map((result) => result.TotalCount)).toEqual([4, 4]);
    expect(double.count('DescribeCertificates')).toBe(1);
  });

  it('aborts an in-flight request when its only caller aborts', async () => {
    const double = await startDouble();
    double.on('DescribeCertificates', () => ({ kind: 'hang' }));
    const { client, events } = makeClient(double);
    const controller = new AbortController();
    const pending = rejectionOf(client.call('DescribeCertificates', {}, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 30);
    expect(await pending).toBeInstanceOf(SslAbortedError);
    expect(events[0]).toMatchObject({ outcome: 'aborted' });
  });
});

describe('one signal for many calls', () => {
  it('runs 30 calls at once on one signal with one listener on it, and aborts every one with it', async () => {
    const double = await startDouble();
    double.on('DescribeCertificateDetail', () => ({ kind: 'hang' }));
    // Some sent, the others queued in the rate limiter: each kind of wait listens for the abort.
    const { client } = makeClient(double);
    const warnings: Error[] = [];
    const onWarning = (warning: Error): void => {
      warnings.push(warning);
    };
    process.on('warning', onWarning);
    try {
      const controller = new AbortController();
      const calls = Array.from({ length: 30 }, (_, index) =>
        rejectionOf(
          client.call(
            'DescribeCertificateDetail',
            { CertificateId: `c${index}` },
            { signal: controller.signal },
          ),
        ),
      );
      await vi.waitFor(() => expect(double.count('DescribeCertificateDetail')).toBeGreaterThan(0));
      expect(client.rateLimitQueueDepth).toBeGreaterThan(10);
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
      const sent = double.count('DescribeCertificateDetail');
      controller.abort();
      for (const error of await Promise.all(calls)) expect(error).toBeInstanceOf(SslAbortedError);
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
      // The queued calls were never sent.
      expect(double.count('DescribeCertificateDetail')).toBe(sent);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.map((warning) => warning.name)).not.toContain('MaxListenersExceededWarning');
  });

  it('detaches from the signal once a call is done', async () => {
    const double = await startDouble();
    const { client } = makeClient(double);
    const controller = new AbortController();
    await client.call('DescribeCertificates', {}, { signal: controller.signal });
    await client.call(
      'ModifyCertificateAlias',
      { CertificateId: 'c1', Alias: 'x' },
      { signal: controller.signal },
    );
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});

describe('request size limit', () => {
  it('refuses a body over 10 MB before sending, naming the action and size', async () => {
    const double = await startDouble();
    const { client, events } = makeClient(double);
    const huge = 'A'.repeat(10 * 1024 * 1024 + 1);
    const error = await rejectionOf(client.call('UploadCertificate', { CertificatePublicKey: huge }));
    expect(error).toBeInstanceOf(SslRequestTooLargeError);
    expect(error.message).toContain('UploadCertificate');
    expect(error.message).toContain(String((error as SslRequestTooLargeError).sizeBytes));
    expect(double.totalRequests).toBe(0);
    expect(events[0]).toMatchObject({ outcome: 'input' });
  });

  it('refuses parameters that cannot be serialised, without sending', async () => {
    const double = await startDouble();
    const { client } = makeClient(double);
    const params = { Limit: 10n } as unknown as { Limit: number };
    const error = await rejectionOf(client.call('DescribeCertificates', params));
    expect(error).toBeInstanceOf(SslInvalidRequestError);
    expect(error.category).toBe('input');
    expect(double.totalRequests).toBe(0);
  });
});

describe('clock skew', () => {
  it('re-signs once with a corrected clock after AuthFailure.SignatureExpire', async () => {
    const double = await startDouble({ clockOffsetMs: 10 * 60_000 });
    const { client } = makeClient(double);
    await client.call('ApplyCertificate', { DvAuthMethod: 'DNS', DomainName: 'a.com' });
    expect(double.count('ApplyCertificate')).toBe(2);
    expect(Math.abs(client.clockOffsetMs - 10 * 60_000)).toBeLessThan(2_000);
    await client.call('ApplyCertificate', { DvAuthMethod: 'DNS', DomainName: 'b.com' });
    expect(double.count('ApplyCertificate')).toBe(3);
  });

  it('adopts the server clock from a Date header more than 60 s off', async () => {
    const double = await startDouble({ clockOffsetMs: -90_000 });
    const { client } = makeClient(double);
    await client.call('DescribeCertificates', {});
    expect(double.count('DescribeCertificates')).toBe(1);
    expect(Math.abs(client.clockOffsetMs + 90_000)).toBeLessThan(2_000);
  });

  it('leaves the offset alone within 60 s', async () => {
    const double = await startDouble({ clockOffsetMs: 20_000 });
    const { client } = makeClient(double);
    await client.call('DescribeCertificates', {});
    expect(client.clockOffsetMs).toBe(0);
  });
});

describe('secrets', () => {
  it('never appear in errors or hook events', async () => {
    const double = await startDouble({
      credentials: [{ secretId: SECRET_ID, secretKey: SECRET_KEY, sessionToken: SESSION_TOKEN }],
    });
    double.on('UploadCertificate', () => ({
      kind: 'error',
      code: 'InternalError',
      message: 'backend failed',
    }));
    double.on('DescribeCertificates', () => ({ kind: 'http', status: 502, body: 'bad gateway' }));
    double.on('DescribeCertificateDetail', () => ({ kind: 'http', status: 200, body: 'not json' }));
    double.on('DeleteCertificate', () => ({ kind: 'reset' }));
    const credentials = new SslCredentials({
      secretId: SECRET_ID,
      secretKey: SECRET_KEY,
      sessionToken: SESSION_TOKEN,
    });
    const { client, events } = makeClient(double, {
      credentials: new StaticCredentialsProvider(credentials),
      retry: { maxRetries: 1, sleep: (_ms, signal) => abortableSleep(1, signal) },
    });
    const wrongKeyClient = makeClient(double, {
      credentials: new StaticCredentialsProvider({
        secretId: SECRET_ID,
        secretKey: `${SECRET_KEY}x`,
        sessionToken: SESSION_TOKEN,
      }),
    });
    const errors = await Promise.all([
      rejectionOf(
        client.call('UploadCertificate', { CertificatePublicKey: 'pub', CertificatePrivateKey: PRIVATE_KEY }),
      ),
      rejectionOf(client.call('DescribeCertificates', {})),
      rejectionOf(client.call('DescribeCertificateDetail', { CertificateId: 'c' })),
      rejectionOf(client.call('DeleteCertificate', { CertificateId: 'c' })),
      rejectionOf(client.call('UploadCertificate', { CertificatePublicKey: PRIVATE_KEY.repeat(200_000) })),
      rejectionOf(
        wrongKeyClient.client.call('UploadCertificate', {
          CertificatePublicKey: 'p',
          CertificatePrivateKey: PRIVATE_KEY,
        }),
      ),
    ]);
    const authorizations = double.requests.map((request) => String(request.headers.authorization));
    const signatures = authorizations.map((header) => header.slice(header.indexOf('Signature=')));
    const rendered = [
      ...errors.flatMap((error) => [
        error.message,
        String(error),
        error.stack ?? '',
        JSON.stringify(error),
        inspect(error, { depth: 10, showHidden: true }),
      ]),
      ...events.map((event) => JSON.stringify(event)),
      ...wrongKeyClient.events.map((event) => JSON.stringify(event)),
      JSON.stringify(credentials),
      inspect(credentials, { showHidden: true }),
      String(credentials),
      JSON.stringify({ ...credentials }),
      inspect(client, { depth: 10, showHidden: true }),
    ].join('\n');
    expect(errors.map((error) => error.name)).toEqual([
      'SslApiError',
      'SslHttpStatusError',
      'SslInvalidResponseError',
      'SslNetworkError',
      'SslRequestTooLargeError',
      'SslApiError',
    ]);
    for (const secret of [SECRET_KEY, SESSION_TOKEN, 'BEGIN PRIVATE KEY', 'secretmaterial', ...signatures]) {
      expect(rendered).not.toContain(secret);
    }
    expect(rendered).not.toMatch(/TC3-HMAC-SHA256 Credential/);
  });
});
