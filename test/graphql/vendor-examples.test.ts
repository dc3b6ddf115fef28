import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createGateway } from '../../src/graphql/yoga.ts';
import type { SslActionName, SslCaller } from '../../src/ssl/actions.ts';

// The gateway over answers copied from the vendor's API documentation (its 输出示例), where they hold values
// the documented enums and the emulator do not produce.

const VENDOR_EXAMPLES: Partial<Record<SslActionName, unknown>> = {
  DescribePackages: {
    TotalCount: 1,
    Packages: [
      {
        Status: 'used',
        UpdateTime: '2022-09-13',
        Total: 1,
        SourceType: 'transferIn',
        TransferOutInfos: [
          {
            UpdateTime: '2023-09-13',
            ReceiverUin: 1,
            ReceivePackageId: 'H09******88',
            TransferCount: 1,
            ReceiveTime: '2023-10-19',
            ExpireTime: '2023-12-19',
            TransferCode: 'hg****jj',
            PackageId: 'K234*******77',
            TransferStatus: 'refund',
            CreateTime: '2023-09-18',
          },
        ],
        SourceUin: 1,
        ExpireTime: '2023-12-18',
        PackageId: 'J88*****867',
        Balance: 1,
        Type: 'buy',
        CreateTime: '2023-08-26',
      },
    ],
    RequestId: 'hdg**********jdj',
    TotalBalance: 1,
  },
  DescribeManagerDetail: {
    Status: 'ok',
    ManagerFirstName: 'luke',
    ManagerMail: 'luke@qq.com',
    ContactFirstName: 'luke',
    ManagerLastName: 'zhang',
    ContactPosition: 'sre',
    ManagerPosition: 'sre',
    VerifyTime: '2023-09-11 12:00:00',
    CreateTime: '2023-09-11 12:00:00',
    ExpireTime: '2024-09-11 12:00:00',
    ContactLastName: 'zhang',
    ManagerPhone: '188*******',
    ContactPhone: '188********',
    ContactMail: 'luke@qq.com',
    ManagerDepartment: 'It',
    CompanyInfo: {
      CompanyName: 'Tencent',
      CompanyId: 974321,
      CompanyCountry: 'China',
      CompanyProvince: 'Guangdong',
      CompanyCity: 'Shenzhen',
      CompanyAddress: 'Street*******',
      CompanyPhone: '021-******',
      IdType: 'IT',
      IdNumber: '89773',
    },
    CompanyId: 636448,
    ManagerId: 36383,
    StatusInfo: [
      { Type: 'ov', Status: 'active', CreateTime: '2023-09-11 12:00:00', ExpireTime: '2024-09-11 12:00:00' },
    ],
    RequestId: '14727a68-3b90-4408-99c9-dea6d7de9456',
  },
  DescribeHostCdnInstanceList: {
    InstanceList: [{ Domain: 'www.zrh.com', CertId: 'gss***kl', Status: 'normal', HttpsBillingSwitch: '1' }],
    TotalCount: 1,
    AsyncTotalNum: 0,
    AsyncOffset: 0,
    AsyncCacheTime: '2023-10-12 12:00:00',
    RequestId: '14727a68-3b90-4408-99c9-dea6d7de9456',
  },
  DescribeHostTeoInstanceList: {
    InstanceList: [{ Host: 'www.zrh.com', CertId: 'jk****L', ZoneId: 'zone-*****', Status: 'online' }],
    TotalCount: 1,
    RequestId: '14727a68-3b90-4408-99c9-dea6d7de9456',
  },
  DescribeHostClbInstanceList: {
    TotalCount: 1,
    InstanceList: [
      {
        LoadBalancerId: 'lb-******',
        LoadBalancerName: 'lb-zrh',
        Listeners: [
          {
            ListenerId: 'lbl-*****',
            ListenerName: 'lbltest',
            SniSwitch: 1,
            Protocol: 'https',
            Certificate: { CertId: 'jejsj**jsj', DnsNames: ['www.zrh.com'] },
            Rules: [
              {
                LocationId: 'lbl-*****',
                Domain: 'www.zrh.com',
                IsMatch: true,
                Certificate: { CertId: 'jesux****', DnsNames: ['www.zrh.com'] },
                NoMatchDomains: ['www.zrhtest.com'],
              },
            ],
            NoMatchDomains: ['www.zrhtest.com'],
          },
        ],
      },
    ],
    AsyncTotalNum: 0,
    AsyncOffset: 0,
    AsyncCacheTime: '2023-12-09 12:00:00',
    RequestId: '14727a68-3b90-4408-99c9-dea6d7de9456',
  },
  DescribeHostTkeInstanceList: {
    TotalCount: 1,
    InstanceList: [
      {
        ClusterId: 'tke-******',
        ClusterName: 'tke****',
        ClusterType: 'n**w',
        ClusterVersion: '3.8.***.1',
        NamespaceList: [
          {
            Name: 'zrh',
            SecretList: [
              {
                Name: 'zrh',
                CertId: 'jj**kk',
                IngressList: [{ IngressName: 'zrh', TlsDomains: ['www.zrh,com'], Domains: ['ww.zrh.com'] }],
                NoMatchDomains: ['www.zyh.com'],
              },
            ],
          },
        ],
      },
    ],
    AsyncTotalNum: 0,
    AsyncOffset: 0,
    AsyncCacheTime: '10',
    RequestId: 'c9c9d2fb-41c0-43b6-8c10-44c81de553c1',
  },
  DescribeCertificates: {
    TotalCount: 54,
    Certificates: [
      {
        OwnerUin: '815836472',
        ProjectId: '0',
        From: 'trustasia',
        ProductZhName: 'TrustAsia C1 DV Free',
        Domain: 'ninghhuang.online',
        Alias: '',
        Status: 1,
        VulnerabilityStatus: 'INACTIVE',
        StatusMsg: 'ca-reviewing',
        VerifyType: 'DNS_AUTO',
        CertBeginTime: '2025-02-12 08:00:00',
        CertEndTime: '2025-05-14 07:59:59',
        ValidityPeriod: '3',
        InsertTime: '2025-02-12 10:11:21',
        AutoRenewFlag: 1,
        EncryptAlgorithm: 'RSA 2048',
        IsIgnore: false,
        PreAuditInfo: { TotalPeriod: 1, NowPeriod: 1, ManagerId: '' },
        IsSM: false,
        SubjectAltName: ['ninghhuang.online', 'www.ninghhuang.online'],
        StatusName: '证书已颁发',
        IsVip: false,
        IsDv: true,
        IsWildcard: false,
        IsVulnerability: false,
        HasRenewOrder: '',
        ReplaceOriCertIsDelete: false,
        RenewAble: false,
        IsExpiring: false,
        DVAuthDeadline: '2025-02-19 10:11:21',
        ValidationPassedTime: '--',
        CertSANs: ['ninghhuang.online', 'www.ninghhuang.online'],
        CertRevokedTime: '',
        CAEncryptAlgorithms: [],
        CAEndTimes: [],
        CACommonNames: [],
        Deployable: true,
        AwaitingValidationMsg: '',
        ProjectInfo: {
          ProjectId: '0',
          OwnerUin: 0,
          ProjectName: '默认项目',
          ProjectCreatorUin: 0,
          ProjectCreateTime: '0000-00-00 00:00:00',
          ProjectResume: '默认项目',
        },
        Tags: [],
        CertificateId: 'LtIaSxlb',
        CertificateType: 'SVR',
        PackageType: '83',
        PackageTypeName: 'TrustAsia C1 DV Free',
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
        CertificateExtra: {
          DomainNumber: '1',
          OriginCertificateId: null,
          ReplacedBy: null,
          ReplacedFor: null,
          RenewOrder: null,
          SMCert: 0,
          CompanyType: 1,
        },
        AllowDownload: false,
        IsPackage: false,
        HostingStatus: -1,
        HostingCompleteTime: '',
        HostingRenewCertId: '',
        HostingResourceTypes: [],
        IsDNSPODResolve: false,
        IsHostingUploadRenewCert: false,
        BoundResource: [],
      },
    ],
    RequestId: 'e7f6021f-47bb-476b-a424-6a0cde19a1eb',
  },
};

/** An example changed by one test (then restored), e.g. to a value no example shows. */
let changedExamples: Partial<Record<SslActionName, unknown>> = {};
afterEach(() => {
  changedExamples = {};
});

const vendorExamples: SslCaller = {
  call(action) {
    const example = changedExamples[action] ?? VENDOR_EXAMPLES[action];
    if (example === undefined) return Promise.reject(new Error(`no vendor example for ${action}`));
    return Promise.resolve(structuredClone(example)) as never;
  },
};

const gateway = createGateway({ ssl: vendorExamples, logging: false, graphiql: false });
afterAll(() => gateway.dispose());

async function execute(query: string): Promise<{ data?: unknown; errors?: unknown }> {
  const response = await gateway.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: unknown; errors?: unknown };
}

describe("the vendor's documented examples", () => {
  it('serve a package named otherwise than by a size: its name, and no size', async () => {
    const result = await execute('{ packages { edges { node { id name type totalPoints status } } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      packages: {
        edges: [{ node: { id: 'J88*****867', name: 'buy', type: null, totalPoints: 1, status: 'USED' } }],
      },
    });
  });

  it('serve a manager verification in the undocumented status `active`', async () => {
    const result = await execute('{ manager(id: "36383") { firstName verifications { type status } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      manager: { firstName: 'luke', verifications: [{ type: 'OV', status: 'ACTIVE' }] },
    });
  });
});

describe("the vendor's documented cloud-resource examples", () => {
  it('serve a CDN domain in the undocumented status `normal`, its billing switch sent as "1" (on)', async () => {
    const result = await execute(
      '{ cloudResources(type: CDN) { edges { node { ... on CdnDomain { domain status isHttpsBillingEnabled } } } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      cloudResources: {
        edges: [{ node: { domain: 'www.zrh.com', status: 'NORMAL', isHttpsBillingEnabled: true } }],
      },
    });
  });

  it('serve an EdgeOne domain in the undocumented status `online`', async () => {
    const result = await execute(
      '{ cloudResources(type: TEO, deployableFor: "jk****L") { edges { node { ... on EdgeOneDomain { domain certificateStatus } } } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      cloudResources: { edges: [{ node: { domain: 'www.zrh.com', certificateStatus: 'ONLINE' } }] },
    });
  });

  it('serve a load balancer without `Forward` with no kind, and no error', async () => {
    const result = await execute(
      '{ cloudResources(type: CLB) { edges { node { id ... on ClbLoadBalancer { kind } } } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      cloudResources: { edges: [{ node: { id: expect.any(String), kind: null } }] },
    });
  });

  it('still name a `Forward` the schema does not know', async () => {
    const example = structuredClone(VENDOR_EXAMPLES.DescribeHostClbInstanceList) as {
      InstanceList: { Forward?: number }[];
    };
    for (const instance of example.InstanceList) instance.Forward = 7;
    changedExamples = { DescribeHostClbInstanceList: example };
    const result = await execute(
      '{ cloudResources(type: CLB) { edges { node { ... on ClbLoadBalancer { kind } } } } }',
    );
    expect(result.data).toEqual({ cloudResources: { edges: [{ node: { kind: null } }] } });
    expect(result.errors).toEqual([
      expect.objectContaining({
        path: ['cloudResources', 'edges', 0, 'node', 'kind'],
        extensions: expect.objectContaining({ code: 'UNKNOWN_UPSTREAM_VALUE', value: 7 }),
      }),
    ]);
  });

  it('serve the TKE cache time `10`, which is not a time, as not reported', async () => {
    const result = await execute('{ cloudResources(type: TKE) { totalCount cacheStatus { cachedAt } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ cloudResources: { totalCount: 1, cacheStatus: { cachedAt: null } } });
  });

  it('serve the CLB cache time, which is one', async () => {
    const result = await execute('{ cloudResources(type: CLB) { cacheStatus { cachedAt } } }');
    expect(result.errors).toBeUndefined();
    // 2023-12-09 12:00:00 in Beijing.
    expect(result.data).toEqual({
      cloudResources: { cacheStatus: { cachedAt: '2023-12-09T04:00:00.000Z' } },
    });
  });
});

describe("the vendor's documented certificate examples", () => {
  it('serve the validation time `--` of a certificate not validated yet as not set', async () => {
    const result = await execute(
      '{ certificates(first: 1) { edges { node { id domainValidation { passedAt } } } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      certificates: { edges: [{ node: { id: 'LtIaSxlb', domainValidation: { passedAt: null } } }] },
    });
  });
});
