// Ending or replacing an order or certificate: cancelling an order, reissuing, revoking and the revocation letter.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { EmulatorError, type HandlerTable } from '../handler.ts';
import { parseCertificateSigningRequest } from '../pki/x509.ts';
import { newCertificateRecord } from '../store/certificates.ts';
import {
  attachKeyMaterial,
  CANCEL_MS,
  dvAuthsFor,
  keyChoice,
  prepareKeyMaterial,
  REVOKE_MS,
  requireVerifyType,
  startDomainValidation,
} from './certificate-lifecycle.ts';
import { decodeLetter, logOperation, requireLetterCertificate } from './certificate-support.ts';

export const certificateRevocationHandlers: HandlerTable = {
  CancelCertificateOrder(params, ctx) {
    const record = ctx.state.certificates.require(params.CertificateId);
    if (![0, 2, 4, 5, 8, 13].includes(record.status) || record.from === 'upload') {
      throw new EmulatorError('FailedOperation.InvalidCertificateStatusCode', '证书状态不允许取消订单。');
    }
    record.status = 6;
    record.statusMsg = '';
    record.schedule = { kind: 'cancel', at: ctx.clock.now() + CANCEL_MS };
    logOperation(ctx, record.id, 'cancel');
    return { CertificateId: record.id };
  },

  async ReplaceCertificate(params, ctx) {
    const store = ctx.state.certificates;
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
    // One reissue at a time: a second would take over ReplacedFor and strand the first one's link back.
    const pendingReissue = original.replacedFor === null ? undefined : store.get(original.replacedFor);
    if (pendingReissue?.status === 11) {
      throw new EmulatorError(
        'FailedOperation.OrderAlreadyReplaced',
        `该订单已重签发：重颁发证书 ${pendingReissue.id} 尚未完成验证签发。`,
      );
    }
    const verifyType = requireVerifyType(params.ValidType, null);
    // 「可选项：Original = 原证书 CSR，Upload = 手动上传，Online = 在线生成」 (matched regardless of case).
    const csrType = (params.CsrType ?? 'Original').toLowerCase();
    if (!['original', 'upload', 'online'].includes(csrType)) {
      throw new EmulatorError('FailedOperation.InvalidParam', 'CsrType is Original, Upload or Online.');
    }
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
      keyPassword: params.CsrkeyPassword || original.keyPassword,
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
    const record = ctx.state.certificates.require(params.CertificateId);
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

  UploadRevokeLetter(params, ctx) {
    const record = requireLetterCertificate(
      ctx,
      params.CertificateId,
      '吊销确认函',
      12,
      // UploadRevokeLetter does not document InvalidCertificateSource: the generic code says it.
      'FailedOperation',
    );
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
