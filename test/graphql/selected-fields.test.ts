import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { recordSelections, unselectedFields } from '../support/selected-fields.ts';

// The bookkeeping behind `npm run fields:check` (scripts/check-selected-fields.ts), on a schema of its own.

const schema = buildSchema(`
  interface Resource { id: ID! name: String! }
  type Bucket implements Resource { id: ID! name: String! bucket: String! }
  type Domain implements Resource { id: ID! name: String! zone: String }
  type Query { resources: [Resource!]! bucket(id: ID!): Bucket }
`);

describe('the selected-fields check', () => {
  it('records the fields a document selects, under the type the schema resolves them on', () => {
    const selected = new Set<string>();
    recordSelections(
      schema,
      parse('{ resources { __typename id ... on Bucket { bucket } } bucket(id: "b") { name } }'),
      selected,
    );
    expect([...selected].sort()).toEqual([
      'Bucket.bucket',
      'Bucket.name',
      'Query.bucket',
      'Query.resources',
      'Resource.id',
    ]);
  });

  it('counts a field selected through an interface for every implementation, and lists the rest', () => {
    const selected = new Set([
      'Query.resources',
      'Query.bucket',
      'Resource.id',
      'Bucket.bucket',
      'Bucket.name',
    ]);
    expect(unselectedFields(schema, selected)).toEqual(['Domain.name', 'Domain.zone', 'Resource.name']);
  });
});
