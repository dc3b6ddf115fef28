import type { SslErrorCategory } from './errors.ts';
import type { SslActionMap } from './models.generated.ts';
import { SSL_SPEC } from './spec.generated.ts';

/** The name of one of the API's actions, e.g. `DescribeCertificates`. */
export type SslActionName = keyof SslActionMap;
export type SslRequest<A extends SslActionName> = SslActionMap[A]['request'];
export type SslResponse<A extends SslActionName> = SslActionMap[A]['response'];

/** Every action name, in a stable (sorted) order. */
export const SSL_ACTION_NAMES = Object.keys(SSL_SPEC.actions) as SslActionName[];

export function isSslActionName(name: string): name is SslActionName {
  return Object.hasOwn(SSL_SPEC.actions, name);
}

export function isMutatingAction(action: SslActionName): boolean {
  return SSL_SPEC.actions[action].mutating;
}

/** Reported once per `call`; carries no parameters, response data or secrets. */
export interface SslCallEvent {
  readonly action: SslActionName;
  readonly durationMs: number;
  readonly outcome: 'ok' | SslErrorCategory;
  /** Retries of the upstream execution (shared with other callers when coalesced). */
  readonly retries: number;
  /** True when this call shared another caller's in-flight request. */
  readonly coalesced: boolean;
  readonly errorCode?: string;
  readonly errorName?: string;
  readonly requestId?: string;
}

export interface SslCallOptions {
  /** Aborts the call (and any retry waiting for its turn). */
  signal?: AbortSignal;
  /**
   * Told how this call went, besides the client's own observer: how a GraphQL operation learns of the calls
   * made for it (the client is shared by every request).
   */
  onCall?: (event: SslCallEvent) => void;
  /**
   * X-TC-Region for this call, overriding the client's default. Only DeployCertificateInstance reads it
   * upstream (deployments to regional resource types), so it is per call rather than per client.
   */
  region?: string;
}

/** What the GraphQL layer needs from the upstream: one typed call per action. */
export interface SslCaller {
  call<A extends SslActionName>(
    action: A,
    params: SslRequest<A>,
    options?: SslCallOptions,
  ): Promise<SslResponse<A>>;
}
