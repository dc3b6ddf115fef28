import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import DirectivesPlugin from '@pothos/plugin-directives';
import ErrorsPlugin from '@pothos/plugin-errors';
import FederationPlugin from '@pothos/plugin-federation';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin, { type AuthFailure, AuthScopeFailureType } from '@pothos/plugin-scope-auth';
import SimpleObjectsPlugin from '@pothos/plugin-simple-objects';
import { createGraphQLError } from 'graphql-yoga';
import type { GraphQLContext } from './context.ts';
import { exposedProperty } from './exposed-property.ts';
import MutationOutcomePlugin from './mutation-outcome-plugin.ts';

/**
 * read: every query and subscription (set on the root types); write: every mutation (set on Mutation);
 * secrets: fields that return private keys or downloadable key material (set on those fields).
 */
export interface GatewayScopes {
  readonly read: boolean;
  readonly write: boolean;
  readonly secrets: boolean;
}

/** Which scope-auth scopes the caller's token scopes grant. */
export function grantedScopes(context: GraphQLContext): GatewayScopes {
  return {
    read: context.auth.scopes.has('ssl:read'),
    write: context.auth.scopes.has('ssl:write'),
    secrets: context.auth.scopes.has('ssl:secrets'),
  };
}

/** The token scope each scope-auth scope stands for. */
const TOKEN_SCOPES: Readonly<Record<keyof GatewayScopes, string>> = {
  read: 'ssl:read',
  write: 'ssl:write',
  secrets: 'ssl:secrets',
};

/** The token scopes a refusal asked for and the caller's token did not grant. */
function missingTokenScopes(failure: AuthFailure): string[] {
  switch (failure.kind) {
    case AuthScopeFailureType.AuthScope:
      return failure.scope in TOKEN_SCOPES ? [TOKEN_SCOPES[failure.scope as keyof GatewayScopes]] : [];
    case AuthScopeFailureType.AnyAuthScopes:
    case AuthScopeFailureType.AllAuthScopes:
      return [...new Set(failure.failures.flatMap(missingTokenScopes))];
    default:
      return [];
  }
}

/**
 * Names what was refused and the token scope that would allow it (scope-auth's own message, "Not authorized to
 * read fields for Query", names neither).
 */
function scopeRefusal(coordinate: string, failure: AuthFailure, fallback: string): Error {
  const scopes = missingTokenScopes(failure);
  if (scopes.length === 0) return notAuthorizedError(fallback);
  const needed =
    scopes.length === 1
      ? `the ${scopes[0]} scope`
      : failure.kind === AuthScopeFailureType.AllAuthScopes
        ? `the scopes ${scopes.join(' and ')}`
        : `one of the scopes ${scopes.join(', ')}`;
  return scopesNeededError(coordinate, needed);
}

/** The refusal of a field the token lacks one scope for; also raised outside scope-auth's reach (federation.ts). */
export function missingScopeError(coordinate: string, scope: keyof GatewayScopes): Error {
  return scopesNeededError(coordinate, `the ${TOKEN_SCOPES[scope]} scope`);
}

function scopesNeededError(coordinate: string, needed: string): Error {
  return notAuthorizedError(`${coordinate} needs ${needed}, which the token does not grant.`);
}

function notAuthorizedError(reason: string): Error {
  return createGraphQLError(`Not authorized: ${reason}`, { extensions: { code: 'FORBIDDEN' } });
}

/**
 * The one schema builder. Types live in ./schema/<domain>.ts (Pothos app-layout guide): this file only
 * chooses plugins and builder-wide defaults.
 */
export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
  };
  AuthScopes: GatewayScopes;
  // Connections are built from complete upstream pages, so edges and nodes are never partially missing.
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  // Scope-auth first, so no other plugin's resolver wrapper (dataloader, errors) runs before it: a refused
  // field never reaches the upstream. Errors before dataloader (plugins/errors.mdx). Federation last, after
  // every resolver-wrapping plugin (plugins/federation.mdx); it needs the directives plugin before it.
  plugins: [
    ScopeAuthPlugin,
    MutationOutcomePlugin,
    ErrorsPlugin,
    RelayPlugin,
    DataloaderPlugin,
    SimpleObjectsPlugin,
    DirectivesPlugin,
    FederationPlugin,
  ],
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: grantedScopes,
    unauthorizedError: (_parent, _context, info, result) =>
      scopeRefusal(`${info.parentType.name}.${info.fieldName}`, result.failure, result.message),
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // Every subgraph of the supergraph that paginates defines the same PageInfo.
    pageInfoTypeOptions: {
      shareable: true,
      description:
        'Where a page stands in its connection: whether items follow or precede it, and the cursors of its ' +
        'first and last items.',
    },
    // Certificate IDs are Tencent's own IDs (the federation key), not relay global IDs, so the schema
    // has no `Node` interface and no `node`/`nodes` root fields.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    // Connections are plain objects (pagination.ts) whose `pageInfo`, `edges` and `node` are properties of those
    // names: exposed, they need no resolver for each of a page's edges.
    pageInfoFieldOptions: {
      description: 'Where this page stands: whether more items follow, and the cursor to continue after.',
      ...exposedProperty('pageInfo'),
    },
    edgesFieldOptions: {
      nullable: false,
      description: "The items of this page, each with its cursor, in the connection's order.",
      ...exposedProperty('edges'),
    },
    nodeFieldOptions: { nullable: false, description: 'The item.', ...exposedProperty('node') },
    cursorFieldOptions: {
      description:
        "The item's position (an offset, as Tencent Cloud pages): pass it as `after` to get the items that follow " +
        'that position. It names no item: when items are added or removed before it between two pages, the next ' +
        'page repeats or skips items, and nothing reports it.',
    },
    hasNextPageFieldOptions: {
      description: 'Whether items follow this page: ask again with `after: endCursor` for them.',
    },
    hasPreviousPageFieldOptions: {
      description: 'Whether items precede this page (it started after a cursor).',
    },
    startCursorFieldOptions: { description: "The first item's cursor; null when the page is empty." },
    endCursorFieldOptions: { description: "The last item's cursor; null when the page is empty." },
  },
  errors: {
    // Mutations report the caller's mistakes as `userErrors` on their payloads; nothing is wrapped by default.
    defaultTypes: [],
  },
});
