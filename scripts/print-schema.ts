/**
 * Writes the gateway's two committed SDL files, so schema changes show up in review, or with `--check` fails
 * when either is out of date:
 * - schema/schema.graphql: the public API, what frontends and codegen (codegen.yml) build against. It leaves
 *   out the federation plumbing the endpoint also serves (`_entities`, `_service` and their types): only the
 *   router asks for those, their shape is fixed by the federation spec, and they are in the subgraph SDL.
 * - schema/subgraph.graphql: the subgraph SDL with its federation directives (`@link`, `@key`, `@shareable`),
 *   what composition (rover, a schema registry) takes. printSchema would drop the directives, hence
 *   printSubgraphSchema.
 * Both are sorted by name (types, fields, arguments, enum values), so they only change when the schema does.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { printSubgraphSchema } from '@apollo/subgraph';
import {
  type ASTNode,
  GraphQLObjectType,
  GraphQLSchema,
  Kind,
  lexicographicSortSchema,
  parse,
  print,
  printSchema,
  visit,
} from 'graphql';
import { schema } from '../src/graphql/schema/index.ts';

const FEDERATION_QUERY_FIELDS: ReadonlySet<string> = new Set(['_entities', '_service']);
const FEDERATION_TYPES: ReadonlySet<string> = new Set(['_Any', '_Entity', '_Service']);

function withoutFederationPlumbing(subgraph: GraphQLSchema): GraphQLSchema {
  const { query, types, ...rest } = subgraph.toConfig();
  if (!query) return subgraph;
  const queryConfig = query.toConfig();
  const publicQuery = new GraphQLObjectType({
    ...queryConfig,
    fields: Object.fromEntries(
      Object.entries(queryConfig.fields).filter(([name]) => !FEDERATION_QUERY_FIELDS.has(name)),
    ),
  });
  return new GraphQLSchema({
    ...rest,
    query: publicQuery,
    types: types.filter((type) => type !== query && !FEDERATION_TYPES.has(type.name)),
  });
}

function byName<Named extends { readonly name: { readonly value: string } }>(
  nodes: readonly Named[] | undefined,
): Named[] | undefined {
  return nodes && [...nodes].sort((a, b) => byCodePoints(a.name.value, b.name.value));
}

/** Not localeCompare: the order must not depend on the machine's locale. */
function byCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * printSubgraphSchema prints from the AST nodes the directives plugin attaches, which keep the declaration order
 * of fields: sort them like lexicographicSortSchema sorts the public SDL.
 */
function sortedSubgraphSdl(subgraph: GraphQLSchema): string {
  const sorted = visit(parse(printSubgraphSchema(subgraph)), {
    enter(node: ASTNode) {
      switch (node.kind) {
        case Kind.OBJECT_TYPE_DEFINITION:
        case Kind.OBJECT_TYPE_EXTENSION:
        case Kind.INTERFACE_TYPE_DEFINITION:
        case Kind.INTERFACE_TYPE_EXTENSION:
          return { ...node, fields: byName(node.fields), interfaces: byName(node.interfaces) };
        case Kind.INPUT_OBJECT_TYPE_DEFINITION:
          return { ...node, fields: byName(node.fields) };
        case Kind.FIELD_DEFINITION:
          return { ...node, arguments: byName(node.arguments) };
        case Kind.ENUM_TYPE_DEFINITION:
          return { ...node, values: byName(node.values) };
        case Kind.UNION_TYPE_DEFINITION:
          return { ...node, types: byName(node.types) };
        default:
          return undefined;
      }
    },
  });
  const definitions = [...sorted.definitions].sort((a, b) => byCodePoints(sortKey(a), sortKey(b)));
  return print({ ...sorted, definitions });
}

/** `extend schema @link(...)` first, then the types by name, as printSchema orders them. */
function sortKey(definition: ASTNode): string {
  return 'name' in definition && definition.name !== undefined ? `1${definition.name.value}` : '0';
}

interface SdlFile {
  readonly url: URL;
  readonly pathForHumans: string;
  readonly printed: string;
}

const files: readonly SdlFile[] = [
  {
    url: new URL('../schema/schema.graphql', import.meta.url),
    pathForHumans: 'schema/schema.graphql',
    printed: `${printSchema(lexicographicSortSchema(withoutFederationPlumbing(schema)))}\n`,
  },
  {
    url: new URL('../schema/subgraph.graphql', import.meta.url),
    pathForHumans: 'schema/subgraph.graphql',
    printed: `${sortedSubgraphSdl(schema)}\n`,
  },
];

async function readCommitted(file: SdlFile): Promise<string | null> {
  try {
    return await readFile(file.url, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  }
}

if (process.argv.includes('--check')) {
  let outOfDate = false;
  for (const file of files) {
    const committed = await readCommitted(file);
    if (committed === file.printed) {
      console.log(`${file.pathForHumans} is up to date.`);
      continue;
    }
    outOfDate = true;
    const why =
      committed === null ? 'does not exist' : 'is out of date with the schema built from src/graphql/';
    console.error(`${file.pathForHumans} ${why}. Run \`npm run schema:print\` and commit the result.`);
  }
  if (outOfDate) process.exit(1);
} else {
  for (const file of files) {
    await writeFile(file.url, file.printed, 'utf8');
    console.log(`Wrote ${file.pathForHumans}.`);
  }
}
