import {
  createLocalJWKSet,
  errors,
  type FlattenedJWSInput,
  type JSONWebKeySet,
  type JWSHeaderParameters,
  type LocalJWKSet,
} from 'jose';
import type { Logger } from '../../observability/logger.ts';

/**
 * The issuer's public keys (a JSON Web Key Set fetched over HTTPS), kept so that an outage of the identity
 * provider's key endpoint does not become an outage of the gateway. jose's remote key set refetches before
 * verifying once its copy is older than its maximum age, throws away nothing but also keeps nothing when that
 * fails, and retries on every request: an endpoint that is down (or hangs) then fails every request, as a 500.
 *
 * Here the last good set keeps serving while refreshes fail, for up to STALE_KEYS_GRACE_MS after it was fetched:
 * a refresh never makes a request wait once keys are known (it runs beside it), and failed fetches are retried
 * with a growing delay rather than by every request. Only when no usable set is left does verification fail, with
 * SigningKeysUnavailable, which the gateway answers 503 with Retry-After.
 */

/** A set older than this is refetched beside the next request that uses it (the issuer's key rotation). */
export const KEYS_REFRESH_AFTER_MS = 10 * 60_000;
/** While refetching fails, a set keeps serving this long after it was fetched; past it, no token verifies. */
export const STALE_KEYS_GRACE_MS = 24 * 60 * 60_000;
/**
 * A token naming a key the set does not hold makes the gateway refetch at most this often: a rotated key is picked
 * up at once, and forged key ids cannot make the gateway hammer the endpoint.
 */
export const UNKNOWN_KEY_REFETCH_INTERVAL_MS = 30_000;
/** After the n-th failed fetch in a row, the next one waits FIRST × 2^(n-1), at most MAX. */
const FIRST_RETRY_DELAY_MS = 5_000;
const MAX_RETRY_DELAY_MS = 5 * 60_000;
const DEFAULT_FETCH_TIMEOUT_MS = 5_000;

/** No key set is usable: none could be fetched yet, or the last good one is older than STALE_KEYS_GRACE_MS. */
export class SigningKeysUnavailable extends Error {
  constructor(
    /** When the next fetch may be tried. */
    readonly retryAfterMs: number,
  ) {
    super('the issuer’s signing keys are unavailable');
    this.name = 'SigningKeysUnavailable';
  }
}

export interface JwksKeySetOptions {
  readonly url: URL;
  /** Warns when a fetch fails, says when fetching works again. */
  readonly logger: Logger;
  /** Milliseconds since the epoch; the ages of sets and the retry delays are measured on it (tests step it). */
  readonly now?: () => number;
  readonly fetchTimeoutMs?: number;
}

interface FetchedKeys {
  readonly keys: LocalJWKSet;
  readonly fetchedAt: number;
}

export class JwksKeySet {
  readonly #url: URL;
  readonly #logger: Logger;
  readonly #now: () => number;
  readonly #fetchTimeoutMs: number;
  #current: FetchedKeys | undefined;
  #lastFetchStartedAt = Number.NEGATIVE_INFINITY;
  #failuresInARow = 0;
  /** Before this, no fetch is started (the delay after failures). */
  #nextFetchAllowedAt = Number.NEGATIVE_INFINITY;
  #inFlight: Promise<void> | undefined;

  constructor(options: JwksKeySetOptions) {
    this.#url = options.url;
    this.#logger = options.logger;
    this.#now = options.now ?? Date.now;
    this.#fetchTimeoutMs = options.fetchTimeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  }

  /** jose's key resolver: the key a token's header names, from the current set. */
  readonly getKey = async (header: JWSHeaderParameters, token: FlattenedJWSInput): Promise<CryptoKey> => {
    const now = this.#now();
    let current = this.#usable(now);
    if (current === undefined) {
      if (this.#inFlight === undefined && now < this.#nextFetchAllowedAt) {
        throw new SigningKeysUnavailable(this.#nextFetchAllowedAt - now);
      }
      await this.#fetch();
      current = this.#usable(this.#now());
      if (current === undefined) {
        throw new SigningKeysUnavailable(Math.max(0, this.#nextFetchAllowedAt - this.#now()));
      }
    } else if (now - current.fetchedAt >= KEYS_REFRESH_AFTER_MS && now >= this.#nextFetchAllowedAt) {
      // Not awaited: the set in hand serves this request, however long the endpoint takes to answer.
      void this.#fetch();
    }
    try {
      return await current.keys(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey) || !this.#mayRefetchForUnknownKey(now)) throw error;
      await this.#fetch();
      const refreshed = this.#usable(this.#now());
      // Refetching failed (or brought nothing new): the token names no key the gateway knows, a 401.
      if (refreshed === undefined || refreshed === current) throw error;
      return refreshed.keys(header, token);
    }
  };

  #usable(now: number): FetchedKeys | undefined {
    const current = this.#current;
    return current !== undefined && now - current.fetchedAt <= STALE_KEYS_GRACE_MS ? current : undefined;
  }

  #mayRefetchForUnknownKey(now: number): boolean {
    return (
      now - this.#lastFetchStartedAt >= UNKNOWN_KEY_REFETCH_INTERVAL_MS && now >= this.#nextFetchAllowedAt
    );
  }

  /** Starts a fetch, or joins the one running; never rejects (a failure is logged and delays the next one). */
  #fetch(): Promise<void> {
    this.#inFlight ??= this.#fetchOnce().finally(() => {
      this.#inFlight = undefined;
    });
    return this.#inFlight;
  }

  async #fetchOnce(): Promise<void> {
    this.#lastFetchStartedAt = this.#now();
    let keys: LocalJWKSet;
    try {
      keys = await fetchKeySet(this.#url, this.#fetchTimeoutMs);
    } catch (error) {
      this.#failed(error);
      return;
    }
    const failures = this.#failuresInARow;
    this.#current = { keys, fetchedAt: this.#now() };
    this.#failuresInARow = 0;
    this.#nextFetchAllowedAt = Number.NEGATIVE_INFINITY;
    if (failures > 0) {
      this.#logger.info(
        { failedFetches: failures },
        'the JWKS endpoint answers again; signing keys refreshed',
      );
    }
  }

  #failed(error: unknown): void {
    this.#failuresInARow += 1;
    const retryInMs = Math.min(FIRST_RETRY_DELAY_MS * 2 ** (this.#failuresInARow - 1), MAX_RETRY_DELAY_MS);
    const now = this.#now();
    this.#nextFetchAllowedAt = now + retryInMs;
    const current = this.#usable(now);
    this.#logger.warn(
      {
        reason: failureReason(error),
        failedFetches: this.#failuresInARow,
        retryInMs,
        // Which keys tokens are verified with meanwhile: the last good set for what is left of its grace, or none.
        servingKeysFetchedMsAgo: current === undefined ? null : now - current.fetchedAt,
      },
      current === undefined
        ? 'could not fetch the JWKS; no signing keys: bearer tokens are answered 503 until a fetch succeeds'
        : 'could not refresh the JWKS; still verifying tokens with the last good key set',
    );
  }
}

async function fetchKeySet(url: URL, timeoutMs: number): Promise<LocalJWKSet> {
  const response = await fetch(url, {
    // A redirect could point the gateway at keys of anyone's choosing.
    redirect: 'manual',
    headers: { accept: 'application/jwk-set+json, application/json' },
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (response.status !== 200) {
    await response.body?.cancel();
    throw new Error(`the endpoint answered HTTP ${response.status}`);
  }
  const set = (await response.json()) as JSONWebKeySet;
  const keys = createLocalJWKSet(set);
  // An issuer always publishes at least one signing key: an empty set is a broken answer, not a rotation.
  if (keys.jwks().keys.length === 0) throw new Error('the key set holds no keys');
  return keys;
}

/** Why a fetch failed, in words that carry no key material (the URL is the operator's own setting). */
function failureReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError' || error.name === 'AbortError')
    return 'the endpoint did not answer in time';
  const cause = (error as { cause?: unknown }).cause;
  const code = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? `${error.message} (${code})` : error.message;
}
