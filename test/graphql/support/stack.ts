import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../../../src/emulator/index.ts';
import { createGateway, type Gateway, type GatewayOptions } from '../../../src/graphql/yoga.ts';
import type { SslActionName } from '../../../src/ssl/actions.ts';
import { SslClient } from '../../../src/ssl/client.ts';
import { StaticCredentialsProvider } from '../../../src/ssl/credentials.ts';

/** The whole path a production request takes: gateway → real SslClient → signed HTTP → seeded emulator. */
export interface TestStack {
  readonly emulator: RunningEmulator;
  readonly client: SslClient;
  readonly gateway: Gateway;
  /** Every call of `action` the emulator received, whatever became of it. */
  upstreamCalls(action: SslActionName): number;
  close(): Promise<void>;
}

export async function startTestStack(
  options: { emulator?: EmulatorOptions; gateway?: Omit<GatewayOptions, 'ssl'> } = {},
): Promise<TestStack> {
  const emulator = await startEmulator({ seed: true, enforceRateLimits: true, ...options.emulator });
  const client = new SslClient({
    endpoint: emulator.url,
    credentials: new StaticCredentialsProvider({
      secretId: emulator.secretId,
      secretKey: emulator.secretKey,
    }),
  });
  const gateway = createGateway({ logging: false, ...options.gateway, ssl: client });
  return {
    emulator,
    client,
    gateway,
    upstreamCalls(action) {
      const counts = emulator.stats.countsOf(action);
      return counts.executed + counts.failed + counts.rejected;
    },
    async close() {
      await client.close();
      await emulator.close();
    },
  };
}
