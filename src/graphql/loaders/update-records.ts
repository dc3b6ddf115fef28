import type { SslCaller } from '../../ssl/actions.ts';
import type {
  DescribeHostUpdateRecordDetailResponse,
  DescribeHostUpdateRecordRequest,
  UpdateRecordDetail,
  UpdateRecordInfo,
} from '../../ssl/models.generated.ts';
import { SSL_SPEC } from '../../ssl/spec.generated.ts';
import {
  blockCache,
  cachedIn,
  findInListing,
  listingLimit,
  type RecordPage,
  readRecordBlock,
  recordPage,
} from './record-blocks.ts';
import type { LoaderGroup } from './request-loaders.ts';
import { translatingUpstreamErrors } from './upstream-errors.ts';

/** An update (old certificate → new certificate) record as DescribeHostUpdateRecord lists it. */
export type UpdateRecordSummary = UpdateRecordInfo;
/** One resource instance of an update record. */
export type UpdateRecordItem = UpdateRecordDetail;

/** Which certificate a listing is about: the replaced one, the replacing one, or both. */
export type UpdateRecordFilter = Pick<DescribeHostUpdateRecordRequest, 'CertificateId' | 'OldCertificateId'>;

export type UpdateRecordPage = RecordPage<UpdateRecordSummary>;

/**
 * DescribeHostUpdateRecordDetail pages the instances of every resource type with the same Offset/Limit. The
 * gateway always asks for whole blocks of the largest page (200) and slices them, so every field of one record
 * (counts, groups, instances) shares one upstream call whatever windows the client asks for.
 */
export const UPDATE_DETAIL_BLOCK_SIZE = Number(
  SSL_SPEC.actions.DescribeHostUpdateRecordDetail.pagination.maxLimit,
);

export interface UpdateRecordDetailBlock {
  readonly offset: number;
  readonly response: DescribeHostUpdateRecordDetailResponse;
}

/** One block of a record's instances, straight from the upstream; null when the record does not exist. */
export function fetchUpdateRecordBlock(
  ssl: SslCaller,
  id: number,
  blockIndex: number,
  signal: AbortSignal | undefined,
): Promise<UpdateRecordDetailBlock | null> {
  return readRecordBlock(blockIndex, UPDATE_DETAIL_BLOCK_SIZE, async (offset) => {
    const response = await ssl.call(
      'DescribeHostUpdateRecordDetail',
      // DeployRecordId, Limit and Offset are String-typed in this action only (CATALOGUE §10).
      { DeployRecordId: String(id), Offset: String(offset), Limit: String(UPDATE_DETAIL_BLOCK_SIZE) },
      { signal },
    );
    return { offset, response };
  });
}

export interface UpdateRecordLoaders extends LoaderGroup {
  /** A page of the update records matching `filter`, newest first. */
  page(filter: UpdateRecordFilter, offset: number, limit: number): Promise<UpdateRecordPage>;
  /**
   * A record's listing entry; null when the record does not exist. Comes free after a listing in the same
   * request; otherwise it is found from the record's certificate (the listing cannot filter by record ID).
   */
  summary(id: number): Promise<UpdateRecordSummary | null>;
  /** The block of a record's instances holding `offset`; null when the record does not exist. */
  block(id: number, offset: number): Promise<UpdateRecordDetailBlock | null>;
}

export function createUpdateRecordLoaders(
  ssl: SslCaller,
  signal: AbortSignal | undefined,
): UpdateRecordLoaders {
  const pages = new Map<string, Promise<UpdateRecordPage>>();
  const blocks = blockCache(UPDATE_DETAIL_BLOCK_SIZE, (id: number, blockIndex) =>
    fetchUpdateRecordBlock(ssl, id, blockIndex, signal),
  );
  const summaries = new Map<number, Promise<UpdateRecordSummary | null>>();
  /** Every record a listing of this request returned. */
  const listed = new Map<number, UpdateRecordSummary>();

  async function fetchPage(filter: UpdateRecordFilter, offset: number, limit: number) {
    const response = await translatingUpstreamErrors(() =>
      ssl.call(
        'DescribeHostUpdateRecord',
        { ...filter, Offset: offset, Limit: listingLimit(limit) },
        { signal },
      ),
    );
    const fetched = recordPage(response, offset, limit);
    for (const record of fetched.records) listed.set(record.Id, record);
    return fetched;
  }

  function page(filter: UpdateRecordFilter, offset: number, limit: number): Promise<UpdateRecordPage> {
    const key = `${filter.CertificateId ?? ''}:${filter.OldCertificateId ?? ''}:${offset}:${limit}`;
    return cachedIn(pages, key, () => fetchPage(filter, offset, limit));
  }

  async function findSummary(id: number): Promise<UpdateRecordSummary | null> {
    const known = listed.get(id);
    if (known !== undefined) return known;
    const first = await blocks.load(id, 0);
    if (first === null) return null;
    const anyItem = first.response.RecordDetailList.flatMap((group) => group.List)[0];
    // A record without instances does not name its certificates: then only the unfiltered listing can find it.
    const filter: UpdateRecordFilter = anyItem?.OldCertId ? { OldCertificateId: anyItem.OldCertId } : {};
    return findInListing(
      (offset, limit) => page(filter, offset, limit),
      (records) => records.find((record) => record.Id === id),
    );
  }

  return {
    page,
    block: blocks.load,
    summary: (id) => cachedIn(summaries, id, () => findSummary(id)),
    clearAll() {
      pages.clear();
      blocks.clear();
      summaries.clear();
      listed.clear();
    },
  };
}
