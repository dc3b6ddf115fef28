import { AsyncLocalStorage } from 'node:async_hooks';
import type { SslCallEvent } from '../ssl/client.ts';

/**
 * What one GraphQL request did, collected while it runs. The SSL client's hooks and the loaders' batch
 * functions fire deep inside resolvers with no reference to the request; AsyncLocalStorage carries this record
 * to them along the request's async path (DataLoader batches included: they are scheduled from a `load` call).
 */
export interface OperationRecord {
  readonly startedAt: number;
  operationName: string | undefined;
  operationType: string | undefined;
  readonly upstreamCalls: SslCallEvent[];
  readonly batchSink: BatchObserver;
}

/** Receives the size of every DataLoader batch dispatched on behalf of an operation. */
export type BatchObserver = (loaderName: string, size: number) => void;

const scope = new AsyncLocalStorage<OperationRecord>();

export function runInOperationScope<T>(record: OperationRecord, run: () => T): T {
  return scope.run(record, run);
}

export function currentOperation(): OperationRecord | undefined {
  return scope.getStore();
}

/**
 * Loaders call this from their batch functions: the size of the batch lands in the metrics of the gateway
 * serving the current request. Outside a request (unit tests of a loader) it does nothing.
 */
export function observeBatch(loaderName: string, size: number): void {
  scope.getStore()?.batchSink(loaderName, size);
}
