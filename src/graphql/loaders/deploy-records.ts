import type { SslCaller } from '../../ssl/actions.ts';
import { SslApiError } from '../../ssl/errors.ts';
import type { DeployRecordInfo, DescribeHostDeployRecordDetailResponse } from '../../ssl/models.generated.ts';
import { SSL_SPEC } from '../../ssl/spec.generated.ts';
import type { LoaderGroup } from './request-loaders.ts';
import { translatingUpstreamErrors } from './upstream-errors.ts';

/**
 * DescribeHostDeployRecordDetail pages a record's instances with Offset/Limit (max 200). The gateway always asks
 * for whole blocks of 200 and slices them, so a record's status, counts and instance windows share one call.
 */
export const DEPLOY_DETAIL_BLOCK_SIZE = Number(
  SSL_SPEC.actions.DescribeHostDeployRecordDetail.pagination.maxLimit,
);

/** DescribeHostDeployRecord documents no maximum Limit; walks looking for one record use the schema's page size. */
const SUMMARY_WALK_PAGE_SIZE = 100;

export interface DeployRecordDetailBlock {
  readonly offset: number;
  readonly response: DescribeHostDeployRecordDetailResponse;
}

export interface DeployRecordPage {
  readonly totalCount: number;
  readonly offset: number;
  readonly records: readonly DeployRecordInfo[];
}

/** An unknown record ID is an upstream error (CertificateDeployNotExist); the schema reports it as null. */
function isRecordNotFound(error: unknown): boolean {
  return error instanceof SslApiError && error.category === 'not-found';
}

/** One block of a record's instances, straight from the upstream; null when the record does not exist. */
export async function fetchDeployRecordBlock(
  ssl: SslCaller,
  id: string,
  blockIndex: number,
  signal: AbortSignal | undefined,
): Promise<DeployRecordDetailBlock | null> {
  const offset = blockIndex * DEPLOY_DETAIL_BLOCK_SIZE;
  try {
    const response = await ssl.call(
      'DescribeHostDeployRecordDetail',
      // DeployRecordId is typed String here although every action producing it returns an Integer (§10).
      { DeployRecordId: id, Offset: offset, Limit: DEPLOY_DETAIL_BLOCK_SIZE },
      { signal },
    );
    return { offset, response };
  } catch (error) {
    if (isRecordNotFound(error)) return null;
    throw error;
  }
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
  const blocks = new Map<string, Promise<DeployRecordDetailBlock | null>>();
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
        // Limit 0 would mean "default" upstream: an empty page still asks for one record to learn the total.
        {
          CertificateId: certificateId,
          Offset: offset,
          Limit: Math.max(limit, 1),
          ...(resourceType === null ? {} : { ResourceType: resourceType }),
        },
        { signal },
      ),
    );
    const records = response.DeployRecordList.slice(0, limit);
    for (const record of records) listed.set(String(record.Id), record);
    return { totalCount: response.TotalCount, offset, records };
  }

  function page(certificateId: string, resourceType: string | null, offset: number, limit: number) {
    const key = `${certificateId}\u0000${resourceType ?? ''}\u0000${offset}\u0000${limit}`;
    let cached = pages.get(key);
    if (cached === undefined) {
      cached = fetchPage(certificateId, resourceType, offset, limit);
      pages.set(key, cached);
    }
    return cached;
  }

  function block(id: string, offset: number): Promise<DeployRecordDetailBlock | null> {
    const blockIndex = Math.floor(offset / DEPLOY_DETAIL_BLOCK_SIZE);
    const key = `${id}\u0000${blockIndex}`;
    let cached = blocks.get(key);
    if (cached === undefined) {
      cached = translatingUpstreamErrors(() => fetchDeployRecordBlock(ssl, id, blockIndex, signal));
      blocks.set(key, cached);
    }
    return cached;
  }

  async function findSummary(
    id: string,
    certificateIds: readonly string[],
  ): Promise<DeployRecordInfo | null> {
    for (const certificateId of new Set(certificateIds)) {
      for (let offset = 0; ; offset += SUMMARY_WALK_PAGE_SIZE) {
        const known = listed.get(id);
        if (known !== undefined) return known;
        const walked = await page(certificateId, null, offset, SUMMARY_WALK_PAGE_SIZE);
        const found = walked.records.find((record) => String(record.Id) === id);
        if (found !== undefined) return found;
        if (walked.records.length === 0 || offset + walked.records.length >= walked.totalCount) break;
      }
    }
    return listed.get(id) ?? null;
  }

  return {
    page,
    block,
    summary(id, certificateIds) {
      const known = listed.get(id);
      if (known !== undefined) return Promise.resolve(known);
      const key = `${id}\u0000${certificateIds.join(',')}`;
      let cached = summaries.get(key);
      if (cached === undefined) {
        cached = findSummary(id, certificateIds);
        summaries.set(key, cached);
      }
      return cached;
    },
    clearAll() {
      pages.clear();
      blocks.clear();
      summaries.clear();
      listed.clear();
    },
  };
}
