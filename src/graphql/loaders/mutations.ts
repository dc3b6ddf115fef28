import type { SslActionName, SslCaller, SslRequest, SslResponse } from '../../ssl/actions.ts';
import { SslApiError, type SslErrorCategory } from '../../ssl/errors.ts';
import { toMutationGraphQLError } from './upstream-errors.ts';

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

/**
 * Permission failures the account's owner fixes themselves, by choosing another input or in the console (another
 * project; the service role `SSL_QCSLinkedRoleInReplaceLoadCertificate`; real-name verification): `userErrors`,
 * with the input field where the mutation's clues name one. Other permission and auth failures (the credentials'
 * own policy) stay GraphQL errors.
 */
const CALLER_FIXABLE_PERMISSION_CODES: ReadonlySet<string> = new Set([
  'FailedOperation.NoProjectPermission',
  'FailedOperation.RoleNotFoundAuthorization',
  'FailedOperation.NoRealNameAuth',
]);

function isCallerFixable(error: unknown): error is SslApiError {
  return (
    error instanceof SslApiError &&
    (USER_ERROR_CATEGORIES.has(error.category) || CALLER_FIXABLE_PERMISSION_CODES.has(error.code))
  );
}

export type MutationOutcome<A extends SslActionName> =
  | { readonly ok: true; readonly response: SslResponse<A> }
  | { readonly ok: false; readonly userErrors: readonly UserErrorShape[] };

/** A caller-fixable failure as the upstream reported it. */
export interface UpstreamFailure {
  readonly code: string;
  /** The upstream's own message, which may name its parameters (`DomainNum does not fit the product.`). */
  readonly message: string;
}

export interface RunMutationOptions<A extends SslActionName = SslActionName> {
  /** Maps an upstream error code to the input field it concerns, for `userErrors.field`. */
  readonly fieldOf?: (code: string) => readonly string[] | null;
  /**
   * Restates an upstream failure in the graph's terms (the input field at fault, a message naming the graph's
   * inputs), from its code, its message and the params that were sent; the code stays the upstream's. Takes
   * precedence over `fieldOf`.
   */
  readonly userErrorOf?: (
    failure: UpstreamFailure,
    params: SslRequest<A>,
  ) => Pick<UserErrorShape, 'field' | 'message'>;
  /** X-TC-Region for this call (deployments to regional resource types). */
  readonly region?: string;
}

export interface UpstreamMutations {
  /** How many mutating calls `run` has sent (or tried to) so far. */
  readonly callsSent: number;
  /**
   * Executes one mutating action. Caller-fixable upstream failures come back as userErrors; transient, auth
   * and permission failures are thrown as GraphQL errors (with extensions.code and extensions.requestId).
   * After it ran, the request's read caches are dropped so the payload shows the changed state.
   */
  run<A extends SslActionName>(
    action: A,
    params: SslRequest<A>,
    options?: RunMutationOptions<A>,
  ): Promise<MutationOutcome<A>>;
}

export function createUpstreamMutations(
  ssl: SslCaller,
  signal: AbortSignal | undefined,
  afterMutation: () => void,
): UpstreamMutations {
  let callsSent = 0;
  return {
    get callsSent() {
      return callsSent;
    },
    async run(action, params, options) {
      callsSent += 1;
      try {
        const response = await ssl.call(action, params, { signal, region: options?.region });
        return { ok: true, response };
      } catch (error) {
        if (isCallerFixable(error)) {
          const failure: UpstreamFailure = { code: error.code, message: error.upstreamMessage };
          const stated = options?.userErrorOf
            ? options.userErrorOf(failure, params)
            : { message: failure.message, field: options?.fieldOf?.(error.code) ?? null };
          return { ok: false, userErrors: [{ code: failure.code, ...stated }] };
        }
        throw toMutationGraphQLError(error);
      } finally {
        // Even a failed mutation may have changed something upstream (or proved a cached read stale).
        afterMutation();
      }
    },
  };
}
