import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { SslCallEvent } from '../ssl/actions.ts';
import type { SslRateLimitWaitEvent } from '../ssl/client.ts';

/**
 * Operation names come from clients; past this many distinct ones, new names are counted as `other`. Only an
 * operation that executed admits a new name: refused ones (unauthenticated or invalid) of a name not seen yet are
 * counted as `refused`, so callers without a token cannot use up the labels.
 */
const MAX_DISTINCT_OPERATION_NAMES = 200;
const MAX_OPERATION_NAME_LENGTH = 64;

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** DataLoader batches are capped at 50 IDs per upstream call (MAX_CERTIFICATE_IDS_PER_CALL). */
const BATCH_SIZE_BUCKETS = [1, 2, 5, 10, 20, 50, 100];

export interface GraphQLOperationObservation {
  readonly operationName: string | undefined;
  readonly operationType: string | undefined;
  /** Whether the operation got as far as execution (OperationRecord.executed). */
  readonly executed: boolean;
  readonly durationMs: number;
  readonly errorCodes: readonly string[];
}

export interface GatewayMetricsOptions {
  /** Node process metrics (CPU, memory, event loop lag, GC). On in the process, off in tests. */
  readonly collectProcessMetrics?: boolean;
}

/**
 * The gateway's Prometheus metrics, in a registry of its own (never prom-client's global one), so any number of
 * gateways can live in one process (tests) without their series colliding.
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  readonly #operationNames = new Set<string>();
  #rateLimitQueueDepth: () => number = () => 0;

  readonly #operations = new Counter({
    name: 'ssl_graph_graphql_operations_total',
    help: 'GraphQL operations served, by operation name and type.',
    labelNames: ['operation_name', 'operation_type'] as const,
    registers: [this.registry],
  });
  readonly #operationDuration = new Histogram({
    name: 'ssl_graph_graphql_operation_duration_seconds',
    help: 'Time from receiving a GraphQL operation to having its result, by operation name and type.',
    labelNames: ['operation_name', 'operation_type'] as const,
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  });
  readonly #errors = new Counter({
    name: 'ssl_graph_graphql_errors_total',
    help: 'Errors in GraphQL results, by operation name and type and the error code clients see.',
    labelNames: ['operation_name', 'operation_type', 'code'] as const,
    registers: [this.registry],
  });
  readonly #refusedRequests = new Counter({
    name: 'ssl_graph_http_requests_refused_total',
    help: 'HTTP requests refused before any GraphQL processing, by the error code they were answered with.',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  readonly #upstreamCalls = new Counter({
    name: 'ssl_graph_upstream_calls_total',
    help: 'Calls to the Tencent Cloud SSL API, by action and outcome (ok or the error category).',
    labelNames: ['action', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly #upstreamDuration = new Histogram({
    name: 'ssl_graph_upstream_call_duration_seconds',
    help: 'Duration of calls to the Tencent Cloud SSL API including retries and rate-limit waits.',
    labelNames: ['action', 'outcome'] as const,
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  });
  readonly #upstreamRetries = new Counter({
    name: 'ssl_graph_upstream_retries_total',
    help: 'Retries of calls to the Tencent Cloud SSL API, by action.',
    labelNames: ['action'] as const,
    registers: [this.registry],
  });
  readonly #rateLimitWait = new Histogram({
    name: 'ssl_graph_upstream_rate_limit_wait_seconds',
    help: 'How long calls that had to queue waited for the client-side rate limiter, by action.',
    labelNames: ['action'] as const,
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  });
  readonly #batchSize = new Histogram({
    name: 'ssl_graph_dataloader_batch_size',
    help: 'Keys per DataLoader batch, by loader.',
    labelNames: ['loader'] as const,
    buckets: BATCH_SIZE_BUCKETS,
    registers: [this.registry],
  });

  constructor(options: GatewayMetricsOptions = {}) {
    const metrics = this;
    new Gauge({
      name: 'ssl_graph_upstream_rate_limit_queue_depth',
      help: 'Calls currently waiting in the client-side rate limiter.',
      registers: [this.registry],
      collect() {
        this.set(metrics.#rateLimitQueueDepth());
      },
    });
    if (options.collectProcessMetrics === true) collectDefaultMetrics({ register: this.registry });
  }

  /** Where the queue-depth gauge reads from at scrape time (the SSL client's rate limiter). */
  watchRateLimitQueue(depth: () => number): void {
    this.#rateLimitQueueDepth = depth;
  }

  observeOperation(observation: GraphQLOperationObservation): void {
    const labels = {
      operation_name: this.#operationNameLabel(observation.operationName, observation.executed),
      operation_type: observation.operationType ?? 'unknown',
    };
    this.#operations.inc(labels);
    this.#operationDuration.observe(labels, observation.durationMs / 1000);
    for (const code of observation.errorCodes) this.#errors.inc({ ...labels, code });
  }

  /** `code` comes from a fixed set (HOST_NOT_ALLOWED), never from the request. */
  observeRefusedRequest(code: string): void {
    this.#refusedRequests.inc({ code });
  }

  observeUpstreamCall(event: SslCallEvent): void {
    const labels = { action: event.action, outcome: event.outcome };
    this.#upstreamCalls.inc(labels);
    this.#upstreamDuration.observe(labels, event.durationMs / 1000);
    // A coalesced call reports the retries of the execution it shared: counting them again would double them.
    if (!event.coalesced && event.retries > 0)
      this.#upstreamRetries.inc({ action: event.action }, event.retries);
  }

  observeRateLimitWait(event: SslRateLimitWaitEvent): void {
    this.#rateLimitWait.observe({ action: event.action }, event.waitedMs / 1000);
  }

  observeBatch(loaderName: string, size: number): void {
    this.#batchSize.observe({ loader: loaderName }, size);
  }

  /** The Prometheus text exposition and its content type. */
  async exposition(): Promise<{ body: string; contentType: string }> {
    return { body: await this.registry.metrics(), contentType: this.registry.contentType };
  }

  #operationNameLabel(name: string | undefined, executed: boolean): string {
    // Without a name: an operation refused before its document was read (no valid token), or an unnamed one.
    if (name === undefined || name === '') return executed ? 'anonymous' : 'refused';
    const label = name.slice(0, MAX_OPERATION_NAME_LENGTH);
    if (this.#operationNames.has(label)) return label;
    if (!executed) return 'refused';
    if (this.#operationNames.size >= MAX_DISTINCT_OPERATION_NAMES) return 'other';
    this.#operationNames.add(label);
    return label;
  }
}
