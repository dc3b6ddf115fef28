import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import type { JobState } from '../jobs/job-kinds.ts';
import {
  fetchUploadUpdateRecordBlock,
  UPLOAD_UPDATE_DETAIL_BLOCK_SIZE,
  type UploadUpdateItem,
  type UploadUpdatePhase,
  type UploadUpdateRecordDetailBlock,
  type UploadUpdateRecordSummary,
} from '../loaders/upload-update-records.ts';
import { parseUpstreamTime } from '../time.ts';
import { presentOrNull } from '../upstream-values.ts';
import { CertificateRef, OWN_UPSTREAM_READ } from './certificate.ts';
import {
  LoadBalancerKind,
  loadBalancerKindOrNull,
  ResourceType,
  TlsAuthenticationMode,
} from './cloud-resource-enums.ts';
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
import { upstreamEnum } from './upstream-enum.ts';

/**
 * A content replacement record: its ID, its listing entry when a listing or lookup already produced it, and its
 * first detail block when it is a snapshot.
 */
export interface UploadUpdateRecordShape extends RecordShape<UploadUpdateRecordDetailBlock> {
  readonly kind: 'UPLOAD_UPDATE_RECORD';
  readonly summary?: UploadUpdateRecordSummary;
}

export function uploadUpdateRecordShape(
  id: number,
  summary?: UploadUpdateRecordSummary,
): UploadUpdateRecordShape {
  return { kind: 'UPLOAD_UPDATE_RECORD', id: String(id), ...(summary === undefined ? {} : { summary }) };
}

/** The job is what the record's latest run (the deployment, or its rollback once there is one) is doing. */
function stateFromBlock(block: UploadUpdateRecordDetailBlock): JobState | null {
  const latest = block.phases.at(-1);
  if (latest === undefined) return null;
  return jobStateFromItems(
    latest,
    latest.RecordDetailList.flatMap((group) => group.List ?? []),
    parseUpstreamTime(block.phases[0]?.CreateTime),
  );
}

registerRecordJobKind({
  kind: 'UPLOAD_UPDATE_RECORD',
  typeName: 'UploadUpdateRecord',
  shapeOf: uploadUpdateRecordShape,
  stateOf: stateFromBlock,
  firstBlock: (recordId, context) => context.loaders.uploadUpdateRecords.block(recordId, 0),
  fetchFirstBlock: (ssl, recordId, signal) => fetchUploadUpdateRecordBlock(ssl, recordId, 0, signal),
});

const RECORD_LABEL = 'Content replacement record';

function summaryOf(
  record: UploadUpdateRecordShape,
  context: GraphQLContext,
): Promise<UploadUpdateRecordSummary> {
  return listedSummary(record, context.loaders.uploadUpdateRecords, RECORD_LABEL);
}

const UploadUpdatePhaseKind = upstreamEnum(
  'UploadUpdatePhaseKind',
  {
    DEPLOYMENT: { value: 0, description: 'Deploying the new content to the resources.' },
    ROLLBACK: { value: 1, description: 'Rolling the deployment back (the previous content restored).' },
  },
  { description: 'What a run of a content replacement does.', upstreamField: 'DeployRecord Type' },
);

const UploadUpdateRecordInstanceRef = builder
  .objectRef<UploadUpdateItem>('UploadUpdateRecordInstance')
  .implement({
    description:
      'One cloud resource instance of a content replacement run: where the certificate content was (or is being) ' +
      'replaced. Which fields are set depends on the resource type.',
    fields: (t) => ({
      id: t.id({
        description:
          'The ID of this entry (what `uploadUpdateRecordRetry` takes as `instanceId` to retry only it).',
        nullable: false,
        resolve: (item) => String(item.Id),
      }),
      resourceType: t.field({
        type: ResourceType.ref,
        description: 'The kind of resource.',
        resolve: (item) => ResourceType.fromUpstream(item.ResourceType),
      }),
      region: t.string({
        description: 'The region of the instance.',
        resolve: (item) => presentOrNull(item.Region),
      }),
      status: t.field({
        type: UpdateStatus.ref,
        description: 'Where the replacement on this instance stands.',
        resolve: (item) => UpdateStatus.fromUpstream(item.Status),
      }),
      errorMessage: t.string({
        description: 'Why the replacement on this instance failed; null unless it failed.',
        resolve: (item) => presentOrNull(item.ErrorMsg),
      }),
      instanceId: t.string({
        description: 'The instance ID, e.g. the load balancer ID.',
        resolve: (item) => presentOrNull(item.InstanceId),
      }),
      instanceName: t.string({
        description: 'The instance name.',
        resolve: (item) => presentOrNull(item.InstanceName),
      }),
      domains: t.stringList({
        description: 'The domains served by the instance with the certificate.',
        nullable: false,
        resolve: (item) => item.Domains ?? [],
      }),
      listenerId: t.string({
        description: 'The CLB listener ID.',
        resolve: (item) => presentOrNull(item.ListenerId),
      }),
      listenerName: t.string({
        description: 'The CLB listener name.',
        resolve: (item) => presentOrNull(item.ListenerName),
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
        description: 'Whether the CLB listener uses SNI.',
        resolve: (item) => switchOrNull(item.SniSwitch),
      }),
      loadBalancerKind: t.field({
        type: LoadBalancerKind.ref,
        description:
          'Whether the load balancer is a classic or an application one (CLB only); null when Tencent Cloud ' +
          'does not say.',
        resolve: (item) =>
          item.ResourceType.toLowerCase() === 'clb' ? loadBalancerKindOrNull(item.Forward) : null,
      }),
      tlsAuthenticationMode: t.field({
        type: TlsAuthenticationMode.ref,
        description: 'Whether the listener authenticates the server only or both sides.',
        resolve: (item) => {
          const mode = presentOrNull(item.SSLMode);
          return mode === null ? null : TlsAuthenticationMode.fromUpstream(mode);
        },
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
      createdAt: t.field({
        type: 'DateTime',
        description: 'When the replacement on this instance was created.',
        resolve: (item) => parseUpstreamTime(item.CreateTime),
      }),
      updatedAt: t.field({
        type: 'DateTime',
        description: 'When the replacement on this instance last changed.',
        resolve: (item) => parseUpstreamTime(item.UpdateTime),
      }),
    }),
  });

const UploadUpdateRecordInstanceConnectionRef = builder.connectionObject<
  typeof UploadUpdateRecordInstanceRef,
  OffsetConnectionShape<UploadUpdateItem>
>(
  {
    type: UploadUpdateRecordInstanceRef,
    name: 'UploadUpdateRecordInstanceConnection',
    description: 'A page of the instances of one resource type in a content replacement run.',
    fields: (t) => ({
      totalCount: t.int({
        description: 'How many instances of this resource type the run holds, across all pages.',
        nullable: false,
        resolve: (connection) => connection.totalCount,
      }),
    }),
  },
  {
    name: 'UploadUpdateRecordInstanceEdge',
    description: 'An instance in an UploadUpdateRecordInstanceConnection.',
  },
);

interface ResourceGroupShape extends BlockResourceGroup<UploadUpdateRecordDetailBlock> {
  /** Which run of the record the group belongs to. */
  readonly phaseIndex: number;
}

const UploadUpdateResourceGroupRef = resourceGroupRef<
  ResourceGroupShape,
  UploadUpdateRecordDetailBlock,
  UploadUpdateItem
>({
  name: 'UploadUpdateResourceGroup',
  description: 'The instances of one resource type in a content replacement run.',
  instanceCountDescription: 'How many instances of this type the run covers.',
  instances: UploadUpdateRecordInstanceConnectionRef,
  blockSize: UPLOAD_UPDATE_DETAIL_BLOCK_SIZE,
  blockAt: (recordId, position, context) => context.loaders.uploadUpdateRecords.block(recordId, position),
  groupsOf: (group, block) => ({
    offset: block.offset,
    groups: block.phases[group.phaseIndex]?.RecordDetailList ?? [],
  }),
});

interface PhaseShape {
  readonly recordId: number;
  readonly index: number;
  readonly phase: UploadUpdatePhase;
  /** The block the phase was read from. */
  readonly firstBlock: UploadUpdateRecordDetailBlock;
}

const UploadUpdateInstanceCountsRef = builder
  .objectRef<UploadUpdatePhase>('UploadUpdateInstanceCounts')
  .implement({
    description: 'How many instances of a content replacement run are in each state.',
    fields: (t) => ({
      total: t.int({
        description: 'Every instance of the run.',
        nullable: false,
        resolve: (p) => p.TotalCount,
      }),
      succeeded: t.int({
        description: 'Instances that finished successfully.',
        nullable: false,
        resolve: (phase) => phase.SuccessTotalCount,
      }),
      failed: t.int({
        description: 'Instances that failed.',
        nullable: false,
        resolve: (phase) => phase.FailedTotalCount,
      }),
      running: t.int({
        description: 'Instances waiting or in progress.',
        nullable: false,
        resolve: (phase) => phase.RunningTotalCount,
      }),
    }),
  });

const UploadUpdateRecordPhaseRef = builder.objectRef<PhaseShape>('UploadUpdateRecordPhase').implement({
  description:
    'One run of a content replacement: the deployment of the new content, or its rollback (which Tencent Cloud ' +
    'records inside the same record).',
  fields: (t) => ({
    kind: t.field({
      type: UploadUpdatePhaseKind.ref,
      description: 'Whether this run deploys or rolls back.',
      resolve: ({ phase }) => UploadUpdatePhaseKind.fromUpstream(phase.Type),
    }),
    status: t.field({
      type: UpdateStatus.ref,
      description: 'Where the run stands.',
      resolve: ({ phase }) => UpdateStatus.fromUpstream(phase.Status),
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When the run was created.',
      resolve: ({ phase }) => parseUpstreamTime(phase.CreateTime),
    }),
    instanceCounts: t.field({
      type: UploadUpdateInstanceCountsRef,
      description: 'How many instances of the run are in each state.',
      nullable: false,
      resolve: ({ phase }) => phase,
    }),
    resourceGroups: t.field({
      type: [UploadUpdateResourceGroupRef],
      description: "The run's instances, grouped per resource type.",
      nullable: false,
      resolve: ({ recordId, index, phase, firstBlock }) =>
        phase.RecordDetailList.map((group) => ({
          recordId,
          phaseIndex: index,
          resourceType: group.ResourceType,
          instanceCount: group.TotalCount,
          firstBlock,
        })),
    }),
  }),
});

async function phasesOf(record: UploadUpdateRecordShape, context: GraphQLContext): Promise<PhaseShape[]> {
  const block = await existingFirstBlock(record, context.loaders.uploadUpdateRecords, RECORD_LABEL);
  return block.phases.map((phase, index) => ({
    recordId: Number(record.id),
    index,
    phase,
    firstBlock: block,
  }));
}

export const UploadUpdateRecordRef = builder.objectRef<UploadUpdateRecordShape>('UploadUpdateRecord');

UploadUpdateRecordRef.implement({
  description:
    "A content replacement: a certificate's content replaced by an uploaded certificate and key, keeping the " +
    'certificate ID, and pushed to the resources serving it (UploadUpdateCertificateInstance; CLB only). Its ' +
    'rollback is recorded inside the same record. Follow it as a Job.',
  interfaces: [JobRef],
  fields: (t) => ({
    certificate: t.field({
      type: CertificateRef,
      description:
        'The certificate whose content was replaced (its ID is unchanged); null when it no longer exists.',
      resolve: async (record, _args, context) =>
        context.loaders.certificates.byId.load((await summaryOf(record, context)).OldCertId),
    }),
    updateStatus: t.field({
      type: UpdateStatus.ref,
      description:
        "The record's status as Tencent Cloud reports it (`status` is the job's status on the shared scale). " +
        'Tencent Cloud documents no scale for this field and its examples show an undocumented 7: such a value ' +
        'is reported as null with an error naming it.',
      resolve: async (record, _args, context) =>
        UpdateStatus.fromUpstream((await summaryOf(record, context)).Status),
    }),
    resourceTypes: t.field({
      type: [ResourceType.ref],
      description: 'The resource types the replacement covers.',
      resolve: async (record, _args, context) =>
        (await summaryOf(record, context)).ResourceTypes.map((type) => ResourceType.fromUpstream(type)),
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When the replacement was created.',
      resolve: async (record, _args, context) =>
        parseUpstreamTime((await summaryOf(record, context)).CreateTime),
    }),
    updatedAt: t.field({
      type: 'DateTime',
      description: 'When the replacement last changed.',
      resolve: async (record, _args, context) =>
        parseUpstreamTime((await summaryOf(record, context)).UpdateTime),
    }),
    isRolledBack: t.boolean({
      description: 'Whether the replacement has been rolled back (it has a ROLLBACK run).',
      nullable: false,
      resolve: async (record, _args, context) =>
        (await phasesOf(record, context)).some(({ phase }) => phase.Type === 1),
    }),
    phases: t.field({
      type: [UploadUpdateRecordPhaseRef],
      description: 'The runs of the replacement: its deployment, then its rollback if there is one.',
      nullable: false,
      resolve: (record, _args, context) => phasesOf(record, context),
    }),
  }),
});

const UploadUpdateRecordConnectionRef = builder.connectionObject<
  typeof UploadUpdateRecordRef,
  OffsetConnectionShape<UploadUpdateRecordShape>
>(
  {
    type: UploadUpdateRecordRef,
    name: 'UploadUpdateRecordConnection',
    description: 'A page of content replacement records, newest first.',
    fields: (t) => ({
      totalCount: t.int({
        description: 'How many records match, across all pages.',
        nullable: false,
        resolve: (connection) => connection.totalCount,
      }),
    }),
  },
  {
    name: 'UploadUpdateRecordEdge',
    description: 'A content replacement record in an UploadUpdateRecordConnection.',
  },
);

builder.objectFields(CertificateRef, (t) => ({
  contentReplacementRecords: t.field({
    type: UploadUpdateRecordConnectionRef,
    description: `Replacements of this certificate's content (keeping its ID), newest first.${OWN_UPSTREAM_READ.note}`,
    nullable: OWN_UPSTREAM_READ.nullable,
    args: {
      first: t.arg.int({ description: 'How many records to return (default 20, at most 100).' }),
      after: t.arg.string({ description: 'Return the records after this cursor.' }),
    },
    resolve: async (certificate, args, context) => {
      const { offset, limit } = forwardWindow(args);
      const page = await context.loaders.uploadUpdateRecords.page(certificate.id, offset, limit);
      return recordPageConnection(page, (summary) => uploadUpdateRecordShape(summary.Id, summary));
    },
  }),
}));

builder.queryField('uploadUpdateRecord', (t) =>
  t.field({
    type: UploadUpdateRecordRef,
    description:
      "One content replacement record (a certificate's content replaced keeping its ID) by ID; null when it does " +
      'not exist. With `wait`, answers once it finished or the timeout passed.',
    args: {
      id: t.arg.id({ required: true, description: 'The record ID.' }),
      wait: t.arg({ type: JobWaitInputRef, description: 'Wait for the replacement to finish first.' }),
    },
    resolve: (_root, args, context, info) =>
      recordById(
        args.id,
        args.wait,
        context,
        info,
        context.loaders.uploadUpdateRecords,
        uploadUpdateRecordShape,
      ),
  }),
);
