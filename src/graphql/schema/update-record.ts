import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import type { JobState } from '../jobs/job-kinds.ts';
import {
  fetchUpdateRecordBlock,
  UPDATE_DETAIL_BLOCK_SIZE,
  type UpdateRecordDetailBlock,
  type UpdateRecordFilter,
  type UpdateRecordItem,
  type UpdateRecordSummary,
} from '../loaders/update-records.ts';
import { parseUpstreamTime } from '../time.ts';
import { presentOrNull } from '../upstream-values.ts';
import { CertificateRef, OWN_UPSTREAM_READ } from './certificate.ts';
import { ResourceType } from './cloud-resource-enums.ts';
import { JobRef, JobWaitInputRef } from './job.ts';
import { forwardWindow, type OffsetConnectionShape } from './pagination.ts';
import { recordPageConnection } from './record-support.ts';
import { UpdateStatus } from './update-record-enums.ts';
import {
  type BlockResourceGroup,
  existingFirstBlock,
  jobStateFromItems,
  listedSummary,
  positiveOrNull,
  type RecordShape,
  recordById,
  registerRecordJobKind,
  resourceGroupRef,
  switchOrNull,
} from './update-record-support.ts';

/**
 * An update record: its ID, its listing entry when a listing or lookup already produced it, and its first detail
 * block when it is a snapshot.
 */
export interface UpdateRecordShape extends RecordShape<UpdateRecordDetailBlock> {
  readonly kind: 'UPDATE_RECORD';
  readonly summary?: UpdateRecordSummary;
}

export function updateRecordShape(id: number, summary?: UpdateRecordSummary): UpdateRecordShape {
  return { kind: 'UPDATE_RECORD', id: String(id), ...(summary === undefined ? {} : { summary }) };
}

function stateFromBlock({ response }: UpdateRecordDetailBlock): JobState {
  return jobStateFromItems(
    response,
    response.RecordDetailList.flatMap((group) => group.List),
    null,
  );
}

registerRecordJobKind({
  kind: 'UPDATE_RECORD',
  typeName: 'UpdateRecord',
  shapeOf: updateRecordShape,
  stateOf: stateFromBlock,
  firstBlock: (recordId, context) => context.loaders.updateRecords.block(recordId, 0),
  fetchFirstBlock: (ssl, recordId, signal) => fetchUpdateRecordBlock(ssl, recordId, 0, signal),
});

function summaryOf(record: UpdateRecordShape, context: GraphQLContext): Promise<UpdateRecordSummary> {
  return listedSummary(record, context.loaders.updateRecords, 'Update record');
}

const UpdateRecordInstanceRef = builder.objectRef<UpdateRecordItem>('UpdateRecordInstance').implement({
  description:
    'One cloud resource instance of an update record: where the old certificate was replaced (or is being ' +
    'replaced) by the new one. Which fields are set depends on the resource type.',
  fields: (t) => ({
    id: t.id({
      description: 'The ID of this entry (what `updateRecordRetry` takes as `instanceId` to retry only it).',
      nullable: false,
      resolve: (item) => String(item.Id),
    }),
    resourceType: t.field({
      type: ResourceType.ref,
      description: 'The kind of resource.',
      resolve: (item) => ResourceType.fromUpstream(item.ResourceType),
    }),
    region: t.string({
      description: 'The region of the instance; null for resource types that are not regional.',
      resolve: (item) => presentOrNull(item.Region),
    }),
    status: t.field({
      type: UpdateStatus.ref,
      description: 'Where the update of this instance stands.',
      resolve: (item) => UpdateStatus.fromUpstream(item.Status),
    }),
    errorMessage: t.string({
      description: 'Why the update of this instance failed; null unless it failed.',
      resolve: (item) => presentOrNull(item.ErrorMsg),
    }),
    instanceId: t.string({
      description:
        'The instance ID (load balancer, cluster, gateway, environment...), when the type has one.',
      resolve: (item) => presentOrNull(item.InstanceId),
    }),
    instanceName: t.string({
      description: 'The instance name, when the type has one.',
      resolve: (item) => presentOrNull(item.InstanceName),
    }),
    domains: t.stringList({
      description: 'The domains served by the instance with the certificate.',
      nullable: false,
      resolve: (item) => item.Domains ?? [],
    }),
    listenerId: t.string({
      description: 'The CLB listener ID (CLB only).',
      resolve: (item) => presentOrNull(item.ListenerId),
    }),
    listenerName: t.string({
      description: 'The CLB listener name (CLB only).',
      resolve: (item) => presentOrNull(item.ListenerName),
    }),
    listenerUrl: t.string({
      description: 'The CLB listener URL (CLB only).',
      resolve: (item) => presentOrNull(item.Url),
    }),
    protocol: t.string({
      description: 'The protocol the certificate serves, e.g. `HTTPS`.',
      resolve: (item) => presentOrNull(item.Protocol),
    }),
    port: t.int({
      description: 'The port the certificate serves.',
      resolve: (item) => positiveOrNull(item.Port),
    }),
    isSniEnabled: t.boolean({
      description: 'Whether the CLB listener uses SNI (CLB only).',
      resolve: (item) => switchOrNull(item.SniSwitch),
    }),
    bucket: t.string({
      description: 'The bucket name (COS only).',
      resolve: (item) => presentOrNull(item.Bucket),
    }),
    namespace: t.string({
      description: 'The Kubernetes namespace (TKE only).',
      resolve: (item) => presentOrNull(item.Namespace),
    }),
    secretName: t.string({
      description: 'The Kubernetes secret holding the certificate (TKE only).',
      resolve: (item) => presentOrNull(item.SecretName),
    }),
    environmentId: t.string({
      description: 'The CloudBase environment ID (TCB only).',
      resolve: (item) => presentOrNull(item.EnvId),
    }),
    cloudBaseDeploymentType: t.string({
      description: 'What the certificate is deployed to inside the CloudBase environment (TCB only).',
      resolve: (item) => presentOrNull(item.TCBType),
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When the update of this instance was created.',
      resolve: (item) => parseUpstreamTime(item.CreateTime),
    }),
    updatedAt: t.field({
      type: 'DateTime',
      description: 'When the update of this instance last changed.',
      resolve: (item) => parseUpstreamTime(item.UpdateTime),
    }),
  }),
});

const UpdateRecordInstanceConnectionRef = builder.connectionObject<
  typeof UpdateRecordInstanceRef,
  OffsetConnectionShape<UpdateRecordItem>
>(
  {
    type: UpdateRecordInstanceRef,
    name: 'UpdateRecordInstanceConnection',
    description: 'A page of the instances of one resource type in an update record.',
    fields: (t) => ({
      totalCount: t.int({
        description: 'How many instances of this resource type the record holds, across all pages.',
        nullable: false,
        resolve: (connection) => connection.totalCount,
      }),
    }),
  },
  { name: 'UpdateRecordInstanceEdge', description: 'An instance in an UpdateRecordInstanceConnection.' },
);

type ResourceGroupShape = BlockResourceGroup<UpdateRecordDetailBlock>;

const UpdateRecordResourceGroupRef = resourceGroupRef<
  ResourceGroupShape,
  UpdateRecordDetailBlock,
  UpdateRecordItem
>({
  name: 'UpdateRecordResourceGroup',
  description: 'The instances of one resource type in an update record.',
  instanceCountDescription: 'How many instances of this type the record updates.',
  instances: UpdateRecordInstanceConnectionRef,
  blockSize: UPDATE_DETAIL_BLOCK_SIZE,
  blockAt: (recordId, position, context) => context.loaders.updateRecords.block(recordId, position),
  groupsOf: (_group, block) => ({ offset: block.offset, groups: block.response.RecordDetailList }),
});

export const UpdateRecordRef = builder.objectRef<UpdateRecordShape>('UpdateRecord');

UpdateRecordRef.implement({
  description:
    'A one-click update: an old certificate replaced by a new one on every bound cloud resource of the chosen ' +
    'types (UpdateCertificateInstance), or the rollback of such an update. Follow it as a Job.',
  interfaces: [JobRef],
  fields: (t) => ({
    certificate: t.field({
      type: CertificateRef,
      description:
        'The certificate installed by the update (for a rollback: the certificate restored); null when it no ' +
        'longer exists.',
      resolve: async (record, _args, context) =>
        context.loaders.certificates.byId.load((await summaryOf(record, context)).CertId),
    }),
    oldCertificate: t.field({
      type: CertificateRef,
      description: 'The certificate the update replaced; null when it no longer exists.',
      resolve: async (record, _args, context) =>
        context.loaders.certificates.byId.load((await summaryOf(record, context)).OldCertId),
    }),
    updateStatus: t.field({
      type: UpdateStatus.ref,
      description:
        "The record's status as Tencent Cloud reports it: one verdict on the whole record, FAILED once any " +
        'instance failed, even when others succeeded. `status` is the Job status, derived from the instance counts ' +
        'in `progress`, so the two differ where the scales do: a record some of whose instances succeeded and ' +
        'some failed is PARTIALLY_FAILED in `status` and FAILED here; DEPLOYING is RUNNING (or PENDING), ' +
        'ROLLBACK_SUCCEEDED is ROLLED_BACK. Null, with an error naming it, for a value the documented scale lacks. ' +
        'Nullable as ' +
        '`UploadUpdateRecord.updateStatus` is, so that one selection of both in `job` fragments is valid.',
      resolve: async (record, _args, context) =>
        UpdateStatus.fromUpstream((await summaryOf(record, context)).Status),
    }),
    resourceTypes: t.field({
      type: [ResourceType.ref],
      description: 'The resource types the update covers.',
      resolve: async (record, _args, context) =>
        (await summaryOf(record, context)).ResourceTypes.map((type) => ResourceType.fromUpstream(type)),
    }),
    regions: t.stringList({
      description: 'The regions the update covers, for its regional resource types.',
      nullable: false,
      resolve: async (record, _args, context) => (await summaryOf(record, context)).Regions ?? [],
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When the update was created.',
      resolve: async (record, _args, context) =>
        parseUpstreamTime((await summaryOf(record, context)).CreateTime),
    }),
    updatedAt: t.field({
      type: 'DateTime',
      description: 'When the update last changed.',
      resolve: async (record, _args, context) =>
        parseUpstreamTime((await summaryOf(record, context)).UpdateTime),
    }),
    resourceGroups: t.field({
      type: [UpdateRecordResourceGroupRef],
      description: "The record's instances, grouped per resource type.",
      nullable: false,
      resolve: async (record, _args, context) => {
        const block = await existingFirstBlock(record, context.loaders.updateRecords, 'Update record');
        return block.response.RecordDetailList.map((group) => ({
          recordId: Number(record.id),
          resourceType: group.ResourceType,
          instanceCount: group.TotalCount,
          firstBlock: block,
        }));
      },
    }),
  }),
});

const UpdateRecordConnectionRef = builder.connectionObject<
  typeof UpdateRecordRef,
  OffsetConnectionShape<UpdateRecordShape>
>(
  {
    type: UpdateRecordRef,
    name: 'UpdateRecordConnection',
    description: 'A page of update records, newest first.',
    fields: (t) => ({
      totalCount: t.int({
        description: 'How many records match, across all pages.',
        nullable: false,
        resolve: (connection) => connection.totalCount,
      }),
    }),
  },
  { name: 'UpdateRecordEdge', description: 'An update record in an UpdateRecordConnection.' },
);

async function recordConnection(
  filter: UpdateRecordFilter,
  args: { first?: number | null; after?: string | null },
  context: GraphQLContext,
) {
  const { offset, limit } = forwardWindow(args);
  const page = await context.loaders.updateRecords.page(filter, offset, limit);
  return recordPageConnection(page, (summary) => updateRecordShape(summary.Id, summary));
}

builder.objectFields(CertificateRef, (t) => ({
  replacementRecords: t.field({
    type: UpdateRecordConnectionRef,
    description:
      'One-click updates that replaced this certificate by another on its bound resources (this is the old ' +
      'certificate), newest first.' +
      OWN_UPSTREAM_READ.note,
    nullable: OWN_UPSTREAM_READ.nullable,
    args: {
      first: t.arg.int({ description: 'How many records to return (default 20, at most 100).' }),
      after: t.arg.string({ description: 'Return the records after this cursor.' }),
    },
    resolve: (certificate, args, context) =>
      recordConnection({ OldCertificateId: certificate.id }, args, context),
  }),
  installationRecords: t.field({
    type: UpdateRecordConnectionRef,
    description:
      'One-click updates that installed this certificate in place of another (this is the new certificate), ' +
      'newest first.' +
      OWN_UPSTREAM_READ.note,
    nullable: OWN_UPSTREAM_READ.nullable,
    args: {
      first: t.arg.int({ description: 'How many records to return (default 20, at most 100).' }),
      after: t.arg.string({ description: 'Return the records after this cursor.' }),
    },
    resolve: (certificate, args, context) =>
      recordConnection({ CertificateId: certificate.id }, args, context),
  }),
}));

builder.queryField('updateRecord', (t) =>
  t.field({
    type: UpdateRecordRef,
    description:
      'One update record (a one-click certificate replacement or its rollback) by ID; null when it does not ' +
      'exist. With `wait`, answers once it finished or the timeout passed.',
    args: {
      id: t.arg.id({ required: true, description: 'The update record ID.' }),
      wait: t.arg({ type: JobWaitInputRef, description: 'Wait for the update to finish first.' }),
    },
    resolve: (_root, args, context, info) =>
      recordById(args.id, args.wait, context, info, context.loaders.updateRecords, updateRecordShape),
  }),
);
