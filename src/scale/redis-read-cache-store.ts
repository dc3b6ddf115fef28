import type { Redis } from 'ioredis';
import type { ReadCacheLookup, ReadCacheStore } from '../ssl/read-cache.ts';
import { DEFAULT_REDIS_KEY_PREFIX, describeRedisFailure, hashedKeyPart } from './redis-connection.ts';

/**
 * The read cache's answers kept in Redis, so every replica serves what any replica fetched, and a mutation on
 * any replica invalidates them all.
 *
 * Invalidation is a per-identity generation counter: a mutation increments it, and an entry only counts while
 * it carries the current generation (older ones expire on their own TTL). A save checks the generation in the
 * same script that writes, so a read that was in flight on one replica while another replica mutated is never
 * stored. Identities and request parameters appear in keys only hashed.
 *
 * Redis being unreachable degrades to "no cache": lookups miss, saves and invalidations are skipped (answers
 * are then at most one TTL stale, which is the cache's promise anyway), and `onError` hears about it.
 */

/** Saves only while the identity's generation is still the one the lookup saw. */
const SAVE_SCRIPT = `
local current = redis.call('GET', KEYS[1]) or '0'
if current ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
return 1
`;

/**
 * Generation keys outlive every entry written under them (the TTL is capped at minutes); when one expires the
 * count restarts at 0, and no entry of the old 0 can still exist by then.
 */
const GENERATION_TTL_MS = 24 * 60 * 60 * 1000;

interface ReadCacheCommands {
  sslGraphSaveIfCurrent(
    generationKey: string,
    entryKey: string,
    generation: string,
    value: string,
    ttlMs: string,
  ): Promise<number>;
}

interface StoredEntry {
  readonly generation: number;
  readonly response: unknown;
}

export interface RedisReadCacheStoreOptions {
  /** Default `ssl-graph:`; replicas sharing a cache must share it. */
  readonly keyPrefix?: string;
  /** Told about each failed Redis command (the message carries no URL). */
  readonly onError?: (operation: 'lookup' | 'save' | 'invalidate', reason: string) => void;
}

function isStoredEntry(value: unknown): value is StoredEntry {
  return (
    typeof value === 'object' &&
    value !== null &&
    'generation' in value &&
    typeof value.generation === 'number' &&
    'response' in value
  );
}

/** Null for anything this store did not write (a key clash in a shared Redis): a miss, never an error. */
function parseEntry(text: string): StoredEntry | null {
  try {
    const entry: unknown = JSON.parse(text);
    return isStoredEntry(entry) ? entry : null;
  } catch {
    return null;
  }
}

export class RedisReadCacheStore implements ReadCacheStore {
  readonly #redis: Redis & ReadCacheCommands;
  readonly #keyPrefix: string;
  readonly #onError: RedisReadCacheStoreOptions['onError'];

  constructor(redis: Redis, options: RedisReadCacheStoreOptions = {}) {
    redis.defineCommand('sslGraphSaveIfCurrent', { numberOfKeys: 2, lua: SAVE_SCRIPT });
    this.#redis = redis as Redis & ReadCacheCommands;
    this.#keyPrefix = `${options.keyPrefix ?? DEFAULT_REDIS_KEY_PREFIX}cache:`;
    this.#onError = options.onError;
  }

  async lookup(identity: string, entryKey: string): Promise<ReadCacheLookup> {
    const identityPart = hashedKeyPart(identity);
    let values: Array<string | null>;
    try {
      values = await this.#redis.mget(
        this.#generationKey(identityPart),
        this.#entryKey(identityPart, entryKey),
      );
    } catch (error) {
      this.#report('lookup', error);
      return { found: false, generation: null };
    }
    const [generationText, entryText] = values;
    const generation = Number(generationText ?? '0');
    if (typeof entryText === 'string') {
      const entry = parseEntry(entryText);
      if (entry !== null && entry.generation === generation) return { found: true, response: entry.response };
    }
    return { found: false, generation };
  }

  async save(
    identity: string,
    entryKey: string,
    generation: number,
    response: unknown,
    ttlMs: number,
  ): Promise<void> {
    const identityPart = hashedKeyPart(identity);
    const value = JSON.stringify({ generation, response } satisfies StoredEntry);
    try {
      await this.#redis.sslGraphSaveIfCurrent(
        this.#generationKey(identityPart),
        this.#entryKey(identityPart, entryKey),
        String(generation),
        value,
        String(Math.max(1, Math.ceil(ttlMs))),
      );
    } catch (error) {
      this.#report('save', error);
    }
  }

  async invalidate(identity: string): Promise<void> {
    const generationKey = this.#generationKey(hashedKeyPart(identity));
    try {
      await this.#redis.multi().incr(generationKey).pexpire(generationKey, GENERATION_TTL_MS).exec();
    } catch (error) {
      this.#report('invalidate', error);
    }
  }

  #generationKey(identityPart: string): string {
    return `${this.#keyPrefix}generation:${identityPart}`;
  }

  #entryKey(identityPart: string, entryKey: string): string {
    return `${this.#keyPrefix}entry:${identityPart}:${hashedKeyPart(entryKey)}`;
  }

  #report(operation: 'lookup' | 'save' | 'invalidate', error: unknown): void {
    try {
      this.#onError?.(operation, describeRedisFailure(error));
    } catch {
      // A faulty observer must not fail the call.
    }
  }
}
