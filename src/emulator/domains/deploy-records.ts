// DeployCertificateInstance and its records: deploy one certificate to chosen instances of one type.
import type { DeployRecordDetail, DeployRecordInfo } from '../../ssl/models.generated.ts';
import { formatBeijingTime } from '../clock.ts';
import { EmulatorError, type HandlerContext, type HandlerTable } from '../handler.ts';
import { countPhases, JobItem, lastUpdate, startAll } from '../store/job-progress.ts';
import type { DeployJob } from '../store/jobs.ts';
import {
  certificateFitsTarget,
  type DeployTarget,
  isResourceType,
  REGIONAL_RESOURCE_TYPES,
  type ResourceType,
} from '../store/resources.ts';
import {
  canRollBack,
  instanceDetailFields,
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

/** How many `|`-separated parts each type's InstanceIdList entries have (clb: with or without the domain). */
const INSTANCE_ID_PARTS: Record<ResourceType, readonly number[]> = {
  clb: [2, 3],
  // The HTTPS billing switch (`Domain|on`) is optional: a bare domain keeps the current setting.
  cdn: [1, 2],
  ddos: [3],
  live: [1],
  vod: [1],
  waf: [1],
  teo: [1],
  apigateway: [2],
  tke: [3],
  cos: [3],
  lighthouse: [3],
  tse: [2],
  tcb: [4],
};

export function requireResourceType(value: string | undefined, fallback: ResourceType): ResourceType {
  const type = value === undefined || value === '' ? fallback : value;
  if (!isResourceType(type)) {
    throw new EmulatorError(
      'FailedOperation.CertificateHostResourceTypeInvalid',
      `Unknown resource type "${type}".`,
    );
  }
  return type;
}

function parseTargets(
  ctx: HandlerContext,
  resourceType: ResourceType,
  region: string | null,
  instanceIds: readonly string[],
  certificate: { id: string; subjectAltNames: readonly string[] },
  now: number,
): DeployTarget[] {
  if (instanceIds.length === 0) {
    throw new EmulatorError(
      'FailedOperation.CertificateDeployInstanceFormatError',
      'InstanceIdList is empty.',
    );
  }
  const targets = new Map<string, DeployTarget>();
  for (const instanceId of instanceIds) {
    const parts = instanceId.split('|');
    const wellFormed =
      INSTANCE_ID_PARTS[resourceType].includes(parts.length) &&
      parts.every((part) => part !== '') &&
      (resourceType !== 'cdn' || parts[1] === undefined || parts[1] === 'on' || parts[1] === 'off');
    if (!wellFormed) {
      throw new EmulatorError(
        'FailedOperation.CertificateDeployInstanceFormatError',
        `"${instanceId}" is not a valid ${resourceType} instance.`,
      );
    }
    const target = ctx.state.resources.findTarget(resourceType, instanceId, region);
    if (!target || !certificateFitsTarget(target, certificate.subjectAltNames)) {
      throw new EmulatorError(
        'FailedOperation.CertificateNotDeployInstance',
        `The certificate cannot be deployed to ${resourceType} instance "${instanceId}".`,
      );
    }
    // Documented: no task is created when the instance already serves this certificate.
    if (target.slot.at(now) === certificate.id) {
      throw new EmulatorError(
        'FailedOperation.CertificateNotDeployInstance',
        `${resourceType} instance "${instanceId}" already serves certificate ${certificate.id}.`,
      );
    }
    targets.set(target.instanceId, target);
  }
  return [...targets.values()];
}

/** Options some types carry with the deployment itself: CDN's HTTPS billing switch, Live's HTTPS status. */
function applyDeployOptions(
  ctx: HandlerContext,
  resourceType: ResourceType,
  instanceIds: readonly string[],
  liveStatus: number | undefined,
): void {
  const inventory = ctx.state.resources.inventory;
  if (resourceType === 'cdn') {
    for (const instanceId of instanceIds) {
      const [domain, billing] = instanceId.split('|');
      const record = inventory.cdn.find((d) => d.domain === domain);
      if (record && (billing === 'on' || billing === 'off')) record.httpsBillingSwitch = billing;
    }
  }
  if (resourceType === 'live' && liveStatus !== undefined) {
    for (const domain of instanceIds) {
      const record = inventory.live.find((d) => d.domain === domain);
      if (record) record.httpsOn = liveStatus === 1;
    }
  }
}

export function runningDeployJob(
  ctx: HandlerContext,
  certId: string,
  resourceType: ResourceType,
): DeployJob | undefined {
  const now = ctx.clock.now();
  return ctx.state.jobs.deployRecords.find(
    (record) =>
      record.certId === certId &&
      record.resourceType === resourceType &&
      record.items.some((item) => item.isRunning(now)),
  );
}

const DEPLOY_RECORDS: JobKind<DeployJob> = {
  label: 'Deploy record',
  records: (state) => state.jobs.deployRecords,
  itemsOf: (record) => record.items,
  logType: 'deploy',
};

function requireDeployRecord(ctx: HandlerContext, id: number): DeployJob {
  return requireJobRecord(ctx, DEPLOY_RECORDS, id);
}

function recordInfo(record: DeployJob, now: number): DeployRecordInfo {
  const counts = countPhases(record.items, now);
  return {
    Id: record.id,
    CertId: record.certId,
    ResourceType: record.resourceType,
    Region: record.region ?? '',
    // DeployRecordInfo.Status: 0 not finished, 1 success, 2 failed.
    Status: counts.running > 0 ? 0 : counts.failed > 0 ? 2 : 1,
    CreateTime: formatBeijingTime(record.createdAt),
    UpdateTime: formatBeijingTime(lastUpdate(record.items, record.createdAt, now)),
  };
}

function recordDetail(item: JobItem, now: number): DeployRecordDetail {
  const { target } = item;
  const details = target.details;
  return {
    Id: item.id,
    CertId: item.certId ?? '',
    ...instanceDetailFields(item, now),
    EnvId: details.envId ?? '',
    TCBType: details.tcbType ?? '',
    Region: target.region ?? '',
    Url: details.url ? [details.url] : [],
  };
}

export const deployRecordHandlers: HandlerTable = {
  DeployCertificateInstance: (params, ctx) => {
    const now = ctx.clock.now();
    const resourceType = requireResourceType(params.ResourceType, 'clb');
    let region: string | null = null;
    if (REGIONAL_RESOURCE_TYPES.has(resourceType)) {
      if (!ctx.region) {
        throw new EmulatorError(
          'InvalidParameter.RegionNotEmpty',
          `Region is required to deploy to ${resourceType}.`,
        );
      }
      region = ctx.region;
    }
    const certificate = requireDeployableCertificate(ctx.state, params.CertificateId, now);
    const targets = parseTargets(ctx, resourceType, region, params.InstanceIdList, certificate, now);
    // Only one task per certificate and resource type runs at a time: a repeat gets the running one.
    const running = runningDeployJob(ctx, certificate.id, resourceType);
    if (running) return { DeployRecordId: running.id, DeployStatus: 0 };
    applyDeployOptions(ctx, resourceType, params.InstanceIdList, params.Status);
    const jobs = ctx.state.jobs;
    const items = targets.map(
      (target) => new JobItem(jobs.nextItemId(), target, certificate.id, target.slot.at(now), now, 'deploy'),
    );
    startAll(items, now);
    const record: DeployJob = {
      id: jobs.nextRecordId(),
      certId: certificate.id,
      resourceType,
      region,
      createdAt: now,
      items,
      rollbackOf: null,
      rolledBackBy: null,
    };
    jobs.deployRecords.push(record);
    logJobOperation(ctx.state, [certificate.id], 'deploy', now);
    return { DeployRecordId: record.id, DeployStatus: 1 };
  },

  DescribeHostDeployRecord: (params, ctx) => {
    const now = ctx.clock.now();
    ctx.state.certificates.require(params.CertificateId);
    const resourceType =
      params.ResourceType === undefined || params.ResourceType === ''
        ? null
        : requireResourceType(params.ResourceType, 'clb');
    const records = ctx.state.jobs.deployRecords.filter(
      (r) => r.certId === params.CertificateId && (resourceType === null || r.resourceType === resourceType),
    );
    return newestFirstPage(records, params.Offset, params.Limit, (r) => recordInfo(r, now));
  },

  DescribeHostDeployRecordDetail: (params, ctx) => {
    const now = ctx.clock.now();
    const record = requireDeployRecord(ctx, parseStringInteger(params.DeployRecordId, 'DeployRecordId', -1));
    const counts = countPhases(record.items, now);
    return {
      TotalCount: counts.total,
      DeployRecordDetailList: page(record.items, params.Offset, params.Limit).map((item) =>
        recordDetail(item, now),
      ),
      ...outcomeTotals(counts),
    };
  },

  DeployCertificateRecordRetry: (params, ctx) => retryJobRecord(ctx, params, DEPLOY_RECORDS),

  DeployCertificateRecordRollback: (params, ctx) => {
    const now = ctx.clock.now();
    const record = requireDeployRecord(ctx, requireRollbackRecordId(params));
    const otherRunning = runningDeployJob(ctx, record.certId, record.resourceType);
    if (canRollBack(record) && otherRunning && otherRunning !== record) {
      throw new EmulatorError(
        'FailedOperation.CertificateDeployHasPendingRecord',
        'Another deployment of this certificate is in progress.',
      );
    }
    const rollback = startRollbackRecord(ctx, record, ctx.state.jobs.deployRecords, {}, now);
    const certIds = [record.certId, ...rollback.items.map((item) => item.certId)];
    logJobOperation(ctx.state, certIds, 'rollback', now);
    return { DeployRecordId: rollback.id };
  },
};
