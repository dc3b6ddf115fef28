// UploadUpdateCertificateInstance and its records: new content under the same certificate id, pushed to
// the CLB instances serving it. A rollback is a second DeployRecord (Type 1) inside the same record.
import type { DeployRecord, DeployRecordItem, UploadUpdateRecordInfo } from '../../ssl/models.generated.ts';
import { formatBeijingTime } from '../clock.ts';
import { EmulatorError, type HandlerContext, type HandlerTable } from '../handler.ts';
import { parseUploadedCertificate } from '../store/certificates.ts';
import { countPhases, JobItem, jobStatusCode, lastUpdate, startAll } from '../store/job-progress.ts';
import type { UploadUpdateJob, UploadUpdatePhase } from '../store/jobs.ts';
import type { ResourceType } from '../store/resources.ts';
import {
  currentNames,
  instanceDetailFields,
  type JobKind,
  logJobOperation,
  newestFirstPage,
  outcomeTotals,
  page,
  requireJobRecord,
  retryJobRecord,
  startRollbackItems,
} from './deploy-support.ts';
import {
  advanceCreation,
  type CreationRequest,
  creationProgress,
  parseServableUpload,
  parseUpdateScope,
  requireTargetsCovered,
  targetsInScope,
  uploadDigest,
} from './update-support.ts';

const UPLOAD_UPDATABLE_TYPES: ReadonlySet<ResourceType> = new Set<ResourceType>(['clb']);
const DETAIL_LIMIT_MAX = 200;

const latestPhase = (record: UploadUpdateJob): UploadUpdatePhase => record.phases.at(-1)!;

const UPLOAD_UPDATE_RECORDS: JobKind<UploadUpdateJob> = {
  label: 'Record',
  records: (state) => state.jobs.uploadUpdateRecords,
  itemsOf: (record) => latestPhase(record).items,
  logType: 'update',
};

/** The upload-update actions document no CertificateDeployNotExist: an unknown id is a parameter error. */
function requireRecord(ctx: HandlerContext, id: number): UploadUpdateJob {
  return requireJobRecord(ctx, UPLOAD_UPDATE_RECORDS, id, 'FailedOperation.InvalidParam');
}

/** DeployRecord.Status: 0 waiting, 3 deploying, 1 success, 2 failed; rollbacks end in 4 / 5. */
const phaseStatus = (phase: UploadUpdatePhase, now: number) =>
  jobStatusCode(phase.items, now, phase.type === 1);

function recordItem(item: JobItem, now: number): DeployRecordItem {
  const { target } = item;
  const details = target.details;
  return {
    Id: item.id,
    ...instanceDetailFields(item, now),
    Region: target.region ?? '',
    Forward: details.forward ?? 1,
    SSLMode: 'UNIDIRECTIONAL',
    ResourceType: target.resourceType,
  };
}

function phaseView(
  record: UploadUpdateJob,
  phase: UploadUpdatePhase,
  offset: number,
  limit: number,
  now: number,
): DeployRecord {
  const counts = countPhases(phase.items, now);
  return {
    TotalCount: counts.total,
    ...outcomeTotals(counts),
    Type: phase.type,
    RecordDetailList: record.resourceTypes.map((resourceType) => {
      const items = phase.items.filter((item) => item.target.resourceType === resourceType);
      return {
        ResourceType: resourceType,
        List: page(items, offset, limit).map((item) => recordItem(item, now)),
        TotalCount: items.length,
      };
    }),
    Status: phaseStatus(phase, now),
    CreateTime: formatBeijingTime(phase.createdAt),
  };
}

function recordInfo(record: UploadUpdateJob, now: number): UploadUpdateRecordInfo {
  const items = record.phases.flatMap((phase) => phase.items);
  return {
    Id: record.id,
    OldCertId: record.certId,
    ResourceTypes: record.resourceTypes,
    Status: phaseStatus(latestPhase(record), now),
    CreateTime: formatBeijingTime(record.createdAt),
    UpdateTime: formatBeijingTime(lastUpdate(items, record.createdAt, now)),
  };
}

export const uploadUpdateRecordHandlers: HandlerTable = {
  UploadUpdateCertificateInstance: (params, ctx) => {
    const now = ctx.clock.now();
    const certificate = ctx.state.certificates.require(params.OldCertificateId);
    if (certificate.certificateType !== 'SVR' || (certificate.status !== 1 && certificate.status !== 3)) {
      throw new EmulatorError(
        'FailedOperation.CertificateNotAvailable',
        `Certificate ${certificate.id} has no content to replace.`,
      );
    }
    const scope = parseUpdateScope(
      ctx,
      params.ResourceTypes,
      params.ResourceTypesRegions,
      UPLOAD_UPDATABLE_TYPES,
    );
    const upload = parseServableUpload(params.CertificatePublicKey, params.CertificatePrivateKey, now);
    const jobs = ctx.state.jobs;
    const running = jobs.uploadUpdateRecords.find(
      (record) =>
        record.certId === certificate.id && latestPhase(record).items.some((item) => item.isRunning(now)),
    );
    if (running) return { DeployRecordId: running.id, DeployStatus: 0, UpdateSyncProgress: null };

    const targets = targetsInScope(ctx, certificate.id, scope, now);
    // The id stays, so the new content must still cover what the instances serve.
    requireTargetsCovered(targets, upload.subjectAltNames);
    const request: CreationRequest = {
      action: 'upload-update',
      oldCertId: certificate.id,
      replacement: uploadDigest(params.CertificatePublicKey, params.CertificatePrivateKey),
      noTargetsMessage: 'No CLB instance in these regions serves the certificate.',
    };
    const { creation, ready } = advanceCreation(ctx, request, scope, targets, now);
    if (!ready)
      return { DeployRecordId: 0, DeployStatus: 1, UpdateSyncProgress: creationProgress(creation, now) };

    const previousContent =
      certificate.certificatePem && certificate.privateKeyPem
        ? { certificatePem: certificate.certificatePem, privateKeyPem: certificate.privateKeyPem }
        : null;
    ctx.state.certificates.replaceContent(certificate.id, {
      certificatePem: params.CertificatePublicKey,
      privateKeyPem: params.CertificatePrivateKey,
    });
    // Same id before and after: the instances keep serving this certificate id, with the new content.
    const items = targets.map(
      (target) => new JobItem(jobs.nextItemId(), target, certificate.id, certificate.id, now, 'deploy'),
    );
    startAll(items, now);
    const record: UploadUpdateJob = {
      id: jobs.nextRecordId(),
      certId: certificate.id,
      resourceTypes: scope.resourceTypes,
      createdAt: now,
      phases: [{ type: 0, createdAt: now, items }],
      previousContent,
    };
    jobs.uploadUpdateRecords.push(record);
    logJobOperation(ctx.state, [certificate.id], 'update', now);
    return {
      DeployRecordId: record.id,
      DeployStatus: 1,
      UpdateSyncProgress: creationProgress(creation, now),
    };
  },

  DescribeHostUploadUpdateRecord: (params, ctx) => {
    const now = ctx.clock.now();
    const records = ctx.state.jobs.uploadUpdateRecords.filter(
      (r) => !params.OldCertificateId || r.certId === params.OldCertificateId,
    );
    return newestFirstPage(records, params.Offset, params.Limit, (r) => recordInfo(r, now));
  },

  DescribeHostUploadUpdateRecordDetail: (params, ctx) => {
    const now = ctx.clock.now();
    const record = requireRecord(ctx, params.DeployRecordId);
    // Documented: a Limit above 200 is treated as 200.
    const limit = Math.min(DETAIL_LIMIT_MAX, params.Limit ?? 10);
    return {
      DeployRecordDetail: record.phases.map((phase) =>
        phaseView(record, phase, params.Offset ?? 0, limit, now),
      ),
    };
  },

  UploadUpdateCertificateRecordRetry: (params, ctx) => retryJobRecord(ctx, params, UPLOAD_UPDATE_RECORDS),

  UploadUpdateCertificateRecordRollback: (params, ctx) => {
    const now = ctx.clock.now();
    const record = requireRecord(ctx, params.DeployRecordId);
    const jobs = ctx.state.jobs;
    const deployment = record.phases[0]!;
    // The rollback installs the previous content under the same id: check its names, not the current ones.
    const previousNames = record.previousContent
      ? parseUploadedCertificate(record.previousContent.certificatePem, record.previousContent.privateKeyPem)
          .subjectAltNames
      : null;
    const current = currentNames(ctx.state);
    const items = startRollbackItems(
      deployment.items,
      record.phases.length === 1,
      () => jobs.nextItemId(),
      (certId) => (certId === record.certId && previousNames ? previousNames : current(certId)),
      now,
    );
    record.phases.push({ type: 1, createdAt: now, items });
    // The certificate keeps its id, so rolling back the resources means restoring the previous content.
    if (record.previousContent) ctx.state.certificates.replaceContent(record.certId, record.previousContent);
    logJobOperation(ctx.state, [record.certId], 'rollback', now);
    return {};
  },
};
