// UpdateCertificateInstance and its records: replace an old certificate by a new one on every bound
// instance of the chosen resource types.
import type { UpdateRecordDetail, UpdateRecordInfo } from '../../ssl/models.generated.ts';
import { formatBeijingTime } from '../clock.ts';
import { EmulatorError, type HandlerContext, type HandlerTable } from '../handler.ts';
import { newCertificateRecord, parseUploadedCertificate } from '../store/certificates.ts';
import {
  countPhases,
  itemStatusCode,
  JobItem,
  jobStatusCode,
  lastUpdate,
  startAll,
} from '../store/job-progress.ts';
import type { UpdateJob } from '../store/jobs.ts';
import { RESOURCE_TYPES, type ResourceType } from '../store/resources.ts';
import {
  type JobKind,
  logJobOperation,
  newestFirstPage,
  outcomeTotals,
  page,
  parseStringInteger,
  requireDeployableCertificate,
  requireJobRecord,
  requireRollbackRecordId,
  retryJobRecord,
  startRollbackRecord,
} from './deploy-support.ts';
import {
  advanceCreation,
  type CreationRequest,
  creationProgress,
  parseServableUpload,
  parseUpdateScope,
  requireTargetsCovered,
  scopeRegions,
  targetsInScope,
  uploadDigest,
} from './update-support.ts';

/** Lighthouse is deployable but not updatable. */
const UPDATABLE_TYPES: ReadonlySet<ResourceType> = new Set(
  RESOURCE_TYPES.filter((type) => type !== 'lighthouse'),
);
const DETAIL_LIMIT_MAX = 200;

const UPDATE_RECORDS: JobKind<UpdateJob> = {
  label: 'Update record',
  records: (state) => state.jobs.updateRecords,
  itemsOf: (record) => record.items,
  logType: 'update',
};

function requireUpdateRecord(
  ctx: HandlerContext,
  id: number,
  code?: 'FailedOperation.CertificateDeployNotExist' | 'FailedOperation.InvalidParam',
): UpdateJob {
  return requireJobRecord(ctx, UPDATE_RECORDS, id, code);
}

function runningUpdateFrom(ctx: HandlerContext, oldCertId: string, now: number): UpdateJob | undefined {
  return ctx.state.jobs.updateRecords.find(
    (record) => record.oldCertId === oldCertId && record.items.some((item) => item.isRunning(now)),
  );
}

function recordInfo(record: UpdateJob, now: number): UpdateRecordInfo {
  return {
    Id: record.id,
    CertId: record.certId,
    OldCertId: record.oldCertId,
    ResourceTypes: record.resourceTypes,
    Regions: record.regions,
    Status: jobStatusCode(record.items, now, record.rollbackOf !== null),
    CreateTime: formatBeijingTime(record.createdAt),
    UpdateTime: formatBeijingTime(lastUpdate(record.items, record.createdAt, now)),
  };
}

function recordDetail(item: JobItem, now: number): UpdateRecordDetail {
  const { target } = item;
  const details = target.details;
  return {
    Id: item.id,
    CertId: item.certId ?? '',
    OldCertId: item.oldCertId ?? '',
    Domains: target.domains,
    ResourceType: target.resourceType,
    Region: target.region,
    Status: itemStatusCode(item, now),
    ErrorMsg: item.errorMessageAt(now),
    CreateTime: formatBeijingTime(item.createdAt),
    UpdateTime: formatBeijingTime(item.updatedAt(now)),
    InstanceId: target.primaryId,
    InstanceName: target.instanceName,
    ListenerId: details.listenerId,
    ListenerName: details.listenerName,
    Protocol: details.protocol,
    SniSwitch: details.sniSwitch,
    Bucket: details.bucket,
    Port: details.port,
    Namespace: details.namespace,
    SecretName: details.secretName,
    EnvId: details.envId ?? '',
    TCBType: details.tcbType ?? '',
    Url: details.url ?? '',
  };
}

/** The new certificate of an update: an existing one, or one uploaded with the request (created once ready). */
type NewCertificate =
  | { kind: 'existing'; id: string; subjectAltNames: string[] }
  | { kind: 'upload'; certificatePem: string; privateKeyPem: string; subjectAltNames: string[] };

function resolveNewCertificate(
  ctx: HandlerContext,
  params: { CertificateId?: string; CertificatePublicKey?: string; CertificatePrivateKey?: string },
  now: number,
): NewCertificate {
  if (params.CertificateId) {
    const certificate = requireDeployableCertificate(ctx.state, params.CertificateId, now);
    return { kind: 'existing', id: certificate.id, subjectAltNames: certificate.subjectAltNames };
  }
  if (!params.CertificatePublicKey || !params.CertificatePrivateKey) {
    throw new EmulatorError(
      'FailedOperation.InvalidParam',
      'CertificateId, or CertificatePublicKey with CertificatePrivateKey, is required.',
    );
  }
  const parsed = parseServableUpload(params.CertificatePublicKey, params.CertificatePrivateKey, now);
  return {
    kind: 'upload',
    certificatePem: params.CertificatePublicKey,
    privateKeyPem: params.CertificatePrivateKey,
    subjectAltNames: parsed.subjectAltNames,
  };
}

/** Creates the uploaded certificate (the upstream reuses an identical one unless Repeatable is true). */
function materialize(
  ctx: HandlerContext,
  newCertificate: NewCertificate,
  options: {
    repeatable: boolean;
    allowDownload: boolean;
    projectId: number;
    tags: Array<{ key: string; value: string }>;
  },
  now: number,
): { id: string; uploaded: boolean } {
  if (newCertificate.kind === 'existing') return { id: newCertificate.id, uploaded: false };
  const parsed = parseUploadedCertificate(newCertificate.certificatePem, newCertificate.privateKeyPem);
  const duplicate = ctx.state.certificates.findByFingerprint(parsed.fingerprint);
  if (duplicate && !options.repeatable) return { id: duplicate.id, uploaded: false };
  const record = newCertificateRecord({
    id: ctx.state.certificates.nextId(),
    domain: parsed.domain,
    insertTime: now,
    subjectAltNames: parsed.subjectAltNames,
    status: 1,
    from: 'upload',
    certificatePem: parsed.certificatePem,
    privateKeyPem: newCertificate.privateKeyPem,
    certBeginTime: parsed.certBeginTime,
    certEndTime: parsed.certEndTime,
    encryptAlgorithm: parsed.encryptAlgorithm,
    fingerprint: parsed.fingerprint,
    projectId: options.projectId,
    allowDownload: options.allowDownload,
    tags: options.tags,
  });
  ctx.state.certificates.insert(record);
  return { id: record.id, uploaded: true };
}

export const updateRecordHandlers: HandlerTable = {
  UpdateCertificateInstance: (params, ctx) => {
    const now = ctx.clock.now();
    const oldCertificate = ctx.state.certificates.require(params.OldCertificateId);
    const scope = parseUpdateScope(ctx, params.ResourceTypes, params.ResourceTypesRegions, UPDATABLE_TYPES);
    const newCertificate = resolveNewCertificate(ctx, params, now);
    if (newCertificate.kind === 'existing' && newCertificate.id === oldCertificate.id) {
      throw new EmulatorError(
        'FailedOperation.InvalidParam',
        'The new certificate must differ from the old one.',
      );
    }
    const running = runningUpdateFrom(ctx, oldCertificate.id, now);
    if (running) return { DeployRecordId: running.id, DeployStatus: 0, UpdateSyncProgress: null };

    const targets = targetsInScope(ctx, oldCertificate.id, scope, now);
    requireTargetsCovered(targets, newCertificate.subjectAltNames);
    const request: CreationRequest = {
      action: 'update',
      oldCertId: oldCertificate.id,
      replacement:
        newCertificate.kind === 'existing'
          ? newCertificate.id
          : uploadDigest(newCertificate.certificatePem, newCertificate.privateKeyPem),
      noTargetsMessage: 'The selected resource types have no instance bound to the old certificate.',
    };
    const { creation, ready } = advanceCreation(ctx, request, scope, targets, now);
    if (!ready)
      return { DeployRecordId: 0, DeployStatus: 1, UpdateSyncProgress: creationProgress(creation, now) };

    const created = materialize(
      ctx,
      newCertificate,
      {
        repeatable: params.Repeatable === true,
        allowDownload: params.AllowDownload ?? true,
        projectId: params.ProjectId ?? 0,
        tags: (params.Tags ?? []).map((tag) => ({ key: tag.TagKey, value: tag.TagValue })),
      },
      now,
    );
    if (params.ExpiringNotificationSwitch === 1) oldCertificate.ignoreExpiringNotification = true;
    const jobs = ctx.state.jobs;
    const items = targets.map(
      (target) => new JobItem(jobs.nextItemId(), target, created.id, oldCertificate.id, now, 'deploy'),
    );
    startAll(items, now);
    const record: UpdateJob = {
      id: jobs.nextRecordId(),
      certId: created.id,
      oldCertId: oldCertificate.id,
      resourceTypes: scope.resourceTypes,
      regions: scopeRegions(scope),
      createdAt: now,
      items,
      rollbackOf: null,
      rolledBackBy: null,
    };
    jobs.updateRecords.push(record);
    if (created.uploaded) logJobOperation(ctx.state, [created.id], 'uploadFromYunAPI', now);
    logJobOperation(ctx.state, [oldCertificate.id, created.id], 'update', now);
    return {
      DeployRecordId: record.id,
      DeployStatus: 1,
      UpdateSyncProgress: creationProgress(creation, now),
    };
  },

  DescribeHostUpdateRecord: (params, ctx) => {
    const now = ctx.clock.now();
    const records = ctx.state.jobs.updateRecords.filter(
      (r) =>
        (!params.CertificateId || r.certId === params.CertificateId) &&
        (!params.OldCertificateId || r.oldCertId === params.OldCertificateId),
    );
    return newestFirstPage(records, params.Offset, params.Limit, (r) => recordInfo(r, now));
  },

  DescribeHostUpdateRecordDetail: (params, ctx) => {
    const now = ctx.clock.now();
    const record = requireUpdateRecord(ctx, parseStringInteger(params.DeployRecordId, 'DeployRecordId', -1));
    const offset = parseStringInteger(params.Offset, 'Offset', 0);
    const limit = Math.min(DETAIL_LIMIT_MAX, parseStringInteger(params.Limit, 'Limit', 10));
    const counts = countPhases(record.items, now);
    // Items are grouped per resource type; paging applies within each group.
    const groups = record.resourceTypes
      .map((resourceType) => record.items.filter((item) => item.target.resourceType === resourceType))
      .filter((items) => items.length > 0)
      .map((items) => ({
        ResourceType: items[0]!.target.resourceType,
        List: page(items, offset, limit).map((item) => recordDetail(item, now)),
        TotalCount: items.length,
      }));
    return {
      TotalCount: counts.total,
      RecordDetailList: groups,
      ...outcomeTotals(counts),
    };
  },

  UpdateCertificateRecordRetry: (params, ctx) => retryJobRecord(ctx, params, UPDATE_RECORDS),

  UpdateCertificateRecordRollback: (params, ctx) => {
    const now = ctx.clock.now();
    // UpdateCertificateRecordRollback documents no CertificateDeployNotExist.
    const record = requireUpdateRecord(ctx, requireRollbackRecordId(params), 'FailedOperation.InvalidParam');
    // The rollback goes the other way: from the new certificate back to the old one.
    const reversed = { certId: record.oldCertId, oldCertId: record.certId };
    const rollback = startRollbackRecord(ctx, record, ctx.state.jobs.updateRecords, reversed, now);
    logJobOperation(ctx.state, [record.certId, record.oldCertId], 'rollback', now);
    return { DeployRecordId: rollback.id };
  },
};
