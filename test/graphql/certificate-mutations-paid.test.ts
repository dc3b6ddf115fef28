import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCertificateSigningRequest, generateKeyPair } from '../../src/emulator/pki/x509.ts';
import { type CertificateView, mutate } from './certificate-mutations.support.ts';
import { OV_APPLICANT, pdfLetter } from './support/applicant.ts';
import { startTestStack, type TestStack } from './support/stack.ts';

// Paid certificates: ordering (money or package points), submitting the applicant information, sending the order
// to the CA, confirmation and revocation letters, cancelling and resubmitting.

const CERTIFICATE = 'certificate { id status domain }';
const DAY = 24 * 60 * 60 * 1000;

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.close();
});

async function orderCreate(product: string, domainCount = 1): Promise<CertificateView> {
  const payload = await mutate<{ certificates: CertificateView[] | null; dealIds: string[] | null }>(
    stack.gateway,
    'certificateOrderCreate',
    'CertificateOrderCreateInput',
    'certificates { id status domain } dealIds',
    { product, domainCount, years: 1, tags: [{ key: 'team', value: 'web' }] },
  );
  expect(payload.userErrors).toEqual([]);
  expect(payload.dealIds).toHaveLength(1);
  expect(payload.certificates).toHaveLength(1);
  return payload.certificates![0]!;
}

function submitInformation(input: Record<string, unknown>) {
  return mutate<{ certificate: CertificateView | null }>(
    stack.gateway,
    'certificateInformationSubmit',
    'CertificateInformationSubmitInput',
    CERTIFICATE,
    input,
  );
}

function submitOrder(id: string) {
  return mutate<{
    certificate: CertificateView | null;
    caOrderId: string | null;
    isManagerPreAudited: boolean;
  }>(
    stack.gateway,
    'certificateOrderSubmit',
    'CertificateOrderSubmitInput',
    `${CERTIFICATE} caOrderId isManagerPreAudited`,
    { id, validationMethod: 'DNS' },
  );
}

function cancelAudit(id: string) {
  return mutate<{ certificate: CertificateView | null }>(
    stack.gateway,
    'certificateAuditCancel',
    'CertificateSelectorInput',
    CERTIFICATE,
    { id },
  );
}

describe('a paid OV order with a pre-audited manager', () => {
  it('is bought, filled in from the manager, and goes to review without a letter', async () => {
    const manager = stack.emulator.state.accounts
      .listManagers()
      .find((candidate) => candidate.status === 'ok');
    expect(manager).toBeDefined();
    const ordered = await orderCreate('GEOTRUST_OV');
    expect(ordered.status).toBe('ENTERPRISE_INFORMATION_REQUIRED');

    const submitted = await submitInformation({
      id: ordered.id,
      commonName: 'shop.example.com',
      csr: { generatedKey: { keyType: 'RSA_2048' } },
      applicantType: 'COMPANY',
      managerId: String(manager!.id),
      validationMethod: 'DNS',
    });
    expect(submitted.userErrors).toEqual([]);
    expect(submitted.certificate).toMatchObject({ id: ordered.id, domain: 'shop.example.com' });

    const sent = await submitOrder(ordered.id);
    expect(sent.userErrors).toEqual([]);
    expect(sent.certificate?.status).toBe('REVIEWING');
    expect(sent.caOrderId).toMatch(/\S/);
    expect(sent.isManagerPreAudited).toBe(true);
  });
});

describe('a paid OV order without a manager', () => {
  let orderId: string;

  it('waits for the confirmation letter after the order is sent', async () => {
    const ordered = await orderCreate('TRUSTASIA_OV_D3');
    orderId = ordered.id;
    const submitted = await submitInformation({
      id: orderId,
      commonName: 'letters.example.com',
      csr: { generatedKey: {} },
      ...OV_APPLICANT,
    });
    expect(submitted.userErrors).toEqual([]);
    const sent = await submitOrder(orderId);
    expect(sent.certificate?.status).toBe('CONFIRMATION_LETTER_REQUIRED');
    expect(sent.isManagerPreAudited).toBe(false);
  });

  it('rejects a letter that is too small or not a document before calling the upstream', async () => {
    stack.emulator.stats.reset();
    const tooSmall = await mutate<{ certificate: CertificateView | null }>(
      stack.gateway,
      'certificateConfirmationLetterUpload',
      'CertificateConfirmationLetterUploadInput',
      CERTIFICATE,
      { id: orderId, letter: pdfLetter(512) },
    );
    expect(tooSmall.userErrors).toEqual([
      expect.objectContaining({ code: 'LETTER_TOO_SMALL', field: ['input', 'letter'] }),
    ]);
    const notADocument = await mutate<{ certificate: CertificateView | null }>(
      stack.gateway,
      'certificateConfirmationLetterUpload',
      'CertificateConfirmationLetterUploadInput',
      CERTIFICATE,
      { id: orderId, letter: Buffer.alloc(4096, 0x41).toString('base64') },
    );
    expect(notADocument.userErrors).toEqual([expect.objectContaining({ code: 'LETTER_TYPE_INVALID' })]);
    expect(stack.upstreamCalls('UploadConfirmLetter')).toBe(0);
  });

  it('goes to CA review once the confirmation letter is uploaded, at the largest size the API takes', async () => {
    // 1.4 MB, 1.87 MB in base64: within the default request body limit.
    const uploaded = await mutate<{ certificate: CertificateView | null }>(
      stack.gateway,
      'certificateConfirmationLetterUpload',
      'CertificateConfirmationLetterUploadInput',
      CERTIFICATE,
      { id: orderId, letter: pdfLetter(Math.floor(1.4 * 1024 * 1024)) },
    );
    expect(uploaded.userErrors).toEqual([]);
    expect(uploaded.certificate?.status).toBe('REVIEWING');
  });

  it('can have its review cancelled and be resubmitted', async () => {
    const cancelled = await cancelAudit(orderId);
    expect(cancelled.userErrors).toEqual([]);
    expect(cancelled.certificate?.status).toBe('CANCELLED');

    const resubmitted = await mutate<{ certificate: CertificateView | null }>(
      stack.gateway,
      'certificateResubmit',
      'CertificateSelectorInput',
      CERTIFICATE,
      { id: orderId },
    );
    expect(resubmitted.userErrors).toEqual([]);
    expect(resubmitted.certificate?.status).toBe('CONFIRMATION_LETTER_REQUIRED');
  });

  it('refuses to cancel the review of an order that is not under review', async () => {
    const ordered = await orderCreate('TRUSTASIA_OV_D3');
    const result = await cancelAudit(ordered.id);
    expect(result.certificate).toBeNull();
    expect(result.userErrors).toEqual([
      expect.objectContaining({
        code: 'FailedOperation.CertificateNotFoundOrCantCancel',
        field: ['input', 'id'],
      }),
    ]);
  });
});

describe('applicant information the product requires', () => {
  it('refuses a company applicant without organisation or contacts, and no manager or company', async () => {
    const ordered = await orderCreate('GEOTRUST_OV');
    const submitted = await submitInformation({
      id: ordered.id,
      commonName: 'bare.example.com',
      csr: { generatedKey: {} },
      applicantType: 'COMPANY',
    });
    expect(submitted.certificate).toBeNull();
    expect(submitted.userErrors).toEqual([expect.objectContaining({ code: 'FailedOperation.InvalidParam' })]);
  });

  it('refuses other domains that do not fit the multi-domain count bought, or none at all', async () => {
    const ordered = await orderCreate('TRUSTASIA_DV_MULTI_DOMAIN', 3);
    const individual = {
      id: ordered.id,
      commonName: 'multi.example.com',
      csr: { generatedKey: {} },
      applicantType: 'INDIVIDUAL',
      contactEmail: 'me@example.com',
    };
    for (const additionalDomains of [
      ['a.example.com', 'b.example.com', 'c.example.com', 'd.example.com'],
      [],
    ]) {
      const submitted = await submitInformation({ ...individual, additionalDomains });
      expect(submitted.certificate).toBeNull();
      expect(submitted.userErrors).toEqual([
        expect.objectContaining({ code: 'FailedOperation.InvalidParam' }),
      ]);
    }
    const fitting = await submitInformation({ ...individual, additionalDomains: ['a.example.com'] });
    expect(fitting.userErrors).toEqual([]);
  });

  it('refuses a wildcard common name for a single-domain product', async () => {
    const ordered = await orderCreate('GEOTRUST_OV');
    const submitted = await submitInformation({
      id: ordered.id,
      commonName: '*.example.com',
      csr: { generatedKey: {} },
      ...OV_APPLICANT,
    });
    expect(submitted.certificate).toBeNull();
    expect(submitted.userErrors).toEqual([
      expect.objectContaining({ code: 'FailedOperation.CertificateInfoSubmitDomainInvalid' }),
    ]);
  });
});

describe('an uploaded CSR', () => {
  const ownCsr = (commonName: string) =>
    createCertificateSigningRequest({ commonName }, generateKeyPair('ECC'));

  it('is taken when given, and refused when empty instead of becoming online key generation', async () => {
    const ordered = await orderCreate('GEOTRUST_OV');
    stack.emulator.stats.reset();
    const empty = await submitInformation({
      id: ordered.id,
      commonName: 'own-csr.example.com',
      csr: { uploadedCsrPem: '' },
      ...OV_APPLICANT,
    });
    expect(empty).toEqual({
      certificate: null,
      userErrors: [
        expect.objectContaining({ code: 'CSR_REQUIRED', field: ['input', 'csr', 'uploadedCsrPem'] }),
      ],
    });
    expect(stack.upstreamCalls('CertificateInfoSubmit')).toBe(0);

    const uploaded = await mutate<{ certificate: { application: { csrSource: string } | null } | null }>(
      stack.gateway,
      'certificateInformationSubmit',
      'CertificateInformationSubmitInput',
      'certificate { application { csrSource } }',
      {
        id: ordered.id,
        commonName: 'own-csr.example.com',
        csr: { uploadedCsrPem: ownCsr('own-csr.example.com') },
        ...OV_APPLICANT,
      },
    );
    expect(uploaded.userErrors).toEqual([]);
    expect(uploaded.certificate?.application?.csrSource).toBe('UPLOADED');
  });

  it('is refused when empty by the legacy submission and a package renewal too', async () => {
    const ordered = await orderCreate('DNSPOD_DV');
    stack.emulator.stats.reset();
    const legacy = await mutate<{ certificate: CertificateView | null }>(
      stack.gateway,
      'certificateInformationSubmitLegacy',
      'CertificateInformationSubmitLegacyInput',
      CERTIFICATE,
      { id: ordered.id, commonName: 'legacy-csr.example.com', csr: { uploadedCsrPem: '  \n' } },
    );
    expect(legacy.userErrors).toEqual([
      expect.objectContaining({ code: 'CSR_REQUIRED', field: ['input', 'csr', 'uploadedCsrPem'] }),
    ]);
    expect(stack.upstreamCalls('SubmitCertificateInformation')).toBe(0);

    const renewal = await mutate<{ certificates: CertificateView[] | null }>(
      stack.gateway,
      'certificateOrderCreateByPackage',
      'CertificateOrderCreateByPackageInput',
      'certificates { id }',
      {
        packageIds: ['any-package'],
        product: 'WOTRUS_DV',
        domainCount: 1,
        years: 1,
        renewal: { certificateId: ordered.id, csr: { uploadedCsrPem: '' } },
      },
    );
    expect(renewal.userErrors).toEqual([
      expect.objectContaining({
        code: 'CSR_REQUIRED',
        field: ['input', 'renewal', 'csr', 'uploadedCsrPem'],
      }),
    ]);
    expect(stack.upstreamCalls('CreateCertificateByPackage')).toBe(0);
  });
});

describe('userErrors of a paid order', () => {
  it('point certificateInformationSubmit failures at the input at fault, in the graph terms', async () => {
    const ordered = await orderCreate('GEOTRUST_OV');
    const submit = (input: Record<string, unknown>) =>
      submitInformation({ id: ordered.id, commonName: 'x.example.com', csr: { generatedKey: {} }, ...input });

    const otherCommonName = await submit({
      ...OV_APPLICANT,
      csr: {
        uploadedCsrPem: createCertificateSigningRequest(
          { commonName: 'y.example.com' },
          generateKeyPair('ECC'),
        ),
      },
    });
    expect(otherCommonName.userErrors).toEqual([
      {
        code: 'FailedOperation.InvalidParam',
        message: 'commonName must equal the CSR common name.',
        field: ['input', 'commonName'],
      },
    ]);

    const unknownManager = await submit({ applicantType: 'COMPANY', managerId: '99999' });
    expect(unknownManager.userErrors).toEqual([
      expect.objectContaining({ code: 'FailedOperation.InvalidParam', field: ['input', 'managerId'] }),
    ]);

    const individual = await submit({ applicantType: 'INDIVIDUAL', contactEmail: 'me@example.com' });
    expect(individual.userErrors).toEqual([
      expect.objectContaining({ code: 'FailedOperation.InvalidParam', field: ['input', 'applicantType'] }),
    ]);
    expect(individual.userErrors[0]?.message).not.toMatch(/CompanyType/);

    // A person needs a contact e-mail: the input to add, although the caller did not send it.
    const withoutEmail = await submit({ applicantType: 'INDIVIDUAL' });
    expect(withoutEmail.userErrors).toEqual([
      expect.objectContaining({
        code: 'FailedOperation.CertificateInfoSubmitContactEmailEmpty',
        field: ['input', 'contactEmail'],
      }),
    ]);

    // The message quotes the invalid domain, which tells the common name from the additional domains.
    const invalidDomain = await submit({
      ...OV_APPLICANT,
      additionalDomains: ['ok.example.com', 'bad_domain'],
    });
    expect(invalidDomain.userErrors).toEqual([
      expect.objectContaining({
        code: 'FailedOperation.CertificateInfoSubmitDomainInvalid',
        field: ['input', 'additionalDomains'],
      }),
    ]);
  });

  it('refuse a blank common name before calling the upstream', async () => {
    const ordered = await orderCreate('DNSPOD_DV');
    stack.emulator.stats.reset();
    const submitted = await submitInformation({
      id: ordered.id,
      commonName: ' ',
      csr: { generatedKey: {} },
      ...OV_APPLICANT,
    });
    expect(submitted.userErrors).toEqual([
      expect.objectContaining({ code: 'DOMAIN_REQUIRED', field: ['input', 'commonName'] }),
    ]);
    const legacy = await mutate<{ certificate: CertificateView | null }>(
      stack.gateway,
      'certificateInformationSubmitLegacy',
      'CertificateInformationSubmitLegacyInput',
      CERTIFICATE,
      { id: ordered.id, commonName: '', csr: { generatedKey: {} } },
    );
    expect(legacy.userErrors).toEqual([
      expect.objectContaining({ code: 'DOMAIN_REQUIRED', field: ['input', 'commonName'] }),
    ]);
    expect(stack.upstreamCalls('CertificateInfoSubmit')).toBe(0);
    expect(stack.upstreamCalls('SubmitCertificateInformation')).toBe(0);
  });

  it('point certificateOrderCreate failures at the count or the years, in the graph terms', async () => {
    const order = (input: Record<string, unknown>) =>
      mutate<{ certificates: CertificateView[] | null }>(
        stack.gateway,
        'certificateOrderCreate',
        'CertificateOrderCreateInput',
        'certificates { id }',
        { product: 'GEOTRUST_OV', domainCount: 1, years: 1, ...input },
      );
    expect((await order({ domainCount: 3 })).userErrors).toEqual([
      {
        code: 'InvalidParameterValue',
        message: 'domainCount does not fit the product.',
        field: ['input', 'domainCount'],
      },
    ]);
    expect((await order({ years: 9 })).userErrors).toEqual([
      {
        code: 'InvalidParameterValue',
        message: 'years does not fit the product.',
        field: ['input', 'years'],
      },
    ]);
  });
});

describe('other order mutations', () => {
  it('cancel an order', async () => {
    const ordered = await orderCreate('GEOTRUST_OV');
    const cancelled = await mutate<{ certificate: CertificateView | null }>(
      stack.gateway,
      'certificateOrderCancel',
      'CertificateSelectorInput',
      CERTIFICATE,
      { id: ordered.id },
    );
    expect(cancelled.userErrors).toEqual([]);
    expect(cancelled.certificate).toMatchObject({ id: ordered.id, status: 'CANCELLING' });
  });

  it('create certificates from package points', async () => {
    const usable = stack.emulator.state.accounts
      .listPackages()
      .find((candidate) => candidate.status === 'usable' && candidate.balance >= 2);
    expect(usable).toBeDefined();
    const created = await mutate<{ certificates: CertificateView[] | null }>(
      stack.gateway,
      'certificateOrderCreateByPackage',
      'CertificateOrderCreateByPackageInput',
      'certificates { id status domain }',
      {
        packageIds: [usable!.id],
        product: 'WOTRUS_DV',
        domainCount: 1,
        years: 1,
        certificateCount: 2,
        domains: ['one.example.com', 'two.example.com'],
        validationMethod: 'DNS',
      },
    );
    expect(created.userErrors).toEqual([]);
    expect(created.certificates?.map((certificate) => [certificate.domain, certificate.status])).toEqual([
      ['one.example.com', 'ENTERPRISE_INFORMATION_REQUIRED'],
      ['two.example.com', 'ENTERPRISE_INFORMATION_REQUIRED'],
    ]);

    const unknown = await mutate<{ certificates: CertificateView[] | null }>(
      stack.gateway,
      'certificateOrderCreateByPackage',
      'CertificateOrderCreateByPackageInput',
      'certificates { id }',
      { packageIds: ['no-such-package'], product: 'WOTRUS_DV', domainCount: 1, years: 1 },
    );
    expect(unknown.certificates).toBeNull();
    expect(unknown.userErrors).toEqual([
      expect.objectContaining({
        code: 'InvalidParameter.PackageIdsInvalid',
        field: ['input', 'packageIds'],
      }),
    ]);

    // One point per DV certificate and year: two-year certificates, one more than the package's points pay.
    const [smallest] = stack.emulator.state.accounts
      .listPackages()
      .filter((candidate) => candidate.status === 'usable' && candidate.balance > 0)
      .sort((a, b) => a.balance - b.balance);
    expect(smallest).toBeDefined();
    const tooFewPoints = await mutate<{ certificates: CertificateView[] | null }>(
      stack.gateway,
      'certificateOrderCreateByPackage',
      'CertificateOrderCreateByPackageInput',
      'certificates { id }',
      {
        packageIds: [smallest!.id],
        product: 'WOTRUS_DV',
        domainCount: 1,
        years: 2,
        certificateCount: Math.floor(smallest!.balance / 2) + 1,
      },
    );
    expect(tooFewPoints.certificates).toBeNull();
    expect(tooFewPoints.userErrors).toEqual([
      expect.objectContaining({ code: 'FailedOperation.TradeError', field: ['input', 'packageIds'] }),
    ]);
  });

  it('refuse to renew by package points a certificate that is not renewable', async () => {
    const usable = stack.emulator.state.accounts
      .listPackages()
      .find((candidate) => candidate.status === 'usable' && candidate.balance >= 2);
    const now = stack.emulator.clock.now();
    // An uploaded certificate far from expiry: nothing the CA could renew.
    const uploaded = stack.emulator.state.certificates
      .all()
      .find(
        (record) => record.from === 'upload' && record.status === 1 && record.certEndTime! - now > 60 * DAY,
      );
    expect(uploaded).toBeDefined();
    const result = await mutate<{ certificates: CertificateView[] | null }>(
      stack.gateway,
      'certificateOrderCreateByPackage',
      'CertificateOrderCreateByPackageInput',
      'certificates { id }',
      {
        packageIds: [usable!.id],
        product: 'WOTRUS_DV',
        domainCount: 1,
        years: 1,
        renewal: { certificateId: uploaded!.id },
      },
    );
    expect(result.certificates).toBeNull();
    expect(result.userErrors).toEqual([expect.objectContaining({ code: 'FailedOperation' })]);
  });

  it('submit and commit through the legacy actions', async () => {
    const ordered = await orderCreate('DNSPOD_DV');
    stack.emulator.stats.reset();
    const wrongKey = await mutate<{ certificate: CertificateView | null }>(
      stack.gateway,
      'certificateInformationSubmitLegacy',
      'CertificateInformationSubmitLegacyInput',
      CERTIFICATE,
      { id: ordered.id, commonName: 'legacy.example.com', csr: { generatedKey: { keyType: 'ECC_P256' } } },
    );
    expect(wrongKey.userErrors).toEqual([
      expect.objectContaining({
        code: 'UNSUPPORTED_KEY_TYPE',
        field: ['input', 'csr', 'generatedKey', 'keyType'],
      }),
    ]);
    expect(stack.upstreamCalls('SubmitCertificateInformation')).toBe(0);

    const submitted = await mutate<{ certificate: CertificateView | null }>(
      stack.gateway,
      'certificateInformationSubmitLegacy',
      'CertificateInformationSubmitLegacyInput',
      CERTIFICATE,
      {
        id: ordered.id,
        commonName: 'legacy.example.com',
        csr: { generatedKey: {} },
        ...OV_APPLICANT,
        applicantType: undefined,
        isDomainValidated: true,
      },
    );
    expect(submitted.userErrors).toEqual([]);
    expect(submitted.certificate?.domain).toBe('legacy.example.com');

    const committed = await mutate<{ certificate: CertificateView | null; caOrderId: string | null }>(
      stack.gateway,
      'certificateInformationCommit',
      'CertificateInformationCommitInput',
      `${CERTIFICATE} caOrderId`,
      { id: ordered.id, validationMethod: 'DNS' },
    );
    expect(committed.userErrors).toEqual([]);
    expect(committed.certificate?.status).toBe('REVIEWING');
    expect(committed.caOrderId).toMatch(/\S/);
  });

  it('revoke an OV certificate once its revocation letter is uploaded', async () => {
    const { certificates, resources } = stack.emulator.state;
    const issuedOv = certificates
      .all()
      .find(
        (record) =>
          record.status === 1 &&
          record.certType !== 'DV' &&
          record.from !== 'upload' &&
          !resources.isCertificateBound(record.id),
      );
    expect(issuedOv).toBeDefined();
    const revoked = await mutate<{ certificate: CertificateView | null; domainValidations: unknown[] }>(
      stack.gateway,
      'certificateRevoke',
      'CertificateRevokeInput',
      `${CERTIFICATE} domainValidations { domain }`,
      { id: issuedOv!.id, reason: 'key compromise' },
    );
    expect(revoked.userErrors).toEqual([]);
    expect(revoked.certificate?.status).toBe('REVOCATION_LETTER_REQUIRED');
    expect(revoked.domainValidations).toEqual([]);

    const uploaded = await mutate<{ certificate: CertificateView | null }>(
      stack.gateway,
      'certificateRevocationLetterUpload',
      'CertificateRevocationLetterUploadInput',
      CERTIFICATE,
      { id: issuedOv!.id, letter: pdfLetter(2048) },
    );
    expect(uploaded.userErrors).toEqual([]);
    expect(uploaded.certificate?.status).toBe('REVOKING');
  });
});
