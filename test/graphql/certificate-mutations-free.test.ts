import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthSession } from '../../src/graphql/auth/session.ts';
import { type CertificateView, mutate } from './certificate-mutations.support.ts';
import { execute } from './support/execute.ts';
import { startTestStack, type TestStack } from './support/stack.ts';

// The free DV certificate from application to issue, then reissued and revoked, over the real client and emulator.

const MINUTE = 60_000;
const CERTIFICATE = 'certificate { id status domain }';

let stack: TestStack;
let readOnly: TestStack;

const readOnlySession: AuthSession = { subject: 'reader', scopes: new Set(['ssl:read']) };

beforeAll(async () => {
  stack = await startTestStack();
  readOnly = await startTestStack({ gateway: { authenticate: async () => readOnlySession } });
});
afterAll(async () => {
  await stack?.close();
  await readOnly?.close();
});

interface VerificationPayload {
  readonly certificate: CertificateView | null;
  readonly results: ReadonlyArray<{
    domain: string;
    method: string;
    localCheck: string;
    caCheck: string;
    isIssued: boolean;
    isRateLimited: boolean;
    localCheckFailureReason: string | null;
    foundValues: string[];
  }> | null;
}

function checkVerification(id: string) {
  return mutate<VerificationPayload>(
    stack.gateway,
    'certificateDomainVerificationCheck',
    'CertificateSelectorInput',
    `${CERTIFICATE} results {
      domain method localCheck caCheck isIssued isRateLimited localCheckFailureReason foundValues
    }`,
    { id },
  );
}

function apply(domain: string, validationMethod: string) {
  return mutate<{ certificate: CertificateView | null }>(
    stack.gateway,
    'certificateApply',
    'CertificateApplyInput',
    CERTIFICATE,
    { domain, validationMethod, alias: 'free lifecycle' },
  );
}

describe('the free DV certificate lifecycle', () => {
  let issuedId: string;
  let reissuedId: string;

  it('applies, reports per-domain validation, and is issued once the record is visible', async () => {
    const applied = await apply('lifecycle.example.com', 'DNS');
    expect(applied.userErrors).toEqual([]);
    expect(applied.certificate).toMatchObject({ status: 'REVIEWING', domain: 'lifecycle.example.com' });
    const id = applied.certificate!.id;
    expect(stack.upstreamCalls('ApplyCertificate')).toBe(1);

    const early = await checkVerification(id);
    expect(early.userErrors).toEqual([]);
    expect(early.certificate?.status).toBe('REVIEWING');
    expect(early.results).toEqual([
      expect.objectContaining({
        domain: 'lifecycle.example.com',
        method: 'DNS',
        localCheck: 'TXT_RECORD_NOT_FOUND',
        caCheck: 'NOT_PASSED',
        isIssued: false,
      }),
      expect.objectContaining({ domain: 'www.lifecycle.example.com', localCheck: 'TXT_RECORD_NOT_FOUND' }),
    ]);

    // Nothing found yet: the reason in words, and no values.
    for (const result of early.results ?? []) {
      expect(result.localCheckFailureReason).toBe('未检测到TXT记录');
      expect(result.foundValues).toEqual([]);
    }

    stack.emulator.clock.advance(5 * MINUTE);
    const passed = await checkVerification(id);
    expect(passed.certificate?.status).toBe('ISSUED');
    expect(passed.results?.every((result) => result.localCheck === 'PASSED' && result.isIssued)).toBe(true);
    expect(passed.results?.[0]?.caCheck).toBe('PASSED');
    // Found: no reason, and the value each domain's record holds.
    const published = new Map(
      (stack.emulator.state.certificates.get(id)?.dvAuths ?? []).map((auth) => [auth.domain, auth.value]),
    );
    for (const result of passed.results ?? []) {
      expect(result.localCheckFailureReason).toBeNull();
      expect(result.foundValues).toEqual([published.get(result.domain)]);
    }
    issuedId = id;
  });

  it('reissues an issued certificate as a new certificate under validation', async () => {
    const reissued = await mutate<{
      certificate: CertificateView | null;
      originalCertificate: CertificateView | null;
    }>(
      stack.gateway,
      'certificateReissue',
      'CertificateReissueInput',
      `${CERTIFICATE} originalCertificate { id status }`,
      { id: issuedId, validationMethod: 'DNS', reason: 'key rotation' },
    );
    expect(reissued.userErrors).toEqual([]);
    expect(reissued.certificate?.status).toBe('REISSUING');
    expect(reissued.certificate?.id).not.toBe(issuedId);
    expect(reissued.originalCertificate).toEqual({ id: issuedId, status: 'ISSUED' });
    reissuedId = reissued.certificate!.id;

    const again = await mutate<{ certificate: CertificateView | null }>(
      stack.gateway,
      'certificateReissue',
      'CertificateReissueInput',
      CERTIFICATE,
      { id: issuedId, validationMethod: 'DNS' },
    );
    expect(again.certificate).toBeNull();
    expect(again.userErrors).toEqual([
      expect.objectContaining({ code: 'FailedOperation.OrderAlreadyReplaced', field: ['input', 'id'] }),
    ]);
  });

  it('validates the reissue like an application: checked, given a deadline, completed and issued', async () => {
    const validation = await execute<
      { certificate: { domainValidation: { deadline: string | null } } },
      { id: string }
    >(stack.gateway, 'query ($id: ID!) { certificate(id: $id) { domainValidation { deadline } } }', {
      id: reissuedId,
    });
    expect(validation.errors).toBeUndefined();
    expect(validation.data?.certificate.domainValidation.deadline).not.toBeNull();

    const early = await checkVerification(reissuedId);
    expect(early.userErrors).toEqual([]);
    expect(early.certificate?.status).toBe('REISSUING');
    expect(early.results?.every((result) => !result.isIssued)).toBe(true);

    stack.emulator.clock.advance(5 * MINUTE);
    const completed = await mutate<{ certificate: CertificateView | null }>(
      stack.gateway,
      'certificateComplete',
      'CertificateSelectorInput',
      CERTIFICATE,
      { id: reissuedId },
    );
    expect(completed.userErrors).toEqual([]);
    expect(completed.certificate).toMatchObject({ id: reissuedId, status: 'ISSUED' });
  });

  it('refuses an empty uploaded CSR for a reissue instead of calling the upstream', async () => {
    stack.emulator.stats.reset();
    const result = await mutate<{ certificate: CertificateView | null }>(
      stack.gateway,
      'certificateReissue',
      'CertificateReissueInput',
      CERTIFICATE,
      { id: issuedId, validationMethod: 'DNS', csr: { uploadedCsrPem: '' } },
    );
    expect(result.certificate).toBeNull();
    expect(result.userErrors).toEqual([
      expect.objectContaining({ code: 'CSR_REQUIRED', field: ['input', 'csr', 'uploadedCsrPem'] }),
    ]);
    expect(stack.upstreamCalls('ReplaceCertificate')).toBe(0);
  });

  it('revokes an issued DV certificate and returns the validation values to publish', async () => {
    const revoked = await mutate<{
      certificate: CertificateView | null;
      domainValidations: ReadonlyArray<{
        domain: string;
        key: string;
        value: string;
        filePath: string | null;
      }>;
    }>(
      stack.gateway,
      'certificateRevoke',
      'CertificateRevokeInput',
      `${CERTIFICATE} domainValidations { domain key value filePath }`,
      { id: issuedId, reason: 'no longer used' },
    );
    expect(revoked.userErrors).toEqual([]);
    expect(revoked.certificate?.status).toBe('REVOKING');
    expect(revoked.domainValidations.map((validation) => validation.domain)).toEqual([
      'lifecycle.example.com',
      'www.lifecycle.example.com',
    ]);
    expect(revoked.domainValidations[0]).toMatchObject({ filePath: null });
    expect(revoked.domainValidations[0]?.value).not.toBe('');
  });

  it('issues a file-validated certificate as soon as certificateComplete asks the CA', async () => {
    const applied = await apply('complete.example.com', 'FILE');
    const id = applied.certificate!.id;
    stack.emulator.clock.advance(5 * MINUTE);
    const completed = await mutate<{ certificate: CertificateView | null }>(
      stack.gateway,
      'certificateComplete',
      'CertificateSelectorInput',
      CERTIFICATE,
      { id },
    );
    expect(completed.userErrors).toEqual([]);
    expect(completed.certificate).toMatchObject({ id, status: 'ISSUED' });
  });
});

describe('renewals', () => {
  function renew(domain: string, renewedCertificateId: string) {
    return mutate<{ certificate: CertificateView | null }>(
      stack.gateway,
      'certificateApply',
      'CertificateApplyInput',
      CERTIFICATE,
      { domain, validationMethod: 'DNS', renewedCertificateId },
    );
  }

  it('refuses to renew an uploaded certificate, on the renewed certificate', async () => {
    // NPYZigJA: an uploaded certificate for blog155.example.com, expiring within days.
    const result = await renew('qa10.example.com', 'NPYZigJA');
    expect(result.certificate).toBeNull();
    expect(result.userErrors).toEqual([
      expect.objectContaining({
        code: 'FailedOperation.InvalidCertificateStatusCode',
        field: ['input', 'renewedCertificateId'],
      }),
    ]);
  });

  it('refuses a renewal for another domain than the renewed one', async () => {
    // 74xGcIFA: a free certificate for mail83.demo-shop.cn, expiring within 30 days.
    const result = await renew('totally-different.example.com', '74xGcIFA');
    expect(result.certificate).toBeNull();
    expect(result.userErrors).toEqual([expect.objectContaining({ code: 'FailedOperation.InvalidParam' })]);
  });

  it('reports an expired certificate as not renewable, and refuses to renew it', async () => {
    // dH1SCWGA: a free certificate for mail103.example.com that has expired.
    const read = await execute<
      { certificate: { isRenewable: boolean }; certificates: { edges: Array<{ node: { id: string } }> } },
      Record<string, never>
    >(
      stack.gateway,
      `{ certificate(id: "dH1SCWGA") { isRenewable }
         certificates(first: 1000, filter: { renewableOnly: true }) { edges { node { id } } } }`,
    );
    expect(read.errors).toBeUndefined();
    expect(read.data?.certificate.isRenewable).toBe(false);
    expect(read.data?.certificates.edges.map(({ node }) => node.id)).not.toContain('dH1SCWGA');
    const result = await renew('mail103.example.com', 'dH1SCWGA');
    expect(result.userErrors).toEqual([
      expect.objectContaining({ code: 'FailedOperation.InvalidCertificateStatusCode' }),
    ]);
  });
});

describe('free certificate mistakes', () => {
  it('reports an invalid contact e-mail on its input field', async () => {
    const result = await mutate<{ certificate: CertificateView | null }>(
      stack.gateway,
      'certificateApply',
      'CertificateApplyInput',
      CERTIFICATE,
      { domain: 'mail.example.com', validationMethod: 'DNS_AUTO', contactEmail: 'not-an-address' },
    );
    expect(result.certificate).toBeNull();
    expect(result.userErrors).toEqual([
      expect.objectContaining({
        code: 'InvalidParameterValue.CertificateEmailParseInvalid',
        field: ['input', 'contactEmail'],
      }),
    ]);
  });

  it('refuses a blank domain before calling the upstream', async () => {
    stack.emulator.stats.reset();
    for (const domain of ['', '  ']) {
      const result = await apply(domain, 'DNS');
      expect(result.certificate).toBeNull();
      expect(result.userErrors).toEqual([
        expect.objectContaining({ code: 'DOMAIN_REQUIRED', field: ['input', 'domain'] }),
      ]);
    }
    expect(stack.upstreamCalls('ApplyCertificate')).toBe(0);
  });

  it('reports a domain the CA cannot certify on the domain', async () => {
    for (const domain of ['*.x', '1.2.3.4']) {
      const result = await apply(domain, 'DNS');
      expect(result.certificate).toBeNull();
      expect(result.userErrors).toEqual([
        expect.objectContaining({ code: 'FailedOperation.InvalidParam', field: ['input', 'domain'] }),
      ]);
    }
  });

  it('blames the certificate, not a key type the caller never sent, when a free ECC one cannot be reissued', async () => {
    const applied = await mutate<{ certificate: CertificateView | null }>(
      stack.gateway,
      'certificateApply',
      'CertificateApplyInput',
      CERTIFICATE,
      { domain: 'ecc.example.com', validationMethod: 'DNS_AUTO', key: { keyType: 'ECC_P256' } },
    );
    const id = applied.certificate!.id;
    stack.emulator.clock.advance(5 * MINUTE);
    expect((await checkVerification(id)).certificate?.status).toBe('ISSUED');

    const result = await mutate<{ certificate: CertificateView | null }>(
      stack.gateway,
      'certificateReissue',
      'CertificateReissueInput',
      CERTIFICATE,
      { id, validationMethod: 'DNS' },
    );
    expect(result.certificate).toBeNull();
    expect(result.userErrors).toEqual([
      expect.objectContaining({ code: 'InvalidParameter.RenewAlgorithmInvalid', field: ['input', 'id'] }),
    ]);

    const withKeyType = await mutate<{ certificate: CertificateView | null }>(
      stack.gateway,
      'certificateReissue',
      'CertificateReissueInput',
      CERTIFICATE,
      { id, validationMethod: 'DNS', csr: { generatedKey: { keyType: 'ECC_P256' } } },
    );
    expect(withKeyType.userErrors).toEqual([
      expect.objectContaining({
        code: 'InvalidParameter.RenewAlgorithmInvalid',
        field: ['input', 'csr', 'generatedKey', 'keyType'],
      }),
    ]);
  });

  it('refuses to revoke a certificate that is still under review', async () => {
    const applied = await apply('pending.example.com', 'DNS');
    const result = await mutate<{ certificate: CertificateView | null }>(
      stack.gateway,
      'certificateRevoke',
      'CertificateRevokeInput',
      CERTIFICATE,
      { id: applied.certificate!.id },
    );
    expect(result.certificate).toBeNull();
    expect(result.userErrors).toEqual([
      expect.objectContaining({
        code: 'FailedOperation.InvalidCertificateStatusCode',
        field: ['input', 'id'],
      }),
    ]);
  });

  it('reports an unknown certificate as not found', async () => {
    const result = await mutate<{ certificate: CertificateView | null }>(
      stack.gateway,
      'certificateDomainVerificationCheck',
      'CertificateSelectorInput',
      CERTIFICATE,
      { id: 'NoSuchId' },
    );
    expect(result.userErrors).toEqual([
      expect.objectContaining({ code: 'FailedOperation.CertificateNotFound', field: ['input', 'id'] }),
    ]);
  });
});

describe('authorisation', () => {
  it('refuses certificate mutations without ssl:write, before any upstream call', async () => {
    readOnly.emulator.stats.reset();
    const documents = [
      'mutation { certificateApply(input: { domain: "nope.example.com", validationMethod: DNS }) { certificate { id } } }',
      'mutation { certificateRevoke(input: { id: "LqQxgqUe" }) { certificate { id } } }',
    ];
    for (const document of documents) {
      const result = await execute(readOnly.gateway, document);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(readOnly.upstreamCalls('ApplyCertificate')).toBe(0);
    expect(readOnly.upstreamCalls('RevokeCertificate')).toBe(0);
  });
});
