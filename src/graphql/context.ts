import { initContextCache } from '@pothos/core';
import type { SslCaller } from '../ssl/actions.ts';
import type { AuthSession } from './auth/session.ts';
import { createLoaders, type Loaders } from './loaders/request-loaders.ts';

/** What every resolver sees. Resolvers reach the upstream only through `loaders`. */
export interface GraphQLContext {
  readonly loaders: Loaders;
  /** Who is calling, and with which scopes (checked by scope-auth before resolvers run). */
  readonly auth: AuthSession;
  /** The current time, injectable so relative fields (days until expiry) are testable. */
  readonly now: () => Date;
}

export interface ContextDependencies {
  readonly ssl: SslCaller;
  readonly now: () => Date;
}

/** Builds the context of one request: fresh loaders, so nothing is cached across requests or users. */
export function createContext(
  dependencies: ContextDependencies,
  request: { signal?: AbortSignal },
  auth: AuthSession,
): GraphQLContext {
  return {
    // Pothos keys its per-request caches on this; it survives Yoga copying the context object.
    ...initContextCache(),
    loaders: createLoaders(dependencies.ssl, request.signal),
    auth,
    now: dependencies.now,
  };
}
