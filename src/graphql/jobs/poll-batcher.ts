import type { SslCaller } from '../../ssl/actions.ts';
import { SslAbortedError } from '../../ssl/errors.ts';
import type { JobKindDefinition, JobSnapshot } from './job-kinds.ts';

/**
 * Sends the polls of distinct jobs of one kind that fall due together as one upstream call (kinds with
 * `pollMany`: the task readers take up to 100 IDs). Polls asked for within BATCH_WINDOW_MS of the first one
 * go out together, in calls of at most `maxIds`; the poll schedules of these kinds fall due on a shared grid
 * (PollSchedule's `aligned`), so jobs watched at the same interval are polled in one call per interval.
 */

/** How long the first poll of a batch waits for others: timers due at the same moment fire within it. */
export const BATCH_WINDOW_MS = 15;

type PollMany = NonNullable<JobKindDefinition['pollMany']>;

interface PendingPoll {
  readonly id: string;
  readonly signal: AbortSignal;
  readonly resolve: (snapshot: JobSnapshot | null) => void;
  readonly reject: (error: unknown) => void;
}

export class PollBatcher {
  readonly #ssl: SslCaller;
  readonly #pollMany: PollMany;
  #pending: PendingPoll[] = [];
  #timer: NodeJS.Timeout | undefined;

  constructor(ssl: SslCaller, pollMany: PollMany) {
    this.#ssl = ssl;
    this.#pollMany = pollMany;
  }

  /** One job's fresh snapshot, from a call shared with the other polls of the kind due now. */
  poll(id: string, signal: AbortSignal): Promise<JobSnapshot | null> {
    if (signal.aborted) return Promise.reject(new SslAbortedError({ action: 'job poll' }));
    return new Promise((resolve, reject) => {
      this.#pending.push({ id, signal, resolve, reject });
      this.#timer ??= setTimeout(() => this.#flush(), BATCH_WINDOW_MS);
    });
  }

  #flush(): void {
    this.#timer = undefined;
    const polls = this.#pending.filter((poll) => !poll.signal.aborted);
    for (const poll of this.#pending) {
      if (poll.signal.aborted) poll.reject(new SslAbortedError({ action: 'job poll' }));
    }
    this.#pending = [];
    const ids = [...new Set(polls.map((poll) => poll.id))];
    for (let start = 0; start < ids.length; start += this.#pollMany.maxIds) {
      const chunk = ids.slice(start, start + this.#pollMany.maxIds);
      const chunkIds = new Set(chunk);
      void this.#send(
        chunk,
        polls.filter((poll) => chunkIds.has(poll.id)),
      );
    }
  }

  /** One call for `ids`; it is abandoned only when every poll waiting on it was. */
  async #send(ids: readonly string[], polls: readonly PendingPoll[]): Promise<void> {
    const abandoned = new AbortController();
    let waiting = polls.length;
    const onAbort = (): void => {
      waiting -= 1;
      if (waiting === 0) abandoned.abort();
    };
    for (const poll of polls) poll.signal.addEventListener('abort', onAbort, { once: true });
    try {
      const snapshots = await this.#pollMany.poll(this.#ssl, ids, abandoned.signal);
      const byId = new Map(ids.map((id, index) => [id, snapshots[index] ?? null]));
      for (const poll of polls) poll.resolve(byId.get(poll.id) ?? null);
    } catch (error) {
      for (const poll of polls) poll.reject(error);
    } finally {
      for (const poll of polls) poll.signal.removeEventListener('abort', onAbort);
    }
  }
}
