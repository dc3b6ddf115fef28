import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  EnvironmentCredentialsProvider,
  SslCredentials,
  StaticCredentialsProvider,
} from '../../src/ssl/credentials.ts';

const KEY = 'very-secret-key-value-0123456789';
const TOKEN = 'very-secret-session-token-value';

describe('SslCredentials', () => {
  it('exposes the key to code but never prints it', () => {
    const credentials = new SslCredentials({ secretId: 'AKIDvisible', secretKey: KEY, sessionToken: TOKEN });
    expect(credentials.secretKey).toBe(KEY);
    expect(credentials.sessionToken).toBe(TOKEN);
    const printed = [
      JSON.stringify(credentials),
      JSON.stringify({ nested: credentials }),
      inspect(credentials, { showHidden: true, depth: 5 }),
      String(credentials),
      `${credentials}`,
      JSON.stringify({ ...credentials }),
      Object.keys(credentials).join(','),
    ].join('\n');
    expect(printed).toContain('AKIDvisible');
    expect(printed).not.toContain(KEY);
    expect(printed).not.toContain(TOKEN);
  });

  it('refuses empty values', () => {
    expect(() => new SslCredentials({ secretId: '', secretKey: KEY })).toThrow(TypeError);
    expect(() => new SslCredentials({ secretId: 'AKID', secretKey: ' ' })).toThrow(TypeError);
  });
});

describe('providers', () => {
  it('the static provider returns the same credentials', async () => {
    const provider = new StaticCredentialsProvider({ secretId: 'AKID1', secretKey: KEY });
    const credentials = await provider.getCredentials();
    expect(credentials.secretId).toBe('AKID1');
    expect(credentials.secretKey).toBe(KEY);
    expect(credentials.sessionToken).toBeUndefined();
    expect(await provider.getCredentials()).toBe(credentials);
  });

  it('the environment provider reads the TENCENTCLOUD_* variables and follows rotation', async () => {
    const env: NodeJS.ProcessEnv = {
      TENCENTCLOUD_SECRET_ID: 'AKIDenv',
      TENCENTCLOUD_SECRET_KEY: KEY,
      TENCENTCLOUD_SESSION_TOKEN: TOKEN,
    };
    const provider = new EnvironmentCredentialsProvider(env);
    const first = await provider.getCredentials();
    expect([first.secretId, first.secretKey, first.sessionToken]).toEqual(['AKIDenv', KEY, TOKEN]);
    expect(await provider.getCredentials()).toBe(first);
    env.TENCENTCLOUD_SESSION_TOKEN = undefined;
    env.TENCENTCLOUD_SECRET_KEY = `${KEY}-rotated`;
    const rotated = await provider.getCredentials();
    expect(rotated.secretKey).toBe(`${KEY}-rotated`);
    expect(rotated.sessionToken).toBeUndefined();
    expect(inspect(provider)).not.toContain(KEY);
  });

  it('the environment provider fails clearly when a variable is missing', async () => {
    const provider = new EnvironmentCredentialsProvider({ TENCENTCLOUD_SECRET_KEY: KEY });
    await expect(provider.getCredentials()).rejects.toThrow(/TENCENTCLOUD_SECRET_ID/);
    await provider.getCredentials().catch((error: Error) => expect(error.message).not.toContain(KEY));
  });
});
