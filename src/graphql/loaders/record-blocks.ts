import { SslApiError } from '../../ssl/errors.ts';
import { translatingUpstreamErrors } from './upstream-errors.ts';

// What the loaders of the job records (deploy records, update records, content replacement records) share:
// per-request promise caches, pages of a records listing, fixed-size blocks of a record's details, and the walk
// that finds one record in a listing (no listing can filter by record ID).

/** The listings document no maximum Limit; walks looking for one record use the schema's page size. */
const SUMMARY_WALK_PAGE_SIZE = 100;

export interface RecordPage<Summary> {
  readonly totalCount: number;
  readonly offset: number;
  readonly records: readonly Summary[];
}

/** The promise cached under `key`, started by `load` the first time the key is asked for. */
export function cachedIn<Key, Value>(
  cache: Map<Key, Promise<Value>>,
  key: Key,
  load: () => Promise<Value>,
): Promise<Value> {
  let cached = cache.get(key);
  if (cached === undefined) {
    cached = load();
    cache.set(key, cached);
  }
  return cached;
}

/** The Limit to ask a listing for: 0 would mean "default" upstream, so an empty page still asks for one record. */
export function listingLimit(limit: number): number {
  return Math.max(limit, 1);
}

/** The page [offset, offset + limit) of a listing response (which may hold one record more, see listingLimit). */
export function recordPage<Summary>(
  response: { readonly TotalCount: number; readonly DeployRecordList: readonly Summary[] },
  offset: number,
  limit: number,
): RecordPage<Summary> {
  return { totalCount: response.TotalCount, offset, records: response.DeployRecordList.slice(0, limit) };
}

/**
 * Walks a listing from its start until `pick` finds the record among a page's records; null when the listing
 * ends first.
 */
export async function findInListing<Summary>(
  loadPage: (offset: number, limit: number) => Promise<RecordPage<Summary>>,
  pick: (records: readonly Summary[]) => Summary | undefined,
): Promise<Summary | null> {
  for (let offset = 0; ; offset += SUMMARY_WALK_PAGE_SIZE) {
    const walked = await loadPage(offset, SUMMARY_WALK_PAGE_SIZE);
    const found = pick(walked.records);
    if (found !== undefined) return found;
    if (walked.records.length === 0 || offset + walked.records.length >= walked.totalCount) return null;
  }
}

/**
 * The upstream reports an unknown record ID as an error (e.g. CertificateDeployNotExist); the schema as null.
 * An action that documents no not-found code answers with one of its parameter errors instead
 * (`unknownIdCodes`): the gateway sends a well-formed ID, offset and limit, so such an error names the ID.
 */
function isRecordNotFound(error: unknown, unknownIdCodes: readonly string[]): boolean {
  if (!(error instanceof SslApiError)) return false;
  return error.category === 'not-found' || unknownIdCodes.includes(error.code);
}

/**
 * One block of a record's details, straight from the upstream: `read` asks for the block starting at `offset`.
 * Null when the record does not exist.
 */
export async function readRecordBlock<Block>(
  blockIndex: number,
  blockSize: number,
  read: (offset: number) => Promise<Block>,
  unknownIdCodes: readonly string[] = [],
): Promise<Block | null> {
  try {
    return await read(blockIndex * blockSize);
  } catch (error) {
    if (isRecordNotFound(error, unknownIdCodes)) return null;
    throw error;
  }
}

export interface BlockCache<Id, Block> {
  /** The block of a record's details holding `offset`; null when the record does not exist. */
  load(id: Id, offset: number): Promise<Block | null>;
  clear(): void;
}

/** A request's cache of record detail blocks: each block is fetched (by `fetchBlock`) once per request. */
export function blockCache<Id extends string | number, Block>(
  blockSize: number,
  fetchBlock: (id: Id, blockIndex: number) => Promise<Block | null>,
): BlockCache<Id, Block> {
  const blocks = new Map<string, Promise<Block | null>>();
  return {
    load(id, offset) {
      const blockIndex = Math.floor(offset / blockSize);
      return cachedIn(blocks, `${id}\u0000${blockIndex}`, () =>
        translatingUpstreamErrors(() => fetchBlock(id, blockIndex)),
      );
    },
    clear: () => blocks.clear(),
  };
}
