import type { EmulatorOptions, RunningEmulator } from '../../../src/emulator/index.ts';
import { createGateway, type Gateway, type GatewayOptions } from '../../../src/graphql/yoga.ts';
import type { SslCallEvent } from '../../../src/ssl/actions.ts';
import { SslClient, type SslClientOptions } from '../../../src/ssl/client.ts';
import { StaticCredentialsProvider } from '../../../src/ssl/credentials.ts';
import { startTestEmulator } from '../../support/emulator.ts';

/** What the client reported about its own calls: the retries are invisible from the emulator's side. */
export interface ClientCallTally {
  calls: number;
  /** Calls that shared another caller's in-flight request (their retries are counted once, by the owner). */
  coalescedCalls: number;
  retries: number;
  callsRetried: number;
  failedCalls: number;
}

/** Gateway → real SslClient (tunable timeouts and retries) → signed HTTP → seeded emulator. */
export interface ResilienceStack {
  readonly emulator: RunningEmulator;
  readonly client: SslClient;
  readonly gateway: Gateway;
  readonly tally: ClientCallTally;
  close(): Promise<void>;
}

export interface ResilienceStackOptions {
  readonly emulator?: EmulatorOptions;
  readonly client?: Omit<SslClientOptions, 'endpoint' | 'credentials' | 'onCall'>;
  readonly gateway?: Omit<GatewayOptions, 'ssl'>;
}

export async function startResilienceStack(options: ResilienceStackOptions = {}): Promise<ResilienceStack> {
  // Its close() fails the tests when a handler answered a code its action does not document.
  const emulator = await startTestEmulator({ seed: true, enforceRateLimits: true, ...options.emulator });
  const tally: ClientCallTally = { calls: 0, coalescedCalls: 0, retries: 0, callsRetried: 0, failedCalls: 0 };
  const onCall = (event: SslCallEvent): void => {
    tally.calls += 1;
    if (event.outcome !== 'ok') tally.failedCalls += 1;
    if (event.coalesced) {
      tally.coalescedCalls += 1;
      return;
    }
    tally.retries += event.retries;
    if (event.retries > 0) tally.callsRetried += 1;
  };
  const client = new SslClient({
    ...options.client,
    endpoint: emulator.url,
    credentials: new StaticCredentialsProvider({
      secretId: emulator.secretId,
      secretKey: emulator.secretKey,
      sessionToken: options.emulator?.sessionToken,
    }),
    onCall,
  });
  const gateway = createGateway({ logging: false, ...options.gateway, ssl: client });
  return {
    emulator,
    client,
    gateway,
    tally,
    async close() {
      await gateway.dispose();
      await client.close();
      await emulator.close();
    },
  };
}
