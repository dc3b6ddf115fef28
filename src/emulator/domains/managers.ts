// Companies and their managers (the applicant contacts of OV/EV orders): DescribeCompanies, DescribeManagers,
// DescribeManagerDetail, DeleteManager, SubmitAuditManager, VerifyManager.
import type {
  CompanyInfo,
  DescribeManagerDetailResponse,
  ManagerInfo,
  ManagerStatusInfo,
  Tags,
} from '../../ssl/models.generated.ts';
import { formatBeijingTime } from '../clock.ts';
import { EmulatorError, type HandlerTable } from '../handler.ts';
import {
  type CompanyRecord,
  MANAGER_STATUSES,
  type ManagerRecord,
  type ManagerStatus,
  type Tag,
} from '../store/accounts.ts';

const DESCRIBE_MANAGERS_DEFAULT_LIMIT = 10;
/** DescribeCompanies' documented maximum page size, also what an absent/0 Limit yields (see below). */
const DESCRIBE_COMPANIES_MAX_LIMIT = 1000;

/** ManagerStatusInfo.Status per manager status: `pending` while TrustAsia reviews, `submitted` once at the CA. */
const STATUS_INFO_STATUS: Record<Exclude<ManagerStatus, 'none'>, string> = {
  audit: 'pending',
  CAaudit: 'submitted',
  ok: 'completed',
  invalid: 'invalid',
  expiring: 'expiring',
  expired: 'expired',
};

function requireNonNegative(name: string, value: number | undefined, code: string): number {
  if (value === undefined) return 0;
  if (!Number.isInteger(value) || value < 0)
    throw new EmulatorError(code, `${name} must be a non-negative integer.`);
  return value;
}

function presentTags(tags: readonly Tag[]): Tags[] {
  return tags.map((tag) => ({ TagKey: tag.key, TagValue: tag.value }));
}

export function presentCompany(company: CompanyRecord): CompanyInfo {
  return {
    CompanyName: company.name,
    CompanyId: company.id,
    CompanyCountry: company.country,
    CompanyProvince: company.province,
    CompanyCity: company.city,
    CompanyAddress: company.address,
    CompanyPhone: company.phone,
    IdType: company.idType,
    IdNumber: company.idNumber,
    Tags: presentTags(company.tags),
  };
}

/**
 * One entry per validation type the manager applies for, from its first submission on. Values the upstream
 * has no meaningful content for yet (the expiry of a never-approved manager) are '' as in its own examples
 * (DescribeCompanies' `"IdType": ""`), since the fields are not nullable.
 */
function presentStatusInfo(manager: ManagerRecord): ManagerStatusInfo[] {
  const { status, review, verification } = manager;
  if (status === 'none' || review === null) return [];
  const expireTime = verification ? formatBeijingTime(verification.expiresAt) : '';
  const preAuditDomains = verification
    ? manager.preAuditDomains.map((domain) => ({
        Domain: domain,
        CreateTime: formatBeijingTime(verification.verifiedAt),
        ExpireTime: formatBeijingTime(verification.expiresAt),
      }))
    : [];
  return manager.validationTypes.map((type) => ({
    Type: type,
    Status: STATUS_INFO_STATUS[status],
    CreateTime: formatBeijingTime(review.submittedAt),
    ExpireTime: expireTime,
    ManagerPreAuditDomains: preAuditDomains,
  }));
}

function presentManager(manager: ManagerRecord): ManagerInfo {
  const statusInfo = presentStatusInfo(manager);
  return {
    Status: manager.status,
    ManagerFirstName: manager.firstName,
    ManagerLastName: manager.lastName,
    ManagerPosition: manager.position,
    ManagerPhone: manager.phone,
    ManagerMail: manager.mail,
    ManagerDepartment: manager.department,
    CreateTime: formatBeijingTime(manager.createdAt),
    DomainCount: manager.domainCount,
    CertCount: manager.certificateIds.length,
    ManagerId: manager.id,
    ExpireTime: manager.verification ? formatBeijingTime(manager.verification.expiresAt) : null,
    SubmitAuditTime: manager.review ? formatBeijingTime(manager.review.submittedAt) : null,
    VerifyTime: manager.verification ? formatBeijingTime(manager.verification.verifiedAt) : null,
    StatusInfo: statusInfo.length > 0 ? statusInfo : null,
    Tags: presentTags(manager.tags),
  };
}

/**
 * SearchKey is documented as an exact match on "lastName|firstName|email|department" (empty parts match
 * anything); the doc's own example sends a bare "luke", so a key without `|` matches any one of the four.
 */
function matchesSearchKey(manager: ManagerRecord, searchKey: string): boolean {
  const fields = [manager.lastName, manager.firstName, manager.mail, manager.department];
  if (!searchKey.includes('|')) return fields.includes(searchKey);
  const parts = searchKey.split('|');
  return parts.every((part, index) => part === '' || fields[index] === part);
}

/** The deprecated ManagerName: a fuzzy match on the name as written either way (李明华 / Emily Carter). */
function matchesManagerName(manager: ManagerRecord, name: string): boolean {
  const needle = name.toLowerCase();
  const spellings = [`${manager.lastName}${manager.firstName}`, `${manager.firstName} ${manager.lastName}`];
  return spellings.some((spelling) => spelling.toLowerCase().includes(needle));
}

function isManagerStatus(value: string): value is ManagerStatus {
  return (MANAGER_STATUSES as readonly string[]).includes(value);
}

/** The DescribeManagerDetail output plus its deprecated `Status`, which the upstream still returns. */
type ManagerDetail = Omit<DescribeManagerDetailResponse, 'RequestId'> & { Status: string };

export const managerHandlers: HandlerTable = {
  DescribeCompanies(params, ctx) {
    const accounts = ctx.state.accounts;
    const offset = requireNonNegative('Offset', params.Offset, 'InvalidParameterValue');
    // The doc gives Limit a default of 0 ("默认值为0，最大值1000"), and its own example sends `{}` and gets the
    // company back, so 0 cannot mean an empty page: an absent or 0 Limit means "no page size", i.e. the
    // documented maximum of 1000.
    const requestedLimit = requireNonNegative('Limit', params.Limit, 'InvalidParameterValue');
    const limit = requestedLimit === 0 ? DESCRIBE_COMPANIES_MAX_LIMIT : requestedLimit;
    const companies = accounts
      .listCompanies()
      .filter((company) => params.CompanyId === undefined || company.id === params.CompanyId);
    return {
      Companies: companies.slice(offset, offset + limit).map(presentCompany),
      TotalCount: companies.length,
    };
  },

  DescribeManagers(params, ctx) {
    const accounts = ctx.state.accounts;
    const offset = requireNonNegative('Offset', params.Offset, 'InvalidParameterValue');
    const limit =
      params.Limit === undefined
        ? DESCRIBE_MANAGERS_DEFAULT_LIMIT
        : requireNonNegative('Limit', params.Limit, 'InvalidParameterValue');
    const { Status: status, ManagerName: name, ManagerMail: mail, SearchKey: searchKey } = params;
    if (status !== undefined && status !== '' && !isManagerStatus(status)) {
      throw new EmulatorError(
        'FailedOperation.InvalidParam',
        `Status must be one of ${MANAGER_STATUSES.join(', ')}; got "${status}".`,
      );
    }
    const managers = accounts
      .listManagers(ctx.clock.now())
      .filter((manager) => manager.companyId === params.CompanyId)
      .filter((manager) => !status || manager.status === status)
      .filter((manager) => !name || matchesManagerName(manager, name))
      .filter((manager) => !mail || manager.mail.toLowerCase().includes(mail.toLowerCase()))
      .filter((manager) => !searchKey || matchesSearchKey(manager, searchKey));
    return {
      Managers: managers.slice(offset, offset + limit).map(presentManager),
      TotalCount: managers.length,
    };
  },

  // The deprecated Limit/Offset inputs select nothing on a single manager: they are accepted and ignored.
  DescribeManagerDetail(params, ctx) {
    const accounts = ctx.state.accounts;
    const manager = accounts.getManager(params.ManagerId, ctx.clock.now());
    if (!manager) {
      throw new EmulatorError('ResourceNotFound.Manager', `公司管理人不存在 (manager ${params.ManagerId}).`);
    }
    const company = accounts.getCompany(manager.companyId);
    if (!company) throw new Error(`manager ${manager.id} belongs to missing company ${manager.companyId}`);
    const detail: ManagerDetail = {
      Status: manager.status,
      ManagerFirstName: manager.firstName,
      ManagerMail: manager.mail,
      ContactFirstName: manager.contact.firstName,
      ManagerLastName: manager.lastName,
      ContactPosition: manager.contact.position,
      ManagerPosition: manager.position,
      VerifyTime: manager.verification ? formatBeijingTime(manager.verification.verifiedAt) : null,
      CreateTime: formatBeijingTime(manager.createdAt),
      ExpireTime: manager.verification ? formatBeijingTime(manager.verification.expiresAt) : null,
      ContactLastName: manager.contact.lastName,
      ManagerPhone: manager.phone,
      ContactPhone: manager.contact.phone,
      ContactMail: manager.contact.mail,
      ManagerDepartment: manager.department,
      CompanyInfo: presentCompany(company),
      CompanyId: company.id,
      ManagerId: manager.id,
      StatusInfo: presentStatusInfo(manager),
    };
    return detail;
  },

  DeleteManager(params, ctx) {
    ctx.state.accounts.deleteManager(params.ManagerId, ctx.clock.now());
    return { ManagerId: params.ManagerId };
  },

  SubmitAuditManager(params, ctx) {
    ctx.state.accounts.submitAudit(params.ManagerId, ctx.clock.now());
    return { ManagerId: params.ManagerId };
  },

  VerifyManager(params, ctx) {
    ctx.state.accounts.reverify(params.ManagerId, ctx.clock.now());
    return { ManagerId: params.ManagerId };
  },
};
