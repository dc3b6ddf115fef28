// Filling in a paid order's information (applicant, domains, CSR) and submitting the order to the CA.
import type { SslRequest } from '../../ssl/actions.ts';
import type { SubmittedData } from '../../ssl/models.generated.ts';
import { EmulatorError, type HandlerContext, type HandlerTable } from '../handler.ts';
import { parseCertificateSigningRequest } from '../pki/x509.ts';
import type { CompanyRecord } from '../store/accounts.ts';
import type { CertificateRecord } from '../store/certificates.ts';
import { isValidDomain, keyChoice, prepareKeyMaterial, requireVerifyType } from './certificate-lifecycle.ts';
import { logOperation, submitOrder } from './certificate-support.ts';

function emptySubmittedData(): SubmittedData {
  return {
    CsrType: null,
    CsrContent: null,
    CertificateDomain: null,
    DomainList: null,
    KeyPassword: null,
    OrganizationName: null,
    OrganizationDivision: null,
    OrganizationAddress: null,
    OrganizationCountry: null,
    OrganizationCity: null,
    OrganizationRegion: null,
    PostalCode: null,
    PhoneAreaCode: null,
    PhoneNumber: null,
    AdminFirstName: null,
    AdminLastName: null,
    AdminPhoneNum: null,
    AdminEmail: null,
    AdminPosition: null,
    ContactFirstName: null,
    ContactLastName: null,
    ContactNumber: null,
    ContactEmail: null,
    ContactPosition: null,
    VerifyType: null,
  };
}

/**
 * Takes a CSR submitted with an order's information ("parse" mode): its common name must be the order's
 * domain, and its public key becomes the pending key. `names` are the request's parameter names.
 */
function adoptSubmittedCsr(
  record: CertificateRecord,
  csrPem: string | undefined,
  domain: string,
  names: { csr: string; domain: string },
): ReturnType<typeof parseCertificateSigningRequest> {
  let csr: ReturnType<typeof parseCertificateSigningRequest>;
  try {
    csr = parseCertificateSigningRequest(csrPem ?? '');
  } catch {
    throw new EmulatorError(
      'FailedOperation.InvalidParam',
      `${names.csr} is not a valid certificate request.`,
    );
  }
  if (csr.commonName?.toLowerCase() !== domain) {
    throw new EmulatorError(
      'FailedOperation.InvalidParam',
      `${names.domain} must equal the CSR common name.`,
    );
  }
  record.pendingKey = {
    publicKeyPem: csr.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: null,
  };
  record.csrPem = csrPem ?? null;
  return csr;
}

/** Applicant data pre-filled from a manager (and its company), as the console does. */
function submittedFromManager(ctx: HandlerContext, managerId: number): Partial<SubmittedData> {
  const manager = ctx.state.accounts.getManager(managerId, ctx.clock.now());
  if (!manager)
    throw new EmulatorError('FailedOperation.InvalidParam', `Manager ${managerId} does not exist.`);
  const company = ctx.state.accounts.getCompany(manager.companyId);
  return {
    OrganizationName: company?.name ?? null,
    OrganizationDivision: manager.department,
    OrganizationAddress: company?.address ?? null,
    OrganizationCountry: company?.country ?? null,
    OrganizationCity: company?.city ?? null,
    OrganizationRegion: company?.province ?? null,
    PhoneNumber: company?.phone ?? null,
    AdminFirstName: manager.firstName,
    AdminLastName: manager.lastName,
    AdminPhoneNum: manager.phone,
    AdminEmail: manager.mail,
    AdminPosition: manager.position,
    ContactFirstName: manager.contact.firstName,
    ContactLastName: manager.contact.lastName,
    ContactNumber: manager.contact.phone,
    ContactEmail: manager.contact.mail,
    ContactPosition: manager.contact.position,
  };
}

type InfoSubmitParams = SslRequest<'CertificateInfoSubmit'>;

/** The Org* parameters: "若没有传CompanyId或者ManagerId，则此字段必传" (required unless a company or manager is named). */
const ORGANISATION_PARAMETERS = [
  'OrgOrganization',
  'OrgDivision',
  'OrgAddress',
  'OrgCountry',
  'OrgCity',
  'OrgRegion',
  'OrgPhoneArea',
  'OrgPhoneNumber',
] as const satisfies ReadonlyArray<keyof InfoSubmitParams>;

/** The Admin* and Tech* parameters "若没有传ManagerId，则此字段必传" (TechEmail is optional). */
const CONTACT_PARAMETERS = [
  'AdminFirstName',
  'AdminLastName',
  'AdminPhone',
  'AdminEmail',
  'AdminTitle',
  'TechFirstName',
  'TechLastName',
  'TechPhone',
  'TechTitle',
] as const satisfies ReadonlyArray<keyof InfoSubmitParams>;

/**
 * A company applicant (CompanyType 2) names its organisation unless a company or manager stands for it, and its
 * administrator and technical contact unless a manager does; an individual (1, DV only) may leave all of them out.
 * The message starts with the parameter to fill in.
 */
function requireApplicant(params: InfoSubmitParams, hasCompany: boolean, hasManager: boolean): void {
  if (params.CompanyType === 1) return;
  const required = [
    ...(hasCompany || hasManager ? [] : ORGANISATION_PARAMETERS),
    ...(hasManager ? [] : CONTACT_PARAMETERS),
  ];
  const missing = required.find((name) => !params[name]?.trim());
  if (missing === undefined) return;
  const standIn = ORGANISATION_PARAMETERS.some((name) => name === missing)
    ? 'neither CompanyId nor ManagerId'
    : 'no ManagerId';
  throw new EmulatorError(
    'FailedOperation.InvalidParam',
    `${missing} is required of a company applicant (CompanyType 2) with ${standIn}.`,
  );
}

/** How an action names its domain parameters and which code it answers a domain that does not fit with. */
export interface DomainParameterNames {
  commonName: string;
  others: string;
  /** The code for a malformed domain or a wildcard the product does not take. */
  domainCode: string;
}

/** CertificateInfoSubmit's names: CertCommonName, DnsNames, and its own domain error. */
export const INFO_SUBMIT_DOMAIN_NAMES: DomainParameterNames = {
  commonName: 'CertCommonName',
  others: 'DnsNames',
  domainCode: 'FailedOperation.CertificateInfoSubmitDomainInvalid',
};

/** Every domain must be well formed (the message quotes it). */
export function requireWellFormedDomains(domains: readonly string[], names: DomainParameterNames): void {
  for (const name of domains) {
    if (!isValidDomain(name)) throw new EmulatorError(names.domainCode, `域名 ${name} 格式不正确。`);
  }
}

/**
 * Wildcards only on wildcard products (domain types 3 and 4), and a single-wildcard product's (3) common name is
 * one. Also used for the domains CreateCertificateByPackage pre-fills.
 */
export function requireWildcardsFitProduct(
  domainType: number,
  domain: string,
  others: readonly string[],
  names: DomainParameterNames,
): void {
  const wildcardProduct = domainType === 3 || domainType === 4;
  const wildcard = [domain, ...others].find((name) => name.startsWith('*.'));
  if (wildcard !== undefined && !wildcardProduct) {
    throw new EmulatorError(names.domainCode, `域名 ${wildcard} 是通配符域名，所购证书不支持通配符域名。`);
  }
  if (domainType === 3 && !domain.startsWith('*.')) {
    throw new EmulatorError(
      names.domainCode,
      `域名 ${domain} 不是通配符域名，通配符证书的通用名称须为通配符域名。`,
    );
  }
}

/**
 * The domains must fit the product bought: wildcards only on wildcard products (whose common name is one), other
 * domains required of multi-domain products, and no more domains in all than the order's DomainNum.
 */
export function requireDomainsFitOrder(
  record: CertificateRecord,
  domain: string,
  others: readonly string[],
  names: DomainParameterNames = INFO_SUBMIT_DOMAIN_NAMES,
): void {
  requireWildcardsFitProduct(record.domainType, domain, others, names);
  const count = new Set([domain, ...others]).size;
  const multiDomain = record.domainType === 2 || record.domainType === 4;
  if (multiDomain && count < 2) {
    throw new EmulatorError(
      'FailedOperation.InvalidParam',
      `${names.others} is required for a multi-domain certificate: the domains besides ${names.commonName}.`,
    );
  }
  if (count > record.domainNumber) {
    throw new EmulatorError(
      'FailedOperation.InvalidParam',
      `${names.others} with ${names.commonName} make ${count} domains, more than the ${record.domainNumber} bought.`,
    );
  }
}

/** SubmitCertificateInformation's names; it documents no domain-specific code, so a bad domain is InvalidParam. */
const LEGACY_SUBMIT_DOMAIN_NAMES: DomainParameterNames = {
  commonName: 'CertificateDomain',
  others: 'DomainList',
  domainCode: 'FailedOperation.InvalidParam',
};

/** The documented values of CertificateInfoSubmit's enumerated parameters ('' and absent mean none). */
const INFO_SUBMIT_VALUES = {
  CompanyType: [1, 2],
  AutoRenewFlag: [0, 1],
  OrgIdType: ['TYDMZ', 'OTHERS'],
  AdminIdType: ['SFZ', 'HZ'],
  TechIdType: ['SFZ', 'HZ'],
} as const satisfies { [Name in keyof InfoSubmitParams]?: ReadonlyArray<InfoSubmitParams[Name]> };

function requireDocumentedInfoValues(params: InfoSubmitParams): void {
  for (const [name, values] of Object.entries(INFO_SUBMIT_VALUES)) {
    const value = params[name as keyof typeof INFO_SUBMIT_VALUES];
    if (value === undefined || value === '') continue;
    if (!(values as ReadonlyArray<unknown>).includes(value)) {
      throw new EmulatorError('FailedOperation.InvalidParam', `${name} is one of ${values.join(', ')}.`);
    }
  }
}

/** The company CompanyId names: it stands for the Org* fields the applicant leaves out. */
function requireCompany(ctx: HandlerContext, companyId: string): CompanyRecord {
  const id = Number(companyId);
  // An ID beyond 2^53 would round to another company's: it names none.
  const company = Number.isSafeInteger(id) ? ctx.state.accounts.getCompany(id) : undefined;
  if (!company)
    throw new EmulatorError('FailedOperation.InvalidParam', `CompanyId ${companyId} does not exist.`);
  return company;
}

function requirePaidOrder(ctx: HandlerContext, id: string): CertificateRecord {
  const record = ctx.state.certificates.require(id);
  if (!record.isVip)
    throw new EmulatorError('FailedOperation.InvalidCertificateStatusCode', '仅付费证书支持该操作。');
  return record;
}

export const certificateInformationHandlers: HandlerTable = {
  async CertificateInfoSubmit(params, ctx) {
    const record = requirePaidOrder(ctx, params.CertId);
    if (record.status !== 5 && record.status !== 13) {
      throw new EmulatorError(
        'FailedOperation.CertificateInfoSubmitStatusInvalid',
        '证书状态不允许提交资料。',
      );
    }
    if (record.from === 'upload') {
      throw new EmulatorError(
        'FailedOperation.CertificateSubmitHostingCertError',
        '上传证书的托管续费证书不能手动提交。',
      );
    }
    requireDocumentedInfoValues(params);
    const domain = params.CertCommonName.trim().toLowerCase();
    const others = (params.DnsNames ?? []).map((name) => name.trim().toLowerCase());
    requireWellFormedDomains([domain, ...others], INFO_SUBMIT_DOMAIN_NAMES);
    requireDomainsFitOrder(record, domain, others);
    if (params.CompanyType === 1 && !params.ContactEmail) {
      throw new EmulatorError('FailedOperation.CertificateInfoSubmitContactEmailEmpty', '邮箱不能为空。');
    }
    if (params.CompanyType === 1 && record.certType !== 'DV') {
      throw new EmulatorError(
        'FailedOperation.InvalidParam',
        'Individuals (CompanyType 1) may only order DV certificates.',
      );
    }
    const managerId = params.ManagerId && params.ManagerId !== '0' ? Number(params.ManagerId) : null;
    const namesCompany = Boolean(params.CompanyId) && params.CompanyId !== '0';
    requireApplicant(params, namesCompany, managerId !== null);
    const fromManager = managerId === null ? {} : submittedFromManager(ctx, managerId);
    const company = namesCompany ? requireCompany(ctx, params.CompanyId) : null;
    if (params.GenCsrType === 'parse') {
      const csr = adoptSubmittedCsr(record, params.Csr, domain, {
        csr: 'Csr',
        domain: 'CertCommonName',
      });
      record.encryptAlgorithm = csr.publicKey.asymmetricKeyType === 'rsa' ? 'RSA' : 'ECC';
    } else if (params.GenCsrType === 'online') {
      record.domain = domain;
      // 「当 CSR 生成方式为online的时候，此参数必填」, for CsrEncryptAlgo and CsrKeyParameter alike.
      if (!params.CsrEncryptAlgo || !params.CsrKeyParameter) {
        throw new EmulatorError(
          'FailedOperation.InvalidParam',
          'CsrEncryptAlgo and CsrKeyParameter are required when GenCsrType is online.',
        );
      }
      await prepareKeyMaterial(
        record,
        keyChoice(params.CsrEncryptAlgo, params.CsrKeyParameter, 'InvalidParameter.RenewAlgorithmInvalid', [
          'prime256v1',
        ]),
      );
    } else {
      throw new EmulatorError('FailedOperation.InvalidParam', 'GenCsrType is online or parse.');
    }
    record.domain = domain;
    record.subjectAltNames = [...new Set([domain, ...others])];
    record.companyType = params.CompanyType === 1 ? 1 : 2;
    record.managerId = managerId;
    record.companyId = company?.id ?? null;
    record.autoRenewFlag = params.AutoRenewFlag === 1 ? 1 : 0;
    record.keyPassword = params.KeyPass || record.keyPassword;
    record.verifyType = params.VerifyType ? requireVerifyType(params.VerifyType, null) : record.verifyType;
    record.submitted = {
      ...emptySubmittedData(),
      CsrType: params.GenCsrType,
      CsrContent: record.csrPem,
      CertificateDomain: domain,
      DomainList: others,
      OrganizationName: params.OrgOrganization ?? company?.name ?? null,
      OrganizationDivision: params.OrgDivision ?? null,
      OrganizationAddress: params.OrgAddress ?? company?.address ?? null,
      OrganizationCountry: params.OrgCountry ?? company?.country ?? null,
      OrganizationCity: params.OrgCity ?? company?.city ?? null,
      OrganizationRegion: params.OrgRegion ?? company?.province ?? null,
      PhoneAreaCode: params.OrgPhoneArea ?? null,
      PhoneNumber: params.OrgPhoneNumber ?? company?.phone ?? null,
      AdminFirstName: params.AdminFirstName ?? null,
      AdminLastName: params.AdminLastName ?? null,
      AdminPhoneNum: params.AdminPhone ?? null,
      AdminEmail: params.AdminEmail ?? null,
      AdminPosition: params.AdminTitle ?? null,
      ContactFirstName: params.TechFirstName ?? null,
      ContactLastName: params.TechLastName ?? null,
      ContactNumber: params.TechPhone ?? null,
      ContactEmail: params.TechEmail ?? params.ContactEmail ?? null,
      ContactPosition: params.TechTitle ?? null,
      ...fromManager,
      VerifyType: record.verifyType,
    };
    if (managerId !== null) ctx.state.accounts.linkCertificate(managerId, record.id, record.subjectAltNames);
    logOperation(ctx, record.id, 'submitInfo');
    return {};
  },

  CertificateOrderSubmit(params, ctx) {
    const record = requirePaidOrder(ctx, params.CertId);
    const audited = submitOrder(ctx, record, params.VerifyType);
    return { OrderId: record.orderId ?? '', Status: record.status, IsAudited: audited };
  },

  async SubmitCertificateInformation(params, ctx) {
    const record = requirePaidOrder(ctx, params.CertificateId);
    if (record.status !== 5 && record.status !== 13) {
      throw new EmulatorError('FailedOperation.InvalidCertificateStatusCode', '证书状态不允许提交资料。');
    }
    if (params.CsrType !== 'online' && params.CsrType !== 'parse') {
      // "CsrType … 此字段必传 … online … parse".
      throw new EmulatorError('FailedOperation.InvalidParam', 'CsrType is required: online or parse.');
    }
    const domain = (params.CertificateDomain ?? '').trim().toLowerCase();
    if (!isValidDomain(domain))
      throw new EmulatorError('FailedOperation.InvalidParam', 'Invalid CertificateDomain.');
    const others = (params.DomainList ?? []).map((name) => name.trim().toLowerCase());
    requireWellFormedDomains(others, LEGACY_SUBMIT_DOMAIN_NAMES);
    requireDomainsFitOrder(record, domain, others, LEGACY_SUBMIT_DOMAIN_NAMES);
    if (params.CsrType === 'parse') {
      adoptSubmittedCsr(record, params.CsrContent, domain, {
        csr: 'CsrContent',
        domain: 'CertificateDomain',
      });
    } else {
      record.domain = domain;
      await prepareKeyMaterial(record, { algorithm: 'RSA', parameter: '2048' });
    }
    record.domain = domain;
    record.subjectAltNames = [...new Set([domain, ...others])];
    record.verifyType = params.VerifyType ? requireVerifyType(params.VerifyType, null) : record.verifyType;
    record.keyPassword = params.KeyPassword || record.keyPassword;
    record.submitted = {
      ...emptySubmittedData(),
      CsrType: params.CsrType,
      CsrContent: record.csrPem,
      CertificateDomain: domain,
      DomainList: others,
      KeyPassword: params.KeyPassword ?? null,
      OrganizationName: params.OrganizationName ?? null,
      OrganizationDivision: params.OrganizationDivision ?? null,
      OrganizationAddress: params.OrganizationAddress ?? null,
      OrganizationCountry: params.OrganizationCountry ?? null,
      OrganizationCity: params.OrganizationCity ?? null,
      OrganizationRegion: params.OrganizationRegion ?? null,
      PostalCode: params.PostalCode ?? null,
      PhoneAreaCode: params.PhoneAreaCode ?? null,
      PhoneNumber: params.PhoneNumber ?? null,
      AdminFirstName: params.AdminFirstName ?? null,
      AdminLastName: params.AdminLastName ?? null,
      AdminPhoneNum: params.AdminPhoneNum ?? null,
      AdminEmail: params.AdminEmail ?? null,
      AdminPosition: params.AdminPosition ?? null,
      ContactFirstName: params.ContactFirstName ?? null,
      ContactLastName: params.ContactLastName ?? null,
      ContactNumber: params.ContactNumber ?? null,
      ContactEmail: params.ContactEmail ?? null,
      ContactPosition: params.ContactPosition ?? null,
      VerifyType: record.verifyType,
    };
    logOperation(ctx, record.id, 'submitInfo');
    return { CertificateId: record.id };
  },

  CommitCertificateInformation(params, ctx) {
    const record = requirePaidOrder(ctx, params.CertificateId);
    try {
      submitOrder(ctx, record, params.VerifyType);
    } catch (error) {
      if (
        error instanceof EmulatorError &&
        error.code === 'FailedOperation.CertificateInfoSubmitStatusInvalid'
      ) {
        throw new EmulatorError('FailedOperation.InvalidCertificateStatusCode', error.message);
      }
      throw error;
    }
    return { OrderId: record.orderId ?? '', Status: record.status };
  },
};
