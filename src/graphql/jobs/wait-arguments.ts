import {
  type DocumentNode,
  type ExecutionArgs,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  getOperationAST,
  getVariableValues,
  isInterfaceType,
  isObjectType,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { JOB_WAIT_INPUT_TYPE_NAME, type JobWait, waitProblem } from './job-wait.ts';

/**
 * Refuses an operation with an out-of-range `wait` argument before any of it runs. The resolvers check `wait`
 * too, but only when they resolve: a job field of a mutation payload resolves after the mutation has started
 * the job, so refusing it then would answer null for a job that exists, and the caller would lose its handle.
 * Checked here, the mutation never starts. Queries get the same rule, so an out-of-range `wait` means the same
 * wherever it is written.
 *
 * Where an operation takes `wait` arguments is worked out once per operation of a document (Yoga keeps parsed
 * documents), so an operation without any costs a lookup; the values are checked on each execution, variables
 * included.
 */
export function useJobWaitArgumentCheck(): Plugin {
  // Keyed by the operation's node, which lives as long as Yoga keeps its document.
  const sitesByOperation = new WeakMap<OperationDefinitionNode, readonly WaitSite[]>();

  return {
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName ?? undefined);
      // No such operation: the executor says so.
      if (operation === null || operation === undefined) return;
      let sites = sitesByOperation.get(operation);
      if (sites === undefined) {
        sites = findWaitSites(args.schema, args.document, operation);
        sitesByOperation.set(operation, sites);
      }
      if (sites.length === 0) return;
      const refusal = firstRefusal(args, operation, sites);
      if (refusal !== null) setResultAndStopExecution({ errors: [refusal] });
    },
  };
}

/** A field of the operation with a `wait` argument (in a fragment, once per fragment). */
interface WaitSite {
  readonly field: GraphQLField<unknown, unknown>;
  readonly node: FieldNode;
  readonly argumentName: string;
}

function findWaitSites(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): readonly WaitSite[] {
  const rootType = schema.getRootType(operation.operation);
  if (rootType === null || rootType === undefined) return [];
  const fragments = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === 'FragmentDefinition' ? [[definition.name.value, definition] as const] : [],
    ),
  );
  const sites: WaitSite[] = [];
  const visitedFragments = new Set<string>();

  function visit(selectionSet: SelectionSetNode, parentType: GraphQLNamedType | null | undefined): void {
    for (const selection of selectionSet.selections) {
      if (selection.kind === 'Field') {
        if (!isObjectType(parentType) && !isInterfaceType(parentType)) continue;
        const field = parentType.getFields()[selection.name.value];
        if (field === undefined) continue;
        for (const argument of field.args) {
          if (getNamedType(argument.type).name === JOB_WAIT_INPUT_TYPE_NAME) {
            sites.push({ field, node: selection, argumentName: argument.name });
          }
        }
        if (selection.selectionSet !== undefined) visit(selection.selectionSet, getNamedType(field.type));
      } else if (selection.kind === 'InlineFragment') {
        const type = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parentType;
        visit(selection.selectionSet, type);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (fragment === undefined || visitedFragments.has(name)) continue;
        visitedFragments.add(name);
        visit(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value));
      }
    }
  }

  visit(operation.selectionSet, rootType);
  return sites;
}

/** The error for the first out-of-range `wait` of this execution; null when every one is in range. */
function firstRefusal(args: ExecutionArgs, operation: OperationDefinitionNode, sites: readonly WaitSite[]) {
  const variables = getVariableValues(
    args.schema,
    operation.variableDefinitions ?? [],
    args.variableValues ?? {},
  );
  // Variables that do not coerce are the executor's to report, as for any operation.
  if (variables.coerced === undefined) return null;
  for (const site of sites) {
    const wait = argumentValue(site, variables.coerced);
    const problem = isJobWait(wait) ? waitProblem(wait) : null;
    if (problem !== null) {
      return createGraphQLError(problem, {
        nodes: [site.node],
        // As Yoga marks validation errors: a request error, HTTP 400 for application/graphql-response+json.
        extensions: {
          code: 'BAD_USER_INPUT',
          argumentName: site.argumentName,
          http: { spec: true, status: 400 },
        },
      });
    }
  }
  return null;
}

function argumentValue(site: WaitSite, variables: Record<string, unknown>): unknown {
  try {
    return getArgumentValues(site.field, site.node, variables)[site.argumentName];
  } catch {
    // An argument that does not coerce is the executor's to report.
    return undefined;
  }
}

function isJobWait(value: unknown): value is JobWait {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { timeoutSeconds?: unknown }).timeoutSeconds === 'number'
  );
}
