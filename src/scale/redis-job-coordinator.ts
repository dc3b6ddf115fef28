import { randomUUID } from 'node:crypto';
import { createGraphQLError } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import { isFinishedStatus, type JobSnapshot } from '../graphql/jobs/job-kinds.ts';
import type { JobFeed, JobPollSharing, SharedJob } from '../graphql/jobs/job-poll-sharing.ts';
import { isRetryablePollError, PollSchedule } from '../graphql/jobs/poll-schedule.ts';
import type { SslRateLimiter } from '../ssl/rate-limiter.ts';
import { decodePreservingDates, encodePreservingDates } from './date-preserving-json.ts';
import type { RedisChannels } from './redis-channels.ts';
import { DEFAULT_REDIS_KEY_PREFIX, hashedKeyPart } from './redis-connection.ts';
import { RedisPollBudgetLimiter } from './redis-poll-budget.ts';

/**
 * One upstream poll per job across every replica of the gateway.
 *
 * The replica that takes a job's leader lock (SET NX PX, renewed while it leads) polls the upstream and
 * publishes each snapshot on the job's channel, keeping the latest unfinished one in a key for replicas that
 * join later; the others subscribe and relay what the leader publishes to their own watchers. When the leader's
 * watchers leave it gives the lock up and says so on the channel, and a follower takes over at once; when a
 * leader dies its lock expires and a follower takes over within 1.5 lock TTLs.
 *
 * The leader polls at the shortest interval any replica's watchers ask for: followers announce theirs on the
 * channel when they start following, when it changes and every half lock TTL; the leader forgets an
 * announcement a lock TTL after it heard it last (or when the follower says it left).
 *
 * Only a poll that just ran may end a watch: a retry restarts a record under the same ID, so a finished
 * snapshot kept from the job's previous run must not be taken for the current run's end. The leader keeps no
 * finished snapshot, and a joining replica relays a kept one only if it is unfinished.
 *
 * Polls that fail for a reason that may pass (rate limits, Redis or the upstream away) are retried with backoff
 * (PollSchedule) and every replica's watches go on; only a failure that will not pass ends them.
 *
 * Redis failing must not leave watchers without news: a replica that cannot reach Redis polls for its own
 * watchers (more upstream calls, still correct answers; with the shared rate limiter closed, they fail as
 * RATE_LIMITER_UNAVAILABLE and are retried until Redis is back).
 */

export interface RedisJobCoordinatorOptions {
  /** Commands (locks, the latest snapshot, PUBLISH). */
  readonly redis: Redis;
  /** Channel subscriptions, shared by every job this replica follows. */
  readonly channels: RedisChannels;
  /**
   * Whose jobs these are (the upstream secretId): replicas only share polls of the same account's jobs. Only
   * its hash reaches Redis.
   */
  readonly scope: string;
  /** Default `ssl-graph:`. */
  readonly keyPrefix?: string;
  /** How long a silent leader keeps the lock (default 10 000 ms); it renews at a third of that. */
  readonly lockTtlMs?: number;
}

type JobEvent =
  | { readonly type: 'snapshot'; readonly from: string; readonly snapshot: string }
  /** The leader's poll failed for a reason that may pass; it goes on polling. */
  | {
      readonly type: 'retrying';
      readonly from: string;
      readonly message: string;
      readonly extensions: unknown;
    }
  /** The leader's poll failed for good: every watch ends. */
  | { readonly type: 'error'; readonly from: string; readonly message: string; readonly extensions: unknown }
  | { readonly type: 'unexpected-error'; readonly from: string }
  | { readonly type: 'leader-left'; readonly from: string }
  /** A follower's watchers ask for polls this often. */
  | { readonly type: 'interval'; readonly from: string; readonly intervalMs: number }
  /** A follower has no watchers of the job any more. */
  | { readonly type: 'interval-withdrawn'; readonly from: string };

interface JobKeys {
  readonly channel: string;
  readonly lock: string;
  readonly latest: string;
}

const RENEW_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`;

const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

interface JobCoordinatorCommands {
  sslGraphRenewJobLock(lock: string, token: string, ttlMs: string): Promise<number>;
  sslGraphReleaseJobLock(lock: string, token: string): Promise<number>;
}

const DEFAULT_LOCK_TTL_MS = 10_000;

/** What a GraphQL error the leader saw looks like on the wire; anything else is relayed as unexpected. */
function asRelayableError(error: unknown): { message: string; extensions: unknown } | null {
  if (error instanceof Error && error.name === 'GraphQLError' && 'extensions' in error) {
    return { message: error.message, extensions: error.extensions };
  }
  return null;
}

function parseEvent(message: string): JobEvent | null {
  try {
    const event: unknown = JSON.parse(message);
    if (typeof event === 'object' && event !== null && 'type' in event && 'from' in event)
      return event as JobEvent;
  } catch {
    // Not one of ours.
  }
  return null;
}

export class RedisJobCoordinator implements JobPollSharing {
  readonly #redis: Redis & JobCoordinatorCommands;
  readonly #channels: RedisChannels;
  readonly #scope: string;
  readonly #keyPrefix: string;
  readonly #lockTtlMs: number;
  readonly pollRateLimiter: SslRateLimiter;

  constructor(options: RedisJobCoordinatorOptions) {
    options.redis.defineCommand('sslGraphRenewJobLock', { numberOfKeys: 1, lua: RENEW_SCRIPT });
    options.redis.defineCommand('sslGraphReleaseJobLock', { numberOfKeys: 1, lua: RELEASE_SCRIPT });
    this.#redis = options.redis as Redis & JobCoordinatorCommands;
    this.#channels = options.channels;
    this.#scope = hashedKeyPart(options.scope);
    const keyPrefix = options.keyPrefix ?? DEFAULT_REDIS_KEY_PREFIX;
    this.#keyPrefix = `${keyPrefix}job:`;
    this.#lockTtlMs = options.lockTtlMs ?? DEFAULT_LOCK_TTL_MS;
    this.pollRateLimiter = new RedisPollBudgetLimiter(options.redis, {
      keyPrefix: `${keyPrefix}job-polls:`,
      scope: this.#scope,
    });
  }

  async follow(job: SharedJob, feed: JobFeed, signal: AbortSignal): Promise<void> {
    const base = `${this.#keyPrefix}${this.#scope}:${hashedKeyPart(`${job.kind}\n${job.id}`)}`;
    const keys: JobKeys = { channel: `${base}:events`, lock: `${base}:leader`, latest: `${base}:latest` };
    const token = randomUUID();
    const followersIntervals = new AnnouncedIntervals(this.#lockTtlMs);
    // Read whenever a pause starts, so the leader always polls at the shortest interval any replica asks for.
    const schedule = new PollSchedule({
      intervalMs: () => Math.min(job.intervalMs(), followersIntervals.shortest()),
      aligned: job.alignedPolls,
    });
    let following = false;
    let announced = false;
    const announceInterval = async (): Promise<void> => {
      announced = true;
      await this.#publish(keys.channel, { type: 'interval', from: token, intervalMs: job.intervalMs() });
    };
    let wakeFollower: (() => void) | null = null;
    const onEvent = (message: string): void => {
      const event = parseEvent(message);
      if (event === null || event.from === token || signal.aborted) return;
      switch (event.type) {
        case 'snapshot':
          feed.snapshot(decodePreservingDates(event.snapshot) as JobSnapshot | null);
          return;
        case 'retrying':
          feed.retrying(
            createGraphQLError(event.message, { extensions: event.extensions as Record<string, unknown> }),
          );
          return;
        case 'error':
          feed.fail(
            createGraphQLError(event.message, { extensions: event.extensions as Record<string, unknown> }),
          );
          return;
        case 'unexpected-error':
          // Yoga masks errors that are not GraphQLErrors, as it did on the leader.
          feed.fail(new Error('the job poll failed on another replica'));
          return;
        case 'interval':
          followersIntervals.heard(event.from, event.intervalMs);
          schedule.reconsider();
          return;
        case 'interval-withdrawn':
          followersIntervals.forget(event.from);
          schedule.reconsider();
          return;
        case 'leader-left':
          wakeFollower?.();
          return;
      }
    };
    const stopWatchingInterval = job.onIntervalChange(() => {
      schedule.reconsider();
      if (following) void announceInterval();
    });

    // Subscribed before anything else, so no event published after the lock attempt can be missed.
    let unsubscribe: () => Promise<void>;
    try {
      unsubscribe = await this.#channels.subscribe(keys.channel, onEvent);
    } catch {
      try {
        while (!signal.aborted) await this.#lead(job, feed, keys, token, schedule, signal, false);
      } finally {
        stopWatchingInterval();
      }
      return;
    }
    try {
      while (!signal.aborted) {
        const leadership = await this.#tryToLead(keys.lock, token);
        if (leadership !== 'follower') {
          following = false;
          await this.#lead(job, feed, keys, token, schedule, signal, leadership === 'leader');
          continue;
        }
        following = true;
        await this.#relayLatest(keys.latest, feed);
        // Again after every lock attempt: a new leader learns what this replica wants, and the leader's memory
        // of it is refreshed before it lapses.
        await announceInterval();
        // Wait for the leader to leave (or its lock to lapse), then try to take over.
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, this.#lockTtlMs / 2);
          signal.addEventListener('abort', done, { once: true });
          wakeFollower = done;
          function done(): void {
            clearTimeout(timer);
            signal.removeEventListener('abort', done);
            resolve();
          }
        });
        wakeFollower = null;
      }
    } finally {
      stopWatchingInterval();
      if (announced) await this.#publish(keys.channel, { type: 'interval-withdrawn', from: token });
      await unsubscribe();
    }
  }

  async #tryToLead(lock: string, token: string): Promise<'leader' | 'follower' | 'unsynchronised'> {
    try {
      const taken = await this.#redis.set(lock, token, 'PX', this.#lockTtlMs, 'NX');
      return taken === 'OK' ? 'leader' : 'follower';
    } catch {
      return 'unsynchronised';
    }
  }

  /** Starts a joining follower from the leader's latest snapshot, unless that one is of a finished job. */
  async #relayLatest(latestKey: string, feed: JobFeed): Promise<void> {
    let latest: string | null;
    try {
      latest = await this.#redis.get(latestKey);
    } catch {
      return;
    }
    if (latest === null) return;
    const snapshot = decodePreservingDates(latest) as JobSnapshot | null;
    // Only a live poll may end a watch: a finished snapshot kept here may be from the job's previous run.
    if (snapshot !== null && !isFinishedStatus(snapshot.state.status)) feed.snapshot(snapshot);
  }

  /**
   * Polls until this replica's watchers leave, the job finishes or fails for good, or the lock turns out to be
   * someone else's. Without the lock (Redis unreachable) it polls once for its own watchers, when due.
   */
  async #lead(
    job: SharedJob,
    feed: JobFeed,
    keys: JobKeys,
    token: string,
    schedule: PollSchedule,
    signal: AbortSignal,
    holdsLock: boolean,
  ): Promise<void> {
    const deposed = new AbortController();
    const leading = AbortSignal.any([signal, deposed.signal]);
    const renewal = holdsLock
      ? setInterval(() => {
          this.#redis.sslGraphRenewJobLock(keys.lock, token, String(this.#lockTtlMs)).then(
            (renewed) => {
              if (renewed === 0) deposed.abort();
            },
            () => undefined,
          );
        }, this.#lockTtlMs / 3)
      : undefined;
    try {
      while (!leading.aborted) {
        await schedule.untilDue(leading);
        if (leading.aborted) return;
        let snapshot: JobSnapshot | null;
        try {
          snapshot = await job.poll(leading);
        } catch (error) {
          if (leading.aborted) return;
          const relayable = asRelayableError(error);
          if (!isRetryablePollError(error)) {
            await this.#publish(
              keys.channel,
              relayable === null
                ? { type: 'unexpected-error', from: token }
                : { type: 'error', from: token, ...relayable },
            );
            feed.fail(error);
            return;
          }
          schedule.failed();
          if (holdsLock && relayable !== null) {
            await this.#publish(keys.channel, { type: 'retrying', from: token, ...relayable });
          }
          feed.retrying(error);
          // Without the lock, ask again after each poll: once Redis is back, replicas share the poll again.
          if (!holdsLock) return;
          continue;
        }
        if (leading.aborted) return;
        schedule.succeeded();
        if (holdsLock) await this.#share(keys, token, snapshot);
        feed.snapshot(snapshot);
        if (!holdsLock) return;
      }
    } finally {
      clearInterval(renewal);
      if (holdsLock && !deposed.signal.aborted) await this.#resign(keys, token);
    }
  }

  /** Publishes a snapshot the leader polled, and keeps it for replicas joining later while the job runs. */
  async #share(keys: JobKeys, token: string, snapshot: JobSnapshot | null): Promise<void> {
    const encoded = encodePreservingDates(snapshot);
    try {
      // A finished job's snapshot is not kept: a retry may restart the job under its ID within the key's TTL.
      if (snapshot === null || isFinishedStatus(snapshot.state.status)) await this.#redis.del(keys.latest);
      else await this.#redis.set(keys.latest, encoded, 'PX', this.#lockTtlMs * 2);
    } catch {
      // Late joiners then wait for the next snapshot instead.
    }
    await this.#publish(keys.channel, { type: 'snapshot', from: token, snapshot: encoded });
  }

  async #resign(keys: JobKeys, token: string): Promise<void> {
    try {
      await this.#redis.sslGraphReleaseJobLock(keys.lock, token);
    } catch {
      // The lock lapses on its own; followers take over after its TTL.
      return;
    }
    await this.#publish(keys.channel, { type: 'leader-left', from: token });
  }

  async #publish(channel: string, event: JobEvent): Promise<void> {
    try {
      await this.#redis.publish(channel, JSON.stringify(event));
    } catch {
      // Followers see the lock lapse and poll themselves.
    }
  }
}

/** The poll intervals followers announced, each remembered for one lock TTL after it was last heard. */
class AnnouncedIntervals {
  readonly #ttlMs: number;
  readonly #byFollower = new Map<string, { readonly intervalMs: number; readonly until: number }>();

  constructor(ttlMs: number) {
    this.#ttlMs = ttlMs;
  }

  heard(follower: string, intervalMs: number): void {
    if (Number.isFinite(intervalMs) && intervalMs > 0) {
      this.#byFollower.set(follower, { intervalMs, until: performance.now() + this.#ttlMs });
    }
  }

  forget(follower: string): void {
    this.#byFollower.delete(follower);
  }

  /** The shortest interval still remembered; Infinity when none is. */
  shortest(): number {
    const now = performance.now();
    let shortest = Number.POSITIVE_INFINITY;
    for (const [follower, announced] of this.#byFollower) {
      if (announced.until < now) this.#byFollower.delete(follower);
      else shortest = Math.min(shortest, announced.intervalMs);
    }
    return shortest;
  }
}
