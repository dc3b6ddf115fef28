import type { SslCaller } from '../../ssl/actions.ts';
import type { DeployRecord, DeployRecordItem, UploadUpdateRecordInfo } from '../../ssl/models.generated.ts';
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

/** A content replacement (same certificate ID, new content) record as DescribeHostUploadUpdateRecord lists it. */
export type UploadUpdateRecordSummary = UploadUpdateRecordInfo;
/** One run of a content replacement: the deployment (Type 0) or its rollback (Type 1). */
export type UploadUpdatePhase = DeployRecord;
/** One resource instance of a content replacement run. */
export type UploadUpdateItem = DeployRecordItem;

export type UploadUpdateRecordPage = RecordPage<UploadUpdateRecordSummary>;

/**
 * DescribeHostUploadUpdateRecordDetail pages the instances of every run and resource type with the same
 * Offset/Limit. Whole blocks of the largest page (200) are fetched and sliced, so every field of one record
 * shares one upstream call.
 */
export const UPLOAD_UPDATE_DETAIL_BLOCK_SIZE = Number(
  SSL_SPEC.actions.DescribeHostUploadUpdateRecordDetail.pagination.maxLimit,
);

export interface UploadUpdateRecordDetailBlock {
  readonly offset: number;
  readonly phases: readonly UploadUpdatePhase[];
}

/** One block of a record's runs and instances, straight from the upstream; null when the record does not exist. */
export function fetchUploadUpdateRecordBlock(
  ssl: SslCaller,
  id: number,
  blockIndex: number,
  signal: AbortSignal | undefined,
): Promise<UploadUpdateRecordDetailBlock | null> {
  // DescribeHostUploadUpdateRecordDetail documents no CertificateDeployNotExist: an unknown ID is a parameter error.
  return readRecordBlock(
    blockIndex,
    UPLOAD_UPDATE_DETAIL_BLOCK_SIZE,
    async (offset) => {
      const response = await ssl.call(
        'DescribeHostUploadUpdateRecordDetail',
        { DeployRecordId: id, Offset: offset, Limit: UPLOAD_UPDATE_DETAIL_BLOCK_SIZE },
        { signal },
      );
      return { offset, phases: response.DeployRecordDetail };
    },
    ['FailedOperation.InvalidParam'],
  );
}

export interface UploadUpdateRecordLoaders extends LoaderGroup {
  /** A page of the content replacement records of a certificate (all certificates when null), newest first. */
  page(certificateId: string | null, offset: number, limit: number): Promise<UploadUpdateRecordPage>;
  /**
   * A record's listing entry; null when the record does not exist. Comes free after a listing in the same
   * request; otherwise it is found from the record's certificate (the listing cannot filter by record ID).
   */
  summary(id: number): Promise<UploadUpdateRecordSummary | null>;
  /** The block of a record's instances holding `offset`; null when the record does not exist. */
  block(id: number, offset: number): Promise<UploadUpdateRecordDetailBlock | null>;
}

export function createUploadUpdateRecordLoaders(
  ssl: SslCaller,
  signal: AbortSignal | undefined,
): UploadUpdateRecordLoaders {
  const pages = new Map<string, Promise<UploadUpdateRecordPage>>();
  const blocks = blockCache(UPLOAD_UPDATE_DETAIL_BLOCK_SIZE, (id: number, blockIndex) =>
    fetchUploadUpdateRecordBlock(ssl, id, blockIndex, signal),
  );
  const summaries = new Map<number, Promise<UploadUpdateRecordSummary | null>>();
  const listed = new Map<number, UploadUpdateRecordSummary>();

  async function fetchPage(certificateId: string | null, offset: number, limit: number) {
    const response = await translatingUpstreamErrors(() =>
      ssl.call(
        'DescribeHostUploadUpdateRecord',
        {
          ...(certificateId === null ? {} : { OldCertificateId: certificateId }),
          Offset: offset,
          Limit: listingLimit(limit),
        },
        { signal },
      ),
    );
    const fetched = recordPage(response, offset, limit);
    for (const record of fetched.records) listed.set(record.Id, record);
    return fetched;
  }

  function page(certificateId: string | null, offset: number, limit: number) {
    const key = `${certificateId ?? ''}:${offset}:${limit}`;
    return cachedIn(pages, key, () => fetchPage(certificateId, offset, limit));
  }

  async function findSummary(id: number): Promise<UploadUpdateRecordSummary | null> {
    const known = listed.get(id);
    if (known !== undefined) return known;
    const first = await blocks.load(id, 0);
    if (first === null) return null;
    const anyItem = first.phases.flatMap((phase) =>
      phase.RecordDetailList.flatMap((group) => group.List ?? []),
    )[0];
    // A record without instances does not name its certificate: then only the unfiltered listing can find it.
    const certificateId = anyItem?.OldCertId ? anyItem.OldCertId : null;
    return findInListing(
      (offset, limit) => page(certificateId, offset, limit),
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
