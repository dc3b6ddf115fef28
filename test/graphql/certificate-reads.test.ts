import { createHash, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCertificateSigningRequest, generateKeyPair } from '../../src/emulator/pki/x509.ts';
import { LEGACY_APPLICANT } from '../support/legacy-applicant.ts';
import { execute } from './support/execute.ts';
import { startTestStack, type TestStack } from './support/stack.ts';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({
    gateway: { authenticate: async () => ({ subject: 't', scopes: new Set(['ssl:read', 'ssl:secrets']) }) },
  });
});
afterAll(async () => {
  await stack.close();
});
beforeEach(() => {
  stack.emulator.stats.reset();
});

async function query<T>(document: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await execute<T, Record<string, unknown> | undefined>(stack.gateway, document, variables);
  expect(result.errors).toBeUndefined();
  if (result.data === null || result.data === undefined) throw new Error('no data');
  return result.data;
}

function issuedWithPem() {
  const record = stack.emulator.state.certificates
    .all()
    .find(
      (certificate) => certificate.status === 1 && certificate.certificatePem !== null && !certificate.isSm,
    );
  if (record === undefined) throw new Error('the seed has no issued certificate with a PEM');
  return record;
}

describe('certificate list', () => {
  it('serves a page of 50 with list fields from one DescribeCertificates call and no detail call', async () => {
    const data = await query<{ certificates: { edges: { node: { id: string } }[] } }>(`{
      certificates(first: 50) { totalCount edges { node {
        id domain status isSm encryptionAlgorithm downloadFormats
        hosting { status } purchase { validityMonths applicantType } domainValidation { method }
      } } } }`);
    expect(data.certificates.edges).toHaveLength(50);
    expect(stack.upstreamCalls('DescribeCertificates')).toBe(1);
    expect(stack.upstreamCalls('DescribeCertificateDetail')).toBe(0);
    expect(stack.upstreamCalls('DescribeCertificate')).toBe(0);
  });

  it('resolves renewal and reissue links of several certificates with one batched lookup', async () => {
    const linked = stack.emulator.state.certificates
      .all()
      .filter(
        (record) => record.replacedBy !== null || record.replacedFor !== null || record.renewedFrom !== null,
      )
      .slice(0, 5);
    expect(linked.length).toBeGreaterThan(1);
    const fields = linked
      .map(
        (record, index) =>
          `c${index}: certificate(id: "${record.id}") { id renewedFrom { id } renewal { id } replaces { id } replacedBy { id } }`,
      )
      .join('\n');
    const data = await query<
      Record<
        string,
        {
          id: string;
          renewedFrom: { id: string } | null;
          replaces: { id: string } | null;
          replacedBy: { id: string } | null;
        }
      >
    >(`{ ${fields} }`);
    linked.forEach((record, index) => {
      const node = data[`c${index}`];
      expect(node?.renewedFrom?.id ?? null).toBe(record.renewedFrom);
      expect(node?.replaces?.id ?? null).toBe(record.replacedBy);
      expect(node?.replacedBy?.id ?? null).toBe(record.replacedFor);
    });
    // One batch for the certificates asked for, one for every certificate they link to.
    expect(stack.upstreamCalls('DescribeCertificates')).toBe(2);
  });

  it('looks up 15 aliases (the gateway maximum) of one query with one call', async () => {
    const ids = stack.emulator.state.certificates
      .all()
      .slice(0, 15)
      .map((record) => record.id);
    const fields = ids.map((id, index) => `c${index}: certificate(id: "${id}") { id domain }`).join('\n');
    const data = await query<Record<string, { id: string } | null>>(`{ ${fields} }`);
    expect(Object.values(data).map((certificate) => certificate?.id)).toEqual(ids);
    expect(stack.upstreamCalls('DescribeCertificates')).toBe(1);
  });
});

describe('certificate filters', () => {
  const all = () => stack.emulator.state.certificates.all();

  async function listIds(filter: Record<string, unknown>, orderBy?: string) {
    const data = await query<{
      certificates: { totalCount: number; edges: { node: { id: string; expiresAt: string | null } }[] };
    }>(
      `query ($filter: CertificateFilter, $orderBy: CertificateOrder) {
        certificates(first: 100, filter: $filter, orderBy: $orderBy) { totalCount edges { node { id expiresAt } } }
      }`,
      { filter, orderBy },
    );
    return data.certificates;
  }

  it('filters by status, type, origin, SM and tags as the upstream does', async () => {
    const issued = await listIds({ statuses: ['ISSUED'] });
    expect(issued.totalCount).toBe(all().filter((record) => record.status === 1).length);
    for (const { node } of issued.edges)
      expect(stack.emulator.state.certificates.get(node.id)?.status).toBe(1);

    const clientCa = await listIds({ certificateType: 'CLIENT_CA' });
    expect(clientCa.totalCount).toBe(all().filter((record) => record.certificateType === 'CA').length);

    const uploaded = await listIds({ origin: 'UPLOADED' });
    const tencent = await listIds({ origin: 'TENCENT_ISSUED' });
    expect(uploaded.totalCount).toBe(all().filter((record) => record.from === 'upload').length);
    expect(uploaded.totalCount + tencent.totalCount).toBe(all().length);

    const sm = await listIds({ smOnly: true });
    expect(sm.totalCount).toBe(all().filter((record) => record.isSm).length);

    const tagged = all().find((record) => record.tags.length > 0);
    if (tagged === undefined) throw new Error('the seed has no tagged certificate');
    const tag = tagged.tags[0];
    const byTag = await listIds({ tags: [{ key: tag?.key, value: tag?.value }] });
    expect(byTag.edges.map(({ node }) => node.id)).toContain(tagged.id);

    const search = await listIds({ search: tagged.id });
    expect(search.edges.map(({ node }) => node.id)).toContain(tagged.id);
  });

  it('combines flags: deployable true and false partition the account', async () => {
    const yes = await listIds({ deployable: true });
    const no = await listIds({ deployable: false });
    expect(yes.totalCount + no.totalCount).toBe(all().length);
    const hostable = await listIds({ hostable: true });
    const notHostable = await listIds({ hostable: false });
    expect(hostable.totalCount + notHostable.totalCount).toBe(all().length);
    for (const flag of ['expiringOnly', 'renewableOnly', 'pendingIssueOnly']) {
      const subset = await listIds({ [flag]: true });
      expect(subset.totalCount).toBeLessThan(all().length);
    }
  });

  it('orders by expiry both ways', async () => {
    const ascending = await listIds({ statuses: ['ISSUED'] }, 'EXPIRES_AT_ASC');
    const times = ascending.edges.map(({ node }) => Date.parse(node.expiresAt ?? ''));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const descending = await listIds({ statuses: ['ISSUED'] }, 'EXPIRES_AT_DESC');
    const reversed = descending.edges.map(({ node }) => Date.parse(node.expiresAt ?? ''));
    expect(reversed).toEqual([...reversed].sort((a, b) => b - a));
  });

  it('rejects a non-numeric project ID', async () => {
    const result = await execute(
      stack.gateway,
      '{ certificates(filter: { projectId: "x" }) { totalCount } }',
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('certificate detail', () => {
  it('loads detail, X.509 and the operation log with one DescribeCertificateDetail and at most 4 calls', async () => {
    const record = issuedWithPem();
    const data = await query<{
      certificate: {
        certificatePem: string;
        privateKeyPem: string;
        fingerprintSha1: string | null;
        x509: {
          subject: string;
          issuer: string;
          serialNumber: string;
          fingerprintSha256: string;
          keyAlgorithm: string;
          keySize: number | null;
          validFrom: string;
          validTo: string;
          subjectAltNames: string[];
          isCa: boolean;
          chain: { subject: string; isCa: boolean }[];
        };
        operationLogs: {
          totalCount: number;
          edges: { node: { type: string; certificate: { id: string } } }[];
        };
      };
    }>(
      `query ($id: ID!) { certificate(id: $id) {
        id certificatePem privateKeyPem fingerprintSha1 rootCertificates { standardPem }
        purchase { validationLevel domainCoverage orderId }
        domainValidation { records { kind key value } }
        x509 { subject issuer serialNumber fingerprintSha256 keyAlgorithm keySize validFrom validTo subjectAltNames isCa
               chain { subject isCa } }
        operationLogs(first: 5) { totalCount edges { node { type createdAt certificate { id } } } }
      } }`,
      { id: record.id },
    );
    const certificate = data.certificate;
    expect(stack.upstreamCalls('DescribeCertificateDetail')).toBe(1);
    expect(stack.upstreamCalls('DescribeCertificate')).toBe(0);
    const total =
      stack.upstreamCalls('DescribeCertificates') +
      stack.upstreamCalls('DescribeCertificateDetail') +
      stack.upstreamCalls('DescribeCertificateOperateLogs');
    expect(total).toBeLessThanOrEqual(4);

    expect(certificate.certificatePem).toBe(record.certificatePem);
    expect(certificate.privateKeyPem).toBe(record.privateKeyPem);
    const expected = new X509Certificate(record.certificatePem ?? '');
    expect(certificate.x509.subject).toBe(expected.subject);
    expect(certificate.x509.issuer).toBe(expected.issuer);
    expect(certificate.x509.serialNumber).toBe(expected.serialNumber);
    expect(certificate.x509.fingerprintSha256).toBe(expected.fingerprint256);
    expect(certificate.fingerprintSha1).toBe(
      createHash('sha1').update(expected.raw).digest('hex').toUpperCase(),
    );
    expect(certificate.x509.keyAlgorithm).toBe(expected.publicKey.asymmetricKeyType);
    expect(certificate.x509.keySize).toBe(expected.publicKey.asymmetricKeyDetails?.modulusLength ?? null);
    expect(Date.parse(certificate.x509.validTo)).toBe(Date.parse(expected.validTo));
    expect(Date.parse(certificate.x509.validFrom)).toBe(Date.parse(expected.validFrom));
    expect(certificate.x509.isCa).toBe(false);
    expect(certificate.x509.subjectAltNames).toContain(record.domain);
    for (const issuer of certificate.x509.chain) expect(issuer.isCa).toBe(true);

    const ownLogs = stack.emulator.state.operationLogs.forCertificate(record.id);
    for (const { node } of certificate.operationLogs.edges) expect(node.certificate.id).toBe(record.id);
    expect(certificate.operationLogs.totalCount).toBeLessThanOrEqual(ownLogs.length);
  });

  it('reads validation records through DescribeCertificate when no key material is asked for', async () => {
    const pending = stack.emulator.state.certificates
      .all()
      .find((record) => record.dvAuths.length > 0 && record.from !== 'upload');
    if (pending === undefined) throw new Error('the seed has no certificate awaiting validation');
    const data = await query<{
      certificate: { domainValidation: { records: { key: string | null; value: string | null }[] } };
    }>(
      'query ($id: ID!) { certificate(id: $id) { domainValidation { method records { kind domain key value path } } } }',
      { id: pending.id },
    );
    expect(data.certificate.domainValidation.records.length).toBeGreaterThan(0);
    expect(stack.upstreamCalls('DescribeCertificate')).toBe(1);
    expect(stack.upstreamCalls('DescribeCertificateDetail')).toBe(0);
  });

  it('returns null detail fields for an unknown certificate found in no list', async () => {
    const result = await execute(stack.gateway, '{ certificate(id: "nope0000") { id certificatePem } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ certificate: null });
  });
});

describe('operation log', () => {
  it('pages the account log with the upstream total', async () => {
    const data = await query<{
      operationLogs: { totalCount: number; edges: { node: { type: string; isSystemEvent: boolean } }[] };
    }>(
      '{ operationLogs(first: 10) { totalCount edges { node { type message createdAt accountUin subAccountUin isSystemEvent } } } }',
    );
    expect(data.operationLogs.edges.length).toBeLessThanOrEqual(10);
    expect(data.operationLogs.totalCount).toBeGreaterThanOrEqual(data.operationLogs.edges.length);
    expect(stack.upstreamCalls('DescribeCertificateOperateLogs')).toBe(1);
  });

  it('names each type the log holds, the job verbs the documented list lacks included', async () => {
    const { id } = issuedWithPem();
    const at = stack.emulator.clock.now();
    for (const type of ['deploy', 'update', 'rollback', 'revoked']) {
      stack.emulator.state.operationLogs.record({ certId: id, type, at });
    }
    const result = await execute<
      { certificate: { operationLogs: { edges: { node: { type: string } }[] } } },
      { id: string }
    >(
      stack.gateway,
      'query ($id: ID!) { certificate(id: $id) { operationLogs(first: 4) { edges { node { type } } } } }',
      { id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.certificate.operationLogs.edges.map(({ node }) => node.type).sort()).toEqual([
      'DEPLOYED',
      'REVOKED',
      'ROLLED_BACK',
      'UPDATED',
    ]);
  });

  it('keeps to a window bounded within a second (the upstream filters by whole seconds)', async () => {
    const window = `query ($since: DateTime, $until: DateTime) {
      operationLogs(first: 100, since: $since, until: $until) { edges { node { createdAt } } }
    }`;
    type Window = { operationLogs: { edges: { node: { createdAt: string } }[] } };
    const newest = (await query<Window>(window)).operationLogs.edges[0]?.node.createdAt;
    expect(newest).toMatch(/\.000Z$/);
    const second = Date.parse(newest as string);
    const at = (offsetMs: number) => new Date(second + offsetMs).toISOString();

    const within = await query<Window>(window, { since: at(500), until: at(900) });
    expect(within.operationLogs.edges).toEqual([]);
    const fromTheSecond = await query<Window>(window, { since: at(0), until: at(900) });
    expect(fromTheSecond.operationLogs.edges.map(({ node }) => node.createdAt)).toContain(newest);
    const beforeIt = await query<Window>(window, { since: at(-2000), until: at(-1) });
    expect(beforeIt.operationLogs.edges.map(({ node }) => node.createdAt)).not.toContain(newest);
  });
});

describe('checks', () => {
  it('finds an existing certificate by its PEM and checks its chain', async () => {
    const record = issuedWithPem();
    const data = await query<{
      certificateExists: { exists: boolean; certificate: { id: string } | null };
      certificateChainCheck: { isValid: boolean; isTrusted: boolean; commonNames: string[] };
    }>(
      `query ($pem: String!) {
        certificateExists(input: { certificatePem: $pem }) { exists certificate { id } }
        certificateChainCheck(chainPem: $pem) { isValid isTrusted commonNames }
      }`,
      { pem: record.certificatePem },
    );
    expect(data.certificateExists.exists).toBe(true);
    expect(data.certificateExists.certificate).not.toBeNull();
    expect(data.certificateChainCheck.commonNames.length).toBeGreaterThan(0);
    expect(stack.upstreamCalls('CheckCertificateExist')).toBe(1);
    expect(stack.upstreamCalls('CheckCertificateChain')).toBe(1);
  });
});

describe('downloads with the secrets scope', () => {
  it('returns the archive and a link, each calling only its own action', async () => {
    const record = issuedWithPem();
    const data = await query<{
      certificate: {
        archive: { contentBase64: string; contentType: string };
        downloadLink: { url: string; filename: string };
      };
    }>(
      'query ($id: ID!) { certificate(id: $id) { archive { contentBase64 contentType } downloadLink(format: NGINX) { url filename } } }',
      { id: record.id },
    );
    expect(Buffer.from(data.certificate.archive.contentBase64, 'base64').subarray(0, 2).toString()).toBe(
      'PK',
    );
    expect(data.certificate.downloadLink.url).toMatch(/^https?:\/\//);
    expect(stack.upstreamCalls('DownloadCertificate')).toBe(1);
    expect(stack.upstreamCalls('DescribeDownloadCertificateUrl')).toBe(1);
    expect(stack.upstreamCalls('DescribeCertificateDetail')).toBe(0);
  });
});

/** A Beijing-time upstream timestamp ("YYYY-MM-DD hh:mm:ss") as epoch ms; null for none. */
function beijing(text: string | null | undefined): number | null {
  if (text === null || text === undefined || text === '') return null;
  return Date.parse(`${text.replace(' ', 'T')}+08:00`);
}

const epoch = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));

describe('fields mapped from the upstream certificate', () => {
  interface Listed {
    id: string;
    purchase: {
      domainCapacity: number | null;
      totalYears: number | null;
      currentYear: number | null;
      isAutoRenewEnabled: boolean;
      isPaidWithPackage: boolean;
    } | null;
    hosting: {
      completedAt: string | null;
      renewal: { id: string } | null;
      isRenewalOfUploadedCertificate: boolean;
      replaceDaysBeforeExpiry: number | null;
      replaceWindowStart: string | null;
      replaceWindowEnd: string | null;
    };
  }

  /** Orders the seed lacks: a two-year one renewed automatically, one paid with points, an SM one. */
  let smOrder = '';
  beforeAll(async () => {
    const { client } = stack;
    const [twoYears = ''] = (
      await client.call('CreateCertificate', { ProductId: 14, DomainNum: 1, TimeSpan: 2 })
    ).CertificateIds;
    const [company] = (await client.call('DescribeCompanies', { Limit: 1 })).Companies;
    const [manager] = (await client.call('DescribeManagers', { CompanyId: company!.CompanyId, Status: 'ok' }))
      .Managers;
    await client.call('CertificateInfoSubmit', {
      CertId: twoYears,
      GenCsrType: 'online',
      CertCommonName: 'two-years.reads.example.com',
      CompanyType: 2,
      CompanyId: String(company!.CompanyId),
      ManagerId: String(manager!.ManagerId),
      VerifyType: 'DNS',
      ContactEmail: 'ops@example.com',
      CsrEncryptAlgo: 'RSA',
      CsrKeyParameter: '2048',
      AutoRenewFlag: 1,
    });
    const usable = stack.emulator.state.accounts
      .listPackages()
      .find((candidate) => candidate.status === 'usable' && candidate.balance > 0);
    await client.call('CreateCertificateByPackage', {
      ProductPid: 1013949,
      PackageIds: [usable!.id],
      DomainCount: '1',
      Period: 1,
    });
    [smOrder = ''] = (
      await client.call('CreateCertificate', { ProductId: 33, DomainNum: 1, TimeSpan: 1 })
    ).CertificateIds;
  });

  it("map every certificate's purchase and hosting as DescribeCertificates lists them", async () => {
    const upstream = new Map(
      (await stack.client.call('DescribeCertificates', { Limit: 1000 })).Certificates.map((item) => [
        item.CertificateId,
        item,
      ]),
    );
    const listed: Listed[] = [];
    let after: string | null = null;
    do {
      const page: {
        certificates: {
          pageInfo: { endCursor: string | null; hasNextPage: boolean };
          edges: { node: Listed }[];
        };
      } = await query(
        `query ($after: String) { certificates(first: 100, after: $after) {
            pageInfo { endCursor hasNextPage }
            edges { node { id
              purchase { domainCapacity totalYears currentYear isAutoRenewEnabled isPaidWithPackage }
              hosting { completedAt renewal { id } isRenewalOfUploadedCertificate
                replaceDaysBeforeExpiry replaceWindowStart replaceWindowEnd }
            } }
          } }`,
        { after },
      );
      listed.push(...page.certificates.edges.map((edge) => edge.node));
      after = page.certificates.pageInfo.hasNextPage ? page.certificates.pageInfo.endCursor : null;
    } while (after !== null);
    expect(listed).toHaveLength(upstream.size);

    for (const certificate of listed) {
      const item = upstream.get(certificate.id);
      expect(item, certificate.id).toBeDefined();
      if (certificate.purchase !== null) {
        // Single-year orders have no periods: the upstream's 0 is "none", not a year.
        expect(certificate.purchase, certificate.id).toEqual({
          domainCapacity: Number(item!.CertificateExtra.DomainNumber) || null,
          totalYears: item!.PreAuditInfo?.TotalPeriod || null,
          currentYear: item!.PreAuditInfo?.NowPeriod || null,
          isAutoRenewEnabled: item!.AutoRenewFlag === 1,
          isPaidWithPackage: item!.IsPackage === true,
        });
      }
      const hosting = certificate.hosting;
      expect(epoch(hosting.completedAt), certificate.id).toBe(beijing(item!.HostingCompleteTime));
      expect(hosting.renewal?.id ?? null).toBe(item!.HostingRenewCertId || null);
      expect(hosting.isRenewalOfUploadedCertificate).toBe(item!.IsHostingUploadRenewCert === true);
      expect(hosting.replaceDaysBeforeExpiry).toBe(item!.HostingConfig?.ReplaceTime ?? null);
      expect(hosting.replaceWindowStart).toBe(item!.HostingConfig?.ReplaceStartTime || null);
      expect(hosting.replaceWindowEnd).toBe(item!.HostingConfig?.ReplaceEndTime || null);
    }
    // The seed holds both sides of each mapping, so a constant answer would show.
    const purchases = listed.flatMap((certificate) => (certificate.purchase ? [certificate.purchase] : []));
    expect(new Set(purchases.map((purchase) => purchase.totalYears))).toEqual(new Set([1, 2]));
    expect(new Set(purchases.map((purchase) => purchase.currentYear))).toEqual(new Set([1]));
    expect(new Set(purchases.map((purchase) => purchase.isAutoRenewEnabled))).toEqual(new Set([true, false]));
    expect(new Set(purchases.map((purchase) => purchase.isPaidWithPackage))).toEqual(new Set([true, false]));
    expect(listed.some((certificate) => certificate.hosting.completedAt !== null)).toBe(true);
    expect(listed.some((certificate) => certificate.hosting.replaceWindowStart !== null)).toBe(true);
  });

  it('maps the data submitted with an order, the applicant CSR and key password included', async () => {
    const [certificateId = ''] = (
      await stack.client.call('CreateCertificate', { ProductId: 14, DomainNum: 1, TimeSpan: 1 })
    ).CertificateIds;
    const domain = 'own-csr.reads.example.com';
    const csr = createCertificateSigningRequest({ commonName: domain }, generateKeyPair('RSA', '2048'));
    await stack.client.call('SubmitCertificateInformation', {
      CertificateId: certificateId,
      CsrType: 'parse',
      CsrContent: csr,
      KeyPassword: 'reads-password',
      CertificateDomain: domain,
      ...LEGACY_APPLICANT,
    });
    const submitted = (await stack.client.call('DescribeCertificateDetail', { CertificateId: certificateId }))
      .SubmittedData;
    expect(submitted).not.toBeNull();
    const data = await query<{ certificate: { application: Record<string, unknown> } }>(
      `query ($id: ID!) { certificate(id: $id) { application {
        commonName domains csrPem privateKeyPassword
        organization { name division address city region country postalCode phoneAreaCode phoneNumber }
        administrator { firstName lastName phone email position }
        contact { firstName lastName phone email position }
      } } }`,
      { id: certificateId },
    );
    expect(data.certificate.application).toEqual({
      commonName: submitted!.CertificateDomain,
      domains: submitted!.DomainList ?? [],
      csrPem: submitted!.CsrContent,
      privateKeyPassword: submitted!.KeyPassword,
      organization: {
        name: submitted!.OrganizationName,
        division: submitted!.OrganizationDivision,
        address: submitted!.OrganizationAddress,
        city: submitted!.OrganizationCity,
        region: submitted!.OrganizationRegion,
        country: submitted!.OrganizationCountry,
        postalCode: submitted!.PostalCode,
        phoneAreaCode: submitted!.PhoneAreaCode,
        phoneNumber: submitted!.PhoneNumber,
      },
      administrator: {
        firstName: submitted!.AdminFirstName,
        lastName: submitted!.AdminLastName,
        phone: submitted!.AdminPhoneNum,
        email: submitted!.AdminEmail,
        position: submitted!.AdminPosition,
      },
      contact: {
        firstName: submitted!.ContactFirstName,
        lastName: submitted!.ContactLastName,
        phone: submitted!.ContactNumber,
        email: submitted!.ContactEmail,
        position: submitted!.ContactPosition,
      },
    });
    expect(data.certificate.application.csrPem).toBe(csr);
  });

  it('maps the records that confirm revoking a DV certificate', async () => {
    const revocable = stack.emulator.state.certificates
      .all()
      .find(
        (record) =>
          record.status === 1 &&
          record.certType === 'DV' &&
          record.from !== 'upload' &&
          !stack.emulator.state.resources.isCertificateBound(record.id),
      );
    expect(revocable).toBeDefined();
    await stack.client.call('RevokeCertificate', {
      CertificateId: revocable!.id,
      Reason: 'field mapping test',
    });
    const { DvRevokeAuthDetail } = await stack.client.call('DescribeCertificateDetail', {
      CertificateId: revocable!.id,
    });
    expect(DvRevokeAuthDetail?.length).toBeGreaterThan(0);
    const data = await query<{
      certificate: {
        domainValidation: {
          revocationRecords: Record<string, unknown>[];
          records: { subdomain: string | null }[];
        };
      };
    }>(
      `query ($id: ID!) { certificate(id: $id) { domainValidation {
        records { subdomain }
        revocationRecords { domain subdomain key value path }
      } } }`,
      { id: revocable!.id },
    );
    expect(data.certificate.domainValidation.revocationRecords).toEqual(
      (DvRevokeAuthDetail ?? []).map((auth) => ({
        domain: auth.DvAuthDomain || null,
        subdomain: auth.DvAuthSubDomain || null,
        key: auth.DvAuthKey || null,
        value: auth.DvAuthValue || null,
        path: auth.DvAuthPath || null,
      })),
    );
  });

  it('maps the key curve of an ECC certificate, and the SM pair the emulator never issues as absent', async () => {
    const ecc = stack.emulator.state.certificates
      .all()
      .find(
        (record) =>
          record.status === 1 && record.certificatePem !== null && record.encryptAlgorithm === 'ECC',
      );
    expect(ecc).toBeDefined();
    const sm = stack.emulator.state.certificates.get(smOrder);
    expect(sm?.isSm).toBe(true);
    const data = await query<{
      ecc: { x509: { namedCurve: string | null } };
      sm: {
        rootCertificates: { smEncryptionPem: string | null; smSigningPem: string | null } | null;
        smEncryptionCertificate: unknown;
      };
    }>(
      `query ($ecc: ID!, $sm: ID!) {
        ecc: certificate(id: $ecc) { x509 { namedCurve } }
        sm: certificate(id: $sm) {
          rootCertificates { smEncryptionPem smSigningPem }
          smEncryptionCertificate { certificatePem fingerprintSha1 privateKeyPem }
        }
      }`,
      { ecc: ecc!.id, sm: sm!.id },
    );
    const leaf = new X509Certificate(ecc!.certificatePem!.split(/(?<=-----END CERTIFICATE-----)/)[0]!);
    expect(data.ecc.x509.namedCurve).toBe(leaf.publicKey.asymmetricKeyDetails?.namedCurve);
    const detail = await stack.client.call('DescribeCertificateDetail', { CertificateId: sm!.id });
    expect(detail.EncryptCert).toBeNull();
    expect(data.sm.smEncryptionCertificate).toBeNull();
    expect(data.sm.rootCertificates?.smEncryptionPem ?? null).toBe(detail.RootCert?.Encrypt ?? null);
    expect(data.sm.rootCertificates?.smSigningPem ?? null).toBe(detail.RootCert?.Sign ?? null);
  });
});
