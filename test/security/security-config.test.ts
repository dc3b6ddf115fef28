import { describe, expect, it } from 'vitest';
import { ConfigError, type Environment } from '../../src/config/environment.ts';
import {
  DEFAULT_QUERY_LIMITS,
  DEFAULT_SERVER_TIMEOUTS,
  loadSecurityConfig,
  type SecurityConfig,
} from '../../src/config/security.ts';
import { loadConfig } from '../../src/config/upstream.ts';

const REAL_CREDENTIALS = {
  TENCENTCLOUD_SECRET_ID: 'AKIDexample0123456789',
  TENCENTCLOUD_SECRET_KEY: 'key0123456789',
};
const SECRET = 'a-shared-secret-that-is-long-enough-0123456789';

function load(env: Environment): SecurityConfig {
  return loadSecurityConfig(env, loadConfig(env).upstream);
}

function refusal(env: Environment): ConfigError {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('authentication settings', () => {
  it('are off in the sandbox by default', () => {
    expect(load({}).auth).toEqual({ mode: 'disabled', reason: 'sandbox' });
  });

  it('can be switched on in the sandbox by configuring a way to verify tokens', () => {
    const auth = load({ AUTH_JWT_SECRET: SECRET }).auth;
    expect(auth).toEqual({
      mode: 'jwt',
      keys: { kind: 'shared-secret', secret: new TextEncoder().encode(SECRET) },
      issuer: undefined,
      audience: undefined,
      tokenType: undefined,
      maxTokenLifetimeSeconds: 86_400,
    });
  });

  it('refuse to run real credentials without authentication, saying how to configure it', () => {
    const error = refusal(REAL_CREDENTIALS);
    expect(error.variable).toBe('AUTH_JWT_SECRET');
    expect(error.message).toContain('AUTH_JWKS_URL');
    expect(error.message).toContain('AUTH_DISABLED=true');
  });

  it('let real credentials run without authentication only when AUTH_DISABLED=true says so', () => {
    expect(load({ ...REAL_CREDENTIALS, AUTH_DISABLED: 'true' }).auth).toEqual({
      mode: 'disabled',
      reason: 'AUTH_DISABLED',
    });
  });

  it('accept a JWKS URL with issuer and audience', () => {
    const auth = load({
      ...REAL_CREDENTIALS,
      AUTH_JWKS_URL: 'https://id.example.com/.well-known/jwks.json',
      AUTH_ISSUER: 'https://id.example.com/',
      AUTH_AUDIENCE: 'ssl-graph',
    }).auth;
    expect(auth).toEqual({
      mode: 'jwt',
      keys: { kind: 'jwks', url: new URL('https://id.example.com/.well-known/jwks.json') },
      issuer: 'https://id.example.com/',
      audience: 'ssl-graph',
      tokenType: undefined,
      maxTokenLifetimeSeconds: 86_400,
    });
  });

  it('read the token type and the longest token lifetime accepted', () => {
    const auth = load({
      AUTH_JWT_SECRET: SECRET,
      AUTH_TOKEN_TYPE: 'at+jwt',
      AUTH_MAX_TOKEN_LIFETIME_SECONDS: '3600',
    }).auth;
    expect(auth).toMatchObject({ mode: 'jwt', tokenType: 'at+jwt', maxTokenLifetimeSeconds: 3600 });
  });

  it('refuse a JWKS URL without an audience: the provider signs tokens for other applications too', () => {
    const error = refusal({
      ...REAL_CREDENTIALS,
      AUTH_JWKS_URL: 'https://id.example.com/.well-known/jwks.json',
    });
    expect(error.variable).toBe('AUTH_AUDIENCE');
    expect(error.message).toContain('AUTH_JWKS_URL');
  });

  it.each(['http://localhost:8080/jwks', 'http://127.0.0.1/jwks', 'http://[::1]:9000/jwks'])(
    'accept plain http for the loopback JWKS URL %s',
    (url) => {
      expect(load({ AUTH_JWKS_URL: url, AUTH_AUDIENCE: 'ssl-graph' }).auth.mode).toBe('jwt');
    },
  );

  it.each<[string, Environment, string]>([
    ['a short secret', { AUTH_JWT_SECRET: 'too-short-0123456789' }, 'AUTH_JWT_SECRET'],
    ['a secret with stray whitespace', { AUTH_JWT_SECRET: ` ${SECRET}` }, 'AUTH_JWT_SECRET'],
    [
      'both verification methods',
      { AUTH_JWT_SECRET: SECRET, AUTH_JWKS_URL: 'https://id.test/jwks' },
      'AUTH_JWKS_URL',
    ],
    [
      'a JWKS URL over http to another host',
      { AUTH_JWKS_URL: 'http://id.example.com/jwks' },
      'AUTH_JWKS_URL',
    ],
    ['a JWKS URL that is not a URL', { AUTH_JWKS_URL: 'id.example.com/jwks' }, 'AUTH_JWKS_URL'],
    [
      'a JWKS URL with credentials',
      { AUTH_JWKS_URL: 'https://user:pw@id.example.com/jwks' },
      'AUTH_JWKS_URL',
    ],
    [
      'AUTH_DISABLED=true together with a secret',
      { AUTH_DISABLED: 'true', AUTH_JWT_SECRET: SECRET },
      'AUTH_DISABLED',
    ],
    ['AUTH_DISABLED=false with nothing to verify with', { AUTH_DISABLED: 'false' }, 'AUTH_DISABLED'],
    ['AUTH_DISABLED=yes', { AUTH_DISABLED: 'yes' }, 'AUTH_DISABLED'],
    ['an issuer without a way to verify tokens', { AUTH_ISSUER: 'https://id.test/' }, 'AUTH_JWT_SECRET'],
    ['a token type without a way to verify tokens', { AUTH_TOKEN_TYPE: 'at+jwt' }, 'AUTH_JWT_SECRET'],
    [
      'AUTH_DISABLED=true together with a token lifetime',
      { AUTH_DISABLED: 'true', AUTH_MAX_TOKEN_LIFETIME_SECONDS: '60' },
      'AUTH_DISABLED',
    ],
    [
      'a token lifetime that is not a number',
      { AUTH_JWT_SECRET: SECRET, AUTH_MAX_TOKEN_LIFETIME_SECONDS: '1d' },
      'AUTH_MAX_TOKEN_LIFETIME_SECONDS',
    ],
  ])('name the variable for %s', (_case, env, variable) => {
    const error = refusal(env);
    expect(error.variable).toBe(variable);
    expect(error.message.startsWith(`${variable}: `)).toBe(true);
  });

  it('never repeat the secret in an error', () => {
    const shortSecret = 'short-secret-value';
    expect(refusal({ AUTH_JWT_SECRET: shortSecret }).message).not.toContain(shortSecret);
  });
});

describe('browser and query settings', () => {
  it('default to same-origin CORS, GraphiQL and introspection on, suggestions shown, default limits', () => {
    const config = load({});
    expect(config.cors).toEqual({ kind: 'same-origin' });
    expect(config.graphiql).toBe(true);
    expect(config.introspection).toBe(true);
    expect(config.blockFieldSuggestions).toBe(false);
    expect(config.limits).toEqual(DEFAULT_QUERY_LIMITS);
  });

  it('turn GraphiQL off and block field suggestions when NODE_ENV=production, unless asked', () => {
    const production = load({ NODE_ENV: 'production' });
    expect(production.graphiql).toBe(false);
    expect(production.blockFieldSuggestions).toBe(true);
    expect(production.introspection).toBe(true);
    expect(load({ NODE_ENV: 'production', GRAPHIQL: 'true' }).graphiql).toBe(true);
  });

  it('block field suggestions whenever introspection is off', () => {
    const config = load({ GRAPHQL_INTROSPECTION: 'false' });
    expect(config.introspection).toBe(false);
    expect(config.blockFieldSuggestions).toBe(true);
  });

  it('read CORS_ORIGINS as a list of origins, or *', () => {
    expect(load({ CORS_ORIGINS: 'https://app.example.com, http://localhost:5173' }).cors).toEqual({
      kind: 'origins',
      origins: ['https://app.example.com', 'http://localhost:5173'],
    });
    expect(load({ CORS_ORIGINS: '*' }).cors).toEqual({ kind: 'any' });
  });

  it('answer only IP literals and localhost without authentication, every host with it, unless ALLOWED_HOSTS says', () => {
    expect(load({}).hosts).toEqual({ kind: 'listed', hosts: [] });
    expect(load({ ...REAL_CREDENTIALS, AUTH_DISABLED: 'true' }).hosts).toEqual({ kind: 'listed', hosts: [] });
    expect(load({ ...REAL_CREDENTIALS, AUTH_JWT_SECRET: SECRET }).hosts).toEqual({ kind: 'any' });
    expect(load({ ALLOWED_HOSTS: 'SSL-Graph.internal, gw.example.com.' }).hosts).toEqual({
      kind: 'listed',
      hosts: ['ssl-graph.internal', 'gw.example.com'],
    });
    expect(load({ ALLOWED_HOSTS: '*' }).hosts).toEqual({ kind: 'any' });
  });

  it('read every limit from its variable', () => {
    const limits = load({
      GRAPHQL_MAX_DEPTH: '7',
      GRAPHQL_MAX_COST: '900',
      GRAPHQL_MAX_ALIASES: '3',
      GRAPHQL_MAX_TOKENS: '400',
      GRAPHQL_MAX_DIRECTIVES: '5',
      GRAPHQL_MAX_BODY_BYTES: '65536',
      GRAPHQL_MAX_ENTITIES: '20',
      GRAPHQL_MAX_UPSTREAM_CALLS: '40',
    }).limits;
    expect(limits).toEqual({
      maxDepth: 7,
      maxCost: 900,
      maxAliases: 3,
      maxTokens: 400,
      maxDirectives: 5,
      maxBodyBytes: 65_536,
      maxEntityRepresentations: 20,
      maxUpstreamCalls: 40,
    });
  });

  it('bound how long a request may take to arrive, 15 s for its headers and 30 s in all by default', () => {
    expect(load({}).serverTimeouts).toEqual(DEFAULT_SERVER_TIMEOUTS);
    expect(DEFAULT_SERVER_TIMEOUTS).toEqual({ headersTimeoutMs: 15_000, requestTimeoutMs: 30_000 });
    expect(
      load({ HTTP_HEADERS_TIMEOUT_MS: '5000', HTTP_REQUEST_TIMEOUT_MS: '120000' }).serverTimeouts,
    ).toEqual({
      headersTimeoutMs: 5_000,
      requestTimeoutMs: 120_000,
    });
  });

  it.each<[Environment, string]>([
    [{ HTTP_HEADERS_TIMEOUT_MS: '0' }, 'HTTP_HEADERS_TIMEOUT_MS'],
    [{ HTTP_REQUEST_TIMEOUT_MS: '600001' }, 'HTTP_REQUEST_TIMEOUT_MS'],
    [{ HTTP_REQUEST_TIMEOUT_MS: '10s' }, 'HTTP_REQUEST_TIMEOUT_MS'],
    [{ HTTP_HEADERS_TIMEOUT_MS: '40000' }, 'HTTP_HEADERS_TIMEOUT_MS'],
    [{ CORS_ORIGINS: 'https://app.example.com/' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: 'app.example.com' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: '*, https://app.example.com' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: 'ftp://files.example.com' }, 'CORS_ORIGINS'],
    [{ ALLOWED_HOSTS: 'https://gw.example.com' }, 'ALLOWED_HOSTS'],
    [{ ALLOWED_HOSTS: 'gw.example.com:4000' }, 'ALLOWED_HOSTS'],
    [{ ALLOWED_HOSTS: '*, gw.example.com' }, 'ALLOWED_HOSTS'],
    [{ GRAPHIQL: 'on' }, 'GRAPHIQL'],
    [{ GRAPHQL_INTROSPECTION: '0' }, 'GRAPHQL_INTROSPECTION'],
    [{ GRAPHQL_MAX_DEPTH: '0' }, 'GRAPHQL_MAX_DEPTH'],
    [{ GRAPHQL_MAX_COST: '-5' }, 'GRAPHQL_MAX_COST'],
    [{ GRAPHQL_MAX_ENTITIES: '0' }, 'GRAPHQL_MAX_ENTITIES'],
    [{ GRAPHQL_MAX_UPSTREAM_CALLS: '1.5' }, 'GRAPHQL_MAX_UPSTREAM_CALLS'],
    [{ GRAPHQL_MAX_BODY_BYTES: '1MB' }, 'GRAPHQL_MAX_BODY_BYTES'],
  ])('refuse %j, naming the variable', (env, variable) => {
    expect(refusal(env).variable).toBe(variable);
  });
});
