// Keystore downloads through the graph: the formats a certificate offers, a download link fetched over HTTP from
// the emulator, and an archive whose PFX opens with the password the application named.
import { X509Certificate } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { readZip } from '../../src/emulator/pki/zip.ts';
import { servedFingerprint } from '../support/pfx-server.ts';
import { execute } from './support/execute.ts';
import { useTestStack } from './support/stack.ts';

const stack = useTestStack();
const DOMAIN_VALIDATION_MS = 5 * 60 * 1000;

function zipFiles(archive: Uint8Array): Map<string, Buffer> {
  return new Map(readZip(Buffer.from(archive)).map((entry) => [entry.name, Buffer.from(entry.data)]));
}

async function data<TData>(query: string, variables?: Record<string, unknown>): Promise<TData> {
  const result = await execute<TData, Record<string, unknown>>(stack.gateway, query, variables);
  expect(result.errors).toBeUndefined();
  if (result.data === undefined || result.data === null) throw new Error('no data');
  return result.data;
}

describe('keystore downloads', () => {
  it('offers IIS, Tomcat and JKS for a certificate with its key, and the IIS link serves a PFX that opens', async () => {
    const record = stack.emulator.state.certificates
      .all()
      .find((certificate) => certificate.status === 1 && certificate.privateKeyPem !== null);
    if (record === undefined) throw new Error('the seed has no issued certificate with a key');
    const { certificate } = await data<{
      certificate: {
        downloadFormats: string[];
        hasPrivateKeyPassword: boolean;
        downloadLink: { url: string; filename: string };
      };
    }>(
      `query ($id: ID!) { certificate(id: $id) {
        downloadFormats hasPrivateKeyPassword downloadLink(format: IIS) { url filename }
      } }`,
      { id: record.id },
    );
    expect(certificate.downloadFormats).toEqual(expect.arrayContaining(['NGINX', 'TOMCAT', 'IIS', 'JKS']));
    expect(certificate.hasPrivateKeyPassword).toBe(false);
    expect(certificate.downloadLink.filename).toMatch(/_iis\.zip$/);

    const response = await fetch(certificate.downloadLink.url);
    expect(response.status).toBe(200);
    const files = zipFiles(new Uint8Array(await response.arrayBuffer()));
    const pfxName = [...files.keys()].find((name) => name.endsWith('.pfx'));
    expect(pfxName).toBeDefined();
    const password = files.get('keystorePass.txt')?.toString('utf8') ?? '';
    expect(password).not.toBe('');
    expect(() => createSecureContext({ pfx: files.get(pfxName ?? ''), passphrase: password })).not.toThrow();
  });

  it("protects the keystores of an application's archive with the key password it named", async () => {
    const applied = await data<{ certificateApply: { certificate: { id: string } | null } }>(
      `mutation ($input: CertificateApplyInput!) { certificateApply(input: $input) { certificate { id } } }`,
      {
        input: {
          domain: 'keystore-order.example.com',
          validationMethod: 'DNS',
          key: { keyType: 'RSA_2048', keyPassword: 'chosen-by-applicant' },
        },
      },
    );
    const id = applied.certificateApply.certificate?.id ?? '';
    stack.emulator.clock.advance(DOMAIN_VALIDATION_MS);
    const checked = await data<{
      certificateDomainVerificationCheck: { certificate: { status: string } | null };
    }>(
      `mutation ($input: CertificateSelectorInput!) {
        certificateDomainVerificationCheck(input: $input) { certificate { status } }
      }`,
      { input: { id } },
    );
    expect(checked.certificateDomainVerificationCheck.certificate?.status).toBe('ISSUED');

    const { certificate } = await data<{
      certificate: {
        hasPrivateKeyPassword: boolean;
        certificatePem: string;
        archive: { contentBase64: string };
      };
    }>(
      'query ($id: ID!) { certificate(id: $id) { hasPrivateKeyPassword certificatePem archive { contentBase64 } } }',
      {
        id,
      },
    );
    expect(certificate.hasPrivateKeyPassword).toBe(true);
    const files = zipFiles(Buffer.from(certificate.archive.contentBase64, 'base64'));
    expect([...files.keys()].filter((name) => name.endsWith('keystorePass.txt'))).toEqual([]);
    expect(files.has('Tomcat/keystore-order.example.com.jks')).toBe(true);
    expect(files.has('JKS/keystore-order.example.com.jks')).toBe(true);
    const pfx = files.get('IIS/keystore-order.example.com.pfx');
    expect(() => createSecureContext({ pfx, passphrase: 'chosen-by-applicant' })).not.toThrow();
    expect(() => createSecureContext({ pfx, passphrase: 'guessed' })).toThrow(/mac verify failure/);
    // The PFX holds the certificate the graph serves, with its key.
    expect(
      await servedFingerprint(pfx as Buffer, 'chosen-by-applicant', 'keystore-order.example.com', {
        verifyChain: false,
      }),
    ).toBe(new X509Certificate(certificate.certificatePem).fingerprint256);
  });
});
