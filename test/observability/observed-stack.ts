import type { DestinationStream } from 'pino';
import type { EmulatorOptions, RunningEmulator } from '../../src/emulator/index.ts';
import { createGateway, type Gateway, type GatewayOptions } from '../../src/graphql/yoga.ts';
import { createLogger } from '../../src/observability/logger.ts';
import { GatewayTelemetry } from '../../src/observability/telemetry.ts';
import { SslClient } from '../../src/ssl/client.ts';
import { StaticCredentialsProvider } from '../../src/ssl/credentials.ts';
import { startTestEmulator } from '../support/emulator.ts';

/** A pino destination keeping every line in memory. */
export class MemoryLog implements DestinationStream {
  readonly lines: string[] = [];

  write(chunk: string): void {
    this.lines.push(...chunk.split('\n').filter((line) => line !== ''));
  }

  records(): Array<Record<string, unknown>> {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  operations(): Array<Record<string, unknown>> {
    return this.records().filter((record) => record.msg === 'graphql operation');
  }
}

export interface ObservedStack {
  readonly emulator: RunningEmulator;
  readonly client: SslClient;
  readonly gateway: Gateway;
  readonly telemetry: GatewayTelemetry;
  readonly log: MemoryLog;
  /** POSTs one GraphQL operation to the in-process gateway. */
  graphql(
    query: string,
    options?: { variables?: Record<string, unknown>; headers?: Record<string, string> },
  ): Promise<{ data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }>;
  close(): Promise<void>;
}

/** Gateway → real SslClient (reporting to the gateway's telemetry) → emulator, every log line kept in memory. */
export async function startObservedStack(
  options: { emulator?: EmulatorOptions; gateway?: Omit<GatewayOptions, 'ssl' | 'telemetry'> } = {},
): Promise<ObservedStack> {
  // Its close() fails the tests when a handler answered a code its action does not document.
  const emulator = await startTestEmulator({ seed: true, enforceRateLimits: true, ...options.emulator });
  const log = new MemoryLog();
  // The most verbose level, and no known secrets to scrub by value: nothing may leak in the first place.
  const telemetry = new GatewayTelemetry({ logger: createLogger({ level: 'trace', destination: log }) });
  const client = new SslClient({
    endpoint: emulator.url,
    credentials: new StaticCredentialsProvider({
      secretId: emulator.secretId,
      secretKey: emulator.secretKey,
      ...(options.emulator?.sessionToken === undefined
        ? {}
        : { sessionToken: options.emulator.sessionToken }),
    }),
    ...telemetry.sslClientHooks,
  });
  telemetry.metrics.watchRateLimitQueue(() => client.rateLimitQueueDepth);
  const gateway = createGateway({ ...options.gateway, ssl: client, telemetry });
  return {
    emulator,
    client,
    gateway,
    telemetry,
    log,
    async graphql(query, requestOptions = {}) {
      const response = await gateway.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...requestOptions.headers },
        body: JSON.stringify({ query, variables: requestOptions.variables }),
      });
      return (await response.json()) as Awaited<ReturnType<ObservedStack['graphql']>>;
    },
    async close() {
      await gateway.dispose();
      await client.close();
      await emulator.close();
    },
  };
}
