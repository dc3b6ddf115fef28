import type { AddressInfo } from 'node:net';
import { EmulatorClock } from './clock.ts';
import type { UndocumentedRefusal } from './error-codes.ts';
import { FaultInjector } from './faults.ts';
import { ALL_HANDLERS } from './handlers.ts';
import { RateLimiter } from './rate-limits.ts';
import { seedDemoAccount } from './seed/index.ts';
import { createEmulatorServer } from './server.ts';
import { EmulatorState } from './state.ts';
import { EmulatorStats } from './stats.ts';

export { EmulatorClock } from './clock.ts';
export { isDocumentedErrorCode, type UndocumentedRefusal } from './error-codes.ts';
export type { FaultEffect, FaultPhase, FaultRule, InjectedFault } from './faults.ts';
export { FaultInjector } from './faults.ts';
export { EmulatorState } from './state.ts';
export type { ActionCounts, MutationExecution, PeakArrivals } from './stats.ts';
export { EmulatorStats } from './stats.ts';

/** Fake sandbox keys: they only ever open the local emulator, never a real account. */
export const DEFAULT_SANDBOX_SECRET_ID = 'AKIDsandboxEmulatorNotARealKey000001';
export const DEFAULT_SANDBOX_SECRET_KEY = 'sandboxEmulatorSecretKeyNotReal0001';

export interface EmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  secretId?: string;
  secretKey?: string;
  /** When set, the emulated keys are temporary credentials: every request must carry this X-TC-Token. */
  sessionToken?: string;
  /** Fill the account with the deterministic demo data (default true). */
  seed?: boolean;
  /** Refuse calls over each action's documented requests-per-second (default true). */
  enforceRateLimits?: boolean;
  clock?: EmulatorClock;
  /** Randomness for fault rates; inject a seeded one for reproducible runs. */
  random?: () => number;
  /**
   * Answer only requests whose Host header is an IP address or localhost, anything else with HTTP 403 (default
   * false). A DNS-rebinding page always sends its own domain name, so an emulator on the loopback cannot be read
   * through one; a standalone emulator reached by a name (a container's service name) leaves this off.
   */
  refuseNamedHosts?: boolean;
  /**
   * Told of each handler refusal whose code the action does not document (neither in its section nor among
   * the common codes): the test harness fails on them.
   */
  onUndocumentedRefusal?: (refusal: UndocumentedRefusal) => void;
}

export interface RunningEmulator {
  /** `http://host:port`, without a trailing slash. */
  readonly url: string;
  readonly port: number;
  readonly secretId: string;
  readonly secretKey: string;
  readonly clock: EmulatorClock;
  readonly state: EmulatorState;
  readonly faults: FaultInjector;
  readonly stats: EmulatorStats;
  close(): Promise<void>;
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** Starts an emulator of the SSL API listening over HTTP, with its own state, clock, faults and stats. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const secretId = options.secretId ?? DEFAULT_SANDBOX_SECRET_ID;
  const secretKey = options.secretKey ?? DEFAULT_SANDBOX_SECRET_KEY;
  if (secretId === '' || secretKey === '') throw new RangeError('the emulator needs a non-empty key pair');
  const clock = options.clock ?? new EmulatorClock();
  const state = new EmulatorState(clock);
  if (options.seed ?? true) await seedDemoAccount(state, clock);
  const faults = new FaultInjector(options.random ?? Math.random);
  const stats = new EmulatorStats();
  let url = '';
  const server = createEmulatorServer({
    state,
    clock,
    credentials: { secretId, secretKey, sessionToken: options.sessionToken },
    handlers: ALL_HANDLERS,
    faults,
    stats,
    rateLimiter: (options.enforceRateLimits ?? true) ? new RateLimiter() : undefined,
    baseUrl: () => url,
    refuseNamedHosts: options.refuseNamedHosts ?? false,
    onUndocumentedRefusal: options.onUndocumentedRefusal,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  url = `http://${urlHost(host)}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    secretId,
    secretKey,
    clock,
    state,
    faults,
    stats,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Idle keep-alive sockets and hanging (fault-injected) requests would otherwise hold the process open.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
