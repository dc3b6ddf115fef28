import {
  type ArgumentNode,
  type DocumentNode,
  type GraphQLField,
  type GraphQLSchema,
  Kind,
  TypeInfo,
  type ValueNode,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../schema/pagination.ts';

/**
 * The page sizes of an operation as they execute, for the limits that multiply by them. Every paged field of the
 * schema takes `first` and reads it through forwardWindow (pagination.ts): omitted or null it is
 * DEFAULT_PAGE_SIZE, above MAX_PAGE_SIZE it is MAX_PAGE_SIZE. Costing `first` as written instead would count an
 * omitted one as a page of one item (20 times too cheap per level of nesting) and `first: 2147483647` as two
 * billion items.
 */

/** The argument every paged field takes. */
export const PAGE_SIZE_ARGUMENT = 'first';

/** Whether a field is paged: it takes `first`. */
export function isPagedField(field: GraphQLField<unknown, unknown>): boolean {
  return field.args.some((argument) => argument.name === PAGE_SIZE_ARGUMENT);
}

/**
 * The number of items a page asked for with this `first` (as coerced: a number, null or absent) holds at most.
 * A negative one is refused when the field runs, so it holds nothing.
 */
export function executedPageSize(first: unknown): number {
  if (typeof first !== 'number' || !Number.isInteger(first)) return DEFAULT_PAGE_SIZE;
  return Math.max(0, Math.min(first, MAX_PAGE_SIZE));
}

function intValue(value: number): ValueNode {
  return { kind: Kind.INT, value: String(value) };
}

/**
 * The document with the `first` of every paged field written as the page size it executes with, so that armor's
 * cost rule (which multiplies by a literal `first` only) counts what runs. `variables` are the operation's coerced
 * variable values; without them (at validation, before any are known) a `first` passed as a variable is left as
 * it is, for the check before execution to cost.
 */
export function withExecutedPageSizes(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables?: Readonly<Record<string, unknown>>,
): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const field = typeInfo.getFieldDef();
        if (field === null || field === undefined || !isPagedField(field)) return undefined;
        const written = node.arguments?.find((argument) => argument.name.value === PAGE_SIZE_ARGUMENT);
        const executed = executedPageSizeOf(written, variables);
        if (executed === undefined) return undefined;
        const first: ArgumentNode = {
          kind: Kind.ARGUMENT,
          name: { kind: Kind.NAME, value: PAGE_SIZE_ARGUMENT },
          value: intValue(executed),
        };
        const others = (node.arguments ?? []).filter((argument) => argument !== written);
        return { ...node, arguments: [...others, first] };
      },
    }),
  );
}

/** The page size a written `first` executes with; undefined for a variable whose value is not known yet. */
function executedPageSizeOf(
  written: ArgumentNode | undefined,
  variables: Readonly<Record<string, unknown>> | undefined,
): number | undefined {
  if (written === undefined) return DEFAULT_PAGE_SIZE;
  const { value } = written;
  switch (value.kind) {
    case Kind.INT:
      return executedPageSize(Number.parseInt(value.value, 10));
    case Kind.NULL:
      return DEFAULT_PAGE_SIZE;
    case Kind.VARIABLE:
      // A variable not sent and without a default leaves the argument out: the default page.
      return variables === undefined ? undefined : executedPageSize(variables[value.name.value]);
    default:
      // Not an Int: validation refuses the operation.
      return undefined;
  }
}
