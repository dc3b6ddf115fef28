import { costLimitPlugin, costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  getOperationAST,
  getVariableValues,
  Kind,
  type OperationDefinitionNode,
  type SelectionNode,
  type ValidationContext,
  type ValueNode,
  validate,
  visit,
} from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { QueryLimits } from '../../config/security.ts';
import { MAX_PAGE_SIZE } from '../schema/pagination.ts';

/**
 * Armor's validation rules throw by default, which skips Yoga's validation-error handling (the answer would be a
 * 200 without an error code). Reporting instead makes a refused operation an ordinary validation error: HTTP 400
 * (graphql-response+json) and `extensions.code: GRAPHQL_VALIDATION_FAILED`. Armor prefixes every message with
 * "Syntax Error:", which is wrong for a well-formed operation that is merely too big.
 */
const reportAsValidationError = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) => {
      context?.reportError(createGraphQLError(error.message.replace(/^Syntax Error: /, '')));
    },
  ],
};

/**
 * A fragment is notation: its fields cost what they would written inline (armor's default charges a spread one
 * more level of depth, so a client generated with fragments, as codegen clients are, paid up to half as much
 * again for the same page).
 */
const COST_RULES = { flattenFragments: true } as const;

/**
 * GraphQL Armor's rules against hostile operations, checked at parse (tokens) and validation (the rest), so an
 * oversized operation is refused with a 400 before any resolver, and so before any upstream call. The limits are
 * named in the error messages: legitimate clients learn what to split, attackers learn nothing about the data.
 */
export function queryLimitPlugins(limits: QueryLimits): Plugin[] {
  return [
    // Parsing stops at the limit, so a huge document costs no more than a limit-sized one; its error is a
    // syntax error, which Yoga already answers with 400.
    maxTokensPlugin({ n: limits.maxTokens }),
    maxDepthPlugin({ n: limits.maxDepth, flattenFragments: true, ...reportAsValidationError }),
    costLimitPlugin({ maxCost: limits.maxCost, ...COST_RULES, ...reportAsValidationError }),
    pageSizeVariablesCostPlugin(limits.maxCost),
    entityRepresentationsLimitPlugin(limits.maxEntityRepresentations),
    // No allow-list: `__typename` aliases are as cheap to repeat as any other.
    maxAliasesPlugin({ n: limits.maxAliases, allowList: [], ...reportAsValidationError }),
    maxDirectivesPlugin({ n: limits.maxDirectives, ...reportAsValidationError }),
  ];
}

/** The arguments armor's cost rule multiplies a list field's cost by. */
const PAGE_SIZE_ARGUMENTS = new Set(['first', 'last']);

/**
 * Armor's cost rule multiplies by `first`/`last` only when they are literals: validation sees the document, not
 * the variables (and Yoga caches it per document), so `certificates(first: $n) { … deployRecords(first: $n) }`
 * would pass as if each list held one item. An operation that passes a page size as a variable is therefore
 * costed again before it executes, with the page sizes written in as the values it runs with, and refused with
 * the same 400 and message as a literal one. Operations without such variables skip this entirely.
 */
export function pageSizeVariablesCostPlugin(maxCost: number): Plugin {
  const pageSizeVariablesOf = new WeakMap<DocumentNode, boolean>();
  const hasPageSizeVariables = (document: DocumentNode): boolean => {
    let known = pageSizeVariablesOf.get(document);
    if (known === undefined) {
      known = false;
      visit(document, {
        Argument(argument) {
          if (PAGE_SIZE_ARGUMENTS.has(argument.name.value) && argument.value.kind === Kind.VARIABLE)
            known = true;
        },
      });
      pageSizeVariablesOf.set(document, known);
    }
    return known;
  };

  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (!hasPageSizeVariables(args.document)) return;
      const costed = withPageSizeValues(args.document, args.operationName, args.variableValues ?? {});
      const refusals: string[] = [];
      const rule = costLimitRule({
        maxCost,
        ...COST_RULES,
        propagateOnRejection: false,
        onReject: [(_context, error) => refusals.push(error.message.replace(/^Syntax Error: /, ''))],
      });
      validate(args.schema, costed, [rule]);
      if (refusals.length === 0) return;
      setResultAndStopExecution({
        errors: refusals.map((message) =>
          createGraphQLError(message, {
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { spec: true, status: 400 } },
          }),
        ),
      });
    },
  };
}

/**
 * The executed operation (with the document's fragments) and each of its page-size variables replaced by the
 * integer it runs with: the value sent (a page holds at most MAX_PAGE_SIZE items, whatever it asks for), else
 * the variable's default. A variable with neither (or with a value that is no integer, which execution refuses
 * anyway) drops the argument, as armor costs an omitted page size.
 */
function withPageSizeValues(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>>,
): DocumentNode {
  const operation = getOperationAST(document, operationName);
  const defaults = new Map<string, ValueNode>();
  for (const variable of operation?.variableDefinitions ?? []) {
    if (variable.defaultValue !== undefined)
      defaults.set(variable.variable.name.value, variable.defaultValue);
  }
  const executed: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: document.definitions.filter(
      (definition) => definition === operation || definition.kind === Kind.FRAGMENT_DEFINITION,
    ),
  };
  return visit(executed, {
    Argument(argument) {
      if (!PAGE_SIZE_ARGUMENTS.has(argument.name.value) || argument.value.kind !== Kind.VARIABLE)
        return undefined;
      const name = argument.value.name.value;
      const sent = variables[name];
      if (typeof sent === 'number' && Number.isInteger(sent)) {
        return { ...argument, value: { kind: Kind.INT, value: String(Math.min(sent, MAX_PAGE_SIZE)) } };
      }
      const fallback = sent === undefined ? defaults.get(name) : undefined;
      return fallback?.kind === Kind.INT ? { ...argument, value: fallback } : null;
    },
  });
}

/**
 * Federation's `_entities` resolves every representation it is given, and for types the API cannot read in
 * batches (managers, companies, packages) each one is an upstream call: unbounded, one operation could spend the
 * account's quota for everyone (aliases are limited, a list argument is not). The representations of all the
 * operation's `_entities` fields, literal or passed as variables (sent or defaulted), are counted before it
 * executes.
 */
export function entityRepresentationsLimitPlugin(maxRepresentations: number): Plugin {
  const entitiesFieldsOf = new WeakMap<OperationDefinitionNode, readonly FieldNode[]>();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation === null || operation === undefined) return;
      let fields = entitiesFieldsOf.get(operation);
      if (fields === undefined) {
        fields = rootFieldsNamed(operation, args.document, '_entities');
        entitiesFieldsOf.set(operation, fields);
      }
      if (fields.length === 0) return;
      // Coerced as execution will: a variable not sent counts with its default.
      const coerced = getVariableValues(
        args.schema,
        operation.variableDefinitions ?? [],
        args.variableValues ?? {},
      );
      if (coerced.coerced === undefined) return; // execution refuses the variables anyway
      const variables = coerced.coerced;
      let representations = 0;
      for (const field of fields) representations += representationCount(field, variables);
      if (representations <= maxRepresentations) return;
      setResultAndStopExecution({
        errors: [
          createGraphQLError(
            `Entity representations limit of ${maxRepresentations} exceeded, found ${representations}.`,
            { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { spec: true, status: 400 } } },
          ),
        ],
      });
    },
  };
}

/** The operation's root fields of that name, through inline fragments and fragment spreads. */
function rootFieldsNamed(
  operation: OperationDefinitionNode,
  document: DocumentNode,
  name: string,
): FieldNode[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const found: FieldNode[] = [];
  const visited = new Set<string>();
  const collect = (selections: readonly SelectionNode[]): void => {
    for (const selection of selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === name) found.push(selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collect(selection.selectionSet.selections);
      } else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment !== undefined) collect(fragment.selectionSet.selections);
      }
    }
  };
  collect(operation.selectionSet.selections);
  return found;
}

/** A list argument given one value is coerced to a list of one. */
function representationCount(field: FieldNode, variables: Readonly<Record<string, unknown>>): number {
  const value = field.arguments?.find((argument) => argument.name.value === 'representations')?.value;
  if (value === undefined) return 0;
  if (value.kind === Kind.LIST) return value.values.length;
  if (value.kind === Kind.VARIABLE) {
    const sent = variables[value.name.value];
    if (sent === undefined || sent === null) return 0;
    return Array.isArray(sent) ? sent.length : 1;
  }
  return 1;
}
