import { createGraphQLError } from 'graphql-yoga';
import type { SslCaller } from '../../ssl/actions.ts';
import { toGraphQLError } from '../loaders/upstream-errors.ts';
import { findJobKind, isFinishedStatus, type JobKindName, type JobSnapshot } from './job-kinds.ts';

export interface JobPollingOptions {
  /** Pause between two polls of one job when no watcher asks for a shorter one (default 2000 ms). */
  readonly defaultIntervalMs?: number;
  /** The shortest pause a watcher may ask for, protecting the upstream's rate limits (default 500 ms). */
  readonly minIntervalMs?: number;
  /** Shares each job's poll with the other replicas of the gateway; default: this process polls on its own. */
  readonly sharing?: JobPollSharing;
}

/** One job as a poll-sharing strategy sees it. */
export interface SharedJob {
  readonly kind: JobKindName;
  readonly id: string;
  /** One fresh upstream snapshot (null: no such job); rejects with the error watchers should see. */
  poll(signal: AbortSignal): Promise<JobSnapshot | null>;
  /** The pause this process's watchers ask for between polls. */
  intervalMs(): number;
}

/** Where a poll-sharing strategy delivers what it learns, wherever the poll ran. */
export interface JobFeed {
  /**
   * Repeats are fine: unchanged snapshots (equal but for their upstream RequestIds) are not passed on. A
   * finished job's snapshot ends the watch.
   */
  snapshot(snapshot: JobSnapshot | null): void;
  fail(error: unknown): void;
}

/**
 * Makes one poll of a job serve every replica's watchers (src/scale/redis-job-coordinator.ts). `follow` runs
 * while this process has watchers of the job, feeding them, and returns once `signal` aborts.
 */
export interface JobPollSharing {
  follow(job: SharedJob, feed: JobFeed, signal: AbortSignal): Promise<void>;
}

export interface WatchOptions {
  /** The pause this watcher would like between polls; the job is polled at the shortest one asked for. */
  readonly intervalMs?: number | null;
  /** Stops watching (the request or the subscription went away). */
  readonly signal?: AbortSignal;
}

export interface WaitOptions extends WatchOptions {
  /** How long to wait for the job to finish before answering with its latest snapshot. */
  readonly timeoutMs: number;
}

/** What a poller tells each watcher: every changed snapshot, then the end (terminal state) or an error. */
interface Watcher {
  readonly intervalMs: number;
  snapshot(snapshot: JobSnapshot | null): void;
  end(): void;
  fail(error: unknown): void;
}

const DEFAULT_INTERVAL_MS = 2000;
const DEFAULT_MIN_INTERVAL_MS = 500;

/**
 * Polls one job for every watcher of it: one upstream call per interval, however many subscriptions and waits
 * follow the job. Started by the first watcher; stopped when the last one leaves or the job finishes.
 */
class JobPoller {
  readonly #watchers = new Set<Watcher>();
  readonly #controller = new AbortController();
  #latest: { readonly snapshot: JobSnapshot | null; readonly serialized: string } | null = null;

  constructor(
    private readonly ssl: SslCaller,
    private readonly kind: JobKindName,
    private readonly id: string,
    private readonly minIntervalMs: number,
    private readonly onStop: () => void,
    private readonly sharing: JobPollSharing | undefined,
  ) {}

  get stopped(): boolean {
    return this.#controller.signal.aborted;
  }

  add(watcher: Watcher): void {
    this.#watchers.add(watcher);
    // A late watcher starts from what the others already saw instead of waiting for the next change.
    if (this.#latest !== null) watcher.snapshot(this.#latest.snapshot);
  }

  remove(watcher: Watcher): void {
    this.#watchers.delete(watcher);
    if (this.#watchers.size === 0) this.stop();
  }

  stop(): void {
    if (this.stopped) return;
    this.#controller.abort();
    this.onStop();
  }

  async run(): Promise<void> {
    const definition = findJobKind(this.kind);
    if (definition === undefined) {
      this.#failAll(
        createGraphQLError(`Jobs of kind ${this.kind} cannot be followed by this gateway.`, {
          extensions: { code: 'BAD_USER_INPUT', argumentName: 'kind' },
        }),
      );
      return;
    }
    const signal = this.#controller.signal;
    if (this.sharing !== undefined) {
      const job: SharedJob = {
        kind: this.kind,
        id: this.id,
        poll: async (pollSignal) => {
          try {
            return await definition.poll(this.ssl, this.id, pollSignal);
          } catch (error) {
            throw toGraphQLError(error);
          }
        },
        intervalMs: () => this.#intervalMs(),
      };
      const feed: JobFeed = {
        snapshot: (snapshot) => {
          if (!this.stopped) this.#deliver(snapshot);
        },
        fail: (error) => {
          if (!this.stopped) this.#failAll(error);
        },
      };
      try {
        await this.sharing.follow(job, feed, signal);
      } catch (error) {
        if (!this.stopped) this.#failAll(toGraphQLError(error));
      }
      return;
    }
    while (!this.stopped) {
      let snapshot: JobSnapshot | null;
      try {
        snapshot = await definition.poll(this.ssl, this.id, signal);
      } catch (error) {
        if (!this.stopped) this.#failAll(toGraphQLError(error));
        return;
      }
      if (this.stopped) return;
      this.#deliver(snapshot);
      if (this.stopped) return;
      await pause(this.#intervalMs(), signal);
    }
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

  #intervalMs(): number {
    let shortest = Number.POSITIVE_INFINITY;
    for (const watcher of this.#watchers) shortest = Math.min(shortest, watcher.intervalMs);
    return Math.max(this.minIntervalMs, Number.isFinite(shortest) ? shortest : this.minIntervalMs);
  }

  #failAll(error: unknown): void {
    for (const watcher of [...this.#watchers]) watcher.fail(error);
    this.stop();
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

/** Resolves after `ms`, or at once when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

type WatchEvent =
  | { readonly type: 'snapshot'; readonly snapshot: JobSnapshot | null }
  | { readonly type: 'end' }
  | { readonly type: 'error'; readonly error: unknown };

/**
 * The per-gateway hub of job pollers, keyed by (kind, id). One hub serves one SslCaller, i.e. one set of
 * upstream credentials, so the key is in effect (credentials, kind, id): watchers only ever share a poll of
 * the same account's job. Reached by resolvers as `context.jobs`.
 */
export class JobHub {
  readonly #pollers = new Map<string, JobPoller>();
  readonly #defaultIntervalMs: number;
  readonly #minIntervalMs: number;
  readonly #sharing: JobPollSharing | undefined;
  #disposed = false;

  constructor(
    private readonly ssl: SslCaller,
    options: JobPollingOptions = {},
  ) {
    this.#minIntervalMs = options.minIntervalMs ?? DEFAULT_MIN_INTERVAL_MS;
    this.#defaultIntervalMs = Math.max(this.#minIntervalMs, options.defaultIntervalMs ?? DEFAULT_INTERVAL_MS);
    this.#sharing = options.sharing;
  }

  /** How many jobs are being polled right now (for health checks and tests). */
  get activePollCount(): number {
    return this.#pollers.size;
  }

  /** The pause a watcher gets when it asks for none, or for less than the minimum. */
  intervalFor(requestedMs: number | null | undefined): number {
    return Math.max(this.#minIntervalMs, requestedMs ?? this.#defaultIntervalMs);
  }

  /**
   * Follows a job: yields its current snapshot, then each changed one, and ends after the first terminal
   * snapshot (or after yielding null: the job does not exist). Leaving early (`return()`, or `signal`)
   * unsubscribes at once.
   */
  watch(
    kind: JobKindName,
    id: string,
    options: WatchOptions = {},
  ): AsyncIterableIterator<JobSnapshot | null> {
    const queue: WatchEvent[] = [];
    let wake: (() => void) | null = null;
    let closed = false;
    const push = (event: WatchEvent): void => {
      queue.push(event);
      wake?.();
    };
    const watcher: Watcher = {
      intervalMs: this.intervalFor(options.intervalMs),
      snapshot: (snapshot) => push({ type: 'snapshot', snapshot }),
      end: () => push({ type: 'end' }),
      fail: (error) => push({ type: 'error', error }),
    };
    const unsubscribe = this.#subscribe(kind, id, watcher);
    const close = (): void => {
      if (closed) return;
      closed = true;
      unsubscribe();
      options.signal?.removeEventListener('abort', close);
      wake?.();
    };
    options.signal?.addEventListener('abort', close, { once: true });
    if (options.signal?.aborted) close();

    const iterator: AsyncIterableIterator<JobSnapshot | null> = {
      async next() {
        while (!closed && queue.length === 0) {
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = null;
        }
        const event = queue.shift();
        if (closed && event === undefined) return { done: true, value: undefined };
        if (event === undefined || event.type === 'end') {
          close();
          return { done: true, value: undefined };
        }
        if (event.type === 'error') {
          close();
          throw event.error;
        }
        return { done: false, value: event.snapshot };
      },
      async return() {
        close();
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }

  /**
   * Waits until the job is finished, or `timeoutMs` passed, and resolves with its latest snapshot (null: the
   * job does not exist). Shares the poll with every other watcher of the job.
   */
  async waitFor(kind: JobKindName, id: string, options: WaitOptions): Promise<JobSnapshot | null> {
    const stop = new AbortController();
    const onAbort = (): void => stop.abort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => stop.abort(), Math.max(0, options.timeoutMs));
    let latest: { snapshot: JobSnapshot | null } | null = null;
    const snapshots = this.watch(kind, id, { intervalMs: options.intervalMs, signal: options.signal });
    try {
      while (true) {
        // Once time is up, answer with what is known; with nothing known yet, the first snapshot still counts.
        const next = snapshots.next();
        const outcome: IteratorResult<JobSnapshot | null> | null =
          latest === null ? await next : await Promise.race([next, abortion(stop.signal).then(() => null)]);
        if (outcome === null || outcome.done) break;
        latest = { snapshot: outcome.value };
        if (stop.signal.aborted) break;
      }
      if (options.signal?.aborted) throw options.signal.reason;
      return latest?.snapshot ?? null;
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      await snapshots.return?.();
    }
  }

  /** Stops every poller (gateway shutdown); watchers see their streams end. */
  dispose(): void {
    this.#disposed = true;
    for (const poller of [...this.#pollers.values()]) poller.stop();
    this.#pollers.clear();
  }

  #subscribe(kind: JobKindName, id: string, watcher: Watcher): () => void {
    if (this.#disposed) {
      watcher.fail(
        createGraphQLError('The gateway is shutting down.', { extensions: { code: 'UNAVAILABLE' } }),
      );
      return () => undefined;
    }
    const key = `${kind}\u0000${id}`;
    let poller = this.#pollers.get(key);
    const isNew = poller === undefined || poller.stopped;
    if (poller === undefined || poller.stopped) {
      const created: JobPoller = new JobPoller(
        this.ssl,
        kind,
        id,
        this.#minIntervalMs,
        () => {
          if (this.#pollers.get(key) === created) this.#pollers.delete(key);
        },
        this.#sharing,
      );
      this.#pollers.set(key, created);
      poller = created;
    }
    const subscribed = poller;
    subscribed.add(watcher);
    if (isNew) void subscribed.run();
    return () => subscribed.remove(watcher);
  }
}

/** Resolves when `signal` aborts (never rejects: the caller decides what an abort means). */
function abortion(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
