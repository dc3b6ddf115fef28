import { once } from 'node:events';
import { type AddressInfo, createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ConfigError, readPositiveInteger } from '../../src/config/environment.ts';
import { listenFailure } from '../../src/config/listen-failure.ts';
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

  it('accepts an IPv6 HOST in brackets, as URLs write it, and listens on the bare address', () => {
    expect(loadConfig({ HOST: '[::1]' }).host).toBe('::1');
    expect(loadConfig({ HOST: '[::]' }).host).toBe('::');
    expect(loadConfig({ HOST: 'gateway.internal' }).host).toBe('gateway.internal');
  });

  it('accepts an endpoint with a trailing slash (the path / the API is called at)', () => {
    const config = loadConfig({ ...credentials, SSL_API_ENDPOINT: 'https://ssl.tencentcloudapi.com/' });
    expect(config.upstream).toMatchObject({ endpoint: 'https://ssl.tencentcloudapi.com/' });
  });

  it('refuses an endpoint path, which the client would silently drop, without echoing it', () => {
    const error = configError({ ...credentials, SSL_API_ENDPOINT: 'https://proxy.example/t0ken/ssl' });
    expect(error.message).toMatch(/^SSL_API_ENDPOINT: must not have a path/);
    expect(error.message).not.toContain('t0ken');
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
    [{ HOST: '[localhost]' }, 'HOST'],
    [{ HOST: '[127.0.0.1]' }, 'HOST'],
    [{ HOST: 'my_host' }, 'HOST'],
    [{ HOST: '[::1' }, 'HOST'],
    [{ TENCENTCLOUD_SECRET_KEY: SECRET_KEY }, 'TENCENTCLOUD_SECRET_ID'],
    [{ TENCENTCLOUD_SECRET_ID: SECRET_ID }, 'TENCENTCLOUD_SECRET_KEY'],
    [{ TENCENTCLOUD_SESSION_TOKEN: 'token' }, 'TENCENTCLOUD_SECRET_ID'],
    [{ SSL_API_ENDPOINT: 'https://ssl.tencentcloudapi.com' }, 'TENCENTCLOUD_SECRET_ID'],
    [{ ...credentials, SSL_API_ENDPOINT: 'ftp://ssl.tencentcloudapi.com' }, 'SSL_API_ENDPOINT'],
    [{ ...credentials, SSL_API_ENDPOINT: 'ssl.tencentcloudapi.com' }, 'SSL_API_ENDPOINT'],
    [{ ...credentials, SSL_API_ENDPOINT: 'https://user:pw@ssl.tencentcloudapi.com' }, 'SSL_API_ENDPOINT'],
    [{ ...credentials, SSL_API_ENDPOINT: 'https://ssl.tencentcloudapi.com/?x=1' }, 'SSL_API_ENDPOINT'],
    [{ ...credentials, SSL_API_ENDPOINT: 'http://127.0.0.1:4100/egress/tencent-ssl' }, 'SSL_API_ENDPOINT'],
    [{ ...credentials, SSL_API_ENDPOINT: 'https://proxy.example/ssl/' }, 'SSL_API_ENDPOINT'],
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

describe('listenFailure', () => {
  /** listen() on a real socket, as the process does: resolves with its error, or undefined once listening. */
  async function listenError(port: number, host: string): Promise<unknown> {
    const server = createServer();
    return new Promise((resolve) => {
      server.once('error', resolve);
      server.listen(port, host, () => server.close(() => resolve(undefined)));
    });
  }

  it('names HOST when it does not resolve or is not an address of this machine', async () => {
    const unresolvable = listenFailure(await listenError(0, 'nonexistent.invalid'), {
      host: 'nonexistent.invalid',
      port: 0,
    });
    expect(unresolvable?.variable).toBe('HOST');
    expect(unresolvable?.message).toMatch(/^HOST: "nonexistent\.invalid" does not resolve/);
    // TEST-NET-1 (RFC 5737): documentation only, never a local address.
    const foreign = listenFailure(await listenError(0, '192.0.2.1'), { host: '192.0.2.1', port: 0 });
    expect(foreign?.message).toMatch(/^HOST: "192\.0\.2\.1" is not an address of this machine/);
  });

  it('names PORT when it is taken, and leaves other failures alone', async () => {
    const taken = createServer().listen(0, '127.0.0.1');
    await once(taken, 'listening');
    const { port } = taken.address() as AddressInfo;
    try {
      const failure = listenFailure(await listenError(port, '127.0.0.1'), { host: '127.0.0.1', port });
      expect(failure?.message).toBe(`PORT: ${port} is already in use on 127.0.0.1 (EADDRINUSE)`);
    } finally {
      taken.close();
    }
    expect(listenFailure(new Error('something else'), { host: '127.0.0.1', port })).toBeUndefined();
  });
});

describe('readPositiveInteger', () => {
  it('says what the range is when a value has too many digits, not that it is no whole number', () => {
    expect(readPositiveInteger({ GRAPHQL_MAX_TOKENS: '9999999999' }, 'GRAPHQL_MAX_TOKENS', 1)).toBe(
      9_999_999_999,
    );
    expect(() => readPositiveInteger({ GRAPHQL_MAX_TOKENS: '99999999999' }, 'GRAPHQL_MAX_TOKENS', 1)).toThrow(
      'GRAPHQL_MAX_TOKENS: must be a whole number from 1 to 9999999999, got "99999999999"',
    );
  });
});
