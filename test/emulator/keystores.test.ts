// The IIS, Tomcat and JKS download layouts: keystores that other implementations must open. PKCS #12 files are
// read by OpenSSL through node:tls (MAC, key decryption, key/certificate match) and served in a real handshake;
// Java KeyStores by the JDK's keytool, which verifies the store's integrity digest and recovers the key.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecureContext } from 'node:tls';
import { afterAll, describe, expect, it } from 'vitest';
import { emulatorCertificateAuthority, issueLeafCertificate } from '../../src/emulator/pki/ca.ts';
import { createJavaKeyStore } from '../../src/emulator/pki/java-keystore.ts';
import { createPkcs12 } from '../../src/emulator/pki/pkcs12.ts';
import { readZip } from '../../src/emulator/pki/zip.ts';
import { servedFingerprint } from '../support/pfx-server.ts';
import { harness, rejection } from './certificates-support.ts';

const DAY = 86_400_000;
const MINUTE = 60_000;
const KEYTOOL_AVAILABLE = spawnSync('keytool', ['-help'], { stdio: 'ignore' }).error === undefined;
// CI installs a JDK (.ci/run); a skip there would hide a broken setup.
if (!KEYTOOL_AVAILABLE && process.env.CI === 'true') {
  throw new Error('keytool (a JDK) is needed to check the Java KeyStores and is not on PATH');
}
const workDirectory = mkdtempSync(join(tmpdir(), 'ssl-graph-keystores-'));
afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

function issue(domain: string, algorithm: 'RSA' | 'ECC') {
  const issued = issueLeafCertificate({
    domain,
    subjectAltNames: [],
    notBefore: Date.now() - DAY,
    notAfter: Date.now() + 90 * DAY,
    keyAlgorithm: algorithm,
    keyParameter: algorithm === 'RSA' ? '2048' : 'prime256v1',
  });
  if (issued.privateKeyPem === null) throw new Error('expected a generated key');
  return { ...issued, privateKeyPem: issued.privateKeyPem };
}

/** Runs keytool; its errors (printed on stdout) become the thrown error's message. */
function keytool(...args: string[]): string {
  const run = spawnSync('keytool', args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`keytool ${args[0]} failed: ${run.stdout}${run.stderr}`);
  return run.stdout;
}

/** keytool -list on the store, then its key recovered by keytool and re-exported as PKCS #12. */
function openedByKeytool(jks: Buffer, password: string, alias: string): { listing: string; pkcs12: Buffer } {
  const name = `${Math.random().toString(36).slice(2)}`;
  const jksPath = join(workDirectory, `${name}.jks`);
  const p12Path = join(workDirectory, `${name}.p12`);
  writeFileSync(jksPath, jks);
  const listing = keytool('-list', '-v', '-keystore', jksPath, '-storetype', 'JKS', '-storepass', password);
  keytool(
    '-importkeystore',
    '-noprompt',
    '-srckeystore',
    jksPath,
    '-srcstoretype',
    'JKS',
    '-srcstorepass',
    password,
    '-srcalias',
    alias,
    '-srckeypass',
    password,
    '-destkeystore',
    p12Path,
    '-deststoretype',
    'PKCS12',
    '-deststorepass',
    password,
    '-destkeypass',
    password,
  );
  return { listing, pkcs12: readFileSync(p12Path) };
}

describe('PKCS #12 (IIS)', () => {
  for (const algorithm of ['RSA', 'ECC'] as const) {
    it(`OpenSSL opens an ${algorithm} PFX with its password only, and serves its chain`, async () => {
      const issued = issue(`pfx-${algorithm.toLowerCase()}.example.com`, algorithm);
      const password = 'p@ss wörd 密码';
      const pfx = createPkcs12({
        certificatesPem: issued.certificatePem,
        privateKeyPem: issued.privateKeyPem,
        password,
        friendlyName: 'pfx.example.com',
      });
      expect(() => createSecureContext({ pfx, passphrase: password })).not.toThrow();
      expect(() => createSecureContext({ pfx, passphrase: 'wrong' })).toThrow(/mac verify failure/);
      expect(await servedFingerprint(pfx, password, `pfx-${algorithm.toLowerCase()}.example.com`)).toBe(
        issued.fingerprint256,
      );
    });
  }
});

describe.skipIf(!KEYTOOL_AVAILABLE)('Java KeyStore (Tomcat, JKS) read by keytool', () => {
  for (const algorithm of ['RSA', 'ECC'] as const) {
    it(`keytool verifies an ${algorithm} store and recovers its key`, async () => {
      const issued = issue(`jks-${algorithm.toLowerCase()}.example.com`, algorithm);
      const password = 'Str0ng-keystore';
      const jks = createJavaKeyStore({
        certificatesPem: issued.certificatePem,
        privateKeyPem: issued.privateKeyPem,
        password,
        alias: 'JKS.example.com',
        createdAt: Date.parse('2026-12-01T00:00:00Z'),
      });
      const { listing, pkcs12 } = openedByKeytool(jks, password, 'jks.example.com');
      expect(listing).toContain('Keystore type: JKS');
      expect(listing).toContain('Entry type: PrivateKeyEntry');
      expect(listing).toContain('Certificate chain length: 2');
      expect(listing).toContain(issued.fingerprint256);
      // The key keytool recovered, served with the chain: it belongs to the leaf.
      expect(await servedFingerprint(pkcs12, password, `jks-${algorithm.toLowerCase()}.example.com`)).toBe(
        issued.fingerprint256,
      );
    });
  }

  it('keytool refuses a wrong store password and a wrong key password', () => {
    const issued = issue('jks-wrong.example.com', 'ECC');
    const jks = createJavaKeyStore({
      certificatesPem: issued.certificatePem,
      privateKeyPem: issued.privateKeyPem,
      password: 'right-password',
      alias: 'jks-wrong.example.com',
      createdAt: Date.now(),
    });
    const path = join(workDirectory, 'wrong.jks');
    writeFileSync(path, jks);
    expect(() =>
      keytool('-list', '-keystore', path, '-storetype', 'JKS', '-storepass', 'wrong-password'),
    ).toThrow(/password was incorrect|tampered/);
    expect(() =>
      keytool(
        '-importkeystore',
        '-noprompt',
        '-srckeystore',
        path,
        '-srcstoretype',
        'JKS',
        '-srcstorepass',
        'right-password',
        '-srcalias',
        'jks-wrong.example.com',
        '-srckeypass',
        'wrong-password',
        '-destkeystore',
        join(workDirectory, 'wrong.p12'),
        '-deststoretype',
        'PKCS12',
        '-deststorepass',
        'right-password',
      ),
    ).toThrow(/Cannot recover key/);
  });
});

async function issuedFreeCertificate(
  h: Awaited<ReturnType<typeof harness>>,
  domain: string,
  keyPassword?: string,
): Promise<string> {
  const { CertificateId } = await h.call('ApplyCertificate', {
    DvAuthMethod: 'DNS',
    DomainName: domain,
    CsrEncryptAlgo: 'RSA',
    ...(keyPassword === undefined ? {} : { CsrKeyPassword: keyPassword }),
  });
  h.clock.advance(6 * MINUTE);
  await h.call('CheckCertificateDomainVerification', { CertificateId });
  return CertificateId;
}

function archiveFiles(contentBase64: string): Map<string, Buffer> {
  return new Map(
    readZip(Buffer.from(contentBase64, 'base64')).map((entry) => [entry.name, Buffer.from(entry.data)]),
  );
}

describe('download layouts with keystores', () => {
  it("protects IIS, Tomcat and JKS keystores with the order's key password, and does not write it down", async () => {
    const h = await harness();
    const id = await issuedFreeCertificate(h, 'keystore.example.com', 'order-secret-1');
    const detail = await h.call('DescribeCertificateDetail', { CertificateId: id });
    expect(detail.Status).toBe(1);
    const [listed] = (await h.call('DescribeCertificates', { CertIds: [id] })).Certificates;
    expect(listed?.KeyPasswordCustomFlag).toBe(true);
    expect(listed?.SupportDownloadType).toMatchObject({ IIS: true, JKS: true, TOMCAT: true, NGINX: true });

    const files = archiveFiles((await h.call('DownloadCertificate', { CertificateId: id })).Content);
    expect([...files.keys()].filter((name) => /keystorePass/.test(name))).toEqual([]);
    const pfx = files.get('IIS/keystore.example.com.pfx');
    expect(pfx).toBeDefined();
    expect(() => createSecureContext({ pfx, passphrase: 'order-secret-1' })).not.toThrow();
    const leaf = detail.CertificatePublicKey ?? '';
    expect(
      await servedFingerprint(pfx as Buffer, 'order-secret-1', 'keystore.example.com', {
        verifyChain: false,
      }),
    ).toBe(new (await import('node:crypto')).X509Certificate(leaf).fingerprint256);
    expect(files.has('Tomcat/keystore.example.com.jks')).toBe(true);
    expect(files.has('JKS/keystore.example.com.jks')).toBe(true);
    if (KEYTOOL_AVAILABLE) {
      const jks = files.get('JKS/keystore.example.com.jks') as Buffer;
      expect(openedByKeytool(jks, 'order-secret-1', 'keystore.example.com').listing).toContain(
        'PrivateKeyEntry',
      );
    }
  });

  it('generates a password per download when the order named none, and ships it in keystorePass.txt', async () => {
    const h = await harness();
    const id = await issuedFreeCertificate(h, 'generated.example.com');
    const [listed] = (await h.call('DescribeCertificates', { CertIds: [id] })).Certificates;
    expect(listed?.KeyPasswordCustomFlag).toBe(false);
    const link = await h.call('DescribeDownloadCertificateUrl', { CertificateId: id, ServiceType: 'iis' });
    expect(link.DownloadFilename).toBe('generated.example.com_iis.zip');
    const files = archiveFiles((await h.call('DownloadCertificate', { CertificateId: id })).Content);
    const password = files.get('IIS/keystorePass.txt')?.toString('utf8') ?? '';
    expect(password).toMatch(/^[A-Za-z2-9]{16}$/);
    // One password per archive: every keystore folder carries the same one.
    expect(files.get('Tomcat/keystorePass.txt')?.toString('utf8')).toBe(password);
    expect(files.get('JKS/keystorePass.txt')?.toString('utf8')).toBe(password);
    expect(() =>
      createSecureContext({ pfx: files.get('IIS/generated.example.com.pfx'), passphrase: password }),
    ).not.toThrow();
    const again = archiveFiles((await h.call('DownloadCertificate', { CertificateId: id })).Content);
    expect(again.get('IIS/keystorePass.txt')?.toString('utf8')).not.toBe(password);
  });

  it('offers no keystore for a certificate uploaded without its private key', async () => {
    const h = await harness();
    // A CA certificate is uploaded without a key (a server certificate must come with one).
    const { CertificateId } = await h.call('UploadCertificate', {
      CertificatePublicKey: emulatorCertificateAuthority().intermediatePem,
      CertificateType: 'CA',
    });
    const [listed] = (await h.call('DescribeCertificates', { CertIds: [CertificateId] })).Certificates;
    expect(listed?.SupportDownloadType).toMatchObject({ NGINX: true, IIS: false, JKS: false, TOMCAT: false });
    for (const serviceType of ['iis', 'jks', 'tomcat']) {
      expect(
        await rejection(
          Promise.resolve().then(() =>
            h.call('DescribeDownloadCertificateUrl', { CertificateId, ServiceType: serviceType }),
          ),
        ),
      ).toBe('FailedOperation.CertificateDownloadServiceTypeNotSupport');
    }
    const folders = new Set(
      [...archiveFiles((await h.call('DownloadCertificate', { CertificateId })).Content).keys()].map(
        (name) => name.split('/')[0],
      ),
    );
    expect([...folders].sort()).toEqual(['Apache', 'Nginx', 'Other']);
  });
});
