import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import { builder, grantedScopes, missingScopeError } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import { prefetchSelectedFields } from '../prefetch.ts';
import { CertificateRef } from './certificate.ts';
import { CompanyRef } from './company.ts';
import { DeployRecordRef, deployRecordById } from './deploy-record.ts';
import { ManagerRef, parseManagerId } from './manager.ts';
import { PackageRef } from './package.ts';

/**
 * The entities other subgraphs of the supergraph may reference and extend, all keyed on the identifier Tencent
 * Cloud assigns. The router resolves a batch of references with one `_entities` field; every reference goes
 * through the request's loaders, as the matching `Query` field does, so N certificate references cost one
 * DescribeCertificates call. Each reference first passes checkedEntityReferences' gate (read scope, then shape).
 */

const byId = builder.selection<{ id: string }>('id');

builder.asEntity(CertificateRef, {
  key: byId,
  resolveReference: ({ id }, context, info) => {
    prefetchSelectedFields(id, info, context, CertificateRef.name);
    return context.loaders.certificates.byId.load(id);
  },
});

builder.asEntity(ManagerRef, {
  key: byId,
  resolveReference: async ({ id }, context) => {
    const managerId = parseManagerId(id);
    if (managerId === null) return null;
    const detail = await context.loaders.accounts.managerById.load(managerId);
    return detail === null ? null : { id: managerId, detail };
  },
});

builder.asEntity(CompanyRef, {
  key: byId,
  resolveReference: ({ id }, context) => {
    // Company IDs have the manager IDs' format (company.ts parses `Query.company`'s argument the same way).
    const companyId = parseManagerId(id);
    return companyId === null ? null : context.loaders.accounts.companyById.load(companyId);
  },
});

builder.asEntity(PackageRef, {
  key: byId,
  resolveReference: ({ id }, context) => context.loaders.accounts.packageById.load(id),
});

builder.asEntity(DeployRecordRef, {
  key: byId,
  resolveReference: ({ id }, context, info) => deployRecordById(id, null, context, info),
});

/** What a representation echoed in an error may show of the caller's value. */
const ECHOED_CHARACTERS = 64;

function echoed(value: string): string {
  return JSON.stringify(value.length > ECHOED_CHARACTERS ? `${value.slice(0, ECHOED_CHARACTERS)}…` : value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Why a representation cannot be resolved, or undefined when it names an entity and carries its key. */
function representationProblem(
  representation: unknown,
  entityTypes: ReadonlySet<string>,
): string | undefined {
  if (typeof representation !== 'object' || representation === null || Array.isArray(representation)) {
    return `is ${kindOf(representation)}, not an object with "__typename" and "id"`;
  }
  const { __typename, id } = representation as { __typename?: unknown; id?: unknown };
  if (typeof __typename !== 'string') return 'has no "__typename" string';
  if (!entityTypes.has(__typename)) {
    return `names ${echoed(__typename)}, which is not an entity type of this subgraph`;
  }
  if (typeof id !== 'string') return `has no "id" string (the key of ${__typename})`;
  return undefined;
}

/** The entity types of the built schema: those the federation plugin gave a `resolveReference`. */
function entityTypeNames(schema: GraphQLSchema): ReadonlySet<string> {
  const names = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    const extensions = type.extensions as { apollo?: { subgraph?: { resolveReference?: unknown } } };
    if (typeof extensions.apollo?.subgraph?.resolveReference === 'function') names.add(type.name);
  }
  return names;
}

/**
 * Puts a gate before the federation library's `_entities` resolver, which throws plain errors (masked as
 * "Unexpected error.") on representations it cannot use: a scalar, a missing or unknown `__typename`, a missing
 * key. Each representation is checked on its own and a refused one becomes an error at its index (the list's
 * items are nullable), so the others still resolve:
 * - without the read scope: FORBIDDEN, before anything else is looked at and before any loader runs (the field
 *   is added to Query after the builder wrapped every resolver, so scope-auth does not cover it);
 * - not an object naming an entity type with a string `id`: BAD_USER_INPUT.
 * The accepted ones go through the library's resolver in the same tick, so the loaders still batch them.
 */
export function checkedEntityReferences(schema: GraphQLSchema): GraphQLSchema {
  const field = schema.getQueryType()?.getFields()._entities;
  const resolve = field?.resolve;
  if (field === undefined || resolve === undefined) throw new Error('the subgraph schema has no _entities');
  const entityTypes = entityTypeNames(schema);
  const gated: GraphQLFieldResolver<unknown, GraphQLContext> = (source, args, context, info) => {
    const { representations } = args as { representations: readonly unknown[] };
    const read = grantedScopes(context).read;
    return representations.map((representation, index) => {
      if (!read) return missingScopeError('Query._entities', 'read');
      const problem = representationProblem(representation, entityTypes);
      if (problem !== undefined) {
        return createGraphQLError(`Entity representation ${index} ${problem}.`, {
          extensions: { code: 'BAD_USER_INPUT', argumentName: 'representations' },
        });
      }
      const [entity] = resolve(source, { ...args, representations: [representation] }, context, info) as [
        unknown,
      ];
      return entity;
    });
  };
  field.resolve = gated as typeof resolve;
  return schema;
}
