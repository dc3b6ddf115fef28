// Builds a HandlerContext over a fresh (optionally seeded) state and a steppable clock.

import { EmulatorClock } from '../../src/emulator/clock.ts';
import { certificateManagementHandlers } from '../../src/emulator/domains/certificate-management.ts';
import { certificateOrderHandlers } from '../../src/emulator/domains/certificate-orders.ts';
import { type ActionHandler, EmulatorError, type HandlerContext } from '../../src/emulator/handler.ts';
import { seedAccounts } from '../../src/emulator/seed/accounts.ts';
import { seedCertificates } from '../../src/emulator/seed/certificates.ts';
import { EmulatorState } from '../../src/emulator/state.ts';
import type { SslActionName, SslRequest, SslResponse } from '../../src/ssl/actions.ts';
import { refusingAsDocumented } from './documented-refusals.ts';

export interface Harness {
  ctx: HandlerContext;
  clock: EmulatorClock;
  state: EmulatorState;
  call<A extends SslActionName>(action: A, params: SslRequest<A>): Promise<Omit<SslResponse<A>, 'RequestId'>>;
}

export async function harness(options: { seed?: boolean } = {}): Promise<Harness> {
  const clock = new EmulatorClock();
  const state = new EmulatorState(clock);
  seedAccounts(state, clock);
  if (options.seed) await seedCertificates(state, clock);
  const ctx: HandlerContext = {
    state,
    clock,
    requestId: 'test-request',
    region: undefined,
    secretId: 'AKIDtest',
    baseUrl: 'http://127.0.0.1:4566',
  };
  const table = { ...certificateOrderHandlers, ...certificateManagementHandlers };
  return {
    ctx,
    clock,
    state,
    async call(action, params) {
      const handler = table[action] as ActionHandler<typeof action> | undefined;
      if (!handler) throw new Error(`no handler for ${action}`);
      return refusingAsDocumented(action, () => handler(params, ctx));
    },
  };
}

/** The code of the EmulatorError a handler call rejects with. */
export async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof EmulatorError) return error.code;
    throw error;
  }
  throw new Error('expected an EmulatorError');
}
