// Rules shared by the instance lists and the deploy / update / upload-update / bind-task domains.
import type { DeployRecordItem } from '../../ssl/models.generated.ts';
import { formatBeijingTime } from '../clock.ts';
import { EmulatorError, type HandlerContext } from '../handler.ts';
import type { EmulatorState } from '../state.ts';
import type { CertificateRecord } from '../store/certificates.ts';
import { itemStatusCode, JobItem, type PhaseCounts, startAll } from '../store/job-progress.ts';
import { certificateFitsTarget } from '../store/resources.ts';

/** The codes an action refuses a client (CA) certificate with: "not eligible" where it documents that code. */
export type ClientCertificateRefusal =
  | 'FailedOperation.CertificateHostDeployCanNotAllow'
  | 'FailedOperation.CertificateNotAvailable';

/**
 * A certificate can be deployed only when it is an issued (status 1), unexpired server certificate:
 * CA (client) certificates are refused as not eligible (or, by an action that does not document that code,
 * as unavailable), anything else as unavailable.
 */
export function requireDeployableCertificate(
  state: EmulatorState,
  certId: string,
  now: number,
  clientCertificateRefusal: ClientCertificateRefusal = 'FailedOperation.CertificateHostDeployCanNotAllow',
): CertificateRecord {
  const certificate = state.certificates.require(certId);
  if (certificate.certificateType !== 'SVR') {
    throw new EmulatorError(
      clientCertificateRefusal,
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

/** The names (SANs) of the certificate with this id as it would be installed; [] when unknown. */
export type CertificateNames = (certId: string) => readonly string[];

export const currentNames =
  (state: EmulatorState): CertificateNames =>
  (certId) =>
    state.certificates.get(certId)?.subjectAltNames ?? [];

/**
 * Refuses (CertificateNotDeployInstance) to install on an item's instance a certificate that does not
 * cover its domains; `installs` says which certificate an item would install (null: unbinding, always fine).
 */
function requireCovered(
  items: readonly JobItem[],
  installs: (item: JobItem) => string | null,
  namesOf: CertificateNames,
): void {
  for (const item of items) {
    const certId = installs(item);
    if (certId !== null && !certificateFitsTarget(item.target, namesOf(certId))) {
      throw new EmulatorError(
        'FailedOperation.CertificateNotDeployInstance',
        `Certificate ${certId} does not cover the domains of ${item.target.resourceType} instance "${item.target.instanceId}".`,
      );
    }
  }
}

/** Every item of every job record (deploy, update, upload-update with all its phases). */
export function allJobItems(state: EmulatorState): JobItem[] {
  const jobs = state.jobs;
  return [
    ...jobs.deployRecords.flatMap((record) => record.items),
    ...jobs.updateRecords.flatMap((record) => record.items),
    ...jobs.uploadUpdateRecords.flatMap((record) => record.phases.flatMap((phase) => phase.items)),
  ];
}

/**
 * Restarts the failed items among `chosen`, once the record they belong to has finished. Only one task
 * per certificate and resource type runs at a time, so a retry is refused while another record
 * (`otherItems`: the items of every other record) is installing the same certificate on the same type.
 */
export function retryFailedItems(
  recordItems: readonly JobItem[],
  chosen: readonly JobItem[],
  otherItems: readonly JobItem[],
  namesOf: CertificateNames,
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
  requireCovered(failed, (item) => item.certId, namesOf);
  for (const item of failed) {
    const busy = otherItems.find(
      (other) =>
        other.certId === item.certId &&
        other.target.resourceType === item.target.resourceType &&
        other.isRunning(now),
    );
    if (busy) {
      throw new EmulatorError(
        'FailedOperation.CertificateDeployHasPendingRecord',
        `Another task installing certificate ${item.certId} on ${item.target.resourceType} is in progress.`,
      );
    }
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
  namesOf: CertificateNames,
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
  requireCovered(succeeded, (item) => item.oldCertId, namesOf);
  const items = succeeded.map(
    (item) => new JobItem(nextItemId(), item.target, item.oldCertId, item.certId, now, 'rollback'),
  );
  startAll(items, now);
  return items;
}

interface JobRecord {
  id: number;
  certId: string;
}

/** One kind of job record (deploy, update, upload-update), as the record actions find and log them. */
export interface JobKind<R extends JobRecord> {
  /** How errors name a record: "Deploy record", "Update record", "Record". */
  label: string;
  records: (state: EmulatorState) => readonly R[];
  /** The items a retry acts on (an upload-update record: those of its latest phase). */
  itemsOf: (record: R) => readonly JobItem[];
  /** How the kind's deployments and retries are logged. */
  logType: JobLogType;
}

/**
 * How an action refuses an unknown record id: CertificateDeployNotExist where it documents that code
 * (DescribeHostDeployRecordDetail, DescribeHostUpdateRecordDetail, DeployCertificateRecordRollback), else
 * the parameter error it does document (FailedOperation.InvalidParam: the retries, the other rollbacks,
 * DescribeHostUploadUpdateRecordDetail).
 */
export type UnknownRecordCode = 'FailedOperation.CertificateDeployNotExist' | 'FailedOperation.InvalidParam';

/** A job record by id, or `code` naming it ("Deploy record 1001 does not exist."). */
export function requireJobRecord<R extends JobRecord>(
  ctx: HandlerContext,
  kind: JobKind<R>,
  id: number,
  code: UnknownRecordCode = 'FailedOperation.CertificateDeployNotExist',
): R {
  const record = kind.records(ctx.state).find((candidate) => candidate.id === id);
  if (!record) throw new EmulatorError(code, `${kind.label} ${id} does not exist.`);
  return record;
}

/** The record list of the Describe*Record actions: newest first, one page of it. */
export function newestFirstPage<R extends { id: number }, V>(
  records: readonly R[],
  offset: number | undefined,
  limit: number | undefined,
  view: (record: R) => V,
): { TotalCount: number; DeployRecordList: V[] } {
  const newest = [...records].sort((a, b) => b.id - a.id);
  return { TotalCount: newest.length, DeployRecordList: page(newest, offset, limit).map(view) };
}

/** The per-outcome counts of a record's detail (TotalCount is placed by each caller). */
export function outcomeTotals(counts: PhaseCounts): {
  SuccessTotalCount: number;
  FailedTotalCount: number;
  RunningTotalCount: number;
} {
  return {
    SuccessTotalCount: counts.succeeded,
    FailedTotalCount: counts.failed,
    RunningTotalCount: counts.running,
  };
}

/** The instance part of a DeployRecordDetail / DeployRecordItem, absent details shown as '' or 0. */
export function instanceDetailFields(
  item: JobItem,
  now: number,
): Omit<DeployRecordItem, 'Id' | 'Region' | 'Forward' | 'SSLMode' | 'ResourceType'> {
  const { target } = item;
  const details = target.details;
  return {
    OldCertId: item.oldCertId ?? '',
    InstanceId: target.primaryId,
    InstanceName: target.instanceName,
    ListenerId: details.listenerId ?? '',
    Domains: target.domains,
    Protocol: details.protocol ?? '',
    Status: itemStatusCode(item, now),
    ErrorMsg: item.errorMessageAt(now) ?? '',
    CreateTime: formatBeijingTime(item.createdAt),
    UpdateTime: formatBeijingTime(item.updatedAt(now)),
    ListenerName: details.listenerName ?? '',
    SniSwitch: details.sniSwitch ?? 0,
    Bucket: details.bucket ?? '',
    Namespace: details.namespace ?? '',
    SecretName: details.secretName ?? '',
    Port: details.port ?? 0,
  };
}

/**
 * The *RecordRetry actions: restarts the failed items of one detail (DeployRecordDetailId) or of a whole
 * record (DeployRecordId), and logs the retry on the record's certificate.
 */
export function retryJobRecord<R extends JobRecord>(
  ctx: HandlerContext,
  params: { DeployRecordId?: number; DeployRecordDetailId?: number },
  kind: JobKind<R>,
): Record<string, never> {
  const now = ctx.clock.now();
  let record: R;
  let chosen: readonly JobItem[];
  if (params.DeployRecordDetailId !== undefined) {
    const itemId = params.DeployRecordDetailId;
    const found = findRecordItem(kind.records(ctx.state), kind, itemId);
    if (!found) {
      throw new EmulatorError(
        'FailedOperation.InvalidParam',
        `${kind.label} detail ${itemId} does not exist.`,
      );
    }
    record = found.record;
    chosen = [found.item];
  } else if (params.DeployRecordId !== undefined) {
    record = requireJobRecord(ctx, kind, params.DeployRecordId, 'FailedOperation.InvalidParam');
    chosen = kind.itemsOf(record);
  } else {
    throw new EmulatorError(
      'FailedOperation.InvalidParam',
      'DeployRecordId or DeployRecordDetailId is required.',
    );
  }
  const own = new Set(kind.itemsOf(record));
  const otherItems = allJobItems(ctx.state).filter((item) => !own.has(item));
  retryFailedItems(kind.itemsOf(record), chosen, otherItems, currentNames(ctx.state), now);
  logJobOperation(ctx.state, [record.certId], kind.logType, now);
  return {};
}

function findRecordItem<R extends JobRecord>(
  records: readonly R[],
  kind: JobKind<R>,
  itemId: number,
): { record: R; item: JobItem } | undefined {
  for (const record of records) {
    const item = kind.itemsOf(record).find((candidate) => candidate.id === itemId);
    if (item) return { record, item };
  }
  return undefined;
}

/** The record id a *RecordRollback action requires. */
export function requireRollbackRecordId(params: { DeployRecordId?: number }): number {
  if (params.DeployRecordId === undefined) {
    throw new EmulatorError('FailedOperation.InvalidParam', 'DeployRecordId is required.');
  }
  return params.DeployRecordId;
}

/** A deploy or update record, which a rollback copies into a record of its own. */
export interface RollbackableJob {
  id: number;
  createdAt: number;
  items: JobItem[];
  rollbackOf: number | null;
  rolledBackBy: number | null;
}

/** Whether a record may be rolled back: it is no rollback itself and has not been rolled back yet. */
export function canRollBack(record: RollbackableJob): boolean {
  return record.rollbackOf === null && record.rolledBackBy === null;
}

/**
 * Rolls a deploy / update record back: a new record (a copy of `record`, with `changes`) whose items take
 * the successful targets back, appended to `records` and linked both ways.
 */
export function startRollbackRecord<R extends RollbackableJob>(
  ctx: HandlerContext,
  record: R,
  records: R[],
  changes: Partial<R>,
  now: number,
): R {
  const jobs = ctx.state.jobs;
  const items = startRollbackItems(
    record.items,
    canRollBack(record),
    () => jobs.nextItemId(),
    currentNames(ctx.state),
    now,
  );
  const rollback: R = {
    ...record,
    ...changes,
    id: jobs.nextRecordId(),
    createdAt: now,
    items,
    rollbackOf: record.id,
    rolledBackBy: null,
  };
  record.rolledBackBy = rollback.id;
  records.push(rollback);
  return rollback;
}
