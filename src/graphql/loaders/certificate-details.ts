import DataLoader from 'dataloader';
import type { SslCaller } from '../../ssl/actions.ts';
import { SslApiError } from '../../ssl/errors.ts';
import type {
  CheckCertificateChainResponse,
  DescribeCertificateDetailResponse,
  DescribeCertificateResponse,
  DescribeDownloadCertificateUrlResponse,
  DownloadCertificateResponse,
} from '../../ssl/models.generated.ts';
import type { LoaderGroup } from './request-loaders.ts';
import { translatingUpstreamErrors } from './upstream-errors.ts';

export type CertificateDetail = DescribeCertificateDetailResponse;

/**
 * The order-related data both DescribeCertificate and DescribeCertificateDetail return (validation records,
 * submitted applicant data, order ID), not the list shape. The submitted data holds the key password, a secret:
 * the read cache keeps neither answer (UNCACHEABLE_READS).
 */
export type CertificateOrderData = Pick<
  DescribeCertificateResponse,
  'OrderId' | 'DvAuthDetail' | 'SubmittedData' | 'DvRevokeAuthDetail' | 'VulnerabilityReport'
>;

export interface CertificateDownloadLinkKey {
  readonly certificateId: string;
  /** DescribeDownloadCertificateUrl's ServiceType: nginx, apache, tomcat, iis, jks, other, root. */
  readonly serviceType: string;
}

export interface CertificateDetailLoaders extends LoaderGroup {
  /**
   * A certificate's full detail (DescribeCertificateDetail: key material, DV validation records, submitted
   * applicant data, extra info); null when the certificate does not exist. One call per distinct ID per request,
   * however many fields need it.
   */
  readonly byId: DataLoader<string, CertificateDetail | null>;
  /**
   * The order data of a certificate without its key material: from a detail this request loads anyway, otherwise
   * from DescribeCertificate, so that showing DNS records never pulls a private key through the gateway.
   */
  readonly orderDataById: DataLoader<string, CertificateOrderData | null>;
  /** The certificate's files as a base64 ZIP (DownloadCertificate; logged upstream as a download). */
  readonly archiveById: DataLoader<string, DownloadCertificateResponse | null>;
  /** A download link of a package for one server type (DescribeDownloadCertificateUrl). */
  readonly downloadLink: DataLoader<
    CertificateDownloadLinkKey,
    DescribeDownloadCertificateUrlResponse | null,
    string
  >;
  /** The ID of a certificate of the account identical to a PEM, or null (CheckCertificateExist). */
  readonly existingIdByPem: DataLoader<string, string | null>;
  /** Whether a PEM chain is complete and trusted (CheckCertificateChain). */
  readonly chainCheckByPem: DataLoader<string, CheckCertificateChainResponse>;
}

/** The upstream reports an unknown certificate ID as an error; the schema reports it as null. */
function isCertificateNotFound(error: unknown): boolean {
  return error instanceof SslApiError && error.category === 'not-found';
}

/**
 * A loader for an action that takes one key: one call per distinct key, coalesced and cached for the request.
 * A failing key fails only the fields that asked for it.
 */
function perKeyLoader<Key, Value, CacheKey = Key>(
  load: (key: Key) => Promise<Value>,
  cacheKeyFn?: (key: Key) => CacheKey,
): DataLoader<Key, Value, CacheKey> {
  return new DataLoader<Key, Value, CacheKey>(
    (keys) =>
      Promise.all(
        keys.map((key) =>
          translatingUpstreamErrors(() => load(key)).catch((error: unknown) =>
            error instanceof Error ? error : new Error(String(error)),
          ),
        ),
      ),
    cacheKeyFn === undefined ? {} : { cacheKeyFn },
  );
}

/** Yields until the current batch of field resolvers has run and their loaders have dispatched. */
function afterPendingLoads(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function createCertificateDetailLoaders(
  ssl: SslCaller,
  signal: AbortSignal | undefined,
): CertificateDetailLoaders {
  async function unlessNotFound<T>(certificateId: string, call: () => Promise<T>): Promise<T | null> {
    if (certificateId.trim() === '') return null;
    try {
      return await call();
    } catch (error) {
      if (isCertificateNotFound(error)) return null;
      throw error;
    }
  }

  /** IDs whose detail this request has asked for, so order data can reuse it instead of a second call. */
  const detailRequested = new Set<string>();

  const byId = perKeyLoader((certificateId: string) => {
    detailRequested.add(certificateId);
    return unlessNotFound(certificateId, () =>
      ssl.call('DescribeCertificateDetail', { CertificateId: certificateId }, { signal }),
    );
  });

  const orderDataById = perKeyLoader(async (certificateId: string): Promise<CertificateOrderData | null> => {
    // Sibling fields (e.g. `certificatePem`) may need the detail in this same request: wait for them to ask.
    await afterPendingLoads();
    if (detailRequested.has(certificateId)) return byId.load(certificateId);
    return unlessNotFound(certificateId, () =>
      ssl.call('DescribeCertificate', { CertificateId: certificateId }, { signal }),
    );
  });

  const archiveById = perKeyLoader((certificateId: string) =>
    unlessNotFound(certificateId, () =>
      ssl.call('DownloadCertificate', { CertificateId: certificateId }, { signal }),
    ),
  );

  const downloadLink = perKeyLoader(
    (key: CertificateDownloadLinkKey) =>
      unlessNotFound(key.certificateId, () =>
        ssl.call(
          'DescribeDownloadCertificateUrl',
          { CertificateId: key.certificateId, ServiceType: key.serviceType },
          { signal },
        ),
      ),
    (key) => `${key.certificateId}\n${key.serviceType}`,
  );

  const existingIdByPem = perKeyLoader(async (pem: string) => {
    const response = await ssl.call('CheckCertificateExist', { CertificatePublicKey: pem }, { signal });
    return response.RepeatCertId.trim() === '' ? null : response.RepeatCertId;
  });

  const chainCheckByPem = perKeyLoader((pem: string) =>
    ssl.call('CheckCertificateChain', { CertificateChain: pem }, { signal }),
  );

  return {
    byId,
    orderDataById,
    archiveById,
    downloadLink,
    existingIdByPem,
    chainCheckByPem,
    clearAll() {
      detailRequested.clear();
      for (const loader of [byId, orderDataById, archiveById, existingIdByPem, chainCheckByPem]) {
        loader.clearAll();
      }
      downloadLink.clearAll();
    },
  };
}
