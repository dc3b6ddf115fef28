// UpdateCertificateInstance and its records: replace an old certificate by a new one on every bound
// instance of the chosen resource types.
import { createHash } from 'node:crypto';
import type { UpdateRecordDetail, UpdateRecordInfo } from '../../ssl/models.generated.ts';
import { formatBeijingTime } from '../clock.ts';
import { EmulatorError, type HandlerContext, type HandlerTable } from '../handler.ts';
import { newCertificateRecord, parseUploadedCertificate } from '../store/certificates.ts';
import { countPhases, itemStatusCode, JobItem, jobStatusCode, startAll } from '../store/job-progress.ts';
import type { UpdateJob } from '../store/jobs.ts';
import { RESOURCE_TYPES, type ResourceType } from '../store/resources.ts';
import {
  logJobOperation,
  page,
  parseStringInteger,
  requireDeployableCertificate,
  retryFailedItems,
  startRollbackItems,
} from './deploy-support.ts';
import {
  advanceCreation,
  creationProgress,
  parseUpdateScope,
  scopeRegions,
  targetsInScope,
} from './update-support.ts';

/** Lighthouse is deployable but not updatable. */
const UPDATABLE_TYPES: ReadonlySet<ResourceType> = new Set(
  RESOURCE_TYPES.filter((type) => type !== 'lighthouse'),
);
const DETAIL_LIMIT_MAX = 200;

function requireUpdateRecord(ctx: HandlerContext, id: number): UpdateJob {
  const record = ctx.state.jobs.findUpdateRecord(id);
  if (!record)
    throw new EmulatorError(
      'FailedOperation.CertificateDeployNotExist',
      `Update record ${id} does not exist.`,
    );
  return record;
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
    UpdateTime: formatBeijingTime(
      record.items.reduce((t, item) => Math.max(t, item.updatedAt(now)), record.createdAt),
    ),
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
  | { kind: 'existing'; id: string }
  | { kind: 'upload'; certificatePem: string; privateKeyPem: string };

function resolveNewCertificate(
  ctx: HandlerContext,
  params: { CertificateId?: string; CertificatePublicKey?: string; CertificatePrivateKey?: string },
  now: number,
): NewCertificate {
  if (params.CertificateId) {
    return { kind: 'existing', id: requireDeployableCertificate(ctx.state, params.CertificateId, now).id };
  }
  if (!params.CertificatePublicKey || !params.CertificatePrivateKey) {
    throw new EmulatorError(
      'FailedOperation.InvalidParam',
      'CertificateId, or CertificatePublicKey with CertificatePrivateKey, is required.',
    );
  }
  const parsed = parseUploadedCertificate(params.CertificatePublicKey, params.CertificatePrivateKey);
  if (parsed.isCertificateAuthority || parsed.certEndTime <= now) {
    throw new EmulatorError(
      'FailedOperation.CertificateInvalid',
      'The uploaded certificate cannot serve resources.',
    );
  }
  return {
    kind: 'upload',
    certificatePem: params.CertificatePublicKey,
    privateKeyPem: params.CertificatePrivateKey,
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
    const fingerprint = JSON.stringify([
      'update',
      oldCertificate.id,
      newCertificate.kind === 'existing'
        ? newCertificate.id
        : createHash('sha256')
            .update(`${newCertificate.certificatePem}\n${newCertificate.privateKeyPem}`)
            .digest('hex'),
      [...scope.regionsByType.entries()].sort(),
    ]);
    if (!ctx.state.jobs.pendingCreations.has(fingerprint) && targets.length === 0) {
      throw new EmulatorError(
        'FailedOperation.CertificateDeployInstanceEmpty',
        'The selected resource types have no instance bound to the old certificate.',
      );
    }
    const { creation, ready } = advanceCreation(ctx, fingerprint, scope, targets, now);
    if (!ready)
      return { DeployRecordId: 0, DeployStatus: 1, UpdateSyncProgress: creationProgress(creation, now) };

    ctx.state.jobs.pendingCreations.delete(fingerprint);
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
    const records = ctx.state.jobs.updateRecords
      .filter(
        (r) =>
          (!params.CertificateId || r.certId === params.CertificateId) &&
          (!params.OldCertificateId || r.oldCertId === params.OldCertificateId),
      )
      .sort((a, b) => b.id - a.id);
    return {
      TotalCount: records.length,
      DeployRecordList: page(records, params.Offset, params.Limit).map((r) => recordInfo(r, now)),
    };
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
      SuccessTotalCount: counts.succeeded,
      FailedTotalCount: counts.failed,
      RunningTotalCount: counts.running,
    };
  },

  UpdateCertificateRecordRetry: (params, ctx) => {
    const now = ctx.clock.now();
    let record: UpdateJob | undefined;
    let chosen: JobItem[];
    if (params.DeployRecordDetailId !== undefined) {
      const itemId = params.DeployRecordDetailId;
      record = ctx.state.jobs.updateRecords.find((r) => r.items.some((item) => item.id === itemId));
      if (!record) {
        throw new EmulatorError(
          'FailedOperation.CertificateDeployNotExist',
          `Update record detail ${itemId} does not exist.`,
        );
      }
      chosen = record.items.filter((item) => item.id === itemId);
    } else if (params.DeployRecordId !== undefined) {
      record = requireUpdateRecord(ctx, params.DeployRecordId);
      chosen = record.items;
    } else {
      throw new EmulatorError(
        'FailedOperation.InvalidParam',
        'DeployRecordId or DeployRecordDetailId is required.',
      );
    }
    retryFailedItems(record.items, chosen, now);
    logJobOperation(ctx.state, [record.certId], 'update', now);
    return {};
  },

  UpdateCertificateRecordRollback: (params, ctx) => {
    const now = ctx.clock.now();
    if (params.DeployRecordId === undefined) {
      throw new EmulatorError('FailedOperation.InvalidParam', 'DeployRecordId is required.');
    }
    const record = requireUpdateRecord(ctx, params.DeployRecordId);
    const jobs = ctx.state.jobs;
    const rollbackAllowed = record.rollbackOf === null && record.rolledBackBy === null;
    const items = startRollbackItems(record.items, rollbackAllowed, () => jobs.nextItemId(), now);
    const rollback: UpdateJob = {
      ...record,
      id: jobs.nextRecordId(),
      certId: record.oldCertId,
      oldCertId: record.certId,
      createdAt: now,
      items,
      rollbackOf: record.id,
      rolledBackBy: null,
    };
    record.rolledBackBy = rollback.id;
    jobs.updateRecords.push(rollback);
    logJobOperation(ctx.state, [record.certId, record.oldCertId], 'rollback', now);
    return { DeployRecordId: rollback.id };
  },
};
