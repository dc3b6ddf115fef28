import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import {
  type ASTVisitor,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  getVariableValues,
  Kind,
  type OperationDefinitionNode,
  type SelectionNode,
  type ValidationContext,
  validate,
  visit,
} from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { QueryLimits } from '../../config/security.ts';
import {
  ENTITIES_FIELD,
  hasRepresentationVariables,
  representationCount,
  withRepresentationCountsAsPageSizes,
} from './entity-representations.ts';
import { PAGE_SIZE_ARGUMENT, withExecutedPageSizes } from './page-sizes.ts';
import { estimateUpstreamCalls } from './upstream-call-estimate.ts';

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
 * What depends on the variables (page sizes, entity representations, upstream calls) is checked once they are
 * known, before the operation executes.
 */
export function queryLimitPlugins(limits: QueryLimits): Plugin[] {
  return [
    // Parsing stops at the limit, so a huge document costs no more than a limit-sized one; its error is a
    // syntax error, which Yoga already answers with 400.
    maxTokensPlugin({ n: limits.maxTokens }),
    maxDepthPlugin({ n: limits.maxDepth, flattenFragments: true, ...reportAsValidationError }),
    executedPageSizesCostPlugin(limits.maxCost),
    entityRepresentationsLimitPlugin(limits.maxEntityRepresentations),
    // After the cost limit, which bounds how much of a document there is to walk.
    upstreamCallLimitPlugin(limits.maxUpstreamCalls),
    // No allow-list: `__typename` aliases are as cheap to repeat as any other.
    maxAliasesPlugin({ n: limits.maxAliases, allowList: [], ...reportAsValidationError }),
    maxDirectivesPlugin({ n: limits.maxDirectives, ...reportAsValidationError }),
  ];
}

/** The refusal of an operation before it executes: answered as a validation error (400, or 200 to legacy clients). */
function refusal(message: string, code = 'GRAPHQL_VALIDATION_FAILED'): GraphQLError {
  return createGraphQLError(message, { extensions: { code, http: { spec: true, status: 400 } } });
}

/**
 * A check of each operation once its variables are known, before anything of it runs: queries and mutations
 * (onExecute) and subscriptions (Yoga starts those through onSubscribe, which onExecute never sees).
 */
function beforeExecution(check: (args: ExecutionArgs) => readonly GraphQLError[] | undefined): Plugin {
  const refuseOrPass = ({
    args,
    setResultAndStopExecution,
  }: {
    readonly args: ExecutionArgs;
    readonly setResultAndStopExecution: (result: ExecutionResult) => void;
  }): void => {
    const errors = check(args);
    if (errors !== undefined && errors.length > 0) setResultAndStopExecution({ errors });
  };
  return { onExecute: refuseOrPass, onSubscribe: refuseOrPass };
}

/** Armor's cost of every operation of `document` over `maxCost`, as its refusal messages. */
function costRefusals(schema: GraphQLSchema, document: DocumentNode, maxCost: number): string[] {
  const refusals: string[] = [];
  const rule = costLimitRule({
    maxCost,
    ...COST_RULES,
    propagateOnRejection: false,
    onReject: [(_context, error) => refusals.push(error.message.replace(/^Syntax Error: /, ''))],
  });
  validate(schema, document, [rule]);
  return refusals;
}

/**
 * Armor's cost rule multiplies a list's cost by a literal `first`, and by 1 otherwise. Pages do not run that way
 * (page-sizes.ts): an omitted or null `first` is a page of 20, one above 100 a page of 100, and one passed as a
 * variable holds what was sent; and `_entities` returns as many objects as it is given representations
 * (entity-representations.ts). So the cost is computed on the operation with every `first` written as the page
 * size it executes with, and every `_entities` as a page of its representations: at validation for what the
 * document says (cached with it), and again before execution, with the variables' values, for an operation that
 * passes page sizes or representations as variables. Either refusal is the same 400 with the same message.
 */
export function executedPageSizesCostPlugin(maxCost: number): Plugin {
  const sizeVariablesOf = new WeakMap<DocumentNode, boolean>();
  const hasSizeVariables = (document: DocumentNode): boolean => {
    let known = sizeVariablesOf.get(document);
    if (known === undefined) {
      known = hasRepresentationVariables(document);
      visit(document, {
        Argument(argument) {
          if (argument.name.value === PAGE_SIZE_ARGUMENT && argument.value.kind === Kind.VARIABLE)
            known = true;
        },
      });
      sizeVariablesOf.set(document, known);
    }
    return known;
  };
  const costed = (
    schema: GraphQLSchema,
    document: DocumentNode,
    variables?: Readonly<Record<string, unknown>>,
  ): DocumentNode =>
    withRepresentationCountsAsPageSizes(
      schema,
      withExecutedPageSizes(schema, document, variables),
      variables,
    );

  /**
   * The cost of what the document says: omitted, null and oversized literal page sizes as they run, literal lists
   * of representations as long as they are.
   */
  const writtenPageSizesRule = (context: ValidationContext): ASTVisitor => ({
    Document(document) {
      const written = costed(context.getSchema(), document);
      for (const message of costRefusals(context.getSchema(), written, maxCost)) {
        context.reportError(createGraphQLError(message));
      }
      // The rule has seen the whole document.
      return false;
    },
  });

  return {
    onValidate({ addValidationRule }) {
      addValidationRule(writtenPageSizesRule);
    },
    ...beforeExecution((args) => {
      if (!hasSizeVariables(args.document)) return undefined;
      const operation = getOperationAST(args.document, args.operationName);
      if (operation === null || operation === undefined) return undefined;
      const coerced = getVariableValues(
        args.schema,
        operation.variableDefinitions ?? [],
        args.variableValues ?? {},
      );
      // Variables that do not fit their types are refused by the executor.
      if (coerced.coerced === undefined) return undefined;
      // Only the operation that runs, with the fragments it may use.
      const executed: DocumentNode = {
        kind: Kind.DOCUMENT,
        definitions: args.document.definitions.filter(
          (definition) => definition === operation || definition.kind === Kind.FRAGMENT_DEFINITION,
        ),
      };
      const executedCost = costed(args.schema, executed, coerced.coerced);
      return costRefusals(args.schema, executedCost, maxCost).map((message) => refusal(message));
    }),
  };
}

/**
 * The upstream calls an operation can make, estimated before it executes (upstream-call-estimate.ts), refused
 * over `maxCalls`: the API's per-action quota belongs to the account, so one operation that spends seconds of it
 * (a page of 100 certificates, each reading its deploy records) makes every other caller's reads of that action
 * wait, then fail. Nothing of a refused operation runs, so it makes no call at all.
 */
export function upstreamCallLimitPlugin(maxCalls: number): Plugin {
  const estimates = new EstimateCache();
  return beforeExecution((args) => {
    const calls = estimates.get(args, () =>
      estimateUpstreamCalls(args.schema, args.document, args.operationName, args.variableValues),
    );
    if (calls === undefined || calls <= maxCalls) return undefined;
    return [
      refusal(
        `Upstream call limit of ${maxCalls} exceeded, found ${calls}: the operation could make that many calls ` +
          'to the Tencent Cloud SSL API. Ask for smaller pages, or for fewer fields that read each item ' +
          'separately (relations such as deployRecords, detail fields such as certificatePem).',
        UPSTREAM_CALL_LIMIT_EXCEEDED,
      ),
    ];
  });
}

/**
 * Estimates by document (Yoga keeps one parsed document per query text), operation and variables: a client sends
 * the same few operations again and again. Variables too large to key on are estimated each time.
 */
class EstimateCache {
  static readonly #MAX_KEY_LENGTH = 1024;
  static readonly #MAX_ENTRIES_PER_DOCUMENT = 64;
  readonly #byDocument = new WeakMap<DocumentNode, Map<string, number | undefined>>();

  get(args: ExecutionArgs, estimate: () => number | undefined): number | undefined {
    const key = `${args.operationName ?? ''}\u0000${JSON.stringify(args.variableValues ?? {})}`;
    if (key.length > EstimateCache.#MAX_KEY_LENGTH) return estimate();
    let entries = this.#byDocument.get(args.document);
    if (entries === undefined) {
      entries = new Map();
      this.#byDocument.set(args.document, entries);
    }
    if (entries.has(key)) return entries.get(key);
    const calls = estimate();
    if (entries.size >= EstimateCache.#MAX_ENTRIES_PER_DOCUMENT) entries.clear();
    entries.set(key, calls);
    return calls;
  }
}

/** The code of an operation refused by the upstream-call limit. */
export const UPSTREAM_CALL_LIMIT_EXCEEDED = 'UPSTREAM_CALL_LIMIT_EXCEEDED';

/**
 * Federation's `_entities` resolves every representation it is given: what they cost is bounded by the cost limit
 * (each an object of the selection) and the upstream-call limit (each priced by its type), and this hard ceiling
 * bounds the list itself, so that no operation makes the gateway check and resolve an unbounded one. The
 * representations of all the operation's `_entities` fields, literal or passed as variables (sent or defaulted),
 * are counted before it executes.
 */
export function entityRepresentationsLimitPlugin(maxRepresentations: number): Plugin {
  const entitiesFieldsOf = new WeakMap<OperationDefinitionNode, readonly FieldNode[]>();
  return beforeExecution((args) => {
    const operation = getOperationAST(args.document, args.operationName);
    if (operation === null || operation === undefined) return undefined;
    let fields = entitiesFieldsOf.get(operation);
    if (fields === undefined) {
      fields = rootFieldsNamed(operation, args.document, ENTITIES_FIELD);
      entitiesFieldsOf.set(operation, fields);
    }
    if (fields.length === 0) return undefined;
    // Coerced as execution will: a variable not sent counts with its default.
    const coerced = getVariableValues(
      args.schema,
      operation.variableDefinitions ?? [],
      args.variableValues ?? {},
    );
    if (coerced.coerced === undefined) return undefined; // execution refuses the variables anyway
    const variables = coerced.coerced;
    let representations = 0;
    for (const field of fields) representations += representationCount(field, variables) ?? 0;
    if (representations <= maxRepresentations) return undefined;
    return [
      refusal(`Entity representations limit of ${maxRepresentations} exceeded, found ${representations}.`),
    ];
  });
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
