import type {
  BindResourceRegionResult,
  BindResourceResult,
  SyncTaskBindResourceResult,
} from '../../ssl/models.generated.ts';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import { type JobSnapshot, type JobState, type JobStatusValue, registerJobKind } from '../jobs/job-kinds.ts';
import { fetchBindResourceTaskResults, MAX_BIND_TASK_IDS_PER_CALL } from '../loaders/bind-resource-tasks.ts';
import { translatingUpstreamErrors } from '../loaders/upstream-errors.ts';
import { parseUpstreamTime } from '../time.ts';
import { presentOrNull } from '../upstream-values.ts';
import { CertificateRef } from './certificate.ts';
import { ResourceType } from './cloud-resource-enums.ts';
import { JobRef, JobWaitInputRef, loadJob } from './job.ts';
import { upstreamEnum } from './upstream-enum.ts';

/**
 * A query Tencent Cloud runs to find the cloud resources one certificate is bound to
 * (CreateCertificateBindResourceSyncTask), read back with DescribeCertificateBindResourceTaskResult (counts) and
 * DescribeCertificateBindResourceTaskDetail (instances).
 */
export interface BindResourceTaskShape {
  readonly kind: 'BIND_RESOURCE_TASK';
  readonly id: string;
  /**
   * The certificate queried. Only the create response pairs it with the task ID; a task loaded by ID alone
   * does not know it, because the task result does not name its certificate.
   */
  readonly certificateId?: string | null;
  /** The upstream result, when the value is a snapshot. */
  readonly result?: SyncTaskBindResourceResult;
  readonly state?: JobState;
}

export const BindTaskStatus = upstreamEnum(
  'BindResourceTaskQueryStatus',
  {
    QUERYING: { value: 0, description: 'Tencent Cloud is still looking for the bound resources.' },
    SUCCEEDED: {
      value: 1,
      description:
        'The query finished; the counts and instances are available (some regions may report errors).',
    },
    FAILED: { value: 2, description: 'The query failed (see `error`).' },
  },
  {
    description: 'Where a bound-resource query stands, as Tencent Cloud reports it.',
    upstreamField: 'SyncTaskBindResourceResult.Status',
  },
);

function hasRegionErrors(result: SyncTaskBindResourceResult): boolean {
  return result.BindResourceResult.some((type) =>
    type.BindResourceRegionResult.some((region) => presentOrNull(region.Error) !== null),
  );
}

/** The uniform state: one unit of work (the query); region errors of a finished query make it partial. */
function stateOf(result: SyncTaskBindResourceResult): JobState {
  const code = BindTaskStatus.fromUpstream(result.Status);
  const status: JobStatusValue =
    code === 0
      ? 'RUNNING'
      : code === 2
        ? 'FAILED'
        : hasRegionErrors(result)
          ? 'PARTIALLY_FAILED'
          : 'SUCCEEDED';
  const finished = code !== 0;
  return {
    status,
    progress: {
      total: 1,
      succeeded: status === 'SUCCEEDED' || status === 'PARTIALLY_FAILED' ? 1 : 0,
      failed: status === 'FAILED' ? 1 : 0,
      running: finished ? 0 : 1,
      pending: 0,
    },
    // The upstream reports no start time; CacheTime is when a finished result was produced.
    startedAt: null,
    finishedAt: finished ? parseUpstreamTime(result.CacheTime) : null,
  };
}

export function bindResourceTaskSnapshot(
  id: string,
  result: SyncTaskBindResourceResult,
  certificateId: string | null = null,
): JobSnapshot<BindResourceTaskShape> {
  return { kind: 'BIND_RESOURCE_TASK', id, certificateId, result, state: stateOf(result) };
}

registerJobKind<BindResourceTaskShape>({
  kind: 'BIND_RESOURCE_TASK',
  typeName: 'BindResourceTask',
  async load(id, context) {
    const result = await context.loaders.bindResourceTasks.results.load(id);
    return result === null ? null : bindResourceTaskSnapshot(id, result);
  },
  async poll(ssl, id, signal) {
    const [result] = await translatingUpstreamErrors(() => fetchBindResourceTaskResults(ssl, [id], signal));
    return result === null || result === undefined ? null : bindResourceTaskSnapshot(id, result);
  },
  pollMany: {
    maxIds: MAX_BIND_TASK_IDS_PER_CALL,
    async poll(ssl, ids, signal) {
      const results = await translatingUpstreamErrors(() => fetchBindResourceTaskResults(ssl, ids, signal));
      return ids.map((id, index) => {
        const result = results[index];
        return result === null || result === undefined ? null : bindResourceTaskSnapshot(id, result);
      });
    },
  },
});

/** The task's upstream result: carried by snapshots, loaded (batched, once per request) otherwise. */
export async function resultOf(
  task: BindResourceTaskShape,
  context: GraphQLContext,
): Promise<SyncTaskBindResourceResult | null> {
  return task.result ?? (await context.loaders.bindResourceTasks.results.load(task.id));
}

const BindResourceTaskErrorRef = builder
  .objectRef<{ readonly code: string; readonly message: string }>('BindResourceTaskError')
  .implement({
    description: 'Why a bound-resource query failed.',
    fields: (t) => ({
      code: t.exposeString('code', { nullable: false, description: 'The Tencent Cloud error code.' }),
      message: t.exposeString('message', { nullable: false, description: 'What went wrong, for people.' }),
    }),
  });

const BindResourceRegionResultRef = builder
  .objectRef<BindResourceRegionResult>('BindResourceRegionResult')
  .implement({
    description: 'How many resources of one type bound to the certificate were found in one region.',
    fields: (t) => ({
      region: t.string({
        description: 'The region (e.g. `ap-guangzhou`); null for resource types that are not regional.',
        resolve: (region) => presentOrNull(region.Region),
      }),
      totalCount: t.int({
        description: 'How many bound resources were found in the region.',
        nullable: false,
        resolve: (region) => region.TotalCount,
      }),
      error: t.string({
        description:
          'Why the region could not be queried (its count is then incomplete); null when it could.',
        resolve: (region) => presentOrNull(region.Error),
      }),
    }),
  });

const BindResourceTypeResultRef = builder.objectRef<BindResourceResult>('BindResourceTypeResult').implement({
  description: 'What a bound-resource query found for one resource type, in total and per region.',
  fields: (t) => ({
    resourceType: t.field({
      type: ResourceType.ref,
      description: 'The kind of cloud resource.',
      resolve: (result) => ResourceType.fromUpstream(result.ResourceType),
    }),
    totalCount: t.int({
      description: 'How many bound resources of this type were found, over every region.',
      nullable: false,
      resolve: (result) =>
        result.BindResourceRegionResult.reduce((sum, region) => sum + region.TotalCount, 0),
    }),
    regions: t.field({
      type: [BindResourceRegionResultRef],
      description:
        'The count per region, in the order Tencent Cloud lists them (one entry without a region for global types).',
      nullable: false,
      resolve: (result) => result.BindResourceRegionResult,
    }),
  }),
});

export const BindResourceTaskRef = builder.objectRef<BindResourceTaskShape>('BindResourceTask');

BindResourceTaskRef.implement({
  description:
    'A query for the cloud resources one certificate is bound to, started by `certificateBindingsRefresh`. A job: ' +
    'follow it with `wait`, `Query.job` or `Subscription.jobProgress` (kind BIND_RESOURCE_TASK). A finished query ' +
    'whose regions partly failed is PARTIALLY_FAILED.',
  interfaces: [JobRef],
  isTypeOf: (value) => (value as { kind?: unknown }).kind === 'BIND_RESOURCE_TASK',
  fields: (t) => ({
    queryStatus: t.field({
      type: BindTaskStatus.ref,
      description: 'Where the query stands, as Tencent Cloud reports it.',
      resolve: async (task, _args, context) => {
        const result = await resultOf(task, context);
        return result === null ? null : BindTaskStatus.fromUpstream(result.Status);
      },
    }),
    certificate: t.field({
      type: CertificateRef,
      description:
        'The certificate queried. Known when the task came from `certificateBindingsRefresh`; null when it was ' +
        'looked up by ID alone (Tencent Cloud does not report it then), or the certificate no longer exists.',
      resolve: (task, _args, context) =>
        task.certificateId === null || task.certificateId === undefined
          ? null
          : context.loaders.certificates.byId.load(task.certificateId),
    }),
    cachedAt: t.field({
      type: 'DateTime',
      description:
        'When the result was produced; a result reused from the last 30 minutes (`useCache`) is older than the ' +
        'request that returned it. Null while querying.',
      resolve: async (task, _args, context) => {
        const result = await resultOf(task, context);
        return result === null || result.Status === 0 ? null : parseUpstreamTime(result.CacheTime);
      },
    }),
    error: t.field({
      type: BindResourceTaskErrorRef,
      description: 'Why the query failed; null unless it failed.',
      resolve: async (task, _args, context) => {
        const error = (await resultOf(task, context))?.Error ?? null;
        return error === null || presentOrNull(error.Code) === null
          ? null
          : { code: error.Code, message: error.Message };
      },
    }),
    results: t.field({
      type: [BindResourceTypeResultRef],
      description:
        'The bound resources found, counted per resource type and region; empty until the query succeeded. Cheap: ' +
        'the results of every task of a request are read in one call.',
      nullable: false,
      resolve: async (task, _args, context) => (await resultOf(task, context))?.BindResourceResult ?? [],
    }),
  }),
});

/** A waited snapshot is loaded by ID alone: it keeps the certificate the held task already knew. */
export function withHeldCertificate(
  held: BindResourceTaskShape,
  snapshot: JobSnapshot,
): BindResourceTaskShape {
  return { ...(snapshot as BindResourceTaskShape), certificateId: held.certificateId ?? null };
}

builder.queryField('bindResourceTask', (t) =>
  t.field({
    type: BindResourceTaskRef,
    description:
      'A bound-resource query by task ID (as returned by `certificateBindingsRefresh`). With `wait`, answers once ' +
      'it finished or the timeout passed. Null when Tencent Cloud does not know the task.',
    args: {
      id: t.arg.id({ required: true, description: 'The task ID.' }),
      wait: t.arg({ type: JobWaitInputRef, description: 'Wait for the query to finish first.' }),
    },
    resolve: (_root, args, context, info) =>
      loadJob(
        'BIND_RESOURCE_TASK',
        String(args.id),
        args.wait,
        context,
        info,
      ) as Promise<BindResourceTaskShape | null>,
  }),
);
