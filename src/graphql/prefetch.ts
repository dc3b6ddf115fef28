import {
  type GraphQLField,
  GraphQLIncludeDirective,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  GraphQLSkipDirective,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  isObjectType,
  Kind,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import type { GraphQLContext } from './context.ts';

/**
 * A load a field needs only its parent's ID for (a certificate's deploy records, its detail, its log), started
 * with the field's own arguments. It must ask the request's loaders exactly what the field's resolver asks them,
 * so that the resolver finds the load already running.
 */
export type PrefetchById = (id: string, args: Record<string, unknown>, context: GraphQLContext) => unknown;

const PREFETCH_EXTENSION = 'sslGraphPrefetchById';

/**
 * Field options that declare the field's load by its parent's ID. Only for fields every caller who may read the
 * parent may read (no scope of their own): a field the caller may not see must not reach the upstream. `Args`
 * are the field's own arguments: they are coerced against the field's definition (getArgumentValues), as the
 * executor coerces them for its resolver.
 */
export function prefetchedById<Args>(
  prefetch: (id: string, args: Args, context: GraphQLContext) => unknown,
): { readonly extensions: Record<string, PrefetchById> } {
  return { extensions: { [PREFETCH_EXTENSION]: prefetch as PrefetchById } };
}

function prefetchOf(field: GraphQLField<unknown, unknown> | undefined): PrefetchById | undefined {
  const prefetch: unknown = field?.extensions[PREFETCH_EXTENSION];
  return typeof prefetch === 'function' ? (prefetch as PrefetchById) : undefined;
}

/**
 * Starts, for the object of ID `id` that the field of `info` returns (or of type `typeName`), the loads of every
 * child field the operation selects that declares one (`prefetchedById`), through fragments, under their aliases,
 * with their arguments and `@skip`/`@include` evaluated against the operation's variables.
 *
 * Why: GraphQL runs a field's children only once the field has resolved, so a root field that first looks the
 * object up (`certificate(id:)`) would make every such child wait one more upstream round trip, for an ID the
 * query already holds. With this, a certificate page's detail, deploy records and log are asked for together with
 * the certificate. If the object turns out not to exist, those loads were wasted: their failures are ignored here,
 * and a child that runs meets them through its own resolver, as it would have without the prefetch.
 */
export function prefetchSelectedFields(
  id: string,
  info: GraphQLResolveInfo,
  context: GraphQLContext,
  typeName?: string,
): void {
  // A federation reference resolves inside `_entities`, whose type is a union: the entity's type is named.
  const type = typeName === undefined ? getNamedType(info.returnType) : info.schema.getType(typeName);
  if (!isObjectType(type)) return;
  const visit = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (!isIncluded(selection, info.variableValues)) continue;
      switch (selection.kind) {
        case Kind.FIELD: {
          const field = type.getFields()[selection.name.value];
          const prefetch = prefetchOf(field);
          if (field !== undefined && prefetch !== undefined) {
            start(() => prefetch(id, getArgumentValues(field, selection, info.variableValues), context));
          }
          break;
        }
        case Kind.INLINE_FRAGMENT:
          if (appliesTo(type, selection.typeCondition?.name.value)) visit(selection.selectionSet);
          break;
        case Kind.FRAGMENT_SPREAD: {
          const fragment = info.fragments[selection.name.value];
          if (fragment !== undefined && appliesTo(type, fragment.typeCondition.name.value)) {
            visit(fragment.selectionSet);
          }
          break;
        }
      }
    }
  };
  for (const node of info.fieldNodes) {
    if (node.selectionSet !== undefined) visit(node.selectionSet);
  }
}

function isIncluded(selection: SelectionNode, variables: GraphQLResolveInfo['variableValues']): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, selection, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, selection, variables)?.if !== false;
}

function appliesTo(type: GraphQLObjectType, typeCondition: string | undefined): boolean {
  return (
    typeCondition === undefined ||
    typeCondition === type.name ||
    type.getInterfaces().some((implemented) => implemented.name === typeCondition)
  );
}

/**
 * A prefetch that cannot start (arguments the field's resolver will refuse) or that fails is left to the field's
 * resolver, which reports it where it belongs.
 */
function start(prefetch: () => unknown): void {
  try {
    Promise.resolve(prefetch()).catch(() => undefined);
  } catch {
    // The field's resolver meets the same error and reports it.
  }
}
