// Java KeyStore (JKS) files for the Tomcat and JKS download layouts: one private-key entry with its chain, in the
// format of the JDK's sun.security.provider.JavaKeyStore (version 2), which keytool and Tomcat read.
import { createHash, createPrivateKey, randomBytes } from 'node:crypto';
import { derNull, objectIdentifier, octetString, sequence, utf16BigEndian } from './der.ts';
import { parseCertificateChain } from './x509.ts';

const MAGIC = 0xfeedfeed;
const VERSION = 2;
const PRIVATE_KEY_ENTRY = 1;
/** sun.security.provider.KeyProtector's algorithm: SHA-1 keystream XOR, salted, with a SHA-1 check. */
const KEY_PROTECTOR_OID = '1.3.6.1.4.1.42.2.17.1.1';
const SHA1_LENGTH = 20;
/** The JDK salts the keystore's integrity digest with this phrase. */
const INTEGRITY_PHRASE = 'Mighty Aphrodite';

export interface JavaKeyStoreContents {
  /** The leaf first, then its chain. */
  readonly certificatesPem: string;
  readonly privateKeyPem: string;
  /** Protects both the store and the key, as in the vendor's keystorePass.txt. */
  readonly password: string;
  readonly alias: string;
  /** The entry's creation date (epoch ms). */
  readonly createdAt: number;
}

export function createJavaKeyStore(contents: JavaKeyStoreContents): Buffer {
  // Throws unless there is at least one certificate: a key entry carries its chain.
  const certificates = parseCertificateChain(contents.certificatesPem).map((certificate) => certificate.raw);
  const plainKey = createPrivateKey(contents.privateKeyPem).export({ format: 'der', type: 'pkcs8' });
  const protectedKey = sequence(
    sequence(objectIdentifier(KEY_PROTECTOR_OID), derNull()),
    octetString(protectKey(plainKey, utf16BigEndian(contents.password))),
  );
  const body = Buffer.concat([
    uint32(MAGIC),
    uint32(VERSION),
    uint32(1),
    uint32(PRIVATE_KEY_ENTRY),
    javaUtf(contents.alias.toLowerCase()),
    uint64(contents.createdAt),
    uint32(protectedKey.length),
    protectedKey,
    uint32(certificates.length),
    ...certificates.flatMap((der) => [javaUtf('X.509'), uint32(der.length), der]),
  ]);
  const integrity = createHash('sha1')
    .update(utf16BigEndian(contents.password))
    .update(INTEGRITY_PHRASE, 'utf8')
    .update(body)
    .digest();
  return Buffer.concat([body, integrity]);
}

/** salt ‖ (key XOR keystream) ‖ SHA-1(password ‖ key), the keystream being SHA-1(password ‖ previous block). */
function protectKey(plainKey: Buffer, password: Buffer): Buffer {
  const salt = randomBytes(SHA1_LENGTH);
  const encrypted = Buffer.alloc(plainKey.length);
  let block: Buffer = salt;
  for (let offset = 0; offset < plainKey.length; offset += SHA1_LENGTH) {
    block = createHash('sha1').update(password).update(block).digest();
    for (let index = 0; index < SHA1_LENGTH && offset + index < plainKey.length; index += 1) {
      encrypted[offset + index] = (plainKey[offset + index] ?? 0) ^ (block[index] ?? 0);
    }
  }
  const check = createHash('sha1').update(password).update(plainKey).digest();
  return Buffer.concat([salt, encrypted, check]);
}

/** DataOutputStream.writeUTF: a 2-byte length, then modified UTF-8 (NUL as two bytes, no 4-byte sequences). */
function javaUtf(text: string): Buffer {
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit >= 0x01 && unit <= 0x7f) bytes.push(unit);
    else if (unit <= 0x7ff) bytes.push(0xc0 | (unit >> 6), 0x80 | (unit & 0x3f));
    else bytes.push(0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f));
  }
  return Buffer.concat([uint16(bytes.length), Buffer.from(bytes)]);
}

function uint16(value: number): Buffer {
  const bytes = Buffer.alloc(2);
  bytes.writeUInt16BE(value);
  return bytes;
}

function uint32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value);
  return bytes;
}

function uint64(value: number): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(BigInt(value));
  return bytes;
}
