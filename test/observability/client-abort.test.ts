import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGraphQLError } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/observability/logger.ts';
import { createErrorMasking } from '../../src/observability/masked-errors.ts';
import { SslAbortedError } from '../../src/ssl/errors.ts';
import { MemoryLog, type ObservedStack, startObservedStack } from './observed-stack.ts';

/**
 * A client that hangs up while its operation waits on the upstream (`curl --max-time 1` against a slow
 * upstream) is no internal error: it is logged at info without a stack and counted under its own code.
 * Genuinely unexpected errors stay masked and logged at error with their errorId (telemetry.test.ts).
 */

let stack: ObservedStack;
let server: Server;
let origin: string;

beforeAll(async () => {
  stack = await startObservedStack();
  server = createServer(stack.gateway);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await stack?.close();
});

/** Sends an operation and hangs up after `afterMs`, as `curl --max-time` does. */
function postAndHangUp(query: string, afterMs: number): Promise<void> {
  return new Promise((resolve) => {
    const outgoing = request(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    outgoing.on('error', () => resolve());
    outgoing.end(JSON.stringify({ query }));
    setTimeout(() => {
      outgoing.destroy();
      resolve();
    }, afterMs);
  });
}

async function scrape(): Promise<string> {
  return (await stack.gateway.fetch('http://gateway.test/metrics')).text();
}

async function eventually<T>(read: () => T | undefined, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('a client that disconnects mid-operation', () => {
  it('is logged at info as a client abort, without a stack, and not counted as an internal error', async () => {
    stack.emulator.faults.setLatencyForEveryCall(1_500);
    try {
      await postAndHangUp('query Abandoned { companies(first: 1) { totalCount } }', 200);
      const line = await eventually(() =>
        stack.log.operations().find((record) => record.operationName === 'Abandoned'),
      );
      expect(line).toMatchObject({
        level: 30,
        errorCodes: ['CLIENT_CLOSED_REQUEST'],
        outcome: 'client-closed-request',
      });
      expect(line).not.toHaveProperty('errorIds');
    } finally {
      stack.emulator.faults.setLatencyForEveryCall(0);
    }
    // Nothing at warn or above, and no stack anywhere.
    const loud = stack.log.records().filter((record) => Number(record.level) >= 40);
    expect(loud).toEqual([]);
    expect(stack.log.lines.join('\n')).not.toMatch(/SslAbortedError|"stack"/);
    const metrics = await scrape();
    expect(metrics).toMatch(
      /ssl_graph_graphql_errors_total\{operation_name="Abandoned",operation_type="query",code="CLIENT_CLOSED_REQUEST"\} 1/,
    );
    expect(metrics).not.toMatch(/code="INTERNAL_SERVER_ERROR"/);
  });
});

describe('error masking', () => {
  function masking() {
    const log = new MemoryLog();
    const { options } = createErrorMasking(createLogger({ level: 'trace', destination: log }));
    const mask = (error: unknown) =>
      options.maskError?.(error, 'Unexpected error.', false) as Error & {
        extensions?: Record<string, unknown>;
      };
    return { log, mask };
  }

  it('gives a client abort that reached it untranslated its own code, without an errorId or an error line', () => {
    const { log, mask } = masking();
    const wrapped = createGraphQLError('aborted', { originalError: new SslAbortedError({ action: 'X' }) });
    const masked = mask(wrapped);
    expect(masked.extensions).toEqual({ code: 'CLIENT_CLOSED_REQUEST' });
    expect(log.records().filter((record) => Number(record.level) >= 40)).toEqual([]);
    expect(log.lines.join('\n')).not.toMatch(/"stack"/);
  });

  it('still masks anything else as an unexpected error, logged at error with its errorId', () => {
    const { log, mask } = masking();
    const masked = mask(createGraphQLError('boom', { originalError: new Error('a bug') }));
    expect(masked.message).toBe('Unexpected error.');
    expect(masked.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', errorId: expect.any(String) });
    expect(log.records()).toEqual([expect.objectContaining({ level: 50 })]);
  });
});
