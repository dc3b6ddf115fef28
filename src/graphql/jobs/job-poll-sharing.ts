import type { SslRateLimiter } from '../../ssl/rate-limiter.ts';
import type { JobKindName, JobSnapshot } from './job-kinds.ts';

/**
 * How the job hub hands a job's polling to a strategy shared with the other replicas of the gateway
 * (src/scale/redis-job-coordinator.ts), and what that strategy gives back.
 */

/** One job as a poll-sharing strategy sees it. */
export interface SharedJob {
  readonly kind: JobKindName;
  readonly id: string;
  /** The kind's polls are batched: schedule them with PollSchedule's `aligned`, so they fall due together. */
  readonly alignedPolls: boolean;
  /** One fresh upstream snapshot (null: no such job); rejects with the error watchers should see. */
  poll(signal: AbortSignal): Promise<JobSnapshot | null>;
  /** The pause this process's watchers ask for between polls. */
  intervalMs(): number;
  /** Calls `listener` whenever `intervalMs()` changed (a watcher came or went); returns what stops that. */
  onIntervalChange(listener: () => void): () => void;
}

/** Where a poll-sharing strategy delivers what it learns, wherever the poll ran. */
export interface JobFeed {
  /**
   * Repeats are fine: unchanged snapshots (equal but for their upstream RequestIds) are not passed on. A
   * finished job's snapshot ends the watch, so only a snapshot that a poll just returned may be passed on as
   * finished, never one kept from an earlier run of the job (retries restart a record under its ID).
   */
  snapshot(snapshot: JobSnapshot | null): void;
  /** A poll failed for a reason that may pass (isRetryablePollError); polling goes on. */
  retrying(error: unknown): void;
  /** A poll failed for good: ends every watch. */
  fail(error: unknown): void;
}

/**
 * Makes one poll of a job serve every replica's watchers. `follow` runs while this process has watchers of the
 * job, feeding them, and returns once `signal` aborts.
 */
export interface JobPollSharing {
  follow(job: SharedJob, feed: JobFeed, signal: AbortSignal): Promise<void>;
  /**
   * The job polls' budget (poll-budget.ts) shared by every replica, so that the cluster's polls together keep
   * to their share of each action's quota; without it each process keeps its own.
   */
  readonly pollRateLimiter?: SslRateLimiter;
}
