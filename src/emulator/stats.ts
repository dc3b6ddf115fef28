import type { SslActionName } from '../ssl/actions.ts';
import { isMutatingAction } from '../ssl/actions.ts';

/**
 * How one action's calls ended. `executed`: the handler ran and succeeded (its effects happened, whatever
 * became of the answer); `failed`: the handler ran and refused with a documented error; `rejected`: the call
 * never reached the handler (auth, validation, rate limit, a before-handler fault).
 */
export interface ActionCounts {
  executed: number;
  failed: number;
  rejected: number;
}

export interface MutationExecution {
  readonly action: SslActionName;
  /** The action's params in canonical JSON (sorted keys): identical requests share it. */
  readonly params: string;
  readonly executions: number;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The most calls of one action that arrived within one second. */
export interface PeakArrivals {
  /** In the fixed 1-second windows the emulator's rate limiter counts (as the real API does). */
  readonly fixedWindow: number;
  /** In any 1-second span, wherever it starts: the stricter view of how bursty the caller was. */
  readonly slidingWindow: number;
}

const ARRIVAL_WINDOW_MS = 1000;

class ArrivalCounter {
  #window = Number.NaN;
  #inWindow = 0;
  #peakFixed = 0;
  /** Arrival times of the last second, oldest first. */
  #recent: number[] = [];
  #peakSliding = 0;

  record(at: number): void {
    const window = Math.floor(at / ARRIVAL_WINDOW_MS);
    if (window !== this.#window) {
      this.#window = window;
      this.#inWindow = 0;
    }
    this.#inWindow += 1;
    this.#peakFixed = Math.max(this.#peakFixed, this.#inWindow);
    this.#recent.push(at);
    let expired = 0;
    while ((this.#recent[expired] ?? at) <= at - ARRIVAL_WINDOW_MS) expired += 1;
    if (expired > 0) this.#recent = this.#recent.slice(expired);
    this.#peakSliding = Math.max(this.#peakSliding, this.#recent.length);
  }

  get peak(): PeakArrivals {
    return { fixedWindow: this.#peakFixed, slidingWindow: this.#peakSliding };
  }
}

/** What the emulator served, for tests that check the gateway's behaviour from the upstream's side. */
export class EmulatorStats {
  readonly #arrivalNow: () => number;
  #arrivals = new Map<SslActionName, ArrivalCounter>();
  #byAction = new Map<SslActionName, ActionCounts>();
  #errorsByCode = new Map<string, number>();
  #executionsByRequestId = new Map<string, number>();
  /** `${action}\u0000${canonical params}` → executions, for mutating actions only. */
  #mutationExecutions = new Map<string, number>();
  #protocolErrors = 0;

  /** `arrivalNow` is real time by default, like the rate limiter's: stepping the emulator clock opens no window. */
  constructor(arrivalNow: () => number = Date.now) {
    this.#arrivalNow = arrivalNow;
  }

  #countsOf(action: SslActionName): ActionCounts {
    let counts = this.#byAction.get(action);
    if (counts === undefined) {
      counts = { executed: 0, failed: 0, rejected: 0 };
      this.#byAction.set(action, counts);
    }
    return counts;
  }

  #countError(code: string): void {
    this.#errorsByCode.set(code, (this.#errorsByCode.get(code) ?? 0) + 1);
  }

  /** A signed call to `action` arrived, before the rate limiter or any fault decided its fate. */
  recordArrival(action: SslActionName): void {
    let counter = this.#arrivals.get(action);
    if (counter === undefined) {
      counter = new ArrivalCounter();
      this.#arrivals.set(action, counter);
    }
    counter.record(this.#arrivalNow());
  }

  /** Per action called at least once: the most calls that arrived within one second. */
  peakArrivalsPerSecond(): Partial<Record<SslActionName, PeakArrivals>> {
    return Object.fromEntries([...this.#arrivals].map(([action, counter]) => [action, counter.peak]));
  }

  recordExecuted(action: SslActionName, requestId: string, params: unknown): void {
    this.#countsOf(action).executed += 1;
    this.#executionsByRequestId.set(requestId, (this.#executionsByRequestId.get(requestId) ?? 0) + 1);
    if (isMutatingAction(action)) {
      const key = `${action}\u0000${canonicalJson(params)}`;
      this.#mutationExecutions.set(key, (this.#mutationExecutions.get(key) ?? 0) + 1);
    }
  }

  recordFailed(action: SslActionName, errorCode: string): void {
    this.#countsOf(action).failed += 1;
    this.#countError(errorCode);
  }

  recordRejected(action: SslActionName, errorCode: string | undefined): void {
    this.#countsOf(action).rejected += 1;
    if (errorCode !== undefined) this.#countError(errorCode);
  }

  /** An error answer that an after-handler fault put in place of the handler's (already counted) result. */
  recordFaultAnswer(errorCode: string): void {
    this.#countError(errorCode);
  }

  /** An error answered before any action could be named (method, auth, version, unknown action...). */
  recordProtocolError(errorCode: string): void {
    this.#protocolErrors += 1;
    this.#countError(errorCode);
  }

  /** Counts per action name, for the actions called at least once. */
  byAction(): Partial<Record<SslActionName, Readonly<ActionCounts>>> {
    return Object.fromEntries([...this.#byAction].map(([action, counts]) => [action, { ...counts }]));
  }

  countsOf(action: SslActionName): Readonly<ActionCounts> {
    return { ...(this.#byAction.get(action) ?? { executed: 0, failed: 0, rejected: 0 }) };
  }

  /** Error answers per code, from every layer (protocol, validation, rate limit, faults, handlers). */
  errorsByCode(): Record<string, number> {
    return Object.fromEntries(this.#errorsByCode);
  }

  get protocolErrors(): number {
    return this.#protocolErrors;
  }

  get totalExecuted(): number {
    let total = 0;
    for (const counts of this.#byAction.values()) total += counts.executed;
    return total;
  }

  /** How many times the handler ran for the request that carried this RequestId (0 or 1). */
  executionsOfRequest(requestId: string): number {
    return this.#executionsByRequestId.get(requestId) ?? 0;
  }

  /** Every distinct mutation executed, with how many times identical params were executed. */
  mutationExecutions(): MutationExecution[] {
    return [...this.#mutationExecutions].map(([key, executions]) => {
      const separator = key.indexOf('\u0000');
      return {
        action: key.slice(0, separator) as SslActionName,
        params: key.slice(separator + 1),
        executions,
      };
    });
  }

  /** The mutations executed more than once with identical params (a retry that repeated a side effect). */
  repeatedMutations(): MutationExecution[] {
    return this.mutationExecutions().filter((mutation) => mutation.executions > 1);
  }

  reset(): void {
    this.#arrivals = new Map();
    this.#byAction = new Map();
    this.#errorsByCode = new Map();
    this.#executionsByRequestId = new Map();
    this.#mutationExecutions = new Map();
    this.#protocolErrors = 0;
  }
}
