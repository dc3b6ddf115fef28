// The CA-side lifecycle of certificate orders: key material, domain-validation records and the timings
// after which the emulated CA validates, issues, cancels or revokes. Timings are emulated-clock durations.
import { createHash, generateKeyPair as generateKeyPairCallback, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { EmulatorError } from '../handler.ts';
import { createCertificateSigningRequest } from '../pki/x509.ts';
import {
  type CertificateRecord,
  type DvAuthRecord,
  MINUTE_MS,
  type VerifyType,
} from '../store/certificates.ts';

/** The DV record/file becomes visible to the CA this long after it was handed out (the user publishes it). */
export const DCV_READY_MS = 5 * MINUTE_MS;
/** DNS_AUTO: the emulator adds the record itself, so the CA issues right after DCV_READY_MS. */
export const DNS_AUTO_ISSUE_MS = DCV_READY_MS;
/** DNS/FILE: without a nudge (CompleteCertificate / CheckCertificateDomainVerification) the CA re-checks this late. */
export const DCV_PERIODIC_CHECK_MS = 30 * MINUTE_MS;
/** OV/EV organisation review. */
export const ORGANISATION_REVIEW_MS = 2 * 60 * MINUTE_MS;
export const CANCEL_MS = MINUTE_MS;
export const REVOKE_MS = 10 * MINUTE_MS;

export const VERIFY_TYPES: readonly VerifyType[] = ['DNS_AUTO', 'DNS', 'FILE'];

export function requireVerifyType(value: string | undefined, fallback: VerifyType | null): VerifyType {
  const chosen = value ?? fallback;
  if (chosen === null || !VERIFY_TYPES.includes(chosen as VerifyType)) {
    throw new EmulatorError(
      'FailedOperation.InvalidParam',
      `Validation method must be one of ${VERIFY_TYPES.join(', ')}.`,
    );
  }
  return chosen as VerifyType;
}

const DOMAIN_PATTERN = /^(\*\.)?([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export function isValidDomain(domain: string): boolean {
  return DOMAIN_PATTERN.test(domain);
}

/** Validation records for each domain, derived from the certificate id (stable across reads). */
export function dvAuthsFor(
  record: CertificateRecord,
  verifyType: VerifyType,
  purpose = 'issue',
): DvAuthRecord[] {
  return record.subjectAltNames.map((domain) => {
    const digest = createHash('sha256').update(`${purpose}:${record.id}:${domain}`).digest('hex');
    const token = `_${digest.slice(0, 32)}`;
    const baseDomain = domain.replace(/^\*\./, '');
    if (verifyType === 'FILE') {
      const fileName = `${digest.slice(0, 32)}.txt`;
      return {
        domain: baseDomain,
        verifyType: 'FILE',
        key: fileName,
        value: `${digest.slice(32)}\ntrust-provider.com\n${record.id}`,
        path: `http://${baseDomain}/.well-known/pki-validation/${fileName}`,
        subDomain: '',
      };
    }
    return {
      domain: baseDomain,
      verifyType: 'TXT',
      key: `${token}.${baseDomain}`,
      value: `${new Date(record.insertTime).toISOString().slice(0, 10).replace(/-/g, '')}0000${digest.slice(32, 56)}`,
      path: '',
      subDomain: token,
    };
  });
}

/** Starts domain validation: hands out the records and schedules the CA's checks. */
export function startDomainValidation(record: CertificateRecord, verifyType: VerifyType, now: number): void {
  record.verifyType = verifyType;
  record.dvAuths = dvAuthsFor(record, verifyType);
  record.dcvReadyAt = now + DCV_READY_MS;
  record.status = 0;
  record.statusMsg = 'PENDING-DCV';
  record.schedule = {
    kind: 'issue',
    at: now + (verifyType === 'DNS_AUTO' ? DNS_AUTO_ISSUE_MS : DCV_PERIODIC_CHECK_MS),
  };
}

const generateKeyPairAsync = promisify(generateKeyPairCallback);

export interface KeyChoice {
  algorithm: 'RSA' | 'ECC';
  parameter: string;
}

/** The ECC curves an action takes: ReplaceCertificate documents prime256v1 and secp384r1. */
export const ECC_CURVES: readonly string[] = ['prime256v1', 'secp384r1'];

/**
 * Checks the key algorithm/parameter pair of an application: RSA 2048/4096, ECC on one of `curves`
 * (CertificateInfoSubmit: 「ECC仅支持prime256v1」).
 */
export function keyChoice(
  algorithm: string | undefined,
  parameter: string | undefined,
  code: string,
  curves: readonly string[] = ECC_CURVES,
): KeyChoice {
  const chosen = (algorithm ?? 'RSA').toUpperCase();
  if (chosen === 'RSA') {
    const bits = parameter ?? '2048';
    if (bits !== '2048' && bits !== '4096') throw new EmulatorError(code, 'RSA keys are 2048 or 4096 bits.');
    return { algorithm: 'RSA', parameter: bits };
  }
  if (chosen === 'ECC') {
    const curve = parameter ?? 'prime256v1';
    if (!curves.includes(curve)) throw new EmulatorError(code, `ECC keys use ${curves.join(' or ')}.`);
    return { algorithm: 'ECC', parameter: curve };
  }
  throw new EmulatorError(code, `Unsupported key algorithm ${algorithm}.`);
}

/** Generates the order's key pair and CSR off the event loop (RSA generation takes tens of ms). */
export async function prepareKeyMaterial(record: CertificateRecord, choice: KeyChoice): Promise<void> {
  const { privateKey, publicKey } =
    choice.algorithm === 'RSA'
      ? await generateKeyPairAsync('rsa', { modulusLength: Number(choice.parameter) })
      : await generateKeyPairAsync('ec', { namedCurve: choice.parameter });
  attachKeyMaterial(record, privateKey, publicKey);
  record.encryptAlgorithm = choice.algorithm;
  record.keyParameter = choice.parameter;
}

export function attachKeyMaterial(
  record: CertificateRecord,
  privateKey: KeyObject,
  publicKey: KeyObject,
): void {
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  record.pendingKey = {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem,
  };
  record.csrPem = createCertificateSigningRequest(
    { commonName: record.domain || 'pending.invalid' },
    {
      privateKey,
      publicKey,
      privateKeyPem,
    },
  );
}

/** The upstream's CA-side order number. */
export function orderIdFor(record: CertificateRecord): string {
  return `${createHash('sha1').update(`order:${record.id}`).digest('base64url').slice(0, 12)}_${record.id}`;
}
