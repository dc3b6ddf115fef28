// The demo account's certificates: ~200 deterministic records across every lifecycle state, with real
// certificates from the emulator CA, renewal/reissue links, hosting, managers and an operation-log history.
import { createPublicKey } from 'node:crypto';
import type { SubmittedData } from '../../ssl/models.generated.ts';
import type { EmulatorClock } from '../clock.ts';
import { dvAuthsFor } from '../domains/certificate-lifecycle.ts';
import { issueLeafCertificate } from '../pki/ca.ts';
import { type GeneratedKeyPair, generateKeyPair } from '../pki/x509.ts';
import type { EmulatorState } from '../state.ts';
import { packageTypeTraits } from '../store/certificate-products.ts';
import { type CertificateRecord, DAY_MS, MINUTE_MS, newCertificateRecord } from '../store/certificates.ts';

const SECOND_LEVELS = ['example.com', 'example.net', 'example.org', 'demo-shop.cn', 'acme-cloud.io'];
const HOSTS = ['shop', 'api', 'www', 'mail', 'cdn', 'blog', 'admin', 'pay', 'static', 'docs'];
const PAID_PACKAGES = ['14', '16', '6', '81', '85', '12', '11', '28'];
// Only managers that passed review at some point (ok, expiring, expired in the accounts seed) can have
// submitted orders; the others (under review, rejected, never submitted) hold no certificates.
const MANAGER_IDS = [1001, 1002, 1006, 1007, 1009, 1010];

type SeedKind =
  | 'issued'
  | 'expiring'
  | 'expired'
  | 'pending'
  | 'revoked'
  | 'cancelled'
  | 'uploaded'
  | 'paid'
  | 'paidAwaitingInfo'
  | 'failed'
  | 'awaitingConfirmLetter'
  | 'awaitingRevokeLetter';

/** The mix of the demo account, in order (the 200th certificate closes the list). */
const PLAN: Array<[SeedKind, number]> = [
  ['issued', 64],
  ['expiring', 20],
  ['expired', 20],
  ['pending', 15],
  ['revoked', 8],
  ['cancelled', 8],
  ['uploaded', 25],
  ['paid', 20],
  ['paidAwaitingInfo', 8],
  ['failed', 6],
  ['awaitingConfirmLetter', 3],
  ['awaitingRevokeLetter', 3],
];

const ORGANISATION_KINDS: ReadonlySet<SeedKind> = new Set([
  'failed',
  'awaitingConfirmLetter',
  'awaitingRevokeLetter',
]);

/** The applicant data a paid order carries once its information was submitted with a manager. */
function submittedBy(state: EmulatorState, managerId: number, record: CertificateRecord): SubmittedData {
  const manager = state.accounts.getManager(managerId);
  const company = manager ? state.accounts.getCompany(manager.companyId) : undefined;
  return {
    CsrType: 'online',
    CsrContent: null,
    CertificateDomain: record.domain,
    DomainList: record.subjectAltNames.filter((name) => name !== record.domain),
    KeyPassword: null,
    OrganizationName: company?.name ?? null,
    OrganizationDivision: manager?.department ?? null,
    OrganizationAddress: company?.address ?? null,
    OrganizationCountry: company?.country ?? null,
    OrganizationCity: company?.city ?? null,
    OrganizationRegion: company?.province ?? null,
    PostalCode: null,
    PhoneAreaCode: null,
    PhoneNumber: company?.phone ?? null,
    AdminFirstName: manager?.firstName ?? null,
    AdminLastName: manager?.lastName ?? null,
    AdminPhoneNum: manager?.phone ?? null,
    AdminEmail: manager?.mail ?? null,
    AdminPosition: manager?.position ?? null,
    ContactFirstName: manager?.contact.firstName ?? null,
    ContactLastName: manager?.contact.lastName ?? null,
    ContactNumber: manager?.contact.phone ?? null,
    ContactEmail: manager?.contact.mail ?? null,
    ContactPosition: manager?.contact.position ?? null,
    VerifyType: record.verifyType,
  };
}

/**
 * Free certificates reissue only on RSA 2048 keys (ReplaceCertificate: 「免费证书仅支持 RSA 2048 重颁发」), so every
 * other free one is seeded with such a key: a reissue with the original key then works as it does upstream. One key
 * serves them all, made once per process: RSA generation takes 100–200 ms, and tests start many emulators.
 */
let freeRsaKey: GeneratedKeyPair | undefined;

export async function seedCertificates(state: EmulatorState, clock: EmulatorClock): Promise<void> {
  const store = state.certificates;
  const now = clock.now();
  // A small pool of keys keeps seeding fast; each certificate is still a real, distinct X.509 certificate.
  const keys = Array.from({ length: 8 }, () => generateKeyPair('ECC'));
  freeRsaKey ??= generateKeyPair('RSA', '2048');
  let index = 0;
  const records: CertificateRecord[] = [];
  for (const [kind, count] of PLAN) {
    for (let n = 0; n < count; n++, index++) {
      const host = HOSTS[index % HOSTS.length]!;
      const base = SECOND_LEVELS[Math.floor(index / HOSTS.length) % SECOND_LEVELS.length]!;
      const wildcard = index % 17 === 5;
      const domain = wildcard
        ? `*.${base}`
        : index < HOSTS.length * SECOND_LEVELS.length
          ? `${host}.${base}`
          : `${host}${index}.${base}`;
      const paid =
        kind === 'paid' ||
        kind === 'paidAwaitingInfo' ||
        ORGANISATION_KINDS.has(kind) ||
        (kind === 'issued' && index % 5 === 0);
      const packageType =
        kind === 'uploaded'
          ? null
          : ORGANISATION_KINDS.has(kind)
            ? '14'
            : paid
              ? PAID_PACKAGES[index % PAID_PACKAGES.length]!
              : '83';
      const traits = packageType ? packageTypeTraits(packageType) : undefined;
      const rsa = packageType === '83' && index % 2 === 1;
      const insertTime = now - (200 - index) * 6 * 60 * MINUTE_MS - 3 * DAY_MS;
      const record = newCertificateRecord({
        id: store.nextId(),
        domain,
        insertTime,
        subjectAltNames: wildcard ? [domain, base] : [domain],
        from: kind === 'uploaded' ? 'upload' : (traits?.from ?? 'trustasia'),
        packageType,
        projectId: index % 4 === 0 ? 1_000_001 : 0,
        alias: index % 3 === 0 ? `${host}-prod` : '',
        isVip: paid,
        certType: traits?.certType ?? 'DV',
        companyType: traits && traits.certType !== 'DV' ? 2 : 1,
        isSm: traits?.isSm ?? false,
        encryptAlgorithm: rsa ? 'RSA' : 'ECC',
        keyParameter: rsa ? '2048' : 'prime256v1',
        validityMonths: paid ? 12 : 3,
        verifyType: kind === 'uploaded' ? null : index % 2 === 0 ? 'DNS_AUTO' : 'DNS',
        tags: index % 6 === 0 ? [{ key: 'env', value: index % 12 === 0 ? 'prod' : 'staging' }] : [],
        managerId: paid ? MANAGER_IDS[index % MANAGER_IDS.length]! : null,
      });
      record.domainType = wildcard ? 3 : 1;
      record.domainNumber = record.subjectAltNames.length;
      const key = rsa ? freeRsaKey : keys[index % keys.length]!;
      const issueWindow = (begin: number, days: number): void => {
        const issued = issueLeafCertificate({
          domain,
          subjectAltNames: record.subjectAltNames,
          notBefore: begin,
          notAfter: begin + days * DAY_MS - 1000,
          publicKey: key.publicKey,
        });
        record.certificatePem = issued.certificatePem;
        record.privateKeyPem = key.privateKeyPem;
        record.certBeginTime = issued.notBefore;
        record.certEndTime = issued.notAfter;
        record.fingerprint = issued.fingerprint256;
        record.validationPassedTime = begin;
        record.orderId = kind === 'uploaded' ? null : `${record.id}_order`;
        record.dvAuths = record.verifyType ? dvAuthsFor(record, record.verifyType) : [];
      };
      const days = paid ? 365 : 90;
      switch (kind) {
        case 'issued':
        case 'paid':
          issueWindow(now - (index % 40) * DAY_MS - DAY_MS, days);
          record.status = 1;
          break;
        case 'expiring':
          issueWindow(now - (days - 1 - (index % 28)) * DAY_MS, days);
          record.status = 1;
          break;
        case 'expired':
          issueWindow(now - (days + 5 + index) * DAY_MS, days);
          record.status = 3;
          break;
        case 'revoked':
          issueWindow(now - 30 * DAY_MS, days);
          record.status = 10;
          record.revokedTime = now - 2 * DAY_MS;
          break;
        case 'uploaded':
          issueWindow(now - (index % 100) * DAY_MS, index % 5 === 0 ? 60 : 365);
          record.status = record.certEndTime! <= now ? 3 : 1;
          record.certificateType = index % 9 === 0 ? 'CA' : 'SVR';
          record.ignoreExpiringNotification = index % 4 === 0;
          break;
        case 'pending':
          record.insertTime = now - (index % 5) * MINUTE_MS;
          record.status = 0;
          record.statusMsg = 'PENDING-DCV';
          record.dvAuths = dvAuthsFor(record, record.verifyType ?? 'DNS');
          record.dcvReadyAt = record.insertTime + 5 * MINUTE_MS;
          record.pendingKey = {
            publicKeyPem: key.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
            privateKeyPem: key.privateKeyPem,
          };
          record.schedule = {
            kind: 'issue',
            at: record.insertTime + (record.verifyType === 'DNS_AUTO' ? 5 : 30) * MINUTE_MS,
          };
          break;
        case 'cancelled':
          record.status = 7;
          break;
        case 'paidAwaitingInfo':
          record.status = 5;
          record.domain = '';
          record.subjectAltNames = [];
          record.managerId = null;
          break;
        case 'failed':
          record.status = 2;
          // The documented message of a CA refusal, word for word (DescribeCertificate.StatusMsg).
          record.statusMsg = 'CA审核失败，域名未通过安全审查';
          record.submitted = submittedBy(state, record.managerId!, record);
          record.pendingKey = {
            publicKeyPem: key.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
            privateKeyPem: key.privateKeyPem,
          };
          break;
        case 'awaitingConfirmLetter':
          record.status = 8;
          record.statusMsg = 'PRE-REVIEWING';
          record.submitted = submittedBy(state, record.managerId!, record);
          record.orderId = `${record.id}_order`;
          record.dvAuths = dvAuthsFor(record, record.verifyType ?? 'DNS');
          record.dcvReadyAt = record.insertTime + 5 * MINUTE_MS;
          record.pendingKey = {
            publicKeyPem: key.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
            privateKeyPem: key.privateKeyPem,
          };
          break;
        case 'awaitingRevokeLetter':
          issueWindow(now - 20 * DAY_MS, days);
          record.submitted = submittedBy(state, record.managerId!, record);
          record.status = 12;
          break;
      }
      store.insert(record);
      records.push(record);
      state.operationLogs.record({
        certId: record.id,
        type: kind === 'uploaded' ? 'upload' : paid ? 'applyVIP' : 'apply',
        at: record.insertTime,
      });
      if (record.certBeginTime !== null && kind !== 'uploaded') {
        state.operationLogs.record({
          certId: record.id,
          type: 'issued',
          at: record.certBeginTime,
          subAccountUin: '--',
        });
      }
      if (kind === 'revoked' && record.revokedTime !== null) {
        state.operationLogs.record({
          certId: record.id,
          type: 'revoke',
          at: record.revokedTime - 10 * MINUTE_MS,
        });
        state.operationLogs.record({
          certId: record.id,
          type: 'revoked',
          at: record.revokedTime,
          subAccountUin: '--',
        });
      }
      if (record.managerId !== null && record.domain !== '') {
        state.accounts.linkCertificate(record.managerId, record.id, record.subjectAltNames);
      }
    }
  }
  linkRenewalsAndHosting(records, now);
}

/** Renewals of some expiring certificates (some hosted), and one reissue pair. */
function linkRenewalsAndHosting(records: CertificateRecord[], now: number): void {
  const expiring = records.filter((record) => record.status === 1 && record.certEndTime! - now < 30 * DAY_MS);
  const issued = records.filter(
    (record) => record.status === 1 && record.certEndTime! - now > 60 * DAY_MS && record.from !== 'upload',
  );
  expiring.slice(0, 6).forEach((original, i) => {
    const renewal = issued[i];
    if (!renewal) return;
    // The renewal certifies the original's names with the original's key, as a renewal does.
    const content = issueLeafCertificate({
      domain: original.domain,
      subjectAltNames: original.subjectAltNames,
      notBefore: renewal.certBeginTime!,
      notAfter: renewal.certEndTime!,
      publicKey: createPublicKey(original.privateKeyPem!),
    });
    renewal.domain = original.domain;
    renewal.subjectAltNames = [...original.subjectAltNames];
    renewal.certificatePem = content.certificatePem;
    renewal.privateKeyPem = original.privateKeyPem;
    renewal.fingerprint = content.fingerprint256;
    renewal.renewedFrom = original.id;
    original.renewalId = renewal.id;
    if (i < 3) {
      original.hosting = {
        status: i === 0 ? 10 : i === 1 ? 5 : 0,
        completeTime: i === 0 ? now - DAY_MS : null,
        renewCertId: renewal.id,
        resourceTypes: ['clb', 'cdn'],
        replaceDaysBeforeExpiry: 30,
        messageTypes: [0, 1, 2, 3],
      };
    }
  });
  const original = issued[10];
  const reissue = issued[11];
  if (original && reissue) {
    original.replacedFor = reissue.id;
    original.replaceCount = 1;
    reissue.replacedBy = original.id;
  }
}
