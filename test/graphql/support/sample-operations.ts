import { createRequire } from 'node:module';
import type { GraphQLArgument, GraphQLField, GraphQLInputType } from 'graphql';

// Operations built from the schema's own types, for tests that cover every field of a kind (every mutation, every
// secret field, every job field taking `wait`) without naming them, so a field added later is covered too.

/**
 * The schema was built by the CommonJS build of graphql (Pothos is loaded by Node), while vitest would hand this
 * file the ESM build; graphql's type predicates refuse objects from the other build, so use the schema's own.
 */
const { getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType } =
  createRequire(import.meta.url)('graphql') as typeof import('graphql');

const SCALAR_SAMPLES: Readonly<Record<string, unknown>> = {
  String: 'x',
  ID: 'x',
  Int: 1,
  Float: 1,
  Boolean: true,
  DateTime: '2030-01-01T00:00:00.000Z',
};

/** A value of the type that passes variable coercion: required input fields only, one item per list. */
export function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]?.value === undefined ? null : type.getValues()[0]?.name;
  if (isInputObjectType(type)) {
    if (type.isOneOf) {
      const [first] = Object.values(type.getFields());
      if (first === undefined) throw new Error(`the oneOf input ${type.name} has no fields`);
      return { [first.name]: sampleValue(first.type) };
    }
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined)
        value[field.name] = sampleValue(field.type);
    }
    return value;
  }
  if (isScalarType(type)) {
    const sample = SCALAR_SAMPLES[type.name];
    if (sample === undefined) throw new Error(`no sample value for the scalar ${type.name}: add one above`);
    return sample;
  }
  throw new Error(`unexpected input type ${String(type)}`);
}

function requiredArguments(field: GraphQLField<unknown, unknown>): readonly GraphQLArgument[] {
  return field.args.filter((argument) => isNonNullType(argument.type) && argument.defaultValue === undefined);
}

/**
 * `name(arg: $name_arg …) { <selection> }` (no selection for leaf fields) with variables for every required
 * argument; the selection is `__typename` unless given.
 */
export function callOf(
  field: GraphQLField<unknown, unknown>,
  selection = '__typename',
): {
  definitions: string[];
  call: string;
  variables: Record<string, unknown>;
} {
  const args = requiredArguments(field);
  const variables: Record<string, unknown> = {};
  const definitions = args.map((argument) => `$${field.name}_${argument.name}: ${String(argument.type)}`);
  for (const argument of args) variables[`${field.name}_${argument.name}`] = sampleValue(argument.type);
  const argumentList = args.map((argument) => `${argument.name}: $${field.name}_${argument.name}`).join(', ');
  const isLeaf = isScalarType(getNamedType(field.type)) || isEnumType(getNamedType(field.type));
  return {
    definitions,
    call: `${field.name}${argumentList === '' ? '' : `(${argumentList})`}${isLeaf ? '' : ` { ${selection} }`}`,
    variables,
  };
}
