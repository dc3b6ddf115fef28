import { onAbort } from '../support/abort-listeners.ts';

/**
 * In-flight request sharing: concurrent calls with the same key wait on one execution. Each caller may abort its
 * own wait; the shared execution is cancelled only when every caller has gone.
 */

function sortKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const sorted: Record<string, unknown> = {};
  for (const name of Object.keys(value).sort()) sorted[name] = (value as Record<string, unknown>)[name];
  return sorted;
}

/** JSON with object keys sorted at every level, so `{a, b}` and `{b, a}` give the same string. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, sortKeys) ?? 'undefined';
}

interface InFlight<T> {
  readonly promise: Promise<T>;
  readonly controller: AbortController;
  waiters: number;
}

export interface CoalescedResult<T> {
  readonly value: T;
  /** True when this caller joined an execution started by another caller. */
  readonly joined: boolean;
}

export class InFlightCoalescer<T> {
  readonly #inFlight = new Map<string, InFlight<T>>();

  /** Executions currently in flight. */
  get size(): number {
    return this.#inFlight.size;
  }

  /**
   * Runs `execute` unless an execution for `key` is already in flight, in which case its result is shared.
   * `abortError` builds the rejection for a caller whose own signal fires.
   */
  run(
    key: string,
    signal: AbortSignal | undefined,
    execute: (sharedSignal: AbortSignal) => Promise<T>,
    abortError: () => Error,
  ): Promise<CoalescedResult<T>> {
    if (signal?.aborted === true) return Promise.reject(abortError());
    let entry = this.#inFlight.get(key);
    const joined = entry !== undefined;
    if (entry === undefined) entry = this.#start(key, execute);
    const current = entry;
    current.waiters += 1;
    if (signal === undefined) return current.promise.then((value) => ({ value, joined }));

    return new Promise<CoalescedResult<T>>((resolve, reject) => {
      // One listener per signal however many calls wait on it (a request's signal may carry a hundred).
      const stopListening = onAbort(signal, () => {
        current.waiters -= 1;
        if (current.waiters === 0) {
          if (this.#inFlight.get(key) === current) this.#inFlight.delete(key);
          current.controller.abort(signal.reason);
        }
        reject(abortError());
      });
      current.promise.then(
        (value) => {
          stopListening();
          resolve({ value, joined });
        },
        (error: unknown) => {
          stopListening();
          reject(error);
        },
      );
    });
  }

  #start(key: string, execute: (sharedSignal: AbortSignal) => Promise<T>): InFlight<T> {
    const controller = new AbortController();
    const entry: InFlight<T> = {
      promise: Promise.resolve().then(() => execute(controller.signal)),
      controller,
      waiters: 0,
    };
    const forget = (): void => {
      if (this.#inFlight.get(key) === entry) this.#inFlight.delete(key);
    };
    // Every waiter handles the outcome; this branch only unregisters the entry.
    entry.promise.then(forget, forget);
    this.#inFlight.set(key, entry);
    return entry;
  }
}
