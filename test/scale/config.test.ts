import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/environment.ts';
import { loadScaleConfig } from '../../src/config/scale.ts';
import type { UpstreamConfig } from '../../src/config/upstream.ts';

const TENCENT_CLOUD: UpstreamConfig = {
  mode: 'tencent-cloud',
  endpoint: 'https://ssl.tencentcloudapi.com',
  credentials: { secretId: 'AKIDexample', secretKey: 'secret', sessionToken: undefined },
};
const SANDBOX: UpstreamConfig = { mode: 'sandbox' };

function errorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadScaleConfig (REDIS_URL, REDIS_KEY_PREFIX)', () => {
  it('keeps everything in the process when REDIS_URL is unset or empty', () => {
    expect(loadScaleConfig({}, TENCENT_CLOUD)).toEqual({ mode: 'single-process' });
    expect(loadScaleConfig({ REDIS_URL: '' }, TENCENT_CLOUD)).toEqual({ mode: 'single-process' });
  });

  it('accepts redis:// and rediss:// URLs, with credentials and a database number', () => {
    expect(loadScaleConfig({ REDIS_URL: 'redis://redis.internal:6379' }, TENCENT_CLOUD)).toEqual({
      mode: 'redis',
      redisUrl: 'redis://redis.internal:6379',
      keyPrefix: 'ssl-graph:',
    });
    expect(
      loadScaleConfig(
        { REDIS_URL: 'rediss://gateway:p%40ss@redis.internal:6380/2', REDIS_KEY_PREFIX: 'ssl-graph-prod:' },
        TENCENT_CLOUD,
      ),
    ).toMatchObject({ mode: 'redis', keyPrefix: 'ssl-graph-prod:' });
  });

  it.each([
    ['not a url', 'must be a URL'],
    ['http://redis.internal:6379', 'must use redis:// or rediss://'],
    ['redis://redis.internal:6379/cache', 'database number'],
  ])('refuses REDIS_URL=%s', (value, message) => {
    const error = errorOf(() => loadScaleConfig({ REDIS_URL: value }, TENCENT_CLOUD));
    expect(error.variable).toBe('REDIS_URL');
    expect(error.message).toContain(message);
  });

  it('never repeats a REDIS_URL (it may carry a password) in its complaints', () => {
    const error = errorOf(() =>
      loadScaleConfig({ REDIS_URL: 'redis://:hunter2@host:6379/x' }, TENCENT_CLOUD),
    );
    expect(error.message).not.toContain('hunter2');
  });

  it('refuses REDIS_URL in the sandbox, where each process has its own emulator', () => {
    const error = errorOf(() => loadScaleConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }, SANDBOX));
    expect(error.variable).toBe('REDIS_URL');
    expect(error.message).toContain('sandbox');
  });

  it('refuses a key prefix without REDIS_URL, or one with unusual characters', () => {
    expect(errorOf(() => loadScaleConfig({ REDIS_KEY_PREFIX: 'x:' }, TENCENT_CLOUD)).variable).toBe(
      'REDIS_KEY_PREFIX',
    );
    const error = errorOf(() =>
      loadScaleConfig({ REDIS_URL: 'redis://host:6379', REDIS_KEY_PREFIX: 'has space' }, TENCENT_CLOUD),
    );
    expect(error.variable).toBe('REDIS_KEY_PREFIX');
  });
});
