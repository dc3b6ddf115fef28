import { EmulatorClock } from '../../src/emulator/clock.ts';
import { bindTaskHandlers } from '../../src/emulator/domains/bind-tasks.ts';
import { deployRecordHandlers } from '../../src/emulator/domains/deploy-records.ts';
import { resourceHandlers } from '../../src/emulator/domains/resources.ts';
import { updateRecordHandlers } from '../../src/emulator/domains/update-records.ts';
import { uploadUpdateRecordHandlers } from '../../src/emulator/domains/upload-update-records.ts';
import type { ActionHandler, HandlerContext, HandlerTable } from '../../src/emulator/handler.ts';
import { seedDemoAccount } from '../../src/emulator/seed/index.ts';
import { EmulatorState } from '../../src/emulator/state.ts';
import type { SslActionName, SslRequest, SslResponse } from '../../src/ssl/actions.ts';
import { refusingAsDocumented } from './documented-refusals.ts';

const handlers: HandlerTable = {
  ...resourceHandlers,
  ...deployRecordHandlers,
  ...updateRecordHandlers,
  ...uploadUpdateRecordHandlers,
  ...bindTaskHandlers,
};

/** A seeded emulator driven by direct handler calls with a stepped clock. */
export async function seededEmulator() {
  const clock = new EmulatorClock();
  const state = new EmulatorState(clock);
  await seedDemoAccount(state, clock);
  async function call<A extends SslActionName>(
    action: A,
    params: SslRequest<A>,
    region?: string,
  ): Promise<Omit<SslResponse<A>, 'RequestId'>> {
    const handler = handlers[action] as ActionHandler<A> | undefined;
    if (!handler) throw new Error(`no handler for ${action}`);
    const ctx: HandlerContext = {
      state,
      clock,
      requestId: 'test',
      region,
      secretId: 'AKIDtest',
      baseUrl: 'http://127.0.0.1',
    };
    return refusingAsDocumented(action, () => handler(params, ctx));
  }
  return { clock, state, call };
}

/** The error code a call rejects with. */
export async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error && typeof error === 'object' && 'code' in error)
      return String((error as { code: unknown }).code);
    throw error;
  }
  throw new Error('expected the call to fail');
}
