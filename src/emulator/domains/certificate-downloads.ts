// Certificate download packages: ZIP archives of PEM files in the layout each server expects.
// IIS (.pfx) and JKS keystores are not built by the emulator: those service types answer
// FailedOperation.CertificateDownloadServiceTypeNotSupport.
import { EmulatorError } from '../handler.ts';
import { emulatorCertificateAuthority } from '../pki/ca.ts';
import { splitPemCertificates } from '../pki/x509.ts';
import { createZip, type ZipEntry } from '../pki/zip.ts';
import type { EmulatorState } from '../state.ts';
import type { CertificateRecord } from '../store/certificates.ts';
import type { DownloadLink } from '../store/download-links.ts';

const SUPPORTED: ReadonlySet<string> = new Set(['nginx', 'apache', 'tomcat', 'other', 'root']);

/** File-name stem for a domain: wildcard "*." becomes "_." as on the upstream's archives. */
export function fileStem(domain: string): string {
  return domain.replace(/\*/g, '_');
}

function text(value: string): Uint8Array {
  return Buffer.from(value, 'utf8');
}

/** The files of one service type's layout, without a folder prefix. */
export function layoutFiles(record: CertificateRecord, serviceType: string): ZipEntry[] {
  if (!SUPPORTED.has(serviceType)) {
    throw new EmulatorError(
      'FailedOperation.CertificateDownloadServiceTypeNotSupport',
      `Download service type ${serviceType} is not supported by the emulator (no PFX/JKS keystores).`,
    );
  }
  const bundle = record.certificatePem;
  if (bundle === null) {
    throw new EmulatorError(
      'FailedOperation.CertificateStatusNotAllowDownload',
      'The certificate is not issued.',
    );
  }
  const [leaf = '', ...chain] = splitPemCertificates(bundle);
  const stem = fileStem(record.domain);
  const key = record.privateKeyPem;
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
    case 'tomcat':
      // Tomcat's PEM connector layout (certificateFile / certificateKeyFile / certificateChainFile).
      return withKey(
        [
          { name: `${stem}.crt`, data: text(leaf) },
          { name: `${stem}_chain.crt`, data: text(chain.join('')) },
        ],
        `${stem}.key`,
      );
    case 'other':
      return withKey([{ name: `${stem}.pem`, data: text(bundle) }, ...csr], `${stem}.key`);
    default:
      return [{ name: 'root.crt', data: text(emulatorCertificateAuthority().rootPem) }];
  }
}

/** DownloadCertificate's archive: one folder per supported server layout. */
export function fullDownloadArchive(record: CertificateRecord, at: number): Buffer {
  const folders: Array<[string, string]> = [
    ['Nginx', 'nginx'],
    ['Apache', 'apache'],
    ['Tomcat', 'tomcat'],
    ['Other', 'other'],
  ];
  const entries = folders.flatMap(([folder, type]) =>
    layoutFiles(record, type).map((entry) => ({ name: `${folder}/${entry.name}`, data: entry.data })),
  );
  return createZip(entries, at);
}

export function serviceArchive(record: CertificateRecord, serviceType: string, at: number): Buffer {
  return createZip(layoutFiles(record, serviceType), at);
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
