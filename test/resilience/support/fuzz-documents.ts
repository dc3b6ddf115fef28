import fc from 'fast-check';
import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from 'graphql';

/** The generator fast-check hands to fc.gen(): every draw is recorded, so failures shrink and replay from a seed. */
type Draw = fc.GeneratorValue;

/** Strings that break parsers, id formats and encodings: invalid ids, bad PEM, bad base64, control characters. */
const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '../../etc/passwd',
  "' OR 1=1 --",
  '%00',
  '\u0000\u0001\u001f',
  '\ud800',
  '😀'.repeat(50),
  'A'.repeat(5_000),
  '-----BEGIN CERTIFICATE-----\nnot base64 at all!!\n-----END CERTIFICATE-----',
  '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
  '-----BEGIN PRIVATE KEY-----\n@@@@\n-----END PRIVATE KEY-----',
  '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END CERTIFICATE-----',
  '====',
  'aGVsbG8=\n\n\nd29ybGQ',
  'data:application/pdf;base64,!!!',
  '{"__proto__": {"polluted": true}}',
  // A log4shell-style lookup, sent as plain text.
  ['$', '{jndi:ldap://x}'].join(''),
];

const HOSTILE_INTS: readonly string[] = [
  '-1',
  '0',
  '1',
  '2',
  '5',
  '20',
  '100',
  '101',
  '2147483647',
  '2147483648',
  '-2147483649',
  '1e3',
  '3.5',
];

/** Query arguments the fuzzer leaves out: `wait` legitimately holds a request for up to a minute. */
const SKIPPED_ARGUMENTS: ReadonlySet<string> = new Set(['wait']);

export interface DocumentFuzzOptions {
  /** Ids that exist upstream, mixed in so some lookups resolve and go deeper. */
  readonly knownIds: readonly string[];
}

function pick<T>(draw: Draw, items: readonly T[]): T {
  const item = items[draw(fc.nat, { max: items.length - 1 })];
  if (item === undefined) throw new RangeError('empty choice');
  return item;
}

function chance(draw: Draw, percent: number): boolean {
  return draw(fc.nat, { max: 99 }) < percent;
}

function stringLiteral(draw: Draw, options: DocumentFuzzOptions): string {
  const value =
    options.knownIds.length > 0 && chance(draw, 30)
      ? pick(draw, options.knownIds)
      : chance(draw, 50)
        ? pick(draw, HOSTILE_STRINGS)
        : draw(fc.string, { unit: 'binary', maxLength: 40 });
  return JSON.stringify(value);
}

/** Representations that name no entity, lack its key or are no object at all: each must be refused clearly. */
const MALFORMED_REPRESENTATIONS: readonly string[] = [
  '{ __typename: "Nope" }',
  '{ __typename: "Certificate" }',
  '{ __typename: "Manager", id: 1001 }',
  '{ __typename: "Package", id: null }',
  '{ __typename: "Query" }',
  '{ __typename: "_Service" }',
  '{ __typename: "CertificateStatus", id: "x" }',
  '{ __typename: "__proto__", id: "x" }',
  '{ __typename: 42 }',
  '"scalar"',
  '[{ __typename: "Certificate", id: "x" }]',
  '{}',
];

const ENTITY_TYPES: readonly string[] = ['Certificate', 'Company', 'DeployRecord', 'Manager', 'Package'];

/** An `_entities` representation: half well-formed (with a known or hostile id), half malformed. */
function entityRepresentationLiteral(draw: Draw, options: DocumentFuzzOptions): string {
  if (chance(draw, 50)) return pick(draw, MALFORMED_REPRESENTATIONS);
  return `{ __typename: "${pick(draw, ENTITY_TYPES)}", id: ${stringLiteral(draw, options)} }`;
}

function inputLiteral(
  draw: Draw,
  type: GraphQLInputType,
  options: DocumentFuzzOptions,
  depth: number,
): string {
  // A value of the wrong kind now and then: coercion errors must be clean too.
  if (chance(draw, 4)) return pick(draw, ['null', '"wrong"', '42', 'true', '[]', '{}', 'UNKNOWN_ENUM']);
  if (isNonNullType(type)) return inputLiteral(draw, type.ofType, options, depth);
  if (isListType(type)) {
    const length = draw(fc.nat, { max: depth > 2 ? 0 : 3 });
    return `[${Array.from({ length }, () => inputLiteral(draw, type.ofType, options, depth + 1)).join(', ')}]`;
  }
  if (isEnumType(type)) return pick(draw, type.getValues()).name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter(
      (field) => isNonNullType(field.type) || (depth < 3 && chance(draw, 50)),
    );
    return `{ ${fields.map((field) => `${field.name}: ${inputLiteral(draw, field.type, options, depth + 1)}`).join(', ')} }`;
  }
  switch (type.name) {
    case 'Int':
      return pick(draw, HOSTILE_INTS);
    case 'Float':
      return pick(draw, ['0', '-1.5', '1e308', '3.14']);
    case 'Boolean':
      return pick(draw, ['true', 'false']);
    case 'DateTime':
      return pick(draw, [
        '"2024-01-01T00:00:00Z"',
        '"2024-13-45T99:99:99Z"',
        '"yesterday"',
        '"1970-01-01T00:00:00+08:00"',
      ]);
    case '_Any':
      return entityRepresentationLiteral(draw, options);
    default:
      return stringLiteral(draw, options);
  }
}

function argumentsOf(
  draw: Draw,
  field: GraphQLField<unknown, unknown>,
  options: DocumentFuzzOptions,
): string {
  const chosen = field.args.filter(
    (argument) =>
      !SKIPPED_ARGUMENTS.has(argument.name) &&
      (isNonNullType(argument.type) ? !chance(draw, 3) : chance(draw, 40)),
  );
  if (chosen.length === 0) return '';
  return `(${chosen.map((argument) => `${argument.name}: ${inputLiteral(draw, argument.type, options, 0)}`).join(', ')})`;
}

function possibleObjectTypes(schema: GraphQLSchema, type: GraphQLNamedType): readonly GraphQLObjectType[] {
  if (isObjectType(type)) return [type];
  if (isInterfaceType(type) || isUnionType(type)) return schema.getPossibleTypes(type);
  return [];
}

function selectionSet(
  draw: Draw,
  schema: GraphQLSchema,
  type: GraphQLNamedType,
  options: DocumentFuzzOptions,
  depth: number,
  maxDepth: number,
): string {
  if (isLeafType(type)) return '';
  if (isUnionType(type)) {
    const members = schema.getPossibleTypes(type);
    const member = pick(draw, members);
    return ` { __typename ... on ${member.name}${selectionSet(draw, schema, member, options, depth, maxDepth)} }`;
  }
  if (!isObjectType(type) && !isInterfaceType(type)) return '';
  const fields = Object.values(type.getFields());
  const atBottom = depth >= maxDepth;
  const candidates = atBottom ? fields.filter((field) => isLeafType(getNamedType(field.type))) : fields;
  const count = 1 + draw(fc.nat, { max: Math.min(3, candidates.length) });
  const selections: string[] = ['__typename'];
  for (let index = 0; index < count && candidates.length > 0; index += 1) {
    const field = pick(draw, candidates);
    const alias = chance(draw, 15) ? `a${index}: ` : '';
    const nested = selectionSet(draw, schema, getNamedType(field.type), options, depth + 1, maxDepth);
    selections.push(`${alias}${field.name}${argumentsOf(draw, field, options)}${nested}`);
  }
  if (isInterfaceType(type) && chance(draw, 50)) {
    const member = pick(draw, possibleObjectTypes(schema, type));
    selections.push(
      `... on ${member.name}${selectionSet(draw, schema, member, options, depth + 1, maxDepth)}`,
    );
  }
  return ` { ${selections.join(' ')} }`;
}

/**
 * Random operations built from the real schema: random field selections, arguments with hostile values,
 * depths from shallow to past the gateway's depth limit. Queries mostly, some mutations, never subscriptions
 * (a subscription legitimately streams until its job ends).
 */
export function schemaDocumentArbitrary(
  schema: GraphQLSchema,
  options: DocumentFuzzOptions,
): fc.Arbitrary<string> {
  return fc.gen().map((draw) => {
    const mutationType = schema.getMutationType();
    const root = mutationType !== null && chance(draw, 20) ? mutationType : schema.getQueryType();
    if (root === null || root === undefined) throw new Error('the schema has no query type');
    const maxDepth = 1 + draw(fc.nat, { max: 11 });
    const keyword = root === mutationType ? 'mutation' : 'query';
    return `${keyword} Fuzz${selectionSet(draw, schema, root, options, 0, maxDepth).replace(/^ \{ __typename /, ' { ')}`;
  });
}

const LEXICON: readonly string[] = [
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ':',
  '...',
  '@',
  '$',
  '!',
  '=',
  '|',
  '&',
  'query',
  'mutation',
  'subscription',
  'fragment',
  'on',
  'certificates',
  'certificate',
  'id',
  'edges',
  'node',
  '__typename',
  '__schema',
  'first: 100',
  '"x"',
  '"""',
  '#',
  '\n',
  'null',
  'true',
  '1',
  'include(if: true)',
  'skip(if: false)',
];

/**
 * Hand-shaped attacks: alias bombs, deep nesting, fragment cycles, directive spam, huge and token-soup documents,
 * malformed entity references.
 */
export function hostileDocumentArbitrary(options: DocumentFuzzOptions): fc.Arbitrary<string> {
  const id = fc.constantFrom(...options.knownIds, ...HOSTILE_STRINGS);
  return fc.oneof(
    fc
      .integer({ min: 16, max: 400 })
      .map(
        (count) =>
          `{ ${Array.from({ length: count }, (_, index) => `a${index}: certificates(first: 100) { totalCount }`).join(' ')} }`,
      ),
    fc
      .integer({ min: 11, max: 3_000 })
      .map((depth) => `{ ${'certificates { edges { node { '.repeat(depth)}id${' } } }'.repeat(depth)} }`),
    fc.integer({ min: 100, max: 20_000 }).map((depth) => `${'{a'.repeat(depth)}${'}'.repeat(depth)}`),
    fc.constant('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }'),
    fc.integer({ min: 51, max: 500 }).map((count) => `{ __typename${' @include(if: true)'.repeat(count)} }`),
    fc
      .integer({ min: 1_000, max: 200_000 })
      .map((length) => `{ certificate(id: "${'x'.repeat(length)}") { id } }`),
    id.map(
      (value) => `{ certificate(id: ${JSON.stringify(value)}) { id domain alias status manager { id } } }`,
    ),
    fc.array(fc.constantFrom(...LEXICON), { maxLength: 60 }).map((tokens) => tokens.join(' ')),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.constant('{ __schema { types { name fields { name args { name } } } } }'),
    // What a router sends, or a caller posing as one: a batch of entity references, some malformed.
    fc.gen().map((draw) => {
      const count = 1 + draw(fc.nat, { max: 4 });
      const representations = Array.from({ length: count }, () => entityRepresentationLiteral(draw, options));
      return `{ _entities(representations: [${representations.join(', ')}]) { __typename ... on Certificate { id domain } ... on Manager { id } } }`;
    }),
  );
}

/** Mutations whose inputs carry certificates and letters: invalid PEM, bad base64, oversized payloads. */
export function uploadDocumentArbitrary(
  options: DocumentFuzzOptions,
): fc.Arbitrary<{ query: string; variables: Record<string, unknown> }> {
  const pemLike = fc.oneof(
    fc.constantFrom(...HOSTILE_STRINGS),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc
      .base64String({ maxLength: 400 })
      .map((body) => `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----`),
    fc
      .integer({ min: 100_000, max: 2_000_000 })
      .map((length) => `-----BEGIN CERTIFICATE-----\n${'A'.repeat(length)}\n-----END CERTIFICATE-----`),
  );
  const keyLike = fc.option(
    fc.oneof(
      fc.constantFrom(...HOSTILE_STRINGS),
      fc
        .base64String({ maxLength: 400 })
        .map((body) => `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----`),
    ),
    { nil: undefined },
  );
  const upload = fc
    .record({
      certificatePem: pemLike,
      privateKeyPem: keyLike,
      alias: fc.option(fc.string({ maxLength: 300 }), { nil: undefined }),
    })
    .map((input) => ({
      query:
        'mutation Upload($input: CertificateUploadInput!) { certificateUpload(input: $input) { certificate { id } userErrors { code message field } } }',
      variables: { input },
    }));
  const letter = fc
    .record({
      id: fc.constantFrom(...options.knownIds, ...HOSTILE_STRINGS),
      letter: fc.oneof(
        fc.constantFrom(...HOSTILE_STRINGS),
        fc.base64String({ maxLength: 400 }),
        fc.integer({ min: 100_000, max: 2_000_000 }).map((length) => 'QUJD'.repeat(Math.ceil(length / 4))),
      ),
    })
    .map((input) => ({
      query:
        'mutation Letter($input: CertificateConfirmationLetterUploadInput!) { certificateConfirmationLetterUpload(input: $input) { userErrors { code message field } } }',
      variables: { input },
    }));
  return fc.oneof(upload, letter);
}
