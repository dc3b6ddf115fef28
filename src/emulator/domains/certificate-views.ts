// How certificate records are shown: the Certificates list item, DescribeCertificate and
// DescribeCertificateDetail. Only the detail carries key material.
import { createHash, X509Certificate } from 'node:crypto';
import type {
  CertBasicInfo,
  CertificateExtra,
  Certificates,
  DvAuthDetail,
  DvAuths,
  SslActionMap,
  Tags,
} from '../../ssl/models.generated.ts';
import { boundedMemo } from '../../support/bounded-memo.ts';
import { formatBeijingTime } from '../clock.ts';
import type { HandlerContext } from '../handler.ts';
import { splitPemCertificates } from '../pki/x509.ts';
import { PACKAGE_TYPE_NAMES } from '../store/certificate-products.ts';
import { type CertificateRecord, type DvAuthRecord, EXPIRING_WINDOW_MS } from '../store/certificates.ts';
import { EMULATED_OWNER_UIN } from '../store/operation-logs.ts';
import { rootCertificatePem, supportsServiceType } from './certificate-downloads.ts';

type DescribeCertificateOutput = Omit<SslActionMap['DescribeCertificate']['response'], 'RequestId'>;
type DescribeCertificateDetailOutput = Omit<
  SslActionMap['DescribeCertificateDetail']['response'],
  'RequestId'
>;

/** CertificateStatus → the upstream's StatusName. */
export const STATUS_NAMES: Readonly<Record<number, string>> = {
  0: '审核中',
  1: '已通过',
  2: '审核失败',
  3: '已过期',
  4: '已添加DNS记录',
  5: '企业证书，待提交资料',
  6: '订单取消中',
  7: '已取消',
  8: '已提交资料，待上传确认函',
  9: '证书吊销中',
  10: '已吊销',
  11: '重颁发中',
  12: '待上传吊销确认函',
  13: '免费证书待提交资料',
  14: '证书已退款',
  15: '证书迁移中',
};

const time = (epochMs: number | null): string => (epochMs === null ? '' : formatBeijingTime(epochMs));

export function productName(record: CertificateRecord): string {
  if (record.packageType === null) return '';
  return PACKAGE_TYPE_NAMES[record.packageType] ?? '';
}

export function isExpiring(record: CertificateRecord, now: number): boolean {
  return (
    record.status === 1 &&
    record.certEndTime !== null &&
    record.certEndTime > now &&
    record.certEndTime - now <= EXPIRING_WINDOW_MS
  );
}

/** Deployable: issued, server certificate, with its private key held here. */
export function isDeployable(record: CertificateRecord): boolean {
  return record.status === 1 && record.certificateType === 'SVR' && record.privateKeyPem !== null;
}

/** Hostable (auto-replacement): deployable and not hosted yet. */
export function isHostable(record: CertificateRecord): boolean {
  return isDeployable(record) && record.hosting === null;
}

/**
 * The one renewal rule, behind RenewAble, DescribeCertificates.Renew and the renewal inputs
 * (ApplyCertificate.OldCertificateId, CreateCertificateByPackage.OldCertificateId): a certificate the CA issued (not
 * uploaded), still valid but expiring within 30 days ("证书有效期在30天内，且未过期"), with no renewal ordered yet.
 * An expired certificate is not renewed: it is applied for again. A free renewal (`renewal.free`) renews a free
 * certificate only.
 */
export function isRenewable(
  record: CertificateRecord,
  now: number,
  renewal: { free: boolean } = { free: false },
): boolean {
  // A free application (ApplyCertificate) renews only a free certificate: a paid one is renewed by buying it again.
  if (renewal.free && record.isVip) return false;
  return record.from !== 'upload' && record.renewalId === null && isExpiring(record, now);
}

/**
 * DVAuthDeadline applies while the validation records wait to be published: a DV order under review, or a
 * reissue, which validates its domains again whatever its type.
 */
function awaitsDomainValidation(record: CertificateRecord): boolean {
  return (record.status === 0 && record.certType === 'DV') || record.status === 11;
}

export function certificateExtra(record: CertificateRecord): CertificateExtra {
  return {
    DomainNumber: String(record.domainNumber),
    OriginCertificateId: record.renewedFrom,
    ReplacedBy: record.replacedBy,
    ReplacedFor: record.replacedFor,
    RenewOrder: record.renewalId,
    SMCert: record.isSm ? 1 : 0,
    CompanyType: record.companyType,
  };
}

function dvAuths(auths: DvAuthRecord[]): DvAuths[] {
  return auths.map((auth) => ({
    DvAuthKey: auth.key,
    DvAuthValue: auth.value,
    DvAuthDomain: auth.domain,
    DvAuthPath: auth.path,
    DvAuthSubDomain: auth.subDomain,
    DvAuthVerifyType: auth.verifyType,
  }));
}

/** DvAuthDetail: the first record flattened (as the upstream does) plus the full list. */
export function dvAuthDetail(record: CertificateRecord): DvAuthDetail | null {
  const [first] = record.dvAuths;
  if (!first) return null;
  return {
    DvAuthKey: first.key,
    DvAuthValue: first.value,
    DvAuthDomain: first.domain,
    DvAuthPath: first.verifyType === 'FILE' ? first.path : null,
    DvAuthKeySubDomain: first.subDomain,
    DvAuths: dvAuths(record.dvAuths),
  };
}

const tags = (record: CertificateRecord): Tags[] =>
  record.tags.map((tag) => ({ TagKey: tag.key, TagValue: tag.value }));

interface UploadedCaInfo {
  readonly algorithms: string[];
  readonly commonNames: string[];
  readonly endTimes: string[];
}

const NO_UPLOADED_CA: UploadedCaInfo = { algorithms: [], commonNames: [], endTimes: [] };

/** Every certificate of an uploaded CA bundle: its key algorithm, common name and expiry. */
function parseUploadedCaInfo(pem: string): UploadedCaInfo {
  const certificates = splitPemCertificates(pem).map((block) => new X509Certificate(block));
  return {
    algorithms: certificates.map((certificate) =>
      certificate.publicKey.asymmetricKeyType === 'rsa' ? 'RSA' : 'ECC',
    ),
    commonNames: certificates.map((certificate) => /CN=([^\n]*)/.exec(certificate.subject)?.[1] ?? ''),
    endTimes: certificates.map((certificate) => formatBeijingTime(Date.parse(certificate.validTo))),
  };
}

/**
 * Every DescribeCertificates call shows the same CA certificates again, and parsing X.509 is costly next to the
 * rest of an item: a PEM's certificates never change, so they are parsed once per distinct PEM.
 */
const uploadedCaInfoOfPem = boundedMemo(parseUploadedCaInfo, 10_000);

/**
 * CAEncryptAlgorithms, CACommonNames, CAEndTimes: "上传CA证书的…" (of the uploaded CA certificates), "仅证书类型
 * CertificateType为CA有效" (only for CertificateType CA). So a CA-type certificate lists every certificate it was
 * uploaded with, the CA certificates themselves; a server certificate lists none, not even its chain's issuers.
 */
function uploadedCaInfo(record: CertificateRecord): UploadedCaInfo {
  return record.certificateType === 'CA' && record.certificatePem
    ? uploadedCaInfoOfPem(record.certificatePem)
    : NO_UPLOADED_CA;
}

function validityPeriod(record: CertificateRecord): string {
  return String(record.validityMonths);
}

export function toCertificatesItem(record: CertificateRecord, ctx: HandlerContext): Certificates {
  const now = ctx.clock.now();
  const uploadedCa = uploadedCaInfo(record);
  const downloadable = record.certificatePem !== null && record.allowDownload;
  return {
    OwnerUin: EMULATED_OWNER_UIN,
    ProjectId: String(record.projectId),
    From: record.from,
    PackageType: record.packageType ?? '',
    CertificateType: record.certificateType,
    ProductZhName: productName(record),
    Domain: record.domain,
    Alias: record.alias,
    Status: record.status,
    CertificateExtra: certificateExtra(record),
    VulnerabilityStatus: 'INACTIVE',
    StatusMsg: record.statusMsg,
    VerifyType: record.verifyType ?? '',
    CertBeginTime: time(record.certBeginTime),
    CertEndTime: time(record.certEndTime),
    ValidityPeriod: validityPeriod(record),
    InsertTime: time(record.insertTime),
    CertificateId: record.id,
    SubjectAltName: record.subjectAltNames,
    PackageTypeName: productName(record),
    StatusName: STATUS_NAMES[record.status] ?? '',
    IsVip: record.isVip,
    IsDv: record.certType === 'DV',
    IsWildcard: record.domain.startsWith('*.'),
    IsVulnerability: false,
    RenewAble: isRenewable(record, now),
    ProjectInfo: {
      ProjectName: record.projectId === 0 ? '默认项目' : `项目 ${record.projectId}`,
      ProjectCreatorUin: Number(EMULATED_OWNER_UIN),
      ProjectCreateTime: '2020-01-01 00:00:00',
      ProjectResume: '',
      OwnerUin: Number(EMULATED_OWNER_UIN),
      ProjectId: String(record.projectId),
    },
    // Documented as "not available yet": the upstream returns an empty list.
    BoundResource: [],
    Deployable: isDeployable(record),
    Tags: tags(record),
    IsIgnore: record.ignoreExpiringNotification,
    IsSM: record.isSm,
    EncryptAlgorithm: record.encryptAlgorithm,
    CAEncryptAlgorithms: uploadedCa.algorithms,
    CAEndTimes: uploadedCa.endTimes,
    CACommonNames: uploadedCa.commonNames,
    PreAuditInfo: {
      TotalPeriod: record.totalPeriod,
      NowPeriod: record.nowPeriod,
      ManagerId: record.managerId === null ? '' : String(record.managerId),
    },
    AutoRenewFlag: record.autoRenewFlag,
    HostingStatus: record.hosting?.status ?? -1,
    HostingCompleteTime: time(record.hosting?.completeTime ?? null),
    HostingRenewCertId: record.hosting?.renewCertId ?? '',
    HasRenewOrder: record.renewalId ?? '',
    ReplaceOriCertIsDelete: false,
    IsExpiring: isExpiring(record, now),
    DVAuthDeadline: awaitsDomainValidation(record) ? time(record.insertTime + 7 * 24 * 60 * 60 * 1000) : '',
    ValidationPassedTime: time(record.validationPassedTime),
    CertSANs: record.subjectAltNames,
    AwaitingValidationMsg: '',
    AllowDownload: record.allowDownload,
    IsDNSPODResolve: record.verifyType === 'DNS_AUTO',
    IsPackage: record.isPackage,
    KeyPasswordCustomFlag: record.keyPassword !== null,
    SupportDownloadType: {
      NGINX: downloadable,
      APACHE: downloadable,
      TOMCAT: downloadable && supportsServiceType(record, 'tomcat'),
      IIS: downloadable && supportsServiceType(record, 'iis'),
      JKS: downloadable && supportsServiceType(record, 'jks'),
      OTHER: downloadable,
      ROOT: downloadable && supportsServiceType(record, 'root'),
    },
    CertRevokedTime: time(record.revokedTime),
    HostingResourceTypes: record.hosting?.resourceTypes ?? [],
    HostingConfig: record.hosting
      ? {
          ReplaceTime: record.hosting.replaceDaysBeforeExpiry,
          MessageTypes: record.hosting.messageTypes,
          ReplaceStartTime: '00:00:00',
          ReplaceEndTime: '23:59:59',
        }
      : null,
    IsHostingUploadRenewCert: record.from === 'upload' && record.renewedFrom !== null,
  };
}

/** The leading fields DescribeCertificate and DescribeCertificateDetail share, in their order. */
function describedCertificateHead(
  record: CertificateRecord,
): Pick<
  DescribeCertificateDetailOutput,
  | 'OwnerUin'
  | 'ProjectId'
  | 'From'
  | 'CertificateType'
  | 'PackageType'
  | 'ProductZhName'
  | 'Domain'
  | 'Alias'
  | 'Status'
  | 'StatusMsg'
  | 'VerifyType'
  | 'VulnerabilityStatus'
  | 'CertBeginTime'
  | 'CertEndTime'
  | 'ValidityPeriod'
  | 'InsertTime'
  | 'OrderId'
  | 'CertificateExtra'
> {
  return {
    OwnerUin: EMULATED_OWNER_UIN,
    ProjectId: String(record.projectId),
    From: record.from,
    CertificateType: record.certificateType,
    PackageType: record.packageType,
    ProductZhName: productName(record),
    Domain: record.domain,
    Alias: record.alias,
    Status: record.status,
    StatusMsg: record.statusMsg,
    VerifyType: record.verifyType,
    VulnerabilityStatus: 'INACTIVE',
    CertBeginTime: record.certBeginTime === null ? null : time(record.certBeginTime),
    CertEndTime: record.certEndTime === null ? null : time(record.certEndTime),
    ValidityPeriod: validityPeriod(record),
    InsertTime: time(record.insertTime),
    OrderId: record.orderId,
    CertificateExtra: certificateExtra(record),
  };
}

export function toDescribeCertificate(
  record: CertificateRecord,
  ctx: HandlerContext,
): DescribeCertificateOutput {
  const uploadedCa = uploadedCaInfo(record);
  return {
    ...describedCertificateHead(record),
    DvAuthDetail: dvAuthDetail(record),
    VulnerabilityReport: null,
    CertificateId: record.id,
    PackageTypeName: productName(record),
    StatusName: STATUS_NAMES[record.status] ?? '',
    // DescribeCertificate's SubjectAltName includes the main domain (DescribeCertificateDetail's does not).
    SubjectAltName: record.subjectAltNames,
    IsVip: record.isVip,
    IsWildcard: record.domain.startsWith('*.'),
    IsDv: record.certType === 'DV',
    IsVulnerability: false,
    RenewAble: isRenewable(record, ctx.clock.now()),
    SubmittedData: record.submitted,
    Deployable: isDeployable(record),
    Tags: tags(record),
    CAEncryptAlgorithms: uploadedCa.algorithms,
    CACommonNames: uploadedCa.commonNames,
    CAEndTimes: uploadedCa.endTimes,
    DvRevokeAuthDetail: dvAuths(record.revokeDvAuths),
  };
}

function certBasicInfo(pem: string): CertBasicInfo {
  const certificate = new X509Certificate(pem);
  return {
    Issuer: certificate.issuer.replace(/\n/g, ', '),
    Subject: certificate.subject.replace(/\n/g, ', '),
    // The vendor's example (881be953a4fd8cab401409b530ee75d1bd171075) is a SHA-1, in lower-case hex here.
    Fingerprint: createHash('sha1').update(certificate.raw).digest('hex'),
    ValidFrom: formatBeijingTime(Date.parse(certificate.validFrom)),
    ValidTo: formatBeijingTime(Date.parse(certificate.validTo)),
  };
}

/**
 * CertFingerprint: the SHA-1 of the leaf's DER ("签名证书 SHA1指纹"), in upper-case hex without separators as the
 * vendor's example (5894DA009D7B378A96D168A56B1EC4E2D8065A8D) writes it.
 */
export function leafFingerprint(record: CertificateRecord): string | null {
  const [leaf] = record.certificatePem ? splitPemCertificates(record.certificatePem) : [];
  if (!leaf) return null;
  return createHash('sha1').update(new X509Certificate(leaf).raw).digest('hex').toUpperCase();
}

export function toDescribeCertificateDetail(
  record: CertificateRecord,
  ctx: HandlerContext,
): DescribeCertificateDetailOutput {
  const summary = toDescribeCertificate(record, ctx);
  const chain = record.certificatePem ? splitPemCertificates(record.certificatePem) : [];
  return {
    ...describedCertificateHead(record),
    CertificatePrivateKey: record.privateKeyPem,
    CertificatePublicKey: record.certificatePem,
    DvAuthDetail: dvAuthDetail(record),
    VulnerabilityReport: null,
    CertificateId: record.id,
    TypeName: productName(record) || null,
    StatusName: STATUS_NAMES[record.status] ?? '',
    SubjectAltName: record.subjectAltNames.filter((name) => name !== record.domain),
    IsVip: record.isVip,
    IsWildcard: record.domain.startsWith('*.'),
    IsDv: record.certType === 'DV',
    IsVulnerability: false,
    SubmittedData: record.submitted,
    RenewAble: summary.RenewAble ?? false,
    Deployable: isDeployable(record),
    Tags: tags(record),
    RootCert: {
      Sign: null,
      Encrypt: null,
      Standard: rootCertificatePem(record),
    },
    EncryptCert: null,
    EncryptPrivateKey: null,
    CertFingerprint: leafFingerprint(record),
    EncryptCertFingerprint: null,
    EncryptAlgorithm: record.encryptAlgorithm,
    DvRevokeAuthDetail: summary.DvRevokeAuthDetail,
    CertChainInfo: chain.length > 0 ? chain.map(certBasicInfo) : null,
    DomainType: record.domainType,
    CertType: record.certType,
  };
}
