import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLError, GraphQLFieldResolver } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import type { GraphQLContext } from './context.ts';
import type { MutationOutcome } from './loaders/upstream-errors.ts';

const pluginName = 'mutationOutcome';

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      mutationOutcome: PothosMutationOutcomePlugin<Types>;
    }
  }
}

/** A GraphQL error with a code and no outcome yet (masked errors have no code, and stay as they are). */
function lacksOutcome(error: unknown): error is GraphQLError {
  if (typeof error !== 'object' || error === null) return false;
  const extensions = (error as Partial<GraphQLError>).extensions;
  return typeof extensions?.code === 'string' && extensions.outcome === undefined;
}

/**
 * Every mutation error tells whether the change may have been made (`extensions.outcome`, README "The graph").
 * The mutations' own upstream calls say it themselves (toMutationGraphQLError); this covers what fails before
 * any of them is sent: a read the mutation makes first (the record an entry belongs to, say), or a check of its
 * input. Nothing was changed then, so the error is NOT_EXECUTED, with its own `retryable`.
 */
export class PothosMutationOutcomePlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (fieldConfig.kind !== 'Mutation') return resolver;
    return async (parent, args, context, info) => {
      const { mutations } = (context as GraphQLContext).loaders;
      const sentBefore = mutations.callsSent;
      try {
        return await resolver(parent, args, context, info);
      } catch (error) {
        if (mutations.callsSent !== sentBefore || !lacksOutcome(error)) throw error;
        const outcome: MutationOutcome = 'NOT_EXECUTED';
        throw createGraphQLError(error.message, { extensions: { ...error.extensions, outcome } });
      }
    };
  }
}

SchemaBuilder.registerPlugin(pluginName, PothosMutationOutcomePlugin);

export default pluginName;
