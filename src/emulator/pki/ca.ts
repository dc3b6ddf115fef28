// The emulator's certificate authority: a self-signed root and one intermediate that signs every
// certificate the emulator issues. Created once per process (ECDSA P-256, so it costs milliseconds);
// clients that want to trust emulator certificates can download the root with ServiceType "root".
import { X509Certificate } from 'node:crypto';
import { type CertificateSigner, createCertificate, generateKeyPair, type KeyAlgorithm } from './x509.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
// Fixed CA validity so it never expires under a stepped clock in tests or long demos.
const CA_NOT_BEFORE = Date.UTC(2020, 0, 1);
const CA_NOT_AFTER = Date.UTC(2045, 0, 1);

export interface CertificateAuthority {
  rootPem: string;
  intermediatePem: string;
  intermediate: CertificateSigner;
}

let authority: CertificateAuthority | undefined;

export function emulatorCertificateAuthority(): CertificateAuthority {
  if (authority) return authority;
  const rootKeys = generateKeyPair('ECC');
  const root: CertificateSigner = {
    name: { commonName: 'SSL Graph Emulator Root CA', organization: 'SSL Graph Emulator', country: 'CN' },
    privateKey: rootKeys.privateKey,
    publicKey: rootKeys.publicKey,
  };
  const rootPem = createCertificate(
    {
      subject: root.name,
      subjectAltNames: [],
      publicKey: root.publicKey,
      notBefore: CA_NOT_BEFORE,
      notAfter: CA_NOT_AFTER,
      isCertificateAuthority: true,
    },
    root,
  );
  const intermediateKeys = generateKeyPair('ECC');
  const intermediate: CertificateSigner = {
    name: { commonName: 'SSL Graph Emulator TLS CA G1', organization: 'SSL Graph Emulator', country: 'CN' },
    privateKey: intermediateKeys.privateKey,
    publicKey: intermediateKeys.publicKey,
  };
  const intermediatePem = createCertificate(
    {
      subject: intermediate.name,
      subjectAltNames: [],
      publicKey: intermediate.publicKey,
      notBefore: CA_NOT_BEFORE,
      notAfter: CA_NOT_AFTER - DAY_MS,
      isCertificateAuthority: true,
    },
    root,
  );
  authority = { rootPem, intermediatePem, intermediate };
  return authority;
}

export interface IssuedCertificate {
  /** Leaf followed by the intermediate (what servers serve). */
  certificatePem: string;
  leafPem: string;
  privateKeyPem: string | null;
  notBefore: number;
  notAfter: number;
  fingerprint256: string;
}

export interface LeafRequest {
  domain: string;
  subjectAltNames: string[];
  notBefore: number;
  notAfter: number;
  organization?: string;
  /** Key to certify (from a CSR); when absent a key pair is generated and returned. */
  publicKey?: import('node:crypto').KeyObject;
  keyAlgorithm?: KeyAlgorithm;
  keyParameter?: string;
}

/** Issues a server certificate from the emulator's intermediate. */
export function issueLeafCertificate(request: LeafRequest): IssuedCertificate {
  const ca = emulatorCertificateAuthority();
  const generated = request.publicKey
    ? null
    : generateKeyPair(request.keyAlgorithm ?? 'ECC', request.keyParameter);
  const publicKey = request.publicKey ?? generated?.publicKey;
  if (!publicKey) throw new Error('a public key is required');
  const sans = [...new Set([request.domain, ...request.subjectAltNames])];
  const leafPem = createCertificate(
    {
      subject: request.organization
        ? { commonName: request.domain, organization: request.organization, country: 'CN' }
        : { commonName: request.domain },
      subjectAltNames: sans,
      publicKey,
      notBefore: request.notBefore,
      notAfter: request.notAfter,
    },
    ca.intermediate,
  );
  const leaf = new X509Certificate(leafPem);
  return {
    certificatePem: `${leafPem}${ca.intermediatePem}`,
    leafPem,
    privateKeyPem: generated?.privateKeyPem ?? null,
    notBefore: Date.parse(leaf.validFrom),
    notAfter: Date.parse(leaf.validTo),
    fingerprint256: leaf.fingerprint256,
  };
}
