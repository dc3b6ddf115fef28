import fc from 'fast-check';
import {
  buildClientSchema,
  type GraphQLSchema,
  getIntrospectionQuery,
  type IntrospectionQuery,
} from 'graphql';
import {
  hostileDocumentArbitrary,
  schemaDocumentArbitrary,
  uploadDocumentArbitrary,
} from './fuzz-documents.ts';
import { fuzzViolations, hasMaskedUnexpectedError } from './fuzz-oracle.ts';
import {
  type FuzzRequest,
  malformedGetParametersArbitrary,
  malformedRequestArbitrary,
  operationRequestArbitrary,
} from './fuzz-requests.ts';
import type { FuzzTarget } from './fuzz-target.ts';

export interface FuzzOptions {
  readonly seed: number;
  readonly runs: number;
  /** 'assert' stops at the first violation and shrinks it (tests); 'record' runs everything and counts (script). */
  readonly mode: 'assert' | 'record';
}

export interface RecordedViolation {
  readonly family: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly violations: readonly string[];
}

export interface FuzzReport {
  readonly seed: number;
  readonly runs: number;
  readonly durationMs: number;
  readonly statusMix: Record<string, number>;
  readonly familyMix: Record<string, number>;
  readonly violationCount: number;
  /** Broken properties counted per `family: property`. */
  readonly violationsByKind: Record<string, number>;
  /** The first violations, for the report (all are counted). */
  readonly violations: readonly RecordedViolation[];
  /** Answers holding a masked "Unexpected error." (also counted as violations: see hasMaskedUnexpectedError). */
  readonly maskedUnexpectedErrors: number;
  readonly maskedUnexpectedErrorExamples: readonly string[];
  /** Uncaught exceptions and unhandled rejections seen while fuzzing. */
  readonly processErrors: number;
  /** Whether a plain query still got its answer after the last case. */
  readonly servingAfterwards: boolean;
}

const KEPT_VIOLATIONS = 20;

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/**
 * The schema as the gateway serves it, read by introspection: building it from this module's `graphql` (rather
 * than importing the Pothos schema object) avoids the dual CJS/ESM graphql instanceOf failure under vitest.
 */
export async function servedSchema(target: FuzzTarget): Promise<GraphQLSchema> {
  const exchange = await target.send({
    family: 'introspection',
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  });
  const { data } = JSON.parse(exchange.body) as { data?: IntrospectionQuery };
  if (data === undefined) throw new Error(`introspection failed with HTTP ${exchange.status}`);
  return buildClientSchema(data);
}

export function fuzzRequestArbitrary(
  schema: GraphQLSchema,
  knownIds: readonly string[],
): fc.Arbitrary<FuzzRequest> {
  const options = { knownIds };
  const families: Array<fc.WeightedArbitrary<FuzzRequest>> = [
    {
      weight: 8,
      arbitrary: operationRequestArbitrary(
        schemaDocumentArbitrary(schema, options).map((query) => ({ query })),
        'schema-document',
      ),
    },
    {
      weight: 4,
      arbitrary: operationRequestArbitrary(
        hostileDocumentArbitrary(options).map((query) => ({ query })),
        'hostile-document',
      ),
    },
    { weight: 2, arbitrary: operationRequestArbitrary(uploadDocumentArbitrary(options), 'upload-input') },
    { weight: 4, arbitrary: malformedRequestArbitrary },
    { weight: 1, arbitrary: malformedGetParametersArbitrary },
  ];
  return fc.oneof(...families);
}

async function stillServing(target: FuzzTarget): Promise<boolean> {
  const exchange = await target.send({
    family: 'probe',
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: '{ certificates(first: 1) { totalCount } }' }),
  });
  return exchange.status === 200 && exchange.body.includes('"totalCount"');
}

/** Sends `runs` seeded fuzz cases to the listening gateway and checks every answer against the oracle. */
export async function runFuzz(
  target: FuzzTarget,
  knownIds: readonly string[],
  options: FuzzOptions,
): Promise<FuzzReport> {
  const statusMix: Record<string, number> = {};
  const familyMix: Record<string, number> = {};
  const violations: RecordedViolation[] = [];
  let violationCount = 0;
  const violationsByKind: Record<string, number> = {};
  let maskedUnexpectedErrors = 0;
  const maskedExamples: string[] = [];
  let processErrors = 0;
  const onProcessError = (): void => {
    processErrors += 1;
  };
  process.on('uncaughtException', onProcessError);
  process.on('unhandledRejection', onProcessError);
  const startedAt = performance.now();
  let runs = 0;
  try {
    const property = fc.asyncProperty(
      fuzzRequestArbitrary(await servedSchema(target), knownIds),
      async (request) => {
        const exchange = await target.send(request);
        const found = fuzzViolations(exchange, target.secrets());
        runs += 1;
        bump(statusMix, String(exchange.status));
        bump(familyMix, request.family);
        if (hasMaskedUnexpectedError(exchange)) {
          maskedUnexpectedErrors += 1;
          if (maskedExamples.length < KEPT_VIOLATIONS) {
            maskedExamples.push(
              `${request.method} ${request.path.slice(0, 100)} ${(request.body ?? '').slice(0, 300)}`,
            );
          }
        }
        if (found.length === 0) return true;
        violationCount += 1;
        for (const violation of found) bump(violationsByKind, `${request.family}: ${violation}`);
        if (violations.length < KEPT_VIOLATIONS) {
          violations.push({
            family: request.family,
            method: request.method,
            path: request.path.slice(0, 200),
            status: exchange.status,
            violations: found,
          });
        }
        if (options.mode === 'assert') {
          throw new Error(
            `${found.join('; ')}\nanswer (HTTP ${exchange.status}): ${exchange.body.slice(0, 500)}`,
          );
        }
        return true;
      },
    );
    await fc.assert(property, {
      seed: options.seed,
      numRuns: options.runs,
      endOnFailure: options.mode === 'record',
    });
  } finally {
    process.off('uncaughtException', onProcessError);
    process.off('unhandledRejection', onProcessError);
  }
  return {
    seed: options.seed,
    runs,
    durationMs: Math.round(performance.now() - startedAt),
    statusMix,
    familyMix,
    violationCount,
    violationsByKind,
    violations,
    maskedUnexpectedErrors,
    maskedUnexpectedErrorExamples: maskedExamples,
    processErrors,
    servingAfterwards: await stillServing(target),
  };
}
