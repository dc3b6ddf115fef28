import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOperationsConfig } from '../../src/config/operations.ts';
import type { UpstreamConfig } from '../../src/config/upstream.ts';

// src/main.ts as users run it, stopped the way orchestrators stop it. The sandbox emulator is slowed down with
// SANDBOX_UPSTREAM_LATENCY_MS so that an operation is still in flight when the signal arrives.

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SLOW_QUERY = 'query Slow { certificates(first: 2) { totalCount edges { node { id } } } }';

interface GatewayProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly origin: string;
  /** Resolves when a JSON log line satisfying `matches` has been printed (or already was). */
  logLine(matches: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  output(): string;
}

const started: ChildProcessWithoutNullStreams[] = [];

afterEach(() => {
  for (const child of started.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** src/main.ts under node, as the other tests run it; a test may start it the way users do (`npm start`). */
const NODE_MAIN = [process.execPath, '--import', 'tsx', 'src/main.ts'] as const;

async function startGateway(
  extra: Record<string, string>,
  [command, ...args]: readonly string[] = NODE_MAIN,
): Promise<GatewayProcess> {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(TENCENTCLOUD_|SSL_API_|AUTH_|LOG_LEVEL$|PORT$|HOST$)/.test(name)) env[name] = value;
  }
  const child = spawn(command!, args, {
    cwd: REPO_ROOT,
    env: { ...env, PORT: '0', HOST: '127.0.0.1', ...extra },
  });
  started.push(child);
  let output = '';
  const lines: Array<Record<string, unknown>> = [];
  const waiters: Array<{
    matches: (line: Record<string, unknown>) => boolean;
    resolve: (line: Record<string, unknown>) => void;
  }> = [];
  let partial = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    output += chunk;
  });
  child.stdout.on('data', (chunk: string) => {
    output += chunk;
    partial += chunk;
    const complete = partial.split('\n');
    partial = complete.pop() ?? '';
    for (const text of complete) {
      if (!text.startsWith('{')) continue;
      const line = JSON.parse(text) as Record<string, unknown>;
      lines.push(line);
      for (const waiter of waiters.filter((candidate) => candidate.matches(line))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  const logLine = (matches: (line: Record<string, unknown>) => boolean) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const seen = lines.find(matches);
      if (seen !== undefined) return resolve(seen);
      waiters.push({ matches, resolve });
      child.once('exit', (code) => reject(new Error(`gateway exited (${code}) first; output:\n${output}`)));
    });
  const listening = await logLine((line) => line.msg === 'ssl-graph listening');
  const origin = new URL(String(listening.graphql)).origin;
  return { child, origin, logLine, output: () => output };
}

function sendSlowQuery(origin: string): Promise<Response> {
  return fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: SLOW_QUERY }),
  });
}

/**
 * GET /ready once the first probe has answered: until then it is 503 `starting` (a slowed-down upstream answers
 * the probe late). Each answer waits for the probe a while, so this loop waits on the probe, not on a timer.
 */
async function readyOnceProbed(origin: string): Promise<Response> {
  for (;;) {
    const response = await fetch(`${origin}/ready`);
    if (((await response.clone().json()) as { status: string }).status !== 'starting') return response;
  }
}

/** Resolves with the socket error code, or 'connected'. */
function tryConnect(origin: string): Promise<string> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

/** Yoga logs this at debug level once it is handling a GraphQL request: the operation is in flight. */
const isRequestParsing = (line: Record<string, unknown>) =>
  line.component === 'yoga' && String(line.msg).startsWith('Parsing request');

describe('graceful shutdown of the gateway process', () => {
  it('on SIGTERM answers /ready 503 while still serving for SHUTDOWN_DELAY_MS, then refuses connections, finishes the in-flight operation and exits 0', async () => {
    const gateway = await startGateway({
      SANDBOX_UPSTREAM_LATENCY_MS: '2500',
      SHUTDOWN_DELAY_MS: '1000',
      LOG_LEVEL: 'debug',
    });
    expect((await readyOnceProbed(gateway.origin)).status).toBe(200);
    const inFlight = sendSlowQuery(gateway.origin);
    await gateway.logLine(isRequestParsing);
    const exited = once(gateway.child, 'exit');
    gateway.child.kill('SIGTERM');
    await gateway.logLine((line) => String(line.msg).startsWith('SIGTERM received'));

    // The delay: load balancers probing /ready see 503 (not a refused connection) and stop routing here.
    expect(await tryConnect(gateway.origin)).toBe('connected');
    const ready = await fetch(`${gateway.origin}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'shutting-down' });
    const health = await fetch(`${gateway.origin}/health`);
    expect(health.status).toBe(200);

    await gateway.logLine((line) => String(line.msg).startsWith('shutdown delay over'));
    // The in-flight operation outlasts the delay (2.5 s upstream latency), and answers after the listener closed.
    const response = await inFlight;
    expect(await tryConnect(gateway.origin)).toBe('ECONNREFUSED');
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      data?: { certificates: { edges: unknown[] } };
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    expect(body.data?.certificates.edges).toHaveLength(2);

    const [code] = await exited;
    expect(code).toBe(0);
    const stopped = await gateway.logLine((line) => line.msg === 'ssl-graph stopped');
    expect(stopped.level).toBe(30);
    expect(gateway.output()).not.toContain('shutdown deadline reached');
  });

  it('on SIGINT (an interactive stop) skips the delay and stops at once', async () => {
    const gateway = await startGateway({ SHUTDOWN_DELAY_MS: '5000', LOG_LEVEL: 'debug' });
    // An answer proves the event loop turned since the listening line, so the signal handlers are installed.
    expect((await fetch(`${gateway.origin}/health`)).status).toBe(200);
    const exited = once(gateway.child, 'exit');
    const signalledAt = performance.now();
    gateway.child.kill('SIGINT');
    const [code] = await exited;
    expect(code).toBe(0);
    expect(performance.now() - signalledAt).toBeLessThan(3_000);
    expect(gateway.output()).not.toContain('still serving for');
  });

  it('cuts operations still running at SHUTDOWN_TIMEOUT_MS and still exits 0', async () => {
    const gateway = await startGateway({
      SANDBOX_UPSTREAM_LATENCY_MS: '30000',
      SHUTDOWN_TIMEOUT_MS: '300',
      LOG_LEVEL: 'debug',
    });
    const inFlight = sendSlowQuery(gateway.origin).then(
      () => 'answered',
      () => 'cut',
    );
    await gateway.logLine(isRequestParsing);
    const exited = once(gateway.child, 'exit');
    gateway.child.kill('SIGTERM');
    await gateway.logLine((line) => line.msg === 'shutdown deadline reached; open connections were cut');
    expect(await inFlight).toBe('cut');
    const [code] = await exited;
    expect(code).toBe(0);
  });

  it('exits at once, non-zero, on a second signal', async () => {
    const gateway = await startGateway({ SANDBOX_UPSTREAM_LATENCY_MS: '30000', LOG_LEVEL: 'debug' });
    const inFlight = sendSlowQuery(gateway.origin).catch(() => undefined);
    await gateway.logLine(isRequestParsing);
    const exited = once(gateway.child, 'exit');
    gateway.child.kill('SIGTERM');
    await gateway.logLine((line) => String(line.msg).startsWith('SIGTERM received'));
    gateway.child.kill('SIGINT');
    const [code] = await exited;
    expect(code).toBe(1);
    await inFlight;
  });
});

/** Reads Server-Sent Events off a response: each call resolves with the next event (null once it ended). */
function sseEvents(response: Response): () => Promise<{ event: string; data: unknown } | null> {
  const reader = response.body?.getReader();
  if (reader === undefined) throw new Error('no body');
  const decoder = new TextDecoder();
  let buffer = '';
  return async () => {
    for (;;) {
      const boundary = buffer.indexOf('\n\n');
      if (boundary >= 0) {
        const block = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        if (event === undefined) continue;
        const data = /^data: (.*)$/m.exec(block)?.[1];
        return { event, data: data === undefined || data === '' ? null : JSON.parse(data) };
      }
      const { done, value } = await reader.read();
      if (done) return null;
      buffer += decoder.decode(value, { stream: true });
    }
  };
}

describe('graceful shutdown with job subscriptions open', () => {
  it('on SIGTERM ends each subscription with a last event saying to reconnect, and does not wait for the deadline', async () => {
    const gateway = await startGateway({ SHUTDOWN_TIMEOUT_MS: '15000', SHUTDOWN_DELAY_MS: '100' });
    const deployed = await fetch(`${gateway.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { certificateDeploy(input: { certificateId: "nqP0P9KA", resourceType: CLB,
          region: "ap-guangzhou", instanceIds: ["lb-1umtqj71|lbl-1ye0jt50"] }) { deployRecord { id } } }`,
      }),
    });
    const { data } = (await deployed.json()) as {
      data: { certificateDeploy: { deployRecord: { id: string } } };
    };
    // Polled once, then not for a minute: the stream stays open until the gateway ends it.
    const subscription = await fetch(`${gateway.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({
        query: `subscription($id: ID!) { jobProgress(kind: DEPLOY_RECORD, id: $id, pollIntervalMs: 60000) { id status } }`,
        variables: { id: data.certificateDeploy.deployRecord.id },
      }),
    });
    const nextEvent = sseEvents(subscription);
    expect((await nextEvent())?.event).toBe('next');

    const exited = once(gateway.child, 'exit');
    gateway.child.kill('SIGTERM');
    const last = await nextEvent();
    expect(last).toMatchObject({
      event: 'next',
      data: {
        errors: [{ message: expect.stringMatching(/reconnect/), extensions: { code: 'UNAVAILABLE' } }],
      },
    });
    expect(await nextEvent()).toMatchObject({ event: 'complete' });
    expect(await nextEvent()).toBeNull();
    const [code] = await exited;
    expect(code).toBe(0);
    // Drained, not cut at SHUTDOWN_TIMEOUT_MS (which the test's own timeout would not wait for either).
    expect(gateway.output()).not.toContain('shutdown deadline reached');
  }, 30_000);
});

describe('graceful shutdown through npm start', () => {
  it('reaches the gateway when only npm is signalled, as a supervisor that signals the main process does', async () => {
    const gateway = await startGateway({ SHUTDOWN_DELAY_MS: '0' }, ['npm', 'start']);
    expect((await fetch(`${gateway.origin}/health`)).status).toBe(200);
    const closed = once(gateway.child, 'close');
    // npm's process alone, not its group: before, the shell between npm and the gateway did not pass it on,
    // and the gateway went on listening, orphaned.
    gateway.child.kill('SIGTERM');
    await gateway.logLine((line) => String(line.msg).startsWith('SIGTERM received'));
    await closed;
    await gateway.logLine((line) => line.msg === 'ssl-graph stopped');
    expect(await tryConnect(gateway.origin)).toBe('ECONNREFUSED');
  });
});

describe('shutdown configuration', () => {
  const sandbox: UpstreamConfig = { mode: 'sandbox' };

  it('defaults the delay to 3 s, or half of a shorter SHUTDOWN_TIMEOUT_MS', () => {
    expect(loadOperationsConfig({}, sandbox)).toMatchObject({
      shutdownTimeoutMs: 10_000,
      shutdownDelayMs: 3_000,
    });
    expect(loadOperationsConfig({ SHUTDOWN_TIMEOUT_MS: '300' }, sandbox)).toMatchObject({
      shutdownDelayMs: 150,
    });
  });

  it('refuses a delay that leaves nothing of SHUTDOWN_TIMEOUT_MS for draining', () => {
    expect(() =>
      loadOperationsConfig({ SHUTDOWN_TIMEOUT_MS: '8000', SHUTDOWN_DELAY_MS: '8000' }, sandbox),
    ).toThrow(/SHUTDOWN_DELAY_MS.*less than SHUTDOWN_TIMEOUT_MS/);
    expect(loadOperationsConfig({ SHUTDOWN_DELAY_MS: '0' }, sandbox).shutdownDelayMs).toBe(0);
  });
});
