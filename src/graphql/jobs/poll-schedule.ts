/**
 * When the next poll of one job is due. The interval it follows can change while a pause runs (a watcher
 * asking for a shorter one joins, on this replica or another): `reconsider` cuts a pause short, so one
 * watcher's long interval never holds back another's short one. Polls that failed for a reason that may pass
 * are repeated after a pause that doubles with each failure in a row.
 */

/** The longest pause after polls kept failing (the job's own interval, when longer, still applies). */
export const MAX_RETRY_PAUSE_MS = 30_000;

export interface PollScheduleOptions {
  /** The pause wanted between two polls right now; read again whenever a pause (re)starts. */
  readonly intervalMs: () => number;
  /**
   * Polls fall due on multiples of the interval (on this process's monotonic clock) rather than an interval
   * after the previous one, so the polls of distinct jobs that ask for the same interval fall due together and
   * can be sent as one call (kinds with `pollMany`).
   */
  readonly aligned: boolean;
}

export class PollSchedule {
  readonly #intervalMs: () => number;
  readonly #aligned: boolean;
  #lastPollEndedAt: number | null = null;
  #failuresInARow = 0;
  #wake: (() => void) | null = null;

  constructor(options: PollScheduleOptions) {
    this.#intervalMs = options.intervalMs;
    this.#aligned = options.aligned;
  }

  /** A poll answered: the next one is an interval away. */
  succeeded(): void {
    this.#lastPollEndedAt = performance.now();
    this.#failuresInARow = 0;
  }

  /** A poll failed for a reason that may pass: the next one waits longer with each failure in a row. */
  failed(): void {
    this.#lastPollEndedAt = performance.now();
    this.#failuresInARow += 1;
  }

  /** The interval may have changed: a pause in progress works out its end again. */
  reconsider(): void {
    this.#wake?.();
  }

  /** Resolves when the next poll is due (at once before the first), or at once when `signal` aborts. */
  async untilDue(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const remainingMs = this.#dueAt() - performance.now();
      if (remainingMs <= 0) return;
      await new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, remainingMs);
        signal.addEventListener('abort', done, { once: true });
        this.#wake = done;
      });
      this.#wake = null;
    }
  }

  #dueAt(): number {
    if (this.#lastPollEndedAt === null) return Number.NEGATIVE_INFINITY;
    const intervalMs = this.#intervalMs();
    if (this.#failuresInARow > 0) {
      const backoffMs = Math.min(MAX_RETRY_PAUSE_MS, intervalMs * 2 ** (this.#failuresInARow - 1));
      return this.#lastPollEndedAt + Math.max(intervalMs, backoffMs);
    }
    if (!this.#aligned) return this.#lastPollEndedAt + intervalMs;
    // The first multiple of the interval at least half an interval on: one poll per interval, on a shared grid.
    return Math.ceil((this.#lastPollEndedAt + intervalMs / 2) / intervalMs) * intervalMs;
  }
}

/**
 * Whether a failed poll is worth repeating: the translated upstream error says so (`retryable`: rate limits,
 * the shared rate limiter's Redis away, a transient upstream failure). Anything else (an unknown error, access
 * denied) ends the watch.
 */
export function isRetryablePollError(error: unknown): boolean {
  if (!(error instanceof Error) || error.name !== 'GraphQLError' || !('extensions' in error)) return false;
  const { extensions } = error;
  return typeof extensions === 'object' && extensions !== null && 'retryable' in extensions
    ? extensions.retryable === true
    : false;
}
