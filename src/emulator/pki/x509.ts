// Real X.509 material for the emulator: key pairs, certificates signed by the emulator's CA, CSRs, and the
// parsing of PEM bundles users upload. Built on node:crypto plus the small DER encoder in ./der.ts.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  sign,
  verify,
  X509Certificate,
} from 'node:crypto';
import {
  bitString,
  DerTag,
  decodeObjectIdentifier,
  derBoolean,
  derNull,
  explicit,
  implicitPrimitive,
  integer,
  objectIdentifier,
  octetString,
  printableString,
  readChildren,
  readElement,
  sequence,
  set,
  time,
  tlv,
  utf8String,
} from './der.ts';

const OID = {
  commonName: '2.5.4.3',
  country: '2.5.4.6',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectAltName: '2.5.29.17',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
} as const;

/** The upstream's names: 'RSA' | 'ECC' ('SM2' is never generated here). */
export type KeyAlgorithm = 'RSA' | 'ECC';

export interface GeneratedKeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
  privateKeyPem: string;
}

/** RSA: modulus bits ('2048', '4096'); ECC: curve ('prime256v1', 'secp384r1'). */
export function generateKeyPair(algorithm: KeyAlgorithm, parameter?: string): GeneratedKeyPair {
  const { privateKey, publicKey } =
    algorithm === 'RSA'
      ? generateKeyPairSync('rsa', { modulusLength: Number(parameter ?? '2048') })
      : generateKeyPairSync('ec', { namedCurve: parameter ?? 'prime256v1' });
  return { privateKey, publicKey, privateKeyPem: toPem(privateKey) };
}

function toPem(privateKey: KeyObject): string {
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

export interface DistinguishedName {
  commonName: string;
  organization?: string;
  organizationalUnit?: string;
  country?: string;
}

function encodeName(name: DistinguishedName): Buffer {
  const attribute = (oid: string, value: Buffer) => set(sequence(objectIdentifier(oid), value));
  const parts: Buffer[] = [];
  if (name.country) parts.push(attribute(OID.country, printableString(name.country)));
  if (name.organization) parts.push(attribute(OID.organization, utf8String(name.organization)));
  if (name.organizationalUnit)
    parts.push(attribute(OID.organizationalUnit, utf8String(name.organizationalUnit)));
  parts.push(attribute(OID.commonName, utf8String(name.commonName)));
  return sequence(...parts);
}

function signatureAlgorithmFor(key: KeyObject): { identifier: Buffer; digest: string } {
  if (key.asymmetricKeyType === 'rsa') {
    return { identifier: sequence(objectIdentifier(OID.sha256WithRsa), derNull()), digest: 'sha256' };
  }
  return { identifier: sequence(objectIdentifier(OID.ecdsaWithSha256)), digest: 'sha256' };
}

function extension(oid: string, critical: boolean, value: Buffer): Buffer {
  return critical
    ? sequence(objectIdentifier(oid), derBoolean(true), octetString(value))
    : sequence(objectIdentifier(oid), octetString(value));
}

function keyIdentifier(publicKey: KeyObject): Buffer {
  return createHash('sha1')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest();
}

/** Something that can sign certificates: the emulator's CA (or a certificate signing itself). */
export interface CertificateSigner {
  name: DistinguishedName;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export interface CertificateTemplate {
  subject: DistinguishedName;
  /** DNS names; leaf certificates always list them in subjectAltName. */
  subjectAltNames: string[];
  publicKey: KeyObject;
  notBefore: number;
  notAfter: number;
  /** CA certificates get basicConstraints cA=true and keyCertSign. */
  isCertificateAuthority?: boolean;
}

/** Builds and signs a certificate; returns its PEM. A self-signed certificate passes its own name and keys as `issuer`. */
export function createCertificate(template: CertificateTemplate, issuer: CertificateSigner): string {
  const algorithm = signatureAlgorithmFor(issuer.privateKey);
  const serial = randomBytes(16);
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x01;
  const extensions: Buffer[] = [
    extension(
      OID.basicConstraints,
      true,
      template.isCertificateAuthority ? sequence(derBoolean(true), integer(1)) : sequence(),
    ),
    // keyUsage bits: CA = keyCertSign|cRLSign, leaf = digitalSignature|keyEncipherment.
    extension(
      OID.keyUsage,
      true,
      template.isCertificateAuthority
        ? tlv(DerTag.BitString, Buffer.from([1, 0x06]))
        : tlv(DerTag.BitString, Buffer.from([5, 0xa0])),
    ),
    extension(OID.subjectKeyIdentifier, false, octetString(keyIdentifier(template.publicKey))),
    extension(
      OID.authorityKeyIdentifier,
      false,
      sequence(implicitPrimitive(0, keyIdentifier(issuer.publicKey))),
    ),
  ];
  if (!template.isCertificateAuthority) {
    extensions.push(
      extension(
        OID.extKeyUsage,
        false,
        sequence(objectIdentifier(OID.serverAuth), objectIdentifier(OID.clientAuth)),
      ),
    );
  }
  if (template.subjectAltNames.length > 0) {
    const names = template.subjectAltNames.map((name) => implicitPrimitive(2, Buffer.from(name, 'ascii')));
    extensions.push(extension(OID.subjectAltName, false, sequence(...names)));
  }
  const toBeSigned = sequence(
    explicit(0, integer(2)),
    integer(serial),
    algorithm.identifier,
    encodeName(issuer.name),
    sequence(time(template.notBefore), time(template.notAfter)),
    encodeName(template.subject),
    template.publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, sequence(...extensions)),
  );
  const signature = sign(algorithm.digest, toBeSigned, { key: issuer.privateKey, dsaEncoding: 'der' });
  return derToPem(sequence(toBeSigned, algorithm.identifier, bitString(signature)), 'CERTIFICATE');
}

export function derToPem(der: Uint8Array, label: string): string {
  const base64 = Buffer.from(der).toString('base64');
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** Every `-----BEGIN CERTIFICATE-----` block of a PEM text, in order, normalised. */
export function splitPemCertificates(text: string): string[] {
  const blocks = text
    .replace(/\r\n/g, '\n')
    .match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g);
  return (blocks ?? []).map((block) => `${block.trim()}\n`);
}

/** Parses every certificate of a PEM bundle; throws if there is none or one does not parse. */
export function parseCertificateChain(text: string): X509Certificate[] {
  const blocks = splitPemCertificates(text);
  if (blocks.length === 0) throw new TypeError('no PEM certificate found');
  return blocks.map((block) => new X509Certificate(block));
}

export interface CertificateSummary {
  commonName: string | null;
  /** DNS subjectAltNames in order. */
  subjectAltNames: string[];
  /** The upstream's Domain: CN, else the first SAN. */
  domain: string;
  notBefore: number;
  notAfter: number;
  /** 'RSA' | 'ECC' | 'SM2' | the raw node key type. */
  encryptAlgorithm: string;
  /** SHA-256 fingerprint, upper-case hex pairs separated by ':' (node's format). */
  fingerprint256: string;
  issuerCommonName: string | null;
  isCertificateAuthority: boolean;
  /** What the certificate shows of its validation: see validationLevelOf. */
  validationLevel: 'DV' | 'OV' | 'EV';
}

/** 2.23.140.1.1, the CA/Browser Forum EV policy, as a DER OBJECT IDENTIFIER. */
const EV_POLICY_OID = Buffer.from([0x06, 0x05, 0x67, 0x81, 0x0c, 0x01, 0x01]);
/** Subject fields only EV certificates carry (businessCategory and the jurisdiction of incorporation). */
const EV_SUBJECT_FIELD =
  /^(businessCategory|jurisdictionC|jurisdictionST|jurisdictionL|1\.3\.6\.1\.4\.1\.311\.60\.2\.1\.[123])=/m;

/**
 * The validation level a certificate shows, kept simple: EV when it carries the CA/Browser Forum EV policy OID
 * (looked for in its DER) or EV subject fields (businessCategory, jurisdiction*); OV when its subject names an
 * organisation (O=); DV otherwise.
 */
export function validationLevelOf(certificate: X509Certificate): 'DV' | 'OV' | 'EV' {
  if (certificate.raw.includes(EV_POLICY_OID) || EV_SUBJECT_FIELD.test(certificate.subject)) return 'EV';
  return /^O=/m.test(certificate.subject) ? 'OV' : 'DV';
}

function commonNameOf(distinguishedName: string): string | null {
  for (const line of distinguishedName.split('\n')) {
    if (line.startsWith('CN=')) return line.slice(3);
  }
  return null;
}

export function summarizeCertificate(certificate: X509Certificate): CertificateSummary {
  const subjectAltNames = (certificate.subjectAltName ?? '')
    .split(', ')
    .filter((entry) => entry.startsWith('DNS:'))
    .map((entry) => entry.slice(4));
  const commonName = commonNameOf(certificate.subject);
  const keyType = certificate.publicKey.asymmetricKeyType ?? 'unknown';
  return {
    commonName,
    subjectAltNames,
    domain: commonName ?? subjectAltNames[0] ?? '',
    notBefore: Date.parse(certificate.validFrom),
    notAfter: Date.parse(certificate.validTo),
    encryptAlgorithm: keyType === 'rsa' ? 'RSA' : keyType === 'ec' ? 'ECC' : keyType.toUpperCase(),
    fingerprint256: certificate.fingerprint256,
    issuerCommonName: commonNameOf(certificate.issuer),
    isCertificateAuthority: certificate.ca,
    validationLevel: validationLevelOf(certificate),
  };
}

/** True when the private key PEM is the counterpart of the certificate's public key. */
export function privateKeyMatches(certificate: X509Certificate, privateKeyPem: string): boolean {
  return certificate.checkPrivateKey(createPrivateKey(privateKeyPem));
}

export interface ParsedCsr {
  commonName: string | null;
  publicKey: KeyObject;
}

/** Reads a PKCS#10 CSR and checks its self-signature; throws TypeError when it is not a valid CSR. */
export function parseCertificateSigningRequest(pem: string): ParsedCsr {
  const match =
    /-----BEGIN (?:NEW )?CERTIFICATE REQUEST-----([\s\S]*?)-----END (?:NEW )?CERTIFICATE REQUEST-----/.exec(
      pem,
    );
  if (!match?.[1]) throw new TypeError('no PEM certificate request found');
  try {
    const der = Buffer.from(match[1].replace(/\s+/g, ''), 'base64');
    const [info, algorithm, signature] = readChildren(readElement(der));
    if (!info || !algorithm || !signature) throw new TypeError('malformed CSR');
    const [, subject, subjectPublicKeyInfo] = readChildren(info);
    if (!subject || !subjectPublicKeyInfo) throw new TypeError('malformed CSR');
    const publicKey = createPublicKey({ key: subjectPublicKeyInfo.raw, format: 'der', type: 'spki' });
    const [algorithmOid] = readChildren(algorithm);
    const oid = algorithmOid ? decodeObjectIdentifier(algorithmOid) : '';
    if (oid !== OID.ecdsaWithSha256 && oid !== OID.sha256WithRsa)
      throw new TypeError('unsupported CSR signature');
    const valid = verify(
      'sha256',
      info.raw,
      { key: publicKey, dsaEncoding: 'der' },
      signature.content.subarray(1),
    );
    if (!valid) throw new TypeError('CSR signature does not verify');
    let commonName: string | null = null;
    for (const relativeName of readChildren(subject)) {
      for (const attribute of readChildren(relativeName)) {
        const [type, value] = readChildren(attribute);
        if (type && value && decodeObjectIdentifier(type) === OID.commonName)
          commonName = value.content.toString('utf8');
      }
    }
    return { commonName, publicKey };
  } catch (error) {
    if (error instanceof TypeError) throw error;
    throw new TypeError(`malformed CSR: ${(error as Error).message}`);
  }
}

/** Builds a PKCS#10 CSR for `subject`, signed with the key pair. */
export function createCertificateSigningRequest(
  subject: DistinguishedName,
  keyPair: GeneratedKeyPair,
): string {
  const algorithm = signatureAlgorithmFor(keyPair.privateKey);
  const info = sequence(
    integer(0),
    encodeName(subject),
    keyPair.publicKey.export({ type: 'spki', format: 'der' }),
    tlv(0xa0, Buffer.alloc(0)),
  );
  const signature = sign(algorithm.digest, info, { key: keyPair.privateKey, dsaEncoding: 'der' });
  return derToPem(sequence(info, algorithm.identifier, bitString(signature)), 'CERTIFICATE REQUEST');
}
