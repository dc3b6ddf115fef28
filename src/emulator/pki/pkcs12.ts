// PKCS #12 (RFC 7292) files for the IIS download layout: the certificate chain and its private key, protected by
// the certificate's key password. node:crypto reads PFX files (tls.createSecureContext) but cannot write them.
import { createHash, createHmac, createPrivateKey, randomBytes } from 'node:crypto';
import {
  derNull,
  explicit,
  integer,
  objectIdentifier,
  octetString,
  sequence,
  set,
  tlv,
  utf16BigEndian,
} from './der.ts';
import { parseCertificateChain } from './x509.ts';

const OID = {
  data: '1.2.840.113549.1.7.1',
  sha256: '2.16.840.1.101.3.4.2.1',
  keyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  friendlyName: '1.2.840.113549.1.9.20',
  localKeyId: '1.2.840.113549.1.9.21',
} as const;

const BMP_STRING = 0x1e;
/** OpenSSL's default since 3.0; Windows Server 2019 and later read PBES2 with AES-256 and a SHA-256 MAC. */
const MAC_ITERATIONS = 2048;

export interface Pkcs12Contents {
  /** The leaf first, then its chain. */
  readonly certificatesPem: string;
  readonly privateKeyPem: string;
  readonly password: string;
  /** The name Windows shows for the key and the leaf. */
  readonly friendlyName: string;
}

/** A DER-encoded PFX: the key shrouded with PBES2 (PBKDF2-SHA256, AES-256-CBC), integrity by HMAC-SHA256. */
export function createPkcs12(contents: Pkcs12Contents): Buffer {
  const certificates = parseCertificateChain(contents.certificatesPem).map((certificate) => certificate.raw);
  const leaf = certificates[0];
  if (leaf === undefined) throw new Error('a PKCS #12 file needs a certificate');
  const leafAttributes = set(
    attribute(OID.friendlyName, bmpString(contents.friendlyName)),
    attribute(OID.localKeyId, octetString(createHash('sha1').update(leaf).digest())),
  );
  const certificateBags = certificates.map((der, index) =>
    safeBag(
      OID.certBag,
      sequence(objectIdentifier(OID.x509Certificate), explicit(0, octetString(der))),
      index === 0 ? leafAttributes : undefined,
    ),
  );
  const shroudedKey = createPrivateKey(contents.privateKeyPem).export({
    format: 'der',
    type: 'pkcs8',
    cipher: 'aes-256-cbc',
    passphrase: contents.password,
  });
  const keyBag = safeBag(OID.keyBag, shroudedKey, leafAttributes);
  const authenticatedSafe = sequence(
    dataContentInfo(sequence(...certificateBags)),
    dataContentInfo(sequence(keyBag)),
  );
  const macSalt = randomBytes(16);
  const macKey = pkcs12Kdf(contents.password, macSalt, MAC_ITERATIONS, 3, 32);
  const mac = createHmac('sha256', macKey).update(authenticatedSafe).digest();
  return sequence(
    integer(3),
    dataContentInfo(authenticatedSafe),
    sequence(
      sequence(sequence(objectIdentifier(OID.sha256), derNull()), octetString(mac)),
      octetString(macSalt),
      integer(MAC_ITERATIONS),
    ),
  );
}

function dataContentInfo(content: Uint8Array): Buffer {
  return sequence(objectIdentifier(OID.data), explicit(0, octetString(content)));
}

function safeBag(bagId: string, value: Uint8Array, attributes: Buffer | undefined): Buffer {
  return sequence(
    objectIdentifier(bagId),
    explicit(0, value),
    ...(attributes === undefined ? [] : [attributes]),
  );
}

function attribute(oid: string, value: Buffer): Buffer {
  return sequence(objectIdentifier(oid), set(value));
}

function bmpString(text: string): Buffer {
  return tlv(BMP_STRING, utf16BigEndian(text));
}

/**
 * RFC 7292 appendix B.2 with SHA-256 (u = 32, v = 64 bytes): the MAC key (id 3) derived from the password as a
 * NUL-terminated BMPString.
 */
function pkcs12Kdf(password: string, salt: Buffer, iterations: number, id: number, length: number): Buffer {
  const u = 32;
  const v = 64;
  const repeatTo = (source: Buffer): Buffer => {
    const size = v * Math.ceil(source.length / v);
    const out = Buffer.alloc(size);
    for (let index = 0; index < size; index += 1) out[index] = source[index % source.length] ?? 0;
    return out;
  };
  const diversifier = Buffer.alloc(v, id);
  const input = Buffer.concat([
    repeatTo(salt),
    repeatTo(Buffer.concat([utf16BigEndian(password), Buffer.alloc(2)])),
  ]);
  const blocks: Buffer[] = [];
  for (let produced = 0; produced < length; produced += u) {
    let digest = createHash('sha256').update(diversifier).update(input).digest();
    for (let round = 1; round < iterations; round += 1) digest = createHash('sha256').update(digest).digest();
    blocks.push(digest);
    // I_j = (I_j + B + 1) mod 2^(8v) for every v-byte block of I, B being the digest repeated to v bytes.
    for (let start = 0; start < input.length; start += v) {
      let carry = 1;
      for (let index = v - 1; index >= 0; index -= 1) {
        const sum = (input[start + index] ?? 0) + (digest[index % u] ?? 0) + carry;
        input[start + index] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return Buffer.concat(blocks).subarray(0, length);
}
