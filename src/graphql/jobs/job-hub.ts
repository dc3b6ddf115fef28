import { createGraphQLError } from 'graphql-yoga';
import type { SslCaller } from '../../ssl/actions.ts';
import type { SslRateLimiter } from '../../ssl/rate-limiter.ts';
import { onAbort } from '../../support/abort-listeners.ts';
import { toGraphQLError } from '../loaders/upstream-errors.ts';
import { findJobKind, type JobKindDefinition, type JobKindName, type JobSnapshot } from './job-kinds.ts';
import type { JobPollSharing } from './job-poll-sharing.ts';
import { JobPoller, type Watcher } from './job-poller.ts';
import { pollIntervalProblem } from './job-wait.ts';
import { PollBatcher } from './poll-batcher.ts';
import { DEFAULT_POLL_QUOTA_SHARE, inProcessPollRateLimiter, PollBudget } from './poll-budget.ts';

export type { JobFeed, JobPollSharing, SharedJob } from './job-poll-sharing.ts';

export interface JobPollingOptions {
  /** Pause between two polls of one job when no watcher asks for a shorter one (default 2000 ms). */
  readonly defaultIntervalMs?: number;
  /** The shortest pause a watcher may ask for, protecting the upstream's rate limits (default 500 ms). */
  readonly minIntervalMs?: number;
  /**
   * The share of each action's upstream quota that job polls may spend, in (0, 1] (default 0.4): the rest is
   * left to interactive requests (poll-budget.ts).
   */
  readonly pollQuotaShare?: number;
  /** Shares each job's poll with the other replicas of the gateway; default: this process polls on its own. */
  readonly sharing?: JobPollSharing;
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

const DEFAULT_INTERVAL_MS = 2000;
const DEFAULT_MIN_INTERVAL_MS = 500;

type WatchEvent =
  | { readonly type: 'snapshot'; readonly snapshot: JobSnapshot | null }
  | { readonly type: 'retrying'; readonly error: unknown }
  | { readonly type: 'end' }
  | { readonly type: 'error'; readonly error: unknown };

/** One watcher's events, in order; `next` resolves null once the watch was closed and nothing is left. */
interface WatchChannel {
  next(): Promise<WatchEvent | null>;
  close(): void;
}

const TIME_UP = Symbol('time up');

/**
 * The per-gateway hub of job pollers, keyed by (kind, id). One hub serves one SslCaller, i.e. one set of
 * upstream credentials, so the key is in effect (credentials, kind, id): watchers only ever share a poll of
 * the same account's job. Polls go through the hub's poll budget (poll-budget.ts), and those of kinds whose
 * reader takes a list of IDs are batched per kind (poll-batcher.ts). Reached by resolvers as `context.jobs`.
 */
export class JobHub {
  readonly #pollers = new Map<string, JobPoller>();
  readonly #batchers = new Map<JobKindName, PollBatcher>();
  readonly #defaultIntervalMs: number;
  readonly #minIntervalMs: number;
  readonly #sharing: JobPollSharing | undefined;
  /** What polls call: the SslCaller, through the poll budget. */
  readonly #pollCaller: SslCaller;
  /** The budget's limiter when this hub made it (and so disposes it). */
  readonly #ownPollRateLimiter: SslRateLimiter | undefined;
  /** Set by `dispose`: what every watch then ends with. */
  #shutdown: Error | null = null;

  constructor(ssl: SslCaller, options: JobPollingOptions = {}) {
    this.#minIntervalMs = options.minIntervalMs ?? DEFAULT_MIN_INTERVAL_MS;
    this.#defaultIntervalMs = Math.max(this.#minIntervalMs, options.defaultIntervalMs ?? DEFAULT_INTERVAL_MS);
    this.#sharing = options.sharing;
    const sharedLimiter = options.sharing?.pollRateLimiter;
    const limiter = sharedLimiter ?? inProcessPollRateLimiter();
    this.#ownPollRateLimiter = sharedLimiter === undefined ? limiter : undefined;
    this.#pollCaller = new PollBudget(ssl, limiter, options.pollQuotaShare ?? DEFAULT_POLL_QUOTA_SHARE);
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
   * snapshot (or after yielding null: the job does not exist). Polls that fail for a reason that may pass are
   * retried without ending the watch; it throws when polling fails for good, or when the gateway shuts down.
   * Leaving early (`return()`, or `signal`) unsubscribes at once.
   */
  watch(
    kind: JobKindName,
    id: string,
    options: WatchOptions = {},
  ): AsyncIterableIterator<JobSnapshot | null> {
    const channel = this.#open(kind, id, options);
    const iterator: AsyncIterableIterator<JobSnapshot | null> = {
      async next() {
        for (;;) {
          const event = await channel.next();
          if (event === null || event.type === 'end') {
            channel.close();
            return { done: true, value: undefined };
          }
          if (event.type === 'error') {
            channel.close();
            throw event.error;
          }
          if (event.type === 'snapshot') return { done: false, value: event.snapshot };
          // A failed poll that is being retried: the stream goes on with the next snapshot.
        }
      },
      async return() {
        channel.close();
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
   * job does not exist). Shares the poll with every other watcher of the job. With no snapshot yet when the
   * time is up, the first poll's answer still counts; if polls have only failed (for reasons that may pass),
   * it rejects with the last failure. The gateway shutting down answers at once with what is known.
   */
  async waitFor(kind: JobKindName, id: string, options: WaitOptions): Promise<JobSnapshot | null> {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), Math.max(0, options.timeoutMs));
    // One listener for the whole wait, however many snapshots it sees.
    const timeUp = abortion(deadline.signal).then((): typeof TIME_UP => TIME_UP);
    const channel = this.#open(kind, id, { intervalMs: options.intervalMs, signal: options.signal });
    let latest: { readonly snapshot: JobSnapshot | null } | null = null;
    let failure: { readonly error: unknown } | null = null;
    try {
      while (true) {
        const next = channel.next();
        // Nothing to answer with yet: the time being up does not end the wait.
        const event: WatchEvent | null | typeof TIME_UP =
          latest === null && failure === null ? await next : await Promise.race([next, timeUp]);
        if (event === TIME_UP || event === null || event.type === 'end') break;
        if (event.type === 'error') {
          if (event.error === this.#shutdown && latest !== null) break;
          throw event.error;
        }
        if (event.type === 'retrying') failure = { error: event.error };
        else latest = { snapshot: event.snapshot };
        if (deadline.signal.aborted) break;
      }
      if (options.signal?.aborted) throw options.signal.reason;
      if (latest !== null) return latest.snapshot;
      if (failure !== null) throw failure.error;
      return null;
    } finally {
      clearTimeout(timer);
      deadline.abort();
      channel.close();
    }
  }

  /**
   * Stops every poller (gateway shutdown): each subscription's stream ends with an UNAVAILABLE error telling
   * the client to reconnect, and each wait answers with what it knows; later watches are refused the same way.
   */
  dispose(): void {
    if (this.#shutdown !== null) return;
    this.#shutdown = createGraphQLError('The gateway is shutting down; reconnect to follow the job.', {
      extensions: { code: 'UNAVAILABLE', retryable: true },
    });
    for (const poller of [...this.#pollers.values()]) poller.failAll(this.#shutdown);
    this.#pollers.clear();
    this.#ownPollRateLimiter?.dispose();
  }

  #open(kind: JobKindName, id: string, options: WatchOptions): WatchChannel {
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
      retrying: (error) => push({ type: 'retrying', error }),
      end: () => push({ type: 'end' }),
      fail: (error) => push({ type: 'error', error }),
    };
    const unsubscribe = this.#subscribe(kind, id, watcher, options.intervalMs);
    let stopListening: () => void = () => undefined;
    const close = (): void => {
      if (closed) return;
      closed = true;
      unsubscribe();
      stopListening();
      wake?.();
    };
    if (options.signal !== undefined) stopListening = onAbort(options.signal, close);
    return {
      async next() {
        while (!closed && queue.length === 0) {
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = null;
        }
        return queue.shift() ?? null;
      },
      close,
    };
  }

  #subscribe(
    kind: JobKindName,
    id: string,
    watcher: Watcher,
    requestedIntervalMs: number | null | undefined,
  ): () => void {
    const refusal = this.#refusal(kind, requestedIntervalMs);
    if (refusal !== null) {
      watcher.fail(refusal);
      return () => undefined;
    }
    const definition = findJobKind(kind);
    if (definition === undefined) return () => undefined;
    const key = `${kind}\u0000${id}`;
    let poller = this.#pollers.get(key);
    const isNew = poller === undefined || poller.stopped;
    if (poller === undefined || poller.stopped) {
      const created: JobPoller = new JobPoller({
        kind,
        id,
        poll: (signal) => this.#poll(definition, id, signal),
        minIntervalMs: this.#minIntervalMs,
        alignedPolls: definition.pollMany !== undefined,
        sharing: this.#sharing,
        onStop: () => {
          if (this.#pollers.get(key) === created) this.#pollers.delete(key);
        },
      });
      this.#pollers.set(key, created);
      poller = created;
    }
    const subscribed = poller;
    subscribed.add(watcher);
    if (isNew) void subscribed.run();
    return () => subscribed.remove(watcher);
  }

  /** Why a watch cannot start (the gateway shutting down, a kind or interval it cannot follow); null if it can. */
  #refusal(kind: JobKindName, requestedIntervalMs: number | null | undefined): Error | null {
    if (this.#shutdown !== null) return this.#shutdown;
    if (findJobKind(kind) === undefined) {
      return createGraphQLError(`Jobs of kind ${kind} cannot be followed by this gateway.`, {
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'kind' },
      });
    }
    const problem = pollIntervalProblem(requestedIntervalMs, 'pollIntervalMs');
    return problem === null
      ? null
      : createGraphQLError(problem, {
          extensions: { code: 'BAD_USER_INPUT', argumentName: 'pollIntervalMs' },
        });
  }

  /** One poll of one job: batched with the kind's other polls due now when the kind allows it. */
  async #poll(definition: JobKindDefinition, id: string, signal: AbortSignal): Promise<JobSnapshot | null> {
    try {
      const pollMany = definition.pollMany;
      if (pollMany === undefined) return await definition.poll(this.#pollCaller, id, signal);
      let batcher = this.#batchers.get(definition.kind);
      if (batcher === undefined) {
        batcher = new PollBatcher(this.#pollCaller, pollMany);
        this.#batchers.set(definition.kind, batcher);
      }
      return await batcher.poll(id, signal);
    } catch (error) {
      throw toGraphQLError(error);
    }
  }
}

/** Resolves when `signal` aborts (never rejects: the caller decides what an abort means). */
function abortion(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
