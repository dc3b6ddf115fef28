import { randomUUID } from 'node:crypto';
import { createGraphQLError } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import type { JobFeed, JobPollSharing, SharedJob } from '../graphql/jobs/job-hub.ts';
import type { JobSnapshot } from '../graphql/jobs/job-kinds.ts';
import { decodePreservingDates, encodePreservingDates } from './date-preserving-json.ts';
import type { RedisChannels } from './redis-channels.ts';
import { DEFAULT_REDIS_KEY_PREFIX, hashedKeyPart } from './redis-connection.ts';

/**
 * One upstream poll per job across every replica of the gateway.
 *
 * The replica that takes a job's leader lock (SET NX PX, renewed while it leads) polls the upstream and
 * publishes each snapshot on the job's channel, keeping the latest one in a key for replicas that join later;
 * the others subscribe and relay what the leader publishes to their own watchers. When the leader's watchers
 * leave it gives the lock up and says so on the channel, and a follower takes over at once; when a leader dies
 * its lock expires and a follower takes over within 1.5 lock TTLs.
 *
 * Redis failing must not leave watchers without news: a replica that cannot reach Redis polls for its own
 * watchers (more upstream calls, still correct answers).
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
  | { readonly type: 'error'; readonly from: string; readonly message: string; readonly extensions: unknown }
  | { readonly type: 'unexpected-error'; readonly from: string }
  | { readonly type: 'leader-left'; readonly from: string };

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

  constructor(options: RedisJobCoordinatorOptions) {
    options.redis.defineCommand('sslGraphRenewJobLock', { numberOfKeys: 1, lua: RENEW_SCRIPT });
    options.redis.defineCommand('sslGraphReleaseJobLock', { numberOfKeys: 1, lua: RELEASE_SCRIPT });
    this.#redis = options.redis as Redis & JobCoordinatorCommands;
    this.#channels = options.channels;
    this.#scope = hashedKeyPart(options.scope);
    this.#keyPrefix = `${options.keyPrefix ?? DEFAULT_REDIS_KEY_PREFIX}job:`;
    this.#lockTtlMs = options.lockTtlMs ?? DEFAULT_LOCK_TTL_MS;
  }

  async follow(job: SharedJob, feed: JobFeed, signal: AbortSignal): Promise<void> {
    const base = `${this.#keyPrefix}${this.#scope}:${hashedKeyPart(`${job.kind}\n${job.id}`)}`;
    const keys: JobKeys = { channel: `${base}:events`, lock: `${base}:leader`, latest: `${base}:latest` };
    const token = randomUUID();
    let wakeFollower: (() => void) | null = null;
    const onEvent = (message: string): void => {
      const event = parseEvent(message);
      if (event === null || event.from === token || signal.aborted) return;
      if (event.type === 'snapshot') {
        feed.snapshot(decodePreservingDates(event.snapshot) as JobSnapshot | null);
      } else if (event.type === 'error') {
        feed.fail(
          createGraphQLError(event.message, { extensions: event.extensions as Record<string, unknown> }),
        );
      } else if (event.type === 'unexpected-error') {
        // Yoga masks errors that are not GraphQLErrors, as it did on the leader.
        feed.fail(new Error('the job poll failed on another replica'));
      } else {
        wakeFollower?.();
      }
    };

    // Subscribed before anything else, so no event published after the lock attempt can be missed.
    let unsubscribe: () => Promise<void>;
    try {
      unsubscribe = await this.#channels.subscribe(keys.channel, onEvent);
    } catch {
      while (!signal.aborted) await this.#lead(job, feed, keys, token, signal, false);
      return;
    }
    try {
      while (!signal.aborted) {
        const leadership = await this.#tryToLead(keys.lock, token);
        if (leadership !== 'follower') {
          await this.#lead(job, feed, keys, token, signal, leadership === 'leader');
          continue;
        }
        await this.#relayLatest(keys.latest, feed);
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

  async #relayLatest(latestKey: string, feed: JobFeed): Promise<void> {
    let latest: string | null;
    try {
      latest = await this.#redis.get(latestKey);
    } catch {
      return;
    }
    if (latest !== null) feed.snapshot(decodePreservingDates(latest) as JobSnapshot | null);
  }

  /**
   * Polls until this replica's watchers leave, the job finishes or fails, or the lock turns out to be someone
   * else's. Without the lock (Redis unreachable) it polls for its own watchers only.
   */
  async #lead(
    job: SharedJob,
    feed: JobFeed,
    keys: JobKeys,
    token: string,
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
        let snapshot: JobSnapshot | null;
        try {
          snapshot = await job.poll(leading);
        } catch (error) {
          if (leading.aborted) return;
          const relayable = asRelayableError(error);
          await this.#publish(
            keys.channel,
            relayable === null
              ? { type: 'unexpected-error', from: token }
              : { type: 'error', from: token, ...relayable },
          );
          feed.fail(error);
          return;
        }
        if (leading.aborted) return;
        const encoded = encodePreservingDates(snapshot);
        if (holdsLock) {
          try {
            await this.#redis.set(keys.latest, encoded, 'PX', this.#lockTtlMs * 2);
          } catch {
            // Late joiners then wait for the next snapshot instead.
          }
          await this.#publish(keys.channel, { type: 'snapshot', from: token, snapshot: encoded });
        }
        feed.snapshot(snapshot);
        await pause(job.intervalMs(), leading);
        // Without the lock, ask again after each poll: once Redis is back, replicas share the poll again.
        if (!holdsLock) return;
      }
    } finally {
      clearInterval(renewal);
      if (holdsLock && !deposed.signal.aborted) await this.#resign(keys, token);
    }
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
