import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import SimpleObjectsPlugin from '@pothos/plugin-simple-objects';
import { createGraphQLError } from 'graphql-yoga';
import type { GraphQLContext } from './context.ts';

/**
 * The one schema builder. Types live in ./schema/<domain>.ts (Pothos app-layout guide): this file only
 * chooses plugins and builder-wide defaults.
 */
export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
  };
  /**
   * read: every query and subscription (set on the root types); write: every mutation (set on Mutation);
   * secrets: fields that return private keys or downloadable key material (set on those fields).
   */
  AuthScopes: { read: boolean; write: boolean; secrets: boolean };
  // Connections are built from complete upstream pages, so edges and nodes are never partially missing.
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  // Scope-auth first, so no other plugin's resolver wrapper (dataloader, errors) runs before it: a refused
  // field never reaches the upstream. Errors before dataloader (plugins/errors.mdx).
  plugins: [ScopeAuthPlugin, ErrorsPlugin, RelayPlugin, DataloaderPlugin, SimpleObjectsPlugin],
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (context) => ({
      read: context.auth.scopes.has('ssl:read'),
      write: context.auth.scopes.has('ssl:write'),
      secrets: context.auth.scopes.has('ssl:secrets'),
    }),
    unauthorizedError: (_parent, _context, _info, result) =>
      createGraphQLError(`Not authorized: ${result.message}`, {
        extensions: { code: 'FORBIDDEN' },
      }),
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // Certificate IDs are Tencent's own IDs (the federation key), not relay global IDs, so the schema
    // has no `Node` interface and no `node`/`nodes` root fields.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
  },
  errors: {
    // Mutations report the caller's mistakes as `userErrors` on their payloads; nothing is wrapped by default.
    defaultTypes: [],
  },
});
