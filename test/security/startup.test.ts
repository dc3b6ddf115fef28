import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SANDBOX_SECRET_ID, DEFAULT_SANDBOX_SECRET_KEY } from '../../src/emulator/index.ts';
import { SslClient } from '../../src/ssl/client.ts';
import { StaticCredentialsProvider } from '../../src/ssl/credentials.ts';
import { tokenWithScopes } from './support/tokens.ts';

// src/main.ts as users run it: which configurations start, which refuse, and what the banner says about access.

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TEST_SECRET = 'test-only-hs256-secret-0123456789abcdef';
/** Nothing listens there: a misbehaving gateway must not reach Tencent Cloud from a test. */
const UNREACHABLE_ENDPOINT = 'http://127.0.0.1:9';

function environment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    const configuresGateway = /^(TENCENTCLOUD_|SSL_API_|AUTH_|CORS_|GRAPHQL_|HTTP_)/.test(name);
    if (!configuresGateway && !['PORT', 'HOST', 'GRAPHIQL', 'NODE_ENV'].includes(name)) env[name] = value;
  }
  return { ...env, PORT: '0', HOST: '127.0.0.1', ...extra };
}

interface GatewayProcess {
  readonly child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
}

const started: ChildProcessWithoutNullStreams[] = [];

function startGateway(extra: Record<string, string>): GatewayProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: REPO_ROOT,
    env: environment(extra),
  });
  started.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return { child, stdout: () => stdout, stderr: () => stderr };
}

async function originOnceListening(gateway: GatewayProcess): Promise<string> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const match = /Health:\s+(http:\/\/\S+)\/health/.exec(gateway.stderr());
    if (match) return match[1] as string;
    if (gateway.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gateway did not start:\n${gateway.stdout()}\n${gateway.stderr()}`);
}

/** Resolves once `output()` contains `text`; fails after a few seconds with what was written instead. */
async function written(output: () => string, text: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!output().includes(text) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(output()).toContain(text);
}

afterEach(() => {
  for (const child of started.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});

describe('starting the gateway', () => {
  it('refuses real credentials without authentication and says how to configure it', async () => {
    const gateway = startGateway({
      TENCENTCLOUD_SECRET_ID: 'AKIDexample0123456789',
      TENCENTCLOUD_SECRET_KEY: 'example-key-0123456789',
      SSL_API_ENDPOINT: UNREACHABLE_ENDPOINT,
    });
    const [code] = await once(gateway.child, 'close');
    expect(code).toBe(1);
    expect(gateway.stderr()).toContain('invalid configuration: AUTH_JWT_SECRET');
    expect(gateway.stderr()).toContain('AUTH_JWKS_URL');
    expect(gateway.stderr()).toContain('AUTH_DISABLED=true');
    expect(gateway.stderr()).not.toContain('Health:');
  });

  it('starts with real credentials and AUTH_DISABLED=true, warning loudly', async () => {
    const gateway = startGateway({
      TENCENTCLOUD_SECRET_ID: 'AKIDexample0123456789',
      TENCENTCLOUD_SECRET_KEY: 'example-key-0123456789',
      SSL_API_ENDPOINT: UNREACHABLE_ENDPOINT,
      AUTH_DISABLED: 'true',
    });
    await originOnceListening(gateway);
    expect(gateway.stderr()).toContain('Auth:      OFF (AUTH_DISABLED=true)');
    // Written after the banner, on the same pipe, perhaps in a later chunk.
    await written(gateway.stderr, 'WARNING: AUTHENTICATION IS DISABLED');
  });

  it('says authentication is off in the sandbox banner', async () => {
    const gateway = startGateway({});
    await originOnceListening(gateway);
    expect(gateway.stderr()).toContain('SANDBOX mode');
    expect(gateway.stderr()).toContain('Auth:      OFF (sandbox)');
  });

  it('requires bearer tokens in the sandbox once a secret is configured', async () => {
    const gateway = startGateway({ AUTH_JWT_SECRET: TEST_SECRET });
    const origin = await originOnceListening(gateway);
    expect(gateway.stderr()).toContain('Auth:      bearer JWTs required (HS256 with AUTH_JWT_SECRET)');
    expect(gateway.stderr()).not.toContain(TEST_SECRET);

    const query = JSON.stringify({ query: '{ certificates(first: 1) { totalCount } }' });
    const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };
    const anonymous = await fetch(`${origin}/graphql`, { method: 'POST', headers, body: query });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="ssl-graph"');

    const token = await tokenWithScopes(['ssl:read']);
    const authorized = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { ...headers, authorization: `Bearer ${token}` },
      body: query,
    });
    expect(authorized.status).toBe(200);
    expect(gateway.stdout() + gateway.stderr()).not.toContain(token);
  });

  it('gives the sandbox emulator keys of its own and no host names: it is no way around authentication', async () => {
    const gateway = startGateway({ AUTH_JWT_SECRET: TEST_SECRET });
    await originOnceListening(gateway);
    const emulatorUrl = /Emulator:\s+(http:\/\/\S+)/.exec(gateway.stderr())?.[1];
    expect(emulatorUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    // Signed with the published sandbox key pair, as anything on the machine could.
    const outsider = new SslClient({
      endpoint: emulatorUrl!,
      credentials: new StaticCredentialsProvider({
        secretId: DEFAULT_SANDBOX_SECRET_ID,
        secretKey: DEFAULT_SANDBOX_SECRET_KEY,
      }),
    });
    try {
      await expect(outsider.call('DescribeCertificates', { Limit: 1 })).rejects.toMatchObject({
        code: 'AuthFailure.SecretIdNotFound',
      });
    } finally {
      await outsider.close();
    }

    // A DNS-rebinding page sends its own name as the Host.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const url = new URL(emulatorUrl!);
      httpRequest(
        { host: url.hostname, port: url.port, method: 'POST', headers: { host: 'attacker.example.com' } },
        (response) => {
          response.resume();
          resolve(response.statusCode);
        },
      )
        .on('error', reject)
        .end('{}');
    });
    expect(status).toBe(403);
  });

  it('cuts a client that does not finish sending its headers within HTTP_HEADERS_TIMEOUT_MS', async () => {
    const gateway = startGateway({ HTTP_HEADERS_TIMEOUT_MS: '200', HTTP_REQUEST_TIMEOUT_MS: '400' });
    const { hostname, port } = new URL(await originOnceListening(gateway));
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () =>
        socket.write('GET /health HTTP/1.1\r\nHost: x\r\n'),
      );
      let received = '';
      socket.setEncoding('utf8').on('data', (chunk: string) => {
        received += chunk;
      });
      socket.on('close', () => resolve(received)).on('error', reject);
      // Node's default (60 s, checked every 30 s) would still hold the socket: fail well before the test's limit.
      setTimeout(() => socket.destroy(), 10_000).unref();
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('names PORT in one line, not a stack trace, when the port is taken', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as AddressInfo;
    try {
      const gateway = startGateway({ PORT: String(port) });
      const [code] = await once(gateway.child, 'close');
      expect(code).toBe(1);
      expect(gateway.stderr()).toContain(`ssl-graph: invalid configuration: PORT`);
      expect(gateway.stderr()).not.toMatch(/\n\s+at /);
    } finally {
      await new Promise<void>((resolve) => holder.close(() => resolve()));
    }
  });

  it('refuses an invalid limit before starting, naming the variable', async () => {
    const gateway = startGateway({ GRAPHQL_MAX_DEPTH: 'deep' });
    const [code] = await once(gateway.child, 'close');
    expect(code).toBe(1);
    expect(gateway.stderr()).toContain('GRAPHQL_MAX_DEPTH');
  });
});
