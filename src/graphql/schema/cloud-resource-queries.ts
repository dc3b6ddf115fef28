// Entry points to cloud resources: the DescribeHost*InstanceList actions behind one connection, a certificate's
// deploy targets (the same actions with its CertificateId) and the resources it is bound to (DescribeDeployedResources).
import { createGraphQLError } from 'graphql-yoga';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import {
  type CloudResourceListQuery,
  DEPLOYED_RESOURCES_TYPES,
  type InstanceCacheState,
  isListableResourceType,
  type ListableResourceType,
} from '../loaders/cloud-resources.ts';
import { parseUpstreamTimeOrError, UpstreamTimeFormatError } from '../time.ts';
import { CertificateRef, OWN_UPSTREAM_READ } from './certificate.ts';
import { type AnyCloudResource, CloudResourceRef } from './cloud-resource.ts';
import { ResourceType, type ResourceTypeCode } from './cloud-resource-enums.ts';
import { anyCloudResourceFromUpstream } from './cloud-resource-types.ts';
import { forwardWindow, type OffsetConnectionShape, toOffsetConnection } from './pagination.ts';

interface CloudResourceConnectionShape extends OffsetConnectionShape<AnyCloudResource> {
  readonly cache: InstanceCacheState | null;
}

const CloudResourceCacheStatusRef = builder
  .objectRef<InstanceCacheState>('CloudResourceCacheStatus')
  .implement({
    description:
      "Tencent Cloud's cache of a resource type's instances (kept up to 30 minutes), and the progress of a " +
      'background refresh started with `refreshCache: true`.',
    fields: (t) => ({
      isRefreshing: t.boolean({
        description: 'Whether a background refresh is still running.',
        nullable: false,
        resolve: (cache) => cache.asyncOffset < cache.asyncTotalNum,
      }),
      refreshTotal: t.int({
        description: 'How many instances the current (or last) background refresh goes through.',
        nullable: false,
        resolve: (cache) => cache.asyncTotalNum,
      }),
      refreshProcessed: t.int({
        description: 'How many of them it has gone through so far.',
        nullable: false,
        resolve: (cache) => cache.asyncOffset,
      }),
      cachedAt: t.field({
        type: 'DateTime',
        description:
          'When the listed data was fetched from the resource service; null when not reported, or when what ' +
          'Tencent Cloud reports is not a time (its own TKE example sends `10`).',
        resolve: (cache) => {
          // Documented as 当前缓存读取时间 (the time the cache was read), "empty when unknown", but with the
          // placeholder 示例值 `10` of the counts beside it, which the doc's TKE example returns as the value:
          // not a time, and not the count of anything the doc names, so it is read as "not reported".
          const cachedAt = parseUpstreamTimeOrError(cache.asyncCacheTime);
          return cachedAt instanceof UpstreamTimeFormatError ? null : cachedAt;
        },
      }),
    }),
  });

const CloudResourceConnectionRef = builder.connectionObject<
  typeof CloudResourceRef,
  CloudResourceConnectionShape
>(
  {
    type: CloudResourceRef,
    name: 'CloudResourceConnection',
    description: 'A page of cloud resources of one type.',
    fields: (t) => ({
      totalCount: t.int({
        description: 'How many resources match, across all pages.',
        nullable: false,
        resolve: (connection) => connection.totalCount,
      }),
      cacheStatus: t.field({
        type: CloudResourceCacheStatusRef,
        description:
          'The state of the instance cache the page was read from. Only CLB, CDN, COS and TKE report it; ' +
          'null for the other types.',
        resolve: (connection) => connection.cache,
      }),
    }),
  },
  { name: 'CloudResourceEdge', description: 'A resource in a CloudResourceConnection.' },
);

/** The inputs shared by every listing, whichever certificate it is for. */
const listingArgs = builder.args((t) => ({
  type: t.field({
    type: ResourceType.ref,
    required: true,
    description:
      'The kind of resource to list. TSE and TCB cannot be listed (Tencent Cloud offers no list for them).',
  }),
  coveredByCertificate: t.boolean({
    description:
      'With a certificate to deploy: true lists the resources whose domains it covers (the default), false ' +
      'the others.',
  }),
  boundTo: t.id({
    description:
      'Only the resources currently serving this certificate (not supported for Lighthouse), e.g. to find ' +
      'what a renewal should replace.',
  }),
  useCache: t.boolean({
    defaultValue: true,
    description:
      "Read Tencent Cloud's cached instance data (up to 30 minutes old, much faster); false reads the resource " +
      'services directly.',
  }),
  refreshCache: t.boolean({
    defaultValue: false,
    description:
      'Start refreshing the instance cache in the background (CLB, CDN, COS, TKE and EdgeOne only); follow it ' +
      'with `cacheStatus`.',
  }),
  first: t.int({
    description:
      'How many resources to return (default 20, at most 100). Lighthouse, live, VOD and WAF are not paged by ' +
      'Tencent Cloud: their whole list is fetched and the page cut from it.',
  }),
  after: t.string({ description: 'Return the resources after this cursor.' }),
}));

interface ListingArgs {
  type: ResourceTypeCode;
  coveredByCertificate?: boolean | null;
  boundTo?: string | number | null;
  useCache?: boolean | null;
  refreshCache?: boolean | null;
  first?: number | null;
  after?: string | null;
}

function listableType(type: ResourceTypeCode): ListableResourceType {
  if (!isListableResourceType(type)) {
    throw createGraphQLError(`Resources of type ${type.toUpperCase()} cannot be listed.`, {
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'type' },
    });
  }
  return type;
}

async function listCloudResources(
  args: ListingArgs,
  deployableCertificateId: string | null,
  context: GraphQLContext,
): Promise<CloudResourceConnectionShape> {
  const type = listableType(args.type);
  const window = forwardWindow(args);
  const query: CloudResourceListQuery = {
    deployableCertificateId,
    domainMatch: args.coveredByCertificate,
    boundCertificateId: args.boundTo === null || args.boundTo === undefined ? null : String(args.boundTo),
    useCache: args.useCache !== false,
    refreshCache: args.refreshCache === true,
  };
  const page = await context.loaders.cloudResources.list(type, query, window);
  const items = page.instances.map((instance) => anyCloudResourceFromUpstream(type, instance));
  return {
    ...toOffsetConnection({ totalCount: page.totalCount, offset: page.offset, items }),
    cache: page.cache,
  };
}

builder.queryFields((t) => ({
  cloudResources: t.field({
    type: CloudResourceConnectionRef,
    description:
      'The Tencent Cloud resources of one type that certificates can be deployed to, with the certificates ' +
      'they currently serve. Select type-specific fields with fragments (`... on ClbLoadBalancer`).',
    nullable: false,
    args: {
      ...listingArgs,
      deployableFor: t.arg.id({
        description:
          'The certificate to deploy: list the resources it could be deployed to, flagged against its domains. ' +
          'Required for EdgeOne.',
      }),
    },
    resolve: (_root, args, context) =>
      listCloudResources(
        args,
        args.deployableFor === null || args.deployableFor === undefined ? null : String(args.deployableFor),
        context,
      ),
  }),
}));

const CertificateDeployedResourcesRef = builder
  .objectRef<{ resourceType: ResourceTypeCode; count: number; identifiers: readonly string[] }>(
    'CertificateDeployedResources',
  )
  .implement({
    description: 'The resources of one type a certificate is currently bound to.',
    fields: (t) => ({
      resourceType: t.field({
        type: ResourceType.ref,
        description: 'The kind of resource.',
        resolve: (deployed) => deployed.resourceType,
      }),
      totalCount: t.int({
        description: 'How many resources of this type the certificate is bound to.',
        nullable: false,
        resolve: (deployed) => deployed.count,
      }),
      identifiers: t.stringList({
        description:
          'The resources: load balancer IDs for CLB, instance IDs for Anti-DDoS, domains for the other types. ' +
          'For the full resources, list `cloudResources(type:, boundTo:)`.',
        nullable: false,
        resolve: (deployed) => [...deployed.identifiers],
      }),
    }),
  });

builder.objectFields(CertificateRef, (t) => ({
  deployTargets: t.field({
    type: CloudResourceConnectionRef,
    description: `The resources of one type this certificate could be deployed to.${OWN_UPSTREAM_READ.note}`,
    nullable: OWN_UPSTREAM_READ.nullable,
    args: listingArgs,
    resolve: (certificate, args, context) => listCloudResources(args, certificate.id, context),
  }),
  deployedResources: t.field({
    type: CertificateDeployedResourcesRef,
    description:
      `The resources of one type this certificate is currently bound to. Covers ${DEPLOYED_RESOURCES_TYPES.map((type) => type.toUpperCase()).join(', ')}; ` +
      'the certificates of a page are looked up together.' +
      OWN_UPSTREAM_READ.note,
    nullable: OWN_UPSTREAM_READ.nullable,
    args: {
      type: t.arg({ type: ResourceType.ref, required: true, description: 'The kind of resource.' }),
    },
    resolve: async (certificate, args, context) => {
      const bound = await context.loaders.cloudResources.boundResources(args.type, certificate.id);
      return { resourceType: args.type, count: bound.count, identifiers: bound.resources };
    },
  }),
}));
