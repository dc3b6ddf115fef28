// Yoga's helper rather than `new GraphQLError`: graphql 16 ships CJS and ESM builds, and an error class from the
// other build fails Yoga's instanceof check and gets masked (this happens under vitest).
import type { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import {
  SslAbortedError,
  SslApiError,
  SslCredentialsError,
  SslError,
  SslHttpStatusError,
  SslInvalidResponseError,
  SslNetworkError,
  SslRateLimiterUnavailableError,
  SslRateLimitQueueError,
  SslRequestTooLargeError,
  SslTimeoutError,
} from '../../ssl/errors.ts';

/**
 * Turns the SSL client's failures into errors a GraphQL client can act on. Anything not recognised here is
 * rethrown untouched, so Yoga's error masking hides it ("Unexpected error."). The translated errors carry no
 * `originalError`: Yoga treats a GraphQLError wrapping a non-GraphQL error as unexpected and would mask it.
 */
export function toGraphQLError(error: unknown): unknown {
  if (error instanceof SslApiError) {
    // The upstream's own answer: its code and RequestId are what Tencent Cloud support asks for.
    return createGraphQLError(error.message, {
      extensions: {
        code: error.code,
        requestId: error.requestId,
        category: error.category,
        retryable: error.retryable,
      },
    });
  }
  if (error instanceof SslRateLimitQueueError) {
    return createGraphQLError(
      'Too many requests to the Tencent Cloud SSL API right now; try again shortly.',
      {
        extensions: { code: 'UPSTREAM_RATE_LIMITED', category: error.category, retryable: true },
      },
    );
  }
  if (error instanceof SslAbortedError) {
    return clientClosedRequestError();
  }
  if (error instanceof SslRateLimiterUnavailableError) {
    // The gateway's own dependency, not Tencent Cloud: nothing was sent upstream.
    return createGraphQLError(
      "The gateway's shared rate limiter (Redis) is unavailable, so no call was sent to the Tencent Cloud SSL API; try again later.",
      { extensions: { code: 'RATE_LIMITER_UNAVAILABLE', category: error.category, retryable: true } },
    );
  }
  if (error instanceof SslRequestTooLargeError) {
    // Reachable when GRAPHQL_MAX_BODY_BYTES lets through more than the API takes in one call.
    return createGraphQLError(
      `The call to the Tencent Cloud SSL API would be ${error.sizeBytes} bytes, over its ${error.limitBytes}-byte limit, so it was not sent.`,
      {
        extensions: {
          code: 'UPSTREAM_REQUEST_TOO_LARGE',
          category: error.category,
          retryable: false,
          sizeBytes: error.sizeBytes,
          limitBytes: error.limitBytes,
        },
      },
    );
  }
  if (error instanceof SslCredentialsError) {
    // The gateway's own configuration: the provider's reason is the operator's business, not the client's.
    return createGraphQLError(
      'The gateway could not obtain its Tencent Cloud credentials, so nothing was sent to the SSL API.',
      {
        extensions: { code: 'UPSTREAM_CREDENTIALS_UNAVAILABLE', category: error.category, retryable: false },
      },
    );
  }
  if (
    error instanceof SslNetworkError ||
    error instanceof SslTimeoutError ||
    error instanceof SslHttpStatusError ||
    error instanceof SslInvalidResponseError
  ) {
    // Their messages name hosts and transport details, which are the gateway's business, not the client's.
    return createGraphQLError('The Tencent Cloud SSL API is unavailable; try again later.', {
      extensions: { code: 'UPSTREAM_UNAVAILABLE', category: error.category, retryable: error.retryable },
    });
  }
  return error;
}

/** What became of a mutation whose upstream call failed: `extensions.outcome` of its error. */
export type MutationOutcome = 'NOT_EXECUTED' | 'UNKNOWN';

/**
 * toGraphQLError for a mutating action, which must tell a client whether repeating it is safe. An API error the
 * upstream answered with on purpose (auth, permission) and a failure that proves nothing ran (throttled, never
 * sent) are NOT_EXECUTED and keep their `retryable`. Anything else (an internal error, a 5xx, a timeout or a reset
 * after the request left) may have come after the change was made: UNKNOWN, never `retryable`, whatever a read
 * would do, since a client that repeats a purchase on `retryable: true` buys twice.
 */
export function toMutationGraphQLError(error: unknown): unknown {
  const translated = toGraphQLError(error);
  const untranslated = translated === error || !(error instanceof SslError);
  if (untranslated || error instanceof SslAbortedError) return translated;
  const { message, extensions } = translated as GraphQLError;
  const refusedOnPurpose = error instanceof SslApiError && error.category !== 'transient';
  if (error.provablyNotExecuted || refusedOnPurpose) {
    return createGraphQLError(message, { extensions: { ...extensions, outcome: 'NOT_EXECUTED' } });
  }
  const before =
    error instanceof SslApiError
      ? message
      : 'The Tencent Cloud SSL API failed to answer after the request was sent.';
  return createGraphQLError(
    `${before} The change may have been made anyway: check (read what the mutation changes) before repeating it.`,
    { extensions: { ...extensions, retryable: false, outcome: 'UNKNOWN' } },
  );
}

/**
 * The request's signal fired (the client went away) before the upstream answered: nobody reads this answer, and
 * it is no fault of the gateway's, so it has its own code instead of being masked as an unexpected error.
 */
export const CLIENT_CLOSED_REQUEST = 'CLIENT_CLOSED_REQUEST';

export function clientClosedRequestError(
  at: Pick<Partial<GraphQLError>, 'nodes' | 'source' | 'positions' | 'path'> = {},
): Error {
  const { nodes, source, positions, path } = at;
  return createGraphQLError('The request was cancelled before the Tencent Cloud SSL API answered.', {
    nodes,
    source,
    positions,
    path,
    extensions: { code: CLIENT_CLOSED_REQUEST },
  });
}

/** Runs an upstream call, translating its failure with toGraphQLError. */
export async function translatingUpstreamErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toGraphQLError(error);
  }
}
