// The account's certificates. Lifecycles (issuance, cancellation, revocation, expiry, asynchronous
// deletion) are stored as scheduled transitions and applied lazily from the emulator clock whenever the
// store is read, so stepping the clock is all a test needs and no timer keeps the process alive.
import { createPublicKey, type X509Certificate } from 'node:crypto';
import type { SubmittedData } from '../../ssl/models.generated.ts';
import type { EmulatorClock } from '../clock.ts';
import { EmulatorError } from '../handler.ts';
import { issueLeafCertificate } from '../pki/ca.ts';
import { parseCertificateChain, privateKeyMatches, summarizeCertificate } from '../pki/x509.ts';
import type { EmulatorState } from '../state.ts';
import { DELETE_TASK_DURATION_MS, type DeleteTaskRecord, type DeleteTaskStatus } from './delete-tasks.ts';
import { SYSTEM_ACTOR } from './operation-logs.ts';

export const DAY_MS = 24 * 60 * 60 * 1000;
export const MINUTE_MS = 60 * 1000;
/** A free certificate may not be deleted this soon after it was applied for (CannotBeDeletedWithinHour). */
export const FREE_CERTIFICATE_DELETE_DELAY_MS = 60 * MINUTE_MS;
/** Certificates expiring within this window are "expiring" (IsExpiring, FilterExpiring, renewal). */
export const EXPIRING_WINDOW_MS = 30 * DAY_MS;

export type CertificateSource = 'trustasia' | 'upload' | 'wosign' | 'sheca';
export type VerifyType = 'DNS_AUTO' | 'DNS' | 'FILE';

/** One domain-control validation record (DvAuths). */
export interface DvAuthRecord {
  domain: string;
  verifyType: 'TXT' | 'FILE' | 'CNAME';
  key: string;
  value: string;
  /** FILE only: the URL path the file must be served at. */
  path: string;
  subDomain: string;
}

export type TransitionKind = 'issue' | 'cancel' | 'revoke';

export interface ScheduledTransition {
  at: number;
  kind: TransitionKind;
}

export interface HostingState {
  /** HostingStatus: 0 hosting, 5 replacing resources, 10 hosting done. */
  status: 0 | 5 | 10;
  completeTime: number | null;
  renewCertId: string | null;
  resourceTypes: string[];
  replaceDaysBeforeExpiry: number;
  messageTypes: number[];
}

export interface CertificateRecord {
  id: string;
  alias: string;
  domain: string;
  /** Includes `domain`. */
  subjectAltNames: string[];
  /** CertificateStatus 0..15. */
  status: number;
  from: CertificateSource;
  certificateType: 'SVR' | 'CA';
  /** PackageType; null for uploaded certificates. */
  packageType: string | null;
  projectId: number;
  /** Leaf + chain, null until issued. */
  certificatePem: string | null;
  privateKeyPem: string | null;
  /**
   * The private-key password the order named (ApplyCertificate.CsrKeyPassword, CertificateInfoSubmit.KeyPass,
   * SubmitCertificateInformation.KeyPassword, CreateCertificateByPackage.RenewKeyPass): it protects the PFX and
   * JKS downloads. Null: each of those downloads gets a generated one, in its keystorePass.txt.
   */
  keyPassword: string | null;
  certBeginTime: number | null;
  certEndTime: number | null;
  insertTime: number;
  /** 'RSA' | 'ECC' | 'SM2'. */
  encryptAlgorithm: string;
  /** '2048', 'prime256v1', ... */
  keyParameter: string;
  statusMsg: string;
  verifyType: VerifyType | null;
  dvAuths: DvAuthRecord[];
  /** Validation values to publish to confirm a DV revocation (DvRevokeAuthDetail). */
  revokeDvAuths: DvAuthRecord[];
  /** ValidityPeriod in months. */
  validityMonths: number;
  orderId: string | null;
  tags: Array<{ key: string; value: string }>;
  certType: 'DV' | 'OV' | 'EV';
  domainType: 1 | 2 | 3 | 4;
  domainNumber: number;
  /** 1 individual, 2 company. */
  companyType: 1 | 2;
  isVip: boolean;
  isSm: boolean;
  /** Renewal: the certificate this one renews / the renewal of this one. */
  renewedFrom: string | null;
  renewalId: string | null;
  /** Reissue: ReplacedBy = the original (on the reissued certificate), ReplacedFor = the reissue (on the original). */
  replacedBy: string | null;
  replacedFor: string | null;
  replaceCount: number;
  ignoreExpiringNotification: boolean;
  hosting: HostingState | null;
  /** Applicant information of paid orders (SubmittedData). */
  submitted: SubmittedData | null;
  managerId: number | null;
  companyId: number | null;
  /** Multi-year orders: PreAuditInfo TotalPeriod / NowPeriod (years). */
  totalPeriod: number;
  nowPeriod: number;
  autoRenewFlag: 0 | 1;
  allowDownload: boolean;
  /** Bought with package points. */
  isPackage: boolean;
  /** Key material waiting for issuance: generated at application, or the public key of a submitted CSR. */
  pendingKey: { publicKeyPem: string; privateKeyPem: string | null } | null;
  csrPem: string | null;
  /** When the DV records become visible to the CA (the emulated user published them). */
  dcvReadyAt: number | null;
  validationPassedTime: number | null;
  revokedTime: number | null;
  schedule: ScheduledTransition | null;
  /** The review was cancelled by CancelAuditCertificate (so ModifyCertificateResubmit may restart it). */
  auditCancelled: boolean;
  confirmLetterUploaded: boolean;
  revokeLetterUploaded: boolean;
  /** SHA-256 of the leaf, as node formats it. */
  fingerprint: string | null;
  /** UploadCertificate.CertificateUse. */
  certificateUse: string | null;
}

/** Waiting for the CA: under review or validation (IsPendingIssue). */
export function isPendingIssue(record: CertificateRecord): boolean {
  return record.status === 0 || record.status === 4 || record.status === 11;
}

/**
 * How a delete task reports a refusal (DeleteTaskResult.Status): certificates still bound to cloud resources have
 * their own status, 4; every other refusal is a plain failure, 2, whose Error names the rule.
 */
const DELETE_TASK_STATUS_OF_REFUSAL: Readonly<Record<string, Exclude<DeleteTaskStatus, 0 | 1>>> = {
  'FailedOperation.DeleteResourceFailed': 4,
};

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const ID_SPACE = 62 ** 8;

/** The n-th certificate id: 8 characters from a fixed alphabet, scattered so ids look like the vendor's. */
export function certificateIdFor(counter: number): string {
  // 2^32-ish odd multiplier coprime with 62^8: a bijection on the id space, so ids never collide.
  let value = Number((BigInt(counter) * 3_462_239_137n + 917_512_331n) % BigInt(ID_SPACE));
  let id = '';
  for (let i = 0; i < 8; i++) {
    id += ID_ALPHABET[value % 62];
    value = Math.floor(value / 62);
  }
  return id;
}

export interface CertificateDefaults {
  id: string;
  domain: string;
  insertTime: number;
}

/** A record with every optional trait at its neutral value; callers override what they need. */
export function newCertificateRecord(
  base: CertificateDefaults & Partial<CertificateRecord>,
): CertificateRecord {
  return {
    alias: '',
    subjectAltNames: [base.domain],
    status: 0,
    from: 'trustasia',
    certificateType: 'SVR',
    packageType: null,
    projectId: 0,
    certificatePem: null,
    privateKeyPem: null,
    keyPassword: null,
    certBeginTime: null,
    certEndTime: null,
    encryptAlgorithm: 'RSA',
    keyParameter: '2048',
    statusMsg: '',
    verifyType: null,
    dvAuths: [],
    revokeDvAuths: [],
    validityMonths: 12,
    orderId: null,
    tags: [],
    certType: 'DV',
    domainType: base.domain.startsWith('*.') ? 3 : 1,
    domainNumber: 1,
    companyType: 1,
    isVip: false,
    isSm: false,
    renewedFrom: null,
    renewalId: null,
    replacedBy: null,
    replacedFor: null,
    replaceCount: 0,
    ignoreExpiringNotification: false,
    hosting: null,
    submitted: null,
    managerId: null,
    companyId: null,
    totalPeriod: 1,
    nowPeriod: 1,
    autoRenewFlag: 0,
    allowDownload: true,
    isPackage: false,
    pendingKey: null,
    csrPem: null,
    dcvReadyAt: null,
    validationPassedTime: null,
    revokedTime: null,
    schedule: null,
    auditCancelled: false,
    confirmLetterUploaded: false,
    revokeLetterUploaded: false,
    fingerprint: null,
    certificateUse: null,
    ...base,
  };
}

/** What an uploaded PEM says about itself. */
export interface ParsedUpload {
  certificatePem: string;
  domain: string;
  subjectAltNames: string[];
  certBeginTime: number;
  certEndTime: number;
  encryptAlgorithm: string;
  fingerprint: string;
  isCertificateAuthority: boolean;
  /** The leaf's validation level (pki validationLevelOf): an uploaded certificate's CertType. */
  certType: 'DV' | 'OV' | 'EV';
}

/**
 * Parses a PEM bundle (leaf first); checks the private key when given. Throws the documented
 * FailedOperation.CertificateParseError / FailedOperation.CertificateMismatch.
 */
export function parseUploadedCertificate(certificatePem: string, privateKeyPem: string | null): ParsedUpload {
  let chain: X509Certificate[];
  try {
    chain = parseCertificateChain(certificatePem);
  } catch {
    throw new EmulatorError('FailedOperation.CertificateParseError', 'The certificate could not be parsed.');
  }
  const leaf = chain[0]!;
  if (privateKeyPem !== null) {
    let matches: boolean;
    try {
      matches = privateKeyMatches(leaf, privateKeyPem);
    } catch {
      throw new EmulatorError(
        'FailedOperation.CertificateParseError',
        'The private key could not be parsed.',
      );
    }
    if (!matches) {
      throw new EmulatorError(
        'FailedOperation.CertificateMismatch',
        'The certificate and private key do not match.',
      );
    }
  }
  const summary = summarizeCertificate(leaf);
  const sans = summary.subjectAltNames.includes(summary.domain)
    ? summary.subjectAltNames
    : [summary.domain, ...summary.subjectAltNames];
  return {
    certificatePem: chain.map((certificate) => certificate.toString()).join(''),
    domain: summary.domain,
    subjectAltNames: sans.filter((name) => name !== ''),
    certBeginTime: summary.notBefore,
    certEndTime: summary.notAfter,
    encryptAlgorithm: summary.encryptAlgorithm,
    fingerprint: summary.fingerprint256,
    isCertificateAuthority: summary.isCertificateAuthority,
    certType: summary.validationLevel,
  };
}

export class CertificateStore {
  readonly #records = new Map<string, CertificateRecord>();
  #counter = 0;
  #clock: EmulatorClock | undefined;
  #state: EmulatorState | undefined;
  #settling = false;

  /**
   * Lets reads apply due transitions (issuance, cancellation, revocation, expiry, delete tasks) and log CA
   * events. EmulatorState connects its store once, with the emulator's clock.
   */
  connect(state: EmulatorState, clock: EmulatorClock): void {
    this.#state = state;
    this.#clock = clock;
  }

  /** A fresh, never-used certificate id. */
  nextId(): string {
    for (;;) {
      this.#counter += 1;
      const id = certificateIdFor(this.#counter);
      if (!this.#records.has(id)) return id;
    }
  }

  get(id: string): CertificateRecord | undefined {
    this.settle();
    return this.#records.get(id);
  }

  require(id: string): CertificateRecord {
    const record = this.get(id);
    if (!record)
      throw new EmulatorError('FailedOperation.CertificateNotFound', `Certificate ${id} does not exist.`);
    return record;
  }

  /** Every certificate, in insertion order. */
  all(): CertificateRecord[] {
    this.settle();
    return [...this.#records.values()];
  }

  insert(record: CertificateRecord): void {
    if (this.#records.has(record.id)) throw new Error(`duplicate certificate id ${record.id}`);
    this.#records.set(record.id, record);
  }

  /** Removes a certificate and the links other certificates hold to it. */
  remove(id: string): boolean {
    const removed = this.#records.delete(id);
    if (!removed) return false;
    for (const other of this.#records.values()) {
      if (other.renewalId === id) other.renewalId = null;
      if (other.replacedFor === id) other.replacedFor = null;
      if (other.hosting?.renewCertId === id) other.hosting.renewCertId = null;
    }
    return true;
  }

  /** The certificate whose leaf has this SHA-256 fingerprint, if any (oldest first). */
  findByFingerprint(fingerprint: string): CertificateRecord | undefined {
    return this.all().find((record) => record.fingerprint === fingerprint);
  }

  /** Replaces the X.509 content, keeping the id (UploadUpdateCertificateInstance). */
  replaceContent(id: string, pem: { certificatePem: string; privateKeyPem: string }): CertificateRecord {
    const record = this.require(id);
    const parsed = parseUploadedCertificate(pem.certificatePem, pem.privateKeyPem);
    record.certificatePem = parsed.certificatePem;
    record.privateKeyPem = pem.privateKeyPem;
    record.domain = parsed.domain;
    record.subjectAltNames = parsed.subjectAltNames;
    record.certBeginTime = parsed.certBeginTime;
    record.certEndTime = parsed.certEndTime;
    record.encryptAlgorithm = parsed.encryptAlgorithm;
    record.fingerprint = parsed.fingerprint;
    if (record.from === 'upload') {
      record.certType = parsed.certType;
      record.companyType = parsed.certType === 'DV' ? 1 : 2;
    }
    const now = this.#clock?.now() ?? Date.now();
    record.status = parsed.certEndTime <= now ? 3 : 1;
    return record;
  }

  /** Applies every transition due at the clock's now. Safe to call often; a no-op without a clock. */
  settle(): void {
    if (!this.#clock || this.#settling) return;
    this.#settling = true;
    try {
      const now = this.#clock.now();
      // A delete task judges the certificate as it was when the task ran, so what happened before then
      // (an issuance, a cancellation, an expiry) is applied first, and what happened after it is not.
      for (const { task, ranAt } of this.#dueDeleteTasks(now)) {
        this.#applyTransitionsUntil(ranAt);
        this.#runDeleteTask(task, ranAt);
      }
      this.#applyTransitionsUntil(now);
    } finally {
      this.#settling = false;
    }
  }

  /**
   * Why `record` may not be deleted at `at`, or null when it may: the one rule DeleteCertificate,
   * DeleteCertificates and the asynchronous delete tasks all apply.
   */
  deletionRefusal(record: CertificateRecord, at: number): EmulatorError | null {
    if ((this.#state?.resources.boundTargets(record.id, at).length ?? 0) > 0) {
      return new EmulatorError('FailedOperation.DeleteResourceFailed', '证书已关联云资源，无法删除。');
    }
    if (
      !record.isVip &&
      record.from !== 'upload' &&
      at - record.insertTime < FREE_CERTIFICATE_DELETE_DELAY_MS
    ) {
      return new EmulatorError(
        'FailedOperation.CannotBeDeletedWithinHour',
        '免费证书申请1小时内不允许删除。',
      );
    }
    // A paid order under review or validation cannot be deleted: cancel it first.
    if (record.isVip && [0, 4, 6, 9, 11].includes(record.status)) {
      return new EmulatorError('FailedOperation.InvalidCertificateStatusCode', '证书状态不允许删除。');
    }
    if (record.renewedFrom === null && record.renewalId !== null) {
      const renewal = this.#records.get(record.renewalId);
      if (renewal && isPendingIssue(renewal) && record.hosting !== null) {
        return new EmulatorError('FailedOperation.RenewNotIssued', '续费证书未签发，无法删除。');
      }
    }
    return null;
  }

  /** Issues the certificate now (used by transitions and by CompleteCertificate once DCV passed). */
  issue(record: CertificateRecord, at: number): void {
    const key = record.pendingKey;
    const days = record.validityMonths <= 3 ? 90 : 365;
    const issued = issueLeafCertificate({
      domain: record.domain,
      subjectAltNames: record.subjectAltNames,
      notBefore: at,
      notAfter: at + days * DAY_MS - 1000,
      ...(record.certType !== 'DV' && record.submitted?.OrganizationName
        ? { organization: record.submitted.OrganizationName }
        : {}),
      ...(key
        ? { publicKey: createPublicKey(key.publicKeyPem) }
        : {
            keyAlgorithm: record.encryptAlgorithm === 'ECC' ? ('ECC' as const) : ('RSA' as const),
            keyParameter: record.keyParameter,
          }),
    });
    record.certificatePem = issued.certificatePem;
    record.privateKeyPem = key ? key.privateKeyPem : issued.privateKeyPem;
    record.pendingKey = null;
    record.certBeginTime = issued.notBefore;
    record.certEndTime = issued.notAfter;
    record.fingerprint = issued.fingerprint256;
    record.status = 1;
    record.statusMsg = '';
    record.schedule = null;
    record.validationPassedTime ??= at;
    this.#state?.operationLogs.record({ certId: record.id, type: 'issued', at, subAccountUin: SYSTEM_ACTOR });
  }

  #apply(record: CertificateRecord, transition: ScheduledTransition): void {
    record.schedule = null;
    switch (transition.kind) {
      case 'issue':
        if (record.certType === 'DV' || record.verifyType !== null) {
          this.#state?.operationLogs.record({
            certId: record.id,
            type: 'domainValidationPassed',
            at: transition.at,
            subAccountUin: SYSTEM_ACTOR,
          });
        }
        record.validationPassedTime = transition.at;
        this.issue(record, transition.at);
        return;
      case 'cancel':
        record.status = 7;
        record.statusMsg = '';
        return;
      case 'revoke':
        record.status = 10;
        record.revokedTime = transition.at;
        this.#state?.operationLogs.record({
          certId: record.id,
          type: 'revoked',
          at: transition.at,
          subAccountUin: SYSTEM_ACTOR,
        });
        return;
    }
  }

  /** Scheduled transitions and expiries due by `at`. */
  #applyTransitionsUntil(at: number): void {
    for (const record of this.#records.values()) {
      if (record.schedule && record.schedule.at <= at) this.#apply(record, record.schedule);
      if (record.status === 1 && record.certEndTime !== null && record.certEndTime <= at) record.status = 3;
    }
  }

  /** The delete tasks that have run by `now`, in the order they ran. */
  #dueDeleteTasks(now: number): Array<{ task: DeleteTaskRecord; ranAt: number }> {
    return (this.#state?.deleteTasks.due(now) ?? [])
      .map((task) => ({ task, ranAt: task.createdAt + DELETE_TASK_DURATION_MS }))
      .sort((a, b) => a.ranAt - b.ranAt);
  }

  /** Deletes the task's certificate as of `at`, or records why it was refused (Error, with CacheTime `at`). */
  #runDeleteTask(task: DeleteTaskRecord, at: number): void {
    const state = this.#state;
    if (!state) return;
    const record = this.#records.get(task.certId);
    if (!record) {
      state.deleteTasks.finish(task.taskId, 2, 'FailedOperation.CertificateNotFound', at);
      return;
    }
    const refusal = this.deletionRefusal(record, at);
    if (refusal) {
      state.deleteTasks.finish(
        task.taskId,
        DELETE_TASK_STATUS_OF_REFUSAL[refusal.code] ?? 2,
        refusal.code,
        at,
      );
      return;
    }
    this.remove(task.certId);
    state.deleteTasks.finish(task.taskId, 1, '', at);
    state.operationLogs.record({ certId: task.certId, type: 'delete', at });
  }
}
