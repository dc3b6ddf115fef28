// Reading, uploading, downloading, editing and deleting certificates, and the operation log.
import { X509Certificate } from 'node:crypto';
import { formatBeijingTime, parseBeijingTime } from '../clock.ts';
import { EmulatorError, type HandlerContext, type HandlerTable } from '../handler.ts';
import { emulatorCertificateAuthority } from '../pki/ca.ts';
import { parseCertificateChain, summarizeCertificate } from '../pki/x509.ts';
import {
  type CertificateRecord,
  DAY_MS,
  isPendingIssue,
  newCertificateRecord,
  parseUploadedCertificate,
} from '../store/certificates.ts';
import { EMULATED_OWNER_UIN, OperationLogStore } from '../store/operation-logs.ts';
import {
  archiveFilename,
  downloadLinkUrl,
  fullDownloadArchive,
  requireDownloadable,
} from './certificate-downloads.ts';
import { logOperation } from './certificate-support.ts';
import {
  isDeployable,
  isExpiring,
  isHostable,
  isRenewable,
  toCertificatesItem,
  toDescribeCertificate,
  toDescribeCertificateDetail,
} from './certificate-views.ts';

function pageLimit(limit: number | undefined, fallback: number): number {
  if (limit === undefined || limit === null) return fallback;
  return Math.min(Math.max(0, limit), 1000);
}

function matchesSearch(record: CertificateRecord, key: string): boolean {
  const needle = key.toLowerCase();
  return [record.id, record.alias, record.domain, ...record.subjectAltNames].some((value) =>
    value.toLowerCase().includes(needle),
  );
}

/** A flag filter: 1 keeps matching records, 0 keeps the others, absent keeps all. */
function flag(value: number | undefined, actual: boolean): boolean {
  if (value === undefined || value === null) return true;
  return value === 1 ? actual : !actual;
}

/** A "1 = only X, 0 = no filter" switch. */
function onlyWhen(value: number | undefined, actual: boolean): boolean {
  return value !== 1 || actual;
}

function deleteNow(record: CertificateRecord, ctx: HandlerContext): void {
  ctx.state.certificates.remove(record.id);
  logOperation(ctx, record.id, 'delete');
}

/** The IDs of a batch action, each once, in the order first given: a repeated ID is acted on once. */
function distinct(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

export const certificateManagementHandlers: HandlerTable = {
  DescribeCertificates(params, ctx) {
    const store = ctx.state.certificates;
    const now = ctx.clock.now();
    const statuses = params.CertificateStatus ?? [];
    const wantedIds = params.CertIds && params.CertIds.length > 0 ? new Set(params.CertIds) : null;
    const wantedTags = params.Tags ?? [];
    const matches = store
      .all()
      .filter(
        (record) =>
          (!params.SearchKey || matchesSearch(record, params.SearchKey)) &&
          (!params.CertificateType || record.certificateType === params.CertificateType) &&
          (params.ProjectId === undefined ||
            params.ProjectId === null ||
            record.projectId === Number(params.ProjectId)) &&
          (statuses.length === 0 || statuses.includes(record.status)) &&
          flag(params.Deployable, isDeployable(record)) &&
          onlyWhen(params.Upload, record.from === 'upload') &&
          onlyWhen(params.Renew, isRenewable(record, now)) &&
          (!params.FilterSource ||
            (params.FilterSource === 'upload' ? record.from === 'upload' : record.from !== 'upload')) &&
          onlyWhen(params.IsSM, record.isSm) &&
          onlyWhen(params.FilterExpiring, isExpiring(record, now)) &&
          flag(params.Hostable, isHostable(record)) &&
          wantedTags.every((tag) =>
            record.tags.some((own) => own.key === tag.TagKey && own.value === tag.TagValue),
          ) &&
          onlyWhen(params.IsPendingIssue, isPendingIssue(record)) &&
          (wantedIds === null || wantedIds.has(record.id)),
      );
    const sort = params.ExpirationSort?.toUpperCase();
    if (sort === 'ASC' || sort === 'DESC') {
      const direction = sort === 'ASC' ? 1 : -1;
      matches.sort((a, b) => {
        if (a.certEndTime === null || b.certEndTime === null) {
          return a.certEndTime === b.certEndTime ? 0 : a.certEndTime === null ? 1 : -1;
        }
        return direction * (a.certEndTime - b.certEndTime);
      });
    } else {
      matches.sort((a, b) => b.insertTime - a.insertTime);
    }
    const offset = Math.max(0, params.Offset ?? 0);
    const limit = pageLimit(params.Limit, 10);
    return {
      TotalCount: matches.length,
      Certificates: matches.slice(offset, offset + limit).map((record) => toCertificatesItem(record, ctx)),
    };
  },

  DescribeCertificate(params, ctx) {
    return toDescribeCertificate(ctx.state.certificates.require(params.CertificateId), ctx);
  },

  DescribeCertificateDetail(params, ctx) {
    return toDescribeCertificateDetail(ctx.state.certificates.require(params.CertificateId), ctx);
  },

  UploadCertificate(params, ctx) {
    const store = ctx.state.certificates;
    const certificateType = params.CertificateType === 'CA' ? 'CA' : 'SVR';
    const privateKeyPem = params.CertificatePrivateKey?.trim() ? params.CertificatePrivateKey : null;
    if (certificateType === 'SVR' && privateKeyPem === null) {
      throw new EmulatorError(
        'InvalidParameter.MissMatchPrivateKey',
        'A server certificate needs its private key.',
      );
    }
    const parsed = parseUploadedCertificate(params.CertificatePublicKey, privateKeyPem);
    if (certificateType === 'CA' && !parsed.isCertificateAuthority) {
      throw new EmulatorError('FailedOperation.CertificateCaError', '上传的内容不是有效的CA证书。');
    }
    const existing = store.findByFingerprint(parsed.fingerprint);
    if (existing && params.Repeatable === false) {
      // The upstream answers a refused duplicate with the existing certificate's id in both fields.
      return { CertificateId: existing.id, RepeatCertId: existing.id };
    }
    const now = ctx.clock.now();
    const record = newCertificateRecord({
      id: store.nextId(),
      domain: parsed.domain,
      insertTime: now,
      subjectAltNames: parsed.subjectAltNames,
      status: parsed.certEndTime <= now ? 3 : 1,
      from: 'upload',
      certificateType,
      projectId: params.ProjectId ?? 0,
      alias: params.Alias ?? '',
      certificatePem: parsed.certificatePem,
      privateKeyPem,
      certBeginTime: parsed.certBeginTime,
      certEndTime: parsed.certEndTime,
      encryptAlgorithm: parsed.encryptAlgorithm,
      certType: parsed.certType,
      // An organisation's certificate (OV/EV) is a company's, as CertificateInfoSubmit's CompanyType 2.
      companyType: parsed.certType === 'DV' ? 1 : 2,
      keyParameter: '',
      validityMonths: Math.max(1, Math.round((parsed.certEndTime - parsed.certBeginTime) / (30 * DAY_MS))),
      tags: (params.Tags ?? []).map((tag) => ({ key: tag.TagKey, value: tag.TagValue })),
      fingerprint: parsed.fingerprint,
      certificateUse: params.CertificateUse ?? null,
      domainType: parsed.domain.startsWith('*.')
        ? parsed.subjectAltNames.length > 1
          ? 4
          : 3
        : parsed.subjectAltNames.length > 1
          ? 2
          : 1,
      domainNumber: parsed.subjectAltNames.length,
    });
    store.insert(record);
    logOperation(ctx, record.id, 'upload');
    return { CertificateId: record.id, RepeatCertId: existing?.id ?? '' };
  },

  CheckCertificateExist(params, ctx) {
    let fingerprint: string;
    try {
      const [leaf] = parseCertificateChain(params.CertificatePublicKey);
      fingerprint = summarizeCertificate(leaf!).fingerprint256;
    } catch {
      return { RepeatCertId: '' };
    }
    return { RepeatCertId: ctx.state.certificates.findByFingerprint(fingerprint)?.id ?? '' };
  },

  CheckCertificateChain(params) {
    let chain: X509Certificate[];
    try {
      chain = parseCertificateChain(params.CertificateChain);
    } catch {
      throw new EmulatorError('FailedOperation.CertificateInvalid', '证书链无法解析。');
    }
    // Each element must be issued and signed by the next one; the chain ends at a self-signed root, or at
    // a certificate issued by the emulator's own (trusted) CA.
    let isValid = true;
    for (let i = 0; i + 1 < chain.length; i++) {
      const child = chain[i]!;
      const parent = chain[i + 1]!;
      if (!child.checkIssued(parent) || !child.verify(parent.publicKey)) isValid = false;
    }
    const top = chain[chain.length - 1]!;
    const root = new X509Certificate(emulatorCertificateAuthority().rootPem);
    const selfSigned = top.checkIssued(top) && top.verify(top.publicKey);
    const isTrustedCA =
      (top.checkIssued(root) && top.verify(root.publicKey)) || top.fingerprint256 === root.fingerprint256;
    if (!selfSigned && !isTrustedCA) isValid = false;
    return {
      IsValid: isValid,
      IsTrustedCA: isTrustedCA,
      Chains: chain.map((certificate) => summarizeCertificate(certificate).commonName ?? ''),
    };
  },

  DownloadCertificate(params, ctx) {
    const record = ctx.state.certificates.require(params.CertificateId);
    if (!record.allowDownload) {
      // Not in DownloadCertificate's documented list, but the code's text (「该证书已设置成不允许下载」) is the
      // download refusal itself, answered by DescribeDownloadCertificateUrl: the key must not leak this way.
      throw new EmulatorError('FailedOperation.CertificateNotAllowDownload', '证书已设置为不允许下载。');
    }
    if (record.certificatePem === null) {
      throw new EmulatorError('FailedOperation.InvalidCertificateStatusCode', '证书未签发，无法下载。');
    }
    const archive = fullDownloadArchive(record, ctx.clock.now());
    logOperation(ctx, record.id, 'download');
    return { Content: archive.toString('base64'), ContentType: 'application/zip' };
  },

  DescribeDownloadCertificateUrl(params, ctx) {
    const record = ctx.state.certificates.require(params.CertificateId);
    const serviceType = (params.ServiceType ?? 'nginx').toLowerCase();
    if (!record.allowDownload) {
      throw new EmulatorError('FailedOperation.CertificateNotAllowDownload', '证书已设置为不允许下载。');
    }
    if (record.certificatePem === null) {
      throw new EmulatorError('FailedOperation.CertificateStatusNotAllowDownload', '证书状态不允许下载。');
    }
    // Validates the service type and the content now, so the link only ever serves a real archive.
    requireDownloadable(record, serviceType);
    const link = ctx.state.downloadLinks.create(
      { certificateId: record.id, serviceType, filename: archiveFilename(record, serviceType) },
      ctx.clock.now(),
    );
    return { DownloadCertificateUrl: downloadLinkUrl(ctx.baseUrl, link), DownloadFilename: link.filename };
  },

  ModifyCertificateAlias(params, ctx) {
    const record = ctx.state.certificates.require(params.CertificateId);
    record.alias = params.Alias ?? '';
    logOperation(ctx, record.id, 'updateAlias');
    return { CertificateId: record.id };
  },

  ModifyCertificateProject(params, ctx) {
    if (params.CertificateIdList.length > 100) {
      throw new EmulatorError('FailedOperation.InvalidParam', 'CertificateIdList holds at most 100 ids.');
    }
    const store = ctx.state.certificates;
    const success: string[] = [];
    const fail: string[] = [];
    for (const id of distinct(params.CertificateIdList)) {
      const record = store.get(id);
      if (!record) {
        fail.push(id);
        continue;
      }
      record.projectId = params.ProjectId;
      logOperation(ctx, id, 'changeProject');
      success.push(id);
    }
    return { SuccessCertificates: success, FailCertificates: fail };
  },

  ModifyCertificatesExpiringNotificationSwitch(params, ctx) {
    if (params.CertificateIds.length > 50) {
      throw new EmulatorError(
        'InvalidParameter.CertificatesNumberExceeded',
        'CertificateIds holds at most 50 ids.',
      );
    }
    if (params.SwitchStatus !== 0 && params.SwitchStatus !== 1) {
      throw new EmulatorError('FailedOperation', 'SwitchStatus must be 0 or 1.');
    }
    const store = ctx.state.certificates;
    const records = distinct(params.CertificateIds).map((id) => store.require(id));
    for (const record of records) record.ignoreExpiringNotification = params.SwitchStatus === 1;
    return { CertificateIds: records.map((record) => record.id) };
  },

  DeleteCertificate(params, ctx) {
    const record = ctx.state.certificates.require(params.CertificateId);
    if (params.IsCheckResource === true) {
      const task = ctx.state.deleteTasks.start(record.id, record.subjectAltNames, ctx.clock.now());
      return { DeleteResult: false, TaskId: task.taskId };
    }
    const refusal = ctx.state.certificates.deletionRefusal(record, ctx.clock.now());
    if (refusal) throw refusal;
    deleteNow(record, ctx);
    return { DeleteResult: true, TaskId: null };
  },

  DeleteCertificates(params, ctx) {
    if (params.CertificateIds.length > 100) {
      throw new EmulatorError(
        'FailedOperation.CertificateSyncTaskCertificateIdCountInvalid',
        '最多100个证书ID。',
      );
    }
    const store = ctx.state.certificates;
    const ids = distinct(params.CertificateIds);
    if (params.IsSync === true) {
      const certTaskIds = ids.map((id) => {
        const record = store.get(id);
        const task = ctx.state.deleteTasks.start(id, record?.subjectAltNames ?? [], ctx.clock.now());
        return { CertId: id, TaskId: task.taskId };
      });
      return { Success: [], Fail: [], CertTaskIds: certTaskIds };
    }
    const success: string[] = [];
    const fail: Array<{ CertId: string; Msg: string }> = [];
    for (const id of ids) {
      const record = store.get(id);
      if (!record) {
        // Msg is the reason as a sentence, like the documented 「当前证书未过期，不能被删除」.
        fail.push({ CertId: id, Msg: '证书不存在。' });
        continue;
      }
      const refusal = ctx.state.certificates.deletionRefusal(record, ctx.clock.now());
      if (refusal) {
        fail.push({ CertId: id, Msg: refusal.message });
        continue;
      }
      deleteNow(record, ctx);
      success.push(id);
    }
    return { Success: success, Fail: fail, CertTaskIds: [] };
  },

  DescribeDeleteCertificatesTaskResult(params, ctx) {
    if (params.TaskIds.length > 100) {
      throw new EmulatorError('FailedOperation', 'TaskIds holds at most 100 ids.');
    }
    ctx.state.certificates.settle();
    const results = params.TaskIds.flatMap((taskId) => {
      const task = ctx.state.deleteTasks.get(taskId);
      if (!task) return [];
      return [
        {
          TaskId: task.taskId,
          CertId: task.certId,
          Status: task.status,
          Error: task.error,
          CacheTime: task.finishedAt === null ? '' : formatBeijingTime(task.finishedAt),
          Domains: task.domains,
        },
      ];
    });
    return { DeleteTaskResult: results };
  },

  DescribeCertificateOperateLogs(params, ctx) {
    ctx.state.certificates.settle();
    const now = ctx.clock.now();
    const start = params.StartTime ? parseBeijingTime(params.StartTime) : now - 15 * DAY_MS;
    const end = params.EndTime ? parseBeijingTime(params.EndTime) : now;
    if (Number.isNaN(start) || Number.isNaN(end)) {
      throw new EmulatorError(
        'FailedOperation.InvalidParam',
        'StartTime/EndTime must be "YYYY-MM-DD hh:mm:ss".',
      );
    }
    const entries = ctx.state.operationLogs.between(start, end);
    const offset = Math.max(0, params.Offset ?? 0);
    const page = entries.slice(offset, offset + pageLimit(params.Limit, 20));
    return {
      AllTotal: entries.length,
      TotalCount: page.length,
      OperateLogs: page.map((entry) => ({
        Action: OperationLogStore.describe(entry),
        CreatedOn: formatBeijingTime(entry.at),
        Uin: EMULATED_OWNER_UIN,
        SubAccountUin: entry.subAccountUin,
        CertId: entry.certId,
        Type: entry.type,
      })),
    };
  },
};
