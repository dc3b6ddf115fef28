import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.ts';
import { redisAvailable, startTestRedis, type TestRedis } from './redis-server.ts';

// src/main.ts as operators run it with REDIS_URL: two real gateway processes in front of one upstream.

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

function gatewayEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(TENCENTCLOUD_|SSL_API_|REDIS_|AUTH_)/.test(name) && name !== 'PORT' && name !== 'HOST') {
      env[name] = value;
    }
  }
  return { ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', AUTH_DISABLED: 'true', ...extra };
}

function startGateway(extra: Record<string, string>): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: REPO_ROOT,
    env: gatewayEnvironment(extra),
  });
}

/** Resolves with the gateway's origin once it prints its banner; rejects if it exits first. */
function originOf(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString();
      const match = /Health:\s+(http:\/\/\S+)\/health/.exec(seen);
      if (match?.[1] !== undefined) {
        child.stderr.off('data', onData);
        child.off('exit', onExit);
        resolve(match[1]);
      }
    };
    const onExit = (code: number | null): void => reject(new Error(`gateway exited (${code}):\n${seen}`));
    child.stderr.on('data', onData);
    child.once('exit', onExit);
  });
}

async function query(origin: string, search: string): Promise<unknown> {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'query($search: String!) { certificates(first: 1, filter: { search: $search }) { totalCount } }',
      variables: { search },
    }),
  });
  return response.json();
}

describe.skipIf(!redisAvailable)('gateway processes sharing Redis (REDIS_URL)', () => {
  let redis: TestRedis;
  let emulator: RunningEmulator;
  const children: ChildProcessWithoutNullStreams[] = [];

  beforeAll(async () => {
    [redis, emulator] = await Promise.all([
      startTestRedis(),
      startEmulator({ seed: true, enforceRateLimits: true }),
    ]);
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await emulator?.close();
    await redis?.stop();
  });

  it('serves a read fetched by one process to the other, and both shut down cleanly', async () => {
    const environment = {
      TENCENTCLOUD_SECRET_ID: emulator.secretId,
      TENCENTCLOUD_SECRET_KEY: emulator.secretKey,
      SSL_API_ENDPOINT: emulator.url,
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: `test-${randomUUID()}:`,
    };
    const replicas = [startGateway(environment), startGateway(environment)];
    children.push(...replicas);
    const [first, second] = await Promise.all(replicas.map(originOf));
    emulator.stats.reset();

    const fromFirst = await query(first!, 'shared-between-processes');
    const fromSecond = await query(second!, 'shared-between-processes');
    expect(fromSecond).toEqual(fromFirst);
    expect(fromFirst).toMatchObject({ data: { certificates: { totalCount: expect.any(Number) } } });
    expect(emulator.stats.countsOf('DescribeCertificates').executed).toBe(1);

    for (const child of replicas) child.kill('SIGTERM');
    const exits = await Promise.all(replicas.map((child) => once(child, 'exit')));
    expect(exits.map(([code]) => code)).toEqual([0, 0]);
  }, 60_000);

  it('refuses to start when REDIS_URL cannot be reached, without printing its password', async () => {
    const child = startGateway({
      TENCENTCLOUD_SECRET_ID: emulator.secretId,
      TENCENTCLOUD_SECRET_KEY: emulator.secretKey,
      SSL_API_ENDPOINT: emulator.url,
      REDIS_URL: 'redis://:hunter2-not-real@127.0.0.1:1',
    });
    children.push(child);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(output).toContain('Redis (REDIS_URL) is unreachable');
    expect(output).not.toContain('hunter2');
  }, 30_000);
});
