import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  getOperationAST,
  type OperationDefinitionNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
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
 * What a mutation selects is worked out once per operation of a document (Yoga keeps parsed documents); each
 * execution then compares it with the caller's scopes.
 */
export function useMutationScopeCheck(): Plugin<GraphQLContext> {
  const neededByOperation = new WeakMap<OperationDefinitionNode, readonly ScopedField[]>();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName ?? undefined);
      if (operation?.operation !== 'mutation') return;
      let needed = neededByOperation.get(operation);
      if (needed === undefined) {
        needed = scopedFieldsOf(args.schema, args.document, operation);
        neededByOperation.set(operation, needed);
      }
      if (needed.length === 0) return;
      const granted = grantedScopes(args.contextValue);
      const refused = needed.find(({ scopes }) => !scopes.some((scope) => granted[scope]));
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

function scopedFieldsOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): readonly ScopedField[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === 'FragmentDefinition') fragments.set(definition.name.value, definition);
  }
  const found: ScopedField[] = [];
  const pending: (OperationDefinitionNode | FragmentDefinitionNode)[] = [operation];
  const spread = new Set<string>();
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    const typeInfo = new TypeInfo(schema);
    visit(
      node,
      visitWithTypeInfo(typeInfo, {
        Field(fieldNode) {
          const parent = typeInfo.getParentType();
          const field = typeInfo.getFieldDef();
          if (parent === null || parent === undefined || field === null || field === undefined) return;
          const scopes = fieldScopes(field.extensions);
          const [named] = scopes;
          if (named !== undefined) {
            found.push({ node: fieldNode, coordinate: `${parent.name}.${field.name}`, scopes, named });
          }
        },
        FragmentSpread(fragmentSpread) {
          const name = fragmentSpread.name.value;
          const fragment = fragments.get(name);
          if (fragment === undefined || spread.has(name)) return;
          spread.add(name);
          pending.push(fragment);
        },
      }),
    );
  }
  return found;
}
