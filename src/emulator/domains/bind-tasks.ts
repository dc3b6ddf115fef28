// Bind-resource query tasks (which cloud resources serve a certificate) and the legacy DescribeDeployedResources.
import type {
  ApiGatewayInstanceDetail,
  BindResourceResult,
  CdnInstanceDetail,
  ClbInstanceDetail,
  CosInstanceDetail,
  DdosInstanceDetail,
  DescribeCertificateBindResourceTaskDetailResponse,
  LiveInstanceDetail,
  SyncTaskBindResourceResult,
  TCBEnvironments,
  TeoInstanceDetail,
  TkeInstanceDetail,
  TSEInstanceDetail,
  VodInstanceDetail,
  WafInstanceDetail,
} from '../../ssl/models.generated.ts';
import { formatBeijingTime } from '../clock.ts';
import { EmulatorError, type HandlerContext, type HandlerTable } from '../handler.ts';
import type { BindTask } from '../store/jobs.ts';
import { REGIONAL_RESOURCE_TYPES, type ResourceInventory, type ResourceType } from '../store/resources.ts';
import { parseStringInteger } from './deploy-support.ts';
import {
  apiGatewayView,
  cdnView,
  clbView,
  cosView,
  ddosView,
  liveView,
  tcbView,
  teoView,
  tkeView,
  tseView,
  type ViewContext,
  vodView,
  wafView,
} from './resource-views.ts';

/** Emulated time a bind-resource query takes before its result is ready. */
export const BIND_TASK_QUERY_MS = 3000;
/** IsCache=1 reuses a completed task this recent. */
export const BIND_TASK_CACHE_MS = 30 * 60 * 1000;
const MAX_CERTIFICATES_PER_TASK_REQUEST = 100;
const MAX_TASK_IDS = 100;
const MAX_DEPLOYED_RESOURCES_CERTIFICATES = 50;
const DETAIL_LIMIT_MAX = 100;

/** The types a bind task reports (lighthouse is deployable but not queried). */
const BIND_TASK_TYPES = [
  'clb',
  'cdn',
  'waf',
  'live',
  'vod',
  'ddos',
  'tke',
  'apigateway',
  'tcb',
  'teo',
  'tse',
  'cos',
] as const;
type BindTaskType = (typeof BIND_TASK_TYPES)[number];

const isDone = (task: BindTask, now: number) => now >= task.completesAt;

function taskView(ctx: HandlerContext, task: BindTask): ViewContext {
  return {
    at: task.completesAt,
    candidateNames: null,
    namesOf: (certId) => ctx.state.certificates.get(certId)?.subjectAltNames ?? [],
    keep: (slot) => slot.at(task.completesAt) === task.certId,
  };
}

/** The regions a task reports for a type: the account's regions of a regional type, one '' entry otherwise. */
function regionsFor(ctx: HandlerContext, type: ResourceType): string[] {
  return REGIONAL_RESOURCE_TYPES.has(type) ? ctx.state.resources.regionsOf(type) : [''];
}

/** How the detail renders one bound instance of each type. */
interface BoundInstanceOf {
  clb: ClbInstanceDetail;
  cdn: CdnInstanceDetail;
  waf: WafInstanceDetail;
  live: LiveInstanceDetail;
  vod: VodInstanceDetail;
  ddos: DdosInstanceDetail;
  tke: TkeInstanceDetail;
  apigateway: ApiGatewayInstanceDetail;
  tcb: TCBEnvironments;
  teo: TeoInstanceDetail;
  tse: TSEInstanceDetail;
  cos: CosInstanceDetail;
}

/** The records rendered through `render`, leaving out those with nothing bound to the task's certificate. */
function renderBound<R, V>(
  records: readonly R[],
  render: (record: R, view: ViewContext) => V | null,
  view: ViewContext,
): V[] {
  return records.map((record) => render(record, view)).filter((rendered): rendered is V => rendered !== null);
}

const inRegion = <R extends { region: string }>(records: readonly R[], region: string) =>
  records.filter((record) => record.region === region);

/**
 * Per type, the instances of a region ('' for a global type) serving the task's certificate. An instance is
 * what the detail lists (a load balancer, a TKE cluster, a TSE gateway, a TCB environment, a domain...),
 * however many of its listeners, rules, secrets or domains are bound.
 */
const BOUND_INSTANCES: {
  [T in BindTaskType]: (
    inventory: ResourceInventory,
    region: string,
    view: ViewContext,
  ) => BoundInstanceOf[T][];
} = {
  clb: (inventory, region, view) => renderBound(inRegion(inventory.clb, region), clbView, view),
  cdn: (inventory, _region, view) => renderBound(inventory.cdn, cdnView, view),
  waf: (inventory, region, view) => renderBound(inRegion(inventory.waf, region), wafView, view),
  live: (inventory, _region, view) => renderBound(inventory.live, liveView, view),
  vod: (inventory, _region, view) => renderBound(inventory.vod, vodView, view),
  ddos: (inventory, _region, view) => renderBound(inventory.ddos, ddosView, view),
  tke: (inventory, region, view) => renderBound(inRegion(inventory.tke, region), tkeView, view),
  apigateway: (inventory, region, view) =>
    renderBound(inRegion(inventory.apigateway, region), apiGatewayView, view),
  tcb: (inventory, region, view) => renderBound(inRegion(inventory.tcb, region), tcbView, view),
  teo: (inventory, _region, view) => renderBound(inventory.teo, teoView, view),
  tse: (inventory, region, view) => renderBound(inRegion(inventory.tse, region), tseView, view),
  cos: (inventory, region, view) => renderBound(inRegion(inventory.cos, region), cosView, view),
};

/**
 * The one answer to "what did the task find": the result's TotalCount ("关联资源总数") is the number of these,
 * and the detail pages through them under the same TotalCount ("该地域下…实例总数"), so the two agree.
 */
function boundInstances<T extends BindTaskType>(
  ctx: HandlerContext,
  task: BindTask,
  type: T,
  region: string,
): BoundInstanceOf[T][] {
  return BOUND_INSTANCES[type](ctx.state.resources.inventory, region, taskView(ctx, task));
}

function taskResult(ctx: HandlerContext, task: BindTask, now: number): SyncTaskBindResourceResult {
  const done = isDone(task, now);
  const results: BindResourceResult[] = done
    ? BIND_TASK_TYPES.map((type) => ({
        ResourceType: type,
        BindResourceRegionResult: regionsFor(ctx, type).map((region) => ({
          Region: region,
          TotalCount: boundInstances(ctx, task, type, region).length,
          Error: '',
        })),
      }))
    : [];
  return {
    TaskId: task.taskId,
    BindResourceResult: results,
    Status: done ? 1 : 0,
    Error: null,
    CacheTime: formatBeijingTime(done ? task.completesAt : task.createdAt),
  };
}

function requireTask(ctx: HandlerContext, taskId: string): BindTask {
  const task = ctx.state.jobs.findBindTask(taskId);
  if (!task)
    throw new EmulatorError('FailedOperation.CertificateSyncTaskIdInvalid', `Task ${taskId} does not exist.`);
  return task;
}

type RegionalList<T> = { Region: string; InstanceList: T[]; TotalCount: number; Error: string };

export const bindTaskHandlers: HandlerTable = {
  CreateCertificateBindResourceSyncTask: (params, ctx) => {
    const now = ctx.clock.now();
    if (
      params.CertificateIds.length === 0 ||
      params.CertificateIds.length > MAX_CERTIFICATES_PER_TASK_REQUEST
    ) {
      // The action documents the limit (「总数不能超过100」) but no code for it; CertificateSyncTaskCertificateIdCountInvalid
      // is DeleteCertificates' own. The common code for a value out of range says it.
      throw new EmulatorError(
        'InvalidParameterValue',
        `CertificateIds takes between 1 and ${MAX_CERTIFICATES_PER_TASK_REQUEST} certificate ids.`,
      );
    }
    const tasks = ctx.state.jobs.bindTasks;
    const certTaskIds = [...new Set(params.CertificateIds)].map((certId) => {
      ctx.state.certificates.require(certId);
      const ofCertificate = tasks
        .filter((task) => task.certId === certId)
        .sort((a, b) => b.createdAt - a.createdAt);
      // A query still running for the certificate is returned as is; IsCache=1 also reuses a recent result.
      const reusable = ofCertificate.find(
        (task) =>
          !isDone(task, now) || (params.IsCache === 1 && now - task.completesAt <= BIND_TASK_CACHE_MS),
      );
      if (reusable) return { CertId: certId, TaskId: reusable.taskId };
      const task: BindTask = {
        taskId: ctx.state.jobs.nextBindTaskId(),
        certId,
        createdAt: now,
        completesAt: now + BIND_TASK_QUERY_MS,
      };
      tasks.push(task);
      return { CertId: certId, TaskId: task.taskId };
    });
    return { CertTaskIds: certTaskIds };
  },

  DescribeCertificateBindResourceTaskResult: (params, ctx) => {
    if (params.TaskIds.length > MAX_TASK_IDS) {
      throw new EmulatorError('FailedOperation', `At most ${MAX_TASK_IDS} task ids are accepted.`);
    }
    const now = ctx.clock.now();
    return {
      SyncTaskBindResourceResult: params.TaskIds.map((id) => taskResult(ctx, requireTask(ctx, id), now)),
    };
  },

  DescribeCertificateBindResourceTaskDetail: (params, ctx) => {
    const now = ctx.clock.now();
    const task = requireTask(ctx, params.TaskId);
    const offset = parseStringInteger(params.Offset, 'Offset', 0, 'FailedOperation');
    const limit = parseStringInteger(params.Limit, 'Limit', 10, 'FailedOperation');
    if (limit > DETAIL_LIMIT_MAX)
      throw new EmulatorError('FailedOperation', `Limit is at most ${DETAIL_LIMIT_MAX}.`);
    const wanted = new Set<string>(params.ResourceTypes?.length ? params.ResourceTypes : BIND_TASK_TYPES);
    const regionFilter = params.Regions?.length ? new Set(params.Regions) : null;
    const done = isDone(task, now);
    const included = (type: BindTaskType) => done && wanted.has(type);

    // Paging applies per resource type and per region.
    function regional<T extends BindTaskType>(type: T): Array<RegionalList<BoundInstanceOf[T]>> {
      if (!included(type)) return [];
      return regionsFor(ctx, type)
        .filter((region) => !regionFilter || regionFilter.has(region))
        .map((region) => {
          const all = boundInstances(ctx, task, type, region);
          return {
            Region: region,
            InstanceList: all.slice(offset, offset + limit),
            TotalCount: all.length,
            Error: '',
          };
        });
    }
    function global<T extends BindTaskType>(type: T) {
      if (!included(type)) return [];
      const all = boundInstances(ctx, task, type, '');
      return [{ InstanceList: all.slice(offset, offset + limit), TotalCount: all.length, Error: '' }];
    }

    const response: Omit<DescribeCertificateBindResourceTaskDetailResponse, 'RequestId'> = {
      CLB: regional('clb'),
      CDN: global('cdn'),
      WAF: regional('waf'),
      DDOS: global('ddos'),
      LIVE: global('live'),
      VOD: global('vod'),
      TKE: regional('tke'),
      APIGATEWAY: regional('apigateway'),
      TCB: regional('tcb').map((list) => ({
        Region: list.Region,
        Environments: list.InstanceList,
        Error: null,
      })),
      TEO: global('teo'),
      Status: done ? 1 : 0,
      CacheTime: formatBeijingTime(done ? task.completesAt : task.createdAt),
      TSE: regional('tse'),
      COS: regional('cos'),
    };
    return response;
  },

  DescribeDeployedResources: (params, ctx) => {
    if (params.CertificateIds.length > MAX_DEPLOYED_RESOURCES_CERTIFICATES) {
      throw new EmulatorError(
        'InvalidParameter.CertificateIdNumberLimit',
        `At most ${MAX_DEPLOYED_RESOURCES_CERTIFICATES} certificate ids per query.`,
      );
    }
    // This legacy action spells Anti-DDoS "antiddos" and covers fewer types than the bind tasks.
    const typeByName: Record<string, ResourceType> = {
      clb: 'clb',
      cdn: 'cdn',
      live: 'live',
      waf: 'waf',
      antiddos: 'ddos',
      teo: 'teo',
    };
    const resourceType = typeByName[params.ResourceType];
    if (!resourceType) {
      throw new EmulatorError(
        'InvalidParameter.WithDetailReason',
        `ResourceType must be one of ${Object.keys(typeByName).join(', ')}.`,
      );
    }
    for (const certId of params.CertificateIds) {
      if (!ctx.state.certificates.get(certId)) {
        throw new EmulatorError(
          'InvalidParameter.ContainsInvalidCertificateId',
          `Invalid certificate id ${certId}.`,
        );
      }
    }
    const now = ctx.clock.now();
    return {
      DeployedResources: params.CertificateIds.map((certId) => {
        const bound = ctx.state.resources.targets(resourceType).filter((t) => t.slot.at(now) === certId);
        // CLB and Anti-DDoS report instance ids, the domain-based types their domains.
        const resources = [
          ...new Set(
            bound.map((t) =>
              resourceType === 'clb' || resourceType === 'ddos' ? t.primaryId : (t.domains[0] ?? t.primaryId),
            ),
          ),
        ];
        return {
          CertificateId: certId,
          Count: resources.length,
          Type: params.ResourceType,
          // Deprecated ("same as Resources"); the spec types it as a non-null array, so it mirrors Resources.
          ResourceIds: [...resources],
          Resources: resources,
        };
      }),
    };
  },
};
