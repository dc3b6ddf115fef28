import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { CSRF_PREVENTION_HEADER } from './security/csrf.ts';

/**
 * How graphql-js words the errors of coercing a request's variables (a wrong enum value, a missing `ID!`, a string
 * for an `Int`, an unknown input field): raised before any resolver runs, without an extensions.code. Validation
 * errors that mention variables ("Variable "$x" is not defined") already carry GRAPHQL_VALIDATION_FAILED.
 */
const VARIABLE_COERCION_ERROR = /^Variable "\$[_A-Za-z][_0-9A-Za-z]*" /;

/** What @graphql-yoga/plugin-csrf-prevention answers (403) to a request without the CSRF header. */
const CSRF_REFUSAL_MESSAGE = 'Required CSRF header(s) not present';

interface ResultWithErrors {
  readonly errors?: readonly unknown[];
}

/** The code (and extra extensions) an error without a code should carry, or undefined to leave it as it is. */
function missingExtensions(error: GraphQLError): Record<string, unknown> | undefined {
  if (error.extensions.code !== undefined) return undefined;
  if (VARIABLE_COERCION_ERROR.test(error.message)) return { code: 'BAD_USER_INPUT' };
  const http = error.extensions.http as { status?: number } | undefined;
  if (error.message === CSRF_REFUSAL_MESSAGE && http?.status === 403)
    return { code: 'CSRF_HEADER_REQUIRED', requiredHeaders: [CSRF_PREVENTION_HEADER] };
  return undefined;
}

function withCode(error: unknown): unknown {
  if (!(error instanceof GraphQLError)) return error;
  const extra = missingExtensions(error);
  if (extra === undefined) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, ...extra },
  });
}

/**
 * Gives the request-level errors graphql-js and Yoga's plugins raise without an extensions.code one (their HTTP
 * status stays): variable coercion errors BAD_USER_INPUT, the CSRF refusal CSRF_HEADER_REQUIRED with the header to
 * send. First among the plugins, so the telemetry's metrics and log line count the codes clients see.
 */
export function useErrorCodes(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Symbol.asyncIterator in result) return;
      const results = (Array.isArray(result) ? result : [result]) as ResultWithErrors[];
      if (!results.some((single) => single.errors?.some((error) => withCode(error) !== error))) return;
      const coded = results.map((single) =>
        single.errors === undefined ? single : { ...single, errors: single.errors.map(withCode) },
      );
      setResult((Array.isArray(result) ? coded : coded[0]) as typeof result);
    },
  };
}
