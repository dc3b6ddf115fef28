// Downloads hand out the private key with the certificate, so every field here requires the `ssl:secrets` scope
// and is refused before any upstream call is made.
import type {
  DescribeDownloadCertificateUrlResponse,
  DownloadCertificateResponse,
} from '../../ssl/models.generated.ts';
import { builder } from '../builder.ts';
import { CertificateRef } from './certificate.ts';
import { CertificateDownloadFormat } from './certificate-enums.ts';

const CertificateArchiveRef = builder.objectRef<DownloadCertificateResponse>('CertificateArchive').implement({
  description: "A ZIP archive of the certificate's files for every server type, private key included.",
  fields: (t) => ({
    contentBase64: t.string({
      description: 'The archive, base64 encoded.',
      nullable: false,
      resolve: (archive) => archive.Content,
    }),
    contentType: t.string({
      description: 'The media type of the archive (`application/zip`).',
      nullable: false,
      resolve: (archive) => archive.ContentType,
    }),
  }),
});

const CertificateDownloadLinkRef = builder
  .objectRef<DescribeDownloadCertificateUrlResponse>('CertificateDownloadLink')
  .implement({
    description: "A link to download the certificate's package for one server type, private key included.",
    fields: (t) => ({
      url: t.string({
        description: 'Where to download the package; the link expires after a while.',
        nullable: false,
        resolve: (link) => link.DownloadCertificateUrl,
      }),
      filename: t.string({
        description: 'The file name of the package.',
        nullable: false,
        resolve: (link) => link.DownloadFilename,
      }),
    }),
  });

const FORMAT_FLAGS = [
  ['NGINX', 'nginx'],
  ['APACHE', 'apache'],
  ['TOMCAT', 'tomcat'],
  ['IIS', 'iis'],
  ['JKS', 'jks'],
  ['OTHER', 'other'],
  ['ROOT', 'root'],
] as const;

builder.objectFields(CertificateRef, (t) => ({
  downloadFormats: t.field({
    type: [CertificateDownloadFormat.ref],
    description: 'The server types the certificate can be downloaded for (see `downloadLink`).',
    nullable: false,
    resolve: (certificate) =>
      FORMAT_FLAGS.filter(([flag]) => certificate.upstream.SupportDownloadType?.[flag] === true).map(
        ([, format]) => format,
      ),
  }),
  archive: t.field({
    type: CertificateArchiveRef,
    description:
      'The certificate with its private key as a ZIP archive; null when the certificate does not exist, and an ' +
      "error with the upstream's code when it cannot be downloaded (e.g. not issued yet). " +
      'Tencent Cloud logs each read as a download. Secret: requires the `ssl:secrets` scope.',
    authScopes: { secrets: true },
    resolve: (certificate, _args, context) =>
      context.loaders.certificateDetails.archiveById.load(certificate.id),
  }),
  downloadLink: t.field({
    type: CertificateDownloadLinkRef,
    description:
      'A link to download the certificate with its private key, packaged for one server type; null when the ' +
      "certificate does not exist, and an error with the upstream's code when it cannot be downloaded so (not " +
      'issued yet, or a keystore format without the key: see `downloadFormats`). Secret: requires the ' +
      '`ssl:secrets` scope.',
    authScopes: { secrets: true },
    args: {
      format: t.arg({
        type: CertificateDownloadFormat.ref,
        required: true,
        description: 'The server type to package the certificate for.',
      }),
    },
    resolve: (certificate, args, context) =>
      context.loaders.certificateDetails.downloadLink.load({
        certificateId: certificate.id,
        serviceType: args.format,
      }),
  }),
}));
