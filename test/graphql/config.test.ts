import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/environment.ts';
import { DEFAULT_HOST, DEFAULT_PORT, loadConfig } from '../../src/config/upstream.ts';

const SECRET_ID = 'AKIDexampleSecretId0123456789';
const SECRET_KEY = 'exampleSecretKeyValue0123456789';
const credentials = { TENCENTCLOUD_SECRET_ID: SECRET_ID, TENCENTCLOUD_SECRET_KEY: SECRET_KEY };

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('defaults to the sandbox on loopback port 4000', () => {
    expect(loadConfig({})).toEqual({
      port: DEFAULT_PORT,
      host: DEFAULT_HOST,
      upstream: { mode: 'sandbox' },
      region: undefined,
      language: undefined,
    });
    expect(DEFAULT_HOST).toBe('127.0.0.1');
  });

  it('uses Tencent Cloud when both keys are set, with the documented default endpoint', () => {
    const config = loadConfig({
      ...credentials,
      TENCENTCLOUD_SESSION_TOKEN: 'token',
      PORT: '8080',
      HOST: '0.0.0.0',
    });
    expect(config.port).toBe(8080);
    expect(config.host).toBe('0.0.0.0');
    expect(config.upstream).toEqual({
      mode: 'tencent-cloud',
      endpoint: 'https://ssl.tencentcloudapi.com',
      credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY, sessionToken: 'token' },
    });
  });

  it('accepts a custom endpoint, a documented region and language, IPv6 hosts and port 0', () => {
    const config = loadConfig({
      ...credentials,
      SSL_API_ENDPOINT: 'http://127.0.0.1:4100',
      SSL_API_REGION: 'ap-shanghai-fsi',
      SSL_API_LANGUAGE: 'en-US',
      HOST: '::1',
      PORT: '0',
    });
    expect(config.upstream).toMatchObject({ endpoint: 'http://127.0.0.1:4100' });
    expect(config.region).toBe('ap-shanghai-fsi');
    expect(config.language).toBe('en-US');
    expect(config.host).toBe('::1');
    expect(config.port).toBe(0);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', TENCENTCLOUD_SECRET_ID: '', SSL_API_REGION: '' }).upstream).toEqual({
      mode: 'sandbox',
    });
  });

  it.each([
    [{ PORT: '65536' }, 'PORT'],
    [{ PORT: '80a' }, 'PORT'],
    [{ PORT: '-1' }, 'PORT'],
    [{ HOST: 'localhost:4000' }, 'HOST'],
    [{ HOST: 'http://localhost' }, 'HOST'],
    [{ TENCENTCLOUD_SECRET_KEY: SECRET_KEY }, 'TENCENTCLOUD_SECRET_ID'],
    [{ TENCENTCLOUD_SECRET_ID: SECRET_ID }, 'TENCENTCLOUD_SECRET_KEY'],
    [{ TENCENTCLOUD_SESSION_TOKEN: 'token' }, 'TENCENTCLOUD_SECRET_ID'],
    [{ SSL_API_ENDPOINT: 'https://ssl.tencentcloudapi.com' }, 'TENCENTCLOUD_SECRET_ID'],
    [{ ...credentials, SSL_API_ENDPOINT: 'ftp://ssl.tencentcloudapi.com' }, 'SSL_API_ENDPOINT'],
    [{ ...credentials, SSL_API_ENDPOINT: 'ssl.tencentcloudapi.com' }, 'SSL_API_ENDPOINT'],
    [{ ...credentials, SSL_API_ENDPOINT: 'https://user:pw@ssl.tencentcloudapi.com' }, 'SSL_API_ENDPOINT'],
    [{ ...credentials, SSL_API_ENDPOINT: 'https://ssl.tencentcloudapi.com/?x=1' }, 'SSL_API_ENDPOINT'],
    [{ SSL_API_REGION: 'ap-qingyuan' }, 'SSL_API_REGION'],
    [{ SSL_API_LANGUAGE: 'fr-FR' }, 'SSL_API_LANGUAGE'],
  ])('rejects %j, naming %s', (env, variable) => {
    const error = configError(env);
    expect(error.variable).toBe(variable);
    expect(error.message.startsWith(`${variable}:`)).toBe(true);
  });

  it('never puts secret values in its messages', () => {
    const cases: Record<string, string>[] = [
      { TENCENTCLOUD_SECRET_ID: ` ${SECRET_ID}`, TENCENTCLOUD_SECRET_KEY: SECRET_KEY },
      { TENCENTCLOUD_SECRET_ID: SECRET_ID, TENCENTCLOUD_SECRET_KEY: `${SECRET_KEY}\n` },
      { ...credentials, TENCENTCLOUD_SESSION_TOKEN: 'sessionTokenValue ' },
      { TENCENTCLOUD_SECRET_KEY: SECRET_KEY },
      { ...credentials, SSL_API_ENDPOINT: `https://${SECRET_ID}:${SECRET_KEY}@ssl.tencentcloudapi.com` },
    ];
    for (const env of cases) {
      const error = configError(env);
      for (const secret of [SECRET_ID, SECRET_KEY, 'sessionTokenValue'])
        expect(error.message).not.toContain(secret);
    }
  });
});
