// Opening certificate orders: the free DV application and paid orders, bought directly or from packages.

import { EmulatorError, type HandlerTable } from '../handler.ts';
import { parseCertificateSigningRequest } from '../pki/x509.ts';
import {
  FREE_PACKAGE_TYPE,
  PACKAGE_TYPE_NAMES,
  packageTypeForProductPid,
  packageTypeTraits,
} from '../store/certificate-products.ts';
import { type CertificateRecord, newCertificateRecord } from '../store/certificates.ts';
import { type DomainParameterNames, requireWildcardsFitProduct } from './certificate-information.ts';
import {
  isValidDomain,
  keyChoice,
  orderIdFor,
  prepareKeyMaterial,
  requireVerifyType,
  startDomainValidation,
} from './certificate-lifecycle.ts';
import { logOperation } from './certificate-support.ts';
import { isRenewable } from './certificate-views.ts';

/**
 * Products sold for one year only, whichever action buys them: "99/100/101：CFCA …，不支持多年期"
 * (CreateCertificate's ProductId; CreateCertificateByPackage's ProductPid maps to these package types).
 */
function noMultiYear(packageType: string): boolean {
  return (
    (PACKAGE_TYPE_NAMES[packageType] ?? '').includes('CFCA') && ['99', '100', '101'].includes(packageType)
  );
}

/** DomainNames pre-fills each certificate's common name; a domain that does not fit is DomainInvalid. */
const PACKAGE_DOMAIN_NAMES: DomainParameterNames = {
  commonName: 'DomainNames',
  others: 'DomainNames',
  domainCode: 'InvalidParameter.DomainInvalid',
};

export const certificateApplicationHandlers: HandlerTable = {
  async ApplyCertificate(params, ctx) {
    const store = ctx.state.certificates;
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
      if (!isRenewable(original, now, { free: true })) {
        throw new EmulatorError(
          'FailedOperation.InvalidCertificateStatusCode',
          `OldCertificateId ${original.id} 不可续期：须为已签发、30天内到期且未过期、未被续期的免费证书。`,
        );
      }
      // A renewal certifies the renewed domain again: another domain is a new application.
      if (domain !== original.domain) {
        throw new EmulatorError(
          'FailedOperation.InvalidParam',
          `DomainName ${domain} 不是原证书的域名 ${original.domain}：续期证书须为同一域名。`,
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
      keyPassword: params.CsrKeyPassword || null,
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
    const store = ctx.state.certificates;
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
    if (
      !Number.isInteger(params.TimeSpan) ||
      params.TimeSpan < 1 ||
      params.TimeSpan > 5 ||
      (noMultiYear(packageType) && params.TimeSpan > 1)
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
    const store = ctx.state.certificates;
    const packageType = packageTypeForProductPid(params.ProductPid);
    const traits = packageType === undefined ? undefined : packageTypeTraits(packageType);
    if (!packageType || !traits)
      throw new EmulatorError('InvalidParameter.ProductPidInvalid', 'Invalid ProductPid.');
    const domainCount = Number(params.DomainCount);
    const multi = traits.domainType === 2 || traits.domainType === 4;
    if (!Number.isInteger(domainCount) || domainCount < 1 || (!multi && domainCount !== 1)) {
      throw new EmulatorError('InvalidParameter.DomainCountInvalid', 'Invalid DomainCount.');
    }
    if (
      !Number.isInteger(params.Period) ||
      params.Period < 1 ||
      params.Period > 5 ||
      (noMultiYear(packageType) && params.Period > 1)
    ) {
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
    const count = params.CertificateCount ?? 1;
    // CreateCertificateByPackage documents no code for the count: the generic FailedOperation says it.
    if (!Number.isInteger(count) || count < 1) {
      throw new EmulatorError('FailedOperation', 'CertificateCount is a positive number of certificates.');
    }
    const domains = (params.DomainNames ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name !== '');
    if (domains.some((name) => !isValidDomain(name))) {
      throw new EmulatorError('InvalidParameter.DomainInvalid', 'DomainNames holds an invalid domain.');
    }
    // One pre-filled domain per certificate bought, each the common name of its order.
    if (domains.length > count) {
      throw new EmulatorError(
        'InvalidParameter.DomainInvalid',
        `DomainNames pre-fills ${domains.length} domains, more than the ${count} certificates bought.`,
      );
    }
    for (const domain of domains) {
      requireWildcardsFitProduct(traits.domainType, domain, [], PACKAGE_DOMAIN_NAMES);
    }
    const now = ctx.clock.now();
    const managerId = params.ManagerId || null;
    const companyId = params.CompanyId || null;
    if (managerId !== null) {
      const manager = ctx.state.accounts.getManager(managerId, now);
      if (!manager) throw new EmulatorError('FailedOperation', `ManagerId ${managerId} does not exist.`);
      if (manager.status === 'invalid') {
        throw new EmulatorError(
          'FailedOperation',
          `Manager ${managerId} failed its review (invalid): it cannot be pre-filled.`,
        );
      }
    }
    if (companyId !== null && !ctx.state.accounts.getCompany(companyId)) {
      throw new EmulatorError('FailedOperation', `CompanyId ${companyId} does not exist.`);
    }
    const original = params.OldCertificateId ? store.require(params.OldCertificateId) : undefined;
    if (original) {
      // CreateCertificateByPackage documents no status code for this: the generic FailedOperation says it.
      if (!isRenewable(original, now)) {
        throw new EmulatorError(
          'FailedOperation',
          `OldCertificateId ${original.id} 不可续费：须为已签发、30天内到期且未过期、未被续费的证书。`,
        );
      }
      // The renewal takes the renewed domain; a pre-filled one must be that domain.
      if (domains.some((name) => name !== original.domain)) {
        throw new EmulatorError(
          'InvalidParameter.DomainInvalid',
          `DomainNames ${domains.join(',')} 不是原证书的域名 ${original.domain}：续费证书须为同一域名。`,
        );
      }
    }
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
        managerId,
        companyId,
        verifyType: params.VerifyType ? requireVerifyType(params.VerifyType, null) : null,
        renewedFrom: original?.id ?? null,
        keyPassword: (original && params.RenewKeyPass) || null,
        tags: (params.Tags ?? []).map((tag) => ({ key: tag.TagKey, value: tag.TagValue })),
      });
      store.insert(record);
      if (original && index === 0) original.renewalId = id;
      logOperation(ctx, id, original ? 'renewVIP' : 'applyVIP');
    });
    return { CertificateId: ids[0]!, CertificateIds: ids };
  },
};
