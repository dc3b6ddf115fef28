import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import SimpleObjectsPlugin from '@pothos/plugin-simple-objects';
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
  // Connections are built from complete upstream pages, so edges and nodes are never partially missing.
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  // Errors before dataloader (plugins/errors.mdx): the first-listed plugin wraps outermost.
  plugins: [ErrorsPlugin, RelayPlugin, DataloaderPlugin, SimpleObjectsPlugin],
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // Certificate IDs are Tencent's own IDs (the future federation key), not relay global IDs, so the schema
    // has no `Node` interface and no `node`/`nodes` root fields.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
  },
  errors: {
    // Mutations opt into typed error unions field by field; nothing is wrapped by default.
    defaultTypes: [],
  },
});
