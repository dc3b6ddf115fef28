import { X509Certificate } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { emulatorCertificateAuthority, issueLeafCertificate } from '../../src/emulator/pki/ca.ts';
import {
  createCertificateSigningRequest,
  generateKeyPair,
  parseCertificateChain,
  parseCertificateSigningRequest,
  privateKeyMatches,
  summarizeCertificate,
} from '../../src/emulator/pki/x509.ts';
import { crc32, createZip, readZip } from '../../src/emulator/pki/zip.ts';

const DAY = 86_400_000;

describe('emulator PKI', () => {
  it('issues leaf certificates that chain to the emulator root', () => {
    const issued = issueLeafCertificate({
      domain: 'shop.example.com',
      subjectAltNames: ['www.shop.example.com'],
      notBefore: Date.UTC(2025, 0, 1),
      notAfter: Date.UTC(2025, 0, 1) + 90 * DAY,
      keyAlgorithm: 'RSA',
    });
    const [leaf, intermediate] = parseCertificateChain(issued.certificatePem);
    const root = new X509Certificate(emulatorCertificateAuthority().rootPem);
    expect(leaf!.checkIssued(intermediate!)).toBe(true);
    expect(leaf!.verify(intermediate!.publicKey)).toBe(true);
    expect(intermediate!.verify(root.publicKey)).toBe(true);
    expect(privateKeyMatches(leaf!, issued.privateKeyPem!)).toBe(true);
    const summary = summarizeCertificate(leaf!);
    expect(summary).toMatchObject({
      domain: 'shop.example.com',
      subjectAltNames: ['shop.example.com', 'www.shop.example.com'],
      encryptAlgorithm: 'RSA',
      notBefore: Date.UTC(2025, 0, 1),
      isCertificateAuthority: false,
    });
  });

  it('builds CSRs whose self-signature and common name parse back', () => {
    const keys = generateKeyPair('ECC');
    const csr = createCertificateSigningRequest(
      { commonName: 'api.example.org', organization: 'Acme' },
      keys,
    );
    const parsed = parseCertificateSigningRequest(csr);
    expect(parsed.commonName).toBe('api.example.org');
    expect(parsed.publicKey.equals(keys.publicKey)).toBe(true);
    // Changing the signed subject must break the self-signature.
    const der = Buffer.from(csr.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    const at = der.indexOf('api.example.org');
    der.write('apx', at, 'latin1');
    const tampered = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString('base64')}\n-----END CERTIFICATE REQUEST-----\n`;
    expect(() => parseCertificateSigningRequest(tampered)).toThrow(TypeError);
  });

  it('writes ZIP archives readable by a plain inflater', () => {
    const files = [
      { name: 'a.txt', data: Buffer.from('hello '.repeat(50)) },
      { name: 'dir/b.pem', data: Buffer.from('-----BEGIN X-----\n') },
    ];
    const archive = createZip(files, Date.UTC(2025, 5, 1));
    expect(readZip(archive).map((entry) => [entry.name, Buffer.from(entry.data).toString()])).toEqual(
      files.map((file) => [file.name, file.data.toString()]),
    );
    // The first local entry, read by hand: signature, deflate method, then the raw stream.
    expect(archive.readUInt32LE(0)).toBe(0x04034b50);
    expect(archive.readUInt16LE(8)).toBe(8);
    const compressedSize = archive.readUInt32LE(18);
    const raw = archive.subarray(30 + 5, 30 + 5 + compressedSize);
    expect(inflateRawSync(raw).toString()).toBe(files[0]!.data.toString());
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});
