import { z } from 'zod';
import type { SslActionName } from '../../src/ssl/actions.ts';
import { SSL_SPEC } from '../../src/ssl/spec.generated.ts';
import type { SpecFieldDescriptor, SslSpec } from '../../src/ssl/spec-types.ts';

/**
 * Zod schemas for the documented outputs, built from SSL_SPEC at test time: every documented field present
 * with its documented type, null only where the doc says "may return null", arrays as arrays, no extra fields,
 * and only documented values where the doc enumerates them (SSL_SPEC.outputEnumerations).
 */
const SPEC: SslSpec = SSL_SPEC;

/**
 * Values the emulator sends beyond a field's documented enumeration, each a decision about a gap or a
 * contradiction in the doc. Add to this list only with the reason next to the value.
 */
const UNDOCUMENTED_VALUES_ALLOWED: Readonly<Record<string, readonly (string | number)[]>> = {
  // An uploaded certificate was never validated by a CA, so it has no validation type; the doc lists only the
  // methods of a CA order and no "none" value.
  'Certificates.VerifyType': [''],
  'DescribeCertificate.VerifyType': [''],
  'DescribeCertificateDetail.VerifyType': [''],
  // The doc's "null: 用户上传证书" cannot be sent in the list, where PackageType is not nullable: an uploaded
  // certificate has an empty package type there (DescribeCertificate(Detail), where it is nullable, send null).
  'Certificates.PackageType': [''],
  // StatusMsg is documented for orders under review and refused ones; an issued, expired, cancelled or
  // uploaded certificate has no status message.
  'DescribeCertificate.StatusMsg': [''],
  'DescribeCertificateDetail.StatusMsg': [''],
  // The doc contradicts itself: ManagerInfo.Status lists audit/ok/invalid/expiring/expired, while the same
  // action's Status filter (ManagerStatus enum) also lists 'none' (未提交审核) and 'CAaudit' (CA审核中).
  // The emulator follows the filter, so a manager found by filtering on them carries them.
  'ManagerInfo.Status': ['none', 'CAaudit'],
  // IdType is documented as needed only by CFCA certificates (「仅CFCA类型证书需要使用本字段」): a company
  // entered for another CA has none.
  'CompanyInfo.IdType': [''],
  // 'revoked' is what the doc's own example of DescribeCertificateOperateLogs returns, though its list omits it.
  // The list has no entry for deployments at all: job actions log the console's verbs (JobLogType in
  // src/emulator/domains/deploy-support.ts).
  'OperationLog.Type': ['revoked', 'deploy', 'update', 'rollback'],
  // The result summary's list of types predates two the same task's detail documents (its TSE and COS lists).
  'BindResourceResult.ResourceType': ['tse', 'cos'],
  // DescribeDeployedResources takes ResourceType 'teo' (documented input) and names the type it answered for.
  'DeployedResources.Type': ['teo'],
};

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

/** The schema of one value of a primitive output field `Owner.Field`, its documented values included. */
function valueSchema(path: string, type: string): z.ZodType {
  const primitive = primitiveSchema(type);
  const documented = SPEC.outputEnumerations[path];
  if (documented === undefined) return primitive;
  const allowed = new Set<unknown>([...documented, ...(UNDOCUMENTED_VALUES_ALLOWED[path] ?? [])]);
  return primitive.refine((value) => allowed.has(value), {
    error: (issue) => `${JSON.stringify(issue.input)} is not a documented value of ${path}`,
  });
}

const structureSchemas = new Map<string, z.ZodType>();

function structureSchema(name: string, fields: readonly SpecFieldDescriptor[]): z.ZodType {
  const known = structureSchemas.get(name);
  if (known !== undefined) return known;
  // Lazy so a structure that (indirectly) contains itself does not recurse while building.
  const schema: z.ZodType = z.lazy(() => objectSchema(name, fields));
  structureSchemas.set(name, schema);
  return schema;
}

function fieldSchema(owner: string, field: SpecFieldDescriptor): z.ZodType {
  const structure = SPEC.structures[field.type];
  const single =
    structure === undefined
      ? valueSchema(`${owner}.${field.name}`, field.type)
      : structureSchema(field.type, structure);
  const shaped = field.array ? z.array(single) : single;
  return field.nullable ? shaped.nullable() : shaped;
}

function objectSchema(owner: string, fields: readonly SpecFieldDescriptor[]): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const field of fields) shape[field.name] = fieldSchema(owner, field);
  return z.strictObject(shape);
}

/**
 * Outputs the documentation hides as deprecated while the official SDK still models them (CATALOGUE §10):
 * tolerated, with their SDK type, but never required.
 */
const DEPRECATED_OUTPUTS: Partial<Record<SslActionName, Record<string, z.ZodType>>> = {
  DescribeManagerDetail: { Status: z.string().nullable().optional() },
};

/** The action's documented outputs, with RequestId (the spec lists it among outputs; add it if missing). */
export function documentedOutputs(action: SslActionName): readonly SpecFieldDescriptor[] {
  const outputs: readonly SpecFieldDescriptor[] = SPEC.actions[action]?.outputs ?? [];
  return outputs.some((field) => field.name === 'RequestId')
    ? outputs
    : [...outputs, { name: 'RequestId', type: 'String' }];
}

const responseSchemas = new Map<SslActionName, z.ZodType>();

/** The schema of an action's `Response` object. */
export function responseSchema(action: SslActionName): z.ZodType {
  const known = responseSchemas.get(action);
  if (known !== undefined) return known;
  const outputs = documentedOutputs(action);
  const deprecated = DEPRECATED_OUTPUTS[action];
  const shape: Record<string, z.ZodType> = { ...deprecated };
  for (const field of outputs) shape[field.name] = fieldSchema(action, field);
  const schema = z.strictObject(shape);
  responseSchemas.set(action, schema);
  return schema;
}

/** Readable problems, one per line, or an empty list when the response conforms. */
export function conformanceProblems(action: SslActionName, response: unknown): string[] {
  const result = responseSchema(action).safeParse(response);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}
