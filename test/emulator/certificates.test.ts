import { createHash, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatBeijingTime, parseBeijingTime } from '../../src/emulator/clock.ts';
import { serveDownloadLink } from '../../src/emulator/domains/certificate-downloads.ts';
import { EmulatorError } from '../../src/emulator/handler.ts';
import { emulatorCertificateAuthority, issueLeafCertificate } from '../../src/emulator/pki/ca.ts';
import { generateKeyPair, splitPemCertificates } from '../../src/emulator/pki/x509.ts';
import { readZip } from '../../src/emulator/pki/zip.ts';
import { newCertificateRecord } from '../../src/emulator/store/certificates.ts';
import { DELETE_TASK_DURATION_MS } from '../../src/emulator/store/delete-tasks.ts';
import type { SslRequest } from '../../src/ssl/actions.ts';
import { privateCertificateAuthority } from '../support/private-ca.ts';
import { type Harness, harness, rejection } from './certificates-support.ts';
import { EV_POLICY_UPLOAD, EV_SUBJECT_UPLOAD } from './ev-fixtures.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

function uploadPem(domain: string, notAfterDays = 200) {
  const issued = issueLeafCertificate({
    domain,
    subjectAltNames: [],
    notBefore: Date.now() - DAY,
    notAfter: Date.now() + notAfterDays * DAY,
  });
  return issued;
}

describe('free DV lifecycle', () => {
  it('applies in status 0 with DV auths and issues a real certificate after DCV', async () => {
    const h = await harness();
    const { CertificateId } = await h.call('ApplyCertificate', {
      DvAuthMethod: 'DNS',
      DomainName: 'shop.example.com',
      CsrEncryptAlgo: 'ECC',
      CsrKeyParameter: 'prime256v1',
    });
    const pending = await h.call('DescribeCertificateDetail', { CertificateId });
    expect(pending.Status).toBe(0);
    expect(pending.CertificatePublicKey).toBeNull();
    expect(pending.DvAuthDetail?.DvAuths?.[0]).toMatchObject({
      DvAuthVerifyType: 'TXT',
      DvAuthDomain: 'shop.example.com',
    });
    expect(pending.DvAuthDetail?.DvAuthKey).toMatch(/^_[0-9a-f]{32}\.shop\.example\.com$/);

    const early = await h.call('CheckCertificateDomainVerification', { CertificateId });
    expect(early.VerificationResults?.[0]).toMatchObject({ LocalCheck: -1, CaCheck: -1, Issued: false });
    await h.call('CompleteCertificate', { CertificateId });
    expect((await h.call('DescribeCertificate', { CertificateId })).Status).toBe(0);

    h.clock.advance(6 * MINUTE);
    const checked = await h.call('CheckCertificateDomainVerification', { CertificateId });
    expect(checked.VerificationResults?.[0]).toMatchObject({ LocalCheck: 1, CaCheck: 2, Issued: true });
    const issued = await h.call('DescribeCertificateDetail', { CertificateId });
    expect(issued.Status).toBe(1);
    const leaf = new X509Certificate(issued.CertificatePublicKey!);
    expect(
      leaf.checkPrivateKey((await import('node:crypto')).createPrivateKey(issued.CertificatePrivateKey!)),
    ).toBe(true);
    expect(leaf.subjectAltName).toContain('DNS:www.shop.example.com');
    expect(issued.EncryptAlgorithm).toBe('ECC');
    const logTypes = h.state.operationLogs.forCertificate(CertificateId).map((entry) => entry.type);
    expect(logTypes).toEqual(['apply', 'domainValidationPassed', 'issued']);
  });

  it('DNS_AUTO applications issue by themselves once the clock passes', async () => {
    const h = await harness();
    const { CertificateId } = await h.call('ApplyCertificate', {
      DvAuthMethod: 'DNS_AUTO',
      DomainName: 'auto.example.com',
      CsrEncryptAlgo: 'ECC',
      CsrKeyParameter: 'prime256v1',
    });
    h.clock.advance(4 * MINUTE);
    expect((await h.call('DescribeCertificate', { CertificateId })).Status).toBe(0);
    h.clock.advance(2 * MINUTE);
    expect((await h.call('DescribeCertificate', { CertificateId })).Status).toBe(1);
    // Expiry is derived from the clock too.
    h.clock.advance(91 * DAY);
    expect((await h.call('DescribeCertificate', { CertificateId })).Status).toBe(3);
  });

  it('rejects unsupported free-certificate parameters', async () => {
    const h = await harness();
    expect(
      await rejection(h.call('ApplyCertificate', { DvAuthMethod: 'EMAIL', DomainName: 'a.example.com' })),
    ).toBe('FailedOperation.InvalidParam');
    expect(
      await rejection(
        h.call('ApplyCertificate', {
          DvAuthMethod: 'DNS',
          DomainName: 'a.example.com',
          ValidityPeriod: '12',
        }),
      ),
    ).toBe('FailedOperation.InvalidParam');
  });
});

describe('paid, cancel, revoke and reissue lifecycles', () => {
  it('orders, submits info, reviews and issues a paid OV certificate with a pre-audited manager', async () => {
    const h = await harness();
    const { CertificateIds } = await h.call('CreateCertificate', {
      ProductId: 14,
      DomainNum: 1,
      TimeSpan: 1,
    });
    const certId = CertificateIds[0]!;
    expect((await h.call('DescribeCertificate', { CertificateId: certId })).Status).toBe(5);
    const manager = h.state.accounts.listManagers().find((candidate) => candidate.status === 'ok');
    expect(manager).toBeDefined();
    await h.call('CertificateInfoSubmit', {
      CertId: certId,
      GenCsrType: 'online',
      CertCommonName: 'pay.example.com',
      CompanyType: 2,
      CompanyId: String(manager!.companyId),
      ManagerId: String(manager!.id),
      CsrEncryptAlgo: 'ECC',
      CsrKeyParameter: 'prime256v1',
    });
    const submitted = await h.call('CertificateOrderSubmit', { CertId: certId, VerifyType: 'DNS' });
    expect(submitted).toMatchObject({ Status: 0, IsAudited: true });
    expect(
      await rejection(Promise.resolve().then(() => h.call('CertificateOrderSubmit', { CertId: certId }))),
    ).toBe('FailedOperation.CertificateOrderSubmitProcessing');
    h.clock.advance(3 * 60 * MINUTE);
    const detail = await h.call('DescribeCertificateDetail', { CertificateId: certId });
    expect(detail.Status).toBe(1);
    expect(detail.CertType).toBe('OV');
    expect(detail.SubmittedData?.AdminEmail).toBe(manager!.mail);
  });

  it('CheckCertificateDomainVerification reports on an OV order but leaves it in CA review', async () => {
    const h = await harness();
    const certId = (await h.call('CreateCertificate', { ProductId: 14, DomainNum: 1, TimeSpan: 1 }))
      .CertificateIds[0]!;
    const manager = h.state.accounts.listManagers().find((candidate) => candidate.status === 'ok')!;
    await h.call('CertificateInfoSubmit', {
      CertId: certId,
      GenCsrType: 'online',
      CertCommonName: 'check.ov.example.com',
      CompanyType: 2,
      CompanyId: '0',
      ManagerId: String(manager.id),
      CsrEncryptAlgo: 'RSA',
      CsrKeyParameter: '2048',
    });
    await h.call('CertificateOrderSubmit', { CertId: certId, VerifyType: 'DNS' });
    h.clock.advance(6 * MINUTE);
    const checked = await h.call('CheckCertificateDomainVerification', { CertificateId: certId });
    expect(checked.VerificationResults?.[0]).toMatchObject({ LocalCheck: 1, CaCheck: 2, Issued: false });
    expect(await h.call('DescribeCertificate', { CertificateId: certId })).toMatchObject({
      Status: 0,
      CertBeginTime: null,
    });
    // The organisation review issues it after its two hours, as for CompleteCertificate.
    h.clock.advance(2 * 60 * MINUTE);
    expect((await h.call('DescribeCertificate', { CertificateId: certId })).Status).toBe(1);
  });

  it('cancels an order (6 then 7) and revokes an issued certificate (9 then 10)', async () => {
    const h = await harness();
    const { CertificateIds } = await h.call('CreateCertificate', {
      ProductId: 14,
      DomainNum: 1,
      TimeSpan: 1,
    });
    await h.call('CancelCertificateOrder', { CertificateId: CertificateIds[0]! });
    expect((await h.call('DescribeCertificate', { CertificateId: CertificateIds[0]! })).Status).toBe(6);
    h.clock.advance(2 * MINUTE);
    expect((await h.call('DescribeCertificate', { CertificateId: CertificateIds[0]! })).Status).toBe(7);

    const { CertificateId } = await h.call('ApplyCertificate', {
      DvAuthMethod: 'DNS_AUTO',
      DomainName: 'rv.example.com',
    });
    h.clock.advance(6 * MINUTE);
    const revoke = await h.call('RevokeCertificate', { CertificateId });
    expect(revoke.RevokeDomainValidateAuths.length).toBeGreaterThan(0);
    expect((await h.call('DescribeCertificate', { CertificateId })).Status).toBe(9);
    h.clock.advance(11 * MINUTE);
    const revoked = await h.call('DescribeCertificate', { CertificateId });
    expect(revoked.Status).toBe(10);
    expect(revoked.DvRevokeAuthDetail?.length).toBe(revoke.RevokeDomainValidateAuths.length);
  });

  it('reissues once (11 then 1 with a new certificate) and links both records', async () => {
    const h = await harness();
    const { CertificateId } = await h.call('ApplyCertificate', {
      DvAuthMethod: 'DNS_AUTO',
      DomainName: 're.example.com',
    });
    h.clock.advance(6 * MINUTE);
    const before = await h.call('DescribeCertificateDetail', { CertificateId });
    const { CertificateId: reissueId } = await h.call('ReplaceCertificate', {
      CertificateId,
      ValidType: 'DNS_AUTO',
    });
    expect((await h.call('DescribeCertificate', { CertificateId: reissueId })).Status).toBe(11);
    h.clock.advance(6 * MINUTE);
    const after = await h.call('DescribeCertificateDetail', { CertificateId: reissueId });
    expect(after.Status).toBe(1);
    expect(after.CertificatePublicKey).not.toBe(before.CertificatePublicKey);
    expect(after.CertificateExtra.ReplacedBy).toBe(CertificateId);
    expect((await h.call('DescribeCertificate', { CertificateId })).CertificateExtra?.ReplacedFor).toBe(
      reissueId,
    );
    expect(await rejection(h.call('ReplaceCertificate', { CertificateId, ValidType: 'DNS' }))).toBe(
      'FailedOperation.OrderAlreadyReplaced',
    );
  });
});

describe('submitting the information of a paid order', () => {
  const ORGANISATION = {
    OrgOrganization: 'Example Ltd',
    OrgDivision: 'IT',
    OrgAddress: '1 Example Road',
    OrgCountry: 'CN',
    OrgCity: 'Shanghai',
    OrgRegion: 'Shanghai',
    OrgPhoneArea: '021',
    OrgPhoneNumber: '12345678',
  };
  const CONTACTS = {
    AdminFirstName: 'Ada',
    AdminLastName: 'Li',
    AdminPhone: '13800000000',
    AdminEmail: 'ada@example.com',
    AdminTitle: 'CTO',
    TechFirstName: 'Bo',
    TechLastName: 'Wang',
    TechPhone: '13900000000',
    TechTitle: 'Engineer',
  };

  async function order(h: Harness, ProductId: number, DomainNum = 1): Promise<string> {
    return (await h.call('CreateCertificate', { ProductId, DomainNum, TimeSpan: 1 })).CertificateIds[0]!;
  }

  function submit(h: Harness, CertId: string, params: Partial<SslRequest<'CertificateInfoSubmit'>>) {
    return Promise.resolve().then(() =>
      h.call('CertificateInfoSubmit', {
        CertId,
        GenCsrType: 'online',
        CertCommonName: 'info.example.com',
        CompanyType: 2,
        CompanyId: '0',
        CsrEncryptAlgo: 'RSA',
        CsrKeyParameter: '2048',
        ...params,
      }),
    );
  }

  it("requires a company applicant's organisation and contacts unless a company or manager stands for them", async () => {
    const h = await harness();
    // GeoTrust OV (9), a company applicant naming no company nor manager: everything is required.
    const geotrust = await order(h, 9);
    expect(await rejection(submit(h, geotrust, {}))).toBe('FailedOperation.InvalidParam');
    expect(await rejection(submit(h, geotrust, { ...ORGANISATION }))).toBe('FailedOperation.InvalidParam');
    expect(await rejection(submit(h, geotrust, { ...CONTACTS }))).toBe('FailedOperation.InvalidParam');
    const { OrgCity: _city, ...withoutCity } = ORGANISATION;
    expect(await rejection(submit(h, geotrust, { ...withoutCity, ...CONTACTS }))).toBe(
      'FailedOperation.InvalidParam',
    );
    // A company stands for the organisation, whose details fill the submitted data; not for the contacts.
    const company = h.state.accounts.listCompanies()[0]!;
    expect(await rejection(submit(h, geotrust, { CompanyId: String(company.id) }))).toBe(
      'FailedOperation.InvalidParam',
    );
    expect(await rejection(submit(h, geotrust, { CompanyId: '987654321', ...CONTACTS }))).toBe(
      'FailedOperation.InvalidParam',
    );
    await submit(h, geotrust, { CompanyId: String(company.id), ...CONTACTS });
    const detail = await h.call('DescribeCertificateDetail', { CertificateId: geotrust });
    expect(detail.SubmittedData).toMatchObject({
      OrganizationName: company.name,
      AdminEmail: 'ada@example.com',
    });
    // With everything given, no company is needed.
    await submit(h, await order(h, 9), { ...ORGANISATION, ...CONTACTS });
  });

  it('needs no organisation or contacts from an individual, nor from an applicant with a manager', async () => {
    const h = await harness();
    await submit(h, await order(h, 28 /* Wotrus OV */, 1), {
      ManagerId: String(h.state.accounts.listManagers().find((manager) => manager.status === 'ok')!.id),
    });
    await submit(h, await order(h, 48 /* DNSPod DV */, 1), {
      CompanyType: 1,
      ContactEmail: 'me@example.com',
    });
  });

  it('fits the domains to the product: other domains for multi-domain ones, within the count bought', async () => {
    const h = await harness();
    // TrustAsia DV multi-domain (11), bought for 3 domains.
    const multi = await order(h, 11, 3);
    const individual = {
      CompanyType: 1,
      ContactEmail: 'me@example.com',
      CertCommonName: 'multi.example.com',
    };
    expect(await rejection(submit(h, multi, individual))).toBe('FailedOperation.InvalidParam');
    expect(
      await rejection(
        submit(h, multi, {
          ...individual,
          DnsNames: ['a.example.com', 'b.example.com', 'c.example.com', 'd.example.com'],
        }),
      ),
    ).toBe('FailedOperation.InvalidParam');
    // The common name is one of the three.
    expect(
      await rejection(
        submit(h, multi, { ...individual, DnsNames: ['a.example.com', 'b.example.com', 'c.example.com'] }),
      ),
    ).toBe('FailedOperation.InvalidParam');
    await submit(h, multi, { ...individual, DnsNames: ['a.example.com', 'b.example.com'] });
    expect((await h.call('DescribeCertificate', { CertificateId: multi })).SubjectAltName).toEqual([
      'multi.example.com',
      'a.example.com',
      'b.example.com',
    ]);
  });

  it('takes a wildcard common name only for a wildcard product', async () => {
    const h = await harness();
    const applicant = { ...ORGANISATION, ...CONTACTS };
    // GeoTrust OV (9) is single-domain; GeoTrust OV wildcard (10) is for one wildcard name.
    expect(
      await rejection(submit(h, await order(h, 9), { ...applicant, CertCommonName: '*.example.com' })),
    ).toBe('FailedOperation.CertificateInfoSubmitDomainInvalid');
    const wildcard = await order(h, 10);
    expect(await rejection(submit(h, wildcard, { ...applicant, CertCommonName: 'www.example.com' }))).toBe(
      'FailedOperation.CertificateInfoSubmitDomainInvalid',
    );
    await submit(h, wildcard, { ...applicant, CertCommonName: '*.example.com' });
  });

  it('takes only the documented values: applicant type, key, renewal flag and document types', async () => {
    const h = await harness();
    const applicant = { ...ORGANISATION, ...CONTACTS };
    const refused = async (params: Partial<SslRequest<'CertificateInfoSubmit'>>) =>
      rejection(submit(h, await order(h, 14), { ...applicant, ...params }));
    expect(await refused({ CompanyType: 3 })).toBe('FailedOperation.InvalidParam');
    expect(await refused({ CsrEncryptAlgo: 'ECC', CsrKeyParameter: 'secp384r1' })).toBe(
      'InvalidParameter.RenewAlgorithmInvalid',
    );
    expect(await refused({ CsrEncryptAlgo: undefined, CsrKeyParameter: undefined })).toBe(
      'FailedOperation.InvalidParam',
    );
    expect(await refused({ CsrEncryptAlgo: undefined })).toBe('FailedOperation.InvalidParam');
    expect(await refused({ AutoRenewFlag: 5 })).toBe('FailedOperation.InvalidParam');
    expect(await refused({ OrgIdType: 'BOGUS' })).toBe('FailedOperation.InvalidParam');
    expect(await refused({ AdminIdType: 'XX' })).toBe('FailedOperation.InvalidParam');
    expect(await refused({ TechIdType: 'XX' })).toBe('FailedOperation.InvalidParam');
    const ok = await order(h, 14);
    await submit(h, ok, {
      ...applicant,
      CsrEncryptAlgo: 'ECC',
      CsrKeyParameter: 'prime256v1',
      AutoRenewFlag: 1,
      OrgIdType: 'TYDMZ',
      AdminIdType: 'HZ',
      TechIdType: '',
    });
    expect((await h.call('DescribeCertificateDetail', { CertificateId: ok })).EncryptAlgorithm).toBe('ECC');
  });

  it('fits the legacy SubmitCertificateInformation domains to the product as well, and takes only known CsrTypes', async () => {
    const h = await harness();
    const legacy = (CertificateId: string, params: Partial<SslRequest<'SubmitCertificateInformation'>>) =>
      rejection(
        Promise.resolve().then(() =>
          h.call('SubmitCertificateInformation', {
            CertificateId,
            CsrType: 'online',
            CertificateDomain: 'legacy.example.com',
            ...params,
          }),
        ),
      );
    const single = await order(h, 14 /* TrustAsia OV */);
    expect(await legacy(single, { DomainList: ['not a domain!!'] })).toBe('FailedOperation.InvalidParam');
    expect(await legacy(single, { DomainList: ['*.wild.example.com'] })).toBe('FailedOperation.InvalidParam');
    expect(await legacy(single, { CsrType: 'bogus' })).toBe('FailedOperation.InvalidParam');
    expect(await legacy(single, { CsrType: undefined })).toBe('FailedOperation.InvalidParam');
    // A multi-domain order (11, bought for 2) needs DomainList, within the count bought.
    const multi = await order(h, 11, 2);
    expect(await legacy(multi, {})).toBe('FailedOperation.InvalidParam');
    expect(await legacy(multi, { DomainList: ['b.example.com', 'c.example.com'] })).toBe(
      'FailedOperation.InvalidParam',
    );
    // A wildcard product (12) takes a wildcard common name only.
    expect(await legacy(await order(h, 12), {})).toBe('FailedOperation.InvalidParam');
    // Nothing refused was stored: the order still takes valid information, and CommitCertificateInformation issues it.
    await h.call('SubmitCertificateInformation', {
      CertificateId: multi,
      CsrType: 'online',
      CertificateDomain: 'a.example.com',
      DomainList: ['B.example.com'],
    });
    expect((await h.call('DescribeCertificateDetail', { CertificateId: multi })).SubmittedData).toMatchObject(
      {
        CsrType: 'online',
        DomainList: ['b.example.com'],
      },
    );
    await h.call('CommitCertificateInformation', { CertificateId: multi, VerifyType: 'DNS_AUTO' });
    h.clock.advance(6 * MINUTE);
    const issued = await h.call('DescribeCertificateDetail', { CertificateId: multi });
    expect(issued).toMatchObject({ Status: 1, Domain: 'a.example.com', SubjectAltName: ['b.example.com'] });
  });
});

describe('validating a reissue', () => {
  it('checks and completes a reissue (status 11) like an application, with a validation deadline', async () => {
    const h = await harness({ seed: true });
    const { CertificateId } = await h.call('ReplaceCertificate', {
      CertificateId: 'MZmyHMKA',
      ValidType: 'FILE',
      CsrType: 'Online',
      CertCSREncryptAlgo: 'ECC',
      CertCSRKeyParameter: 'secp384r1',
    });
    const [listed] = (await h.call('DescribeCertificates', { CertIds: [CertificateId] })).Certificates;
    expect(listed).toMatchObject({ Status: 11, StatusMsg: 'PENDING-DCV' });
    expect(listed?.DVAuthDeadline).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);

    const early = await h.call('CheckCertificateDomainVerification', { CertificateId });
    expect(early.VerificationResults?.[0]).toMatchObject({ LocalCheck: -4, CaCheck: -1, Issued: false });
    await h.call('CompleteCertificate', { CertificateId });
    expect((await h.call('DescribeCertificate', { CertificateId })).Status).toBe(11);

    // Once the file is visible, CompleteCertificate has the CA validate and issue the reissue.
    h.clock.advance(6 * MINUTE);
    expect(await h.call('CompleteCertificate', { CertificateId })).toEqual({ CertificateId });
    const issued = await h.call('DescribeCertificateDetail', { CertificateId });
    expect(issued).toMatchObject({ Status: 1, DvAuthDetail: expect.anything() });
    expect(new X509Certificate(issued.CertificatePublicKey!).publicKey.asymmetricKeyDetails?.namedCurve).toBe(
      'secp384r1',
    );
    const checked = await h.call('CheckCertificateDomainVerification', { CertificateId });
    expect(checked.VerificationResults?.every((result) => result.Issued)).toBe(true);
  });

  it('refuses an unknown CsrType and a second reissue while the first is pending', async () => {
    const h = await harness({ seed: true });
    const CertificateId = 'MZmyHMKA';
    const replace = (params: Partial<SslRequest<'ReplaceCertificate'>>) =>
      h.call('ReplaceCertificate', { CertificateId, ValidType: 'DNS', ...params });
    expect(await rejection(Promise.resolve().then(() => replace({ CsrType: 'Bogus' })))).toBe(
      'FailedOperation.InvalidParam',
    );
    const { CertificateId: first } = await replace({ CsrType: 'Original' });
    expect(await rejection(Promise.resolve().then(() => replace({})))).toBe(
      'FailedOperation.OrderAlreadyReplaced',
    );
    expect((await h.call('DescribeCertificate', { CertificateId })).CertificateExtra?.ReplacedFor).toBe(
      first,
    );
    expect((await h.call('DescribeCertificate', { CertificateId: first })).CertificateExtra?.ReplacedBy).toBe(
      CertificateId,
    );
    // Once the first reissue is issued, a paid certificate may be reissued again.
    h.clock.advance(6 * MINUTE);
    await h.call('CompleteCertificate', { CertificateId: first });
    expect((await h.call('DescribeCertificate', { CertificateId: first })).Status).toBe(1);
    const { CertificateId: second } = await replace({});
    expect((await h.call('DescribeCertificate', { CertificateId })).CertificateExtra?.ReplacedFor).toBe(
      second,
    );
  });

  it('reissues a seeded free certificate on its original RSA key, and refuses the ECC ones that way', async () => {
    const h = await harness({ seed: true });
    const issuedFree = (
      await h.call('DescribeCertificates', { Limit: 1000, CertificateStatus: [1], FilterSource: 'buy' })
    ).Certificates.filter((item) => !item.IsVip && item.CertificateType === 'SVR');
    const rsa = issuedFree.filter((item) => item.EncryptAlgorithm === 'RSA');
    const ecc = issuedFree.filter((item) => item.EncryptAlgorithm === 'ECC');
    expect(rsa.length).toBeGreaterThan(0);
    expect(ecc.length).toBeGreaterThan(0);

    const original = rsa[0]!;
    const { CertificateId } = await h.call('ReplaceCertificate', {
      CertificateId: original.CertificateId,
      ValidType: 'DNS',
      CsrType: 'Original',
    });
    h.clock.advance(6 * MINUTE);
    await h.call('CompleteCertificate', { CertificateId });
    const [before, after] = await Promise.all(
      [original.CertificateId, CertificateId].map((id) =>
        h.call('DescribeCertificateDetail', { CertificateId: id }),
      ),
    );
    expect(after?.Status).toBe(1);
    const keyOf = (pem: string | null | undefined) =>
      new X509Certificate(pem ?? '').publicKey.export({ type: 'spki', format: 'der' }).toString('hex');
    expect(keyOf(after?.CertificatePublicKey)).toBe(keyOf(before?.CertificatePublicKey));
    expect(new X509Certificate(after?.CertificatePublicKey ?? '').publicKey.asymmetricKeyType).toBe('rsa');

    expect(
      await rejection(
        h.call('ReplaceCertificate', { CertificateId: ecc[0]!.CertificateId, ValidType: 'DNS' }),
      ),
    ).toBe('InvalidParameter.RenewAlgorithmInvalid');
  });

  it('issues a reissue when CheckCertificateDomainVerification finds its records', async () => {
    const h = await harness({ seed: true });
    const { CertificateId } = await h.call('ReplaceCertificate', {
      CertificateId: 'MZmyHMKA',
      ValidType: 'DNS',
    });
    h.clock.advance(6 * MINUTE);
    const checked = await h.call('CheckCertificateDomainVerification', { CertificateId });
    expect(checked.VerificationResults?.[0]).toMatchObject({ LocalCheck: 1, CaCheck: 2, Issued: true });
    expect((await h.call('DescribeCertificate', { CertificateId })).Status).toBe(1);
  });
});

describe('upload, existence, chain and download', () => {
  it('parses uploads, detects mismatched keys, parse errors and duplicates', async () => {
    const h = await harness();
    const cert = uploadPem('up.example.com');
    const { CertificateId, RepeatCertId } = await h.call('UploadCertificate', {
      CertificatePublicKey: cert.certificatePem,
      CertificatePrivateKey: cert.privateKeyPem!,
      Alias: 'mine',
    });
    expect(RepeatCertId).toBe('');
    const described = await h.call('DescribeCertificate', { CertificateId });
    expect(described).toMatchObject({
      From: 'upload',
      Domain: 'up.example.com',
      Status: 1,
      PackageType: null,
    });
    const duplicate = await h.call('UploadCertificate', {
      CertificatePublicKey: cert.certificatePem,
      CertificatePrivateKey: cert.privateKeyPem!,
      Repeatable: false,
    });
    expect(duplicate).toEqual({ CertificateId, RepeatCertId: CertificateId });
    expect(
      (await h.call('CheckCertificateExist', { CertificatePublicKey: cert.certificatePem })).RepeatCertId,
    ).toBe(CertificateId);
    expect(
      (
        await h.call('CheckCertificateExist', {
          CertificatePublicKey: uploadPem('x.example.com').certificatePem,
        })
      ).RepeatCertId,
    ).toBe('');
    expect(
      await rejection(
        Promise.resolve().then(() =>
          h.call('UploadCertificate', {
            CertificatePublicKey: cert.certificatePem,
            CertificatePrivateKey: generateKeyPair('ECC').privateKeyPem,
          }),
        ),
      ),
    ).toBe('FailedOperation.CertificateMismatch');
    expect(
      await rejection(
        Promise.resolve().then(() =>
          h.call('UploadCertificate', {
            CertificatePublicKey: '-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----',
            CertificatePrivateKey: cert.privateKeyPem!,
          }),
        ),
      ),
    ).toBe('FailedOperation.CertificateParseError');
  });

  it("fingerprints the leaf (CertFingerprint) and its chain (CertChainInfo) with SHA-1 in the vendor's formats", async () => {
    const h = await harness();
    const cert = uploadPem('fp.example.com');
    const { CertificateId } = await h.call('UploadCertificate', {
      CertificatePublicKey: cert.certificatePem,
      CertificatePrivateKey: cert.privateKeyPem!,
    });
    const detail = await h.call('DescribeCertificateDetail', { CertificateId });
    const sha1 = createHash('sha1').update(new X509Certificate(cert.leafPem).raw).digest('hex');
    // "签名证书 SHA1指纹", example 5894DA009D7B378A96D168A56B1EC4E2D8065A8D: 40 upper-case hex digits.
    expect(detail.CertFingerprint).toBe(sha1.toUpperCase());
    expect(detail.CertFingerprint).toMatch(/^[0-9A-F]{40}$/);
    // CertChainInfo's Fingerprint is a SHA-1 too, lower-case in the vendor's example (881be953a4fd8cab…).
    expect(detail.CertChainInfo?.map((info) => info.Fingerprint)).toEqual(
      splitPemCertificates(cert.certificatePem).map((block) =>
        createHash('sha1').update(new X509Certificate(block).raw).digest('hex'),
      ),
    );
  });

  it('lists the uploaded CA certificates themselves for a CA upload, and none for a server certificate', async () => {
    const h = await harness();
    const ca = privateCertificateAuthority('Own', h.clock.now());
    const caFields = async (CertificateId: string) => {
      const [listed] = (await h.call('DescribeCertificates', { CertIds: [CertificateId] })).Certificates;
      const described = await h.call('DescribeCertificate', { CertificateId });
      // The list item and DescribeCertificate say the same.
      expect(described.CACommonNames).toEqual(listed?.CACommonNames);
      expect(described.CAEncryptAlgorithms).toEqual(listed?.CAEncryptAlgorithms);
      expect(described.CAEndTimes).toEqual(listed?.CAEndTimes);
      return {
        names: listed?.CACommonNames,
        algorithms: listed?.CAEncryptAlgorithms,
        ends: listed?.CAEndTimes,
      };
    };
    const rootOnly = await h.call('UploadCertificate', {
      CertificatePublicKey: ca.rootPem,
      CertificateType: 'CA',
    });
    const rootFields = await caFields(rootOnly.CertificateId);
    expect(rootFields).toMatchObject({ names: ['Own Root CA'], algorithms: ['ECC'] });
    expect(rootFields.ends?.[0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    const bundle = await h.call('UploadCertificate', {
      CertificatePublicKey: ca.intermediatePem + ca.rootPem,
      CertificateType: 'CA',
    });
    expect((await caFields(bundle.CertificateId)).names).toEqual(['Own Issuing CA', 'Own Root CA']);
    const server = ca.issue('svr.example.com');
    const svr = await h.call('UploadCertificate', {
      CertificatePublicKey: server.leafPem + ca.intermediatePem,
      CertificatePrivateKey: server.privateKeyPem,
    });
    expect(await caFields(svr.CertificateId)).toEqual({ names: [], algorithms: [], ends: [] });
  });

  it('checks chain order and signatures', async () => {
    const h = await harness();
    const cert = uploadPem('chain.example.com');
    const [leaf = '', intermediate = ''] = cert.certificatePem.split(/(?<=-----END CERTIFICATE-----\n)/);
    const good = await h.call('CheckCertificateChain', { CertificateChain: cert.certificatePem });
    expect(good).toMatchObject({ IsValid: true, IsTrustedCA: true });
    expect(good.Chains).toEqual(['chain.example.com', 'SSL Graph Emulator TLS CA G1']);
    const reversed = await h.call('CheckCertificateChain', { CertificateChain: intermediate + leaf });
    expect(reversed.IsValid).toBe(false);
  });

  it('downloads a real ZIP whose nginx files hold the certificate and key', async () => {
    const h = await harness();
    const cert = uploadPem('dl.example.com');
    const { CertificateId } = await h.call('UploadCertificate', {
      CertificatePublicKey: cert.certificatePem,
      CertificatePrivateKey: cert.privateKeyPem!,
    });
    const download = await h.call('DownloadCertificate', { CertificateId });
    expect(download.ContentType).toBe('application/zip');
    const files = new Map(
      readZip(Buffer.from(download.Content, 'base64')).map((entry) => [
        entry.name,
        Buffer.from(entry.data).toString(),
      ]),
    );
    expect(files.get('Nginx/dl.example.com_bundle.crt')).toBe(cert.certificatePem);
    expect(files.get('Nginx/dl.example.com.key')).toBe(cert.privateKeyPem);
    expect(files.get('Apache/dl.example.com.crt')).toBe(cert.leafPem);
    const url = await h.call('DescribeDownloadCertificateUrl', { CertificateId, ServiceType: 'nginx' });
    expect(url.DownloadFilename).toBe('dl.example.com_nginx.zip');
    expect(url.DownloadCertificateUrl.startsWith('http://127.0.0.1:4566/')).toBe(true);
    expect(
      await rejection(
        Promise.resolve().then(() =>
          h.call('DescribeDownloadCertificateUrl', { CertificateId, ServiceType: 'caddy' }),
        ),
      ),
    ).toBe('FailedOperation.CertificateDownloadServiceTypeNotSupport');
    expect(h.state.operationLogs.forCertificate(CertificateId).map((entry) => entry.type)).toEqual([
      'upload',
      'download',
    ]);
  });

  it('reports the validation level an uploaded certificate shows: O= is OV, EV policy or subject fields EV', async () => {
    const h = await harness();
    const now = Date.now();
    const ov = issueLeafCertificate({
      domain: 'ov-upload.example.com',
      subjectAltNames: [],
      notBefore: now - DAY,
      notAfter: now + 200 * DAY,
      organization: 'ACME Corp',
    });
    const uploads = [
      [uploadPem('dv-upload.example.com'), 'DV'],
      [ov, 'OV'],
      [EV_POLICY_UPLOAD, 'EV'],
      [EV_SUBJECT_UPLOAD, 'EV'],
    ] as const;
    for (const [pem, certType] of uploads) {
      const { CertificateId } = await h.call('UploadCertificate', {
        CertificatePublicKey: pem.certificatePem,
        CertificatePrivateKey: pem.privateKeyPem!,
      });
      const detail = await h.call('DescribeCertificateDetail', { CertificateId });
      expect({
        CertType: detail.CertType,
        IsDv: detail.IsDv,
        CompanyType: detail.CertificateExtra.CompanyType,
      }).toEqual({ CertType: certType, IsDv: certType === 'DV', CompanyType: certType === 'DV' ? 1 : 2 });
      const [listed] = (await h.call('DescribeCertificates', { CertIds: [CertificateId] })).Certificates;
      expect(listed?.IsDv).toBe(certType === 'DV');
    }
  });

  it('refuses letters for an uploaded certificate for its source, before its type', async () => {
    const h = await harness();
    const cert = uploadPem('letter.example.com');
    const { CertificateId } = await h.call('UploadCertificate', {
      CertificatePublicKey: cert.certificatePem,
      CertificatePrivateKey: cert.privateKeyPem!,
    });
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x41)]).toString('base64');
    expect(
      await rejection(
        Promise.resolve().then(() => h.call('UploadConfirmLetter', { CertificateId, ConfirmLetter: pdf })),
      ),
    ).toBe('FailedOperation.InvalidCertificateSource');
    // UploadRevokeLetter documents no source code: the generic one.
    expect(
      await rejection(
        Promise.resolve().then(() => h.call('UploadRevokeLetter', { CertificateId, RevokeLetter: pdf })),
      ),
    ).toBe('FailedOperation');
  });

  it('refuses to download a certificate set not to allow downloads, by either action', async () => {
    const h = await harness();
    const cert = uploadPem('nodl.example.com');
    const { CertificateId } = await h.call('UploadCertificate', {
      CertificatePublicKey: cert.certificatePem,
      CertificatePrivateKey: cert.privateKeyPem!,
    });
    // As UpdateCertificateInstance(AllowDownload=false) leaves it.
    h.state.certificates.require(CertificateId).allowDownload = false;
    const refused = (promise: () => Promise<unknown>) => rejection(Promise.resolve().then(promise));
    expect(await refused(() => h.call('DownloadCertificate', { CertificateId }))).toBe(
      'FailedOperation.CertificateNotAllowDownload',
    );
    expect(
      await refused(() => h.call('DescribeDownloadCertificateUrl', { CertificateId, ServiceType: 'nginx' })),
    ).toBe('FailedOperation.CertificateNotAllowDownload');
    expect(h.state.operationLogs.forCertificate(CertificateId).map((entry) => entry.type)).toEqual([
      'upload',
    ]);
  });
});

describe('renewals', () => {
  /** A usable package with points to spare, for CreateCertificateByPackage. */
  function usablePackageId(h: Harness): string {
    const usable = h.state.accounts
      .listPackages()
      .find((candidate) => candidate.status === 'usable' && candidate.balance >= 4);
    if (usable === undefined) throw new Error('the seed has no usable package');
    return usable.id;
  }

  function renewByPackage(h: Harness, OldCertificateId: string, DomainNames?: string) {
    return h.call('CreateCertificateByPackage', {
      ProductPid: 1004157,
      PackageIds: [usablePackageId(h)],
      DomainCount: '1',
      Period: 1,
      OldCertificateId,
      ...(DomainNames === undefined ? {} : { DomainNames }),
    });
  }

  async function renewable(h: Harness, CertificateId: string): Promise<boolean | undefined> {
    const [listed] = (await h.call('DescribeCertificates', { CertIds: [CertificateId] })).Certificates;
    const detail = await h.call('DescribeCertificateDetail', { CertificateId });
    expect(detail.RenewAble).toBe(listed?.RenewAble);
    return listed?.RenewAble;
  }

  it('reports RenewAble exactly for the issued, CA-issued certificates expiring within 30 days', async () => {
    const h = await harness({ seed: true });
    const now = h.clock.now();
    const listed = (await h.call('DescribeCertificates', { Limit: 1000 })).Certificates;
    const expected = h.state.certificates
      .all()
      .filter(
        (record) =>
          record.from !== 'upload' &&
          record.status === 1 &&
          record.renewalId === null &&
          record.certEndTime! > now &&
          record.certEndTime! - now <= 30 * DAY,
      )
      .map((record) => record.id)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(
      listed
        .filter((item) => item.RenewAble)
        .map((item) => item.CertificateId)
        .sort(),
    ).toEqual(expected);
    const filtered = (await h.call('DescribeCertificates', { Renew: 1, Limit: 1000 })).Certificates;
    expect(filtered.map((item) => item.CertificateId).sort()).toEqual(expected);
  });

  it('refuses to renew what RenewAble says is not renewable: expired, uploaded, cancelled', async () => {
    const h = await harness({ seed: true });
    // dH1SCWGA: a free certificate that expired; NPYZigJA: an uploaded one about to expire.
    for (const CertificateId of ['dH1SCWGA', 'NPYZigJA']) {
      expect(await renewable(h, CertificateId)).toBe(false);
      const domain = h.state.certificates.get(CertificateId)!.domain;
      expect(
        await rejection(
          h.call('ApplyCertificate', {
            DvAuthMethod: 'DNS',
            DomainName: domain,
            OldCertificateId: CertificateId,
          }),
        ),
      ).toBe('FailedOperation.InvalidCertificateStatusCode');
      expect(await rejection(Promise.resolve().then(() => renewByPackage(h, CertificateId)))).toBe(
        'FailedOperation',
      );
    }
    const cancelled = h.state.certificates.all().find((record) => record.status === 7 && !record.isVip)!;
    expect(await renewable(h, cancelled.id)).toBe(false);
    expect(await rejection(Promise.resolve().then(() => renewByPackage(h, cancelled.id)))).toBe(
      'FailedOperation',
    );
  });

  it('renews a renewable certificate for its own domain only, once', async () => {
    const h = await harness({ seed: true });
    // 74xGcIFA: a free certificate for mail83.demo-shop.cn, expiring within 30 days.
    expect(await renewable(h, '74xGcIFA')).toBe(true);
    expect(
      await rejection(
        h.call('ApplyCertificate', {
          DvAuthMethod: 'DNS',
          DomainName: 'totally-different.example.com',
          OldCertificateId: '74xGcIFA',
        }),
      ),
    ).toBe('FailedOperation.InvalidParam');
    expect(
      await rejection(
        Promise.resolve().then(() => renewByPackage(h, '74xGcIFA', 'totally-different.example.com')),
      ),
    ).toBe('InvalidParameter.DomainInvalid');
    const { CertificateId } = await h.call('ApplyCertificate', {
      DvAuthMethod: 'DNS',
      DomainName: 'mail83.demo-shop.cn',
      OldCertificateId: '74xGcIFA',
    });
    expect(
      (await h.call('DescribeCertificate', { CertificateId })).CertificateExtra?.OriginCertificateId,
    ).toBe('74xGcIFA');
    // Renewed once, it is renewable no more, by either action.
    expect(await renewable(h, '74xGcIFA')).toBe(false);
    expect(await rejection(Promise.resolve().then(() => renewByPackage(h, '74xGcIFA')))).toBe(
      'FailedOperation',
    );
  });

  it('renews only a free certificate with a free application, a paid one by package', async () => {
    const h = await harness({ seed: true });
    const paid = h.state.certificates
      .all()
      .find(
        (record) =>
          record.isVip &&
          record.certType === 'OV' &&
          record.status === 1 &&
          record.from === 'trustasia' &&
          record.renewalId === null &&
          record.certEndTime !== null &&
          record.certEndTime - h.clock.now() > 40 * DAY,
      )!;
    // Ten days before it expires, the paid OV certificate is renewable.
    h.clock.advance(paid.certEndTime! - h.clock.now() - 10 * DAY);
    expect(await renewable(h, paid.id)).toBe(true);
    expect(
      await rejection(
        h.call('ApplyCertificate', {
          DvAuthMethod: 'DNS',
          DomainName: paid.domain,
          OldCertificateId: paid.id,
        }),
      ),
    ).toBe('FailedOperation.InvalidCertificateStatusCode');
    expect(paid.renewalId).toBeNull();
  });

  it('renews by package points with the renewed domain', async () => {
    const h = await harness({ seed: true });
    const { CertificateId } = await renewByPackage(h, '74xGcIFA');
    expect(await h.call('DescribeCertificate', { CertificateId })).toMatchObject({
      Domain: 'mail83.demo-shop.cn',
      CertificateExtra: expect.objectContaining({ OriginCertificateId: '74xGcIFA' }),
    });
  });
});

describe('ordering from packages', () => {
  async function byPackage(h: Harness, params: Partial<SslRequest<'CreateCertificateByPackage'>>) {
    const usable = h.state.accounts
      .listPackages()
      .filter((candidate) => candidate.status === 'usable')
      .sort((a, b) => b.balance - a.balance)[0]!;
    return rejection(
      Promise.resolve().then(() =>
        h.call('CreateCertificateByPackage', {
          ProductPid: 1013890 /* TrustAsia OV, single domain */,
          PackageIds: [usable.id],
          DomainCount: '1',
          Period: 1,
          ...params,
        }),
      ),
    );
  }

  it('refuses what does not fit the order: wildcards, unknown or rejected applicants, counts', async () => {
    const h = await harness();
    const before = h.state.certificates.all().length;
    expect(await byPackage(h, { DomainNames: '*.wild.example.com' })).toBe('InvalidParameter.DomainInvalid');
    expect(await byPackage(h, { ManagerId: 999999 })).toBe('FailedOperation');
    expect(await byPackage(h, { CompanyId: 999999 })).toBe('FailedOperation');
    const rejected = h.state.accounts.listManagers().find((manager) => manager.status === 'invalid')!;
    expect(await byPackage(h, { ManagerId: rejected.id })).toBe('FailedOperation');
    expect(await byPackage(h, { CertificateCount: 0 })).toBe('FailedOperation');
    expect(await byPackage(h, { CertificateCount: -3 })).toBe('FailedOperation');
    expect(
      await byPackage(h, { CertificateCount: 2, DomainNames: 'a.example.com,b.example.com,c.example.com' }),
    ).toBe('InvalidParameter.DomainInvalid');
    expect(h.state.certificates.all().length).toBe(before);
    // What fits is ordered: one certificate per pre-filled domain, with the applicant named.
    const manager = h.state.accounts.listManagers().find((candidate) => candidate.status === 'ok')!;
    const usable = h.state.accounts
      .listPackages()
      .filter((candidate) => candidate.status === 'usable')
      .sort((a, b) => b.balance - a.balance)[0]!;
    const { CertificateIds } = await h.call('CreateCertificateByPackage', {
      ProductPid: 1013890,
      PackageIds: [usable.id],
      DomainCount: '1',
      Period: 1,
      CertificateCount: 2,
      DomainNames: 'a.example.com,b.example.com',
      ManagerId: manager.id,
      CompanyId: manager.companyId,
    });
    expect(CertificateIds.map((id) => h.state.certificates.require(id).domain)).toEqual([
      'a.example.com',
      'b.example.com',
    ]);
  });

  it('sells CFCA EV for one year only, as CreateCertificate does', async () => {
    const h = await harness();
    expect(
      await rejection(
        Promise.resolve().then(() =>
          h.call('CreateCertificate', { ProductId: 101, DomainNum: 1, TimeSpan: 3 }),
        ),
      ),
    ).toBe('InvalidParameterValue');
    expect(await byPackage(h, { ProductPid: 1022451 /* CFCA EV, type 101 */, Period: 3 })).toBe(
      'InvalidParameter.PeriodInvalid',
    );
  });
});

describe('root certificates', () => {
  /** RootCert.Standard, SupportDownloadType.ROOT and the ROOT download of one certificate. */
  async function roots(h: Harness, CertificateId: string) {
    const detail = await h.call('DescribeCertificateDetail', { CertificateId });
    const [listed] = (await h.call('DescribeCertificates', { CertIds: [CertificateId] })).Certificates;
    let downloaded: string | null;
    try {
      const link = await h.call('DescribeDownloadCertificateUrl', { CertificateId, ServiceType: 'root' });
      const served = serveDownloadLink(h.state, h.clock.now(), new URL(link.DownloadCertificateUrl).pathname);
      const files = readZip(served.body);
      expect(files.map((file) => file.name)).toEqual(['root.crt']);
      downloaded = Buffer.from(files[0]!.data).toString('utf8');
    } catch (error) {
      if (!(error instanceof EmulatorError)) throw error;
      expect(error.code).toBe('FailedOperation.CertificateDownloadServiceTypeNotSupport');
      downloaded = null;
    }
    return { standard: detail.RootCert.Standard, offered: listed?.SupportDownloadType.ROOT, downloaded };
  }

  it("serves the emulator's root for a certificate it issued", async () => {
    const h = await harness();
    const { CertificateId } = await h.call('ApplyCertificate', {
      DvAuthMethod: 'DNS_AUTO',
      DomainName: 'root.example.com',
    });
    h.clock.advance(6 * MINUTE);
    const rootPem = emulatorCertificateAuthority().rootPem;
    expect(await roots(h, CertificateId)).toEqual({ standard: rootPem, offered: true, downloaded: rootPem });
  });

  it('serves the root an uploaded chain ends with, and refuses ROOT everywhere when it carries none', async () => {
    const h = await harness();
    const ca = privateCertificateAuthority('Own', h.clock.now());
    const server = ca.issue('own-root.example.com');
    const withoutRoot = await h.call('UploadCertificate', {
      CertificatePublicKey: server.leafPem + ca.intermediatePem,
      CertificatePrivateKey: server.privateKeyPem,
    });
    expect(await roots(h, withoutRoot.CertificateId)).toEqual({
      standard: null,
      offered: false,
      downloaded: null,
    });
    const withRoot = await h.call('UploadCertificate', {
      CertificatePublicKey: server.leafPem + ca.intermediatePem + ca.rootPem,
      CertificatePrivateKey: server.privateKeyPem,
    });
    expect(await roots(h, withRoot.CertificateId)).toEqual({
      standard: ca.rootPem,
      offered: true,
      downloaded: ca.rootPem,
    });
  });
});

describe('DescribeCertificates over the seed', () => {
  it('pages with defaults and caps, sorted by insert time', async () => {
    const h = await harness({ seed: true });
    const all = h.state.certificates.all();
    expect(all.length).toBeGreaterThanOrEqual(190);
    const firstPage = await h.call('DescribeCertificates', {});
    expect(firstPage.TotalCount).toBe(all.length);
    expect(firstPage.Certificates).toHaveLength(10);
    const times = firstPage.Certificates.map((item) => item.InsertTime);
    expect([...times].sort().reverse()).toEqual(times);
    expect((await h.call('DescribeCertificates', { Limit: 5000 })).Certificates).toHaveLength(all.length);
    const second = await h.call('DescribeCertificates', { Offset: 10, Limit: 10 });
    expect(second.Certificates[0]!.CertificateId).not.toBe(firstPage.Certificates[0]!.CertificateId);
    for (const item of firstPage.Certificates) {
      expect(JSON.stringify(item)).not.toContain('BEGIN');
    }
  });

  it('honours every filter', async () => {
    const h = await harness({ seed: true });
    const now = h.clock.now();
    const records = h.state.certificates.all();
    const ids = async (params: Parameters<typeof h.call<'DescribeCertificates'>>[1]) =>
      (await h.call('DescribeCertificates', { ...params, Limit: 1000 })).Certificates;
    expect((await ids({ FilterSource: 'upload' })).every((item) => item.From === 'upload')).toBe(true);
    expect((await ids({ FilterSource: 'buy' })).every((item) => item.From !== 'upload')).toBe(true);
    expect((await ids({ Upload: 1 })).length).toBe(
      records.filter((record) => record.from === 'upload').length,
    );
    expect(
      (await ids({ CertificateStatus: [0, 10] }))
        .map((item) => item.Status)
        .every((s) => s === 0 || s === 10),
    ).toBe(true);
    const expiring = await ids({ FilterExpiring: 1 });
    expect(expiring.length).toBeGreaterThan(0);
    expect(expiring.every((item) => item.IsExpiring)).toBe(true);
    expect((await ids({ CertificateType: 'CA' })).every((item) => item.CertificateType === 'CA')).toBe(true);
    expect((await ids({ ProjectId: 1_000_001 })).every((item) => item.ProjectId === '1000001')).toBe(true);
    expect((await ids({ Deployable: 1 })).every((item) => item.Deployable)).toBe(true);
    expect((await ids({ Deployable: 0 })).every((item) => !item.Deployable)).toBe(true);
    expect((await ids({ Renew: 1 })).every((item) => item.RenewAble)).toBe(true);
    expect((await ids({ IsPendingIssue: 1 })).every((item) => [0, 4, 11].includes(item.Status))).toBe(true);
    expect((await ids({ Hostable: 1 })).every((item) => item.Deployable && item.HostingStatus === -1)).toBe(
      true,
    );
    expect((await ids({ IsSM: 1 })).every((item) => item.IsSM)).toBe(true);
    const tagged = await ids({ Tags: [{ TagKey: 'env', TagValue: 'prod' }] });
    expect(tagged.length).toBeGreaterThan(0);
    expect(
      tagged.every((item) => item.Tags.some((tag) => tag.TagKey === 'env' && tag.TagValue === 'prod')),
    ).toBe(true);
    const some = records.slice(3, 6).map((record) => record.id);
    expect((await ids({ CertIds: some })).map((item) => item.CertificateId).sort()).toEqual([...some].sort());
    const target = records.find((record) => record.alias !== '')!;
    expect((await ids({ SearchKey: target.id })).map((item) => item.CertificateId)).toContain(target.id);
    expect(
      (await ids({ SearchKey: 'SHOP.EXAMPLE' })).every(
        (item) => item.Domain.includes('shop') || item.SubjectAltName.some((n) => n.includes('shop')),
      ),
    ).toBe(true);
    const asc = (await ids({ ExpirationSort: 'ASC' }))
      .filter((item) => item.CertEndTime !== '')
      .map((item) => item.CertEndTime);
    expect([...asc].sort()).toEqual(asc);
    const desc = (await ids({ ExpirationSort: 'DESC' }))
      .filter((item) => item.CertEndTime !== '')
      .map((item) => item.CertEndTime);
    expect([...desc].sort().reverse()).toEqual(desc);
    expect(now).toBeGreaterThan(0);
  });

  it('covers every seeded state with links, hosting and managers', async () => {
    const h = await harness({ seed: true });
    const records = h.state.certificates.all();
    const statuses = new Set(records.map((record) => record.status));
    for (const status of [0, 1, 2, 3, 5, 7, 10]) expect(statuses.has(status)).toBe(true);
    const renewal = records.find((record) => record.renewedFrom !== null)!;
    expect(h.state.certificates.get(renewal.renewedFrom!)!.renewalId).toBe(renewal.id);
    expect(records.some((record) => record.hosting?.status === 10)).toBe(true);
    expect(
      records.some(
        (record) => record.managerId !== null && record.managerId >= 1001 && record.managerId <= 1010,
      ),
    ).toBe(true);
    const issued = records.find((record) => record.status === 1 && record.from !== 'upload')!;
    const leaf = new X509Certificate(issued.certificatePem!);
    expect(leaf.subjectAltName).toContain(`DNS:${issued.domain}`);
  });
});

describe('deletion and logs', () => {
  it('refuses free certificates within an hour, then deletes; batch delete reports failures', async () => {
    const h = await harness();
    const { CertificateId } = await h.call('ApplyCertificate', {
      DvAuthMethod: 'DNS',
      DomainName: 'del.example.com',
    });
    expect(
      await rejection(Promise.resolve().then(() => h.call('DeleteCertificate', { CertificateId }))),
    ).toBe('FailedOperation.CannotBeDeletedWithinHour');
    h.clock.advance(61 * MINUTE);
    const batch = await h.call('DeleteCertificates', { CertificateIds: [CertificateId, 'missing1'] });
    expect(batch.Success).toEqual([CertificateId]);
    expect(batch.Fail.map((fail) => fail.CertId)).toEqual(['missing1']);
    expect(h.state.certificates.get(CertificateId)).toBeUndefined();
  });

  it('acts once on a repeated ID in batch actions and words every failure as a sentence', async () => {
    const h = await harness({ seed: true });
    const { CertificateId } = await h.call('ApplyCertificate', {
      DvAuthMethod: 'DNS',
      DomainName: 'dup.example.com',
    });
    const young = (await h.call('ApplyCertificate', { DvAuthMethod: 'DNS', DomainName: 'young.example.com' }))
      .CertificateId;
    const project = await h.call('ModifyCertificateProject', {
      CertificateIdList: [CertificateId, 'nope', CertificateId],
      ProjectId: 1000001,
    });
    expect(project).toEqual({ SuccessCertificates: [CertificateId], FailCertificates: ['nope'] });
    const switched = await h.call('ModifyCertificatesExpiringNotificationSwitch', {
      CertificateIds: [CertificateId, CertificateId],
      SwitchStatus: 1,
    });
    expect(switched.CertificateIds).toEqual([CertificateId]);
    expect(
      h.state.operationLogs.forCertificate(CertificateId).filter((entry) => entry.type === 'changeProject'),
    ).toHaveLength(1);
    h.clock.advance(61 * MINUTE);
    const fresh = (await h.call('ApplyCertificate', { DvAuthMethod: 'DNS', DomainName: 'fresh.example.com' }))
      .CertificateId;
    const batch = await h.call('DeleteCertificates', {
      CertificateIds: [CertificateId, CertificateId, 'nope', 'nope', fresh],
    });
    expect(batch.Success).toEqual([CertificateId]);
    expect(batch.Fail.map((fail) => fail.CertId)).toEqual(['nope', fresh]);
    // One format, as the documented example 「当前证书未过期，不能被删除」: a sentence, never a bare code.
    for (const fail of batch.Fail) expect(fail.Msg).not.toMatch(/^[A-Za-z]+(\.[A-Za-z]+)+$/);
    const tasks = await h.call('DeleteCertificates', { CertificateIds: [young, young], IsSync: true });
    expect(tasks.CertTaskIds?.map((task) => task.CertId)).toEqual([young]);
  });

  it('runs asynchronous delete tasks with the clock', async () => {
    const h = await harness();
    const cert = uploadPem('task.example.com');
    const { CertificateId } = await h.call('UploadCertificate', {
      CertificatePublicKey: cert.certificatePem,
      CertificatePrivateKey: cert.privateKeyPem!,
    });
    const started = await h.call('DeleteCertificate', { CertificateId, IsCheckResource: true });
    expect(started.DeleteResult).toBe(false);
    const taskId = started.TaskId!;
    expect(
      (await h.call('DescribeDeleteCertificatesTaskResult', { TaskIds: [taskId] })).DeleteTaskResult[0]!
        .Status,
    ).toBe(0);
    h.clock.advance(11_000);
    const done = (await h.call('DescribeDeleteCertificatesTaskResult', { TaskIds: [taskId] }))
      .DeleteTaskResult[0]!;
    expect(done).toMatchObject({ Status: 1, CertId: CertificateId, Domains: ['task.example.com'] });
    expect(h.state.certificates.get(CertificateId)).toBeUndefined();
  });

  it('refuses a free certificate within the hour in asynchronous delete tasks too, as of when the task ran', async () => {
    const h = await harness();
    const { CertificateId } = await h.call('ApplyCertificate', {
      DvAuthMethod: 'DNS',
      DomainName: 'async-del.example.com',
    });
    const single = await h.call('DeleteCertificate', { CertificateId, IsCheckResource: true });
    const batch = await h.call('DeleteCertificates', { CertificateIds: [CertificateId], IsSync: true });
    // Read well after the hour: each task ran (and decided) within it.
    h.clock.advance(2 * 60 * MINUTE);
    const { DeleteTaskResult } = await h.call('DescribeDeleteCertificatesTaskResult', {
      TaskIds: [single.TaskId!, batch.CertTaskIds![0]!.TaskId],
    });
    for (const result of DeleteTaskResult) {
      expect(result).toMatchObject({
        CertId: CertificateId,
        Status: 2,
        Error: 'FailedOperation.CannotBeDeletedWithinHour',
      });
      // CacheTime: when the task ran and decided.
      const startedAt = h.state.deleteTasks.get(result.TaskId)!.createdAt;
      expect(result.CacheTime).toBe(formatBeijingTime(startedAt + DELETE_TASK_DURATION_MS));
    }
    expect(h.state.certificates.get(CertificateId)).toBeDefined();

    // After the hour, a new task deletes it.
    const later = await h.call('DeleteCertificate', { CertificateId, IsCheckResource: true });
    h.clock.advance(DELETE_TASK_DURATION_MS);
    const done = await h.call('DescribeDeleteCertificatesTaskResult', { TaskIds: [later.TaskId!] });
    expect(done.DeleteTaskResult[0]).toMatchObject({ Status: 1, Error: '' });
    expect(h.state.certificates.get(CertificateId)).toBeUndefined();
  });

  it('judges a delete task on the certificate as it was when the task ran', async () => {
    const h = await harness();
    const now = h.clock.now();
    // A paid order under validation, issued a minute after the task runs: refused then, though issued when read.
    const record = newCertificateRecord({
      id: h.state.certificates.nextId(),
      domain: 'paid-review.example.com',
      insertTime: now - DAY,
      isVip: true,
      status: 4,
      schedule: { kind: 'issue', at: now + DELETE_TASK_DURATION_MS + MINUTE },
    });
    h.state.certificates.insert(record);
    const { TaskId } = await h.call('DeleteCertificate', { CertificateId: record.id, IsCheckResource: true });
    h.clock.advance(DELETE_TASK_DURATION_MS + 2 * MINUTE);
    const { DeleteTaskResult } = await h.call('DescribeDeleteCertificatesTaskResult', { TaskIds: [TaskId!] });
    expect(DeleteTaskResult[0]).toMatchObject({
      Status: 2,
      Error: 'FailedOperation.InvalidCertificateStatusCode',
    });
    expect(h.state.certificates.get(record.id)?.status).toBe(1);
  });

  it('pages operation logs inside the default 15-day window', async () => {
    const h = await harness({ seed: true });
    const logs = await h.call('DescribeCertificateOperateLogs', { Limit: 5 });
    expect(logs.TotalCount).toBe(5);
    expect(logs.AllTotal).toBeGreaterThan(5);
    const since = h.clock.now() - 15 * DAY;
    const allLogs = await h.call('DescribeCertificateOperateLogs', { Limit: 5000 });
    expect(allLogs.OperateLogs.length).toBe(allLogs.AllTotal);
    expect(allLogs.AllTotal).toBe(h.state.operationLogs.between(since, h.clock.now()).length);
    await h.call('ModifyCertificateAlias', {
      CertificateId: h.state.certificates.all()[0]!.id,
      Alias: 'renamed',
    });
    const latest = await h.call('DescribeCertificateOperateLogs', { Limit: 1 });
    expect(latest.OperateLogs[0]).toMatchObject({ Type: 'updateAlias' });
  });

  it('refuses impossible operation-log times instead of rolling them over', async () => {
    const h = await harness({ seed: true });
    for (const StartTime of [
      '2026-13-45 99:99:99',
      '2026-02-30 00:00:00',
      '2026-12-01 24:00:00',
      '2026-12-01 10:60:00',
    ]) {
      expect(
        await rejection(
          Promise.resolve().then(() => h.call('DescribeCertificateOperateLogs', { StartTime })),
        ),
      ).toBe('FailedOperation.InvalidParam');
    }
    // Real instants, such as a leap day, still pass.
    await h.call('DescribeCertificateOperateLogs', { StartTime: '2024-02-29 23:59:59' });
    expect(parseBeijingTime('2024-02-29 23:59:59')).toBe(Date.UTC(2024, 1, 29, 15, 59, 59));
  });
});
