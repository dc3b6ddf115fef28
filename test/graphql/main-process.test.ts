import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// src/main.ts as users run it: a real process, listening on a real socket, in sandbox mode.

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The parent's environment without anything that would take the gateway out of sandbox mode. */
function sandboxEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(TENCENTCLOUD_|SSL_API_)/.test(name) && name !== 'PORT' && name !== 'HOST') env[name] = value;
  }
  return { ...env, ...extra };
}

function startGatewayProcess(extra: Record<string, string>): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: REPO_ROOT,
    env: sandboxEnvironment(extra),
  });
}

function collect(stream: NodeJS.ReadableStream): { text: () => string } {
  let text = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    text += chunk;
  });
  return { text: () => text };
}

/** Resolves with the first match of `pattern` in the process's stderr (the banner); rejects if it exits first. */
function waitForOutput(child: ChildProcessWithoutNullStreams, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer | string): void => {
      seen += chunk.toString();
      const match = pattern.exec(seen);
      if (match) {
        child.stderr.off('data', onData);
        child.off('exit', onExit);
        resolve(match);
      }
    };
    const onExit = (code: number | null): void => {
      reject(new Error(`gateway exited (${code}) before printing ${pattern}; stderr so far:\n${seen}`));
    };
    child.stderr.on('data', onData);
    child.once('exit', onExit);
  });
}

describe('the gateway process in sandbox mode', () => {
  let child: ChildProcessWithoutNullStreams;
  let stdout: { text: () => string };
  let stderr: { text: () => string };
  let origin: string;

  beforeAll(async () => {
    child = startGatewayProcess({ PORT: '0', HOST: '127.0.0.1' });
    stdout = collect(child.stdout);
    stderr = collect(child.stderr);
    const [, health] = await waitForOutput(child, /Health:\s+(http:\/\/\S+)\/health/);
    origin = health!;
  });

  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('prints a sandbox banner on stderr with the GraphiQL and emulator URLs and how to use real credentials', () => {
    const banner = stderr.text();
    expect(banner).toContain('SANDBOX mode');
    expect(banner).toContain(`GraphiQL:  ${origin}/graphql`);
    expect(banner).toMatch(/Emulator:\s+http:\/\/127\.0\.0\.1:\d+/);
    expect(banner).toContain('TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY');
  });

  it('answers GET /health with 200', async () => {
    const response = await fetch(`${origin}/health`);
    expect(response.status).toBe(200);
  });

  it('serves GraphiQL to browsers on GET /graphql', async () => {
    const response = await fetch(`${origin}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>ssl-graph</title>');
  });

  it('serves the graph over the emulator through the real client', async () => {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ certificates(first: 3) { totalCount edges { node { id status } } } }',
      }),
    });
    const body = (await response.json()) as {
      data?: { certificates: { totalCount: number; edges: Array<{ node: { id: string; status: string } }> } };
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    expect(body.data?.certificates.edges).toHaveLength(3);
    expect(body.data?.certificates.totalCount).toBeGreaterThan(3);
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = once(child, 'close');
    child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
    expect(stdout.text()).toContain('ssl-graph stopped');
    // stdout is the JSON log alone, one object per line, as log pipelines parse it.
    const lines = stdout
      .text()
      .split('\n')
      .filter((line) => line !== '');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
  });
});

describe('the gateway process with invalid configuration', () => {
  it('names the variable and exits non-zero', async () => {
    const child = startGatewayProcess({ SSL_API_REGION: 'ap-nowhere' });
    const stderr = collect(child.stderr);
    const [code] = await once(child, 'close');
    expect(code).toBe(1);
    expect(stderr.text()).toContain('SSL_API_REGION');
  });
});
