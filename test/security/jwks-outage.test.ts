import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  KEYS_REFRESH_AFTER_MS,
  STALE_KEYS_GRACE_MS,
  UNKNOWN_KEY_REFETCH_INTERVAL_MS,
} from '../../src/graphql/auth/jwks-key-set.ts';
import { createJwtAuthenticator } from '../../src/graphql/auth/jwt.ts';
import { createGateway, type Gateway } from '../../src/graphql/yoga.ts';
import { createLogger } from '../../src/observability/logger.ts';
import { GatewayTelemetry } from '../../src/observability/telemetry.ts';
import { startTestStack, type TestStack } from '../graphql/support/stack.ts';
import { MemoryLog } from '../observability/observed-stack.ts';
import { bearer, postOperation, type RawGraphQLResponse } from './support/requests.ts';

// The identity provider's key endpoint going down, or hanging, while the gateway runs (QA security finding 3):
// the gateway keeps verifying with the keys it has, and says 503 AUTH_KEYS_UNAVAILABLE only once it has none.

const READ_QUERY = { query: '{ certificates(first: 1) { totalCount } }' };
const AUDIENCE = 'ssl-graph';
const PINO_ERROR_LEVEL = 50;

type EndpointMode = 'up' | 'down' | 'hang';

let stack: TestStack;
let jwksServer: Server;
let jwksUrl: URL;
let mode: EndpointMode = 'up';
let fetches = 0;
let signingKey: CryptoKey;
let publicJwk: JWK;
const gateways: Gateway[] = [];

beforeAll(async () => {
  const pair = await generateKeyPair('ES256', { extractable: true });
  signingKey = pair.privateKey;
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  jwksServer = createServer((_request, response) => {
    fetches += 1;
    if (mode === 'hang') return;
    if (mode === 'down') {
      response.writeHead(500).end('identity provider unavailable');
      return;
    }
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ keys: [publicJwk] }));
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  jwksUrl = new URL(`http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks`);
  stack = await startTestStack();
});
afterAll(async () => {
  for (const gateway of gateways) await gateway.dispose();
  await stack?.close();
  jwksServer?.closeAllConnections();
  await new Promise((resolve) => jwksServer?.close(resolve));
});
beforeEach(() => {
  mode = 'up';
  fetches = 0;
});

interface GatewayUnderTest {
  readonly gateway: Gateway;
  readonly log: MemoryLog;
  /** Moves the clock the key set's age is measured on. */
  advance(ms: number): void;
}

function gatewayWithJwks(): GatewayUnderTest {
  let now = Date.now();
  const log = new MemoryLog();
  const logger = createLogger({ level: 'trace', destination: log });
  const gateway = createGateway({
    ssl: stack.client,
    telemetry: new GatewayTelemetry({ logger }),
    authenticate: createJwtAuthenticator({
      keys: { kind: 'jwks', url: jwksUrl },
      audience: AUDIENCE,
      logger,
      keySetClock: () => now,
      keySetFetchTimeoutMs: 300,
    }),
  });
  gateways.push(gateway);
  return {
    gateway,
    log,
    advance(ms) {
      now += ms;
    },
  };
}

function token(kid = 'k1', key = signingKey): Promise<string> {
  return new SignJWT({ scope: 'ssl:read' })
    .setProtectedHeader({ alg: 'ES256', kid })
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key);
}

async function read(gateway: Gateway, kid?: string): Promise<RawGraphQLResponse> {
  return postOperation(gateway, READ_QUERY, bearer(await token(kid)));
}

function expectServed(response: RawGraphQLResponse): void {
  expect(response.status).toBe(200);
  expect(response.body.errors).toBeUndefined();
}

function expectKeysUnavailable(response: RawGraphQLResponse): void {
  expect(response.status).toBe(503);
  expect(response.body).not.toHaveProperty('data');
  expect(response.body.errors?.[0]?.extensions?.code).toBe('AUTH_KEYS_UNAVAILABLE');
  expect(response.body.errors?.[0]?.message).toMatch(/signing keys could not be fetched/);
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
}

function errorLines(log: MemoryLog): unknown[] {
  return log.records().filter((record) => Number(record.level) >= PINO_ERROR_LEVEL);
}

describe('the JWKS endpoint failing while the gateway runs', () => {
  it('keeps verifying with the last good keys, refetching beside requests and not on each of them', async () => {
    const { gateway, log, advance } = gatewayWithJwks();
    expectServed(await read(gateway));
    expect(fetches).toBe(1);

    mode = 'down';
    advance(KEYS_REFRESH_AFTER_MS + 1);
    expectServed(await read(gateway));
    // The refresh runs beside the request; it fails and is logged as a warning, not an error.
    await vi.waitFor(() =>
      expect(log.records().some((r) => /could not refresh the JWKS/.test(String(r.msg)))).toBe(true),
    );
    expect(fetches).toBe(2);
    for (let request = 0; request < 5; request += 1) expectServed(await read(gateway));
    // Retried after a delay, not by every request.
    expect(fetches).toBe(2);

    advance(60_000);
    expectServed(await read(gateway));
    await vi.waitFor(() => expect(fetches).toBe(3));
    expect(errorLines(log)).toEqual([]);
  });

  it('answers 503 AUTH_KEYS_UNAVAILABLE with Retry-After once the last good keys are too old, and recovers', async () => {
    const { gateway, log, advance } = gatewayWithJwks();
    expectServed(await read(gateway));
    mode = 'down';
    advance(STALE_KEYS_GRACE_MS + 1);
    stack.emulator.stats.reset();
    const refused = await read(gateway);
    expectKeysUnavailable(refused);
    expect(refused.text).not.toContain('Unexpected error');
    expect(stack.emulator.stats.byAction()).toEqual({});
    const fetchesSoFar = fetches;
    // Within the retry delay the answer comes without another fetch.
    expectKeysUnavailable(await read(gateway));
    expect(fetches).toBe(fetchesSoFar);

    mode = 'up';
    advance(Number(refused.headers.get('retry-after')) * 1000);
    expectServed(await read(gateway));
    expect(log.records().some((r) => /answers again/.test(String(r.msg)))).toBe(true);
    expect(errorLines(log)).toEqual([]);
  });

  it('answers 503, not a masked 500, when no keys could be fetched since start (endpoint down or hanging)', async () => {
    mode = 'down';
    const down = gatewayWithJwks();
    expectKeysUnavailable(await read(down.gateway));

    mode = 'hang';
    const hanging = gatewayWithJwks();
    expectKeysUnavailable(await read(hanging.gateway));
    const fetchesSoFar = fetches;
    expectKeysUnavailable(await read(hanging.gateway));
    expect(fetches).toBe(fetchesSoFar);
    expect([...errorLines(down.log), ...errorLines(hanging.log)]).toEqual([]);
  });

  it('serves at once from the keys it has while a refresh hangs', async () => {
    const { gateway, advance } = gatewayWithJwks();
    expectServed(await read(gateway));
    mode = 'hang';
    advance(KEYS_REFRESH_AFTER_MS + 1);
    expectServed(await read(gateway));
    expectServed(await read(gateway));
  });

  it('refuses a token naming an unknown key with 401, never a 500 or an error log, while the endpoint is down', async () => {
    const { gateway, log, advance } = gatewayWithJwks();
    expectServed(await read(gateway));
    mode = 'down';
    advance(UNKNOWN_KEY_REFETCH_INTERVAL_MS + 1);
    const stranger = await generateKeyPair('ES256');
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const forged = await new SignJWT({ scope: 'ssl:read' })
        .setProtectedHeader({ alg: 'ES256', kid: 'attacker-made' })
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(stranger.privateKey);
      const response = await postOperation(gateway, READ_QUERY, bearer(forged));
      expect(response.status).toBe(401);
      expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(response.body.errors?.[0]?.message).toBe(
        'The bearer token was refused: no key of the issuer matches it.',
      );
    }
    // One refetch for the unknown key, then none until its interval has passed.
    expect(fetches).toBe(2);
    expectServed(await read(gateway));
    expect(errorLines(log)).toEqual([]);
  });
});
