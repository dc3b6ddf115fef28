import type { GraphQLResolveInfo } from 'graphql';
import type { DeployRecordDetail, DeployRecordInfo } from '../../ssl/models.generated.ts';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import {
  isFinishedStatus,
  type JobSnapshot,
  type JobState,
  jobStatusFromProgress,
  registerJobKind,
} from '../jobs/job-kinds.ts';
import {
  DEPLOY_DETAIL_BLOCK_SIZE,
  type DeployRecordDetailBlock,
  fetchDeployRecordBlock,
} from '../loaders/deploy-records.ts';
import { translatingUpstreamErrors } from '../loaders/upstream-errors.ts';
import { prefetchedById } from '../prefetch.ts';
import { parseUpstreamTime } from '../time.ts';
import { presentOrNull } from '../upstream-values.ts';
import { CertificateRef, OWN_UPSTREAM_READ } from './certificate.ts';
import { ResourceType } from './cloud-resource-enums.ts';
import { heldJobAfterWait, JobRef, type JobWait, JobWaitInputRef, loadJob } from './job.ts';
import { forwardWindow, type OffsetConnectionShape, toOffsetConnection } from './pagination.ts';
import {
  earliestTime,
  latestTime,
  parseRecordId,
  recordPageConnection,
  windowOverBlocks,
} from './record-support.ts';
import { upstreamEnum } from './upstream-enum.ts';

/**
 * A deployment of one certificate to chosen instances of one resource type (DeployCertificateInstance), and
 * its rollbacks. Its status comes from the instance details (DescribeHostDeployRecordDetail); its resource type
 * and region from the certificate's record listing (DescribeHostDeployRecord), the only place that has them.
 */
export interface DeployRecordShape {
  readonly kind: 'DEPLOY_RECORD';
  readonly id: string;
  /** The listing entry, when the record came from a listing. */
  readonly summary?: DeployRecordInfo;
  readonly state?: JobState;
  /** The first block of instances, when the value is a snapshot. */
  readonly firstBlock?: DeployRecordDetailBlock;
}

export const DeployInstanceStatus = upstreamEnum(
  'DeployInstanceStatus',
  {
    PENDING: { value: 0, description: 'Waiting to start.' },
    SUCCEEDED: { value: 1, description: 'The certificate was deployed to the instance.' },
    FAILED: { value: 2, description: 'Deploying to the instance failed (see the error message).' },
    DEPLOYING: { value: 3, description: 'Being deployed now.' },
    ROLLBACK_SUCCEEDED: {
      value: 4,
      description: 'Rolled back: the instance serves its previous certificate again.',
    },
    ROLLBACK_FAILED: { value: 5, description: 'Rolling the instance back failed.' },
    NO_RESOURCE: {
      value: 6,
      description:
        'The instance had no resource to deploy to, so nothing was deployed (the deploy-status scale the SSL API ' +
        'documents for update records, which deploy records share). Finished: it never holds the record running. ' +
        "The record's progress shows it as Tencent Cloud's counts do; they have none for it (success, failure, " +
        'deploying), so it may be in `total` alone.',
    },
  },
  {
    description: 'Where the deployment (or rollback) of a certificate to one instance stands.',
    upstreamField: 'DeployRecordDetail.Status',
  },
);

/** DeployInstanceStatus ROLLBACK_SUCCEEDED and ROLLBACK_FAILED. */
const ROLLBACK_ITEM_CODES: ReadonlySet<number> = new Set([4, 5]);

/** The uniform job state of a record, from its first block of instances (counts cover every instance). */
function stateOf(block: DeployRecordDetailBlock): JobState {
  const { response } = block;
  const items = response.DeployRecordDetailList;
  const total = response.TotalCount;
  const succeeded = response.SuccessTotalCount;
  const failed = response.FailedTotalCount;
  // The upstream counts waiting instances as running; the block tells which of them have not started.
  const waiting = items.filter((item) => item.Status === 0).length;
  const pending = Math.min(waiting, response.RunningTotalCount);
  const running = response.RunningTotalCount - pending;
  // An instance with nothing to deploy (6) is finished and in no upstream count that is not `total`: it neither
  // holds the record open nor fails it, as in update records (jobStateFromItems).
  const progress = { total, succeeded, failed, running, pending };
  // A rollback record's instances end in the rollback codes: it ends ROLLED_BACK, as the other kinds' do.
  const isRollback = items.some((item) => ROLLBACK_ITEM_CODES.has(item.Status));
  const status = jobStatusFromProgress(progress, isRollback);
  const finished = isFinishedStatus(status);
  return {
    status,
    progress,
    startedAt: earliestTime(items.map((item) => item.CreateTime)),
    // Instances beyond the first block are not read, so the end time is only exact for records of ≤200 instances.
    finishedAt: finished ? latestTime(items.map((item) => item.UpdateTime)) : null,
  };
}

export function deployRecordSnapshot(
  id: string,
  block: DeployRecordDetailBlock,
): JobSnapshot<DeployRecordShape> {
  return { kind: 'DEPLOY_RECORD', id, firstBlock: block, state: stateOf(block) };
}

/** The ID as the upstream writes it; null when it cannot name a record (then no call is made). */
function canonicalRecordId(raw: string): string | null {
  const id = parseRecordId(raw);
  return id === null ? null : String(id);
}

registerJobKind<DeployRecordShape>({
  kind: 'DEPLOY_RECORD',
  typeName: 'DeployRecord',
  async load(rawId, context) {
    const id = canonicalRecordId(rawId);
    if (id === null) return null;
    const block = await context.loaders.deployRecords.block(id, 0);
    return block === null ? null : deployRecordSnapshot(id, block);
  },
  async poll(ssl, rawId, signal) {
    const id = canonicalRecordId(rawId);
    if (id === null) return null;
    const block = await translatingUpstreamErrors(() => fetchDeployRecordBlock(ssl, id, 0, signal));
    return block === null ? null : deployRecordSnapshot(id, block);
  },
});

/** The certificates a record's instances name: where to look for the record in the listings. */
function candidateCertificates(block: DeployRecordDetailBlock | null): string[] {
  const items = block?.response.DeployRecordDetailList ?? [];
  // A rollback record's instances go back to their old certificate; the record is listed under the new one.
  return [...new Set(items.flatMap((item) => [item.CertId, item.OldCertId]).filter((id) => id !== ''))];
}

const DeployListenerRef = builder.objectRef<DeployRecordDetail>('DeployListener').implement({
  description: 'The CLB listener (and port) a deployment configured.',
  fields: (t) => ({
    id: t.string({ description: 'The listener ID.', nullable: false, resolve: (item) => item.ListenerId }),
    name: t.string({
      description: 'The listener name.',
      resolve: (item) => presentOrNull(item.ListenerName),
    }),
    protocol: t.string({
      description: 'The listener protocol, e.g. `HTTPS` or `TCP_SSL`.',
      resolve: (item) => presentOrNull(item.Protocol),
    }),
    port: t.int({ description: 'The listener port.', resolve: (item) => (item.Port > 0 ? item.Port : null) }),
    sniEnabled: t.boolean({
      description: 'Whether the listener serves several certificates by SNI (then the rule domain matters).',
      nullable: false,
      resolve: (item) => item.SniSwitch === 1,
    }),
    urls: t.stringList({
      description: 'The URLs of the listener rules the certificate serves.',
      nullable: false,
      resolve: (item) => item.Url ?? [],
    }),
  }),
});

const DeployRecordInstanceRef = builder.objectRef<DeployRecordDetail>('DeployRecordInstance').implement({
  description: 'One instance of a deploy record: what was deployed there and how it went.',
  fields: (t) => ({
    id: t.id({
      description:
        'The ID of this instance entry (what `deployRecordRetry` takes to retry only this instance).',
      nullable: false,
      resolve: (item) => String(item.Id),
    }),
    instanceId: t.string({
      description: 'The ID of the cloud resource instance (load balancer, domain, cluster...).',
      nullable: false,
      resolve: (item) => item.InstanceId,
    }),
    instanceName: t.string({
      description: 'The instance name.',
      resolve: (item) => presentOrNull(item.InstanceName),
    }),
    region: t.string({
      description: 'The region of the instance, for regional resource types.',
      resolve: (item) => presentOrNull(item.Region),
    }),
    domains: t.stringList({
      description: 'The domains the deployment concerns on this instance.',
      nullable: false,
      resolve: (item) => item.Domains ?? [],
    }),
    status: t.field({
      type: DeployInstanceStatus.ref,
      description: 'Where the deployment to this instance stands.',
      resolve: (item) => DeployInstanceStatus.fromUpstream(item.Status),
    }),
    errorMessage: t.string({
      description: 'Why the deployment to this instance failed; null unless it failed.',
      resolve: (item) => presentOrNull(item.ErrorMsg),
    }),
    certificate: t.field({
      type: CertificateRef,
      description:
        'The certificate the instance serves once this entry succeeds; null if it no longer exists.',
      resolve: (item, _args, context) =>
        item.CertId === '' ? null : context.loaders.certificates.byId.load(item.CertId),
    }),
    oldCertificate: t.field({
      type: CertificateRef,
      description: 'The certificate the instance served before; null if none or it no longer exists.',
      resolve: (item, _args, context) =>
        item.OldCertId === '' ? null : context.loaders.certificates.byId.load(item.OldCertId),
    }),
    listener: t.field({
      type: DeployListenerRef,
      description: 'The CLB listener configured; null for other resource types.',
      resolve: (item) => (item.ListenerId === '' ? null : item),
    }),
    bucket: t.string({
      description: 'The COS bucket, for COS.',
      resolve: (item) => presentOrNull(item.Bucket),
    }),
    namespace: t.string({
      description: 'The Kubernetes namespace of the TLS secret, for TKE.',
      resolve: (item) => presentOrNull(item.Namespace),
    }),
    secretName: t.string({
      description: 'The Kubernetes TLS secret, for TKE.',
      resolve: (item) => presentOrNull(item.SecretName),
    }),
    cloudBaseEnvironmentId: t.string({
      description: 'The CloudBase environment, for TCB.',
      resolve: (item) => presentOrNull(item.EnvId),
    }),
    cloudBaseServiceType: t.string({
      description: 'The CloudBase service the domain belongs to (e.g. `AccessService`), for TCB.',
      resolve: (item) => presentOrNull(item.TCBType),
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When this entry was created.',
      resolve: (item) => parseUpstreamTime(item.CreateTime),
    }),
    updatedAt: t.field({
      type: 'DateTime',
      description: 'When this entry last changed.',
      resolve: (item) => parseUpstreamTime(item.UpdateTime),
    }),
  }),
});

type DeployRecordInstanceConnectionShape = OffsetConnectionShape<DeployRecordDetail>;

const DeployRecordInstanceConnectionRef = builder.connectionObject<
  typeof DeployRecordInstanceRef,
  DeployRecordInstanceConnectionShape
>(
  {
    type: DeployRecordInstanceRef,
    name: 'DeployRecordInstanceConnection',
    description: 'A page of the instances a deploy record deploys to (or rolls back), in the upstream order.',
    fields: (t) => ({
      totalCount: t.int({
        description: 'How many instances the record has.',
        nullable: false,
        resolve: (connection) => connection.totalCount,
      }),
    }),
  },
  { name: 'DeployRecordInstanceEdge', description: 'An instance in a DeployRecordInstanceConnection.' },
);

export const DeployRecordRef = builder.objectRef<DeployRecordShape>('DeployRecord');

DeployRecordRef.implement({
  description:
    'A deployment of a certificate to instances of one resource type, or the rollback of one. A job: follow it ' +
    'with `wait`, `Query.job` or `Subscription.jobProgress` (kind DEPLOY_RECORD).',
  interfaces: [JobRef],
  isTypeOf: (value) => (value as { kind?: unknown }).kind === 'DEPLOY_RECORD',
  fields: (t) => ({
    certificate: t.field({
      type: CertificateRef,
      description:
        'The certificate deployed (for a rollback, the one being taken off); null if it no longer exists.',
      resolve: async (record, _args, context) => {
        const summary = await summaryOf(record, context);
        return summary === null ? null : context.loaders.certificates.byId.load(summary.CertId);
      },
    }),
    resourceType: t.field({
      type: ResourceType.ref,
      description: 'The kind of cloud resource deployed to.',
      resolve: async (record, _args, context) => {
        const summary = await summaryOf(record, context);
        return summary === null ? null : ResourceType.fromUpstream(summary.ResourceType);
      },
    }),
    region: t.string({
      description: 'The region deployed in, for regional resource types (e.g. `ap-guangzhou`).',
      resolve: async (record, _args, context) => presentOrNull((await summaryOf(record, context))?.Region),
    }),
    instances: t.field({
      type: DeployRecordInstanceConnectionRef,
      description: 'The instances of the record and how the deployment went on each.',
      nullable: false,
      args: {
        first: t.arg.int({ description: 'How many instances to return (default 20, at most 100).' }),
        after: t.arg.string({ description: 'Return the instances after this cursor.' }),
      },
      resolve: async (record, args, context) => {
        const { offset, limit } = forwardWindow(args);
        const blockAt = async (position: number) =>
          position < DEPLOY_DETAIL_BLOCK_SIZE && record.firstBlock
            ? record.firstBlock
            : await context.loaders.deployRecords.block(record.id, position);
        let totalCount: number | null = null;
        const items = await windowOverBlocks(offset, limit, DEPLOY_DETAIL_BLOCK_SIZE, async (position) => {
          const block = await blockAt(position);
          if (block === null) return null;
          totalCount = block.response.TotalCount;
          return { offset: block.offset, items: block.response.DeployRecordDetailList };
        });
        // An empty window (`first: 0`) reads no block, yet the count is the record's: the block the window starts
        // in tells it (the request's loaders read it once, whichever field asks).
        totalCount ??= (await blockAt(offset))?.response.TotalCount ?? 0;
        return toOffsetConnection({ totalCount, offset, items });
      },
    }),
  }),
});

/** The record's listing entry: carried by listed records, found through its certificates otherwise. */
async function summaryOf(
  record: DeployRecordShape,
  context: GraphQLContext,
): Promise<DeployRecordInfo | null> {
  if (record.summary !== undefined) return record.summary;
  const block = record.firstBlock ?? (await context.loaders.deployRecords.block(record.id, 0));
  return context.loaders.deployRecords.summary(record.id, candidateCertificates(block));
}

/** A deploy record by ID, after an optional `wait`; null when it does not exist. */
export function deployRecordById(
  id: string,
  wait: JobWait | null | undefined,
  context: GraphQLContext,
  info: GraphQLResolveInfo,
): Promise<DeployRecordShape | null> {
  return loadJob('DEPLOY_RECORD', id, wait, context, info) as Promise<DeployRecordShape | null>;
}

/** Resolves a payload's deploy record field, which accepts `wait`. */
export function heldDeployRecordAfterWait(
  held: DeployRecordShape,
  wait: JobWait | null | undefined,
  context: GraphQLContext,
  info: GraphQLResolveInfo,
): Promise<DeployRecordShape | null> {
  // The snapshot is the record: the held value has nothing more than its ID.
  return heldJobAfterWait(held, wait, context, info, (_held, snapshot) => snapshot as DeployRecordShape);
}

builder.queryField('deployRecord', (t) =>
  t.field({
    type: DeployRecordRef,
    description:
      'A deploy record by ID (as returned by `certificateDeploy`). With `wait`, answers once it finished or the ' +
      'timeout passed. Null when it does not exist.',
    args: {
      id: t.arg.id({ required: true, description: 'The deploy record ID.' }),
      wait: t.arg({ type: JobWaitInputRef, description: 'Wait for the deployment to finish first.' }),
    },
    resolve: (_root, args, context, info) => deployRecordById(String(args.id), args.wait, context, info),
  }),
);

type DeployRecordConnectionShape = OffsetConnectionShape<DeployRecordShape>;

const DeployRecordConnectionRef = builder.connectionObject<
  typeof DeployRecordRef,
  DeployRecordConnectionShape
>(
  {
    type: DeployRecordRef,
    name: 'DeployRecordConnection',
    description: 'A page of deploy records, newest first.',
    fields: (t) => ({
      totalCount: t.int({
        description: 'How many deploy records match.',
        nullable: false,
        resolve: (connection) => connection.totalCount,
      }),
    }),
  },
  { name: 'DeployRecordEdge', description: 'A deploy record in a DeployRecordConnection.' },
);

interface DeployRecordListArgs {
  readonly first?: number | null;
  readonly after?: string | null;
  readonly resourceType?: string | null;
}

function loadDeployRecordPage(certificateId: string, args: DeployRecordListArgs, context: GraphQLContext) {
  const { offset, limit } = forwardWindow(args);
  return context.loaders.deployRecords.page(certificateId, args.resourceType ?? null, offset, limit);
}

builder.objectField(CertificateRef, 'deployRecords', (t) =>
  t.field({
    ...prefetchedById(loadDeployRecordPage),
    type: DeployRecordConnectionRef,
    description:
      'The deployments of this certificate to cloud resources (and their rollbacks), newest first.' +
      OWN_UPSTREAM_READ.note,
    nullable: OWN_UPSTREAM_READ.nullable,
    args: {
      first: t.arg.int({ description: 'How many records to return (default 20, at most 100).' }),
      after: t.arg.string({ description: 'Return the records after this cursor.' }),
      resourceType: t.arg({
        type: ResourceType.ref,
        description: 'Only deployments to this kind of resource.',
      }),
    },
    resolve: async (certificate, args, context) => {
      const page = await loadDeployRecordPage(certificate.id, args, context);
      return recordPageConnection(page, (summary) => ({
        kind: 'DEPLOY_RECORD' as const,
        id: String(summary.Id),
        summary,
      }));
    },
  }),
);
