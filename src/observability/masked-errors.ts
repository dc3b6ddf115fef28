import { randomUUID } from 'node:crypto';
import type { GraphQLError } from 'graphql';
import { createGraphQLError, maskError as maskWithYoga, type YogaMaskedErrorOpts } from 'graphql-yoga';
import { clientClosedRequestError } from '../graphql/loaders/upstream-errors.ts';
import { UnknownUpstreamValueError } from '../graphql/upstream-codes.ts';
import { SslAbortedError } from '../ssl/errors.ts';
import type { Logger } from './logger.ts';

/** The code of the error on a field whose upstream value is one the schema does not know. */
export const UNKNOWN_UPSTREAM_VALUE = 'UNKNOWN_UPSTREAM_VALUE';

/** The error itself, or the one a GraphQLError wraps (how graphql reports what a resolver threw). */
function causeOf(error: unknown): unknown {
  const original =
    typeof error === 'object' && error !== null
      ? (error as { originalError?: unknown }).originalError
      : undefined;
  return original ?? error;
}

/** The client's own cancellation, reached through a path that did not translate it: not an unexpected error. */
function isClientAbort(error: unknown): boolean {
  return causeOf(error) instanceof SslAbortedError;
}

/**
 * Errors the gateway did not mean to show (bugs, unexpected failures) reach clients as "Unexpected error." with
 * a random `errorId`; the full error is logged once with the same id, so a report quoting it finds the cause.
 */
export interface ErrorMasking {
  readonly options: Partial<YogaMaskedErrorOpts>;
  /** True for an original error already logged with its id: Yoga logs it again, and that copy is dropped. */
  wasLogged(error: unknown): boolean;
}

export function createErrorMasking(logger: Logger): ErrorMasking {
  const logged = new WeakSet<object>();
  return {
    options: {
      // Never Yoga's development mode, whatever NODE_ENV says: it would add the cause's message and stack to the
      // answer, and those may quote upstream data or secrets. The errorId leads to them in the log instead.
      isDev: false,
      maskError(error, message) {
        const masked = maskWithYoga(error, message, false);
        if (masked === error) return masked;
        const cause = causeOf(error);
        if (cause instanceof UnknownUpstreamValueError) {
          // Not a bug of the gateway's: the vendor added a code. The client learns which; the field alone is null.
          logger.warn({ upstreamField: cause.upstreamField, value: cause.value }, cause.message);
          const { nodes, source, positions, path } = masked as Partial<GraphQLError>;
          return createGraphQLError(cause.message, {
            nodes,
            source,
            positions,
            path,
            extensions: {
              code: UNKNOWN_UPSTREAM_VALUE,
              upstreamField: cause.upstreamField,
              value: cause.value,
            },
          });
        }
        if (isClientAbort(error)) {
          // No stack and no errorId: the client went away, nothing failed in the gateway.
          logger.debug({ code: 'CLIENT_CLOSED_REQUEST' }, 'the client closed the request');
          return clientClosedRequestError(masked as Partial<GraphQLError>);
        }
        const errorId = randomUUID();
        logger.error(error, `masked an unexpected error (errorId ${errorId})`);
        if (typeof error === 'object' && error !== null) logged.add(error);
        // Yoga's masked error is a GraphQLError (possibly from graphql's other build, so no instanceof).
        const { nodes, source, positions, path, extensions } = masked as Partial<GraphQLError>;
        return createGraphQLError(masked.message, {
          nodes,
          source,
          positions,
          path,
          extensions: { ...extensions, errorId },
        });
      },
    },
    wasLogged(error) {
      return typeof error === 'object' && error !== null && logged.has(error);
    },
  };
}
