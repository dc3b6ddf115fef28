// The CloudResource interface: what every kind of resource a certificate can serve has in common. Each kind
// (cloud-resource-<kind>.ts) implements it on the upstream's instance structure, summarised once on the way in.

import type {
  ApiGatewayInstanceDetail,
  CdnInstanceDetail,
  ClbInstanceDetail,
  CosInstanceDetail,
  DdosInstanceDetail,
  LighthouseInstanceDetail,
  LiveInstanceDetail,
  TCBEnvironments,
  TeoInstanceDetail,
  TkeInstanceDetail,
  TSEInstanceDetail,
  VodInstanceDetail,
  WafInstanceDetail,
} from '../../ssl/models.generated.ts';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import type { CertificateRecord } from '../loaders/certificate-record.ts';
import { presentOrNull } from '../upstream-values.ts';
import { CertificateRef } from './certificate.ts';
import { ResourceType, type ResourceTypeCode } from './cloud-resource-enums.ts';

/** The upstream structure describing one resource of each type (the same in instance lists and task details). */
export interface UpstreamResourceDetails {
  clb: ClbInstanceDetail;
  cdn: CdnInstanceDetail;
  waf: WafInstanceDetail;
  live: LiveInstanceDetail;
  vod: VodInstanceDetail;
  ddos: DdosInstanceDetail;
  teo: TeoInstanceDetail;
  apigateway: ApiGatewayInstanceDetail;
  tke: TkeInstanceDetail;
  tcb: TCBEnvironments;
  tse: TSEInstanceDetail;
  cos: CosInstanceDetail;
  lighthouse: LighthouseInstanceDetail;
}

/** What the interface fields show, derived from the detail by the resource kind. */
export interface CloudResourceSummary {
  readonly id: string;
  readonly name: string;
  readonly domains: readonly string[];
  /** The certificate bound to the resource as a whole; null when none is, or its parts carry their own. */
  readonly certificateId: string | null;
  /** Every certificate bound to the resource or any of its parts. */
  readonly boundCertificateIds: readonly string[];
}

export interface CloudResourceOf<T extends ResourceTypeCode> extends CloudResourceSummary {
  readonly resourceType: T;
  readonly detail: UpstreamResourceDetails[T];
  readonly region: string | null;
}

/** A resource of any type, discriminated by `resourceType`. */
export type AnyCloudResource = { [T in ResourceTypeCode]: CloudResourceOf<T> }[ResourceTypeCode];

/** How a resource type's detail is summarised for the interface fields. */
export interface ResourceKind<T extends ResourceTypeCode> {
  summarize(detail: UpstreamResourceDetails[T]): CloudResourceSummary;
  /** The region the detail itself names, for the types whose structure carries one. */
  regionOf?(detail: UpstreamResourceDetails[T]): string | null;
}

/** The GraphQL object type of each resource type. */
export const CLOUD_RESOURCE_TYPE_NAMES: Record<ResourceTypeCode, string> = {
  clb: 'ClbLoadBalancer',
  cdn: 'CdnDomain',
  waf: 'WafDomain',
  live: 'LiveDomain',
  vod: 'VodDomain',
  ddos: 'AntiDdosDomain',
  teo: 'EdgeOneDomain',
  apigateway: 'ApiGatewayCustomDomain',
  tke: 'TkeCluster',
  tcb: 'TcbEnvironment',
  tse: 'TseGateway',
  cos: 'CosBucketDomain',
  lighthouse: 'LighthouseInstance',
};

/** Distinct non-blank certificate IDs, in first-seen order. */
export function distinctCertificateIds(ids: Iterable<string | null | undefined>): string[] {
  const distinct = new Set<string>();
  for (const id of ids) {
    const present = presentOrNull(id);
    if (present !== null) distinct.add(present);
  }
  return [...distinct];
}

/**
 * The certificate an upstream CertId names, through the batching by-ID loader (a page of resources bound to M
 * certificates costs one DescribeCertificates call). Null when blank, or when the account cannot see it.
 */
export function loadBoundCertificate(
  id: string | null | undefined,
  context: GraphQLContext,
): Promise<CertificateRecord | null> | null {
  const present = presentOrNull(id);
  return present === null ? null : context.loaders.certificates.byId.load(present);
}

export const CloudResourceRef = builder.interfaceRef<AnyCloudResource>('CloudResource').implement({
  description:
    'A Tencent Cloud resource that serves HTTPS with a certificate from SSL Certificates, or could: a load ' +
    'balancer, an acceleration domain, a cluster, a gateway, a bucket domain, a server.',
  resolveType: (resource) => CLOUD_RESOURCE_TYPE_NAMES[resource.resourceType],
  fields: (t) => ({
    id: t.id({
      description:
        'The identifier of the resource within its type: the instance, cluster, gateway or environment ID, or ' +
        'for domain-based resources the identifier deployments use (e.g. the domain).',
      nullable: false,
      resolve: (resource) => resource.id,
    }),
    resourceType: t.field({
      type: ResourceType.ref,
      description: 'The kind of resource.',
      nullable: false,
      resolve: (resource) => resource.resourceType,
    }),
    name: t.string({
      description: 'The name of the resource (its domain when it has no other name).',
      nullable: false,
      resolve: (resource) => resource.name,
    }),
    region: t.string({
      description:
        'The region the resource is in (e.g. `ap-guangzhou`); null when Tencent Cloud does not report it, ' +
        'or the resource is global (CDN, EdgeOne, live, VOD and Anti-DDoS domains). The instance listings of ' +
        'CLB, TKE, WAF, API Gateway and Lighthouse carry no region, although deploying to them needs one: a ' +
        "bind-resource task (`certificateBindingsRefresh`) reports the certificate's bound resources by region.",
      resolve: (resource) => resource.region,
    }),
    domains: t.stringList({
      description: 'The domains the resource serves HTTPS for, as far as Tencent Cloud reports them.',
      nullable: false,
      resolve: (resource) => [...resource.domains],
    }),
    certificate: t.field({
      type: CertificateRef,
      description:
        'The certificate currently bound to the resource as a whole. Null when none is bound, when it is not ' +
        'visible to these credentials, or when the resource binds certificates per part (load balancer ' +
        'listeners, cluster secrets, gateway certificates, environment domains): see `boundCertificates`.',
      resolve: (resource, _args, context) => loadBoundCertificate(resource.certificateId, context),
    }),
    boundCertificates: t.field({
      type: [CertificateRef],
      description:
        'Every certificate bound to the resource or to any of its parts, without duplicates; certificates ' +
        'these credentials cannot see are left out.',
      nullable: false,
      resolve: async (resource, _args, context) => {
        const certificates = await context.loaders.certificates.byId.loadMany([
          ...resource.boundCertificateIds,
        ]);
        const visible: CertificateRecord[] = [];
        for (const certificate of certificates) {
          // A failed lookup is the upstream failing, not a missing certificate: report it.
          if (certificate instanceof Error) throw certificate;
          if (certificate !== null) visible.push(certificate);
        }
        return visible;
      },
    }),
  }),
});

/** Starts the object type of one resource type; the kind's file adds its own fields. */
export function cloudResourceObjectRef<T extends ResourceTypeCode>(type: T) {
  return builder.objectRef<CloudResourceOf<T>>(CLOUD_RESOURCE_TYPE_NAMES[type]);
}
