import type { SslActionName } from '../ssl/actions.ts';
import { SSL_SPEC } from '../ssl/spec.generated.ts';
import type { SpecActionDescriptor, SpecFieldDescriptor, SslSpec } from '../ssl/spec-types.ts';
import { EmulatorError } from './handler.ts';

/** The spec seen through its general shape, so it can be indexed by names read from requests. */
const SPEC: SslSpec = SSL_SPEC;

/**
 * Parameters the documentation hides because they are deprecated, yet the official SDK still has them and the
 * upstream still accepts them (CATALOGUE §10): they must not be answered with UnknownParameter.
 */
const DEPRECATED_INPUTS: Readonly<Partial<Record<SslActionName, readonly string[]>>> = {
  DescribeHostApiGatewayInstanceList: ['ResourceType'],
  DescribeHostCdnInstanceList: ['ResourceType'],
  DescribeHostLighthouseInstanceList: ['ResourceType'],
  DescribeHostLiveInstanceList: ['ResourceType'],
  DescribeHostTeoInstanceList: ['ResourceType'],
  DescribeHostVodInstanceList: ['ResourceType'],
  DescribeHostWafInstanceList: ['ResourceType'],
  UpdateCertificateInstance: ['Regions'],
  DescribeManagerDetail: ['Limit', 'Offset'],
};

/**
 * Pagination limits the documentation says are clamped rather than refused ("如超过1000按照1000处理",
 * "超过200则为200"); every other documented maximum is refused with InvalidParameterValue.
 */
const CLAMPED_LIMIT_ACTIONS: ReadonlySet<SslActionName> = new Set([
  'DescribeCertificates',
  'DescribeCertificateOperateLogs',
  'DescribeHostUploadUpdateRecordDetail',
]);

/**
 * Inputs the documentation enumerates (in the field's text; the spec's types cannot say it): any other value
 * is refused with the parameter error the action documents, `FailedOperation.InvalidParam`, or, where the
 * action documents none, the common `InvalidParameterValue` (a common error every action may answer).
 */
interface DocumentedValues {
  readonly values: readonly (string | number)[];
  readonly code: 'FailedOperation.InvalidParam' | 'InvalidParameterValue';
}

const ZERO_OR_ONE = [0, 1] as const;
const invalidParam = (values: readonly (string | number)[]): DocumentedValues => ({
  values,
  code: 'FailedOperation.InvalidParam',
});
const invalidValue = (values: readonly (string | number)[]): DocumentedValues => ({
  values,
  code: 'InvalidParameterValue',
});

/** IsCache (是否查询缓存，1：是； 0：否) and AsyncCache (是否异步,0表示否，1表示是) of the instance lists. */
const INSTANCE_LIST_VALUES = { IsCache: invalidParam(ZERO_OR_ONE), AsyncCache: invalidParam(ZERO_OR_ONE) };

const DOCUMENTED_VALUES: Readonly<
  Partial<Record<SslActionName, Readonly<Record<string, DocumentedValues>>>>
> = {
  DescribeHostApiGatewayInstanceList: INSTANCE_LIST_VALUES,
  DescribeHostCdnInstanceList: INSTANCE_LIST_VALUES,
  DescribeHostClbInstanceList: INSTANCE_LIST_VALUES,
  // COS's ResourceType is not enumerated: its own documented example sends "clb".
  DescribeHostCosInstanceList: INSTANCE_LIST_VALUES,
  // 部署资源类型ddos
  DescribeHostDdosInstanceList: { ...INSTANCE_LIST_VALUES, ResourceType: invalidParam(['ddos']) },
  DescribeHostLighthouseInstanceList: INSTANCE_LIST_VALUES,
  DescribeHostLiveInstanceList: INSTANCE_LIST_VALUES,
  DescribeHostTeoInstanceList: INSTANCE_LIST_VALUES,
  DescribeHostTkeInstanceList: INSTANCE_LIST_VALUES,
  DescribeHostVodInstanceList: INSTANCE_LIST_VALUES,
  DescribeHostWafInstanceList: INSTANCE_LIST_VALUES,
  // Status (live): -1 域名未关联证书, 1 https已开启, 0 https已关闭.
  DeployCertificateInstance: { IsCache: invalidParam(ZERO_OR_ONE), Status: invalidParam([-1, 0, 1]) },
  // Documents neither InvalidParam nor an InvalidParameter code.
  CreateCertificateBindResourceSyncTask: { IsCache: invalidValue(ZERO_OR_ONE) },
  DescribeCertificateBindResourceTaskDetail: {
    ResourceTypes: invalidValue([
      'clb',
      'cdn',
      'ddos',
      'live',
      'vod',
      'waf',
      'apigateway',
      'teo',
      'tke',
      'cos',
      'tse',
      'tcb',
    ]),
  },
};

const UINT64_MAX = 18_446_744_073_709_551_615n;

type JsonObject = Record<string, unknown>;

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function invalidType(path: string, expected: string, value: unknown): EmulatorError {
  return new EmulatorError(
    'InvalidParameter',
    `The value type of parameter \`${path}\` is incorrect: expected ${expected}, got ${describeJsonType(value)}.`,
  );
}

function checkPrimitive(path: string, type: string, value: unknown): void {
  switch (type) {
    case 'String':
    case 'Timestamp':
    case 'Date':
    case 'Binary':
      if (typeof value !== 'string') throw invalidType(path, 'String', value);
      return;
    case 'Integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw invalidType(path, 'Integer', value);
      if (BigInt(value) > UINT64_MAX) {
        throw new EmulatorError('InvalidParameterValue', `Parameter \`${path}\` exceeds the Integer range.`);
      }
      return;
    case 'Float':
    case 'Double':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidType(path, type, value);
      return;
    case 'Boolean':
      if (typeof value !== 'boolean') throw invalidType(path, 'Boolean', value);
      return;
    default:
      throw new Error(`the spec names an unknown type ${type} for ${path}`);
  }
}

function checkField(path: string, field: SpecFieldDescriptor, value: unknown): void {
  if (field.array) {
    if (!Array.isArray(value)) throw invalidType(path, `Array of ${field.type}`, value);
    value.forEach((item, index) => {
      checkSingle(`${path}.${index}`, field.type, item);
    });
    return;
  }
  checkSingle(path, field.type, value);
}

function checkSingle(path: string, type: string, value: unknown): void {
  const structure = SPEC.structures[type];
  if (structure === undefined) {
    checkPrimitive(path, type, value);
    return;
  }
  if (!isJsonObject(value)) throw invalidType(path, type, value);
  checkFields(path, structure, value, []);
}

function checkFields(
  pathPrefix: string,
  fields: readonly SpecFieldDescriptor[],
  object: JsonObject,
  tolerated: readonly string[],
): void {
  const known = new Set(fields.map((field) => field.name));
  for (const name of Object.keys(object)) {
    if (!known.has(name) && !tolerated.includes(name)) {
      throw new EmulatorError(
        'UnknownParameter',
        `The parameter \`${pathPrefix}${name}\` is not recognized by this action.`,
      );
    }
  }
  for (const field of fields) {
    const value = object[field.name];
    const path = `${pathPrefix}${field.name}`;
    // The official SDKs strip null and undefined before sending, so JSON null means "not given".
    if (value === undefined || value === null) {
      if (field.required) {
        throw new EmulatorError(
          'MissingParameter',
          `The request is missing a required parameter \`${path}\`.`,
        );
      }
      continue;
    }
    checkField(path, field, value);
  }
}

function pageNumber(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const numeric =
    typeof value === 'string' ? (/^\d+$/.test(value.trim()) ? Number(value) : Number.NaN) : value;
  if (typeof numeric !== 'number' || !Number.isInteger(numeric) || numeric < 0) {
    throw new EmulatorError(
      'InvalidParameterValue',
      `The value of parameter \`${name}\` must be a non-negative integer.`,
    );
  }
  return numeric;
}

/** Refuses a value outside a documented enumeration (each element, for an array input). */
function checkDocumentedValues(action: SslActionName, params: JsonObject): void {
  const enumerated = DOCUMENTED_VALUES[action];
  if (!enumerated) return;
  for (const [name, documented] of Object.entries(enumerated)) {
    const value = params[name];
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (!documented.values.includes(item as string | number)) {
        throw new EmulatorError(
          documented.code,
          `The value ${JSON.stringify(item)} of parameter \`${name}\` is not one of ${documented.values.join(', ')}.`,
        );
      }
    }
  }
}

/** Enforces the documented page-size maximum; returns the params with Limit clamped where the doc says so. */
function applyPagination(
  action: SslActionName,
  descriptor: SpecActionDescriptor,
  params: JsonObject,
): JsonObject {
  const pagination = descriptor.pagination;
  if (!pagination) return params;
  pageNumber(params[pagination.offset], pagination.offset);
  const limit = pageNumber(params[pagination.limit], pagination.limit);
  if (limit === undefined || pagination.maxLimit === null || limit <= pagination.maxLimit) return params;
  if (!CLAMPED_LIMIT_ACTIONS.has(action)) {
    throw new EmulatorError(
      'InvalidParameterValue',
      `The value of parameter \`${pagination.limit}\` must not exceed ${pagination.maxLimit}.`,
    );
  }
  const original = params[pagination.limit];
  const clamped = typeof original === 'string' ? String(pagination.maxLimit) : pagination.maxLimit;
  return { ...params, [pagination.limit]: clamped };
}

/**
 * Checks a request body against the action's documented inputs (presence of required fields, JSON types,
 * arrays, nested structures, unknown names, enumerated values, page-size maxima) and returns the params a
 * handler may trust.
 */
export function validateActionInput(action: SslActionName, body: unknown): JsonObject {
  if (!isJsonObject(body)) {
    throw new EmulatorError('InvalidParameter', 'The request body must be a JSON object.');
  }
  const descriptor = SSL_SPEC.actions[action];
  checkFields('', descriptor.inputs, body, DEPRECATED_INPUTS[action] ?? []);
  checkDocumentedValues(action, body);
  return applyPagination(action, descriptor, body);
}
