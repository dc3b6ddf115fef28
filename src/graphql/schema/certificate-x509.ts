// The certificate as X.509 says it is, parsed from its PEM by node:crypto rather than trusted from the listing.
import { X509Certificate } from 'node:crypto';
import { builder } from '../builder.ts';
import { CertificateRef } from './certificate.ts';
import { prefetchesDetail } from './certificate-detail.ts';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Every certificate of a PEM bundle, leaf first; blocks node:crypto cannot read are skipped. */
function parseBundle(pem: string): X509Certificate[] {
  const parsed: X509Certificate[] = [];
  for (const block of pem.match(PEM_BLOCK) ?? []) {
    try {
      parsed.push(new X509Certificate(block));
    } catch {
      // A malformed block in a stored bundle is not the reader's fault; the rest is still worth showing.
    }
  }
  return parsed;
}

/** `DNS:a.example, IP Address:1.2.3.4` → `['a.example', '1.2.3.4']`. */
function subjectAltNames(certificate: X509Certificate): string[] {
  if (!certificate.subjectAltName) return [];
  return certificate.subjectAltName
    .split(', ')
    .map((entry) => entry.slice(entry.indexOf(':') + 1))
    .filter((name) => name !== '');
}

interface X509Shape {
  readonly certificate: X509Certificate;
  /** The rest of the bundle, towards the root. */
  readonly issuers: readonly X509Certificate[];
}

const X509CertificateRef = builder.objectRef<X509Shape>('X509Certificate');

X509CertificateRef.implement({
  description: 'A certificate as its X.509 encoding states it.',
  fields: (t) => ({
    subject: t.string({
      description: 'The subject distinguished name, one `attribute=value` per line (as OpenSSL prints it).',
      nullable: false,
      resolve: ({ certificate }) => certificate.subject,
    }),
    issuer: t.string({
      description: 'The issuer distinguished name, one `attribute=value` per line.',
      nullable: false,
      resolve: ({ certificate }) => certificate.issuer,
    }),
    serialNumber: t.string({
      description: 'The serial number, hexadecimal.',
      nullable: false,
      resolve: ({ certificate }) => certificate.serialNumber,
    }),
    fingerprintSha256: t.string({
      description: 'The SHA-256 fingerprint of the DER encoding, colon-separated hexadecimal.',
      nullable: false,
      resolve: ({ certificate }) => certificate.fingerprint256,
    }),
    keyAlgorithm: t.string({
      description: 'The public key algorithm as node:crypto names it (`rsa`, `ec`, `ed25519`...).',
      resolve: ({ certificate }) => certificate.publicKey.asymmetricKeyType ?? null,
    }),
    keySize: t.int({
      description: 'The key size in bits (RSA modulus length); null when the algorithm has no such size.',
      resolve: ({ certificate }) => certificate.publicKey.asymmetricKeyDetails?.modulusLength ?? null,
    }),
    namedCurve: t.string({
      description: 'For elliptic-curve keys, the curve (e.g. `prime256v1`).',
      resolve: ({ certificate }) => certificate.publicKey.asymmetricKeyDetails?.namedCurve ?? null,
    }),
    validFrom: t.field({
      type: 'DateTime',
      description: 'The start of the validity period (notBefore).',
      nullable: false,
      resolve: ({ certificate }) => new Date(certificate.validFrom),
    }),
    validTo: t.field({
      type: 'DateTime',
      description: 'The end of the validity period (notAfter).',
      nullable: false,
      resolve: ({ certificate }) => new Date(certificate.validTo),
    }),
    subjectAltNames: t.stringList({
      description: 'The subject alternative names (DNS names, IP addresses...).',
      nullable: false,
      resolve: ({ certificate }) => subjectAltNames(certificate),
    }),
    isCa: t.boolean({
      description: 'Whether this is a CA certificate (basicConstraints CA:TRUE).',
      nullable: false,
      resolve: ({ certificate }) => certificate.ca,
    }),
    chain: t.field({
      type: [X509CertificateRef],
      description:
        'The other certificates of the PEM bundle, in bundle order (normally intermediates towards the root). ' +
        'Their own `chain` is empty.',
      nullable: false,
      resolve: ({ issuers }) => issuers.map((certificate) => ({ certificate, issuers: [] })),
    }),
  }),
});

builder.objectFields(CertificateRef, (t) => ({
  x509: t.field({
    ...prefetchesDetail,
    type: X509CertificateRef,
    description: 'The certificate parsed from its PEM; null until it is issued.',
    resolve: async (certificate, _args, context) => {
      const detail = await context.loaders.certificateDetails.byId.load(certificate.id);
      const [leaf, ...issuers] = parseBundle(detail?.CertificatePublicKey ?? '');
      return leaf === undefined ? null : { certificate: leaf, issuers };
    },
  }),
}));
