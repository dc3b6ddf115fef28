// Applying for, ordering, validating, cancelling, reissuing and revoking certificates.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import type { SubmittedData } from '../../ssl/models.generated.ts';
import { EmulatorError, type HandlerContext, type HandlerTable } from '../handler.ts';
import { parseCertificateSigningRequest } from '../pki/x509.ts';
import {
  FREE_PACKAGE_TYPE,
  PACKAGE_TYPE_NAMES,
  packageTypeForProductPid,
  packageTypeTraits,
} from '../store/certificate-products.ts';
import { type CertificateRecord, EXPIRING_WINDOW_MS, newCertificateRecord } from '../store/certificates.ts';
import {
  attachKeyMaterial,
  CANCEL_MS,
  dvAuthsFor,
  isValidDomain,
  keyChoice,
  ORGANISATION_REVIEW_MS,
  orderIdFor,
  prepareKeyMaterial,
  REVOKE_MS,
  requireVerifyType,
  startDomainValidation,
} from './certificate-lifecycle.ts';
import { certificateStore, logOperation } from './certificate-support.ts';

const PENDING_STATUSES = [0, 4];

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
  const record = certificateStore(ctx).require(id);
  if (!record.isVip)
    throw new EmulatorError('FailedOperation.InvalidCertificateStatusCode', '仅付费证书支持该操作。');
  return record;
}

/** Sends a paid order with submitted data to review: DV straight to validation, OV/EV via organisation review. */
function submitOrder(
  ctx: HandlerContext,
  record: CertificateRecord,
  verifyTypeInput: string | undefined,
): boolean {
  if (record.status === 0 || record.status === 4) {
    throw new EmulatorError('FailedOperation.CertificateOrderSubmitProcessing', '订单正在处理中，请稍候。');
  }
  if (record.status !== 5 || record.submitted === null || record.domain === '') {
    throw new EmulatorError('FailedOperation.CertificateInfoSubmitStatusInvalid', '证书状态不允许提交订单。');
  }
  const now = ctx.clock.now();
  const verifyType = requireVerifyType(verifyTypeInput, record.verifyType ?? 'DNS');
  record.orderId = orderIdFor(record);
  record.submitted.VerifyType = verifyType;
  startDomainValidation(record, verifyType, now);
  const manager =
    record.managerId === null ? undefined : ctx.state.accounts.getManager(record.managerId, now);
  const audited = manager?.status === 'ok';
  if (record.certType !== 'DV') {
    record.statusMsg = 'PRE-REVIEWING';
    if (audited) {
      record.schedule = { kind: 'issue', at: now + ORGANISATION_REVIEW_MS };
    } else {
      // Without a pre-audited manager the CA waits for the signed confirmation letter.
      record.status = 8;
      record.schedule = null;
    }
  }
  logOperation(ctx, record.id, 'submitInfo');
  return audited;
}

function decodeLetter(base64: string, small: string, large: string, format: string, wosign: boolean): void {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length < 1024) throw new EmulatorError(small, '文件过小，需大于1KB。');
  if (bytes.length > 1.4 * 1024 * 1024) throw new EmulatorError(large, '文件过大，需小于1.4MB。');
  const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  const isPng = bytes.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  const isPdf = bytes.subarray(0, 4).toString('latin1') === '%PDF';
  const isGif = bytes.subarray(0, 4).toString('latin1') === 'GIF8';
  const accepted = wosign ? isJpeg || isPdf || isGif : isJpeg || isPng || isPdf;
  if (!accepted) throw new EmulatorError(wosign ? `${format}Wosign` : format, '文件格式不正确。');
}

/** The CA found the validation records on demand: validation passed now, logged for the system. */
function passDomainValidation(ctx: HandlerContext, record: CertificateRecord, now: number): void {
  record.validationPassedTime = now;
  ctx.state.operationLogs.record({
    certId: record.id,
    type: 'domainValidationPassed',
    at: now,
    subAccountUin: '--',
  });
}

/**
 * The certificate an Upload*Letter action attaches `letter` to: never a DV one (it needs no letter), and
 * only in the `status` that awaits the letter.
 */
function requireLetterCertificate(
  ctx: HandlerContext,
  certId: string,
  letter: '确认函' | '吊销确认函',
  status: number,
): CertificateRecord {
  const record = certificateStore(ctx).require(certId);
  if (record.certType === 'DV') {
    throw new EmulatorError(
      'FailedOperation.UploadConfirmCertificateNotSupportDV',
      `DV证书无需上传${letter}。`,
    );
  }
  if (record.status !== status) {
    throw new EmulatorError('FailedOperation.InvalidCertificateStatusCode', `证书状态不允许上传${letter}。`);
  }
  return record;
}

export const certificateOrderHandlers: HandlerTable = {
  async ApplyCertificate(params, ctx) {
    const store = certificateStore(ctx);
    const now = ctx.clock.now();
    const verifyType = requireVerifyType(params.DvAuthMethod, null);
    const domain = params.DomainName.trim().toLowerCase();
    if (!isValidDomain(domain) || domain.startsWith('*.')) {
      throw new EmulatorError('FailedOperation.InvalidParam', `Invalid domain ${params.DomainName}.`);
    }
    if (params.PackageType !== undefined && params.PackageType !== FREE_PACKAGE_TYPE) {
      throw new EmulatorError(
        'FailedOperation.InvalidParam',
        'Only PackageType 83 (TrustAsia C1 DV Free) is supported.',
      );
    }
    if (params.ValidityPeriod !== undefined && params.ValidityPeriod !== '3') {
      throw new EmulatorError('FailedOperation.InvalidParam', 'ValidityPeriod only supports "3".');
    }
    if (params.ContactEmail !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(params.ContactEmail)) {
      throw new EmulatorError(
        'InvalidParameterValue.CertificateEmailParseInvalid',
        'Invalid e-mail address.',
      );
    }
    const algorithm = (params.CsrEncryptAlgo ?? 'RSA').toUpperCase();
    if (algorithm === 'ECC' && params.CsrKeyParameter !== 'prime256v1') {
      throw new EmulatorError(
        'FailedOperation.InvalidParam',
        'ECC free certificates need CsrKeyParameter prime256v1.',
      );
    }
    if (algorithm === 'RSA' && params.CsrKeyParameter !== undefined && params.CsrKeyParameter !== '2048') {
      throw new EmulatorError(
        'FailedOperation.InvalidParam',
        'RSA free certificates only support 2048 bits.',
      );
    }
    const choice = keyChoice(algorithm, params.CsrKeyParameter, 'FailedOperation.InvalidParam');
    let original: CertificateRecord | undefined;
    if (params.OldCertificateId) {
      original = store.require(params.OldCertificateId);
      const endsIn = (original.certEndTime ?? 0) - now;
      if (
        original.status !== 1 ||
        endsIn <= 0 ||
        endsIn > EXPIRING_WINDOW_MS ||
        original.renewalId !== null
      ) {
        throw new EmulatorError(
          'FailedOperation.InvalidCertificateStatusCode',
          '续期的证书须在30天内到期且未过期，且未被续期。',
        );
      }
    }
    const record = newCertificateRecord({
      id: store.nextId(),
      domain,
      insertTime: now,
      subjectAltNames: domain.startsWith('www.') ? [domain] : [domain, `www.${domain}`],
      packageType: FREE_PACKAGE_TYPE,
      projectId: params.ProjectId ?? 0,
      alias: params.Alias ?? '',
      validityMonths: 3,
      certType: 'DV',
      renewedFrom: original?.id ?? null,
    });
    // The free certificate covers the domain and its www. name, like the upstream's example.
    record.domainNumber = record.subjectAltNames.length;
    await prepareKeyMaterial(record, choice);
    record.orderId = orderIdFor(record);
    startDomainValidation(record, verifyType, now);
    store.insert(record);
    if (original) original.renewalId = record.id;
    logOperation(ctx, record.id, 'apply');
    return { CertificateId: record.id };
  },

  CreateCertificate(params, ctx) {
    const store = certificateStore(ctx);
    const packageType = String(params.ProductId);
    const traits = packageTypeTraits(packageType);
    if (!traits || packageType === FREE_PACKAGE_TYPE || packageType === '2') {
      throw new EmulatorError('InvalidParameterValue', `Unknown ProductId ${params.ProductId}.`);
    }
    const multi = traits.domainType === 2 || traits.domainType === 4;
    if (
      !Number.isInteger(params.DomainNum) ||
      params.DomainNum < 1 ||
      (multi ? params.DomainNum < 2 : params.DomainNum !== 1)
    ) {
      throw new EmulatorError('InvalidParameterValue', 'DomainNum does not fit the product.');
    }
    const noMultiYear =
      (PACKAGE_TYPE_NAMES[packageType] ?? '').includes('CFCA') && ['99', '100', '101'].includes(packageType);
    if (
      !Number.isInteger(params.TimeSpan) ||
      params.TimeSpan < 1 ||
      params.TimeSpan > 5 ||
      (noMultiYear && params.TimeSpan > 1)
    ) {
      throw new EmulatorError('InvalidParameterValue', 'TimeSpan does not fit the product.');
    }
    const record = newCertificateRecord({
      id: store.nextId(),
      domain: '',
      insertTime: ctx.clock.now(),
      subjectAltNames: [],
      status: 5,
      from: traits.from,
      packageType,
      isVip: true,
      isSm: traits.isSm,
      certType: traits.certType,
      domainType: traits.domainType,
      domainNumber: params.DomainNum,
      companyType: traits.certType === 'DV' ? 1 : 2,
      validityMonths: 12,
      totalPeriod: params.TimeSpan,
      tags: (params.Tags ?? []).map((tag) => ({ key: tag.TagKey, value: tag.TagValue })),
    });
    store.insert(record);
    logOperation(ctx, record.id, 'applyVIP');
    return {
      CertificateIds: [record.id],
      DealIds: [`20${String(record.insertTime).slice(-10)}${record.id}`],
    };
  },

  CreateCertificateByPackage(params, ctx) {
    const store = certificateStore(ctx);
    const packageType = packageTypeForProductPid(params.ProductPid);
    const traits = packageType === undefined ? undefined : packageTypeTraits(packageType);
    if (!packageType || !traits)
      throw new EmulatorError('InvalidParameter.ProductPidInvalid', 'Invalid ProductPid.');
    const domainCount = Number(params.DomainCount);
    const multi = traits.domainType === 2 || traits.domainType === 4;
    if (!Number.isInteger(domainCount) || domainCount < 1 || (!multi && domainCount !== 1)) {
      throw new EmulatorError('InvalidParameter.DomainCountInvalid', 'Invalid DomainCount.');
    }
    if (!Number.isInteger(params.Period) || params.Period < 1 || params.Period > 5) {
      throw new EmulatorError('InvalidParameter.PeriodInvalid', 'Invalid Period.');
    }
    const method = params.RenewGenCsrMethod;
    if (method !== undefined && !['original', 'upload', 'online'].includes(method)) {
      throw new EmulatorError(
        'InvalidParameter.RenewGenCsrMethodInvalid',
        'RenewGenCsrMethod is original, upload or online.',
      );
    }
    if (
      params.RenewAlgorithmType !== undefined &&
      !['RSA', 'ECC', 'SM2'].includes(params.RenewAlgorithmType)
    ) {
      throw new EmulatorError(
        'InvalidParameter.RenewAlgorithmInvalid',
        'RenewAlgorithmType is RSA, ECC or SM2.',
      );
    }
    if (method === 'upload') {
      try {
        parseCertificateSigningRequest(params.RenewCsr ?? '');
      } catch {
        throw new EmulatorError('InvalidParameter.RenewCsrInvalid', 'RenewCsr is not a valid CSR.');
      }
    }
    const domains = (params.DomainNames ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name !== '');
    if (domains.some((name) => !isValidDomain(name))) {
      throw new EmulatorError('InvalidParameter.DomainInvalid', 'DomainNames holds an invalid domain.');
    }
    const original = params.OldCertificateId ? store.require(params.OldCertificateId) : undefined;
    const count = Math.max(1, params.CertificateCount ?? 1);
    const now = ctx.clock.now();
    const ids = Array.from({ length: count }, () => store.nextId());
    // Points per certificate: one per domain and year, weighted by validation level (DV 1, OV 2, EV 4).
    const weight = traits.certType === 'EV' ? 4 : traits.certType === 'OV' ? 2 : 1;
    ctx.state.accounts.usePackages(params.PackageIds, weight * domainCount * params.Period * count, ids[0]!);
    ids.forEach((id, index) => {
      const domain = domains[index] ?? original?.domain ?? '';
      const record = newCertificateRecord({
        id,
        domain,
        insertTime: now,
        subjectAltNames: domain ? [domain] : [],
        status: 5,
        from: traits.from,
        packageType,
        isVip: true,
        isSm: traits.isSm,
        isPackage: true,
        certType: traits.certType,
        domainType: traits.domainType,
        domainNumber: domainCount,
        companyType: traits.certType === 'DV' ? 1 : 2,
        projectId: params.ProjectId ?? 0,
        totalPeriod: params.Period,
        managerId: params.ManagerId ?? null,
        companyId: params.CompanyId ?? null,
        verifyType: params.VerifyType ? requireVerifyType(params.VerifyType, null) : null,
        renewedFrom: original?.id ?? null,
        tags: (params.Tags ?? []).map((tag) => ({ key: tag.TagKey, value: tag.TagValue })),
      });
      store.insert(record);
      if (original && index === 0) original.renewalId = id;
      logOperation(ctx, id, original ? 'renewVIP' : 'applyVIP');
    });
    return { CertificateId: ids[0]!, CertificateIds: ids };
  },

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

  CheckCertificateDomainVerification(params, ctx) {
    const store = certificateStore(ctx);
    const record = store.require(params.CertificateId);
    const now = ctx.clock.now();
    if (PENDING_STATUSES.includes(record.status) && record.dcvReadyAt !== null && now >= record.dcvReadyAt) {
      // The CA checks on demand: visible records pass validation and the certificate is issued.
      passDomainValidation(ctx, record, now);
      store.issue(record, now);
    }
    if (record.status === 1 || record.status === 3) {
      return {
        VerificationResults: record.dvAuths.map((auth) => ({
          Domain: auth.domain,
          VerifyType: record.verifyType ?? 'DNS',
          LocalCheck: 1,
          CaCheck: 2,
          LocalCheckFailReason: '',
          CheckValue: [auth.value],
          Frequently: false,
          Issued: true,
        })),
      };
    }
    if (!PENDING_STATUSES.includes(record.status)) {
      throw new EmulatorError('FailedOperation.CertificateStatusNotAllowVerify', '证书状态不允许域名验证。');
    }
    return {
      VerificationResults: record.dvAuths.map((auth) => ({
        Domain: auth.domain,
        VerifyType: record.verifyType ?? 'DNS',
        LocalCheck: auth.verifyType === 'FILE' ? -4 : -1,
        CaCheck: -1,
        LocalCheckFailReason: auth.verifyType === 'FILE' ? '未检测到验证文件' : '未检测到TXT记录',
        CheckValue: [],
        Frequently: false,
        Issued: false,
      })),
    };
  },

  CompleteCertificate(params, ctx) {
    const store = certificateStore(ctx);
    const record = store.get(params.CertificateId);
    if (!record || !PENDING_STATUSES.includes(record.status) || record.dvAuths.length === 0) {
      throw new EmulatorError('FailedOperation.CertificateNotFoundOrAudited', '证书不存在或已审核。');
    }
    if (
      record.from === 'wosign' ||
      (record.packageType !== null && (PACKAGE_TYPE_NAMES[record.packageType] ?? '').startsWith('DNSPod'))
    ) {
      throw new EmulatorError(
        'FailedOperation',
        'DNSPod and WoTrus certificates do not support CompleteCertificate.',
      );
    }
    const now = ctx.clock.now();
    if (record.dcvReadyAt !== null && now >= record.dcvReadyAt && record.status !== 8) {
      passDomainValidation(ctx, record, now);
      if (record.certType === 'DV') store.issue(record, now);
      else record.statusMsg = 'CA-REVIEWING';
    }
    return { CertificateId: record.id };
  },

  CancelAuditCertificate(params, ctx) {
    const record = certificateStore(ctx).get(params.CertificateId);
    if (!record || ![0, 4, 8].includes(record.status)) {
      throw new EmulatorError('FailedOperation.CertificateNotFoundOrCantCancel', '证书不存在或无法取消。');
    }
    if (record.nowPeriod > 1) {
      throw new EmulatorError(
        'FailedOperation.CertificateCancelFailedMulti',
        '多年期证书首年后无法取消审核。',
      );
    }
    record.status = 7;
    record.statusMsg = '';
    record.schedule = null;
    record.auditCancelled = true;
    logOperation(ctx, record.id, 'cancel');
    return { Result: true };
  },

  CancelCertificateOrder(params, ctx) {
    const record = certificateStore(ctx).require(params.CertificateId);
    if (![0, 2, 4, 5, 8, 13].includes(record.status) || record.from === 'upload') {
      throw new EmulatorError('FailedOperation.InvalidCertificateStatusCode', '证书状态不允许取消订单。');
    }
    record.status = 6;
    record.statusMsg = '';
    record.schedule = { kind: 'cancel', at: ctx.clock.now() + CANCEL_MS };
    logOperation(ctx, record.id, 'cancel');
    return { CertificateId: record.id };
  },

  ModifyCertificateResubmit(params, ctx) {
    const record = certificateStore(ctx).require(params.CertificateId);
    if (!record.isVip || !(record.status === 2 || (record.status === 7 && record.auditCancelled))) {
      throw new EmulatorError(
        'FailedOperation.CertificateStatusNotAllowResubmit',
        '证书状态不允许重新申请。',
      );
    }
    record.status = 5;
    record.auditCancelled = false;
    submitOrder(ctx, record, record.verifyType ?? undefined);
    logOperation(ctx, record.id, 'Resubmit');
    return { CertificateId: record.id };
  },

  async ReplaceCertificate(params, ctx) {
    const store = certificateStore(ctx);
    const original = store.require(params.CertificateId);
    if (original.from === 'upload') {
      throw new EmulatorError('FailedOperation.InvalidCertificateSource', '上传的证书不支持重颁发。');
    }
    if (original.status !== 1) {
      throw new EmulatorError('FailedOperation.InvalidCertificateStatusCode', '仅已签发的证书可以重颁发。');
    }
    if (!original.isVip && (original.replacedFor !== null || original.replacedBy !== null)) {
      throw new EmulatorError('FailedOperation.OrderAlreadyReplaced', '免费证书仅支持1次重颁发。');
    }
    const verifyType = requireVerifyType(params.ValidType, null);
    const csrType = (params.CsrType ?? 'original').toLowerCase();
    const algorithm = (params.CertCSREncryptAlgo ?? 'RSA').toUpperCase();
    if (
      !original.isVip &&
      (csrType === 'online'
        ? algorithm !== 'RSA' || (params.CertCSRKeyParameter ?? '2048') !== '2048'
        : original.encryptAlgorithm !== 'RSA')
    ) {
      throw new EmulatorError('InvalidParameter.RenewAlgorithmInvalid', '免费证书仅支持 RSA 2048 重颁发。');
    }
    const now = ctx.clock.now();
    const reissue = newCertificateRecord({
      ...original,
      id: store.nextId(),
      insertTime: now,
      status: 11,
      statusMsg: 'PENDING-DCV',
      certificatePem: null,
      privateKeyPem: null,
      certBeginTime: null,
      certEndTime: null,
      fingerprint: null,
      replacedBy: original.id,
      replacedFor: null,
      renewalId: null,
      hosting: null,
      revokeDvAuths: [],
      validationPassedTime: null,
      tags: [...original.tags],
    });
    if (csrType === 'upload') {
      try {
        const csr = parseCertificateSigningRequest(params.CsrContent ?? '');
        if (csr.commonName?.toLowerCase() !== original.domain) throw new TypeError('common name differs');
        reissue.pendingKey = {
          publicKeyPem: csr.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
          privateKeyPem: null,
        };
        reissue.csrPem = params.CsrContent ?? null;
      } catch {
        throw new EmulatorError(
          'FailedOperation.CertificateInvalid',
          'CsrContent is not a valid CSR for this domain.',
        );
      }
    } else if (csrType === 'online') {
      await prepareKeyMaterial(
        reissue,
        keyChoice(algorithm, params.CertCSRKeyParameter, 'InvalidParameter.RenewAlgorithmInvalid'),
      );
    } else if (original.privateKeyPem !== null) {
      // "Original": the reissue certifies the same key pair again.
      const privateKey = createPrivateKey(original.privateKeyPem);
      attachKeyMaterial(reissue, privateKey, createPublicKey(privateKey));
    } else {
      await prepareKeyMaterial(
        reissue,
        keyChoice(original.encryptAlgorithm, original.keyParameter, 'FailedOperation.InvalidParam'),
      );
    }
    startDomainValidation(reissue, verifyType, now);
    reissue.status = 11;
    store.insert(reissue);
    original.replacedFor = reissue.id;
    original.replaceCount += 1;
    logOperation(ctx, original.id, 'replace');
    return { CertificateId: reissue.id };
  },

  RevokeCertificate(params, ctx) {
    const record = certificateStore(ctx).require(params.CertificateId);
    if (record.from === 'upload') {
      throw new EmulatorError('FailedOperation.InvalidCertificateSource', '上传的证书无法吊销。');
    }
    if (record.status !== 1) {
      throw new EmulatorError('FailedOperation.InvalidCertificateStatusCode', '仅已签发的证书可以吊销。');
    }
    if (ctx.state.resources.isCertificateBound(record.id)) {
      throw new EmulatorError('FailedOperation.RevokeResourceFailed', '证书已关联云资源，无法吊销。');
    }
    const now = ctx.clock.now();
    logOperation(ctx, record.id, 'revoke');
    if (record.certType === 'DV') {
      record.revokeDvAuths = dvAuthsFor(record, record.verifyType ?? 'DNS', 'revoke');
      record.status = 9;
      record.schedule = { kind: 'revoke', at: now + REVOKE_MS };
    } else {
      // OV/EV revocations wait for the signed revocation letter (status 12) before the CA revokes.
      record.status = 12;
    }
    return {
      RevokeDomainValidateAuths: record.revokeDvAuths.map((auth) => ({
        DomainValidateAuthPath: auth.path,
        DomainValidateAuthKey: auth.key,
        DomainValidateAuthValue: auth.value,
        DomainValidateAuthDomain: auth.domain,
      })),
    };
  },

  UploadConfirmLetter(params, ctx) {
    const record = requireLetterCertificate(ctx, params.CertificateId, '确认函', 8);
    decodeLetter(
      params.ConfirmLetter,
      'FailedOperation.ConfirmLetterTooSmall',
      'FailedOperation.ConfirmLetterTooLarge',
      'FailedOperation.InvalidConfirmLetterFormat',
      record.from === 'wosign',
    );
    const now = ctx.clock.now();
    record.confirmLetterUploaded = true;
    record.status = 0;
    record.statusMsg = 'CA-REVIEWING';
    record.schedule = { kind: 'issue', at: now + ORGANISATION_REVIEW_MS };
    logOperation(ctx, record.id, 'uploadConfirmLetter');
    return { CertificateId: record.id, IsSuccess: true };
  },

  UploadRevokeLetter(params, ctx) {
    const record = requireLetterCertificate(ctx, params.CertificateId, '吊销确认函', 12);
    decodeLetter(
      params.RevokeLetter,
      'FailedOperation.FileTooSmall',
      'FailedOperation.FileTooLarge',
      'FailedOperation.InvalidFileType',
      false,
    );
    record.revokeLetterUploaded = true;
    record.status = 9;
    record.schedule = { kind: 'revoke', at: ctx.clock.now() + REVOKE_MS };
    logOperation(ctx, record.id, 'editRevokeLetter');
    return { CertificateId: record.id, IsSuccess: true };
  },
};
