// Certificate download packages: ZIP archives in the layout each server expects. PEM files for Nginx, Apache and
// others; for IIS a PKCS #12 file, for Tomcat and JKS a Java KeyStore, each protected by the order's private-key
// password, or by a generated one written beside it in keystorePass.txt.
import { randomInt, X509Certificate } from 'node:crypto';
import { boundedMemo } from '../../support/bounded-memo.ts';
import { EmulatorError } from '../handler.ts';
import { emulatorCertificateAuthority } from '../pki/ca.ts';
import { createJavaKeyStore } from '../pki/java-keystore.ts';
import { createPkcs12 } from '../pki/pkcs12.ts';
import { splitPemCertificates } from '../pki/x509.ts';
import { createZip, type ZipEntry } from '../pki/zip.ts';
import type { EmulatorState } from '../state.ts';
import type { CertificateRecord } from '../store/certificates.ts';
import type { DownloadLink } from '../store/download-links.ts';

const SERVICE_TYPES: ReadonlySet<string> = new Set([
  'nginx',
  'apache',
  'tomcat',
  'iis',
  'jks',
  'other',
  'root',
]);
/** Layouts that hold the private key in a password-protected store: only for certificates whose key we hold. */
const KEYSTORE_SERVICE_TYPES: ReadonlySet<string> = new Set(['tomcat', 'iis', 'jks']);

/** The certificate that ends an uploaded chain when it is a root (signs itself), else null. */
function rootOfUploadedChain(pem: string): string | null {
  const top = splitPemCertificates(pem).at(-1);
  if (top === undefined) return null;
  const certificate = new X509Certificate(top);
  return certificate.checkIssued(certificate) && certificate.verify(certificate.publicKey) ? top : null;
}

/** Listings ask every uploaded certificate for its root (SupportDownloadType): each PEM is parsed once. */
const rootOfUploadedChainOfPem = boundedMemo(rootOfUploadedChain, 10_000);

/**
 * The root certificate a certificate chains up to (RootCert.Standard, the ROOT download): the emulator's own root
 * for a certificate it issued; for an uploaded one, the root the upload ended with, or null when it carried none
 * (the emulator cannot know whose root signed it, and must not hand out its own).
 */
export function rootCertificatePem(record: CertificateRecord): string | null {
  if (record.from !== 'upload') return emulatorCertificateAuthority().rootPem;
  return record.certificatePem === null ? null : rootOfUploadedChainOfPem(record.certificatePem);
}

/** Whether a certificate with content can be downloaded for `serviceType` (SupportDownloadType). */
export function supportsServiceType(record: CertificateRecord, serviceType: string): boolean {
  if (!SERVICE_TYPES.has(serviceType)) return false;
  if (KEYSTORE_SERVICE_TYPES.has(serviceType)) return record.privateKeyPem !== null;
  if (serviceType === 'root') return rootCertificatePem(record) !== null;
  return true;
}

/** Why a certificate with content cannot be downloaded for a supported `serviceType`. */
function unsupportedReason(serviceType: string): string {
  return serviceType === 'root'
    ? 'The root certificate of this certificate is unknown: it was uploaded without it.'
    : `Download service type ${serviceType} needs the private key, which this certificate does not come with.`;
}

const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
const GENERATED_PASSWORD_LENGTH = 16;

/** The password of one archive's keystores: the order's, or a fresh one that the archive then carries. */
interface KeystorePassword {
  readonly value: string;
  readonly generated: boolean;
}

function keystorePasswordFor(record: CertificateRecord): KeystorePassword {
  if (record.keyPassword !== null) return { value: record.keyPassword, generated: false };
  let value = '';
  for (let index = 0; index < GENERATED_PASSWORD_LENGTH; index += 1) {
    value += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
  }
  return { value, generated: true };
}

/**
 * The password every keystore of one archive shares, drawn when the first of them needs it: an archive of PEM
 * layouts only draws none.
 */
function archivePassword(record: CertificateRecord): () => KeystorePassword {
  let password: KeystorePassword | undefined;
  return () => {
    password ??= keystorePasswordFor(record);
    return password;
  };
}

/** File-name stem for a domain: wildcard "*." becomes "_." as on the upstream's archives. */
export function fileStem(domain: string): string {
  return domain.replace(/\*/g, '_');
}

function text(value: string): Uint8Array {
  return Buffer.from(value, 'utf8');
}

/** The certificate's content for a download of `serviceType`; throws the upstream's error when there is none. */
export function requireDownloadable(
  record: CertificateRecord,
  serviceType: string,
): { readonly bundle: string; readonly key: string | null } {
  if (!SERVICE_TYPES.has(serviceType)) {
    throw new EmulatorError(
      'FailedOperation.CertificateDownloadServiceTypeNotSupport',
      `Download service type ${serviceType} is not supported.`,
    );
  }
  const bundle = record.certificatePem;
  if (bundle === null) {
    throw new EmulatorError(
      'FailedOperation.CertificateStatusNotAllowDownload',
      'The certificate is not issued.',
    );
  }
  if (!supportsServiceType(record, serviceType)) {
    throw new EmulatorError(
      'FailedOperation.CertificateDownloadServiceTypeNotSupport',
      unsupportedReason(serviceType),
    );
  }
  return { bundle, key: record.privateKeyPem };
}

/** The keystore of the IIS, Tomcat or JKS layout, with keystorePass.txt when its password was generated. */
function keystoreFiles(
  record: CertificateRecord,
  serviceType: string,
  content: { readonly bundle: string; readonly key: string },
  password: KeystorePassword,
  at: number,
): ZipEntry[] {
  const stem = fileStem(record.domain);
  const keystore =
    serviceType === 'iis'
      ? {
          name: `${stem}.pfx`,
          data: createPkcs12({
            certificatesPem: content.bundle,
            privateKeyPem: content.key,
            password: password.value,
            friendlyName: record.domain,
          }),
        }
      : {
          name: `${stem}.jks`,
          data: createJavaKeyStore({
            certificatesPem: content.bundle,
            privateKeyPem: content.key,
            password: password.value,
            alias: record.domain,
            createdAt: at,
          }),
        };
  return password.generated
    ? [keystore, { name: 'keystorePass.txt', data: text(password.value) }]
    : [keystore];
}

/** The files of one service type's layout, without a folder prefix. */
function layoutFiles(
  record: CertificateRecord,
  serviceType: string,
  password: () => KeystorePassword,
  at: number,
): ZipEntry[] {
  const { bundle, key } = requireDownloadable(record, serviceType);
  if (KEYSTORE_SERVICE_TYPES.has(serviceType) && key !== null) {
    return keystoreFiles(record, serviceType, { bundle, key }, password(), at);
  }
  const [leaf = '', ...chain] = splitPemCertificates(bundle);
  const stem = fileStem(record.domain);
  const withKey = (entries: ZipEntry[], name: string): ZipEntry[] =>
    key === null ? entries : [...entries, { name, data: text(key) }];
  const csr = record.csrPem === null ? [] : [{ name: `${stem}.csr`, data: text(record.csrPem) }];
  switch (serviceType) {
    case 'nginx':
      return withKey(
        [
          { name: `${stem}_bundle.crt`, data: text(bundle) },
          { name: `${stem}_bundle.pem`, data: text(bundle) },
          ...csr,
        ],
        `${stem}.key`,
      );
    case 'apache':
      return withKey(
        [
          { name: 'root_bundle.crt', data: text(chain.join('')) },
          { name: `${stem}.crt`, data: text(leaf) },
          ...csr,
        ],
        `${stem}.key`,
      );
    case 'other':
      return withKey([{ name: `${stem}.pem`, data: text(bundle) }, ...csr], `${stem}.key`);
    default:
      return rootFiles(record);
  }
}

/** The ROOT layout: the root certificate alone (requireDownloadable refused it already when there is none). */
function rootFiles(record: CertificateRecord): ZipEntry[] {
  const root = rootCertificatePem(record);
  return root === null ? [] : [{ name: 'root.crt', data: text(root) }];
}

/** DownloadCertificate's archive: one folder per server layout the certificate supports. */
export function fullDownloadArchive(record: CertificateRecord, at: number): Buffer {
  const folders: Array<[string, string]> = [
    ['Nginx', 'nginx'],
    ['Apache', 'apache'],
    ['Tomcat', 'tomcat'],
    ['IIS', 'iis'],
    ['JKS', 'jks'],
    ['Other', 'other'],
  ];
  const password = archivePassword(record);
  const entries = folders
    .filter(([, type]) => supportsServiceType(record, type))
    .flatMap(([folder, type]) =>
      layoutFiles(record, type, password, at).map((entry) => ({
        name: `${folder}/${entry.name}`,
        data: entry.data,
      })),
    );
  return createZip(entries, at);
}

export function serviceArchive(record: CertificateRecord, serviceType: string, at: number): Buffer {
  return createZip(layoutFiles(record, serviceType, archivePassword(record), at), at);
}

export function archiveFilename(record: CertificateRecord, serviceType: string): string {
  return `${fileStem(record.domain)}_${serviceType}.zip`;
}

/** The path prefix under which the emulator serves DescribeDownloadCertificateUrl's links. */
export const DOWNLOAD_PATH_PREFIX = '/downloads/';

export function downloadLinkUrl(baseUrl: string, link: DownloadLink): string {
  return `${baseUrl.replace(/\/+$/, '')}${DOWNLOAD_PATH_PREFIX}${link.token}/${encodeURIComponent(link.filename)}`;
}

/**
 * Answers a GET of a download link: the archive while the link is valid and the certificate still has content,
 * 404 otherwise (expired links, like the vendor's signed URLs, simply stop working).
 */
export function serveDownloadLink(state: EmulatorState, now: number, pathname: string): DownloadAnswer {
  const [token = ''] = pathname.slice(DOWNLOAD_PATH_PREFIX.length).split('/');
  const link = state.downloadLinks.find(token, now);
  const record = link === undefined ? undefined : state.certificates.get(link.certificateId);
  if (link === undefined || record === undefined || record.certificatePem === null) {
    return {
      status: 404,
      contentType: 'text/plain',
      filename: null,
      body: Buffer.from('link expired or unknown'),
    };
  }
  return {
    status: 200,
    contentType: 'application/zip',
    filename: link.filename,
    body: serviceArchive(record, link.serviceType, now),
  };
}

export interface DownloadAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly filename: string | null;
  readonly body: Buffer;
}
