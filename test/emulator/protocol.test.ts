import { Agent, request as httpRequest } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ALL_HANDLERS } from '../../src/emulator/handlers.ts';
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.ts';
import { RateLimiter } from '../../src/emulator/rate-limits.ts';
import { MAX_REQUEST_BODY_BYTES } from '../../src/emulator/server.ts';
import { validateActionInput } from '../../src/emulator/validate-input.ts';
import { SSL_ACTION_NAMES } from '../../src/ssl/actions.ts';
import {
  callAction,
  parseEnvelope,
  sendRaw,
  signedCall,
  startTestEmulator,
  UUID_PATTERN,
} from '../support/emulator.ts';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator.close();
});
afterEach(() => {
  emulator.faults.clear();
  emulator.stats.reset();
});

async function errorCodeOf(answer: Promise<{ Error?: { Code: string } }>): Promise<string | undefined> {
  return (await answer).Error?.Code;
}

describe('handler table', () => {
  it('serves every one of the 68 documented actions', () => {
    expect(SSL_ACTION_NAMES).toHaveLength(68);
    expect(Object.keys(ALL_HANDLERS).sort()).toEqual([...SSL_ACTION_NAMES].sort());
  });
});

describe('envelope', () => {
  it('answers HTTP 200 JSON with a uuid RequestId and a Date header', async () => {
    const answer = await sendRaw(emulator, signedCall(emulator, 'DescribePackages', '{}'));
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(Number.isNaN(Date.parse(answer.headers.date ?? ''))).toBe(false);
    const response = parseEnvelope(answer);
    expect(response.Error).toBeUndefined();
    expect(response.RequestId).toMatch(UUID_PATTERN);
  });

  it('gives every answer, errors included, its own RequestId', async () => {
    const answers = await Promise.all([
      callAction(emulator, 'DescribePackages'),
      callAction(emulator, 'DescribePackages', {}, { secretKey: 'wrong' }),
      callAction(emulator, 'NoSuchThing'),
    ]);
    const ids = answers.map((answer) => answer.RequestId);
    for (const id of ids) expect(id).toMatch(UUID_PATTERN);
    expect(new Set(ids).size).toBe(3);
    expect(answers[1]?.Error?.Code).toBe('AuthFailure.SignatureFailure');
  });
});

describe('signature v3', () => {
  it('accepts the Host header as sent and without its port (as the SDKs sign it)', async () => {
    expect((await callAction(emulator, 'DescribePackages')).Error).toBeUndefined();
    expect(
      (await callAction(emulator, 'DescribePackages', {}, { signedHost: '127.0.0.1' })).Error,
    ).toBeUndefined();
    expect(
      await errorCodeOf(
        callAction(emulator, 'DescribePackages', {}, { signedHost: 'ssl.tencentcloudapi.com' }),
      ),
    ).toBe('AuthFailure.SignatureFailure');
  });

  it('refuses a wrong SecretKey or a body that differs from the signed one', async () => {
    expect(
      await errorCodeOf(callAction(emulator, 'DescribePackages', {}, { secretKey: 'not-the-key' })),
    ).toBe('AuthFailure.SignatureFailure');
    const call = signedCall(emulator, 'DescribePackages', '{"Limit":1}');
    const tampered = parseEnvelope(await sendRaw(emulator, { ...call, body: '{"Limit":2}' }));
    expect(tampered.Error?.Code).toBe('AuthFailure.SignatureFailure');
  });

  it('refuses an unknown SecretId', async () => {
    expect(await errorCodeOf(callAction(emulator, 'DescribePackages', {}, { secretId: 'AKIDunknown' }))).toBe(
      'AuthFailure.SecretIdNotFound',
    );
  });

  it('refuses a timestamp more than 300 s away from the emulator clock, either way', async () => {
    const now = emulator.clock.nowSeconds();
    for (const timestamp of [now - 600, now + 301]) {
      expect(await errorCodeOf(callAction(emulator, 'DescribePackages', {}, { timestamp }))).toBe(
        'AuthFailure.SignatureExpire',
      );
    }
    expect(
      (await callAction(emulator, 'DescribePackages', {}, { timestamp: now - 290 })).Error,
    ).toBeUndefined();
  });

  it('reads freshness from the emulator clock, not the wall clock', async () => {
    const stepped = await startTestEmulator({ seed: false });
    try {
      const wallNow = Math.floor(Date.now() / 1000);
      stepped.clock.advance(3_600_000);
      expect(await errorCodeOf(callAction(stepped, 'DescribePackages', {}, { timestamp: wallNow }))).toBe(
        'AuthFailure.SignatureExpire',
      );
      expect(
        (await callAction(stepped, 'DescribePackages', {}, { timestamp: wallNow + 3600 })).Error,
      ).toBeUndefined();
    } finally {
      await stepped.close();
    }
  });

  it.each([
    ['a missing Authorization header', () => ''],
    ['another algorithm', (auth: string) => auth.replace('TC3-HMAC-SHA256', 'HMAC-SHA1')],
    ['no Signature element', (auth: string) => auth.replace(/, Signature=[0-9a-f]+/, '')],
    ['a credential scope for another service', (auth: string) => auth.replace('/ssl/', '/cvm/')],
    [
      'a scope date that is not the UTC date of the timestamp',
      (auth: string) => auth.replace(/\/\d{4}-\d{2}-\d{2}\//, '/2001-01-01/'),
    ],
    ['a scope without tc3_request', (auth: string) => auth.replace('tc3_request', 'tc2_request')],
    [
      'unsigned host',
      (auth: string) => auth.replace('SignedHeaders=content-type;host', 'SignedHeaders=content-type'),
    ],
  ])('answers AuthFailure.InvalidAuthorization for %s', async (_case, rewriteAuthorization) => {
    const call = signedCall(emulator, 'DescribePackages', '{}', { rewriteAuthorization });
    if (call.headers.Authorization === '') delete call.headers.Authorization;
    expect(parseEnvelope(await sendRaw(emulator, call)).Error?.Code).toBe('AuthFailure.InvalidAuthorization');
  });

  it('refuses a token sent with long-term keys', async () => {
    expect(await errorCodeOf(callAction(emulator, 'DescribePackages', {}, { token: 'sts-token' }))).toBe(
      'AuthFailure.TokenFailure',
    );
  });

  it('requires the configured session token, exactly', async () => {
    const temporary = await startTestEmulator({ seed: false, sessionToken: 'the-session-token' });
    try {
      expect(await errorCodeOf(callAction(temporary, 'DescribePackages'))).toBe('AuthFailure.TokenFailure');
      expect(await errorCodeOf(callAction(temporary, 'DescribePackages', {}, { token: 'another' }))).toBe(
        'AuthFailure.TokenFailure',
      );
      expect(
        (await callAction(temporary, 'DescribePackages', {}, { token: 'the-session-token' })).Error,
      ).toBeUndefined();
    } finally {
      await temporary.close();
    }
  });
});

describe('host names', () => {
  it('answers any Host by default, and only IP addresses and localhost with refuseNamedHosts', async () => {
    const named = (target: RunningEmulator) =>
      sendRaw(target, signedCall(target, 'DescribePackages', '{}', { host: 'attacker.example.com' }));
    expect(parseEnvelope(await named(emulator)).Error).toBeUndefined();

    const guarded = await startTestEmulator({ refuseNamedHosts: true });
    try {
      const refused = await named(guarded);
      expect(refused.status).toBe(403);
      expect(refused.text).toContain('IP address or localhost');
      expect(guarded.stats.byAction()).toEqual({});
      const download = await sendRaw(guarded, {
        method: 'GET',
        path: '/downloads/anything',
        headers: { Host: 'attacker.example.com' },
      });
      expect(download.status).toBe(403);
      for (const host of [`127.0.0.1:${guarded.port}`, `localhost:${guarded.port}`, 'app.localhost']) {
        const answered = await sendRaw(guarded, signedCall(guarded, 'DescribePackages', '{}', { host }));
        expect(parseEnvelope(answered).Error, host).toBeUndefined();
      }
    } finally {
      await guarded.close();
    }
  });
});

describe('common parameters and inputs', () => {
  it('answers InvalidAction for an unknown action and MissingParameter without one', async () => {
    expect(await errorCodeOf(callAction(emulator, 'DescribeEverything'))).toBe('InvalidAction');
    const call = signedCall(emulator, 'DescribePackages', '{}');
    delete call.headers['X-TC-Action'];
    expect(parseEnvelope(await sendRaw(emulator, call)).Error?.Code).toBe('MissingParameter');
  });

  it('answers NoSuchVersion for another version and MissingParameter without one', async () => {
    expect(await errorCodeOf(callAction(emulator, 'DescribePackages', {}, { version: '2017-03-12' }))).toBe(
      'NoSuchVersion',
    );
    expect(await errorCodeOf(callAction(emulator, 'DescribePackages', {}, { version: null }))).toBe(
      'MissingParameter',
    );
  });

  it('answers MissingParameter when a required input is absent or null', async () => {
    expect(await errorCodeOf(callAction(emulator, 'DescribeCertificateDetail', {}))).toBe('MissingParameter');
    expect(
      await errorCodeOf(callAction(emulator, 'DescribeCertificateDetail', { CertificateId: null })),
    ).toBe('MissingParameter');
    expect(
      await errorCodeOf(callAction(emulator, 'DescribeCertificates', { Tags: [{ TagKey: 'env' }] })),
    ).toBe('MissingParameter');
    const response = await callAction(emulator, 'DescribeManagers', {});
    expect(response.Error?.Code).toBe('MissingParameter');
    expect(response.Error?.Message).toContain('CompanyId');
  });

  it('answers InvalidParameter for a wrong JSON type, a non-array list or a body that is not JSON', async () => {
    expect(await errorCodeOf(callAction(emulator, 'DescribeCertificates', { Limit: '10' }))).toBe(
      'InvalidParameter',
    );
    expect(await errorCodeOf(callAction(emulator, 'DescribeCertificates', { Limit: 2.5 }))).toBe(
      'InvalidParameter',
    );
    expect(await errorCodeOf(callAction(emulator, 'DescribeCertificates', { CertIds: 'abc' }))).toBe(
      'InvalidParameter',
    );
    expect(
      await errorCodeOf(
        callAction(emulator, 'DescribeCertificates', { Tags: [{ TagKey: 1, TagValue: 'x' }] }),
      ),
    ).toBe('InvalidParameter');
    const notJson = parseEnvelope(
      await sendRaw(emulator, signedCall(emulator, 'DescribePackages', '{"Limit":')),
    );
    expect(notJson.Error?.Code).toBe('InvalidParameter');
    expect(await errorCodeOf(callAction(emulator, 'DescribePackages', [1, 2]))).toBe('InvalidParameter');
  });

  it('answers UnknownParameter for an undocumented input but tolerates deprecated SDK inputs', async () => {
    expect(await errorCodeOf(callAction(emulator, 'DescribePackages', { Colour: 'blue' }))).toBe(
      'UnknownParameter',
    );
    expect(
      await errorCodeOf(
        callAction(emulator, 'DescribeHostLiveInstanceList', { CertificateId: 'x', ResourceType: 'live' }),
      ),
    ).not.toBe('UnknownParameter');
  });

  it('answers InvalidParameterValue above a documented maximum that is not clamped', async () => {
    expect(await errorCodeOf(callAction(emulator, 'DescribeCompanies', { Limit: 1001 }))).toBe(
      'InvalidParameterValue',
    );
    expect(await errorCodeOf(callAction(emulator, 'DescribeCertificates', { Offset: -1 }))).toBe(
      'InvalidParameterValue',
    );
    expect(
      await errorCodeOf(
        callAction(emulator, 'DescribeHostUpdateRecordDetail', { DeployRecordId: '1', Limit: '201' }),
      ),
    ).toBe('InvalidParameterValue');
  });

  it('refuses values outside a documented enumeration with the parameter error the action documents', async () => {
    const code = (action: string, params: Record<string, unknown>) =>
      errorCodeOf(callAction(emulator, action, params));
    expect(await code('DescribeHostCdnInstanceList', { AsyncCache: 5 })).toBe('FailedOperation.InvalidParam');
    expect(await code('DescribeHostCdnInstanceList', { IsCache: 7 })).toBe('FailedOperation.InvalidParam');
    expect(await code('DescribeHostClbInstanceList', { IsCache: 2 })).toBe('FailedOperation.InvalidParam');
    expect(await code('DescribeHostDdosInstanceList', { ResourceType: 'xyz' })).toBe(
      'FailedOperation.InvalidParam',
    );
    expect(
      await code('DeployCertificateInstance', {
        CertificateId: 'x',
        InstanceIdList: ['live.example.com'],
        ResourceType: 'live',
        Status: 2,
      }),
    ).toBe('FailedOperation.InvalidParam');
    expect(await code('CreateCertificateBindResourceSyncTask', { CertificateIds: ['x'], IsCache: 9 })).toBe(
      'InvalidParameterValue',
    );
    expect(
      await code('DescribeCertificateBindResourceTaskDetail', { TaskId: '1', ResourceTypes: ['clb', 'foo'] }),
    ).toBe('InvalidParameterValue');
    expect(
      await code('DescribeCertificateBindResourceTaskDetail', { TaskId: '1', ResourceTypes: ['CLB'] }),
    ).toBe('InvalidParameterValue');
    // Documented values pass validation (the handlers answer them).
    expect(
      (await callAction(emulator, 'DescribeHostCdnInstanceList', { IsCache: 0, AsyncCache: 0 })).Error,
    ).toBe(undefined);
    expect(
      (await callAction(emulator, 'DescribeHostDdosInstanceList', { ResourceType: 'ddos', IsCache: 1 }))
        .Error,
    ).toBeUndefined();
  });

  it('clamps the limits the documentation says are clamped', async () => {
    expect((await callAction(emulator, 'DescribeCertificates', { Limit: 5000 })).Error).toBeUndefined();
    expect(validateActionInput('DescribeCertificates', { Limit: 5000 })).toEqual({ Limit: 1000 });
    expect(validateActionInput('DescribeCertificateOperateLogs', { Limit: 1001 })).toEqual({ Limit: 1000 });
    expect(
      validateActionInput('DescribeHostUploadUpdateRecordDetail', { DeployRecordId: 1, Limit: 500 }),
    ).toEqual({
      DeployRecordId: 1,
      Limit: 200,
    });
  });
});

describe('transport', () => {
  it('answers RequestSizeLimitExceeded for a body over 10 MB, declared or streamed', async () => {
    const huge = Buffer.alloc(MAX_REQUEST_BODY_BYTES + 1024, 0x20);
    const declared = await sendRaw(emulator, signedCall(emulator, 'DescribePackages', huge));
    expect(parseEnvelope(declared).Error?.Code).toBe('RequestSizeLimitExceeded');

    const streamed = await new Promise<string>((resolve, reject) => {
      const call = signedCall(emulator, 'DescribePackages', '{}');
      const outgoing = httpRequest(
        {
          host: '127.0.0.1',
          port: emulator.port,
          method: 'POST',
          path: '/',
          headers: call.headers,
          agent: false,
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        },
      );
      outgoing.on('error', reject);
      outgoing.setHeader('Transfer-Encoding', 'chunked');
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      for (let sent = 0; sent <= MAX_REQUEST_BODY_BYTES; sent += chunk.length) outgoing.write(chunk);
      outgoing.end();
    });
    expect(JSON.parse(streamed).Response.Error.Code).toBe('RequestSizeLimitExceeded');
  });

  it('answers UnsupportedProtocol to other methods and content types, in the envelope', async () => {
    const get = await sendRaw(emulator, { method: 'GET', headers: {} });
    expect(parseEnvelope(get).Error?.Code).toBe('UnsupportedProtocol');
    const form = signedCall(emulator, 'DescribePackages', 'Limit=1', {
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(parseEnvelope(await sendRaw(emulator, form)).Error?.Code).toBe('UnsupportedProtocol');
  });

  it('accepts a content type with a charset, as signed', async () => {
    const call = signedCall(emulator, 'DescribePackages', '{}', {
      contentType: 'application/json; charset=utf-8',
    });
    expect(parseEnvelope(await sendRaw(emulator, call)).Error).toBeUndefined();
  });

  it('closes idle keep-alive connections on close()', async () => {
    const own = await startTestEmulator({ seed: false });
    const agent = new Agent({ keepAlive: true });
    try {
      const call = signedCall(own, 'DescribePackages', '{}');
      await new Promise<void>((resolve, reject) => {
        const outgoing = httpRequest(
          { host: '127.0.0.1', port: own.port, method: 'POST', path: '/', headers: call.headers, agent },
          (incoming) => {
            incoming.resume();
            incoming.on('end', resolve);
          },
        );
        outgoing.on('error', reject);
        outgoing.end(call.body);
      });
      await own.close();
      await expect(sendRaw(own, call)).rejects.toThrow();
    } finally {
      agent.destroy();
    }
  });
});

describe('rate limits', () => {
  it('counts each action per SecretId in fixed 1-second windows of arrival time', () => {
    let now = 10_000;
    const limiter = new RateLimiter(() => now);
    for (let call = 0; call < 10; call += 1)
      expect(limiter.tryAdmit('DescribeCertificates', 'AKID1')).toBe(true);
    expect(limiter.tryAdmit('DescribeCertificates', 'AKID1')).toBe(false);
    expect(limiter.tryAdmit('DescribeCertificates', 'AKID2')).toBe(true);
    expect(limiter.tryAdmit('DescribePackages', 'AKID1')).toBe(true);
    for (let call = 0; call < 20; call += 1)
      expect(limiter.tryAdmit('CheckCertificateChain', 'AKID1')).toBe(true);
    expect(limiter.tryAdmit('CheckCertificateChain', 'AKID1')).toBe(false);
    now = 10_999;
    expect(limiter.tryAdmit('DescribeCertificates', 'AKID1')).toBe(false);
    now = 11_000;
    expect(limiter.tryAdmit('DescribeCertificates', 'AKID1')).toBe(true);
  });

  it('answers RequestLimitExceeded over HTTP once an action spends its window, without touching others', async () => {
    const limited = await startEmulator({ seed: false });
    try {
      // 31 calls at 10/s cannot all be admitted unless they spread over 4 windows (3+ seconds).
      const answers = await Promise.all(
        Array.from({ length: 31 }, () => callAction(limited, 'DescribePackages')),
      );
      const refused = answers.filter((answer) => answer.Error?.Code === 'RequestLimitExceeded');
      expect(refused.length).toBeGreaterThan(0);
      expect(answers.filter((answer) => answer.Error === undefined).length + refused.length).toBe(31);
      expect((await callAction(limited, 'DescribeCompanies')).Error).toBeUndefined();
      expect(limited.stats.countsOf('DescribePackages').rejected).toBe(refused.length);
    } finally {
      await limited.close();
    }
  });
});

describe('fault injection', () => {
  it('answers an error BEFORE the handler: nothing is executed', async () => {
    emulator.faults.inject({
      action: 'DescribePackages',
      phase: 'before-handler',
      effect: { kind: 'error', code: 'InternalError' },
      times: 1,
    });
    expect(await errorCodeOf(callAction(emulator, 'DescribePackages'))).toBe('InternalError');
    expect(emulator.stats.countsOf('DescribePackages')).toEqual({ executed: 0, failed: 0, rejected: 1 });
    expect((await callAction(emulator, 'DescribePackages')).Error).toBeUndefined();
    expect(emulator.faults.active()).toHaveLength(0);
  });

  it('answers an error AFTER the handler: the action was executed and the answer is lost', async () => {
    emulator.faults.inject({
      action: 'DescribePackages',
      phase: 'after-handler',
      effect: { kind: 'error', code: 'FailedOperation.NetworkError' },
      times: 1,
    });
    const response = await callAction(emulator, 'DescribePackages');
    expect(response.Error?.Code).toBe('FailedOperation.NetworkError');
    expect(emulator.stats.executionsOfRequest(response.RequestId)).toBe(1);
    expect(emulator.stats.countsOf('DescribePackages').executed).toBe(1);
    expect(emulator.stats.errorsByCode()).toEqual({ 'FailedOperation.NetworkError': 1 });
  });

  it('fires for the next N calls of any action with "*"', async () => {
    const fault = emulator.faults.inject({
      action: '*',
      phase: 'before-handler',
      effect: { kind: 'error', code: 'RequestLimitExceeded' },
      times: 2,
    });
    expect(await errorCodeOf(callAction(emulator, 'DescribePackages'))).toBe('RequestLimitExceeded');
    expect(await errorCodeOf(callAction(emulator, 'DescribeCompanies'))).toBe('RequestLimitExceeded');
    expect((await callAction(emulator, 'DescribePackages')).Error).toBeUndefined();
    expect(fault.hits).toBe(2);
    expect(fault.retired).toBe(true);
  });

  it('fires at a rate drawn from the injected random', async () => {
    const draws = [0.1, 0.9, 0.49, 0.5];
    const seeded = await startTestEmulator({ seed: false, random: () => draws.shift() ?? 1 });
    try {
      seeded.faults.inject({
        action: 'DescribePackages',
        phase: 'before-handler',
        effect: { kind: 'error', code: 'InternalError' },
        rate: 0.5,
      });
      const codes: Array<string | undefined> = [];
      for (let call = 0; call < 4; call += 1)
        codes.push(await errorCodeOf(callAction(seeded, 'DescribePackages')));
      expect(codes).toEqual(['InternalError', undefined, 'InternalError', undefined]);
    } finally {
      await seeded.close();
    }
  });

  it('refuses rules that could not be served', () => {
    expect(() =>
      emulator.faults.inject({
        action: '*',
        phase: 'before-handler',
        effect: { kind: 'error', code: 'NotACode' },
      }),
    ).toThrow(RangeError);
    expect(() =>
      emulator.faults.inject({
        action: '*',
        phase: 'before-handler',
        effect: { kind: 'http-status', status: 404 },
      }),
    ).toThrow(RangeError);
    expect(() =>
      emulator.faults.inject({ action: '*', phase: 'before-handler', effect: { kind: 'hang' }, rate: 2 }),
    ).toThrow(RangeError);
  });

  it('resets the connection, after executing when asked', async () => {
    emulator.faults.inject({
      action: 'DescribePackages',
      phase: 'after-handler',
      effect: { kind: 'connection-reset' },
      times: 1,
    });
    await expect(sendRaw(emulator, signedCall(emulator, 'DescribePackages', '{}'))).rejects.toThrow();
    expect(emulator.stats.countsOf('DescribePackages').executed).toBe(1);
  });

  it('answers an HTTP 5xx or a non-JSON body', async () => {
    emulator.faults.inject({
      action: 'DescribePackages',
      phase: 'before-handler',
      effect: { kind: 'http-status', status: 503 },
      times: 1,
    });
    emulator.faults.inject({
      action: 'DescribePackages',
      phase: 'before-handler',
      effect: { kind: 'non-json' },
      times: 1,
    });
    const unavailable = await sendRaw(emulator, signedCall(emulator, 'DescribePackages', '{}'));
    expect(unavailable.status).toBe(503);
    const notJson = await sendRaw(emulator, signedCall(emulator, 'DescribePackages', '{}'));
    expect(notJson.status).toBe(200);
    expect(() => JSON.parse(notJson.text)).toThrow();
    expect(emulator.stats.countsOf('DescribePackages')).toEqual({ executed: 0, failed: 0, rejected: 2 });
  });

  it('adds latency and still answers', async () => {
    const fault = emulator.faults.inject({
      action: 'DescribePackages',
      phase: 'before-handler',
      effect: { kind: 'latency', ms: 30 },
    });
    emulator.faults.setLatencyForEveryCall(5);
    expect((await callAction(emulator, 'DescribePackages')).Error).toBeUndefined();
    expect(fault.hits).toBe(1);
    expect(emulator.faults.latencyForEveryCallMs).toBe(5);
  });

  it('hangs until the emulator closes', async () => {
    const own = await startTestEmulator({ seed: false });
    const fault = own.faults.inject({
      action: 'DescribePackages',
      phase: 'before-handler',
      effect: { kind: 'hang' },
    });
    const pending = sendRaw(own, signedCall(own, 'DescribePackages', '{}'));
    await vi.waitFor(() => expect(fault.hits).toBe(1));
    await own.close();
    await expect(pending).rejects.toThrow();
  });
});

describe('stats', () => {
  it('counts executed, failed and rejected calls per action and errors per code', async () => {
    await callAction(emulator, 'DescribePackages');
    await callAction(emulator, 'DescribePackages', { Colour: 'blue' });
    await callAction(emulator, 'DescribeCertificateDetail', { CertificateId: 'no-such-cert' });
    await callAction(emulator, 'NoSuchAction');
    expect(emulator.stats.byAction()).toEqual({
      DescribePackages: { executed: 1, failed: 0, rejected: 1 },
      DescribeCertificateDetail: { executed: 0, failed: 1, rejected: 0 },
    });
    const errors = emulator.stats.errorsByCode();
    expect(errors.UnknownParameter).toBe(1);
    expect(errors.InvalidAction).toBe(1);
    expect(emulator.stats.protocolErrors).toBe(1);
    expect(emulator.stats.totalExecuted).toBe(1);
    emulator.stats.reset();
    expect(emulator.stats.byAction()).toEqual({});
  });

  it('records each executed mutation with its params, so repeats show', async () => {
    const list = await callAction(emulator, 'DescribeCertificates', { Limit: 1 });
    const certificates = list.Certificates as Array<{ CertificateId: string }>;
    const certificateId = certificates[0]?.CertificateId;
    expect(certificateId).toBeTypeOf('string');
    const rename = { CertificateId: certificateId, Alias: 'renamed-by-protocol-test' };
    const first = await callAction(emulator, 'ModifyCertificateAlias', rename);
    await callAction(emulator, 'ModifyCertificateAlias', rename);
    expect(emulator.stats.executionsOfRequest(first.RequestId)).toBe(1);
    expect(emulator.stats.repeatedMutations()).toEqual([
      {
        action: 'ModifyCertificateAlias',
        params: JSON.stringify({ Alias: rename.Alias, CertificateId: certificateId }),
        executions: 2,
      },
    ]);
    expect(emulator.stats.mutationExecutions().map((mutation) => mutation.action)).toEqual([
      'ModifyCertificateAlias',
    ]);
  });
});
