import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import type { ASTVisitor, GraphQLError, ValidationContext } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

export interface SchemaExposure {
  /**
   * Answer `__schema`/`__type` and the federation `_service { sdl }`: GraphiQL and supergraph composition by
   * introspection need them. Off, both are refused to every caller, whatever its scopes: the SDL is the whole
   * schema, so `_service` would otherwise undo the switch. A router composing from schema/subgraph.graphql (the
   * committed SDL, as production supergraphs are composed) only needs `_entities`, which stays.
   */
  readonly introspection: boolean;
  /**
   * Replace "Did you mean …?" hints, which reveal field, argument, type and enum value names to callers who
   * cannot introspect.
   */
  readonly blockFieldSuggestions: boolean;
}

/** The federation root field that prints the subgraph's SDL (added by the federation plugin, index.ts). */
const SERVICE_FIELD = '_service';

/**
 * A validation rule refusing `_service` on the query root, under any alias or fragment, the way graphql's
 * NoSchemaIntrospectionCustomRule refuses `__schema`/`__type`: the operation is rejected (HTTP 400) before
 * anything runs.
 */
export function noFederationServiceRule(context: ValidationContext): ASTVisitor {
  return {
    Field(node) {
      if (node.name.value !== SERVICE_FIELD) return;
      const queryType = context.getSchema().getQueryType();
      if (!queryType || context.getParentType()?.name !== queryType.name) return;
      context.reportError(
        createGraphQLError(
          'GraphQL introspection has been disabled, and with it the federation field "_service" (compose the supergraph from the committed subgraph SDL).',
          { nodes: node },
        ),
      );
    },
  };
}

/** Adds noFederationServiceRule to every operation's validation. */
function disableFederationService(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(noFederationServiceRule);
    },
  };
}

/**
 * Every suggestion graphql-js makes, whatever it names (fields, arguments, types, enum values, fragments), is one
 * "Did you mean …?" sentence closing its message.
 */
const SUGGESTION = /Did you mean [^?]*\?/g;
const SUGGESTION_MASK = '[Suggestion hidden]';

function hideSuggestions(errors: readonly GraphQLError[] | undefined): void {
  for (const error of errors ?? []) {
    if (error.message.includes('Did you mean'))
      error.message = error.message.replace(SUGGESTION, SUGGESTION_MASK);
  }
}

/**
 * Masks the suggestions of every answer, not only of validation (GraphQL Armor's plugin covers only its
 * field-name form there): a variable's value is coerced at execution, and its errors suggest enum values.
 */
function hideSuggestionsPlugin(): Plugin {
  return {
    onResultProcess({ result }) {
      for (const single of Array.isArray(result) ? result : [result]) {
        if (typeof single === 'object' && single !== null && 'errors' in single)
          hideSuggestions(single.errors);
      }
    },
  };
}

/** How much of the schema the gateway reveals to callers beyond the operations they already know. */
export function schemaExposurePlugins(exposure: SchemaExposure): Plugin[] {
  const plugins: Plugin[] = [];
  if (!exposure.introspection) plugins.push(useDisableIntrospection(), disableFederationService());
  if (exposure.blockFieldSuggestions) plugins.push(hideSuggestionsPlugin());
  return plugins;
}
