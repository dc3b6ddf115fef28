import type { EmulatorClock } from '../clock.ts';
import { EmulatorError } from '../handler.ts';

/**
 * The DescribeManagers status vocabulary. `audit` is TrustAsia's own review, `CAaudit` the CA's review that
 * follows it; `none` means never submitted.
 */
export type ManagerStatus = 'none' | 'audit' | 'CAaudit' | 'ok' | 'invalid' | 'expiring' | 'expired';
export const MANAGER_STATUSES: readonly ManagerStatus[] = [
  'none',
  'audit',
  'CAaudit',
  'ok',
  'invalid',
  'expiring',
  'expired',
];

export type ValidationType = 'ov' | 'ev';
/** How a submitted review ends; the emulator decides it when the review is submitted. */
export type ReviewVerdict = 'approve' | 'reject';

export type PackageType = 'ssl_100' | 'ssl_500' | 'ssl_2000';
export const PACKAGE_TYPES: readonly PackageType[] = ['ssl_100', 'ssl_500', 'ssl_2000'];
export type PackageStatus = 'usable' | 'used' | 'expired' | 'refund';
export const PACKAGE_STATUSES: readonly PackageStatus[] = ['usable', 'used', 'expired', 'refund'];

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** TrustAsia's review of a submitted manager, before it goes to the CA. */
export const MANAGER_AUDIT_MS = 2 * HOUR_MS;
/** The CA's review, after TrustAsia's. */
export const MANAGER_CA_AUDIT_MS = 4 * HOUR_MS;
/** An approved manager stays valid this long (the doc's example: verified 2023-09-11, expires 2024-09-11). */
export const MANAGER_VERIFICATION_VALIDITY_MS = 365 * DAY_MS;
/** An approved manager turns `expiring` this long before its verification expires. */
export const MANAGER_EXPIRING_WINDOW_MS = 30 * DAY_MS;

export interface Tag {
  readonly key: string;
  readonly value: string;
}

export interface CompanyRecord {
  readonly id: number;
  readonly name: string;
  readonly country: string;
  readonly province: string;
  readonly city: string;
  readonly address: string;
  readonly phone: string;
  /** TYDMZ (unified social credit code, needed by CFCA) or OTHERS; '' when the company gave none. */
  readonly idType: 'TYDMZ' | 'OTHERS' | '';
  readonly idNumber: string;
  readonly tags: readonly Tag[];
}

export interface ManagerContact {
  readonly firstName: string;
  readonly lastName: string;
  readonly position: string;
  readonly phone: string;
  readonly mail: string;
}

export interface ManagerReview {
  readonly submittedAt: number;
  readonly verdict: ReviewVerdict;
}

export interface ManagerVerification {
  readonly verifiedAt: number;
  readonly expiresAt: number;
}

/** What a new manager is made of. Its lifecycle comes from `review` (the latest submission) and the clock. */
export interface ManagerInput {
  readonly id: number;
  readonly companyId: number;
  /** 名 (given name). */
  readonly firstName: string;
  /** 姓 (family name). */
  readonly lastName: string;
  readonly position: string;
  readonly phone: string;
  readonly mail: string;
  readonly department: string;
  readonly contact: ManagerContact;
  readonly validationTypes: readonly ValidationType[];
  /** Domains pre-audited together with the manager (listed once the manager is verified). */
  readonly preAuditDomains: readonly string[];
  readonly tags: readonly Tag[];
  readonly createdAt: number;
  readonly review: ManagerReview | null;
}

/** A manager as seen at one instant: the lifecycle fields are derived from the clock. */
export interface ManagerRecord extends ManagerInput {
  readonly status: ManagerStatus;
  /** The verification currently in force (the latest approved review), if any. */
  readonly verification: ManagerVerification | null;
  readonly certificateIds: readonly string[];
  /** Distinct domains: the pre-audited ones plus those of the linked certificates. */
  readonly domainCount: number;
}

export interface PackageTransferOut {
  readonly transferCode: string;
  readonly count: number;
  readonly receivePackageId: string;
  readonly receiverUin: number;
  /** Undocumented upstream vocabulary; the doc's example shows `refund`. */
  readonly status: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly receivedAt: number;
  readonly expiresAt: number;
}

export interface PackageUsage {
  readonly certId: string;
  readonly points: number;
  readonly at: number;
}

export interface PackageInput {
  readonly id: string;
  readonly type: PackageType;
  /** Sub-product number (the DescribePackages `Pid` filter). */
  readonly pid: number;
  readonly total: number;
  readonly balance: number;
  readonly sourceType: 'buy' | 'transferIn';
  /** The account the points came from, for transferred-in packages. */
  readonly sourceUin: number | null;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly refunded: boolean;
  readonly transferOuts: readonly PackageTransferOut[];
}

export interface PackageRecord extends PackageInput {
  readonly status: PackageStatus;
  readonly updatedAt: number;
  /** Points spent through the emulator, in order (what each deduction paid for). */
  readonly usages: readonly PackageUsage[];
}

interface StoredManager {
  readonly input: ManagerInput;
  review: ManagerReview | null;
  /** The verification earned by a review that was since superseded by a new submission. */
  earlierVerification: ManagerVerification | null;
  readonly certificateIds: Set<string>;
  readonly certificateDomains: Set<string>;
}

interface StoredPackage {
  readonly input: PackageInput;
  balance: number;
  updatedAt: number;
  readonly usages: PackageUsage[];
}

interface ManagerLifecycle {
  readonly status: ManagerStatus;
  readonly verification: ManagerVerification | null;
}

function verificationOf(review: ManagerReview): ManagerVerification {
  const verifiedAt = review.submittedAt + MANAGER_AUDIT_MS + MANAGER_CA_AUDIT_MS;
  return { verifiedAt, expiresAt: verifiedAt + MANAGER_VERIFICATION_VALIDITY_MS };
}

/** The review timeline: audit (TrustAsia) → CAaudit → ok, or → invalid when TrustAsia rejects it. */
function lifecycleAt(stored: StoredManager, now: number): ManagerLifecycle {
  const { review, earlierVerification } = stored;
  if (review === null) return { status: 'none', verification: null };
  const auditEndsAt = review.submittedAt + MANAGER_AUDIT_MS;
  if (now < auditEndsAt) return { status: 'audit', verification: earlierVerification };
  if (review.verdict === 'reject') return { status: 'invalid', verification: earlierVerification };
  if (now < auditEndsAt + MANAGER_CA_AUDIT_MS)
    return { status: 'CAaudit', verification: earlierVerification };
  return validityAt(verificationOf(review), now);
}

function validityAt(verification: ManagerVerification, now: number): ManagerLifecycle {
  if (now >= verification.expiresAt) return { status: 'expired', verification };
  if (now >= verification.expiresAt - MANAGER_EXPIRING_WINDOW_MS) return { status: 'expiring', verification };
  return { status: 'ok', verification };
}

function packageStatusAt(stored: StoredPackage, now: number): PackageStatus {
  if (stored.input.refunded) return 'refund';
  if (stored.balance === 0) return 'used';
  if (now >= stored.input.expiresAt) return 'expired';
  return 'usable';
}

/**
 * Companies, their managers (applicant contacts for OV/EV orders) and the account's benefit packages.
 * Manager and package states are derived from the clock when read. Cross-domain callers (the certificates
 * domain) use the clock EmulatorState attached; handlers may pass `now` explicitly.
 */
export class AccountStore {
  readonly #companies = new Map<number, CompanyRecord>();
  readonly #managers = new Map<number, StoredManager>();
  readonly #packages = new Map<string, StoredPackage>();
  #clock: EmulatorClock | undefined;

  attachClock(clock: EmulatorClock): void {
    this.#clock = clock;
  }

  #now(): number {
    if (!this.#clock)
      throw new Error('AccountStore has no clock: call attachClock (EmulatorState does) first');
    return this.#clock.now();
  }

  // ---- companies ----

  addCompany(company: CompanyRecord): void {
    if (this.#companies.has(company.id)) throw new Error(`company ${company.id} already exists`);
    this.#companies.set(company.id, { ...company, tags: [...company.tags] });
  }

  getCompany(id: number): CompanyRecord | undefined {
    return this.#companies.get(id);
  }

  /** Every company, by ascending id. */
  listCompanies(): CompanyRecord[] {
    return [...this.#companies.values()].sort((a, b) => a.id - b.id);
  }

  // ---- managers ----

  addManager(manager: ManagerInput): void {
    if (this.#managers.has(manager.id)) throw new Error(`manager ${manager.id} already exists`);
    if (!this.#companies.has(manager.companyId)) {
      throw new Error(`manager ${manager.id} belongs to unknown company ${manager.companyId}`);
    }
    this.#managers.set(manager.id, {
      input: manager,
      review: manager.review,
      earlierVerification: null,
      certificateIds: new Set(),
      certificateDomains: new Set(),
    });
  }

  getManager(id: number, now?: number): ManagerRecord | undefined {
    const stored = this.#managers.get(id);
    return stored && this.#snapshot(stored, now ?? this.#now());
  }

  /** Every manager, by ascending id. */
  listManagers(now: number = this.#now()): ManagerRecord[] {
    return [...this.#managers.values()]
      .map((stored) => this.#snapshot(stored, now))
      .sort((a, b) => a.id - b.id);
  }

  /** Records that a certificate was ordered with this manager (counted in CertCount; blocks DeleteManager). */
  linkCertificate(managerId: number, certId: string, domains: readonly string[]): void {
    const stored = this.#requireManager(managerId);
    stored.certificateIds.add(certId);
    for (const domain of domains) stored.certificateDomains.add(domain);
  }

  /**
   * DeleteManager's rules: a manager whose information is with a reviewer cannot be withdrawn, and one that
   * certificates were ordered with must stay for them.
   */
  deleteManager(id: number, now: number = this.#now()): void {
    const stored = this.#requireManager(id);
    const { status } = lifecycleAt(stored, now);
    if (status === 'audit' || status === 'CAaudit') {
      throw new EmulatorError(
        'FailedOperation.ManagerCanNotDeleteCa',
        `管理人信息已提交CA，不可以删除 (manager ${id} is under review: ${status}).`,
      );
    }
    if (stored.certificateIds.size > 0) {
      throw new EmulatorError(
        'FailedOperation.ManagerCanNotDeleteCert',
        `管理人信息已关联证书，不可以删除 (manager ${id} is linked to ${stored.certificateIds.size} certificate(s)).`,
      );
    }
    this.#managers.delete(id);
  }

  /** SubmitAuditManager: (re)submits a manager that was never submitted or whose review failed. */
  submitAudit(id: number, now: number = this.#now()): void {
    const stored = this.#requireManager(id);
    const { status } = lifecycleAt(stored, now);
    if (status !== 'none' && status !== 'invalid') {
      throw new EmulatorError(
        'FailedOperation.IllegalManagerStatus',
        `公司管理人状态错误: manager ${id} is ${status}; only none or invalid managers can be submitted for review.`,
      );
    }
    this.#startReview(stored, now);
  }

  /** VerifyManager: re-verifies a manager whose verification is expiring or expired. */
  reverify(id: number, now: number = this.#now()): void {
    const stored = this.#requireManager(id);
    const { status } = lifecycleAt(stored, now);
    if (status !== 'expiring' && status !== 'expired') {
      throw new EmulatorError(
        'InvalidParameterValue',
        `Manager ${id} is ${status}; only expiring or expired managers can be re-verified.`,
      );
    }
    this.#startReview(stored, now);
  }

  #startReview(stored: StoredManager, now: number): void {
    // The verification earned by the review being superseded stays in force until it expires.
    stored.earlierVerification = lifecycleAt(stored, now).verification;
    stored.review = { submittedAt: now, verdict: 'approve' };
  }

  #requireManager(id: number): StoredManager {
    const stored = this.#managers.get(id);
    if (!stored) throw new EmulatorError('ResourceNotFound.Manager', `公司管理人不存在 (manager ${id}).`);
    return stored;
  }

  #snapshot(stored: StoredManager, now: number): ManagerRecord {
    const { status, verification } = lifecycleAt(stored, now);
    const domains = new Set([...stored.input.preAuditDomains, ...stored.certificateDomains]);
    return {
      ...stored.input,
      review: stored.review,
      status,
      verification,
      certificateIds: [...stored.certificateIds],
      domainCount: domains.size,
    };
  }

  // ---- packages ----

  addPackage(input: PackageInput): void {
    if (this.#packages.has(input.id)) throw new Error(`package ${input.id} already exists`);
    if (!Number.isInteger(input.balance) || input.balance < 0 || input.balance > input.total) {
      throw new RangeError(`package ${input.id}: balance must be an integer within 0..total`);
    }
    const lastTransferAt = Math.max(input.createdAt, ...input.transferOuts.map((t) => t.updatedAt));
    this.#packages.set(input.id, { input, balance: input.balance, updatedAt: lastTransferAt, usages: [] });
  }

  getPackage(id: string, now?: number): PackageRecord | undefined {
    const stored = this.#packages.get(id);
    return stored && packageSnapshot(stored, now ?? this.#now());
  }

  /** Every package, in the order they were added. */
  listPackages(now: number = this.#now()): PackageRecord[] {
    return [...this.#packages.values()].map((stored) => packageSnapshot(stored, now));
  }

  /**
   * Spends `points` across `packageIds`, draining each package in the given order before the next, for
   * the certificate `certId`. All-or-nothing: nothing is deducted when any check fails. The codes are
   * CreateCertificateByPackage's (its only caller): a list naming a package that is unknown, expired or
   * refunded is `InvalidParameter.PackageIdsInvalid` (「权益点ID列表无效」); too few points left is the billing
   * refusal it documents, `FailedOperation.TradeError` (the ApplyCertificate-only PackageNotFound,
   * PackageExpired and PackageCountLimit are not in its list).
   */
  usePackages(packageIds: string[], points: number, certId: string, now: number = this.#now()): void {
    if (!Number.isInteger(points) || points <= 0) throw new RangeError('points must be a positive integer');
    const invalidList = (reason: string) =>
      new EmulatorError('InvalidParameter.PackageIdsInvalid', `权益点ID列表无效: ${reason}`);
    if (packageIds.length === 0 || new Set(packageIds).size !== packageIds.length) {
      throw invalidList('PackageIds must list at least one package, each once.');
    }
    const packages = packageIds.map((id) => {
      const stored = this.#packages.get(id);
      if (!stored) throw invalidList(`权益包不存在 (package ${id}).`);
      return stored;
    });
    for (const stored of packages) {
      const status = packageStatusAt(stored, now);
      if (status === 'expired') throw invalidList(`权益包已过期 (package ${stored.input.id}).`);
      if (status === 'refund') {
        throw invalidList(`package ${stored.input.id} was refunded and can no longer be used.`);
      }
    }
    const available = packages.reduce((sum, stored) => sum + stored.balance, 0);
    if (available < points) {
      throw new EmulatorError(
        'FailedOperation.TradeError',
        `剩余权益点不足: ${points} points needed, ${available} left in the given packages.`,
      );
    }
    let remaining = points;
    for (const stored of packages) {
      if (remaining === 0) break;
      const taken = Math.min(stored.balance, remaining);
      if (taken === 0) continue;
      stored.balance -= taken;
      stored.updatedAt = now;
      stored.usages.push({ certId, points: taken, at: now });
      remaining -= taken;
    }
  }
}

function packageSnapshot(stored: StoredPackage, now: number): PackageRecord {
  return {
    ...stored.input,
    balance: stored.balance,
    status: packageStatusAt(stored, now),
    updatedAt: stored.updatedAt,
    usages: [...stored.usages],
  };
}
