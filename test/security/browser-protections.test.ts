import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorsPolicy } from '../../src/config/security.ts';
import { CSRF_PREVENTION_HEADER } from '../../src/graphql/security/csrf.ts';
import { createGateway, type Gateway } from '../../src/graphql/yoga.ts';
import { startTestStack, type TestStack } from '../graphql/support/stack.ts';
import { postOperation } from './support/requests.ts';

// What browsers may do: CSRF prevention, CORS, and how much of the schema is shown (introspection, field
// suggestions, GraphiQL).

const ENDPOINT = 'http://gateway.test/graphql';
const APP_ORIGIN = 'https://app.example.com';
const FOREIGN_ORIGIN = 'https://evil.example.net';

let stack: TestStack;
const gateways: Gateway[] = [];

function gatewayWith(options: Omit<Parameters<typeof createGateway>[0], 'ssl'>): Gateway {
  const gateway = createGateway({ logging: false, ...options, ssl: stack.client });
  gateways.push(gateway);
  return gateway;
}

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  for (const gateway of gateways) await gateway.dispose();
  await stack?.close();
});

describe('CSRF prevention', () => {
  it('refuses a GET without the CSRF header with 403 and runs nothing', async () => {
    stack.emulator.stats.reset();
    const response = await stack.gateway.fetch(
      `${ENDPOINT}?query=${encodeURIComponent('{ certificates { totalCount } }')}`,
      {
        headers: { accept: 'application/graphql-response+json' },
      },
    );
    expect(response.status).toBe(403);
    expect(((await response.json()) as { errors: { message: string }[] }).errors[0]?.message).toMatch(/CSRF/);
    expect(stack.emulator.stats.byAction()).toEqual({});
  });

  it('serves a GET that carries the CSRF header', async () => {
    const response = await stack.gateway.fetch(`${ENDPOINT}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/graphql-response+json', [CSRF_PREVENTION_HEADER]: '1' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it.each([
    ['text/plain', JSON.stringify({ query: '{ __typename }' })],
    ['application/x-www-form-urlencoded', `query=${encodeURIComponent('{ __typename }')}`],
    [
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n{ __typename }\r\n--x--',
    ],
  ])('refuses a %s POST (a form or beacon from another site) with 403', async (contentType, body) => {
    const response = await stack.gateway.fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': contentType, accept: 'application/graphql-response+json' },
      body,
    });
    expect(response.status).toBe(403);
  });

  it('lets JSON POSTs through: their content type already forces a preflight', async () => {
    const response = await postOperation(stack.gateway, { query: '{ __typename }' });
    expect(response.status).toBe(200);
  });
});

async function preflight(gateway: Gateway, origin: string): Promise<Response> {
  return gateway.fetch(ENDPOINT, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
    },
  });
}

describe('CORS', () => {
  it('sends no CORS headers by default, so only same-origin pages can read answers', async () => {
    const answer = await postOperation(
      stack.gateway,
      { query: '{ __typename }' },
      { origin: FOREIGN_ORIGIN },
    );
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    const response = await preflight(stack.gateway, FOREIGN_ORIGIN);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  describe('with a list of origins', () => {
    const policy: CorsPolicy = { kind: 'origins', origins: [APP_ORIGIN, 'http://localhost:5173'] };

    it('answers a listed origin with itself, without credentials, and varies on Origin', async () => {
      const gateway = gatewayWith({ security: { cors: policy } });
      const response = await preflight(gateway, APP_ORIGIN);
      expect(response.status).toBeLessThan(300);
      expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
      expect(response.headers.get('access-control-allow-headers')).toMatch(/authorization/);
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      const answer = await postOperation(gateway, { query: '{ __typename }' }, { origin: APP_ORIGIN });
      expect(answer.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
      expect(answer.headers.get('vary')).toMatch(/Origin/);
    });

    it('lets the page send its own request id and read the id, the challenge and Retry-After', async () => {
      const gateway = gatewayWith({ security: { cors: policy } });
      const response = await gateway.fetch(ENDPOINT, {
        method: 'OPTIONS',
        headers: {
          origin: APP_ORIGIN,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, x-request-id',
        },
      });
      expect(response.headers.get('access-control-allow-headers')).toMatch(/(^|,)\s*x-request-id\s*(,|$)/);
      const answer = await postOperation(
        gateway,
        { query: '{ __typename }' },
        { origin: APP_ORIGIN, 'x-request-id': 'browser-4711' },
      );
      expect(answer.headers.get('x-request-id')).toBe('browser-4711');
      const exposed = (answer.headers.get('access-control-expose-headers') ?? '').split(/\s*,\s*/);
      expect(exposed).toEqual(expect.arrayContaining(['x-request-id', 'retry-after', 'www-authenticate']));
    });

    it.each([FOREIGN_ORIGIN, 'null', 'https://app.example.com.evil.example.net'])(
      'gives %s no CORS headers at all',
      async (origin) => {
        const gateway = gatewayWith({ security: { cors: policy } });
        const response = await preflight(gateway, origin);
        expect(response.headers.get('access-control-allow-origin')).toBeNull();
        const answer = await postOperation(gateway, { query: '{ __typename }' }, { origin });
        expect(answer.headers.get('access-control-allow-origin')).toBeNull();
        expect(answer.headers.get('vary')).toMatch(/Origin/);
      },
    );
  });

  it('with *, answers any origin, never with credentials', async () => {
    const gateway = gatewayWith({ security: { cors: { kind: 'any' } } });
    const response = await preflight(gateway, FOREIGN_ORIGIN);
    expect(response.headers.get('access-control-allow-origin')).toBe(FOREIGN_ORIGIN);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('DNS rebinding', () => {
  const certificateQuery = () => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ certificates(first: 1) { totalCount } }' }),
  });

  it('refuses a host name the gateway was not told it is reached by, before any upstream call', async () => {
    const gateway = gatewayWith({
      security: { hosts: { kind: 'listed', hosts: ['ssl-graph.internal'] } },
    });
    stack.emulator.stats.reset();
    const refused = await gateway.fetch('http://attacker.example.com:4000/graphql', certificateQuery());
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({
      errors: [
        {
          message: 'This host name is not one the gateway serves; an operator can add it to ALLOWED_HOSTS.',
          extensions: { code: 'HOST_NOT_ALLOWED' },
        },
      ],
    });
    expect(stack.emulator.stats.byAction()).toEqual({});
    for (const origin of [
      'http://localhost:4000',
      'http://app.localhost',
      'http://127.0.0.1:4000',
      'http://10.0.3.7:4000',
      'http://[::1]:4000',
      'http://SSL-Graph.internal',
    ]) {
      const answered = await gateway.fetch(`${origin}/graphql`, certificateQuery());
      expect(answered.status, origin).toBe(200);
    }
  });

  it('refuses a foreign host on every path: metrics, readiness, GraphiQL’s page and unknown paths too', async () => {
    const gateway = gatewayWith({ security: { hosts: { kind: 'listed', hosts: ['ssl-graph.internal'] } } });
    stack.emulator.stats.reset();
    const requests: Array<[string, RequestInit]> = [
      ['/metrics', {}],
      ['/ready', {}],
      ['/graphql', { headers: { accept: 'text/html' } }],
      ['/elsewhere', {}],
      // Paths that merely end in /health are not liveness.
      ['/elsewhere/health', {}],
      ['/graphql?next=/health', { headers: { accept: 'text/html' } }],
    ];
    for (const [path, init] of requests) {
      const refused = await gateway.fetch(`http://attacker.example.com:4000${path}`, init);
      expect(refused.status, path).toBe(403);
      expect(await refused.text(), path).toContain('HOST_NOT_ALLOWED');
    }
    // The readiness probe asks the upstream: a refused host must not make it.
    expect(stack.emulator.stats.byAction()).toEqual({});
    for (const [path, init] of requests) {
      const answered = await gateway.fetch(`http://ssl-graph.internal${path}`, init);
      expect(answered.status, path).not.toBe(403);
    }
  });

  it('answers liveness, an empty 200 on exactly /health, to any host; no other path stands in for it', async () => {
    const gateway = gatewayWith({ security: { hosts: { kind: 'listed', hosts: ['ssl-graph.internal'] } } });
    for (const host of ['attacker.example.com', 'ssl-graph.internal']) {
      for (const path of ['/health', '/health?probe=1']) {
        const live = await gateway.fetch(`http://${host}${path}`);
        expect(live.status, `${host}${path}`).toBe(200);
        expect(await live.text()).toBe('');
      }
    }
    const elsewhere = await gateway.fetch('http://ssl-graph.internal/elsewhere/health');
    expect(elsewhere.status).toBe(404);
    const page = await gateway.fetch('http://ssl-graph.internal/graphql?next=/health', {
      headers: { accept: 'text/html' },
    });
    expect(await page.text()).toContain('<html');
    const posted = await gateway.fetch('http://ssl-graph.internal/health', { method: 'POST', body: '{}' });
    expect(posted.status).toBe(404);
  });

  it('answers every host when told to (authentication on: a request without a token gets nothing anyway)', async () => {
    const gateway = gatewayWith({ security: { hosts: { kind: 'any' } } });
    const answered = await gateway.fetch('http://attacker.example.com/graphql', certificateQuery());
    expect(answered.status).toBe(200);
  });
});

describe('schema exposure', () => {
  const INTROSPECTION = '{ __schema { queryType { name } } }';

  it('answers introspection by default (supergraph composition and GraphiQL need it)', async () => {
    const response = await postOperation(stack.gateway, { query: INTROSPECTION });
    expect(response.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('refuses introspection when it is switched off, before any upstream call', async () => {
    const gateway = gatewayWith({ security: { introspection: false, blockFieldSuggestions: true } });
    const response = await postOperation(gateway, { query: INTROSPECTION });
    expect(response.status).toBe(400);
    expect(response.body).not.toHaveProperty('data');
    expect(response.body.errors?.[0]?.message).toMatch(/introspection/i);
  });

  it('suggests field names by default and hides the suggestions when asked', async () => {
    const typo = { query: '{ certificates(first: 1) { totalCoun } }' };
    const open = await postOperation(stack.gateway, typo);
    expect(open.body.errors?.[0]?.message).toMatch(/Did you mean "totalCount"/);

    const gateway = gatewayWith({ security: { blockFieldSuggestions: true } });
    const blocked = await postOperation(gateway, typo);
    expect(blocked.status).toBe(400);
    expect(blocked.text).not.toContain('totalCount');
    expect(blocked.body.errors?.[0]?.message).toContain('[Suggestion hidden]');
  });

  it('hides every kind of suggestion when asked: arguments, types and enum values, sent literally or as variables', async () => {
    const gateway = gatewayWith({ security: { introspection: false, blockFieldSuggestions: true } });
    const typos = [
      { query: '{ certificates(frist: 1) { totalCount } }', hidden: 'first' },
      {
        query: 'query ($t: ResourceTyp!) { cloudResources(type: $t) { totalCount } }',
        hidden: 'ResourceType',
      },
      { query: '{ cloudResources(type: CL) { totalCount } }', hidden: 'CLB' },
      {
        query: 'query ($t: ResourceType!) { cloudResources(type: $t) { totalCount } }',
        variables: { t: 'CL' },
        hidden: 'CLB',
      },
    ];
    for (const { hidden, ...operation } of typos) {
      const open = await postOperation(stack.gateway, operation);
      expect(open.body.errors?.[0]?.message, operation.query).toContain(`"${hidden}"`);
      const blocked = await postOperation(gateway, operation);
      expect(blocked.status, operation.query).toBe(400);
      const message = blocked.body.errors?.[0]?.message;
      expect(message, operation.query).not.toContain(`"${hidden}"`);
      expect(message, operation.query).toContain('[Suggestion hidden]');
    }
  });

  it('serves GraphiQL only when it is on', async () => {
    const html = { headers: { accept: 'text/html' } };
    const on = await stack.gateway.fetch(ENDPOINT, html);
    expect(on.status).toBe(200);
    expect(await on.text()).toContain('<title>ssl-graph</title>');

    const gateway = gatewayWith({ graphiql: false });
    const off = await gateway.fetch(ENDPOINT, html);
    expect(await off.text()).not.toContain('<title>ssl-graph</title>');
    expect(off.status).toBeGreaterThanOrEqual(400);
    expect(off.status).toBeLessThan(500);
  });
});
