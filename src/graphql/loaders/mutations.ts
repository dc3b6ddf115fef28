import type { SslActionName, SslCaller, SslRequest, SslResponse } from '../../ssl/actions.ts';
import { SslApiError, type SslErrorCategory } from '../../ssl/errors.ts';
import { toGraphQLError } from './upstream-errors.ts';

/** A failure the caller can fix (bad input, wrong state, not found, not enough balance): `userErrors`. */
export interface UserErrorShape {
  /** The upstream error code, e.g. `FailedOperation.CertificateNotFound`, or a gateway code. */
  readonly code: string;
  readonly message: string;
  /** The path of the input field at fault, when it is known (e.g. ['input', 'alias']). */
  readonly field: readonly string[] | null;
}

/** Upstream error categories that are the caller's to fix; everything else is a GraphQL error. */
const USER_ERROR_CATEGORIES: ReadonlySet<SslErrorCategory> = new Set([
  'input',
  'not-found',
  'state',
  'billing',
]);

export type MutationOutcome<A extends SslActionName> =
  | { readonly ok: true; readonly response: SslResponse<A> }
  | { readonly ok: false; readonly userErrors: readonly UserErrorShape[] };

export interface RunMutationOptions {
  /** Maps an upstream error code to the input field it concerns, for `userErrors.field`. */
  readonly fieldOf?: (code: string) => readonly string[] | null;
  /** X-TC-Region for this call (deployments to regional resource types). */
  readonly region?: string;
}

export interface UpstreamMutations {
  /**
   * Executes one mutating action. Caller-fixable upstream failures come back as userErrors; transient, auth
   * and permission failures are thrown as GraphQL errors (with extensions.code and extensions.requestId).
   * After it ran, the request's read caches are dropped so the payload shows the changed state.
   */
  run<A extends SslActionName>(
    action: A,
    params: SslRequest<A>,
    options?: RunMutationOptions,
  ): Promise<MutationOutcome<A>>;
}

export function createUpstreamMutations(
  ssl: SslCaller,
  signal: AbortSignal | undefined,
  afterMutation: () => void,
): UpstreamMutations {
  return {
    async run(action, params, options) {
      try {
        const response = await ssl.call(action, params, { signal, region: options?.region });
        return { ok: true, response };
      } catch (error) {
        if (error instanceof SslApiError && USER_ERROR_CATEGORIES.has(error.category)) {
          return {
            ok: false,
            userErrors: [
              {
                code: error.code,
                message: error.upstreamMessage,
                field: options?.fieldOf?.(error.code) ?? null,
              },
            ],
          };
        }
        throw toGraphQLError(error);
      } finally {
        // Even a failed mutation may have changed something upstream (or proved a cached read stale).
        afterMutation();
      }
    },
  };
}
