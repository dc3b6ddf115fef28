import {
  isMutatingAction,
  type SslActionName,
  type SslCaller,
  type SslCallOptions,
  type SslRequest,
  type SslResponse,
} from './actions.ts';
import { canonicalJson } from './coalescer.ts';

/**
 * Reads this cache never holds, whatever the TTL:
 * - answers carrying secrets (private keys, the key password in an order's submitted data, download links, package
 *   transfer codes), which must not outlive the request that was authorised to see them, nor reach a shared store;
 * - calls that start work upstream although the spec files them as reads;
 * - answers whose point is to show progress (task results, deployment and update details, domain checks): job
 *   pollers and people re-asking expect each answer to be fresh.
 * Instance lists are kept, except the calls with AsyncCache=1 (see concernsBackgroundRefresh) and answers that show
 * a background refresh still running (see reportsRefreshUnderway).
 */
export const UNCACHEABLE_READS: ReadonlySet<SslActionName> = new Set<SslActionName>([
  'DescribeCertificate',
  'DescribeCertificateDetail',
  'DownloadCertificate',
  'DescribeDownloadCertificateUrl',
  'DescribePackages',
  'CreateCertificateBindResourceSyncTask',
  'DescribeCertificateBindResourceTaskDetail',
  'DescribeCertificateBindResourceTaskResult',
  'DescribeDeleteCertificatesTaskResult',
  'DescribeHostDeployRecordDetail',
  'DescribeHostUpdateRecordDetail',
  'DescribeHostUploadUpdateRecordDetail',
  'CheckCertificateDomainVerification',
]);

/**
 * Whether a read starts, or reports, a background refresh of the upstream's instance cache: the
 * DescribeHost*InstanceList calls with AsyncCache=1, the only actions taking it. Each one asks the upstream to
 * work, and its answer is the refresh's progress (AsyncOffset of AsyncTotalNum), which a kept answer would freeze.
 * The same lists read without it may be kept.
 */
function concernsBackgroundRefresh(params: unknown): boolean {
  return (
    typeof params === 'object' && params !== null && (params as { AsyncCache?: unknown }).AsyncCache === 1
  );
}

/**
 * Whether an instance list reports a background refresh that has not finished (AsyncOffset of AsyncTotalNum): a
 * client following it with plain reads (AsyncCache=0) needs each answer fresh, and the list changes when it ends.
 */
function reportsRefreshUnderway(response: unknown): boolean {
  if (typeof response !== 'object' || response === null) return false;
  const { AsyncOffset: processed, AsyncTotalNum: total } = response as {
    AsyncOffset?: unknown;
    AsyncTotalNum?: unknown;
  };
  return typeof processed === 'number' && typeof total === 'number' && processed < total;
}

export const DEFAULT_READ_CACHE_MAX_ENTRIES = 1_000;

/**
 * What a lookup found. On a miss, `generation` is the identity's data version at the time: the answer fetched
 * next is saved only if no mutation moved it meanwhile. Null: the store could not tell, so nothing is saved.
 */
export type ReadCacheLookup =
  | { readonly found: true; readonly response: unknown }
  | { readonly found: false; readonly generation: number | null };

/**
 * Where answers are kept: this process's memory (the default), or a store every replica of the gateway shares
 * (src/scale/redis-read-cache-store.ts), so that a read on one replica serves the others and a mutation on any
 * replica invalidates them all.
 */
export interface ReadCacheStore {
  lookup(identity: string, entryKey: string): ReadCacheLookup | Promise<ReadCacheLookup>;
  /** Keeps `response` for `ttlMs`, unless the identity was invalidated after the lookup that saw `generation`. */
  save(
    identity: string,
    entryKey: string,
    generation: number,
    response: unknown,
    ttlMs: number,
  ): void | Promise<void>;
  /** Drops every entry of the identity and turns away saves of lookups made before. */
  invalidate(identity: string): void | Promise<void>;
}

export interface ReadCacheOptions {
  /** How long an answer is served from the cache; 0 turns the cache off (every call goes through). */
  readonly ttlMs: number;
  /** Entries the default in-memory store keeps at most; the least recently used go first. Default 1 000. */
  readonly maxEntries?: number;
  /**
   * Whose data a call reads: the account behind the credentials (their secretId). Entries of one identity are
   * never served to another.
   */
  readonly identity: () => Promise<string>;
  /** Monotonic milliseconds for the default in-memory store; injectable for tests. */
  readonly now?: () => number;
  /** Default: an InMemoryReadCacheStore of `maxEntries`. */
  readonly store?: ReadCacheStore;
}

interface Entry {
  readonly identity: string;
  readonly response: unknown;
  readonly expiresAt: number;
}

export interface ReadCacheCounters {
  readonly hits: number;
  readonly misses: number;
  readonly invalidations: number;
}

/** The default store: a least-recently-used map of this process. */
export class InMemoryReadCacheStore implements ReadCacheStore {
  readonly #maxEntries: number;
  readonly #now: () => number;
  /** Insertion order is recency order: a hit re-inserts its entry at the end. */
  readonly #entries = new Map<string, Entry>();
  /** Bumped by each mutation of an identity, so reads that started before it are not stored. */
  readonly #generations = new Map<string, number>();

  constructor(options: { readonly maxEntries?: number; readonly now?: () => number } = {}) {
    const maxEntries = options.maxEntries ?? DEFAULT_READ_CACHE_MAX_ENTRIES;
    if (!(Number.isInteger(maxEntries) && maxEntries > 0)) {
      throw new RangeError('maxEntries must be a positive integer');
    }
    this.#maxEntries = maxEntries;
    this.#now = options.now ?? (() => performance.now());
  }

  get size(): number {
    return this.#entries.size;
  }

  lookup(identity: string, entryKey: string): ReadCacheLookup {
    const key = `${identity}\n${entryKey}`;
    const cached = this.#entries.get(key);
    if (cached !== undefined) {
      if (cached.expiresAt > this.#now()) {
        this.#entries.delete(key);
        this.#entries.set(key, cached);
        return { found: true, response: cached.response };
      }
      this.#entries.delete(key);
    }
    return { found: false, generation: this.#generations.get(identity) ?? 0 };
  }

  save(identity: string, entryKey: string, generation: number, response: unknown, ttlMs: number): void {
    if ((this.#generations.get(identity) ?? 0) !== generation) return;
    const key = `${identity}\n${entryKey}`;
    this.#entries.delete(key);
    this.#entries.set(key, { identity, response, expiresAt: this.#now() + ttlMs });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done === true) break;
      this.#entries.delete(oldest.value);
    }
  }

  invalidate(identity: string): void {
    this.#generations.set(identity, (this.#generations.get(identity) ?? 0) + 1);
    for (const [key, entry] of this.#entries) {
      if (entry.identity === identity) this.#entries.delete(key);
    }
  }
}

/**
 * A short-lived cache of read answers shared by every request of the process, in front of the SslClient (which
 * already shares identical reads while they are in flight; this keeps their answers for `ttlMs` afterwards).
 *
 * Invalidation rule: any mutating call through this caller, or one starting a background refresh, whether it
 * succeeded or failed (a failed call may still have changed something upstream), drops every entry of its
 * identity. Dropping only the mutated entity's
 * reads would not be honest: actions reach across entities (deploying a certificate changes the resource lists
 * and the certificate's own deployment fields; deleting one changes deploy records and tasks), and the spec's
 * `entity` tag does not record those effects. A read that was in flight when the mutation happened is not stored.
 *
 * Answers are shared read-only between callers, as the client's in-flight sharing already does; errors are never
 * stored.
 */
export class ReadCachingSslCaller implements SslCaller {
  readonly #inner: SslCaller;
  readonly #ttlMs: number;
  readonly #identity: () => Promise<string>;
  readonly #store: ReadCacheStore;
  #hits = 0;
  #misses = 0;
  #invalidations = 0;

  constructor(inner: SslCaller, options: ReadCacheOptions) {
    if (!(Number.isFinite(options.ttlMs) && options.ttlMs >= 0)) {
      throw new RangeError('ttlMs must be a finite number of milliseconds, 0 or more');
    }
    this.#inner = inner;
    this.#ttlMs = options.ttlMs;
    this.#identity = options.identity;
    this.#store =
      options.store ?? new InMemoryReadCacheStore({ maxEntries: options.maxEntries, now: options.now });
  }

  /** Entries held in this process (0 when the store is shared: its entries live in that store). */
  get size(): number {
    return this.#store instanceof InMemoryReadCacheStore ? this.#store.size : 0;
  }

  get counters(): ReadCacheCounters {
    return { hits: this.#hits, misses: this.#misses, invalidations: this.#invalidations };
  }

  async call<A extends SslActionName>(
    action: A,
    params: SslRequest<A>,
    options?: SslCallOptions,
  ): Promise<SslResponse<A>> {
    if (this.#ttlMs === 0) return this.#inner.call(action, params, options);
    // A background refresh works upstream like a mutation: kept lists of before it would show none running.
    if (isMutatingAction(action) || concernsBackgroundRefresh(params)) {
      const identity = await this.#identity();
      try {
        return await this.#inner.call(action, params, options);
      } finally {
        this.#invalidations += 1;
        await this.#store.invalidate(identity);
      }
    }
    if (UNCACHEABLE_READS.has(action)) return this.#inner.call(action, params, options);

    const identity = await this.#identity();
    const entryKey = `${action}\n${canonicalJson(params ?? {})}`;
    const lookup = await this.#store.lookup(identity, entryKey);
    if (lookup.found) {
      this.#hits += 1;
      return lookup.response as SslResponse<A>;
    }
    this.#misses += 1;
    const response = await this.#inner.call(action, params, options);
    if (lookup.generation !== null && !reportsRefreshUnderway(response)) {
      await this.#store.save(identity, entryKey, lookup.generation, response, this.#ttlMs);
    }
    return response;
  }
}
