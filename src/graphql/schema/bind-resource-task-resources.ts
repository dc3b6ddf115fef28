// The bound instances a bind-resource query found (DescribeCertificateBindResourceTaskDetail), as a connection of
// CloudResource per resource type, optionally of one region.
import { createGraphQLError } from 'graphql-yoga';
import type { DescribeCertificateBindResourceTaskDetailResponse } from '../../ssl/models.generated.ts';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import { MAX_BIND_TASK_DETAIL_LIMIT } from '../loaders/bind-resource-tasks.ts';
import { BindResourceTaskRef, type BindResourceTaskShape, resultOf } from './bind-resource-task.ts';
import { isKnownRegion } from './certificate-inputs.ts';
import type { AnyCloudResource, UpstreamResourceDetails } from './cloud-resource.ts';
import type { ResourceTypeCode } from './cloud-resource-enums.ts';
import { anyCloudResourceFromUpstream, CloudResourceRef, ResourceType } from './cloud-resource-types.ts';
import { forwardWindow, type OffsetConnectionShape, toOffsetConnection } from './pagination.ts';

/** The resource types a bind-resource query reports (Lighthouse can be deployed to but is never queried). */
type QueriedType = Exclude<ResourceTypeCode, 'lighthouse'>;

/** One region's slice of one type in a detail response (one entry without a region for global types). */
interface DetailRegionList<T extends QueriedType> {
  readonly region: string | null;
  /** Null for TCB, whose detail lists carry no total. */
  readonly totalCount: number | null;
  readonly items: readonly UpstreamResourceDetails[T][];
}

type Response = DescribeCertificateBindResourceTaskDetailResponse;

/** Where each type sits in the detail response, and how its per-region lists are spelled. */
const DETAIL_LISTS: { readonly [T in QueriedType]: (response: Response) => DetailRegionList<T>[] } = {
  clb: (r) => r.CLB.map((l) => ({ region: l.Region, totalCount: l.TotalCount, items: l.InstanceList })),
  waf: (r) => r.WAF.map((l) => ({ region: l.Region, totalCount: l.TotalCount, items: l.InstanceList ?? [] })),
  tke: (r) => r.TKE.map((l) => ({ region: l.Region, totalCount: l.TotalCount, items: l.InstanceList ?? [] })),
  apigateway: (r) =>
    r.APIGATEWAY.map((l) => ({ region: l.Region, totalCount: l.TotalCount, items: l.InstanceList })),
  tcb: (r) => r.TCB.map((l) => ({ region: l.Region, totalCount: null, items: l.Environments ?? [] })),
  tse: (r) => r.TSE.map((l) => ({ region: l.Region, totalCount: l.TotalCount, items: l.InstanceList ?? [] })),
  cos: (r) => r.COS.map((l) => ({ region: l.Region, totalCount: l.TotalCount, items: l.InstanceList })),
  cdn: (r) => r.CDN.map((l) => ({ region: null, totalCount: l.TotalCount, items: l.InstanceList })),
  ddos: (r) => r.DDOS.map((l) => ({ region: null, totalCount: l.TotalCount, items: l.InstanceList })),
  live: (r) => r.LIVE.map((l) => ({ region: null, totalCount: l.TotalCount, items: l.InstanceList ?? [] })),
  vod: (r) => r.VOD.map((l) => ({ region: null, totalCount: l.TotalCount, items: l.InstanceList ?? [] })),
  teo: (r) => r.TEO.map((l) => ({ region: null, totalCount: l.TotalCount, items: l.InstanceList ?? [] })),
};

/** The types the detail action accepts a Regions filter for (CATALOGUE §5). */
const REGIONAL_TYPES: ReadonlySet<QueriedType> = new Set([
  'clb',
  'tke',
  'waf',
  'apigateway',
  'tcb',
  'cos',
  'tse',
]);

interface RegionSlice {
  readonly region: string | null;
  readonly totalCount: number;
  readonly items: readonly AnyCloudResource[];
}

/** The bound instances of `type` in the response, per region, in the graph's shape. */
function regionSlices<T extends QueriedType>(
  type: T,
  response: Response,
  tcbTotals: ReadonlyMap<string, number>,
): RegionSlice[] {
  return DETAIL_LISTS[type](response).map((list) => ({
    region: list.region,
    // TCB lists carry no total: the task result's count for the region stands in for it.
    totalCount: list.totalCount ?? tcbTotals.get(list.region ?? '') ?? list.items.length,
    items: list.items.map((item) => anyCloudResourceFromUpstream(type, item, list.region)),
  }));
}

function badArgument(message: string, argumentName: string): Error {
  return createGraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argumentName } });
}

function queriedType(code: ResourceTypeCode): QueriedType {
  if (code === 'lighthouse') {
    throw badArgument('Bound-resource queries do not cover Lighthouse.', 'resourceType');
  }
  return code;
}

async function tcbRegionTotals(task: BindResourceTaskShape, context: GraphQLContext) {
  const result = await resultOf(task, context);
  const tcb = result?.BindResourceResult.find((entry) => entry.ResourceType.toLowerCase() === 'tcb');
  return new Map((tcb?.BindResourceRegionResult ?? []).map((entry) => [entry.Region, entry.TotalCount]));
}

/**
 * One window of the instances of `type`. Tencent Cloud applies Offset/Limit to each region separately, so a
 * window over every region of a regional type is cut from per-region calls: a first call (offset 0) gives each
 * region's total and first instances, and further calls ask single regions for what the window still needs.
 */
async function resourceWindow(
  task: BindResourceTaskShape,
  type: QueriedType,
  region: string | null,
  offset: number,
  limit: number,
  context: GraphQLContext,
): Promise<{ totalCount: number; items: AnyCloudResource[] }> {
  const tcbTotals = type === 'tcb' ? await tcbRegionTotals(task, context) : new Map<string, number>();
  const fetchSlices = async (inRegion: string | null, at: number, count: number) =>
    regionSlices(
      type,
      await context.loaders.bindResourceTasks.detail({
        taskId: task.id,
        resourceType: type,
        region: inRegion,
        offset: at,
        limit: count,
      }),
      tcbTotals,
    );
  // Limit 0 means "the default" upstream: an empty window still asks for one instance to learn the total.
  const askFor = Math.max(1, limit);

  if (region !== null || !REGIONAL_TYPES.has(type)) {
    const slices = await fetchSlices(region, offset, askFor);
    const slice = region === null ? slices[0] : slices.find((entry) => entry.region === region);
    return { totalCount: slice?.totalCount ?? 0, items: (slice?.items ?? []).slice(0, limit) };
  }

  const firstPages = await fetchSlices(null, 0, askFor);
  const totalCount = firstPages.reduce((sum, slice) => sum + slice.totalCount, 0);
  const items: AnyCloudResource[] = [];
  let regionStart = 0;
  for (const slice of firstPages) {
    const regionEnd = regionStart + slice.totalCount;
    const from = offset + items.length;
    if (items.length < limit && from < regionEnd) {
      const local = from - regionStart;
      const wanted = Math.min(limit - items.length, regionEnd - from);
      const fetched =
        local + wanted <= slice.items.length
          ? slice.items.slice(local, local + wanted)
          : ((await fetchSlices(slice.region, local, wanted)).find((entry) => entry.region === slice.region)
              ?.items ?? []);
      items.push(...fetched.slice(0, wanted));
    }
    regionStart = regionEnd;
  }
  return { totalCount, items };
}

type BindResourceConnectionShape = OffsetConnectionShape<AnyCloudResource>;

const BindResourceConnectionRef = builder.connectionObject<
  typeof CloudResourceRef,
  BindResourceConnectionShape
>(
  {
    type: CloudResourceRef,
    name: 'BindResourceTaskResourceConnection',
    description: 'A page of the resources of one type a bound-resource query found.',
    fields: (t) => ({
      totalCount: t.int({
        description: 'How many bound resources of the type (and region) were found, across all pages.',
        nullable: false,
        resolve: (connection) => connection.totalCount,
      }),
    }),
  },
  {
    name: 'BindResourceTaskResourceEdge',
    description: 'A resource in a BindResourceTaskResourceConnection.',
  },
);

builder.objectField(BindResourceTaskRef, 'resources', (t) =>
  t.field({
    type: BindResourceConnectionRef,
    description:
      'The bound resources of one type the query found, with their details (DescribeCertificateBindResourceTaskDetail); ' +
      'empty until the query succeeded. Tencent Cloud pages these per resource type and per region, at most ' +
      `${MAX_BIND_TASK_DETAIL_LIMIT} at a time: with \`region\`, a page is one call; without it, the resources of a ` +
      'regional type are listed region after region (in the order `results` shows), and a page costs one call ' +
      'plus one per further region it reaches into beyond the first instances of each region.',
    nullable: false,
    args: {
      resourceType: t.arg({ type: ResourceType.ref, required: true, description: 'Which kind of resource.' }),
      region: t.arg.string({
        description:
          "Only this region (e.g. `ap-guangzhou`, one of the API's 18); only for CLB, TKE, WAF, API Gateway, TCB, " +
          'COS and TSE.',
      }),
      first: t.arg.int({
        description: `How many resources to return (default 20, at most ${MAX_BIND_TASK_DETAIL_LIMIT}).`,
      }),
      after: t.arg.string({ description: 'Return the resources after this cursor.' }),
    },
    resolve: async (task, args, context) => {
      const type = queriedType(args.resourceType);
      const region = args.region?.trim() || null;
      if (region !== null && !REGIONAL_TYPES.has(type)) {
        throw badArgument(`${type} resources are not regional; leave \`region\` out.`, 'region');
      }
      if (region !== null && !isKnownRegion(region)) {
        throw badArgument(`${JSON.stringify(region)} is not a Tencent Cloud region.`, 'region');
      }
      const { offset, limit } = forwardWindow(args);
      const window = await resourceWindow(task, type, region, offset, limit, context);
      return toOffsetConnection({ totalCount: window.totalCount, offset, items: window.items });
    },
  }),
);
