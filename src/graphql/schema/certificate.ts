import { builder } from '../builder.ts';
import type { CertificateRecord } from '../loaders/certificates.ts';
import { parseUpstreamTime } from '../time.ts';
import { CertificateSource, CertificateStatus, CertificateType } from './certificate-enums.ts';
import { CertificateFilter, CertificateOrder, toCertificateListQuery } from './certificate-filter.ts';
import { forwardWindow, type OffsetConnectionShape, toOffsetConnection } from './pagination.ts';

const MS_PER_DAY = 24 * 60 * 60 * 1000;

/** The upstream uses '' as well as null for "not set"; the schema only knows null. */
export function presentOrNull(value: string | null | undefined): string | null {
  return value === null || value === undefined || value.trim() === '' ? null : value;
}

export const CertificateRef = builder.objectRef<CertificateRecord>('Certificate');

/** `expiresAt` and `daysUntilExpiry` both read the end time: parsed once per record (records are not mutated). */
const expiryOfRecord = new WeakMap<CertificateRecord, Date | null>();

function expiryOf(certificate: CertificateRecord): Date | null {
  let expiry = expiryOfRecord.get(certificate);
  if (expiry === undefined) {
    expiry = parseUpstreamTime(certificate.CertEndTime);
    expiryOfRecord.set(certificate, expiry);
  }
  return expiry;
}

const CertificateTagRef = builder.simpleObject('CertificateTag', {
  description: 'A tag (key/value pair) attached to a certificate.',
  fields: (t) => ({
    key: t.string({ nullable: false, description: 'The tag key.' }),
    value: t.string({ nullable: false, description: 'The tag value.' }),
  }),
});

CertificateRef.implement({
  description: 'An SSL/TLS certificate managed by Tencent Cloud SSL Certificates (issued there or uploaded).',
  fields: (t) => ({
    id: t.id({
      description: 'The certificate ID assigned by Tencent Cloud (e.g. `LqQxgqUe`).',
      nullable: false,
      resolve: (certificate) => certificate.CertificateId,
    }),
    alias: t.string({
      description: 'The remark name given to the certificate, if any.',
      resolve: (certificate) => presentOrNull(certificate.Alias),
    }),
    domain: t.string({
      description: 'The primary domain.',
      nullable: false,
      resolve: (certificate) => certificate.Domain,
    }),
    domains: t.stringList({
      description:
        'Every domain the certificate covers (its subject alternative names), including the primary one.',
      nullable: false,
      resolve: (certificate) => certificate.SubjectAltName ?? [],
    }),
    status: t.field({
      type: CertificateStatus.ref,
      description: 'Where the certificate is in its life cycle.',
      nullable: false,
      resolve: (certificate) => CertificateStatus.fromUpstream(certificate.Status),
    }),
    statusMessage: t.string({
      description:
        'More detail on the status, e.g. the review stage (`PRE-REVIEWING`, `CA-REVIEWING`, `PENDING-DCV`, ' +
        '`WAIT-ISSUE`) or why a review failed (free text).',
      resolve: (certificate) => presentOrNull(certificate.StatusMsg),
    }),
    source: t.field({
      type: CertificateSource.ref,
      description: 'Where the certificate comes from; null when Tencent Cloud does not say.',
      resolve: (certificate) => {
        const from = presentOrNull(certificate.From);
        return from === null ? null : CertificateSource.fromUpstream(from);
      },
    }),
    certificateType: t.field({
      type: CertificateType.ref,
      description: 'Whether this is a server certificate or a client/CA certificate.',
      nullable: false,
      resolve: (certificate) => CertificateType.fromUpstream(certificate.CertificateType),
    }),
    packageType: t.string({
      description:
        'The certificate package (product) code, e.g. `83` for TrustAsia C1 DV Free; null for uploaded certificates.',
      resolve: (certificate) => presentOrNull(certificate.PackageType),
    }),
    productName: t.string({
      description: 'The certificate product name; for an uploaded certificate, the name of its issuing CA.',
      resolve: (certificate) => presentOrNull(certificate.ProductZhName),
    }),
    projectId: t.id({
      description:
        'The ID of the Tencent Cloud project the certificate belongs to (`0` is the default project).',
      nullable: false,
      resolve: (certificate) => certificate.ProjectId,
    }),
    beginsAt: t.field({
      type: 'DateTime',
      description: 'When the certificate becomes valid; null until it is issued.',
      resolve: (certificate) => parseUpstreamTime(certificate.CertBeginTime),
    }),
    expiresAt: t.field({
      type: 'DateTime',
      description: 'When the certificate expires; null until it is issued.',
      resolve: (certificate) => expiryOf(certificate),
    }),
    createdAt: t.field({
      type: 'DateTime',
      description:
        'When the certificate was applied for or uploaded; null when Tencent Cloud does not report it.',
      resolve: (certificate) => parseUpstreamTime(certificate.InsertTime),
    }),
    daysUntilExpiry: t.int({
      description:
        'Whole days left until the certificate expires (0 on its last day, negative once expired); ' +
        'null until it is issued.',
      resolve: (certificate, _args, context) => {
        const expiresAt = expiryOf(certificate);
        if (expiresAt === null) return null;
        return Math.floor((expiresAt.getTime() - context.now().getTime()) / MS_PER_DAY);
      },
    }),
    isExpiring: t.boolean({
      description: 'Whether the certificate expires within 30 days, as Tencent Cloud reports it.',
      nullable: false,
      resolve: (certificate) => certificate.IsExpiring === true,
    }),
    isDeployable: t.boolean({
      description: 'Whether the certificate can be deployed to cloud resources.',
      nullable: false,
      resolve: (certificate) => certificate.Deployable === true,
    }),
    isExpiringNotificationEnabled: t.boolean({
      description:
        'Whether expiry notifications are sent for this certificate (false once they are ignored).',
      nullable: false,
      resolve: (certificate) => certificate.IsIgnore !== true,
    }),
    isRenewable: t.boolean({
      description: 'Whether the certificate can be renewed.',
      nullable: false,
      resolve: (certificate) => certificate.RenewAble === true,
    }),
    isVip: t.boolean({
      description: 'Whether the certificate belongs to a VIP customer.',
      nullable: false,
      resolve: (certificate) => certificate.IsVip === true,
    }),
    isDv: t.boolean({
      description: 'Whether this is a domain-validated (DV) certificate.',
      nullable: false,
      resolve: (certificate) => certificate.IsDv === true,
    }),
    isWildcard: t.boolean({
      description: 'Whether this is a wildcard certificate.',
      nullable: false,
      resolve: (certificate) => certificate.IsWildcard === true,
    }),
    tags: t.field({
      type: [CertificateTagRef],
      description: 'The tags attached to the certificate.',
      nullable: false,
      resolve: (certificate) =>
        (certificate.Tags ?? []).map((tag) => ({ key: tag.TagKey, value: tag.TagValue })),
    }),
  }),
});

type CertificateConnectionShape = OffsetConnectionShape<CertificateRecord>;

const CertificateConnectionRef = builder.connectionObject<typeof CertificateRef, CertificateConnectionShape>(
  {
    type: CertificateRef,
    name: 'CertificateConnection',
    description: "A page of the account's certificates.",
    fields: (t) => ({
      totalCount: t.int({
        description: 'How many certificates match the filter in total, across all pages.',
        nullable: false,
        resolve: (connection) => connection.totalCount,
      }),
    }),
  },
  { name: 'CertificateEdge', description: 'A certificate in a CertificateConnection.' },
);

builder.queryFields((t) => ({
  certificates: t.field({
    type: CertificateConnectionRef,
    description:
      "The account's certificates matching `filter`, newest application first unless `orderBy` says " +
      'otherwise. Pages hold at most 100 certificates; continue with `after: pageInfo.endCursor`.',
    nullable: false,
    args: {
      first: t.arg.int({ description: 'How many certificates to return (default 20, at most 100).' }),
      after: t.arg.string({ description: 'Return the certificates after this cursor.' }),
      filter: t.arg({ type: CertificateFilter, description: 'Only the certificates matching this.' }),
      orderBy: t.arg({
        type: CertificateOrder,
        description: 'The order of the certificates (default CREATED_AT_DESC).',
        defaultValue: 'CREATED_AT_DESC',
      }),
    },
    resolve: async (_root, args, context) => {
      const { offset, limit } = forwardWindow(args);
      const query = toCertificateListQuery(args.filter, args.orderBy);
      const page = await context.loaders.certificates.page(offset, limit, query);
      return toOffsetConnection({ ...page, items: page.certificates });
    },
  }),
  certificate: t.field({
    type: CertificateRef,
    description: 'One certificate by its Tencent Cloud ID; null when it does not exist or is not visible.',
    args: {
      id: t.arg.id({ required: true, description: 'The certificate ID, e.g. `LqQxgqUe`.' }),
    },
    resolve: (_root, args, context) => context.loaders.certificates.byId.load(String(args.id)),
  }),
}));
