import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { GraphQLError, ValidationContext } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { QueryLimits } from '../../config/security.ts';

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
    costLimitPlugin({ maxCost: limits.maxCost, ...reportAsValidationError }),
    // No allow-list: `__typename` aliases are as cheap to repeat as any other.
    maxAliasesPlugin({ n: limits.maxAliases, allowList: [], ...reportAsValidationError }),
    maxDirectivesPlugin({ n: limits.maxDirectives, ...reportAsValidationError }),
  ];
}
