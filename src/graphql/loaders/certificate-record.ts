import type { Certificates } from '../../ssl/models.generated.ts';
import {
  certificateSourceCodes,
  certificateStatusCodes,
  certificateTypeCodes,
} from '../certificate-codes.ts';
import { parseUpstreamTimeOrError, type UpstreamTimeFormatError } from '../time.ts';
import { presentOrNull } from '../upstream-values.ts';

interface CertificateTag {
  readonly key: string;
  readonly value: string;
}

/**
 * A certificate as DescribeCertificates lists it (the list shape carries every field the schema serves): the
 * fields the schema serves as they are, under the schema's own names, and the item itself. The Certificate type
 * exposes those fields as properties, with no resolver: a compiled query reads them inline, where a resolver would
 * cost a call and a resolve-info object per field (a list page has 50 certificates of 15 fields). What depends on
 * the request (days until expiry) keeps a resolver.
 */
export interface CertificateRecord {
  readonly id: string;
  readonly alias: string | null;
  readonly domain: string;
  readonly domains: readonly string[];
  readonly statusMessage: string | null;
  readonly packageType: string | null;
  readonly productName: string | null;
  readonly projectId: string;
  readonly encryptionAlgorithm: string | null;
  readonly isExpiring: boolean;
  readonly isDeployable: boolean;
  readonly isExpiringNotificationEnabled: boolean;
  readonly isRenewable: boolean;
  readonly isVip: boolean;
  readonly isDv: boolean;
  readonly isWildcard: boolean;
  readonly isSm: boolean;
  readonly tags: readonly CertificateTag[];
  /**
   * Enum codes and times, or the error of a code the schema does not know or of an unreadable time: both
   * executors report an Error value as the error of the field that shows it, so one odd value fails one field,
   * not the page (exposed-property.ts).
   */
  readonly status: ReturnType<typeof certificateStatusCodes.codeOrError>;
  readonly certificateType: ReturnType<typeof certificateTypeCodes.codeOrError>;
  readonly source: ReturnType<typeof certificateSourceCodes.codeOrError> | null;
  readonly beginsAt: Date | null | UpstreamTimeFormatError;
  readonly expiresAt: Date | null | UpstreamTimeFormatError;
  readonly createdAt: Date | null | UpstreamTimeFormatError;
  /** The item as the upstream listed it, for the fields that need more than a rename. */
  readonly upstream: Certificates;
}

/**
 * Upstream items are shared: by the requests that joined one in-flight call, and by the read cache. Each item is
 * turned into a record once, and those requests share the record.
 */
const recordOfItem = new WeakMap<Certificates, CertificateRecord>();

function sourceOf(item: Certificates): CertificateRecord['source'] {
  const from = presentOrNull(item.From);
  return from === null ? null : certificateSourceCodes.codeOrError(from);
}

export function certificateRecordOf(item: Certificates): CertificateRecord {
  let record = recordOfItem.get(item);
  if (record === undefined) {
    record = {
      id: item.CertificateId,
      alias: presentOrNull(item.Alias),
      domain: item.Domain,
      domains: item.SubjectAltName ?? [],
      statusMessage: presentOrNull(item.StatusMsg),
      packageType: presentOrNull(item.PackageType),
      productName: presentOrNull(item.ProductZhName),
      projectId: item.ProjectId,
      encryptionAlgorithm: presentOrNull(item.EncryptAlgorithm),
      isExpiring: item.IsExpiring === true,
      isDeployable: item.Deployable === true,
      isExpiringNotificationEnabled: item.IsIgnore !== true,
      isRenewable: item.RenewAble === true,
      isVip: item.IsVip === true,
      isDv: item.IsDv === true,
      isWildcard: item.IsWildcard === true,
      isSm: item.IsSM === true,
      tags: (item.Tags ?? []).map((tag) => ({ key: tag.TagKey, value: tag.TagValue })),
      status: certificateStatusCodes.codeOrError(item.Status),
      certificateType: certificateTypeCodes.codeOrError(item.CertificateType),
      source: sourceOf(item),
      beginsAt: parseUpstreamTimeOrError(item.CertBeginTime),
      expiresAt: parseUpstreamTimeOrError(item.CertEndTime),
      createdAt: parseUpstreamTimeOrError(item.InsertTime),
      upstream: item,
    };
    recordOfItem.set(item, record);
  }
  return record;
}
