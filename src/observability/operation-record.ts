import type { SslCallEvent } from '../ssl/actions.ts';

/**
 * What one GraphQL request did, collected while it runs. The telemetry plugin creates it when the request
 * arrives; the request's context hands it to the request's loaders, which report to it the upstream calls they
 * make and the DataLoader batches they dispatch.
 *
 * It is handed over explicitly rather than carried by AsyncLocalStorage: on Node 20 an active AsyncLocalStorage
 * runs a hook for every promise created in its scope (a list page creates hundreds), and timers started during a
 * request (job polls) carried the request's record on after the request had been logged.
 */
export interface OperationRecord {
  readonly startedAt: number;
  /** The request's id (request-id.ts), answered in X-Request-Id and written on the operation's log line. */
  readonly requestId: string;
  /**
   * The authenticated caller (the token's `sub`), once the operation executes; null with authentication off. The
   * log line carries it, so an operator can tell who read private keys; never the token itself.
   */
  subject: string | null | undefined;
  operationName: string | undefined;
  operationType: string | undefined;
  /**
   * Whether the operation got as far as execution (its caller authenticated, the operation valid). Only such an
   * operation may give the metrics a new operation-name label.
   */
  executed: boolean;
  readonly upstreamCalls: SslCallEvent[];
  readonly batchSink: BatchObserver;
}

/** Receives the size of every DataLoader batch dispatched on behalf of an operation. */
export type BatchObserver = (loaderName: string, size: number) => void;

/** The operation of each GraphQL request in flight, by its Request (the object every Yoga hook is given). */
export class RequestOperations {
  readonly #byRequest = new WeakMap<Request, OperationRecord>();

  start(request: Request, record: OperationRecord): void {
    this.#byRequest.set(request, record);
  }

  /** Undefined for requests the telemetry plugin does not follow (other paths than the GraphQL endpoint). */
  of(request: Request): OperationRecord | undefined {
    return this.#byRequest.get(request);
  }
}
