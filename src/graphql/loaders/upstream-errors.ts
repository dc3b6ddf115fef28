// Yoga's helper rather than `new GraphQLError`: graphql 16 ships CJS and ESM builds, and an error class from the
// other build fails Yoga's instanceof check and gets masked (this happens under vitest).
import type { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import {
  SslAbortedError,
  SslApiError,
  SslHttpStatusError,
  SslInvalidResponseError,
  SslNetworkError,
  SslRateLimiterUnavailableError,
  SslRateLimitQueueError,
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
