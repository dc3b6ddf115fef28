// Rules shared by the instance lists and the deploy / update / upload-update / bind-task domains.
import { EmulatorError } from '../handler.ts';
import type { EmulatorState } from '../state.ts';
import type { CertificateRecord } from '../store/certificates.ts';
import { JobItem, startAll } from '../store/job-progress.ts';

/**
 * A certificate can be deployed only when it is an issued (status 1), unexpired server certificate:
 * CA (client) certificates are refused as not eligible, anything else as unavailable.
 */
export function requireDeployableCertificate(
  state: EmulatorState,
  certId: string,
  now: number,
): CertificateRecord {
  const certificate = state.certificates.require(certId);
  if (certificate.certificateType !== 'SVR') {
    throw new EmulatorError(
      'FailedOperation.CertificateHostDeployCanNotAllow',
      `Certificate ${certId} is not a server certificate and cannot be deployed to cloud resources.`,
    );
  }
  if (certificate.status !== 1 || certificate.certEndTime === null || certificate.certEndTime <= now) {
    throw new EmulatorError(
      'FailedOperation.CertificateNotAvailable',
      `Certificate ${certId} is not issued or has expired.`,
    );
  }
  return certificate;
}

/** Parses a String-typed paging parameter (the docs type some Offset/Limit as String). */
export function parseStringInteger(
  value: string | undefined,
  name: string,
  fallback: number,
  errorCode = 'FailedOperation.InvalidParam',
): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value.trim())) {
    throw new EmulatorError(errorCode, `${name} must be a non-negative integer, got "${value}".`);
  }
  return Number(value.trim());
}

export function page<T>(items: readonly T[], offset: number | undefined, limit: number | undefined): T[] {
  const start = Math.max(0, offset ?? 0);
  return items.slice(start, start + Math.max(0, limit ?? 10));
}

/**
 * Operation-log types for job actions. The documented OperationLog.Type enum has no deployment entries
 * (and already drifts: its example returns the unlisted "revoked"), so jobs log the plain verbs the
 * console uses: "deploy" (deployments and retries), "update" (one-click / upload updates), "rollback".
 */
export type JobLogType = 'deploy' | 'update' | 'rollback' | 'uploadFromYunAPI';

export function logJobOperation(
  state: EmulatorState,
  certIds: ReadonlyArray<string | null>,
  type: JobLogType,
  at: number,
): void {
  for (const certId of new Set(certIds)) if (certId) state.operationLogs.record({ certId, type, at });
}

/** Restarts the failed items among `chosen`, once the record they belong to has finished. */
export function retryFailedItems(
  recordItems: readonly JobItem[],
  chosen: readonly JobItem[],
  now: number,
): void {
  if (recordItems.some((item) => item.isRunning(now))) {
    throw new EmulatorError(
      'FailedOperation.CertificateDeployHasPendingRecord',
      'The record is still running.',
    );
  }
  const failed = chosen.filter((item) => item.phaseAt(now) === 'failed');
  if (failed.length === 0) {
    throw new EmulatorError(
      'FailedOperation.CertificateDeployRetryStatusInvalid',
      'Only failed items can be retried.',
    );
  }
  for (const [position, item] of failed.entries()) item.start(now, position);
}

/**
 * Starts rollback items for the successful items of a finished record: each target goes back to the
 * certificate it served before. A record can be rolled back once, and only if something succeeded.
 */
export function startRollbackItems(
  recordItems: readonly JobItem[],
  rollbackAllowed: boolean,
  nextItemId: () => number,
  now: number,
): JobItem[] {
  if (!rollbackAllowed) {
    throw new EmulatorError(
      'FailedOperation.CertificateDeployRollbackStatusInvalid',
      'A rollback record, or a record already rolled back, cannot be rolled back.',
    );
  }
  if (recordItems.some((item) => item.isRunning(now))) {
    throw new EmulatorError(
      'FailedOperation.CertificateDeployDetailRollbackStatusInvalid',
      'The record must be finished before it can be rolled back.',
    );
  }
  const succeeded = recordItems.filter((item) => item.phaseAt(now) === 'succeeded');
  if (succeeded.length === 0) {
    throw new EmulatorError(
      'FailedOperation.CertificateDeployRollbackStatusInvalid',
      'Only successfully deployed items can be rolled back.',
    );
  }
  const items = succeeded.map(
    (item) => new JobItem(nextItemId(), item.target, item.oldCertId, item.certId, now, 'rollback'),
  );
  startAll(items, now);
  return items;
}
