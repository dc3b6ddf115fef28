// Certificate fields beyond the list shape. Those needing DescribeCertificateDetail load it only when selected,
// through one per-request loader, so several such fields of one certificate still cost a single call.
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import type { CertificateDetail } from '../loaders/certificate-details.ts';
import type { CertificateRecord } from '../loaders/certificate-record.ts';
import { prefetchedById } from '../prefetch.ts';
import { parseUpstreamTime } from '../time.ts';
import { presentOrNull } from '../upstream-values.ts';
import { CertificateRef } from './certificate.ts';
import { ApplicantType, DomainCoverage, HostingStatus, ValidationLevel } from './certificate-enums.ts';
import { loadLinkedCertificate } from './certificate-links.ts';

function loadDetail(
  certificate: CertificateRecord,
  context: GraphQLContext,
): Promise<CertificateDetail | null> {
  return context.loaders.certificateDetails.byId.load(certificate.id);
}

/**
 * For the fields of a certificate that read its detail: `certificate(id:)` starts DescribeCertificateDetail
 * together with its own lookup (prefetch.ts). Not for secret fields, which are refused before any upstream call.
 */
export const prefetchesDetail = prefetchedById((certificateId, _args: unknown, context) =>
  context.loaders.certificateDetails.byId.load(certificateId),
);

interface SmEncryptionShape {
  readonly certificatePem: string;
  readonly privateKeyPem: string | null;
  readonly fingerprintSha1: string | null;
}

const SmEncryptionCertificateRef = builder.objectRef<SmEncryptionShape>('SmEncryptionCertificate').implement({
  description:
    'The encryption half of an SM2 (Chinese national cryptography) certificate pair; the signing half is the ' +
    "certificate's own PEM.",
  fields: (t) => ({
    certificatePem: t.string({
      description: 'The encryption certificate, PEM encoded.',
      nullable: false,
      resolve: (pair) => pair.certificatePem,
    }),
    privateKeyPem: t.string({
      description: 'The private key of the encryption certificate, PEM encoded. Secret.',
      authScopes: { secrets: true },
      resolve: (pair) => pair.privateKeyPem,
    }),
    fingerprintSha1: t.string({
      description: 'The SHA-1 fingerprint of the encryption certificate, as Tencent Cloud computes it.',
      resolve: (pair) => pair.fingerprintSha1,
    }),
  }),
});

const RootCertificatesRef = builder.objectRef<CertificateDetail['RootCert']>('RootCertificates').implement({
  description: 'The root (CA) certificates the certificate chains up to, PEM encoded.',
  fields: (t) => ({
    standardPem: t.string({
      description: 'The root certificate of a standard (RSA/ECC) certificate.',
      resolve: (roots) => presentOrNull(roots.Standard),
    }),
    smSigningPem: t.string({
      description: 'The root certificate of the signing half of an SM2 certificate.',
      resolve: (roots) => presentOrNull(roots.Sign),
    }),
    smEncryptionPem: t.string({
      description: 'The root certificate of the encryption half of an SM2 certificate.',
      resolve: (roots) => presentOrNull(roots.Encrypt),
    }),
  }),
});

const CertificatePurchaseRef = builder.objectRef<CertificateRecord>('CertificatePurchase').implement({
  description: 'What was ordered from the CA: the product, its validation level, term and domain capacity.',
  fields: (t) => ({
    orderId: t.string({
      description: "The CA's order ID; null for uploaded certificates and before the order reaches the CA.",
      resolve: async (certificate, _args, context) => {
        const order = await context.loaders.certificateDetails.orderDataById.load(certificate.id);
        return presentOrNull(order?.OrderId);
      },
    }),
    validationLevel: t.field({
      type: ValidationLevel.ref,
      description: 'How thoroughly the CA checks the applicant (DV, OV, EV).',
      resolve: async (certificate, _args, context) => {
        const level = presentOrNull((await loadDetail(certificate, context))?.CertType);
        return level === null ? null : ValidationLevel.fromUpstream(level);
      },
    }),
    domainCoverage: t.field({
      type: DomainCoverage.ref,
      description: 'Which domains the product can cover (single, multiple, wildcard).',
      resolve: async (certificate, _args, context) => {
        const detail = await loadDetail(certificate, context);
        return detail === null || !detail.DomainType ? null : DomainCoverage.fromUpstream(detail.DomainType);
      },
    }),
    validityMonths: t.int({
      description: 'The validity period of the certificate, in months.',
      resolve: (certificate) => {
        const months = Number.parseInt(certificate.upstream.ValidityPeriod ?? '', 10);
        return Number.isNaN(months) ? null : months;
      },
    }),
    domainCapacity: t.int({
      description: 'How many domains the certificate can hold.',
      resolve: (certificate) => {
        const count = Number.parseInt(certificate.upstream.CertificateExtra?.DomainNumber ?? '', 10);
        return Number.isNaN(count) ? null : count;
      },
    }),
    applicantType: t.field({
      type: ApplicantType.ref,
      description: 'Whether the certificate was applied for by an individual or a company.',
      resolve: (certificate) => {
        const type = certificate.upstream.CertificateExtra?.CompanyType;
        return type ? ApplicantType.fromUpstream(type) : null;
      },
    }),
    totalYears: t.int({
      description: 'For multi-year orders, how many years the order covers in total.',
      resolve: (certificate) => certificate.upstream.PreAuditInfo?.TotalPeriod || null,
    }),
    currentYear: t.int({
      description: 'For multi-year orders, which year of the order the current certificate serves.',
      resolve: (certificate) => certificate.upstream.PreAuditInfo?.NowPeriod || null,
    }),
    isAutoRenewEnabled: t.boolean({
      description: 'Whether the certificate is renewed automatically.',
      nullable: false,
      resolve: (certificate) => certificate.upstream.AutoRenewFlag === 1,
    }),
    isPaidWithPackage: t.boolean({
      description: 'Whether the certificate was paid for with points of a certificate package.',
      nullable: false,
      resolve: (certificate) => certificate.upstream.IsPackage === true,
    }),
  }),
});

const CertificateHostingRef = builder.objectRef<CertificateRecord>('CertificateHosting').implement({
  description:
    'Hosting: Tencent Cloud renews the certificate and replaces it on its cloud resources before it expires.',
  fields: (t) => ({
    status: t.field({
      type: HostingStatus.ref,
      description: 'Where the certificate is in hosting.',
      // Absent means never hosted.
      resolve: (certificate) => HostingStatus.fromUpstream(certificate.upstream.HostingStatus ?? -1),
    }),
    completedAt: t.field({
      type: 'DateTime',
      description: 'When hosting completed; null until it has.',
      resolve: (certificate) => parseUpstreamTime(certificate.upstream.HostingCompleteTime),
    }),
    renewal: t.field({
      type: CertificateRef,
      description: 'The new certificate hosting obtained to replace this one; null until there is one.',
      resolve: (certificate, _args, context) =>
        loadLinkedCertificate(certificate.upstream.HostingRenewCertId, context),
    }),
    isRenewalOfUploadedCertificate: t.boolean({
      description: 'Whether this certificate is itself the hosted renewal of an uploaded certificate.',
      nullable: false,
      resolve: (certificate) => certificate.upstream.IsHostingUploadRenewCert === true,
    }),
    replaceDaysBeforeExpiry: t.int({
      description: 'How many days before expiry the renewal replaces the certificate on its resources.',
      resolve: (certificate) => certificate.upstream.HostingConfig?.ReplaceTime ?? null,
    }),
    replaceWindowStart: t.string({
      description: 'The daily time (hh:mm:ss, Beijing time) from which replacements may run.',
      resolve: (certificate) => presentOrNull(certificate.upstream.HostingConfig?.ReplaceStartTime),
    }),
    replaceWindowEnd: t.string({
      description: 'The daily time (hh:mm:ss, Beijing time) until which replacements may run.',
      resolve: (certificate) => presentOrNull(certificate.upstream.HostingConfig?.ReplaceEndTime),
    }),
  }),
});

interface UploadedCaShape {
  readonly commonName: string;
  readonly encryptionAlgorithm: string | null;
  readonly expiresAt: string | null;
}

const UploadedCaCertificateRef = builder.objectRef<UploadedCaShape>('UploadedCaCertificate').implement({
  description: 'One CA certificate of an uploaded client/CA certificate bundle.',
  fields: (t) => ({
    commonName: t.string({
      description: 'The common name of the CA certificate.',
      nullable: false,
      resolve: (ca) => ca.commonName,
    }),
    encryptionAlgorithm: t.string({
      description: 'The key algorithm of the CA certificate (e.g. `RSA 2048`).',
      resolve: (ca) => presentOrNull(ca.encryptionAlgorithm),
    }),
    expiresAt: t.field({
      type: 'DateTime',
      description: 'When the CA certificate expires.',
      resolve: (ca) => parseUpstreamTime(ca.expiresAt),
    }),
  }),
});

builder.objectFields(CertificateRef, (t) => ({
  certificatePem: t.string({
    ...prefetchesDetail,
    description:
      'The certificate and its chain, PEM encoded (public: no key material); null until it is issued. ' +
      'For SM2 certificates, the signing certificate.',
    resolve: async (certificate, _args, context) =>
      presentOrNull((await loadDetail(certificate, context))?.CertificatePublicKey),
  }),
  privateKeyPem: t.string({
    description:
      'The private key, PEM encoded; null when Tencent Cloud does not hold it. For SM2 certificates, the key of ' +
      'the signing certificate. Secret: requires the `ssl:secrets` scope.',
    authScopes: { secrets: true },
    resolve: async (certificate, _args, context) =>
      presentOrNull((await loadDetail(certificate, context))?.CertificatePrivateKey),
  }),
  smEncryptionCertificate: t.field({
    ...prefetchesDetail,
    type: SmEncryptionCertificateRef,
    description: 'The encryption certificate of an SM2 certificate pair; null for other certificates.',
    resolve: async (certificate, _args, context) => {
      const detail = await loadDetail(certificate, context);
      const pem = presentOrNull(detail?.EncryptCert);
      if (detail === null || pem === null) return null;
      return {
        certificatePem: pem,
        privateKeyPem: presentOrNull(detail.EncryptPrivateKey),
        fingerprintSha1: presentOrNull(detail.EncryptCertFingerprint),
      };
    },
  }),
  rootCertificates: t.field({
    ...prefetchesDetail,
    type: RootCertificatesRef,
    description: 'The root certificates the certificate chains up to; null until it is issued.',
    resolve: async (certificate, _args, context) =>
      (await loadDetail(certificate, context))?.RootCert ?? null,
  }),
  fingerprintSha1: t.string({
    ...prefetchesDetail,
    description:
      'The SHA-1 fingerprint of the certificate (its leaf), as Tencent Cloud computes it: 40 upper-case hexadecimal ' +
      'digits without separators; null until issued.',
    resolve: async (certificate, _args, context) =>
      presentOrNull((await loadDetail(certificate, context))?.CertFingerprint),
  }),
  encryptionAlgorithm: t.exposeString('encryptionAlgorithm', {
    description: 'The key algorithm of the certificate as Tencent Cloud names it (e.g. `RSA 2048`, `SM2`).',
    nullable: true,
  }),
  isSm: t.exposeBoolean('isSm', {
    description: 'Whether this is an SM2 (Chinese national cryptography) certificate.',
    nullable: false,
  }),
  isDownloadAllowed: t.boolean({
    description:
      "The owner's setting that permits downloads of this certificate (Tencent Cloud's AllowDownload, chosen " +
      'with `allowDownload` on upload). A permission, not a promise that files exist: only a certificate that ' +
      'has been issued has them, so `downloadLink` fails for a certificate not issued yet (' +
      '`FailedOperation.CertificateStatusNotAllowDownload`) even where this is true. False: downloads are ' +
      'refused (`FailedOperation.CertificateNotAllowDownload`).',
    nullable: false,
    resolve: (certificate) => certificate.upstream.AllowDownload === true,
  }),
  hasPrivateKeyPassword: t.boolean({
    description: 'Whether the private key is protected by a password chosen by the applicant.',
    nullable: false,
    resolve: (certificate) => certificate.upstream.KeyPasswordCustomFlag === true,
  }),
  areAllDomainsResolvedByDnspod: t.boolean({
    description: 'Whether every domain of the certificate is resolved by DNSPod (Tencent Cloud DNS).',
    nullable: false,
    resolve: (certificate) => certificate.upstream.IsDNSPODResolve === true,
  }),
  revokedAt: t.field({
    type: 'DateTime',
    description: 'When the certificate was revoked; null unless it has been.',
    resolve: (certificate) => parseUpstreamTime(certificate.upstream.CertRevokedTime),
  }),
  purchase: t.field({
    type: CertificatePurchaseRef,
    description: 'What was ordered from the CA; null for uploaded certificates.',
    resolve: (certificate) => (certificate.upstream.From?.toLowerCase() === 'upload' ? null : certificate),
  }),
  hosting: t.field({
    type: CertificateHostingRef,
    description: 'Whether and how Tencent Cloud hosts (auto-renews and replaces) the certificate.',
    nullable: false,
    resolve: (certificate) => certificate,
  }),
  uploadedCaCertificates: t.field({
    type: [UploadedCaCertificateRef],
    description: 'For an uploaded client/CA certificate, the CA certificates it contains; empty otherwise.',
    nullable: false,
    resolve: (certificate) =>
      (certificate.upstream.CACommonNames ?? []).map((commonName, index) => ({
        commonName,
        encryptionAlgorithm: certificate.upstream.CAEncryptAlgorithms?.[index] ?? null,
        expiresAt: certificate.upstream.CAEndTimes?.[index] ?? null,
      })),
  }),
}));
