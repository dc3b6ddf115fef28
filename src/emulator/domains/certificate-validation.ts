// Domain validation and CA review of orders: checking and completing validation, the OV/EV confirmation
// letter, cancelling a review and resubmitting an order whose review failed or was cancelled.
import { EmulatorError, type HandlerContext, type HandlerTable } from '../handler.ts';
import { PACKAGE_TYPE_NAMES } from '../store/certificate-products.ts';
import { type CertificateRecord, isPendingIssue } from '../store/certificates.ts';
import { SYSTEM_ACTOR } from '../store/operation-logs.ts';
import { ORGANISATION_REVIEW_MS } from './certificate-lifecycle.ts';
import { decodeLetter, logOperation, requireLetterCertificate, submitOrder } from './certificate-support.ts';

/** The CA found the validation records on demand: validation passed now, logged for the system. */
function passDomainValidation(ctx: HandlerContext, record: CertificateRecord, now: number): void {
  record.validationPassedTime = now;
  ctx.state.operationLogs.record({
    certId: record.id,
    type: 'domainValidationPassed',
    at: now,
    subAccountUin: SYSTEM_ACTOR,
  });
}

export const certificateValidationHandlers: HandlerTable = {
  CheckCertificateDomainVerification(params, ctx) {
    const store = ctx.state.certificates;
    const record = store.require(params.CertificateId);
    const now = ctx.clock.now();
    // Reissues (11) are validated like applications (0, 4): the same records, checks and nudges.
    const visible = isPendingIssue(record) && record.dcvReadyAt !== null && now >= record.dcvReadyAt;
    if (visible && record.certType === 'DV') {
      // The CA checks a DV order on demand: visible records pass validation and the certificate is issued, as
      // the scheduler would. An OV/EV order is only reported on: its organisation review still decides.
      passDomainValidation(ctx, record, now);
      store.issue(record, now);
    }
    const issued = record.status === 1 || record.status === 3;
    if (!issued && !isPendingIssue(record)) {
      throw new EmulatorError('FailedOperation.CertificateStatusNotAllowVerify', '证书状态不允许域名验证。');
    }
    const found = issued || visible;
    return {
      VerificationResults: record.dvAuths.map((auth) => ({
        Domain: auth.domain,
        VerifyType: record.verifyType ?? 'DNS',
        LocalCheck: found ? 1 : auth.verifyType === 'FILE' ? -4 : -1,
        CaCheck: found ? 2 : -1,
        LocalCheckFailReason: found
          ? ''
          : auth.verifyType === 'FILE'
            ? '未检测到验证文件'
            : '未检测到TXT记录',
        CheckValue: found ? [auth.value] : [],
        Frequently: false,
        Issued: issued,
      })),
    };
  },

  CompleteCertificate(params, ctx) {
    const store = ctx.state.certificates;
    const record = store.get(params.CertificateId);
    if (!record || !isPendingIssue(record) || record.dvAuths.length === 0) {
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
    const record = ctx.state.certificates.get(params.CertificateId);
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

  ModifyCertificateResubmit(params, ctx) {
    const record = ctx.state.certificates.require(params.CertificateId);
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

  UploadConfirmLetter(params, ctx) {
    const record = requireLetterCertificate(
      ctx,
      params.CertificateId,
      '确认函',
      8,
      'FailedOperation.InvalidCertificateSource',
    );
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
};
