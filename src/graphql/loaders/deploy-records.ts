import type { SslCaller } from '../../ssl/actions.ts';
import type { DeployRecordInfo, DescribeHostDeployRecordDetailResponse } from '../../ssl/models.generated.ts';
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

/**
 * DescribeHostDeployRecordDetail pages a record's instances with Offset/Limit (max 200). The gateway always asks
 * for whole blocks of 200 and slices them, so a record's status, counts and instance windows share one call.
 */
export const DEPLOY_DETAIL_BLOCK_SIZE = Number(
  SSL_SPEC.actions.DescribeHostDeployRecordDetail.pagination.maxLimit,
);

export interface DeployRecordDetailBlock {
  readonly offset: number;
  readonly response: DescribeHostDeployRecordDetailResponse;
}

export type DeployRecordPage = RecordPage<DeployRecordInfo>;

/** One block of a record's instances, straight from the upstream; null when the record does not exist. */
export function fetchDeployRecordBlock(
  ssl: SslCaller,
  id: string,
  blockIndex: number,
  signal: AbortSignal | undefined,
): Promise<DeployRecordDetailBlock | null> {
  return readRecordBlock(blockIndex, DEPLOY_DETAIL_BLOCK_SIZE, async (offset) => {
    const response = await ssl.call(
      'DescribeHostDeployRecordDetail',
      // DeployRecordId is typed String here although every action producing it returns an Integer (§10).
      { DeployRecordId: id, Offset: offset, Limit: DEPLOY_DETAIL_BLOCK_SIZE },
      { signal },
    );
    return { offset, response };
  });
}

export interface DeployRecordLoaders extends LoaderGroup {
  /** A page of a certificate's deploy records (newest first), optionally of one resource type. */
  page(
    certificateId: string,
    resourceType: string | null,
    offset: number,
    limit: number,
  ): Promise<DeployRecordPage>;
  /** The block of a record's instances holding `offset`; null when the record does not exist. */
  block(id: string, offset: number): Promise<DeployRecordDetailBlock | null>;
  /**
   * A record's listing entry (resource type, region, certificate); null when none of `certificateIds` lists it.
   * Free after a listing in the same request; otherwise found by walking the candidates' records, because
   * the listing cannot filter by record ID.
   */
  summary(id: string, certificateIds: readonly string[]): Promise<DeployRecordInfo | null>;
}

export function createDeployRecordLoaders(
  ssl: SslCaller,
  signal: AbortSignal | undefined,
): DeployRecordLoaders {
  const pages = new Map<string, Promise<DeployRecordPage>>();
  const blocks = blockCache(DEPLOY_DETAIL_BLOCK_SIZE, (id: string, blockIndex) =>
    fetchDeployRecordBlock(ssl, id, blockIndex, signal),
  );
  const summaries = new Map<string, Promise<DeployRecordInfo | null>>();
  /** Every record a listing of this request returned. */
  const listed = new Map<string, DeployRecordInfo>();

  async function fetchPage(
    certificateId: string,
    resourceType: string | null,
    offset: number,
    limit: number,
  ): Promise<DeployRecordPage> {
    const response = await translatingUpstreamErrors(() =>
      ssl.call(
        'DescribeHostDeployRecord',
        {
          CertificateId: certificateId,
          Offset: offset,
          Limit: listingLimit(limit),
          ...(resourceType === null ? {} : { ResourceType: resourceType }),
        },
        { signal },
      ),
    );
    const fetched = recordPage(response, offset, limit);
    for (const record of fetched.records) listed.set(String(record.Id), record);
    return fetched;
  }

  function page(certificateId: string, resourceType: string | null, offset: number, limit: number) {
    const key = `${certificateId}\u0000${resourceType ?? ''}\u0000${offset}\u0000${limit}`;
    return cachedIn(pages, key, () => fetchPage(certificateId, resourceType, offset, limit));
  }

  async function findSummary(
    id: string,
    certificateIds: readonly string[],
  ): Promise<DeployRecordInfo | null> {
    for (const certificateId of new Set(certificateIds)) {
      const found = await findInListing(
        (offset, limit) => page(certificateId, null, offset, limit),
        // Another listing of this request may have met the record meanwhile.
        (records) => records.find((record) => String(record.Id) === id) ?? listed.get(id),
      );
      if (found !== null) return found;
    }
    return listed.get(id) ?? null;
  }

  return {
    page,
    block: blocks.load,
    summary(id, certificateIds) {
      const known = listed.get(id);
      if (known !== undefined) return Promise.resolve(known);
      return cachedIn(summaries, `${id}\u0000${certificateIds.join(',')}`, () =>
        findSummary(id, certificateIds),
      );
    },
    clearAll() {
      pages.clear();
      blocks.clear();
      summaries.clear();
      listed.clear();
    },
  };
}
