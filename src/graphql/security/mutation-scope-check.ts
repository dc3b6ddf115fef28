import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLIncludeDirective,
  type GraphQLNamedType,
  type GraphQLSchema,
  GraphQLSkipDirective,
  getDirectiveValues,
  getNamedType,
  getOperationAST,
  getVariableValues,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { type GatewayScopes, grantedScopes, missingScopeError } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';

/**
 * Refuses a mutation before any of it runs when it selects a field the token lacks a scope for (a payload's
 * private key without ssl:secrets). Scope-auth checks each field as it resolves, and a payload's fields resolve
 * after the mutation has run upstream: the caller would get FORBIDDEN beside a change that was made, and might
 * repeat it. Queries keep scope-auth's per-field refusals, which change nothing.
 *
 * Whether a mutation selects any guarded field at all is worked out once per operation of a document (Yoga keeps
 * parsed documents); only one that does is walked again on each execution, with its variables, so that a field
 * `@skip`ped or not `@include`d is not held against the caller.
 */
export function useMutationScopeCheck(): Plugin<GraphQLContext> {
  const guardsByOperation = new WeakMap<OperationDefinitionNode, boolean>();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName ?? undefined);
      if (operation?.operation !== 'mutation') return;
      let guards = guardsByOperation.get(operation);
      if (guards === undefined) {
        guards = scopedFieldsOf(args.schema, args.document, operation, undefined).length > 0;
        guardsByOperation.set(operation, guards);
      }
      if (!guards) return;
      const coerced = getVariableValues(
        args.schema,
        operation.variableDefinitions ?? [],
        (args.variableValues ?? {}) as Record<string, unknown>,
      );
      // Variables that do not coerce: execution refuses the operation itself, before anything runs.
      if (coerced.errors !== undefined) return;
      const granted = grantedScopes(args.contextValue);
      const refused = scopedFieldsOf(args.schema, args.document, operation, coerced.coerced).find(
        ({ scopes }) => !scopes.some((scope) => granted[scope]),
      );
      if (refused === undefined) return;
      const { message } = missingScopeError(refused.coordinate, refused.named);
      // A request error (nothing ran, no data): 403 under application/graphql-response+json, as the
      // GraphQL-over-HTTP spec asks of an answer without data; 200 under legacy application/json.
      const refusal = createGraphQLError(message, {
        nodes: [refused.node],
        extensions: { code: 'FORBIDDEN', http: { spec: true, status: 403 } },
      });
      setResultAndStopExecution({ errors: [refusal] });
    },
  };
}

/** A selected field that scope-auth guards, with the scopes any one of which lets it through. */
interface ScopedField {
  readonly node: FieldNode;
  readonly coordinate: string;
  readonly scopes: readonly (keyof GatewayScopes)[];
  /** The scope a refusal names. */
  readonly named: keyof GatewayScopes;
}

/** The scopes a field's `authScopes` option names (an object: any one of them suffices). */
function fieldScopes(
  extensions: Readonly<Record<string, unknown>> | null | undefined,
): (keyof GatewayScopes)[] {
  const options = extensions?.pothosOptions as { authScopes?: unknown } | undefined;
  const authScopes = options?.authScopes;
  if (typeof authScopes !== 'object' || authScopes === null) return [];
  return (['read', 'write', 'secrets'] as const).filter(
    (scope) => (authScopes as Partial<Record<keyof GatewayScopes, unknown>>)[scope] === true,
  );
}

/** Whether `@skip`/`@include` keep a selection, with the operation's variables; every one without them. */
function isIncluded(
  selection: SelectionNode,
  variables: Readonly<Record<string, unknown>> | undefined,
): boolean {
  if (variables === undefined) return true;
  if (getDirectiveValues(GraphQLSkipDirective, selection, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, selection, variables)?.if !== false;
}

/**
 * The guarded fields an operation selects: all of them without `variables`; with them, those that run. Fragments
 * are followed where they are spread (validation has refused cycles; a guard stops one anyway).
 */
function scopedFieldsOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> | undefined,
): readonly ScopedField[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const found: ScopedField[] = [];
  const spreading = new Set<string>();
  const walk = (selectionSet: SelectionSetNode, parentType: GraphQLNamedType | null | undefined): void => {
    for (const selection of selectionSet.selections) {
      if (!isIncluded(selection, variables)) continue;
      if (selection.kind === Kind.FIELD) {
        if (!isObjectType(parentType) && !isInterfaceType(parentType)) continue;
        const field = parentType.getFields()[selection.name.value];
        if (field === undefined) continue;
        const scopes = fieldScopes(field.extensions);
        const [named] = scopes;
        if (named !== undefined) {
          found.push({ node: selection, coordinate: `${parentType.name}.${field.name}`, scopes, named });
        }
        if (selection.selectionSet !== undefined) walk(selection.selectionSet, getNamedType(field.type));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition;
        walk(
          selection.selectionSet,
          condition === undefined ? parentType : schema.getType(condition.name.value),
        );
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (fragment === undefined || spreading.has(name)) continue;
        spreading.add(name);
        walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value));
        spreading.delete(name);
      }
    }
  };
  walk(operation.selectionSet, schema.getMutationType());
  return found;
}
