import fc from 'fast-check';
// graphql-jit requires graphql's CommonJS build; the schema must come from the same one.
import {
  execute,
  GraphQLBoolean,
  GraphQLFloat,
  GraphQLID,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  type GraphQLOutputType,
  GraphQLSchema,
  GraphQLString,
  parse,
} from 'graphql/index.js';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { describe, expect, it } from 'vitest';

/**
 * patches/graphql-jit+0.8.9.patch changes how compiled queries complete leaf fields: a value that already is its
 * specified scalar's serialized form is written without calling the serializer, and the locations and path of a
 * leaf's error are built only when there is an error. Neither may change an answer: every value, wherever it
 * sits (root, object, list in a list), answers as the reference executor answers it.
 */

const SCALARS = {
  String: GraphQLString,
  ID: GraphQLID,
  Boolean: GraphQLBoolean,
  Int: GraphQLInt,
  Float: GraphQLFloat,
};
type ScalarName = keyof typeof SCALARS;
const SCALAR_NAMES = Object.keys(SCALARS) as ScalarName[];

/** Values a resolver may hand a leaf: serialized forms, forms the serializer coerces, and forms it refuses. */
const leafValue = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.boolean(),
  fc.integer(),
  fc.constantFrom(
    0.5,
    -0,
    2 ** 31,
    -(2 ** 31),
    2 ** 31 - 1,
    -(2 ** 31) - 1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ),
  fc.double(),
  fc.constantFrom(null, undefined, new Error('refused by the resolver'), { valueOf: () => 7 }, [1], {}),
);

interface Shape {
  readonly scalar: ScalarName;
  readonly nonNull: boolean;
}

/** A root with the leaf at the root, in an object and in a list of lists of objects, all reading `value`. */
function schemaFor({ scalar, nonNull }: Shape, value: unknown): GraphQLSchema {
  const leafType: GraphQLOutputType = nonNull ? new GraphQLNonNull(SCALARS[scalar]) : SCALARS[scalar];
  const holder = new GraphQLObjectType({
    name: 'Holder',
    // No resolver: the compiled form reads the property inline, as it does for the gateway's exposed fields.
    fields: { leaf: { type: leafType }, leaves: { type: new GraphQLList(leafType) } },
  });
  const make = () => ({ leaf: value, leaves: [value, 'x', value] });
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        leaf: { type: leafType, resolve: () => value },
        holder: { type: holder, resolve: make },
        grid: { type: new GraphQLList(new GraphQLList(holder)), resolve: () => [[make(), make()], [make()]] },
      },
    }),
  });
}

const QUERY = parse(`{
  leaf
  holder { leaf leaves }
  grid { leaf leaves }
}`);

function compiled(schema: GraphQLSchema): CompiledQuery {
  const query = compileQuery(schema, QUERY);
  if (!isCompiledQuery(query)) throw new Error(`not compiled: ${JSON.stringify(query)}`);
  return query;
}

/** The answer as a client reads it: errors as JSON (message, locations, path), in a stable order. */
function asSent(result: unknown): unknown {
  const sent = JSON.parse(JSON.stringify(result)) as { errors?: unknown[] };
  sent.errors?.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return sent;
}

describe('compiled leaf fields (patched graphql-jit)', () => {
  it('answer every value of every specified scalar as the reference executor does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SCALAR_NAMES),
        fc.boolean(),
        leafValue,
        async (scalar, nonNull, value) => {
          const schema = schemaFor({ scalar, nonNull }, value);
          const reference = await execute({ schema, document: QUERY });
          const answer = await compiled(schema).query(undefined, undefined, {});
          expect(asSent(answer)).toEqual(asSent(reference));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('are patched: serialized values are written inline, error places are built only on error', () => {
    // `debug` (keep the generated source) is an option graphql-jit reads but does not declare.
    const options = { debug: true } as Parameters<typeof compileQuery>[3];
    const query = compileQuery(
      schemaFor({ scalar: 'String', nonNull: true }, 'x'),
      QUERY,
      undefined,
      options,
    ) as CompiledQuery & {
      __DO_NOT_USE_THIS_OR_YOU_WILL_BE_FIRED_compilation?: string;
    };
    const source = query.__DO_NOT_USE_THIS_OR_YOU_WILL_BE_FIRED_compilation ?? '';
    expect(source).toMatch(/typeof __currentItem\.leaf === "string" \? __currentItem\.leaf :/);
    expect(source).not.toMatch(/checkNonNullLeaf\([^)]*\[\{"line"/);
  });
});
