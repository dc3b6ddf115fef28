import type { Gateway } from '../../../src/graphql/yoga.ts';
import { armFaultPlan, type FaultPlanOptions, transientFaultPlan } from './fault-plan.ts';
import { heapUsedAfterGc } from './heap.ts';
import type { ClientCallTally, ResilienceStack } from './resilience-stack.ts';
import { seededRandom } from './seeded-random.ts';
import {
  FIXTURE_QUERY,
  intentOfExecution,
  MANAGER_PROBE_QUERY,
  RESOURCE_PROBE_QUERY,
  type SoakFixtures,
  type SoakOperation,
  soakOperations,
} from './soak-operations.ts';

export interface SoakOptions {
  readonly seed: number;
  /** Operations in all, warm-up included. */
  readonly operations: number;
  /** The first operations, run before the heap baseline is taken. */
  readonly warmupOperations: number;
  readonly concurrency: number;
  /** No operation starts after this many ms (the run is bounded by count and by time). */
  readonly maxDurationMs: number;
  readonly faults: FaultPlanOptions;
  /** Measure heap used after GC (needs node --expose-gc). */
  readonly measureHeap: boolean;
}

interface GraphQLErrorBody {
  readonly message?: unknown;
  readonly extensions?: Record<string, unknown>;
}

interface GraphQLBody {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly GraphQLErrorBody[];
}

export interface OutcomeCounts {
  total: number;
  ok: number;
  failed: number;
  /** Operations that failed, by the first error's extensions.code. */
  failuresByCode: Record<string, number>;
}

export interface MutationFigures extends OutcomeCounts {
  /** Intents the upstream executed exactly once / never / more than once (the last must stay 0). */
  executedOnce: number;
  notExecuted: number;
  executedMoreThanOnce: number;
  /** Answered as done although the upstream never executed them (must stay 0). */
  acknowledgedButNotExecuted: number;
  userErrors: number;
}

export interface SoakReport {
  readonly seed: number;
  readonly operationsPlanned: number;
  readonly operationsRun: number;
  readonly warmupOperations: number;
  readonly concurrency: number;
  readonly durationMs: number;
  readonly faultRate: number;
  readonly faultsInjected: Record<string, number>;
  readonly upstream: {
    readonly arrivals: number;
    readonly executed: number;
    readonly errorsByCode: Record<string, number>;
  };
  readonly client: Readonly<ClientCallTally>;
  readonly reads: OutcomeCounts;
  readonly mutations: MutationFigures;
  /** Property violations, each described; an empty list is a passing soak. */
  readonly violations: string[];
  readonly memory?: {
    readonly baselineHeapUsedBytes: number;
    readonly afterHeapUsedBytes: number;
  };
}

async function post(
  gateway: Gateway,
  query: string,
  variables: Record<string, unknown>,
): Promise<GraphQLBody> {
  const response = await gateway.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLBody;
}

function edgeIds(connection: unknown): string[] {
  if (typeof connection !== 'object' || connection === null) return [];
  const edges = (connection as { edges?: unknown }).edges;
  if (!Array.isArray(edges)) return [];
  return edges.flatMap((edge: { node?: { id?: unknown } }) =>
    typeof edge.node?.id === 'string' ? [edge.node.id] : [],
  );
}

/** Reads the seeded account's ids through the gateway; must run before faults are armed. */
export async function discoverFixtures(gateway: Gateway): Promise<SoakFixtures> {
  const listed = await post(gateway, FIXTURE_QUERY, {});
  const certificateIds = edgeIds(listed.data?.certificates);
  const companyIds = edgeIds(listed.data?.companies);
  if (certificateIds.length === 0 || companyIds.length === 0) {
    throw new Error(`fixture discovery failed: ${JSON.stringify(listed.errors ?? null)}`);
  }
  const resourceTypes: string[] = [];
  for (const type of ['CLB', 'CDN', 'WAF', 'LIVE', 'DDOS', 'TEO']) {
    const probe = await post(gateway, RESOURCE_PROBE_QUERY, { type, first: 1 });
    if (probe.errors === undefined) resourceTypes.push(type);
  }
  const managerIds: string[] = [];
  for (const id of ['1001', '1002', '1003']) {
    const probe = await post(gateway, MANAGER_PROBE_QUERY, { id });
    if (probe.errors === undefined && probe.data?.manager !== null) managerIds.push(id);
  }
  return { certificateIds, managerIds, companyIds, resourceTypes };
}

function emptyCounts(): OutcomeCounts {
  return { total: 0, ok: 0, failed: 0, failuresByCode: {} };
}

/** Gateway-made codes are UPPER_SNAKE_CASE; anything else is an upstream API code that must carry its RequestId. */
const GATEWAY_CODE = /^[A-Z][A-Z0-9_]*$/;

/** Checks the errors of one answer are typed; returns the first error's code, or describes the violation. */
function checkErrors(
  operation: SoakOperation,
  errors: readonly GraphQLErrorBody[],
  violations: string[],
): string {
  for (const error of errors) {
    const code = error.extensions?.code;
    if (typeof error.message !== 'string' || typeof code !== 'string') {
      violations.push(`${operation.name}: untyped error ${JSON.stringify(error)}`);
      continue;
    }
    if (code === 'INTERNAL_SERVER_ERROR') violations.push(`${operation.name}: masked unexpected error`);
    const requestId = error.extensions?.requestId;
    if (!GATEWAY_CODE.test(code) && (typeof requestId !== 'string' || requestId === '')) {
      violations.push(`${operation.name}: upstream error ${code} without extensions.requestId`);
    }
  }
  const first = errors[0]?.extensions?.code;
  return typeof first === 'string' ? first : 'UNTYPED';
}

function countFailure(counts: OutcomeCounts, code: string): void {
  counts.failed += 1;
  counts.failuresByCode[code] = (counts.failuresByCode[code] ?? 0) + 1;
}

function payloadUserErrors(operation: SoakOperation, body: GraphQLBody): number {
  const payload = body.data?.[operation.name];
  if (typeof payload !== 'object' || payload === null) return 0;
  const userErrors = (payload as { userErrors?: unknown }).userErrors;
  return Array.isArray(userErrors) ? userErrors.length : 0;
}

/**
 * The fault soak: discovers fixtures, arms the fault plan, runs the seeded operation mix through the gateway
 * with bounded concurrency and time, disarms, then checks the upstream executed each mutation intent at most once.
 */
export async function runSoak(stack: ResilienceStack, options: SoakOptions): Promise<SoakReport> {
  const fixtures = await discoverFixtures(stack.gateway);
  const random = seededRandom(options.seed);
  const operations = soakOperations(options.operations, fixtures, random);
  stack.emulator.stats.reset();
  const tallyBefore = { ...stack.tally };
  const plan = armFaultPlan(stack.emulator.faults, transientFaultPlan(options.faults));
  const reads = emptyCounts();
  const mutations: MutationFigures = {
    ...emptyCounts(),
    executedOnce: 0,
    notExecuted: 0,
    executedMoreThanOnce: 0,
    acknowledgedButNotExecuted: 0,
    userErrors: 0,
  };
  const violations: string[] = [];
  const acknowledgedIntents = new Set<string>();
  const startedAt = performance.now();
  let next = 0;
  let baselineHeap: number | undefined;

  const runOne = async (operation: SoakOperation): Promise<void> => {
    let body: GraphQLBody;
    try {
      body = await post(stack.gateway, operation.query, operation.variables);
    } catch (error) {
      violations.push(
        `${operation.name}: the gateway threw ${error instanceof Error ? error.message : String(error)}`,
      );
      return;
    }
    const counts = operation.kind === 'read' ? reads : mutations;
    counts.total += 1;
    const errors = body.errors ?? [];
    if (errors.length > 0 || body.data === null || body.data === undefined) {
      countFailure(counts, checkErrors(operation, errors, violations));
      return;
    }
    if (operation.kind === 'mutation') {
      const userErrors = payloadUserErrors(operation, body);
      if (userErrors > 0) {
        mutations.userErrors += 1;
        countFailure(mutations, 'USER_ERROR');
        return;
      }
      acknowledgedIntents.add(operation.intent);
    }
    counts.ok += 1;
  };

  const runUpTo = async (limit: number): Promise<void> => {
    const worker = async (): Promise<void> => {
      while (next < limit && performance.now() - startedAt <= options.maxDurationMs) {
        const operation = operations[next];
        next += 1;
        if (operation !== undefined) await runOne(operation);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  };

  await runUpTo(Math.min(options.warmupOperations, operations.length));
  if (options.measureHeap) baselineHeap = await heapUsedAfterGc();
  await runUpTo(operations.length);
  const durationMs = performance.now() - startedAt;
  const faultsInjected = plan.hitsByLabel();
  plan.disarm();

  const intents = new Map<string, number>();
  for (const operation of operations.slice(0, next)) {
    if (operation.kind === 'mutation') intents.set(operation.intent, 0);
  }
  for (const execution of stack.emulator.stats.mutationExecutions()) {
    const intent = intentOfExecution(execution);
    if (intent === undefined || !intents.has(intent)) {
      violations.push(`unexpected upstream mutation ${execution.action} ${execution.params}`);
      continue;
    }
    intents.set(intent, (intents.get(intent) ?? 0) + execution.executions);
  }
  for (const [intent, executions] of intents) {
    if (executions === 0) mutations.notExecuted += 1;
    else if (executions === 1) mutations.executedOnce += 1;
    else {
      mutations.executedMoreThanOnce += 1;
      violations.push(`mutation ${intent} executed ${executions} times upstream`);
    }
    if (executions === 0 && acknowledgedIntents.has(intent)) {
      mutations.acknowledgedButNotExecuted += 1;
      violations.push(`mutation ${intent} answered as done but never executed upstream`);
    }
  }
  if (reads.failed > 0) violations.push(`${reads.failed} of ${reads.total} reads failed`);

  const tally: ClientCallTally = {
    calls: stack.tally.calls - tallyBefore.calls,
    coalescedCalls: stack.tally.coalescedCalls - tallyBefore.coalescedCalls,
    retries: stack.tally.retries - tallyBefore.retries,
    callsRetried: stack.tally.callsRetried - tallyBefore.callsRetried,
    failedCalls: stack.tally.failedCalls - tallyBefore.failedCalls,
  };
  const arrivals = Object.values(stack.emulator.stats.byAction()).reduce(
    (sum, counts) => sum + (counts ? counts.executed + counts.failed + counts.rejected : 0),
    0,
  );
  const memory =
    baselineHeap === undefined
      ? undefined
      : { baselineHeapUsedBytes: baselineHeap, afterHeapUsedBytes: await heapUsedAfterGc() };
  return {
    seed: options.seed,
    operationsPlanned: options.operations,
    operationsRun: next,
    warmupOperations: options.warmupOperations,
    concurrency: options.concurrency,
    durationMs: Math.round(durationMs),
    faultRate: options.faults.totalRate,
    faultsInjected,
    upstream: {
      arrivals,
      executed: stack.emulator.stats.totalExecuted,
      errorsByCode: stack.emulator.stats.errorsByCode(),
    },
    client: tally,
    reads,
    mutations,
    violations,
    ...(memory === undefined ? {} : { memory }),
  };
}
