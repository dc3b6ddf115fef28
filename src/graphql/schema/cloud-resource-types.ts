// Every resource kind in one table, and the one way to turn an upstream instance structure into the graph's
// shape. Other domains (e.g. bind-resource task details) use cloudResourceFromUpstream and CloudResourceRef.
import type {
  AnyCloudResource,
  CloudResourceOf,
  ResourceKind,
  UpstreamResourceDetails,
} from './cloud-resource.ts';
import { clbKind } from './cloud-resource-clb.ts';
import {
  apiGatewayKind,
  cdnKind,
  cosKind,
  ddosKind,
  liveKind,
  teoKind,
  vodKind,
  wafKind,
} from './cloud-resource-domains.ts';
import type { ResourceTypeCode } from './cloud-resource-enums.ts';
import { lighthouseKind, tcbKind, tseKind } from './cloud-resource-platforms.ts';
import { tkeKind } from './cloud-resource-tke.ts';

export { type AnyCloudResource, CloudResourceRef, type UpstreamResourceDetails } from './cloud-resource.ts';
export { ClbLoadBalancerRef } from './cloud-resource-clb.ts';
export {
  AntiDdosDomainRef,
  ApiGatewayCustomDomainRef,
  CdnDomainRef,
  CosBucketDomainRef,
  EdgeOneDomainRef,
  LiveDomainRef,
  VodDomainRef,
  WafDomainRef,
} from './cloud-resource-domains.ts';
export { ResourceType, type ResourceTypeCode } from './cloud-resource-enums.ts';
export { LighthouseInstanceRef, TcbEnvironmentRef, TseGatewayRef } from './cloud-resource-platforms.ts';
export { TkeClusterRef } from './cloud-resource-tke.ts';

const KINDS: { [T in ResourceTypeCode]: ResourceKind<T> } = {
  clb: clbKind,
  cdn: cdnKind,
  waf: wafKind,
  live: liveKind,
  vod: vodKind,
  ddos: ddosKind,
  teo: teoKind,
  apigateway: apiGatewayKind,
  tke: tkeKind,
  tcb: tcbKind,
  tse: tseKind,
  cos: cosKind,
  lighthouse: lighthouseKind,
};

/**
 * The graph's shape of one upstream instance structure of `resourceType` (a ClbInstanceDetail, a
 * TkeInstanceDetail, a TCBEnvironments...). `region` is the region the caller listed it under, for structures
 * that do not name their own (bind-resource task details are grouped per region).
 */
export function cloudResourceFromUpstream<T extends ResourceTypeCode>(
  resourceType: T,
  detail: UpstreamResourceDetails[T],
  region: string | null = null,
): CloudResourceOf<T> {
  const kind: ResourceKind<T> = KINDS[resourceType];
  return {
    resourceType,
    detail,
    region: kind.regionOf?.(detail) ?? (region === '' ? null : region),
    ...kind.summarize(detail),
  };
}

/** The same, widened to the interface's shape. */
export function anyCloudResourceFromUpstream<T extends ResourceTypeCode>(
  resourceType: T,
  detail: UpstreamResourceDetails[T],
  region: string | null = null,
): AnyCloudResource {
  // CloudResourceOf<T> is one member of the AnyCloudResource union for every T.
  return cloudResourceFromUpstream(resourceType, detail, region) as AnyCloudResource;
}
