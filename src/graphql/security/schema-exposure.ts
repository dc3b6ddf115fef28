import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import type { Plugin } from 'graphql-yoga';

export interface SchemaExposure {
  /** Answer `__schema`/`__type`: supergraph composition and GraphiQL need it. */
  readonly introspection: boolean;
  /** Replace "Did you mean …?" hints, which reveal field names to callers who cannot introspect. */
  readonly blockFieldSuggestions: boolean;
}

/** How much of the schema the gateway reveals to callers beyond the operations they already know. */
export function schemaExposurePlugins(exposure: SchemaExposure): Plugin[] {
  const plugins: Plugin[] = [];
  if (!exposure.introspection) plugins.push(useDisableIntrospection());
  if (exposure.blockFieldSuggestions) plugins.push(blockFieldSuggestionsPlugin());
  return plugins;
}
