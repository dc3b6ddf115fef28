import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { Readable } from 'node:stream';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUERY_LIMITS } from '../../src/config/security.ts';
import { createGateway, type Gateway } from '../../src/graphql/yoga.ts';
import { startTestStack, type TestStack } from '../graphql/support/stack.ts';

// The body limit behind node:http, where a Content-Length is trusted, and in-process, where it is not.

const LIMIT = 1_000;
const GRAPHQL_HEADERS = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };

let stack: TestStack;
let gateway: Gateway;
let server: Server;
let url: string;

beforeAll(async () => {
  stack = await startTestStack();
  gateway = createGateway({
    ssl: stack.client,
    logging: false,
    security: { limits: { ...DEFAULT_QUERY_LIMITS, maxBodyBytes: LIMIT } },
  });
  server = createServer(gateway);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await gateway?.dispose();
  await stack?.close();
});

/** `{"query":"{ __typename }"   …}` of exactly `bytes` bytes (JSON whitespace: no parameter Yoga refuses). */
function bodyOfLength(bytes: number): string {
  const frame = '{"query":"{ __typename }"}';
  return `${frame.slice(0, -1)}${' '.repeat(bytes - frame.length)}}`;
}

/** The body in 100-byte chunks with no Content-Length: node:http receives it chunked. */
function chunked(body: string): Readable {
  const chunks = body.match(/[\s\S]{1,100}/g) ?? [];
  return Readable.from(chunks.map((chunk) => Buffer.from(chunk)));
}

async function post(body: string | Readable, headers: Record<string, string> = {}) {
  const response = await request(url, { method: 'POST', headers: { ...GRAPHQL_HEADERS, ...headers }, body });
  return { status: response.statusCode, body: (await response.body.json()) as Record<string, unknown> };
}

describe('behind node:http', () => {
  it('answers a body of exactly the limit', async () => {
    const response = await post(bodyOfLength(LIMIT));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses a Content-Length over the limit with 413', async () => {
    const response = await post(bodyOfLength(LIMIT + 1));
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({
      errors: [{ message: 'Request body too large', extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' } }],
    });
  });

  it('counts a chunked body, which announces no length', async () => {
    expect((await post(chunked(bodyOfLength(LIMIT)))).status).toBe(200);
    const response = await post(chunked(bodyOfLength(LIMIT * 3)));
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ errors: [{ message: 'Request body too large' }] });
  });

  it('still serves the connection after refusing', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await post(bodyOfLength(LIMIT * 2))).status).toBe(413);
      expect((await post(bodyOfLength(100))).status).toBe(200);
    }
  });
});

describe('in-process fetch', () => {
  it('counts the body whatever its Content-Length header claims', async () => {
    const response = await gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { ...GRAPHQL_HEADERS, 'content-length': '100' },
      body: bodyOfLength(LIMIT * 3),
    });
    expect(response.status).toBe(413);
  });

  it('refuses a Content-Length that is not one decimal number with 400', async () => {
    for (const declared of ['10, 10', '-1', '0x10']) {
      const response = await gateway.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { ...GRAPHQL_HEADERS, 'content-length': declared },
        body: bodyOfLength(100),
      });
      expect(response.status, declared).toBe(400);
      expect(await response.json()).toMatchObject({
        errors: [{ message: 'Content-Length header is invalid.' }],
      });
    }
  });
});

describe('the node:http framing the limit relies on', () => {
  /** Sends raw bytes on a fresh connection, a pause between parts; resolves with the answer once it closes. */
  function exchange(port: number, parts: readonly string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', async () => {
        for (const part of parts) {
          socket.write(part);
          await new Promise((pause) => setTimeout(pause, 50));
        }
        socket.end();
      });
      let answer = '';
      socket.on('data', (chunk) => {
        answer += chunk.toString('latin1');
      });
      socket.on('error', reject);
      socket.on('close', () => resolve(answer));
    });
  }

  it('hands a handler no more body than the Content-Length, and refuses it beside a Transfer-Encoding', async () => {
    const bodyLengths: number[] = [];
    const plain = createServer((request, response) => {
      let length = 0;
      request.on('data', (chunk: Buffer) => {
        length += chunk.length;
      });
      request.on('end', () => {
        bodyLengths.push(length);
        response.end();
      });
    });
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    const { port } = plain.address() as AddressInfo;
    try {
      // The bytes past the declared length are not body: the parser reads them as the next request.
      const longerThanDeclared = await exchange(port, [
        'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello',
        'x'.repeat(5_000),
      ]);
      expect(longerThanDeclared).toMatch(/^HTTP\/1\.1 200 OK[\s\S]*HTTP\/1\.1 400 Bad Request/);
      const bothLengths = await exchange(port, [
        'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n',
      ]);
      expect(bothLengths).toMatch(/^HTTP\/1\.1 400 Bad Request/);
      expect(bodyLengths).toEqual([5]);
    } finally {
      await new Promise((resolve) => plain.close(resolve));
    }
  });
});
