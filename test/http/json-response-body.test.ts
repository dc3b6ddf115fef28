import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utf8BytesOf } from '../../src/graphql/json-response-body.ts';
import { startTestStack, type TestStack } from '../graphql/support/stack.ts';

describe('utf8BytesOf', () => {
  it.each([
    ['ASCII', '{"data":{"alias":"blog-prod"}}'],
    ['Latin-1 beyond ASCII', '{"name":"Société Générale"}'],
    ['CJK', '{"name":"深圳星河云科技有限公司"}'],
    ['astral-plane characters', '{"note":"🔒 ok"}'],
    ['a lone surrogate', '{"broken":"\ud800"}'],
    ['nothing', ''],
  ])('gives the UTF-8 bytes of %s', (_kind, text) => {
    expect(Buffer.from(utf8BytesOf(text))).toEqual(Buffer.from(text, 'utf8'));
  });
});

describe('JSON answers over node:http', () => {
  let stack: TestStack;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    stack = await startTestStack();
    server = createServer(stack.gateway);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    server?.close();
    await stack?.close();
  });

  async function post(query: string, accept?: string) {
    const answer = await request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(accept === undefined ? {} : { accept }) },
      body: JSON.stringify({ query }),
    });
    const bytes = Buffer.from(await answer.body.arrayBuffer());
    return { status: answer.statusCode, headers: answer.headers, bytes };
  }

  it.each([
    ['application/graphql-response+json', 'application/graphql-response+json; charset=utf-8'],
    [undefined, 'application/json; charset=utf-8'],
  ])('carry non-ASCII text as UTF-8 with its byte length (Accept %s)', async (accept, contentType) => {
    const { status, headers, bytes } = await post(
      '{ companies(first: 5) { edges { node { name } } } }',
      accept,
    );
    expect(status).toBe(200);
    expect(headers['content-type']).toBe(contentType);
    expect(Number(headers['content-length'])).toBe(bytes.length);
    const names = JSON.parse(bytes.toString('utf8')).data.companies.edges.map(
      (edge: { node: { name: string } }) => edge.node.name,
    );
    expect(names).toContain('深圳星河云科技有限公司');
  });

  it('carry an ASCII answer byte for byte', async () => {
    const { status, headers, bytes } = await post('{ __typename }', 'application/json');
    expect(status).toBe(200);
    expect(bytes.toString('latin1')).toBe('{"data":{"__typename":"Query"}}');
    expect(Number(headers['content-length'])).toBe(bytes.length);
  });
});
