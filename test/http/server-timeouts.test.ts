import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverTimeoutOptions } from '../../src/graphql/security/server-timeouts.ts';
import { startCdnDeployment } from '../graphql/support/deployments.ts';
import { readEvents } from '../graphql/support/sse.ts';
import { startTestStack, type TestStack } from '../graphql/support/stack.ts';

// The gateway behind node:http with the timeouts src/main.ts gives it (QA security finding 7), shortened: a slow
// client is cut, a long subscription is not.

const TIMEOUTS = { headersTimeoutMs: 200, requestTimeoutMs: 400 };

let stack: TestStack;
let server: Server;
let port: number;

beforeAll(async () => {
  stack = await startTestStack();
  server = createServer(serverTimeoutOptions(TIMEOUTS), stack.gateway);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await stack?.close();
});

/** Opens a connection, writes `bytes` and nothing more; resolves with what the server answered before closing. */
function sendAndStall(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      answer += chunk;
    });
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

const SLOW_HEADERS = 'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n';
const SLOW_BODY =
  'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":';

describe('server timeouts', () => {
  it('cut a client whose headers or body do not arrive in time with 408', async () => {
    const [headers, body] = await Promise.all([sendAndStall(SLOW_HEADERS), sendAndStall(SLOW_BODY)]);
    expect(headers).toMatch(/^HTTP\/1\.1 408/);
    expect(body).toMatch(/^HTTP\/1\.1 408/);
  });

  it('leave a subscription streaming long after its request arrived', async () => {
    const id = await startCdnDeployment(stack.emulator, stack.gateway);
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({
        query: `subscription($id: ID!) { jobProgress(kind: DEPLOY_RECORD, id: $id, pollIntervalMs: 50) {
          status isFinished } }`,
        variables: { id },
      }),
    });
    expect(response.status).toBe(200);
    const statuses: string[] = [];
    let firstEventSeen: () => void = () => undefined;
    const firstEvent = new Promise<void>((resolve) => {
      firstEventSeen = resolve;
    });
    const reading = readEvents(response, (payload) => {
      statuses.push((payload as { data: { jobProgress: { status: string } } }).data.jobProgress.status);
      firstEventSeen();
    });
    await firstEvent;
    // Two slow clients opened after the subscription are cut one after the other: the subscription has then
    // outlived both timeouts, twice over.
    expect(await sendAndStall(SLOW_BODY)).toMatch(/^HTTP\/1\.1 408/);
    expect(await sendAndStall(SLOW_BODY)).toMatch(/^HTTP\/1\.1 408/);
    stack.emulator.clock.advance(10_000);
    await reading;
    expect(statuses.at(-1)).toBe('SUCCEEDED');
    expect(statuses.length).toBeGreaterThanOrEqual(2);
  });
});
