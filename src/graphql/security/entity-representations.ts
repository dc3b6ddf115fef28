import {
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { PAGE_SIZE_ARGUMENT } from './page-sizes.ts';

/**
 * Federation's `_entities` returns one object per representation it is given: for the limits that multiply by a
 * list's length it is a list as long as its `representations`, however they are passed (a literal list, a variable,
 * a variable's default).
 */

/** The root field a router resolves references through. */
export const ENTITIES_FIELD = '_entities';

/** Its argument holding the references. */
export const REPRESENTATIONS_ARGUMENT = 'representations';

/**
 * The representations one `_entities` field is given, with the operation's coerced variables; undefined for a
 * variable whose value is not known yet (at validation). A list argument given one value is coerced to a list of
 * one.
 */
export function representationCount(
  field: FieldNode,
  variables: Readonly<Record<string, unknown>> | undefined,
): number | undefined {
  const value = field.arguments?.find((argument) => argument.name.value === REPRESENTATIONS_ARGUMENT)?.value;
  if (value === undefined) return 0;
  if (value.kind === Kind.LIST) return value.values.length;
  if (value.kind === Kind.VARIABLE) {
    if (variables === undefined) return undefined;
    const sent = variables[value.name.value];
    if (sent === undefined || sent === null) return 0;
    return Array.isArray(sent) ? sent.length : 1;
  }
  return 1;
}

/** Whether the document passes some `_entities` field its representations as a variable. */
export function hasRepresentationVariables(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(field) {
      if (field.name.value !== ENTITIES_FIELD) return;
      const value = field.arguments?.find(
        (argument) => argument.name.value === REPRESENTATIONS_ARGUMENT,
      )?.value;
      if (value?.kind === Kind.VARIABLE) found = true;
    },
  });
  return found;
}

/**
 * The document with every `_entities` field of the query root given a `first` as long as its representations, so
 * that armor's cost rule (which multiplies a selection by a literal `first`) costs 100 references as 100 objects,
 * as it costs a page of 100. Only for costing: `_entities` takes no `first`. Without `variables` (at validation)
 * representations passed as a variable are left uncounted, for the check before execution to cost.
 */
export function withRepresentationCountsAsPageSizes(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables?: Readonly<Record<string, unknown>>,
): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  const queryType = schema.getQueryType();
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (node.name.value !== ENTITIES_FIELD || typeInfo.getParentType() !== queryType) return undefined;
        const count = representationCount(node, variables);
        if (count === undefined) return undefined;
        const first: ArgumentNode = {
          kind: Kind.ARGUMENT,
          name: { kind: Kind.NAME, value: PAGE_SIZE_ARGUMENT },
          value: { kind: Kind.INT, value: String(count) },
        };
        return { ...node, arguments: [...(node.arguments ?? []), first] };
      },
    }),
  );
}
