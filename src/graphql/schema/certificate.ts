import { builder } from '../builder.ts';
import { exposedProperty, valueOrThrow } from '../exposed-property.ts';
import type { CertificateRecord } from '../loaders/certificate-record.ts';
import { prefetchSelectedFields } from '../prefetch.ts';
import { CertificateSource, CertificateStatus, CertificateType } from './certificate-enums.ts';
import { CertificateFilter, CertificateOrder, toCertificateListQuery } from './certificate-filter.ts';
import { certificateIdOf } from './certificate-inputs.ts';
import { forwardWindow, type OffsetConnectionShape, toOffsetConnection } from './pagination.ts';

const MS_PER_DAY = 24 * 60 * 60 * 1000;

export const CertificateRef = builder.objectRef<CertificateRecord>('Certificate');

/**
 * For the fields of a certificate that make upstream calls of their own (one per certificate): nullable, so that
 * one certificate's failed read (a refused call, the gateway's rate limiter) fails that field alone, not the
 * whole page of certificates around it.
 */
export const OWN_UPSTREAM_READ = {
  nullable: true,
  note: ' Null, with an error at its path, when the upstream read it needs fails.',
} as const;

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
    id: t.exposeID('id', {
      description: 'The certificate ID assigned by Tencent Cloud (e.g. `LqQxgqUe`).',
      nullable: false,
    }),
    alias: t.exposeString('alias', {
      description: 'The remark name given to the certificate, if any.',
      nullable: true,
    }),
    domain: t.exposeString('domain', {
      description:
        'The primary domain. Empty (`""`, not null) while the order does not name one yet: an enterprise ' +
        'certificate in ENTERPRISE_INFORMATION_REQUIRED whose order information is not submitted.',
      nullable: false,
    }),
    domains: t.exposeStringList('domains', {
      description:
        'Every domain the certificate covers (its subject alternative names), including the primary one. Empty ' +
        'while the order names none yet (ENTERPRISE_INFORMATION_REQUIRED, order information not submitted).',
      nullable: false,
    }),
    status: t.field({
      type: CertificateStatus.ref,
      description: 'Where the certificate is in its life cycle.',
      ...exposedProperty('status'),
      resolve: (certificate) => valueOrThrow(certificate.status),
    }),
    statusMessage: t.exposeString('statusMessage', {
      description:
        'More detail on the status, e.g. the review stage (`PRE-REVIEWING`, `CA-REVIEWING`, `PENDING-DCV`, ' +
        '`WAIT-ISSUE`) or why a review failed (free text).',
      nullable: true,
    }),
    source: t.field({
      type: CertificateSource.ref,
      description: 'Where the certificate comes from; null when Tencent Cloud does not say.',
      ...exposedProperty('source'),
      resolve: (certificate) => valueOrThrow(certificate.source),
    }),
    certificateType: t.field({
      type: CertificateType.ref,
      description: 'Whether this is a server certificate or a client/CA certificate.',
      ...exposedProperty('certificateType'),
      resolve: (certificate) => valueOrThrow(certificate.certificateType),
    }),
    packageType: t.exposeString('packageType', {
      description:
        'The certificate package (product) code, e.g. `83` for TrustAsia C1 DV Free; null for uploaded certificates.',
      nullable: true,
    }),
    productName: t.exposeString('productName', {
      description:
        'The certificate product name (ProductZhName, e.g. `TrustAsia C1 DV Free`); null when the API gives none.',
      nullable: true,
    }),
    projectId: t.exposeID('projectId', {
      description:
        'The ID of the Tencent Cloud project the certificate belongs to (`0` is the default project).',
      nullable: false,
    }),
    beginsAt: t.field({
      type: 'DateTime',
      description: 'When the certificate becomes valid; null until it is issued.',
      ...exposedProperty('beginsAt'),
      resolve: (certificate) => valueOrThrow(certificate.beginsAt),
    }),
    expiresAt: t.field({
      type: 'DateTime',
      description: 'When the certificate expires; null until it is issued.',
      ...exposedProperty('expiresAt'),
      resolve: (certificate) => valueOrThrow(certificate.expiresAt),
    }),
    createdAt: t.field({
      type: 'DateTime',
      description:
        'When the certificate was applied for or uploaded; null when Tencent Cloud does not report it.',
      ...exposedProperty('createdAt'),
      resolve: (certificate) => valueOrThrow(certificate.createdAt),
    }),
    daysUntilExpiry: t.int({
      description:
        'Whole days left until the certificate expires (0 on its last day, negative once expired); ' +
        'null until it is issued.',
      resolve: (certificate, _args, context) => {
        const expiresAt = valueOrThrow(certificate.expiresAt);
        if (expiresAt === null) return null;
        return Math.floor((expiresAt.getTime() - context.now().getTime()) / MS_PER_DAY);
      },
    }),
    isExpiring: t.exposeBoolean('isExpiring', {
      description: 'Whether the certificate expires within 30 days, as Tencent Cloud reports it.',
      nullable: false,
    }),
    isDeployable: t.exposeBoolean('isDeployable', {
      description: 'Whether the certificate can be deployed to cloud resources.',
      nullable: false,
    }),
    isExpiringNotificationEnabled: t.exposeBoolean('isExpiringNotificationEnabled', {
      description:
        'Whether expiry notifications are sent for this certificate (false once they are ignored).',
      nullable: false,
    }),
    isRenewable: t.exposeBoolean('isRenewable', {
      description: 'Whether the certificate can be renewed.',
      nullable: false,
    }),
    isVip: t.exposeBoolean('isVip', {
      description: 'Whether the certificate belongs to a VIP customer.',
      nullable: false,
    }),
    isDv: t.exposeBoolean('isDv', {
      description: 'Whether this is a domain-validated (DV) certificate.',
      nullable: false,
    }),
    isWildcard: t.exposeBoolean('isWildcard', {
      description: 'Whether this is a wildcard certificate.',
      nullable: false,
    }),
    tags: t.expose('tags', {
      type: [CertificateTagRef],
      description: 'The tags attached to the certificate.',
      nullable: false,
    }),
  }),
});

type CertificateConnectionShape = OffsetConnectionShape<CertificateRecord>;

const CertificateConnectionRef = builder.connectionObject<typeof CertificateRef, CertificateConnectionShape>(
  {
    type: CertificateRef,
    name: 'CertificateConnection',
    description:
      "A page of the account's certificates. Cursors are positions: a certificate applied for, uploaded or " +
      'deleted between two pages shifts the rest (in the default order, newest first, every new one does), so the ' +
      'next page may repeat a certificate or skip one; the expiry orders shift the same way.',
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
      'otherwise. Pages hold at most 100 certificates; continue with `after: pageInfo.endCursor`. Cursors are ' +
      'positions, not certificates: see CertificateConnection for what a list changing between pages does.',
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
    resolve: (_root, args, context, info) => {
      const id = certificateIdOf(args.id);
      prefetchSelectedFields(id, info, context);
      return context.loaders.certificates.byId.load(id);
    },
  }),
}));
