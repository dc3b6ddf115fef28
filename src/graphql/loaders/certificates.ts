import DataLoader from 'dataloader';
import type { BatchObserver } from '../../observability/operation-record.ts';
import type { SslCaller } from '../../ssl/actions.ts';
import type { Certificates, DescribeCertificatesRequest } from '../../ssl/models.generated.ts';
import { type CertificateRecord, certificateRecordOf } from './certificate-record.ts';
import type { LoaderGroup } from './request-loaders.ts';
import { translatingUpstreamErrors } from './upstream-errors.ts';

/**
 * The most IDs one DescribeCertificates call is asked for. The action documents no maximum for CertIds, but the
 * API's own ID-list limit elsewhere is 50 (InvalidParameter.CertificateIdNumberLimit), so stay within it.
 */
export const MAX_CERTIFICATE_IDS_PER_CALL = 50;

/** What a listing asks the upstream for, besides the window: DescribeCertificates' filters and sort order. */
export type CertificateListQuery = Omit<DescribeCertificatesRequest, 'Offset' | 'Limit' | 'CertIds'>;

export interface CertificatePage {
  /** How many certificates the account has in total (independent of the page). */
  readonly totalCount: number;
  /** The offset of the first certificate in `certificates`. */
  readonly offset: number;
  readonly certificates: readonly CertificateRecord[];
}

export interface CertificateLoaders extends LoaderGroup {
  /** One certificate by its Tencent ID; null when it does not exist or the credentials may not see it. */
  readonly byId: DataLoader<string, CertificateRecord | null>;
  /**
   * A page of the account's certificates matching `query`, in the upstream's order (newest application first
   * unless `query.ExpirationSort` says otherwise).
   */
  page(offset: number, limit: number, query?: CertificateListQuery): Promise<CertificatePage>;
}

/**
 * An upstream listing's items as records, made once per listing: the requests that joined one in-flight call (or
 * were served by the read cache) share the listing, and so its records.
 */
const recordsOfListing = new WeakMap<readonly Certificates[], readonly CertificateRecord[]>();

function recordsOf(items: readonly Certificates[]): readonly CertificateRecord[] {
  let records = recordsOfListing.get(items);
  if (records === undefined) {
    records = items.map(certificateRecordOf);
    recordsOfListing.set(items, records);
  }
  return records;
}

export function createCertificateLoaders(
  ssl: SslCaller,
  signal: AbortSignal | undefined,
  observeBatch?: BatchObserver,
): CertificateLoaders {
  /**
   * The pages this request has received: by-ID lookups are answered from them without a call (looked up when
   * their batch runs, rather than priming the loader with a promise per listed certificate).
   */
  const listedPages: (readonly CertificateRecord[])[] = [];
  const pagesInFlight = new Set<Promise<unknown>>();
  const pages = new Map<string, Promise<CertificatePage>>();

  const byId = new DataLoader<string, CertificateRecord | null>(
    async (ids) => {
      observeBatch?.('certificates.byId', ids.length);
      // A page requested in the same request (e.g. a sibling `certificates` field) probably holds these IDs:
      // wait for it instead of racing it with a second call.
      if (pagesInFlight.size > 0) await Promise.allSettled(pagesInFlight);
      const listed = new Map<string, CertificateRecord>();
      for (const page of listedPages) for (const record of page) listed.set(record.id, record);
      // Blank IDs cannot match; sending them could only waste a call.
      const unlisted = [...new Set(ids.filter((id) => !listed.has(id) && id.trim() !== ''))];
      const found = new Map<string, CertificateRecord>();
      if (unlisted.length > 0) {
        const response = await translatingUpstreamErrors(() =>
          ssl.call(
            'DescribeCertificates',
            // Limit must cover the batch: the upstream pages ID lookups like any other listing (default 10).
            { CertIds: unlisted, Offset: 0, Limit: unlisted.length },
            { signal },
          ),
        );
        for (const item of response.Certificates) found.set(item.CertificateId, certificateRecordOf(item));
      }
      return ids.map((id) => listed.get(id) ?? found.get(id) ?? null);
    },
    { maxBatchSize: MAX_CERTIFICATE_IDS_PER_CALL },
  );

  async function fetchPage(
    offset: number,
    limit: number,
    query: CertificateListQuery,
  ): Promise<CertificatePage> {
    // Limit 0 means "default" (10) upstream, so an empty page still asks for one item to learn the total.
    const response = await translatingUpstreamErrors(() =>
      ssl.call('DescribeCertificates', { ...query, Offset: offset, Limit: Math.max(limit, 1) }, { signal }),
    );
    const records = recordsOf(response.Certificates);
    const certificates = records.length > limit ? records.slice(0, limit) : records;
    listedPages.push(certificates);
    return { totalCount: response.TotalCount, offset, certificates };
  }

  return {
    byId,
    clearAll() {
      byId.clearAll();
      listedPages.length = 0;
      pages.clear();
    },
    // Registered synchronously (not through a batching loader), so by-ID batches dispatched later in the same
    // tick already see it in flight.
    page(offset, limit, query = {}) {
      const key = `${offset}:${limit}:${JSON.stringify(query)}`;
      let page = pages.get(key);
      if (page === undefined) {
        page = fetchPage(offset, limit, query);
        pages.set(key, page);
        const inFlight = page.finally(() => pagesInFlight.delete(inFlight));
        pagesInFlight.add(inFlight);
        // The caller observes `page`; this derived promise must not report the same rejection again.
        inFlight.catch(() => undefined);
      }
      return page;
    },
  };
}
