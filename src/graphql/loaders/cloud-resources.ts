import DataLoader from 'dataloader';
import { createGraphQLError } from 'graphql-yoga';
import type { SslActionName, SslCaller, SslRequest, SslResponse } from '../../ssl/actions.ts';
import type { DeployedResources, FilterInput } from '../../ssl/models.generated.ts';
import { SSL_SPEC } from '../../ssl/spec.generated.ts';
import type { SpecActionDescriptor } from '../../ssl/spec-types.ts';
import type { LoaderGroup } from './request-loaders.ts';
import { translatingUpstreamErrors } from './upstream-errors.ts';

/**
 * The DescribeHost*InstanceList action of each resource type that has one. TSE and TCB have none: their
 * resources are only reported by the bind-resource task details.
 */
export const INSTANCE_LIST_ACTIONS = {
  clb: 'DescribeHostClbInstanceList',
  cdn: 'DescribeHostCdnInstanceList',
  cos: 'DescribeHostCosInstanceList',
  tke: 'DescribeHostTkeInstanceList',
  teo: 'DescribeHostTeoInstanceList',
  ddos: 'DescribeHostDdosInstanceList',
  apigateway: 'DescribeHostApiGatewayInstanceList',
  lighthouse: 'DescribeHostLighthouseInstanceList',
  live: 'DescribeHostLiveInstanceList',
  vod: 'DescribeHostVodInstanceList',
  waf: 'DescribeHostWafInstanceList',
} as const satisfies Record<string, SslActionName>;

export type ListableResourceType = keyof typeof INSTANCE_LIST_ACTIONS;
type InstanceListAction = (typeof INSTANCE_LIST_ACTIONS)[ListableResourceType];

/** One instance as the list action of `T` returns it. */
export type ListedInstanceOf<T extends ListableResourceType> = SslResponse<
  (typeof INSTANCE_LIST_ACTIONS)[T]
>['InstanceList'][number];

export function isListableResourceType(type: string): type is ListableResourceType {
  return Object.hasOwn(INSTANCE_LIST_ACTIONS, type);
}

/**
 * The documented inputs differ per action (CATALOGUE §5): who pages and how, who refreshes its cache in the
 * background and reports the progress, who filters by the currently bound certificate.
 */
interface ListCapabilities {
  /** `integer`: Offset/Limit numbers; `string-offset`: Offset is a String; `none`: the whole list at once. */
  readonly paging: 'integer' | 'string-offset' | 'none';
  /** `progress`: AsyncCache with AsyncTotalNum/AsyncOffset/AsyncCacheTime; `silent`: accepted, no outputs. */
  readonly backgroundRefresh: 'progress' | 'silent' | 'none';
  readonly filtersByBoundCertificate: boolean;
  readonly requiresCertificate: boolean;
  /** The deprecated ResourceType input the action still documents (cos, ddos). */
  readonly resourceTypeInput: boolean;
}

const CAPABILITIES: Record<ListableResourceType, ListCapabilities> = {
  clb: {
    paging: 'integer',
    backgroundRefresh: 'progress',
    filtersByBoundCertificate: true,
    requiresCertificate: false,
    resourceTypeInput: false,
  },
  cdn: {
    paging: 'integer',
    backgroundRefresh: 'progress',
    filtersByBoundCertificate: true,
    requiresCertificate: false,
    resourceTypeInput: false,
  },
  cos: {
    paging: 'integer',
    backgroundRefresh: 'progress',
    filtersByBoundCertificate: true,
    requiresCertificate: false,
    resourceTypeInput: true,
  },
  tke: {
    paging: 'integer',
    backgroundRefresh: 'progress',
    filtersByBoundCertificate: true,
    requiresCertificate: false,
    resourceTypeInput: false,
  },
  teo: {
    paging: 'integer',
    backgroundRefresh: 'silent',
    filtersByBoundCertificate: true,
    requiresCertificate: true,
    resourceTypeInput: false,
  },
  ddos: {
    paging: 'integer',
    backgroundRefresh: 'none',
    filtersByBoundCertificate: true,
    requiresCertificate: false,
    resourceTypeInput: true,
  },
  apigateway: {
    paging: 'string-offset',
    backgroundRefresh: 'none',
    filtersByBoundCertificate: true,
    requiresCertificate: false,
    resourceTypeInput: false,
  },
  lighthouse: {
    paging: 'none',
    backgroundRefresh: 'none',
    filtersByBoundCertificate: false,
    requiresCertificate: false,
    resourceTypeInput: false,
  },
  live: {
    paging: 'none',
    backgroundRefresh: 'none',
    filtersByBoundCertificate: true,
    requiresCertificate: false,
    resourceTypeInput: false,
  },
  vod: {
    paging: 'none',
    backgroundRefresh: 'none',
    filtersByBoundCertificate: true,
    requiresCertificate: false,
    resourceTypeInput: false,
  },
  waf: {
    paging: 'none',
    backgroundRefresh: 'none',
    filtersByBoundCertificate: true,
    requiresCertificate: false,
    resourceTypeInput: false,
  },
};

/** The largest page the action of `type` documents, or null when it documents none or does not page. */
export function maxPageSizeOf(type: ListableResourceType): number | null {
  const descriptor: SpecActionDescriptor = SSL_SPEC.actions[INSTANCE_LIST_ACTIONS[type]];
  return descriptor.pagination?.maxLimit ?? null;
}

/** The inputs every list action shares, in the schema's terms. */
export interface CloudResourceListQuery {
  /** CertificateId: list the instances this certificate could be deployed to. */
  readonly deployableCertificateId?: string | null;
  /** Filters domainMatch: instances whose domains the certificate covers (true, the upstream default) or not. */
  readonly domainMatch?: boolean | null;
  /** OldCertificateId: only instances currently serving this certificate. */
  readonly boundCertificateId?: string | null;
  /** IsCache: accept the upstream's cached instance data (up to 30 minutes old). */
  readonly useCache: boolean;
  /** AsyncCache=1: start refreshing the upstream's cache in the background. */
  readonly refreshCache: boolean;
}

/** The upstream's instance cache, as the actions with background refresh report it. */
export interface InstanceCacheState {
  readonly asyncTotalNum: number;
  readonly asyncOffset: number;
  readonly asyncCacheTime: string;
}

export interface CloudResourcePage<T extends ListableResourceType> {
  readonly totalCount: number;
  readonly offset: number;
  readonly instances: readonly ListedInstanceOf<T>[];
  /** Null for the actions that report no cache state. */
  readonly cache: InstanceCacheState | null;
}

/** The types DescribeDeployedResources answers, with its own spelling of Anti-DDoS. */
const DEPLOYED_RESOURCES_TYPE_CODES: Readonly<Record<string, string>> = {
  clb: 'clb',
  cdn: 'cdn',
  live: 'live',
  waf: 'waf',
  ddos: 'antiddos',
  teo: 'teo',
};

export const DEPLOYED_RESOURCES_TYPES = Object.keys(DEPLOYED_RESOURCES_TYPE_CODES);

/** DescribeDeployedResources.CertificateIds (InvalidParameter.CertificateIdNumberLimit). */
export const MAX_CERTIFICATES_PER_DEPLOYED_RESOURCES_CALL = 50;

/** What a certificate is bound to, for one resource type. */
export interface BoundResourceIdentifiers {
  readonly count: number;
  /** Instance IDs (CLB, Anti-DDoS) or domains (the other types). */
  readonly resources: readonly string[];
}

export interface CloudResourceLoaders extends LoaderGroup {
  /** A window of the instances of `type` selected by `query`, in the upstream's order. */
  list<T extends ListableResourceType>(
    type: T,
    query: CloudResourceListQuery,
    window: { offset: number; limit: number },
  ): Promise<CloudResourcePage<T>>;
  /**
   * What each certificate is bound to among the resources of `type` (one of DEPLOYED_RESOURCES_TYPES); the
   * certificates asked for in the same tick share one call per type.
   */
  boundResources(type: string, certificateId: string): Promise<BoundResourceIdentifiers>;
}

function badInput(message: string, argumentName: string): Error {
  return createGraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argumentName } });
}

function checkSupported(type: ListableResourceType, query: CloudResourceListQuery): void {
  const capabilities = CAPABILITIES[type];
  const action = INSTANCE_LIST_ACTIONS[type];
  const hasCertificate = Boolean(query.deployableCertificateId);
  if (capabilities.requiresCertificate && !hasCertificate) {
    throw badInput(`${action} needs the certificate to deploy: pass \`deployableFor\`.`, 'deployableFor');
  }
  if (query.boundCertificateId && !capabilities.filtersByBoundCertificate) {
    throw badInput(`${action} cannot filter by the bound certificate.`, 'boundTo');
  }
  if (query.refreshCache && capabilities.backgroundRefresh === 'none') {
    throw badInput(`${action} has no background cache refresh.`, 'refreshCache');
  }
  if (query.domainMatch !== null && query.domainMatch !== undefined && !hasCertificate) {
    // The upstream matches domains against the certificate to deploy; without one the filter means nothing.
    throw badInput('`coveredByCertificate` needs a certificate to deploy.', 'coveredByCertificate');
  }
}

/** The inputs every list action accepts, plus those the capabilities allow. */
function commonRequest(type: ListableResourceType, query: CloudResourceListQuery) {
  const capabilities = CAPABILITIES[type];
  const filters: FilterInput[] | undefined =
    query.domainMatch === null || query.domainMatch === undefined
      ? undefined
      : [{ FilterKey: 'domainMatch', FilterValue: query.domainMatch ? '1' : '0' }];
  return {
    ...(query.deployableCertificateId ? { CertificateId: query.deployableCertificateId } : {}),
    IsCache: query.useCache ? 1 : 0,
    ...(filters ? { Filters: filters } : {}),
    ...(query.boundCertificateId ? { OldCertificateId: query.boundCertificateId } : {}),
    ...(capabilities.backgroundRefresh !== 'none' ? { AsyncCache: query.refreshCache ? 1 : 0 } : {}),
    ...(capabilities.resourceTypeInput ? { ResourceType: type } : {}),
  };
}

/** Reads the cache-state outputs, which only some responses carry. */
function cacheStateOf(response: object): InstanceCacheState | null {
  if (!('AsyncTotalNum' in response && 'AsyncOffset' in response && 'AsyncCacheTime' in response))
    return null;
  const { AsyncTotalNum, AsyncOffset, AsyncCacheTime } = response;
  if (typeof AsyncTotalNum !== 'number' || typeof AsyncOffset !== 'number') return null;
  return {
    asyncTotalNum: AsyncTotalNum,
    asyncOffset: AsyncOffset,
    asyncCacheTime: typeof AsyncCacheTime === 'string' ? AsyncCacheTime : '',
  };
}

export function createCloudResourceLoaders(
  ssl: SslCaller,
  signal: AbortSignal | undefined,
): CloudResourceLoaders {
  const responses = new Map<string, Promise<unknown>>();
  const boundLoaders = new Map<string, DataLoader<string, BoundResourceIdentifiers>>();

  /** One call per distinct request within this GraphQL request. */
  function callOnce<A extends InstanceListAction>(action: A, params: SslRequest<A>): Promise<SslResponse<A>> {
    const key = `${action}:${JSON.stringify(params)}`;
    let response = responses.get(key) as Promise<SslResponse<A>> | undefined;
    if (response === undefined) {
      response = translatingUpstreamErrors(() => ssl.call(action, params, { signal }));
      responses.set(key, response);
    }
    return response;
  }

  /** The upstream window for `window`: at least one item, so an empty page still learns the total. */
  function upstreamLimit(type: ListableResourceType, limit: number): number {
    const max = maxPageSizeOf(type);
    return Math.max(1, max === null ? limit : Math.min(limit, max));
  }

  async function fetchInstances(
    type: ListableResourceType,
    query: CloudResourceListQuery,
    window: { offset: number; limit: number },
  ): Promise<{ totalCount: number; instances: readonly unknown[]; cache: InstanceCacheState | null }> {
    const common = commonRequest(type, query);
    const paging = CAPABILITIES[type].paging;
    const limit = upstreamLimit(type, window.limit);
    let response: { InstanceList: readonly unknown[]; TotalCount?: number };
    // One call site per action keeps every request checked against that action's own input type.
    switch (type) {
      case 'clb':
        response = await callOnce(INSTANCE_LIST_ACTIONS.clb, {
          ...common,
          Offset: window.offset,
          Limit: limit,
        });
        break;
      case 'cdn':
        response = await callOnce(INSTANCE_LIST_ACTIONS.cdn, {
          ...common,
          Offset: window.offset,
          Limit: limit,
        });
        break;
      case 'cos':
        response = await callOnce(INSTANCE_LIST_ACTIONS.cos, {
          ...common,
          Offset: window.offset,
          Limit: limit,
        });
        break;
      case 'tke':
        response = await callOnce(INSTANCE_LIST_ACTIONS.tke, {
          ...common,
          Offset: window.offset,
          Limit: limit,
        });
        break;
      case 'teo':
        response = await callOnce(INSTANCE_LIST_ACTIONS.teo, {
          ...common,
          CertificateId: query.deployableCertificateId ?? '',
          Offset: window.offset,
          Limit: limit,
        });
        break;
      case 'ddos':
        response = await callOnce(INSTANCE_LIST_ACTIONS.ddos, {
          ...common,
          Offset: window.offset,
          Limit: limit,
        });
        break;
      case 'apigateway':
        response = await callOnce(INSTANCE_LIST_ACTIONS.apigateway, {
          ...common,
          Offset: String(window.offset),
          Limit: limit,
        });
        break;
      case 'lighthouse':
        response = await callOnce(INSTANCE_LIST_ACTIONS.lighthouse, common);
        break;
      case 'live':
        response = await callOnce(INSTANCE_LIST_ACTIONS.live, common);
        break;
      case 'vod':
        response = await callOnce(INSTANCE_LIST_ACTIONS.vod, common);
        break;
      case 'waf':
        response = await callOnce(INSTANCE_LIST_ACTIONS.waf, common);
        break;
    }
    if (paging === 'none') {
      // The whole list came back (Live and WAF do not even say how long it is): window it here.
      const all = response.InstanceList;
      return {
        totalCount: all.length,
        instances: all.slice(window.offset, window.offset + window.limit),
        cache: null,
      };
    }
    return {
      totalCount: response.TotalCount ?? response.InstanceList.length,
      instances: response.InstanceList.slice(0, window.limit),
      cache: CAPABILITIES[type].backgroundRefresh === 'progress' ? cacheStateOf(response) : null,
    };
  }

  function boundLoaderFor(type: string): DataLoader<string, BoundResourceIdentifiers> {
    const code = DEPLOYED_RESOURCES_TYPE_CODES[type];
    if (code === undefined) {
      throw badInput(
        `DescribeDeployedResources only covers ${DEPLOYED_RESOURCES_TYPES.join(', ')}; not ${type}.`,
        'type',
      );
    }
    let loader = boundLoaders.get(type);
    if (loader === undefined) {
      loader = new DataLoader<string, BoundResourceIdentifiers>(
        async (certificateIds) => {
          const response = await translatingUpstreamErrors(() =>
            ssl.call(
              'DescribeDeployedResources',
              { CertificateIds: [...new Set(certificateIds)], ResourceType: code },
              { signal },
            ),
          );
          const byCertificate = new Map<string, DeployedResources>(
            response.DeployedResources.map((entry) => [entry.CertificateId, entry]),
          );
          return certificateIds.map((id) => {
            const entry = byCertificate.get(id);
            // ResourceIds is deprecated (it "will return null"): Resources is the list to read.
            const resources = entry?.Resources ?? [];
            return { count: entry?.Count ?? resources.length, resources };
          });
        },
        { maxBatchSize: MAX_CERTIFICATES_PER_DEPLOYED_RESOURCES_CALL },
      );
      boundLoaders.set(type, loader);
    }
    return loader;
  }

  return {
    async list(type, query, window) {
      checkSupported(type, query);
      const page = await fetchInstances(type, query, window);
      return {
        totalCount: page.totalCount,
        offset: window.offset,
        // fetchInstances called the action of `type`, so its instances are that action's.
        instances: page.instances as readonly ListedInstanceOf<typeof type>[],
        cache: page.cache,
      };
    },
    boundResources(type, certificateId) {
      return boundLoaderFor(type).load(certificateId);
    },
    clearAll() {
      responses.clear();
      for (const loader of boundLoaders.values()) loader.clearAll();
    },
  };
}
