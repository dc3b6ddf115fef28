// The contracts between the emulator's protocol layer, domains, stores and seeds: see ./CONTRACTS.md
// (handler table names per domain file, cross-domain store methods, seeding order).
import type { SslActionName, SslRequest, SslResponse } from '../ssl/actions.ts';
import type { EmulatorClock } from './clock.ts';
import type { EmulatorState } from './state.ts';

/** A documented API error; the protocol layer turns it into `Response.Error`. */
export class EmulatorError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'EmulatorError';
  }
}

export interface HandlerContext {
  readonly state: EmulatorState;
  readonly clock: EmulatorClock;
  /** The RequestId this answer will carry. */
  readonly requestId: string;
  /** X-TC-Region, when the caller sent one. */
  readonly region: string | undefined;
  /** The SecretId that signed the request (the emulated account's sub-account). */
  readonly secretId: string;
  /** The base URL the emulator is reachable at (for download URLs). */
  readonly baseUrl: string;
}

/**
 * Serves one action. `params` have already been checked against the action's documented inputs (required
 * fields present, types right). The result is the documented output without RequestId.
 */
export type ActionHandler<A extends SslActionName> = (
  params: SslRequest<A>,
  ctx: HandlerContext,
) => Omit<SslResponse<A>, 'RequestId'> | Promise<Omit<SslResponse<A>, 'RequestId'>>;

export type HandlerTable = { [A in SslActionName]?: ActionHandler<A> };
