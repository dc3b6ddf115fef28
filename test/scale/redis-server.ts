import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';

/**
 * A throwaway redis-server for the scale tests: started on a free loopback port with persistence off, stopped
 * by the test's teardown. REDIS_TEST_URL points the tests at a server someone else runs instead.
 */

function findOnPath(executable: string): string | undefined {
  for (const directory of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(directory, executable);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this directory.
    }
  }
  return undefined;
}

const externalUrl = process.env.REDIS_TEST_URL;
const redisServerPath = findOnPath('redis-server');

/** False only when there is neither REDIS_TEST_URL nor a redis-server binary (`apt-get install redis-server`). */
export const redisAvailable = externalUrl !== undefined || redisServerPath !== undefined;

export const REDIS_UNAVAILABLE_MESSAGE =
  'scale tests skipped: no redis-server on PATH and no REDIS_TEST_URL (install it: apt-get install -y redis-server)';

if (!redisAvailable) {
  // CI installs redis-server (.ci/run); a skip there would hide a broken setup.
  if (process.env.CI === 'true') throw new Error(REDIS_UNAVAILABLE_MESSAGE.replace('skipped', 'cannot run'));
  console.warn(REDIS_UNAVAILABLE_MESSAGE);
}

export interface TestRedis {
  readonly url: string;
  stop(): Promise<void>;
  /**
   * Starts a stopped server again on the same port, empty (as a crashed Redis without persistence comes back).
   * Undefined for a server someone else runs (REDIS_TEST_URL).
   */
  readonly restart?: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function waitUntilReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        child.stdout?.off('data', onData);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`redis-server exited (${code}) before it was ready:\n${output}`)),
    );
  });
}

/** redis-server's complaint when another process took the port between the probe and its bind. */
const PORT_TAKEN = /Address already in use/;
const START_ATTEMPTS = 5;

function spawnRedis(executable: string, port: number): ChildProcess {
  return spawn(
    executable,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--loglevel',
      'notice',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
}

/**
 * Starts redis-server on a free port (`choosePort`, a probe by default). The port is free only when probed
 * (redis-server cannot pick one itself: port 0 turns TCP off) and tests run in parallel: when another process
 * takes it first, this starts again on another one.
 */
export async function startTestRedis(choosePort: () => Promise<number> = freePort): Promise<TestRedis> {
  if (externalUrl !== undefined) return { url: externalUrl, stop: async () => undefined };
  if (redisServerPath === undefined) throw new Error(REDIS_UNAVAILABLE_MESSAGE);
  for (let attempt = 1; ; attempt += 1) {
    const port = await choosePort();
    const child = spawnRedis(redisServerPath, port);
    try {
      await waitUntilReady(child);
    } catch (error) {
      if (attempt < START_ATTEMPTS && error instanceof Error && PORT_TAKEN.test(error.message)) continue;
      throw error;
    }
    let running = child;
    return {
      url: `redis://127.0.0.1:${port}`,
      stop: () =>
        new Promise<void>((resolve) => {
          if (running.exitCode !== null || running.signalCode !== null) return resolve();
          running.once('exit', () => resolve());
          running.kill('SIGTERM');
        }),
      // On the same port, as a Redis coming back after an outage does.
      restart: async () => {
        running = spawnRedis(redisServerPath, port);
        await waitUntilReady(running);
      },
    };
  }
}
