import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  CertificateSource,
  CertificateStatus,
  CertificateType,
} from '../../src/graphql/schema/certificate-enums.ts';
import { CLOUD_RESOURCE_TYPE_NAMES } from '../../src/graphql/schema/cloud-resource.ts';
import { schema } from '../../src/graphql/schema/index.ts';
import { UPSTREAM_ENUM_NAMES } from '../../src/graphql/schema/upstream-enum.ts';
import { UnknownUpstreamValueError } from '../../src/graphql/upstream-codes.ts';

describe('upstream enums', () => {
  it('take every code they declare as itself', () => {
    for (const { value } of Object.values(CertificateStatus.values)) {
      expect(CertificateStatus.codeOrError(value)).toBe(value);
    }
    for (const { value } of Object.values(CertificateType.values)) {
      expect(CertificateType.fromUpstream(value)).toBe(value);
    }
  });

  it('match string codes case-insensitively only where told to, answering the declared spelling', () => {
    expect(CertificateSource.codeOrError('TrustAsia')).toBe('trustasia');
    expect(CertificateSource.codeOrError('UPLOAD')).toBe('upload');
    expect(CertificateType.codeOrError('svr')).toBeInstanceOf(UnknownUpstreamValueError);
  });

  it('name a code the schema does not know instead of guessing', () => {
    const unknown = CertificateStatus.codeOrError(99);
    expect(unknown).toBeInstanceOf(UnknownUpstreamValueError);
    expect(String((unknown as Error).message)).toContain('certificate Status 99');
    for (const odd of ['1', null, undefined, Number.NaN, {}]) {
      expect(CertificateStatus.codeOrError(odd)).toBeInstanceOf(UnknownUpstreamValueError);
    }
    expect(() => CertificateSource.fromUpstream('letsencrypt')).toThrow(UnknownUpstreamValueError);
  });
});

// graphql's predicates from the copy the schema belongs to (see graphiql-examples.test.ts).
const { getNamedType, isEnumType, isInterfaceType, isNonNullType, isObjectType } = createRequire(
  import.meta.url,
)('graphql') as typeof import('graphql');

/** Fields typed by an upstream enum that stay non-null: their value is the gateway's own, not the upstream's. */
const SET_BY_THE_GATEWAY = new Set([
  // The type of a resource is the GraphQL type it is served as.
  'CloudResource.resourceType',
  ...Object.values(CLOUD_RESOURCE_TYPE_NAMES).map((name) => `${name}.resourceType`),
  // The formats are read from the upstream's yes/no flags, one per format the schema names.
  'Certificate.downloadFormats',
]);

describe('fields of upstream enums', () => {
  it('are nullable, so a code the API adds fails its field alone, not the object, the page or the operation', () => {
    const nonNull: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!(isObjectType(type) || isInterfaceType(type)) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type);
        if (!isNonNullType(field.type) || !isEnumType(named) || !UPSTREAM_ENUM_NAMES.has(named.name))
          continue;
        const coordinate = `${type.name}.${field.name}`;
        if (!SET_BY_THE_GATEWAY.has(coordinate)) nonNull.push(coordinate);
      }
    }
    expect(UPSTREAM_ENUM_NAMES.size).toBeGreaterThan(30);
    expect(nonNull).toEqual([]);
  });
});
