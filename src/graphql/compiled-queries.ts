import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLError,
  getOperationAST,
  getVariableValues,
  type Source,
  type VariableDefinitionNode,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/**
 * Runs hot queries with graphql-jit: the operation is compiled once into a function that resolves its
 * selections and completes their values without walking the document and the schema for every field, which is
 * most of the CPU of a list page (≈850 fields for 50 certificates; bench/execution-profile.ts).
 *
 * Only queries are compiled: mutations wait on the upstream (≤ 10 calls/s per action), and subscriptions keep
 * the reference executor's event streams. A document is compiled on its `compileAfterRuns + 1`-th run: compiling
 * costs 2–20 times its validation (1 ms for the list page, 26 ms for the introspection query), so documents
 * that are sent once (GraphiQL's introspection, a flood of distinct operations) never pay it. A document the
 * compiler refuses keeps running interpreted. Compiled functions live as long as Yoga's parse cache keeps the
 * document (a WeakMap on the document node).
 */
export interface CompiledQueriesOptions {
  /** How many times a query runs interpreted before it is compiled; 0 compiles it on its first run. */
  readonly compileAfterRuns: number;
}

export const DEFAULT_COMPILE_AFTER_RUNS = 10;

/** One operation of a document: how often it ran, and its compiled form once there is one. */
interface OperationState {
  runs: number;
  /** undefined until compiled; null when it is not a query or the compiler refused it. */
  compiled: CompiledQuery | null | undefined;
  readonly locate: (error: GraphQLError) => GraphQLError;
  readonly variableDefinitions: readonly VariableDefinitionNode[];
}

type Execute = (args: ExecutionArgs) => ExecutionResult | Promise<ExecutionResult>;

/**
 * graphql-jit's errors carry `locations` but neither the document's source nor positions in it, from which
 * Yoga rebuilds every error it sends (omitInternalsFromError), so their locations would be lost. Each is turned
 * into the error the reference executor raises: same message, path, original error and extensions, located by
 * source and positions.
 */
function locatedBy(source: Source | undefined): (error: GraphQLError) => GraphQLError {
  if (source === undefined) return (error) => error;
  const lineStarts = [0];
  for (let index = source.body.indexOf('\n'); index !== -1; index = source.body.indexOf('\n', index + 1)) {
    lineStarts.push(index + 1);
  }
  return (error) =>
    // Yoga's factory, so Yoga's `instanceof GraphQLError` holds even where two builds of graphql are loaded.
    createGraphQLError(error.message, {
      source,
      positions: error.locations?.map(({ line, column }) => (lineStarts[line - 1] ?? 0) + column - 1),
      path: error.path,
      originalError: error.originalError ?? undefined,
      extensions: error.extensions,
    });
}

function withLocatedErrors(
  result: ExecutionResult,
  locate: (error: GraphQLError) => GraphQLError,
): ExecutionResult {
  if (result.errors === undefined || result.errors.length === 0) return result;
  return { ...result, errors: result.errors.map(locate) };
}

export function useCompiledQueries(options: CompiledQueriesOptions): Plugin {
  const operations = new WeakMap<DocumentNode, Map<string, OperationState>>();

  function stateOf(args: ExecutionArgs): OperationState {
    const operationName = args.operationName ?? undefined;
    let byName = operations.get(args.document);
    if (byName === undefined) {
      byName = new Map();
      operations.set(args.document, byName);
    }
    const key = operationName ?? '';
    let state = byName.get(key);
    if (state === undefined) {
      const operation = getOperationAST(args.document, operationName);
      state = {
        runs: 0,
        compiled: operation?.operation === 'query' ? undefined : null,
        variableDefinitions: operation?.variableDefinitions ?? [],
        locate: locatedBy(args.document.loc?.source),
      };
      byName.set(key, state);
    }
    return state;
  }

  /** The compiled form to run `args` with; null to run them interpreted. */
  function compiledFor(args: ExecutionArgs): { compiled: CompiledQuery; state: OperationState } | null {
    const state = stateOf(args);
    if (state.compiled === undefined) {
      state.runs += 1;
      if (state.runs <= options.compileAfterRuns) return null;
      const compiled = compileQuery(args.schema, args.document, args.operationName ?? undefined);
      state.compiled = isCompiledQuery(compiled) ? compiled : null;
    }
    if (state.compiled === null) return null;
    // Variables that do not coerce are answered by the reference executor: its answer (HTTP 400, the
    // variable's location) is the one clients know; the compiled form would answer 200 without locations.
    if (
      state.variableDefinitions.length > 0 &&
      getVariableValues(args.schema, state.variableDefinitions, args.variableValues ?? {}).errors !==
        undefined
    ) {
      return null;
    }
    return { compiled: state.compiled, state };
  }

  return {
    onExecute({ args, setExecuteFn }) {
      const chosen = compiledFor(args);
      if (chosen === null) return;
      const { compiled, state } = chosen;
      const execute: Execute = (final) => {
        const result = compiled.query(final.rootValue, final.contextValue, final.variableValues);
        return result instanceof Promise
          ? result.then((settled) => withLocatedErrors(settled, state.locate))
          : withLocatedErrors(result, state.locate);
      };
      setExecuteFn(execute);
    },
  };
}
