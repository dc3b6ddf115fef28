import { afterAll, beforeAll } from 'vitest';
import type { EmulatorOptions, RunningEmulator } from '../../../src/emulator/index.ts';
import type { AuthSession } from '../../../src/graphql/auth/session.ts';
import { createGateway, type Gateway, type GatewayOptions } from '../../../src/graphql/yoga.ts';
import type { SslActionName } from '../../../src/ssl/actions.ts';
import { SslClient, type SslClientOptions } from '../../../src/ssl/client.ts';
import { StaticCredentialsProvider } from '../../../src/ssl/credentials.ts';
import { startTestEmulator } from '../../support/emulator.ts';

/** The whole path a production request takes: gateway → real SslClient → signed HTTP → seeded emulator. */
export interface TestStack {
  readonly emulator: RunningEmulator;
  readonly client: SslClient;
  readonly gateway: Gateway;
  /** Every call of `action` the emulator received, whatever became of it. */
  upstreamCalls(action: SslActionName): number;
  close(): Promise<void>;
}

export interface TestStackOptions {
  readonly emulator?: EmulatorOptions;
  readonly gateway?: Omit<GatewayOptions, 'ssl'>;
  /** E.g. `retry: { maxRetries: 0 }`, so that one injected fault fails one call. */
  readonly client?: Pick<SslClientOptions, 'retry'>;
}

/** A caller who may only read (`ssl:read`), for `gateway: { authenticate: async () => READ_ONLY_SESSION }`. */
export const READ_ONLY_SESSION: AuthSession = { subject: 't', scopes: new Set(['ssl:read']) };

export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  // Its close() fails the tests when a handler answered a code its action does not document.
  const emulator = await startTestEmulator({ seed: true, enforceRateLimits: true, ...options.emulator });
  const client = new SslClient({
    ...options.client,
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

/**
 * Starts a TestStack before the tests of the calling file (or `describe` block) and closes it after them. The
 * stack returned stands for it: use it only inside tests and hooks.
 */
export function useTestStack(options: TestStackOptions = {}): TestStack {
  let started: TestStack | undefined;
  beforeAll(async () => {
    started = await startTestStack(options);
  });
  afterAll(async () => {
    await started?.close();
    started = undefined;
  });
  const current = (): TestStack => {
    if (started === undefined) throw new Error('the test stack runs only while the tests do');
    return started;
  };
  return {
    get emulator() {
      return current().emulator;
    },
    get client() {
      return current().client;
    },
    get gateway() {
      return current().gateway;
    },
    upstreamCalls: (action) => current().upstreamCalls(action),
    close: () => current().close(),
  };
}
