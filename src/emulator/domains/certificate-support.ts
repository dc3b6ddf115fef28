// Shared plumbing of the certificate handlers.
import { EmulatorError, type HandlerContext } from '../handler.ts';
import type { CertificateRecord } from '../store/certificates.ts';
import {
  ORGANISATION_REVIEW_MS,
  orderIdFor,
  requireVerifyType,
  startDomainValidation,
} from './certificate-lifecycle.ts';

/** Records one operation-log entry for the caller. */
export function logOperation(ctx: HandlerContext, certId: string, type: string): void {
  ctx.state.operationLogs.record({ certId, type, at: ctx.clock.now() });
}

/** Sends a paid order with submitted data to review: DV straight to validation, OV/EV via organisation review. */
export function submitOrder(
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

export function decodeLetter(
  base64: string,
  small: string,
  large: string,
  format: string,
  wosign: boolean,
): void {
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

/**
 * The certificate an Upload*Letter action attaches `letter` to: one a CA issues (an uploaded certificate has no
 * order, answered with `sourceCode`), never a DV one (it needs no letter), and only in the `status` that awaits
 * the letter.
 */
export function requireLetterCertificate(
  ctx: HandlerContext,
  certId: string,
  letter: '确认函' | '吊销确认函',
  status: number,
  sourceCode: string,
): CertificateRecord {
  const record = ctx.state.certificates.require(certId);
  if (record.from === 'upload') {
    throw new EmulatorError(sourceCode, `证书来源错误：上传的证书无需上传${letter}。`);
  }
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
