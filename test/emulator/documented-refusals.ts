import { isDocumentedErrorCode } from '../../src/emulator/error-codes.ts';
import { EmulatorError } from '../../src/emulator/handler.ts';
import type { SslActionName } from '../../src/ssl/actions.ts';

/**
 * Runs a direct handler call for the domain tests. A refusal with a code the action does not document
 * (neither its own nor a common code, nor a decision CONTRACTS.md records) fails the test, instead of passing
 * for the refusal a test expects.
 */
export async function refusingAsDocumented<R>(action: SslActionName, call: () => R | Promise<R>): Promise<R> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof EmulatorError && !isDocumentedErrorCode(action, error.code)) {
      throw new Error(`${action} answered ${error.code}, which it does not document: ${error.message}`);
    }
    throw error;
  }
}
