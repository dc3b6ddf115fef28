import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJwtAuthenticator, scopesFromClaim } from '../../src/graphql/auth/jwt.ts';
import { startTestStack, type TestStack } from '../graphql/support/stack.ts';
import { bearer, postOperation, type RawGraphQLResponse } from './support/requests.ts';
import { TEST_JWT_SECRET } from './support/tokens.ts';

const ISSUER = 'https://issuer.test/';
const AUDIENCE = 'ssl-graph';
const READ_QUERY = { query: '{ certificates(first: 1) { totalCount } }' };

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: 'alice',
    scope: 'ssl:read',
    iss: ISSUER,
    aud: AUDIENCE,
    iat: now,
    exp: now + 300,
    ...overrides,
  };
}

function signHs(payload: Record<string, unknown>, alg = 'HS256', secret = TEST_JWT_SECRET): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg }).sign(secret);
}

/** A refusal must look the same whatever went wrong, and must not reflect the token anywhere. */
function expectRefused(response: RawGraphQLResponse, token: string | undefined, challenge: RegExp): void {
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toMatch(challenge);
  expect(response.body.errors).toHaveLength(1);
  expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  expect(response.body).not.toHaveProperty('data');
  if (token !== undefined && token.length > 0) {
    for (const part of token.split('.').filter((segment) => segment.length > 8)) {
      expect(response.text).not.toContain(part);
      expect(response.headers.get('www-authenticate')).not.toContain(part);
    }
  }
}

const INVALID_TOKEN_CHALLENGE =
  /^Bearer realm="ssl-graph", error="invalid_token", error_description="[^"]+"$/;

describe('bearer JWTs with a shared HS256 secret', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({
      gateway: {
        authenticate: createJwtAuthenticator({
          keys: { kind: 'shared-secret', secret: TEST_JWT_SECRET },
          issuer: ISSUER,
          audience: AUDIENCE,
        }),
      },
    });
  });
  afterAll(() => stack?.close());

  it('accept a valid token and serve data', async () => {
    const response = await postOperation(stack.gateway, READ_QUERY, bearer(await signHs(claims())));
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({ certificates: { totalCount: expect.any(Number) } });
  });

  it('refuse a request without a token, with a bare challenge', async () => {
    stack.emulator.stats.reset();
    const response = await postOperation(stack.gateway, READ_QUERY);
    expectRefused(response, undefined, /^Bearer realm="ssl-graph"$/);
    expect(stack.emulator.stats.byAction()).toEqual({});
  });

  it.each([
    ['another scheme', 'Basic YWxpY2U6c2VjcmV0'],
    ['an empty bearer', 'Bearer '],
    ['a token with spaces', 'Bearer abc def'],
  ])('refuse %s in the Authorization header', async (_case, header) => {
    const response = await postOperation(stack.gateway, READ_QUERY, { authorization: header });
    expectRefused(response, undefined, INVALID_TOKEN_CHALLENGE);
  });

  const now = () => Math.floor(Date.now() / 1000);
  const refusals: Array<[string, () => Promise<string>]> = [
    ['malformed', async () => 'not.a-jwt.at-all'],
    ['garbage base64', async () => `${base64url({ alg: 'HS256' })}.${base64url('x')}.AAAA`],
    ['expired', () => signHs(claims({ exp: now() - 3600, iat: now() - 7200 }))],
    ['not yet valid', () => signHs(claims({ nbf: now() + 3600 }))],
    ['without an expiry', () => signHs(claims({ exp: undefined }))],
    [
      'signed with another secret (forged)',
      () => signHs(claims(), 'HS256', new TextEncoder().encode('an-attackers-own-secret-0123456789abcdef')),
    ],
    [
      'with a payload changed after signing',
      async () => {
        const [header, , signature] = (await signHs(claims())).split('.');
        return `${header}.${base64url(claims({ scope: 'ssl:read ssl:write ssl:secrets' }))}.${signature}`;
      },
    ],
    ['from another issuer', () => signHs(claims({ iss: 'https://elsewhere.test/' }))],
    ['for another audience', () => signHs(claims({ aud: 'another-api' }))],
    ['unsigned (alg: none)', async () => `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims())}.`],
    ['signed with HS512 (not the configured algorithm)', () => signHs(claims(), 'HS512')],
    ['signed with HS384 (not the configured algorithm)', () => signHs(claims(), 'HS384')],
    ['with a non-string scope claim', () => signHs(claims({ scope: ['ssl:read'] }))],
    ['issued in the future', () => signHs(claims({ iat: now() + 3600, exp: now() + 7200 }))],
    ['valid for more than 24 hours', () => signHs(claims({ exp: now() + 2 * 86_400 }))],
    ['expiring in the year 2200', () => signHs(claims({ exp: 7_258_118_400 }))],
    [
      'without iat, expiring more than 24 hours from now',
      () => signHs(claims({ iat: undefined, exp: now() + 86_400 + 3600 })),
    ],
  ];

  it.each(refusals)('refuse a token %s with 401 and no data', async (_case, makeToken) => {
    stack.emulator.stats.reset();
    const token = await makeToken();
    const response = await postOperation(stack.gateway, READ_QUERY, bearer(token));
    expectRefused(response, token, INVALID_TOKEN_CHALLENGE);
    expect(stack.emulator.stats.byAction()).toEqual({});
  });

  it('accept a token valid for 24 hours, and one without iat that expires within them', async () => {
    for (const token of [
      await signHs(claims({ exp: now() + 86_400 })),
      await signHs(claims({ iat: undefined, exp: now() + 600 })),
    ]) {
      const response = await postOperation(stack.gateway, READ_QUERY, bearer(token));
      expect(response.status).toBe(200);
      expect(response.body.errors).toBeUndefined();
    }
  });

  it('say why a token dated oddly is refused', async () => {
    const future = await signHs(claims({ iat: now() + 3600, exp: now() + 7200 }));
    expect((await postOperation(stack.gateway, READ_QUERY, bearer(future))).body.errors?.[0]?.message).toBe(
      'The bearer token was refused: it was issued in the future.',
    );
    const lasting = await signHs(claims({ exp: now() + 7 * 86_400 }));
    expect((await postOperation(stack.gateway, READ_QUERY, bearer(lasting))).body.errors?.[0]?.message).toBe(
      'The bearer token was refused: it is valid for longer than the 86400 seconds this gateway accepts.',
    );
  });

  it('say why in words that name the failed check', async () => {
    const expired = await signHs(claims({ exp: now() - 3600, iat: now() - 7200 }));
    const response = await postOperation(stack.gateway, READ_QUERY, bearer(expired));
    expect(response.body.errors?.[0]?.message).toBe('The bearer token was refused: it has expired.');
  });
});

describe('the token type and lifetime, when configured', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({
      gateway: {
        authenticate: createJwtAuthenticator({
          keys: { kind: 'shared-secret', secret: TEST_JWT_SECRET },
          tokenType: 'at+jwt',
          maxTokenLifetimeSeconds: 3600,
        }),
      },
    });
  });
  afterAll(() => stack?.close());

  const now = () => Math.floor(Date.now() / 1000);
  const typed = (typ: string | undefined, overrides: Record<string, unknown> = {}) =>
    new SignJWT(claims(overrides))
      .setProtectedHeader(typ === undefined ? { alg: 'HS256' } : { alg: 'HS256', typ })
      .sign(TEST_JWT_SECRET);

  it('accept the RFC 9068 access token type, spelt either way', async () => {
    for (const typ of ['at+jwt', 'application/at+jwt']) {
      const response = await postOperation(stack.gateway, READ_QUERY, bearer(await typed(typ)));
      expect(response.status, typ).toBe(200);
    }
  });

  it.each([['JWT'], ['at+jwt+foo'], [undefined]])('refuse the token type %s', async (typ) => {
    const token = await typed(typ);
    const response = await postOperation(stack.gateway, READ_QUERY, bearer(token));
    expectRefused(response, token, INVALID_TOKEN_CHALLENGE);
    expect(response.body.errors?.[0]?.message).toBe(
      'The bearer token was refused: its "typ" header is not the token type this gateway accepts.',
    );
  });

  it('refuse a token valid for longer than the configured lifetime', async () => {
    const token = await typed('at+jwt', { exp: now() + 7200 });
    expectRefused(
      await postOperation(stack.gateway, READ_QUERY, bearer(token)),
      token,
      INVALID_TOKEN_CHALLENGE,
    );
  });
});

describe('the scope claim', () => {
  it('grants only the known SSL scopes and ignores the rest', () => {
    expect([...scopesFromClaim({ scope: 'openid ssl:read  ssl:secrets profile ssl:admin' })].sort()).toEqual([
      'ssl:read',
      'ssl:secrets',
    ]);
    expect(scopesFromClaim({}).size).toBe(0);
    expect(scopesFromClaim({ scope: 'SSL:READ' }).size).toBe(0);
  });
});

describe('bearer JWTs verified with a remote JWKS (RS256, ES256)', () => {
  let stack: TestStack;
  let jwksServer: Server;
  let jwksFetches = 0;
  let rsaPrivateKey: CryptoKey;
  let ecPrivateKey: CryptoKey;
  let secondEcPrivateKey: CryptoKey;
  let rsaPublicPem: string;
  const unlistedKid = 'not-in-the-set';

  beforeAll(async () => {
    const rsa = await generateKeyPair('RS256', { extractable: true });
    const ec = await generateKeyPair('ES256', { extractable: true });
    const secondEc = await generateKeyPair('ES256', { extractable: true });
    rsaPrivateKey = rsa.privateKey;
    ecPrivateKey = ec.privateKey;
    secondEcPrivateKey = secondEc.privateKey;
    rsaPublicPem = await exportSPKI(rsa.publicKey);
    const keys: JWK[] = [
      { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
      { ...(await exportJWK(ec.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
      // A second key of the same algorithm, as during a rotation.
      { ...(await exportJWK(secondEc.publicKey)), kid: 'ec-2', alg: 'ES256', use: 'sig' },
    ];
    jwksServer = createServer((_request, response) => {
      jwksFetches += 1;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ keys }));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    const { port } = jwksServer.address() as AddressInfo;
    stack = await startTestStack({
      gateway: {
        authenticate: createJwtAuthenticator({
          keys: { kind: 'jwks', url: new URL(`http://127.0.0.1:${port}/.well-known/jwks.json`) },
          issuer: ISSUER,
          audience: AUDIENCE,
        }),
      },
    });
  });
  afterAll(async () => {
    await stack?.close();
    await new Promise((resolve) => jwksServer?.close(resolve));
  });

  it('accept RS256 and ES256 tokens and fetch the key set once for many requests', async () => {
    const rsaToken = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' })
      .sign(rsaPrivateKey);
    const ecToken = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'ES256', kid: 'ec-1' })
      .sign(ecPrivateKey);
    for (let round = 0; round < 3; round += 1) {
      for (const token of [rsaToken, ecToken]) {
        const response = await postOperation(stack.gateway, READ_QUERY, bearer(token));
        expect(response.status).toBe(200);
        expect(response.body.errors).toBeUndefined();
      }
    }
    expect(jwksFetches).toBe(1);
  });

  it('refuse an HS256 token keyed with the public key (algorithm confusion)', async () => {
    const token = await signHs(claims(), 'HS256', new TextEncoder().encode(rsaPublicPem));
    expectRefused(
      await postOperation(stack.gateway, READ_QUERY, bearer(token)),
      token,
      INVALID_TOKEN_CHALLENGE,
    );
  });

  it('refuse a token whose key is not in the set', async () => {
    const stranger = await generateKeyPair('ES256');
    const token = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'ES256', kid: unlistedKid })
      .sign(stranger.privateKey);
    expectRefused(
      await postOperation(stack.gateway, READ_QUERY, bearer(token)),
      token,
      INVALID_TOKEN_CHALLENGE,
    );
  });

  it('try every matching key for a token without a key id, and refuse one no key verifies with 401', async () => {
    const withoutKid = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'ES256' })
      .sign(secondEcPrivateKey);
    const accepted = await postOperation(stack.gateway, READ_QUERY, bearer(withoutKid));
    expect(accepted.status).toBe(200);
    expect(accepted.body.errors).toBeUndefined();

    const stranger = await generateKeyPair('ES256');
    const forged = await new SignJWT(claims()).setProtectedHeader({ alg: 'ES256' }).sign(stranger.privateKey);
    expectRefused(
      await postOperation(stack.gateway, READ_QUERY, bearer(forged)),
      forged,
      INVALID_TOKEN_CHALLENGE,
    );
  });

  it('refuse a token signed by a stranger under a listed key id', async () => {
    const stranger = await generateKeyPair('ES256');
    const token = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'ES256', kid: 'ec-1' })
      .sign(stranger.privateKey);
    expectRefused(
      await postOperation(stack.gateway, READ_QUERY, bearer(token)),
      token,
      INVALID_TOKEN_CHALLENGE,
    );
  });
});
