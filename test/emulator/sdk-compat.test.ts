import type { LookupAddress, LookupOptions } from 'node:dns';
import { Agent } from 'node:http';
import { CommonClient } from 'tencentcloud-sdk-nodejs-common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.ts';
import { startTestEmulator } from '../support/emulator.ts';

/**
 * The official SDK derives the service from the endpoint's first label (`ssl.` → `ssl`) and signs the host
 * without its port, so it is pointed at an `ssl.*` name that this agent resolves to the emulator's loopback.
 */
const EMULATOR_HOSTNAME = 'ssl.emulator.test';

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

function loopbackLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  if (hostname !== EMULATOR_HOSTNAME) {
    callback(Object.assign(new Error(`unexpected host ${hostname}`), { code: 'ENOTFOUND' }), '', 4);
    return;
  }
  if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
  else callback(null, '127.0.0.1', 4);
}

let emulator: RunningEmulator;
const agent = new Agent({ keepAlive: false, lookup: loopbackLookup });

function sdkClient(credential: { secretId: string; secretKey: string }): CommonClient {
  return new CommonClient(`${EMULATOR_HOSTNAME}:${emulator.port}`, '2019-12-05', {
    credential,
    region: 'ap-guangzhou',
    profile: { httpProfile: { protocol: 'http://', agent, reqTimeout: 10 } },
  });
}

interface SdkFailure {
  readonly code?: string;
  readonly requestId?: string;
}

async function sdkErrorCode(call: Promise<unknown>): Promise<string | undefined> {
  try {
    await call;
  } catch (error) {
    return (error as SdkFailure).code;
  }
  throw new Error('the SDK call was expected to fail');
}

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator.close();
  agent.destroy();
});

describe('the official tencentcloud-sdk-nodejs-common client', () => {
  it('is accepted for DescribeCertificates', async () => {
    const client = sdkClient({ secretId: emulator.secretId, secretKey: emulator.secretKey });
    const response: unknown = await client.request('DescribeCertificates', { Limit: 5, Offset: 0 });
    expect(response).toMatchObject({ RequestId: expect.any(String), TotalCount: expect.any(Number) });
    expect((response as { Certificates: unknown[] }).Certificates.length).toBeGreaterThan(0);
  });

  it('is accepted for DescribePackages', async () => {
    const client = sdkClient({ secretId: emulator.secretId, secretKey: emulator.secretKey });
    const response: unknown = await client.request('DescribePackages', {});
    expect(response).toMatchObject({ RequestId: expect.any(String), TotalCount: expect.any(Number) });
  });

  it('gets AuthFailure.SignatureFailure with a wrong SecretKey', async () => {
    const client = sdkClient({ secretId: emulator.secretId, secretKey: 'not-the-sandbox-key' });
    expect(await sdkErrorCode(client.request('DescribePackages', {}))).toBe('AuthFailure.SignatureFailure');
  });

  it('gets AuthFailure.SecretIdNotFound with an unknown SecretId', async () => {
    const client = sdkClient({ secretId: 'AKIDnobodyHasThisKey', secretKey: emulator.secretKey });
    expect(await sdkErrorCode(client.request('DescribePackages', {}))).toBe('AuthFailure.SecretIdNotFound');
  });

  it('gets InvalidAction for an action the service does not have', async () => {
    const client = sdkClient({ secretId: emulator.secretId, secretKey: emulator.secretKey });
    expect(await sdkErrorCode(client.request('DescribeInstances', {}))).toBe('InvalidAction');
  });

  it('gets AuthFailure.SignatureExpire when its timestamp is 10 minutes behind the emulator clock', async () => {
    const stepped = await startTestEmulator({ seed: false });
    try {
      // The SDK stamps wall-clock time; moving the emulator's clock ahead makes that stamp stale.
      stepped.clock.advance(10 * 60 * 1000);
      const client = new CommonClient(`${EMULATOR_HOSTNAME}:${stepped.port}`, '2019-12-05', {
        credential: { secretId: stepped.secretId, secretKey: stepped.secretKey },
        profile: { httpProfile: { protocol: 'http://', agent, reqTimeout: 10 } },
      });
      expect(await sdkErrorCode(client.request('DescribePackages', {}))).toBe('AuthFailure.SignatureExpire');
    } finally {
      await stepped.close();
    }
  });
});
