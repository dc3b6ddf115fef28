// A certificate authority of the test's own, unrelated to the emulator's: a root, an intermediate the root signs
// and server certificates from the intermediate, for uploading chains the emulator did not issue.
import { type CertificateSigner, createCertificate, generateKeyPair } from '../../src/emulator/pki/x509.ts';

const DAY = 86_400_000;

export interface PrivateCertificateAuthority {
  readonly rootPem: string;
  readonly intermediatePem: string;
  /** A server certificate for `domain` from the intermediate, valid around `now`, with its private key. */
  issue(domain: string): { readonly leafPem: string; readonly privateKeyPem: string };
}

/** A fresh CA named `name` (root "<name> Root CA", intermediate "<name> Issuing CA"), valid around `now`. */
export function privateCertificateAuthority(name: string, now: number): PrivateCertificateAuthority {
  const signer = (commonName: string): CertificateSigner => {
    const keys = generateKeyPair('ECC');
    return {
      name: { commonName, organization: name },
      privateKey: keys.privateKey,
      publicKey: keys.publicKey,
    };
  };
  const authority = (subject: CertificateSigner, issuer: CertificateSigner): string =>
    createCertificate(
      {
        subject: subject.name,
        subjectAltNames: [],
        publicKey: subject.publicKey,
        notBefore: now - DAY,
        notAfter: now + 3650 * DAY,
        isCertificateAuthority: true,
      },
      issuer,
    );
  const root = signer(`${name} Root CA`);
  const intermediate = signer(`${name} Issuing CA`);
  return {
    rootPem: authority(root, root),
    intermediatePem: authority(intermediate, root),
    issue(domain) {
      const keys = generateKeyPair('ECC');
      const leafPem = createCertificate(
        {
          subject: { commonName: domain },
          subjectAltNames: [domain],
          publicKey: keys.publicKey,
          notBefore: now - DAY,
          notAfter: now + 200 * DAY,
        },
        intermediate,
      );
      return { leafPem, privateKeyPem: keys.privateKeyPem };
    },
  };
}
