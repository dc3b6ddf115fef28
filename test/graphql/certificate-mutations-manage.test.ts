import { createPrivateKey } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueLeafCertificate } from '../../src/emulator/pki/ca.ts';
import { seededCertificateIds } from '../support/emulator.ts';
import { privateCertificateAuthority } from '../support/private-ca.ts';
import { mutate } from './certificate-mutations.support.ts';
import { execute } from './support/execute.ts';
import { useTestStack } from './support/stack.ts';

// Uploading your own certificate, moving certificates between projects and switching expiry notifications.

const DAY = 24 * 60 * 60 * 1000;

const stack = useTestStack();
let seededIds: string[];

beforeAll(() => {
  seededIds = seededCertificateIds(stack.emulator, 3);
});

interface UploadPayload {
  readonly certificate: { id: string; status: string; domain: string; source: string | null } | null;
  readonly existingDuplicate: { id: string } | null;
  readonly isNewCertificate: boolean | null;
}

function leaf(domain: string) {
  const now = stack.emulator.clock.now();
  return issueLeafCertificate({
    domain,
    subjectAltNames: [],
    notBefore: now - DAY,
    notAfter: now + 90 * DAY,
  });
}

function upload(input: Record<string, unknown>) {
  return mutate<UploadPayload>(
    stack.gateway,
    'certificateUpload',
    'CertificateUploadInput',
    'certificate { id status domain source } existingDuplicate { id } isNewCertificate',
    input,
  );
}

describe('certificateUpload', () => {
  const issued = () => leaf('upload.example.com');
  let first: ReturnType<typeof issued>;
  let firstId: string;

  it('uploads a real certificate with its key', async () => {
    first = issued();
    const result = await upload({
      certificatePem: first.certificatePem,
      privateKeyPem: first.privateKeyPem,
      alias: 'uploaded by test',
      intendedUse: 'CLB',
      tags: [{ key: 'env', value: 'test' }],
    });
    expect(result.userErrors).toEqual([]);
    expect(result.certificate).toMatchObject({
      status: 'ISSUED',
      domain: 'upload.example.com',
      source: 'UPLOAD',
    });
    expect(result.existingDuplicate).toBeNull();
    expect(result.isNewCertificate).toBe(true);
    firstId = result.certificate!.id;
  });

  it('returns the existing certificate when duplicates are not allowed', async () => {
    const result = await upload({
      certificatePem: first.certificatePem,
      privateKeyPem: first.privateKeyPem,
      allowDuplicate: false,
    });
    expect(result.userErrors).toEqual([]);
    expect(result.certificate?.id).toBe(firstId);
    expect(result.existingDuplicate).toEqual({ id: firstId });
    expect(result.isNewCertificate).toBe(false);
  });

  it('reports a private key of another certificate on the key field', async () => {
    const other = leaf('other.example.com');
    const result = await upload({ certificatePem: first.certificatePem, privateKeyPem: other.privateKeyPem });
    expect(result.certificate).toBeNull();
    expect(result.userErrors).toEqual([
      expect.objectContaining({
        code: 'FailedOperation.CertificateMismatch',
        field: ['input', 'privateKeyPem'],
      }),
    ]);
  });
});

describe('uploadedCaCertificates', () => {
  async function uploadedCaNames(id: string): Promise<string[]> {
    const result = await execute<
      { certificate: { uploadedCaCertificates: Array<{ commonName: string }> } },
      { id: string }
    >(
      stack.gateway,
      'query ($id: ID!) { certificate(id: $id) { uploadedCaCertificates { commonName encryptionAlgorithm expiresAt } } }',
      { id },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.certificate.uploadedCaCertificates.map((ca) => ca.commonName);
  }

  it('lists the CA certificates of a client/CA upload, and none of a server certificate', async () => {
    const ca = privateCertificateAuthority('Graph Test', stack.emulator.clock.now());
    const rootOnly = await upload({ certificatePem: ca.rootPem, certificateType: 'CLIENT_CA' });
    expect(rootOnly.userErrors).toEqual([]);
    expect(await uploadedCaNames(rootOnly.certificate!.id)).toEqual(['Graph Test Root CA']);
    const bundle = await upload({
      certificatePem: ca.intermediatePem + ca.rootPem,
      certificateType: 'CLIENT_CA',
    });
    expect(await uploadedCaNames(bundle.certificate!.id)).toEqual([
      'Graph Test Issuing CA',
      'Graph Test Root CA',
    ]);
    const server = ca.issue('ca-fields.example.com');
    const svr = await upload({
      certificatePem: server.leafPem + ca.intermediatePem,
      privateKeyPem: server.privateKeyPem,
    });
    expect(svr.userErrors).toEqual([]);
    expect(await uploadedCaNames(svr.certificate!.id)).toEqual([]);
  });
});

describe('certificateUpload mistakes', () => {
  it('blames the private key when it cannot be read or is missing', async () => {
    const certificate = leaf('keys.example.com');
    const encryptedKey = createPrivateKey(certificate.privateKeyPem!)
      .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'secret' })
      .toString();
    const encrypted = await upload({
      certificatePem: certificate.certificatePem,
      privateKeyPem: encryptedKey,
    });
    expect(encrypted.userErrors).toEqual([
      expect.objectContaining({
        code: 'FailedOperation.CertificateParseError',
        field: ['input', 'privateKeyPem'],
      }),
    ]);

    const withoutKey = await upload({ certificatePem: certificate.certificatePem });
    expect(withoutKey.userErrors).toEqual([
      expect.objectContaining({
        code: 'InvalidParameter.MissMatchPrivateKey',
        field: ['input', 'privateKeyPem'],
      }),
    ]);
  });

  it('blames the certificate when it cannot be read', async () => {
    const result = await upload({ certificatePem: 'not a certificate', privateKeyPem: 'not a key' });
    expect(result.userErrors).toEqual([
      expect.objectContaining({
        code: 'FailedOperation.CertificateParseError',
        field: ['input', 'certificatePem'],
      }),
    ]);
  });

  it('blames an unreadable certificate, not the readable key beside it, before any upstream call', async () => {
    const key = leaf('pem.example.com').privateKeyPem;
    const calls = stack.upstreamCalls('UploadCertificate');
    for (const certificatePem of [
      'not a pem',
      '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n',
    ]) {
      const result = await upload({ certificatePem, privateKeyPem: key });
      expect(result.userErrors).toEqual([
        expect.objectContaining({
          code: 'FailedOperation.CertificateParseError',
          field: ['input', 'certificatePem'],
        }),
      ]);
    }
    expect(stack.upstreamCalls('UploadCertificate')).toBe(calls);
  });

  it('refuses an empty project ID instead of taking it for none, before any upstream call', async () => {
    const certificate = leaf('project.example.com');
    const calls = stack.upstreamCalls('UploadCertificate');
    const result = await upload({
      certificatePem: certificate.certificatePem,
      privateKeyPem: certificate.privateKeyPem,
      projectId: '',
    });
    expect(result.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_ID', field: ['input', 'projectId'] }),
    ]);
    expect(stack.upstreamCalls('UploadCertificate')).toBe(calls);
  });
});

describe('certificateProjectUpdate', () => {
  it('moves the known certificates and lists the unknown ones', async () => {
    const result = await mutate<{
      certificates: Array<{ id: string; projectId: string }> | null;
      failedCertificateIds: string[] | null;
    }>(
      stack.gateway,
      'certificateProjectUpdate',
      'CertificateProjectUpdateInput',
      'certificates { id projectId } failedCertificateIds',
      { ids: [seededIds[0], seededIds[1], 'NoSuchId'], projectId: '7' },
    );
    expect(result.userErrors).toEqual([]);
    expect(result.certificates).toEqual([
      { id: seededIds[0], projectId: '7' },
      { id: seededIds[1], projectId: '7' },
    ]);
    expect(result.failedCertificateIds).toEqual(['NoSuchId']);
  });

  it('refuses more than 100 IDs or a non-numeric project before calling the upstream', async () => {
    stack.emulator.stats.reset();
    const tooMany = await mutate<{ certificates: unknown[] | null }>(
      stack.gateway,
      'certificateProjectUpdate',
      'CertificateProjectUpdateInput',
      'certificates { id }',
      { ids: Array.from({ length: 101 }, (_, index) => `id${index}`), projectId: '1' },
    );
    expect(tooMany.certificates).toBeNull();
    expect(tooMany.userErrors).toEqual([
      expect.objectContaining({ code: 'TOO_MANY_IDS', field: ['input', 'ids'] }),
    ]);
    const badProject = await mutate<{ certificates: unknown[] | null }>(
      stack.gateway,
      'certificateProjectUpdate',
      'CertificateProjectUpdateInput',
      'certificates { id }',
      { ids: [seededIds[0]], projectId: 'marketing' },
    );
    expect(badProject.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_ID', field: ['input', 'projectId'] }),
    ]);
    expect(stack.upstreamCalls('ModifyCertificateProject')).toBe(0);
  });
});

describe('certificateExpiryNotificationUpdate', () => {
  function update(ids: readonly string[], enabled: boolean) {
    return mutate<{ certificates: Array<{ id: string; isExpiringNotificationEnabled: boolean }> | null }>(
      stack.gateway,
      'certificateExpiryNotificationUpdate',
      'CertificateExpiryNotificationUpdateInput',
      'certificates { id isExpiringNotificationEnabled }',
      { ids, enabled },
    );
  }

  it('switches notifications off and on again', async () => {
    const ids = seededIds.slice(0, 2);
    const off = await update(ids, false);
    expect(off.userErrors).toEqual([]);
    expect(off.certificates).toEqual(ids.map((id) => ({ id, isExpiringNotificationEnabled: false })));
    const on = await update(ids, true);
    expect(on.certificates).toEqual(ids.map((id) => ({ id, isExpiringNotificationEnabled: true })));
  });

  it('reports an unknown certificate as not found', async () => {
    const result = await update(['NoSuchId'], false);
    expect(result.certificates).toBeNull();
    expect(result.userErrors).toEqual([
      expect.objectContaining({ code: 'FailedOperation.CertificateNotFound', field: ['input', 'ids'] }),
    ]);
  });

  it('refuses more than 50 IDs before calling the upstream', async () => {
    stack.emulator.stats.reset();
    const result = await update(
      Array.from({ length: 51 }, (_, index) => `id${index}`),
      true,
    );
    expect(result.userErrors).toEqual([
      expect.objectContaining({ code: 'TOO_MANY_IDS', field: ['input', 'ids'] }),
    ]);
    expect(stack.upstreamCalls('ModifyCertificatesExpiringNotificationSwitch')).toBe(0);
  });
});
