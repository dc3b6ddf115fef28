import { z } from 'zod';
import type { SslActionName } from '../../src/ssl/actions.ts';
import { SSL_SPEC } from '../../src/ssl/spec.generated.ts';
import type { SpecFieldDescriptor, SslSpec } from '../../src/ssl/spec-types.ts';

/**
 * Zod schemas for the documented outputs, built from SSL_SPEC at test time: every documented field present
 * with its documented type, null only where the doc says "may return null", arrays as arrays, no extra fields.
 */
const SPEC: SslSpec = SSL_SPEC;

function primitiveSchema(type: string): z.ZodType {
  switch (type) {
    case 'String':
    case 'Timestamp':
    case 'Date':
    case 'Binary':
      return z.string();
    case 'Integer':
      return z.number().int();
    case 'Float':
    case 'Double':
      return z.number();
    case 'Boolean':
      return z.boolean();
    default:
      throw new Error(`the spec names an unknown type ${type}`);
  }
}

const structureSchemas = new Map<string, z.ZodType>();

function structureSchema(name: string, fields: readonly SpecFieldDescriptor[]): z.ZodType {
  const known = structureSchemas.get(name);
  if (known !== undefined) return known;
  // Lazy so a structure that (indirectly) contains itself does not recurse while building.
  const schema: z.ZodType = z.lazy(() => objectSchema(fields));
  structureSchemas.set(name, schema);
  return schema;
}

function fieldSchema(field: SpecFieldDescriptor): z.ZodType {
  const structure = SPEC.structures[field.type];
  const single =
    structure === undefined ? primitiveSchema(field.type) : structureSchema(field.type, structure);
  const shaped = field.array ? z.array(single) : single;
  return field.nullable ? shaped.nullable() : shaped;
}

function objectSchema(fields: readonly SpecFieldDescriptor[]): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const field of fields) shape[field.name] = fieldSchema(field);
  return z.strictObject(shape);
}

/**
 * Outputs the documentation hides as deprecated while the official SDK still models them (CATALOGUE §10):
 * tolerated, with their SDK type, but never required.
 */
const DEPRECATED_OUTPUTS: Partial<Record<SslActionName, Record<string, z.ZodType>>> = {
  DescribeManagerDetail: { Status: z.string().nullable().optional() },
};

/** The schema of an action's `Response` object (RequestId included, as the spec lists it among outputs). */
export function responseSchema(action: SslActionName): z.ZodType {
  const outputs: readonly SpecFieldDescriptor[] = SPEC.actions[action]?.outputs ?? [];
  const withRequestId = outputs.some((field) => field.name === 'RequestId')
    ? outputs
    : [...outputs, { name: 'RequestId', type: 'String' }];
  const deprecated = DEPRECATED_OUTPUTS[action];
  if (deprecated === undefined) return objectSchema(withRequestId);
  const shape: Record<string, z.ZodType> = { ...deprecated };
  for (const field of withRequestId) shape[field.name] = fieldSchema(field);
  return z.strictObject(shape);
}

/** Readable problems, one per line, or an empty list when the response conforms. */
export function conformanceProblems(action: SslActionName, response: unknown): string[] {
  const result = responseSchema(action).safeParse(response);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}
