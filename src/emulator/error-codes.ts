import type { SslActionName } from '../ssl/actions.ts';
import { SSL_SPEC } from '../ssl/spec.generated.ts';
import type { SslSpec } from '../ssl/spec-types.ts';

const SPEC: SslSpec = SSL_SPEC;

/**
 * Codes a handler answers although its action's section does not list them, each a decision CONTRACTS.md
 * explains. Nothing else may be added without its reason there.
 */
const DECIDED_BEYOND_THE_LIST: Partial<Record<SslActionName, readonly string[]>> = {
  // A certificate set not to allow downloads: the code DescribeDownloadCertificateUrl documents for this very
  // refusal (「该证书已设置成不允许下载。」); none of DownloadCertificate's own codes says it.
  DownloadCertificate: ['FailedOperation.CertificateNotAllowDownload'],
};

/**
 * Whether an action may answer `code`: one its section documents, one of the API's common codes (which any
 * action may answer), or a decision recorded in CONTRACTS.md.
 */
export function isDocumentedErrorCode(action: SslActionName, code: string): boolean {
  if (SPEC.errorCodes[code]?.scope === 'common') return true;
  if (SPEC.actions[action]?.errorCodes.includes(code)) return true;
  return DECIDED_BEYOND_THE_LIST[action]?.includes(code) ?? false;
}

/** A handler refusal with a code its action does not document (see isDocumentedErrorCode). */
export interface UndocumentedRefusal {
  readonly action: SslActionName;
  readonly code: string;
  readonly message: string;
}
