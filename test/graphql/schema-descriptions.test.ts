import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/graphql/schema/index.ts';

// Every type, field, argument, input field and enum value of the graph has a description: the schema is what
// clients read in GraphiQL and codegen, and an undescribed `input` or `pageInfo` leaves them guessing. What
// Apollo Federation adds (_service, _entities, _Any, _Entity, _Service, link__*, federation__*) is its own.

// graphql's predicates from the copy the schema belongs to (see graphiql-examples.test.ts).
const { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isSpecifiedScalarType } = createRequire(
  import.meta.url,
)('graphql') as typeof import('graphql');

const isFederationName = (name: string) =>
  name.startsWith('_') || name.startsWith('link__') || name.startsWith('federation__') || name === 'FieldSet';

function undescribed(): string[] {
  const missing: string[] = [];
  const lacks = (description: string | null | undefined) => (description ?? '').trim() === '';
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isFederationName(type.name) || isSpecifiedScalarType(type)) continue;
    if (lacks(type.description)) missing.push(`type ${type.name}`);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (isFederationName(field.name)) continue;
        if (lacks(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args)
          if (lacks(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        if (lacks(field.description)) missing.push(`${type.name}.${field.name}`);
    }
    if (isEnumType(type)) {
      for (const value of type.getValues())
        if (lacks(value.description)) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing;
}

describe('schema descriptions', () => {
  it('describe every type, field, argument, input field and enum value', () => {
    expect(undescribed()).toEqual([]);
  });

  it('cover connections, PageInfo and mutation inputs (the parts defaults describe)', () => {
    const connection = schema.getType('CertificateConnection');
    const pageInfo = schema.getType('PageInfo');
    expect(isObjectType(connection) && connection.getFields().edges?.description).toBeTruthy();
    expect(isObjectType(pageInfo) && pageInfo.getFields().endCursor?.description).toBeTruthy();
    const deploy = schema.getMutationType()?.getFields().certificateDeploy;
    expect(deploy?.args.find((arg) => arg.name === 'input')?.description).toBeTruthy();
  });
});
