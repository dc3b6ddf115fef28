import { builder } from '../builder.ts';
import { DEPLOY_DETAIL_BLOCK_SIZE } from '../loaders/deploy-records.ts';
import { certificateIdOf, isKnownRegion, unknownRegion } from './certificate-inputs.ts';
import { LiveHttpsStatus, ResourceType, type ResourceTypeCode } from './cloud-resource-enums.ts';
import { DeployRecordRef, type DeployRecordShape, heldDeployRecordAfterWait } from './deploy-record.ts';
import { JobWaitInputRef } from './job.ts';
import { checkEntryOfRecord, parseRecordId } from './record-support.ts';
import { gatewayUserError, MUTATION_INPUT, type PayloadShape, payloadType } from './user-error.ts';

/** Resource types whose instances live in a region: DeployCertificateInstance needs the region for them. */
const REGIONAL_RESOURCE_TYPES: ReadonlySet<ResourceTypeCode> = new Set([
  'clb',
  'waf',
  'apigateway',
  'cos',
  'lighthouse',
  'tke',
  'tse',
  'tcb',
]);

interface DeployRecordPayloadShape extends PayloadShape {
  readonly deployRecord: DeployRecordShape | null;
}

function deployRecordField(description: string) {
  return (t: Parameters<Parameters<typeof payloadType<DeployRecordPayloadShape>>[2] & object>[0]) =>
    t.field({
      type: DeployRecordRef,
      description: `${description} Pass \`wait\` to receive it once finished (or after the timeout).`,
      args: { wait: t.arg({ type: JobWaitInputRef, description: 'Wait for the job to finish first.' }) },
      resolve: (payload, args, context, info) =>
        payload.deployRecord === null
          ? null
          : heldDeployRecordAfterWait(payload.deployRecord, args.wait, context, info),
    });
}

function heldRecord(id: number): DeployRecordShape {
  return { kind: 'DEPLOY_RECORD', id: String(id) };
}

// --- certificateDeploy -------------------------------------------------------------------------------------

interface CertificateDeployShape extends DeployRecordPayloadShape {
  readonly alreadyRunning: boolean | null;
}

const CertificateDeployPayload = payloadType<CertificateDeployShape>(
  'CertificateDeployPayload',
  'The result of certificateDeploy.',
  (t) => ({
    deployRecord: deployRecordField(
      'The deployment started (or, when `alreadyRunning`, the one already running); null when it failed.',
    )(t),
    alreadyRunning: t.boolean({
      description:
        'True when a deployment of this certificate to this resource type was already running: only one runs ' +
        'at a time, so nothing new was started and `deployRecord` is the running one.',
      resolve: (payload) => payload.alreadyRunning,
    }),
  }),
);

const CertificateDeployInput = builder.inputType('CertificateDeployInput', {
  description:
    'Which certificate to deploy where. `instanceIds` name the targets in the format of their resource type ' +
    '(`|`-separated): CLB `LoadBalancerId|ListenerId|Domain` (SNI listener) or `LoadBalancerId|ListenerId` ' +
    '(listener without SNI, or layer 4); CDN `Domain|on` / `Domain|off` (switches HTTPS billing) or `Domain`; ' +
    'DDOS `InstanceId|Domain|VirtualPort`; LIVE, VOD, WAF and TEO `Domain`; APIGATEWAY `ServiceId|Domain`; ' +
    'TKE `ClusterId|Namespace|SecretName`; COS `Region|Bucket|Domain`; LIGHTHOUSE `Region|InstanceId|Domain`; ' +
    'TSE `GatewayId|CertificateId`; TCB `Type|Region|EnvironmentId|Domain`.',
  fields: (t) => ({
    certificateId: t.id({
      required: true,
      description: 'The certificate to deploy (issued, unexpired, server).',
    }),
    resourceType: t.field({
      type: ResourceType.ref,
      description: 'The kind of resource to deploy to (default CLB).',
    }),
    instanceIds: t.stringList({
      required: true,
      description: 'The target instances, in the format of the resource type (see the input description).',
    }),
    region: t.string({
      description:
        'The region of the instances (e.g. `ap-guangzhou`): required for the regional resource types CLB, WAF, ' +
        'APIGATEWAY, COS, LIGHTHOUSE, TKE, TSE and TCB; not needed for the others. It must be one of the ' +
        "API's regions: any other is refused (`INVALID_REGION`) before anything is sent.",
    }),
    useCachedInstances: t.boolean({
      description:
        'Whether Tencent Cloud may use its cached view of the instances (up to 30 minutes old; default true). ' +
        'False makes it read the instances afresh.',
    }),
    liveHttpsStatus: t.field({
      type: LiveHttpsStatus.ref,
      description: 'For LIVE only: the HTTPS state to leave the domains in.',
    }),
  }),
});

builder.mutationField('certificateDeploy', (t) =>
  t.field({
    type: CertificateDeployPayload,
    description:
      'Deploys a certificate to instances of one cloud resource type (DeployCertificateInstance). Returns the ' +
      'deploy record at once; it runs for a while: pass `wait` on `deployRecord`, or subscribe to `jobProgress`.',
    args: { input: t.arg({ type: CertificateDeployInput, required: true, description: MUTATION_INPUT }) },
    resolve: async (_root, { input }, context): Promise<CertificateDeployShape> => {
      const resourceType: ResourceTypeCode = input.resourceType ?? 'clb';
      const failed = (shape: PayloadShape): CertificateDeployShape => ({
        ...shape,
        deployRecord: null,
        alreadyRunning: null,
      });
      if (input.instanceIds.length === 0) {
        return failed(
          gatewayUserError('INSTANCE_IDS_EMPTY', 'Name at least one instance to deploy to.', [
            'input',
            'instanceIds',
          ]),
        );
      }
      const region = input.region?.trim() ?? '';
      if (region !== '' && !isKnownRegion(region)) {
        const refusal = unknownRegion(region, ['input', 'region']);
        return failed(gatewayUserError(refusal.code, refusal.message, refusal.field));
      }
      if (REGIONAL_RESOURCE_TYPES.has(resourceType) && region === '') {
        return failed(
          gatewayUserError(
            'REGION_REQUIRED',
            `Deploying to ${resourceType} needs the region of the instances.`,
            ['input', 'region'],
          ),
        );
      }
      if (input.liveHttpsStatus !== null && input.liveHttpsStatus !== undefined && resourceType !== 'live') {
        return failed(
          gatewayUserError('LIVE_ONLY_OPTION', 'liveHttpsStatus applies to LIVE deployments only.', [
            'input',
            'liveHttpsStatus',
          ]),
        );
      }
      const outcome = await context.loaders.mutations.run(
        'DeployCertificateInstance',
        {
          CertificateId: certificateIdOf(input.certificateId),
          InstanceIdList: [...input.instanceIds],
          ResourceType: resourceType,
          IsCache: input.useCachedInstances === false ? 0 : 1,
          ...(input.liveHttpsStatus === null || input.liveHttpsStatus === undefined
            ? {}
            : { Status: input.liveHttpsStatus }),
        },
        { fieldOf: deployFieldOf, ...(region === '' ? {} : { region }) },
      );
      if (!outcome.ok) return failed({ userErrors: outcome.userErrors });
      return {
        deployRecord: heldRecord(outcome.response.DeployRecordId),
        alreadyRunning: outcome.response.DeployStatus === 0,
        userErrors: [],
      };
    },
  }),
);

function deployFieldOf(code: string): readonly string[] {
  if (code.includes('Region')) return ['input', 'region'];
  if (code.includes('ResourceType')) return ['input', 'resourceType'];
  if (code.includes('Instance')) return ['input', 'instanceIds'];
  return ['input', 'certificateId'];
}

// --- deployRecordRetry -------------------------------------------------------------------------------------

const DeployRecordRetryPayload = payloadType<DeployRecordPayloadShape>(
  'DeployRecordRetryPayload',
  'The result of deployRecordRetry.',
  (t) => ({
    deployRecord: deployRecordField(
      'The record, running again for the retried instances; null when it failed.',
    )(t),
  }),
);

const DeployRecordRetryInput = builder.inputType('DeployRecordRetryInput', {
  description: 'Which finished deployment to retry: every failed instance of it, or one.',
  fields: (t) => ({
    deployRecordId: t.id({ required: true, description: 'The deploy record.' }),
    instanceEntryId: t.id({
      description:
        'Retry only this instance of the record (a `DeployRecordInstance.id`); without it, every failed instance. ' +
        'An entry of another record is refused (INSTANCE_ENTRY_NOT_IN_RECORD), as is any entry when the record ' +
        'does not exist (RECORD_NOT_FOUND).',
    }),
  }),
});

builder.mutationField('deployRecordRetry', (t) =>
  t.field({
    type: DeployRecordRetryPayload,
    description:
      'Deploys again to the failed instances of a finished deployment (DeployCertificateRecordRetry). Only failed ' +
      'instances can be retried, and only once the record has finished.',
    args: { input: t.arg({ type: DeployRecordRetryInput, required: true, description: MUTATION_INPUT }) },
    resolve: async (_root, { input }, context): Promise<DeployRecordPayloadShape> => {
      const recordId = parseRecordId(input.deployRecordId);
      const entryGiven = input.instanceEntryId !== null && input.instanceEntryId !== undefined;
      const entryId = entryGiven ? parseRecordId(input.instanceEntryId ?? '') : null;
      if (recordId === null) {
        return {
          ...gatewayUserError('INVALID_ID', 'Not a deploy record ID.', ['input', 'deployRecordId']),
          deployRecord: null,
        };
      }
      if (entryGiven && entryId === null) {
        return {
          ...gatewayUserError('INVALID_ID', 'Not an instance entry ID.', ['input', 'instanceEntryId']),
          deployRecord: null,
        };
      }
      if (entryId !== null) {
        const refusal = await checkEntryOfRecord(
          entryId,
          'deploy record',
          { record: ['input', 'deployRecordId'], entry: ['input', 'instanceEntryId'] },
          DEPLOY_DETAIL_BLOCK_SIZE,
          async (offset) => {
            const block = await context.loaders.deployRecords.block(String(recordId), offset);
            return block === null
              ? null
              : [{ TotalCount: block.response.TotalCount, List: block.response.DeployRecordDetailList }];
          },
        );
        if (refusal !== null) return { ...refusal, deployRecord: null };
      }
      const outcome = await context.loaders.mutations.run(
        'DeployCertificateRecordRetry',
        entryId === null ? { DeployRecordId: recordId } : { DeployRecordDetailId: entryId },
        { fieldOf: () => (entryId === null ? ['input', 'deployRecordId'] : ['input', 'instanceEntryId']) },
      );
      return outcome.ok
        ? { deployRecord: heldRecord(recordId), userErrors: [] }
        : { deployRecord: null, userErrors: outcome.userErrors };
    },
  }),
);

// --- deployRecordRollback ----------------------------------------------------------------------------------

interface DeployRecordRollbackShape extends PayloadShape {
  readonly rollbackRecord: DeployRecordShape | null;
  readonly rolledBackRecord: DeployRecordShape | null;
}

const DeployRecordRollbackPayload = payloadType<DeployRecordRollbackShape>(
  'DeployRecordRollbackPayload',
  'The result of deployRecordRollback.',
  (t) => ({
    rollbackRecord: t.field({
      type: DeployRecordRef,
      description:
        'The new record of the rollback (a job of its own); null when it failed. Pass `wait` to receive it once ' +
        'finished (or after the timeout).',
      args: { wait: t.arg({ type: JobWaitInputRef, description: 'Wait for the rollback to finish first.' }) },
      resolve: (payload, args, context, info) =>
        payload.rollbackRecord === null
          ? null
          : heldDeployRecordAfterWait(payload.rollbackRecord, args.wait, context, info),
    }),
    rolledBackRecord: t.field({
      type: DeployRecordRef,
      description: 'The deployment being rolled back; null when the rollback failed.',
      resolve: (payload) => payload.rolledBackRecord,
    }),
  }),
);

const DeployRecordRollbackInput = builder.inputType('DeployRecordRollbackInput', {
  description: 'Which deployment to roll back.',
  fields: (t) => ({
    deployRecordId: t.id({
      required: true,
      description:
        'A finished deploy record with successful instances, not a rollback and not yet rolled back.',
    }),
  }),
});

builder.mutationField('deployRecordRollback', (t) =>
  t.field({
    type: DeployRecordRollbackPayload,
    description:
      'Puts the previous certificates back on the instances a deployment succeeded on ' +
      '(DeployCertificateRecordRollback). A deployment can be rolled back once, after it finished.',
    args: { input: t.arg({ type: DeployRecordRollbackInput, required: true, description: MUTATION_INPUT }) },
    resolve: async (_root, { input }, context): Promise<DeployRecordRollbackShape> => {
      const recordId = parseRecordId(input.deployRecordId);
      if (recordId === null) {
        return {
          ...gatewayUserError('INVALID_ID', 'Not a deploy record ID.', ['input', 'deployRecordId']),
          rollbackRecord: null,
          rolledBackRecord: null,
        };
      }
      const outcome = await context.loaders.mutations.run(
        'DeployCertificateRecordRollback',
        { DeployRecordId: recordId },
        { fieldOf: () => ['input', 'deployRecordId'] },
      );
      return outcome.ok
        ? {
            rollbackRecord: heldRecord(outcome.response.DeployRecordId),
            rolledBackRecord: heldRecord(recordId),
            userErrors: [],
          }
        : { rollbackRecord: null, rolledBackRecord: null, userErrors: outcome.userErrors };
    },
  }),
);
