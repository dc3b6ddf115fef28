import { isFinishedStatus, type JobKindName, type JobSnapshot } from './job-kinds.ts';
import type { JobFeed, JobPollSharing, SharedJob } from './job-poll-sharing.ts';
import { isRetryablePollError, PollSchedule } from './poll-schedule.ts';

/** What a poller tells each watcher: every changed snapshot, then the end (terminal state) or an error. */
export interface Watcher {
  readonly intervalMs: number;
  snapshot(snapshot: JobSnapshot | null): void;
  /** A poll failed for a reason that may pass; polling goes on. */
  retrying(error: unknown): void;
  end(): void;
  fail(error: unknown): void;
}

export interface JobPollerOptions {
  readonly kind: JobKindName;
  readonly id: string;
  /** One fresh snapshot (null: no such job); rejects with the error watchers should see. */
  readonly poll: (signal: AbortSignal) => Promise<JobSnapshot | null>;
  /** The shortest pause a watcher may ask for. */
  readonly minIntervalMs: number;
  /** The kind's polls are batched: they fall due on the interval's grid (PollSchedule `aligned`). */
  readonly alignedPolls: boolean;
  /** Shares the poll with the other replicas; without it this process polls on its own. */
  readonly sharing: JobPollSharing | undefined;
  /** Called once, when the poller stops (its last watcher left, the job finished, or polling failed). */
  readonly onStop: () => void;
}

/**
 * Polls one job for every watcher of it: one upstream call per interval, however many subscriptions and waits
 * follow the job, at the shortest interval any of them asks for (a watcher asking for a shorter one than the
 * others cuts the pause in progress short). Started by the first watcher; stopped when the last one leaves,
 * the job finishes, or a poll fails for a reason that will not pass. Failures that may pass (rate limits, an
 * unavailable upstream or Redis) are retried with backoff while the watches go on.
 */
export class JobPoller {
  readonly #options: JobPollerOptions;
  readonly #watchers = new Set<Watcher>();
  readonly #controller = new AbortController();
  readonly #intervalListeners = new Set<() => void>();
  readonly #schedule: PollSchedule;
  #latest: { readonly snapshot: JobSnapshot | null; readonly serialized: string } | null = null;

  constructor(options: JobPollerOptions) {
    this.#options = options;
    this.#schedule = new PollSchedule({
      intervalMs: () => this.intervalMs(),
      aligned: options.alignedPolls,
    });
  }

  get stopped(): boolean {
    return this.#controller.signal.aborted;
  }

  add(watcher: Watcher): void {
    const intervalBefore = this.intervalMs();
    this.#watchers.add(watcher);
    // A late watcher starts from what the others already saw instead of waiting for the next change.
    if (this.#latest !== null) watcher.snapshot(this.#latest.snapshot);
    if (this.intervalMs() !== intervalBefore) this.#intervalChanged();
  }

  remove(watcher: Watcher): void {
    const intervalBefore = this.intervalMs();
    this.#watchers.delete(watcher);
    if (this.#watchers.size === 0) this.stop();
    else if (this.intervalMs() !== intervalBefore) this.#intervalChanged();
  }

  stop(): void {
    if (this.stopped) return;
    this.#controller.abort();
    this.#options.onStop();
  }

  /** Ends every watch with `error` and stops (the gateway shutting down). */
  failAll(error: unknown): void {
    for (const watcher of [...this.#watchers]) watcher.fail(error);
    this.stop();
  }

  /** The pause the watchers ask for between polls: the shortest one. */
  intervalMs(): number {
    let shortest = Number.POSITIVE_INFINITY;
    for (const watcher of this.#watchers) shortest = Math.min(shortest, watcher.intervalMs);
    return Math.max(this.#options.minIntervalMs, Number.isFinite(shortest) ? shortest : 0);
  }

  async run(): Promise<void> {
    const signal = this.#controller.signal;
    const sharing = this.#options.sharing;
    if (sharing !== undefined) {
      try {
        await sharing.follow(this.#sharedJob(), this.#feed(), signal);
      } catch (error) {
        if (!this.stopped) this.failAll(error);
      }
      return;
    }
    while (!this.stopped) {
      await this.#schedule.untilDue(signal);
      if (this.stopped) return;
      let snapshot: JobSnapshot | null;
      try {
        snapshot = await this.#options.poll(signal);
      } catch (error) {
        if (this.stopped) return;
        if (!isRetryablePollError(error)) return this.failAll(error);
        this.#schedule.failed();
        this.#retrying(error);
        continue;
      }
      if (this.stopped) return;
      this.#schedule.succeeded();
      this.#deliver(snapshot);
    }
  }

  #sharedJob(): SharedJob {
    return {
      kind: this.#options.kind,
      id: this.#options.id,
      alignedPolls: this.#options.alignedPolls,
      poll: this.#options.poll,
      intervalMs: () => this.intervalMs(),
      onIntervalChange: (listener) => {
        this.#intervalListeners.add(listener);
        return () => this.#intervalListeners.delete(listener);
      },
    };
  }

  #feed(): JobFeed {
    return {
      snapshot: (snapshot) => {
        if (!this.stopped) this.#deliver(snapshot);
      },
      retrying: (error) => {
        if (!this.stopped) this.#retrying(error);
      },
      fail: (error) => {
        if (!this.stopped) this.failAll(error);
      },
    };
  }

  #intervalChanged(): void {
    this.#schedule.reconsider();
    for (const listener of [...this.#intervalListeners]) listener();
  }

  /** Passes a changed snapshot on; a finished job's (or null: no such job) ends every watch. */
  #deliver(snapshot: JobSnapshot | null): void {
    const serialized = contentOf(snapshot);
    if (this.#latest?.serialized !== serialized) {
      this.#latest = { snapshot, serialized };
      for (const watcher of [...this.#watchers]) watcher.snapshot(snapshot);
    }
    if (snapshot === null || isFinishedStatus(snapshot.state.status)) {
      for (const watcher of [...this.#watchers]) watcher.end();
      this.stop();
    }
  }

  #retrying(error: unknown): void {
    for (const watcher of [...this.#watchers]) watcher.retrying(error);
  }
}

/**
 * What tells two snapshots of a job apart: everything they hold but the `RequestId`s. Every SSL API response
 * carries a fresh RequestId, which identifies the call and says nothing about the job; a snapshot holding a raw
 * response (a deploy record's holds its first detail block) would otherwise differ on every poll, and every
 * watcher would be sent each poll instead of each change. Left out at any depth, so no kind's snapshot can
 * bring it in.
 */
function contentOf(snapshot: JobSnapshot | null): string {
  return JSON.stringify(snapshot, (key, value: unknown) => (key === 'RequestId' ? undefined : value));
}
