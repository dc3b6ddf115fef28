// The account's certificate operation log (DescribeCertificateOperateLogs). Every mutating action of every
// domain records one entry per certificate it touches; CA-side events (issuance, revocation) are recorded
// with SubAccountUin "--" as the upstream does.

/** The emulated account's root UIN (OperationLog.Uin, Certificates.OwnerUin). */
export const EMULATED_OWNER_UIN = '100017155920';

// The human-readable verb the upstream puts into OperationLog.Action (e.g. "用户[uin: 1] 删除 证书[id: x]").
const ACTION_VERBS: Record<string, string> = {
  apply: '申请',
  delete: '删除',
  download: '下载',
  upload: '上传',
  revoke: '吊销',
  revoked: '',
  cancelRevoke: '取消吊销',
  updateAlias: '修改备注',
  changeProject: '修改项目',
  uploadConfirmLetter: '上传确认函',
  cancel: '取消',
  replace: '重颁发',
  downloadConfirmLetter: '下载确认函',
  editRevokeLetter: '上传吊销确认函',
  renewVIP: '续费',
  applyVIP: '购买',
  submitInfo: '提交资料',
  uploadFromYunAPI: '通过云API上传',
  refund: '退款',
  issued: '签发',
  domainValidationPassed: '域名验证通过',
  Resubmit: '重新提交',
  deploy: '部署',
};

/** The SubAccountUin of CA/system events. */
export const SYSTEM_ACTOR = '--';

export interface OperationLogEntry {
  certId: string;
  type: string;
  at: number;
  /** Who did it: the caller's sub-account UIN, or "--" for CA/system events. Defaults to the owner. */
  subAccountUin: string;
  sequence: number;
}

export class OperationLogStore {
  readonly #entries: OperationLogEntry[] = [];
  #sequence = 0;

  record(entry: { certId: string; type: string; at: number; subAccountUin?: string }): void {
    this.#entries.push({
      certId: entry.certId,
      type: entry.type,
      at: entry.at,
      subAccountUin: entry.subAccountUin ?? EMULATED_OWNER_UIN,
      sequence: this.#sequence++,
    });
  }

  /**
   * Entries with `from <= at <= to`, newest first, compared by the whole second each entry shows (CreateTime has
   * no fraction), as the upstream's own filter sees them.
   */
  between(from: number, to: number): OperationLogEntry[] {
    return this.#entries
      .filter((entry) => {
        const shownAt = Math.floor(entry.at / 1000) * 1000;
        return shownAt >= from && shownAt <= to;
      })
      .sort((a, b) => b.at - a.at || b.sequence - a.sequence);
  }

  forCertificate(certId: string): OperationLogEntry[] {
    return this.#entries.filter((entry) => entry.certId === certId);
  }

  static describe(entry: OperationLogEntry): string {
    const verb = ACTION_VERBS[entry.type] ?? entry.type;
    const actor = entry.subAccountUin === SYSTEM_ACTOR ? '--' : entry.subAccountUin;
    return verb
      ? `用户[uin: ${actor}] ${verb} 证书[id: ${entry.certId}]`
      : `用户[uin: ${actor}] 证书[id: ${entry.certId}]`;
  }
}
