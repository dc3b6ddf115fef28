import type { Plugin } from 'graphql-yoga';
import {
  type CorsPolicy,
  DEFAULT_QUERY_LIMITS,
  type HostPolicy,
  type QueryLimits,
} from '../../config/security.ts';
import { corsVaryPlugin } from './cors.ts';
import { csrfPreventionPlugin } from './csrf.ts';
import { queryLimitPlugins } from './query-limits.ts';
import { queryStringJsonPlugin } from './query-string-json.ts';
import { type SchemaExposure, schemaExposurePlugins } from './schema-exposure.ts';

/**
 * The HTTP-facing protections of one gateway, as configured by CORS_ORIGINS, ALLOWED_HOSTS, GRAPHQL_*
 * (src/config/security.ts).
 */
export interface GatewaySecurity extends SchemaExposure {
  readonly cors: CorsPolicy;
  readonly hosts: HostPolicy;
  readonly limits: QueryLimits;
}

/**
 * What a gateway gets when the caller does not say: the configuration defaults of a development setup, except
 * that every Host is answered (in-process callers name any host; the process applies ALLOWED_HOSTS).
 */
export const DEFAULT_GATEWAY_SECURITY: GatewaySecurity = Object.freeze<GatewaySecurity>({
  cors: { kind: 'same-origin' },
  hosts: { kind: 'any' },
  limits: DEFAULT_QUERY_LIMITS,
  introspection: true,
  blockFieldSuggestions: false,
});

/**
 * The Yoga plugins behind the protections; CORS headers are a Yoga option, the host check must precede every
 * plugin that answers a path, and the body limit must follow every plugin that picks a request parser (all three
 * in yoga.ts).
 */
export function securityPlugins(security: GatewaySecurity): Plugin[] {
  return [
    csrfPreventionPlugin(),
    queryStringJsonPlugin(),
    corsVaryPlugin(security.cors),
    ...queryLimitPlugins(security.limits),
    ...schemaExposurePlugins(security),
  ];
}
