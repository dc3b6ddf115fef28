import type { GraphQLError } from 'graphql';
import { handleStreamOrSingleExecutionResult, type Plugin } from 'graphql-yoga';

/**
 * Errors a resolver reports beside the value it answers with, for a failure that must not cost the client the
 * value: a mutation payload's job whose `wait` failed is still returned (it exists upstream, and the client
 * needs its ID), and the failure is one more entry of the response's `errors`, with the field's path. A thrown
 * error would null the field instead. Collected per request (`context.reportedErrors`) and appended to the
 * result by useReportedErrors.
 */
export class ReportedErrors {
  #errors: GraphQLError[] = [];

  report(error: GraphQLError): void {
    this.#errors.push(error);
  }

  /** The errors reported since the last take. */
  take(): readonly GraphQLError[] {
    const taken = this.#errors;
    this.#errors = [];
    return taken;
  }
}

interface ReportingContext {
  readonly reportedErrors?: ReportedErrors;
}

type ResultHandler = Parameters<typeof handleStreamOrSingleExecutionResult>[1];

/** Adds what was reported since the last result to this one. */
function appendingReported(reported: ReportedErrors): ResultHandler {
  return ({ result, setResult }) => {
    const errors = reported.take();
    if (errors.length > 0) setResult({ ...result, errors: [...(result.errors ?? []), ...errors] });
  };
}

/**
 * Appends the errors resolvers reported (ReportedErrors) to the execution's result, after the executor's own;
 * a subscription's events each get those reported while that event was resolved. Registered before Yoga's
 * error masking, which sees them as it sees the others.
 */
export function useReportedErrors(): Plugin {
  return {
    onExecute({ args }) {
      const reported = (args.contextValue as ReportingContext).reportedErrors;
      if (reported === undefined) return;
      return {
        onExecuteDone: (payload) => handleStreamOrSingleExecutionResult(payload, appendingReported(reported)),
      };
    },
    onSubscribe({ args }) {
      const reported = (args.contextValue as ReportingContext).reportedErrors;
      if (reported === undefined) return;
      return {
        onSubscribeResult: (payload) =>
          handleStreamOrSingleExecutionResult(payload, appendingReported(reported)),
      };
    },
  };
}
