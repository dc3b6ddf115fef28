import { randomUUID } from 'node:crypto';
import type { GraphQLError } from 'graphql';
import { createGraphQLError, maskError as maskWithYoga, type YogaMaskedErrorOpts } from 'graphql-yoga';
import type { Logger } from './logger.ts';

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
      maskError(error, message, isDev) {
        const masked = maskWithYoga(error, message, isDev);
        if (masked === error) return masked;
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
