import { initContextCache } from '@pothos/core';
import type { OperationRecord } from '../observability/operation-record.ts';
import type { SslCaller } from '../ssl/actions.ts';
import type { AuthSession } from './auth/session.ts';
import type { JobHub } from './jobs/job-hub.ts';
import { createLoaders, type LoaderOptions, type Loaders } from './loaders/request-loaders.ts';
import { ReportedErrors } from './reported-errors.ts';

/** What every resolver sees. Resolvers reach the upstream only through `loaders`. */
export interface GraphQLContext {
  readonly loaders: Loaders;
  /** Who is calling, and with which scopes (checked by scope-auth before resolvers run). */
  readonly auth: AuthSession;
  /**
   * The instant the request is answered at (read once, so relative fields such as days until expiry agree across
   * a response); injectable so they are testable.
   */
  readonly now: () => Date;
  /**
   * The gateway's shared job pollers (waits and subscriptions on long-running jobs): the one way to the
   * upstream besides `loaders`, because one poll serves every request following the same job.
   */
  readonly jobs: JobHub;
  /** Aborts when the client goes away: long waits (jobs) stop with it. */
  readonly signal: AbortSignal | undefined;
  /** Errors to send beside the data rather than instead of it (see ReportedErrors). */
  readonly reportedErrors: ReportedErrors;
}

export interface ContextDependencies {
  readonly ssl: SslCaller;
  readonly now: () => Date;
  readonly jobs: JobHub;
  readonly loaderOptions?: LoaderOptions;
}

/**
 * Builds the context of one request: fresh loaders, so nothing is cached across requests or users. They report
 * their upstream calls and batches to `operation`, the request's telemetry record, when there is one.
 */
export function createContext(
  dependencies: ContextDependencies,
  request: { signal?: AbortSignal },
  auth: AuthSession,
  operation?: OperationRecord,
): GraphQLContext {
  let requestTime: Date | undefined;
  return {
    // Pothos keys its per-request caches on this; it survives Yoga copying the context object.
    ...initContextCache(),
    loaders: createLoaders(dependencies.ssl, request.signal, { ...dependencies.loaderOptions, operation }),
    auth,
    now: () => {
      requestTime ??= dependencies.now();
      return requestTime;
    },
    jobs: dependencies.jobs,
    signal: request.signal,
    reportedErrors: new ReportedErrors(),
  };
}
