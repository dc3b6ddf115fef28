// What `Query.certificates` can filter and sort by, each mapped onto DescribeCertificates' own parameters (the
// upstream filters and counts, so totalCount stays true).
import { createGraphQLError } from 'graphql-yoga';
import { builder } from '../builder.ts';
import type { CertificateListQuery } from '../loaders/certificates.ts';
import { CertificateStatus, CertificateType } from './certificate-enums.ts';
import { CertificateTagInput, toUpstreamTags } from './certificate-inputs.ts';

export const CertificateOrder = builder.enumType('CertificateOrder', {
  description: 'The order certificates are listed in.',
  values: {
    CREATED_AT_DESC: { value: 'CREATED_AT_DESC', description: 'Newest application or upload first.' },
    EXPIRES_AT_ASC: {
      value: 'EXPIRES_AT_ASC',
      description: 'Soonest expiry first; certificates not issued yet come last.',
    },
    EXPIRES_AT_DESC: { value: 'EXPIRES_AT_DESC', description: 'Latest expiry first.' },
  },
});

const CertificateOrigin = builder.enumType('CertificateOrigin', {
  description: 'Whether a certificate was uploaded or issued through Tencent Cloud.',
  values: {
    UPLOADED: { value: 'upload', description: 'Uploaded by the user.' },
    TENCENT_ISSUED: { value: 'buy', description: 'Applied for (free or paid) through Tencent Cloud.' },
  },
});

export const CertificateFilter = builder.inputType('CertificateFilter', {
  description: 'Narrows a certificate listing; every condition given must hold.',
  fields: (t) => ({
    search: t.string({ description: 'Matches the certificate ID, alias or domain (substring).' }),
    statuses: t.field({
      type: [CertificateStatus.ref],
      description: 'Only certificates in one of these statuses.',
    }),
    certificateType: t.field({ type: CertificateType.ref, description: 'Only certificates of this type.' }),
    projectId: t.id({ description: 'Only certificates of this project (`0` is the default project).' }),
    origin: t.field({ type: CertificateOrigin, description: 'Only uploaded, or only Tencent-issued, ones.' }),
    deployable: t.boolean({
      description: 'Only certificates that can (true) or cannot (false) be deployed.',
    }),
    hostable: t.boolean({ description: 'Only certificates that can (true) or cannot (false) be hosted.' }),
    expiringOnly: t.boolean({
      description:
        'When true, only certificates Tencent Cloud reports as expiring soon (within 30 days; see ' +
        '`Certificate.isExpiring`).',
    }),
    renewableOnly: t.boolean({ description: 'When true, only certificates that can be renewed.' }),
    pendingIssueOnly: t.boolean({ description: 'When true, only certificates waiting to be issued.' }),
    smOnly: t.boolean({
      description: 'When true, only SM2 (Chinese national cryptography) certificates.',
    }),
    tags: t.field({
      type: [CertificateTagInput],
      description: 'Only certificates carrying every one of these tags.',
    }),
  }),
});

type CertificateFilterShape = typeof CertificateFilter.$inferInput;
type CertificateOrderValue = typeof CertificateOrder.$inferType;

/** 1 = the condition holds, 0 = it does not; absent = no filter. */
function trueOrFalse(value: boolean | null | undefined): number | undefined {
  return value === null || value === undefined ? undefined : value ? 1 : 0;
}

/** Flags whose 0 means "no filter" rather than "the opposite": only `true` can be asked for. */
function onlyWhenTrue(value: boolean | null | undefined): number | undefined {
  return value === true ? 1 : undefined;
}

/** The upstream takes ProjectId as an integer. */
function projectIdOf(id: string | number): number {
  const text = String(id).trim();
  if (!/^\d{1,15}$/.test(text)) {
    throw createGraphQLError(`${JSON.stringify(text)} is not a project ID.`, {
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'filter' },
    });
  }
  return Number(text);
}

export function toCertificateListQuery(
  filter: CertificateFilterShape | null | undefined,
  orderBy: CertificateOrderValue | null | undefined,
): CertificateListQuery {
  const query: CertificateListQuery = {
    SearchKey: filter?.search?.trim() || undefined,
    CertificateStatus: filter?.statuses && filter.statuses.length > 0 ? [...filter.statuses] : undefined,
    CertificateType: filter?.certificateType ?? undefined,
    ProjectId:
      filter?.projectId === null || filter?.projectId === undefined
        ? undefined
        : projectIdOf(filter.projectId),
    FilterSource: filter?.origin ?? undefined,
    Deployable: trueOrFalse(filter?.deployable),
    Hostable: trueOrFalse(filter?.hostable),
    FilterExpiring: onlyWhenTrue(filter?.expiringOnly),
    Renew: onlyWhenTrue(filter?.renewableOnly),
    IsPendingIssue: onlyWhenTrue(filter?.pendingIssueOnly),
    IsSM: onlyWhenTrue(filter?.smOnly),
    Tags: filter?.tags && filter.tags.length > 0 ? toUpstreamTags(filter.tags) : undefined,
    ExpirationSort: orderBy === 'EXPIRES_AT_ASC' ? 'ASC' : orderBy === 'EXPIRES_AT_DESC' ? 'DESC' : undefined,
  };
  // Dropping absent keys keeps equal listings on one cache key (and the upstream request minimal).
  return Object.fromEntries(
    Object.entries(query).filter(([, value]) => value !== undefined),
  ) as CertificateListQuery;
}
