import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import type { ASTVisitor, ValidationContext } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

export interface SchemaExposure {
  /**
   * Answer `__schema`/`__type` and the federation `_service { sdl }`: GraphiQL and supergraph composition by
   * introspection need them. Off, both are refused to every caller, whatever its scopes: the SDL is the whole
   * schema, so `_service` would otherwise undo the switch. A router composing from schema/subgraph.graphql (the
   * committed SDL, as production supergraphs are composed) only needs `_entities`, which stays.
   */
  readonly introspection: boolean;
  /** Replace "Did you mean …?" hints, which reveal field names to callers who cannot introspect. */
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

/** How much of the schema the gateway reveals to callers beyond the operations they already know. */
export function schemaExposurePlugins(exposure: SchemaExposure): Plugin[] {
  const plugins: Plugin[] = [];
  if (!exposure.introspection) plugins.push(useDisableIntrospection(), disableFederationService());
  if (exposure.blockFieldSuggestions) plugins.push(blockFieldSuggestionsPlugin());
  return plugins;
}
