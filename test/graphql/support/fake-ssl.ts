import type {
  SslActionName,
  SslCaller,
  SslCallOptions,
  SslRequest,
  SslResponse,
} from '../../../src/ssl/actions.ts';
import type {
  Certificates,
  DescribeCertificatesRequest,
  DescribeCertificatesResponse,
} from '../../../src/ssl/models.generated.ts';

/** A complete list item, as DescribeCertificates returns it, with the fields a test cares about overridden. */
export function certificateRecord(id: string, overrides: Partial<Certificates> = {}): Certificates {
  return {
    OwnerUin: '100000000001',
    ProjectId: '0',
    From: 'trustasia',
    PackageType: '83',
    CertificateType: 'SVR',
    ProductZhName: 'TrustAsia C1 DV Free',
    Domain: `${id.toLowerCase()}.example.com`,
    Alias: '',
    Status: 1,
    CertificateExtra: {
      DomainNumber: '1',
      OriginCertificateId: null,
      ReplacedBy: null,
      ReplacedFor: null,
      RenewOrder: null,
      SMCert: 0,
      CompanyType: 0,
    },
    VulnerabilityStatus: 'INACTIVE',
    StatusMsg: '',
    VerifyType: 'DNS_AUTO',
    CertBeginTime: '2025-01-01 08:00:00',
    CertEndTime: '2025-04-01 07:59:59',
    ValidityPeriod: '3',
    InsertTime: '2024-12-31 20:15:00',
    CertificateId: id,
    SubjectAltName: [`${id.toLowerCase()}.example.com`],
    PackageTypeName: 'TrustAsia C1 DV Free',
    StatusName: '证书已颁发',
    IsVip: false,
    IsDv: true,
    IsWildcard: false,
    IsVulnerability: false,
    RenewAble: false,
    ProjectInfo: {
      ProjectName: 'Default project',
      ProjectCreatorUin: 100000000001,
      ProjectCreateTime: '2020-01-01 00:00:00',
      ProjectResume: '',
      OwnerUin: 100000000001,
      ProjectId: '0',
    },
    BoundResource: [],
    Deployable: true,
    Tags: [],
    IsIgnore: false,
    IsSM: false,
    EncryptAlgorithm: 'RSA',
    CAEncryptAlgorithms: [],
    CAEndTimes: [],
    CACommonNames: [],
    PreAuditInfo: { TotalPeriod: 1, NowPeriod: 1, ManagerId: '' },
    AutoRenewFlag: 0,
    HostingStatus: -1,
    HostingCompleteTime: '',
    HostingRenewCertId: '',
    HasRenewOrder: '',
    ReplaceOriCertIsDelete: false,
    IsExpiring: false,
    DVAuthDeadline: '',
    ValidationPassedTime: '',
    CertSANs: [],
    AwaitingValidationMsg: '',
    AllowDownload: true,
    IsDNSPODResolve: false,
    IsPackage: false,
    KeyPasswordCustomFlag: false,
    SupportDownloadType: {
      NGINX: true,
      APACHE: true,
      TOMCAT: true,
      IIS: true,
      JKS: true,
      OTHER: true,
      ROOT: true,
    },
    CertRevokedTime: '',
    HostingResourceTypes: [],
    HostingConfig: null,
    IsHostingUploadRenewCert: false,
    ...overrides,
  };
}

export interface RecordedCall {
  readonly action: SslActionName;
  readonly params: unknown;
  readonly signal: AbortSignal | undefined;
}

/**
 * An in-memory SslCaller serving DescribeCertificates with the paging rules the spec documents (Limit default 10,
 * at most 1000) and the emulator's reading of what it leaves open (Limit 0 lists nothing), recording every call
 * so tests can count them.
 */
export class FakeSslCaller implements SslCaller {
  readonly calls: RecordedCall[] = [];
  failWith: Error | undefined;

  constructor(readonly certificates: readonly Certificates[]) {}

  async call<A extends SslActionName>(
    action: A,
    params: SslRequest<A>,
    options?: SslCallOptions,
  ): Promise<SslResponse<A>> {
    this.calls.push({ action, params, signal: options?.signal });
    await Promise.resolve();
    if (this.failWith !== undefined) throw this.failWith;
    if (action !== 'DescribeCertificates') throw new Error(`FakeSslCaller does not serve ${action}`);
    const request = params as DescribeCertificatesRequest;
    const matching =
      request.CertIds === undefined || request.CertIds.length === 0
        ? this.certificates
        : this.certificates.filter((certificate) => request.CertIds?.includes(certificate.CertificateId));
    const offset = request.Offset ?? 0;
    const limit = Math.min(request.Limit ?? 10, 1000);
    const response: DescribeCertificatesResponse = {
      TotalCount: matching.length,
      Certificates: matching.slice(offset, offset + limit),
      RequestId: `fake-${this.calls.length}`,
    };
    return response as SslResponse<A>;
  }

  callsOf(action: SslActionName): RecordedCall[] {
    return this.calls.filter((call) => call.action === action);
  }
}
