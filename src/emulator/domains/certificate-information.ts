// Filling in a paid order's information (applicant, domains, CSR) and submitting the order to the CA.
import type { SubmittedData } from '../../ssl/models.generated.ts';
import { EmulatorError, type HandlerContext, type HandlerTable } from '../handler.ts';
import { parseCertificateSigningRequest } from '../pki/x509.ts';
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
    const domain = params.CertCommonName.trim().toLowerCase();
    const others = (params.DnsNames ?? []).map((name) => name.trim().toLowerCase());
    for (const name of [domain, ...others]) {
      if (!isValidDomain(name)) {
        throw new EmulatorError(
          'FailedOperation.CertificateInfoSubmitDomainInvalid',
          `域名 ${name} 格式不正确。`,
        );
      }
    }
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
    const fromManager = managerId === null ? {} : submittedFromManager(ctx, managerId);
    if (params.GenCsrType === 'parse') {
      const csr = adoptSubmittedCsr(record, params.Csr, domain, {
        csr: 'Csr',
        domain: 'CertCommonName',
      });
      record.encryptAlgorithm = csr.publicKey.asymmetricKeyType === 'rsa' ? 'RSA' : 'ECC';
    } else if (params.GenCsrType === 'online') {
      record.domain = domain;
      await prepareKeyMaterial(
        record,
        keyChoice(params.CsrEncryptAlgo, params.CsrKeyParameter, 'InvalidParameter.RenewAlgorithmInvalid'),
      );
    } else {
      throw new EmulatorError('FailedOperation.InvalidParam', 'GenCsrType is online or parse.');
    }
    record.domain = domain;
    record.subjectAltNames = [...new Set([domain, ...others])];
    record.companyType = params.CompanyType === 1 ? 1 : 2;
    record.managerId = managerId;
    record.companyId = params.CompanyId && params.CompanyId !== '0' ? Number(params.CompanyId) : null;
    record.autoRenewFlag = params.AutoRenewFlag === 1 ? 1 : 0;
    record.keyPassword = params.KeyPass || record.keyPassword;
    record.verifyType = params.VerifyType ? requireVerifyType(params.VerifyType, null) : record.verifyType;
    record.submitted = {
      ...emptySubmittedData(),
      CsrType: params.GenCsrType,
      CsrContent: record.csrPem,
      CertificateDomain: domain,
      DomainList: others,
      OrganizationName: params.OrgOrganization ?? null,
      OrganizationDivision: params.OrgDivision ?? null,
      OrganizationAddress: params.OrgAddress ?? null,
      OrganizationCountry: params.OrgCountry ?? null,
      OrganizationCity: params.OrgCity ?? null,
      OrganizationRegion: params.OrgRegion ?? null,
      PhoneAreaCode: params.OrgPhoneArea ?? null,
      PhoneNumber: params.OrgPhoneNumber ?? null,
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
    const domain = (params.CertificateDomain ?? '').trim().toLowerCase();
    if (!isValidDomain(domain))
      throw new EmulatorError('FailedOperation.InvalidParam', 'Invalid CertificateDomain.');
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
    record.subjectAltNames = [...new Set([domain, ...(params.DomainList ?? [])])];
    record.verifyType = params.VerifyType ? requireVerifyType(params.VerifyType, null) : record.verifyType;
    record.keyPassword = params.KeyPassword || record.keyPassword;
    record.submitted = {
      ...emptySubmittedData(),
      CsrType: params.CsrType ?? 'online',
      CsrContent: record.csrPem,
      CertificateDomain: domain,
      DomainList: params.DomainList ?? [],
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
