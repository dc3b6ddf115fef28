import type { UpdateCertificateInstanceRequest } from '../../ssl/models.generated.ts';
import { builder } from '../builder.ts';
import { UPDATE_DETAIL_BLOCK_SIZE } from '../loaders/update-records.ts';
import {
  CertificateTagInput,
  certificateIdOf,
  InputRejection,
  integerId,
  readableCertificatePem,
  type TagShape,
  toUpstreamTags,
} from './certificate-inputs.ts';
import { ResourceType } from './cloud-resource-enums.ts';
import { JobWaitInputRef } from './job.ts';
import { UpdateRecordRef, type UpdateRecordShape, updateRecordShape } from './update-record.ts';
import {
  type CreationProgressShape,
  creationResult,
  MAX_CREATION_WAIT_SECONDS,
  resourceTypesRegionsParam,
  runCreation,
  UpdateCreationProgressRef,
  UpdateResourceRegionsInput,
} from './update-record-creation.ts';
import {
  type RecordRetry,
  rejectingInput,
  requireRecordId,
  retryRecord,
  waitedRecord,
} from './update-record-support.ts';
import { inGraphTerms, pemPairClues, upstreamInputs } from './upstream-input-errors.ts';
import { MUTATION_INPUT, type PayloadShape, payloadType } from './user-error.ts';

// Mutations on update records: replacing a certificate by another on its bound resources
// (UpdateCertificateInstance), retrying what failed and rolling back what succeeded.

const NEW_CERTIFICATE = ['input', 'newCertificate'] as const;

const BINDINGS_REPLACE_INPUTS = upstreamInputs('UpdateCertificateInstance', {
  parameters: {
    OldCertificateId: ['input', 'oldCertificateId'],
    ResourceTypes: ['input', 'resourceTypes'],
    CertificateId: ['input', 'newCertificateId'],
    ResourceTypesRegions: ['input', 'resourceRegions'],
    CertificatePublicKey: [...NEW_CERTIFICATE, 'certificatePem'],
    CertificatePrivateKey: [...NEW_CERTIFICATE, 'privateKeyPem'],
    ExpiringNotificationSwitch: ['input', 'ignoreOldCertificateExpiry'],
    Repeatable: [...NEW_CERTIFICATE, 'allowDuplicate'],
    AllowDownload: [...NEW_CERTIFICATE, 'allowDownload'],
    Tags: [...NEW_CERTIFICATE, 'tags'],
    ProjectId: [...NEW_CERTIFICATE, 'projectId'],
  },
  clues: [
    {
      code: /^FailedOperation\.(CertificateHostResourceTypeInvalid|CertificateDeployInstanceEmpty)$/,
      parameter: 'ResourceTypes',
    },
    ...pemPairClues<'UpdateCertificateInstance'>(),
    { code: 'FailedOperation.CertificateExists', parameter: 'CertificatePublicKey' },
    // Not servable: the uploaded certificate, when one was (else it is the one named, or the old one).
    { code: 'FailedOperation.CertificateInvalid', parameter: 'CertificatePublicKey' },
  ],
  // Other failures may concern the old certificate or the new one; the message quotes an ID when it says which.
});

function recordIdOf(raw: string | number, field: readonly string[]): number {
  return requireRecordId(raw, 'an update record ID', field);
}

interface ReplacePayloadShape extends PayloadShape {
  readonly record: UpdateRecordShape | null;
  readonly isExistingUpdate: boolean;
  readonly isCreationPending: boolean;
  readonly creationProgress: readonly CreationProgressShape[];
}

const CertificateBindingsReplacePayload = payloadType<ReplacePayloadShape>(
  'CertificateBindingsReplacePayload',
  'The result of certificateBindingsReplace.',
  (t) => ({
    updateRecord: t.field({
      type: UpdateRecordRef,
      description:
        'The update that replaces the certificate; null while `isCreationPending`, and when the request failed.',
      args: { wait: t.arg({ type: JobWaitInputRef, description: 'Wait for the update to finish first.' }) },
      resolve: (payload, args, context, info) =>
        payload.record === null ? null : waitedRecord(payload.record, args.wait, context, info),
    }),
    isExistingUpdate: t.boolean({
      description:
        'True when an update of the old certificate was already running: `updateRecord` is that update and this ' +
        'request started nothing.',
      nullable: false,
      resolve: (payload) => payload.isExistingUpdate,
    }),
    isCreationPending: t.boolean({
      description:
        'True when Tencent Cloud is still creating the update (scanning the bound resources): send the same input ' +
        'again to get the update once it exists.',
      nullable: false,
      resolve: (payload) => payload.isCreationPending,
    }),
    creationProgress: t.field({
      type: [UpdateCreationProgressRef],
      description: 'How far the creation of the update got, per resource type (empty when not reported).',
      nullable: false,
      resolve: (payload) => [...payload.creationProgress],
    }),
  }),
);

interface UploadedCertificateShape {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
  readonly allowDownload?: boolean | null;
  readonly allowDuplicate?: boolean | null;
  readonly projectId?: string | number | null;
  readonly tags?: readonly TagShape[] | null;
}

const ReplacementCertificateUploadInput = builder.inputType('ReplacementCertificateUploadInput', {
  description:
    'A new certificate uploaded with the replacement, instead of naming one already in the account.',
  fields: (t) => ({
    certificatePem: t.string({ required: true, description: 'The certificate (and chain) in PEM format.' }),
    privateKeyPem: t.string({ required: true, description: 'Its private key in PEM format.' }),
    allowDownload: t.boolean({
      description: 'Whether the uploaded certificate may be downloaded (default true).',
    }),
    allowDuplicate: t.boolean({
      description:
        'Whether to upload the certificate even if an identical one is in the account (default false: the ' +
        'existing one is used).',
    }),
    projectId: t.id({
      description: 'The project the uploaded certificate joins (default: the default project).',
    }),
    tags: t.field({ type: [CertificateTagInput], description: 'Tags for the uploaded certificate.' }),
  }),
});

const CertificateBindingsReplaceInput = builder.inputType('CertificateBindingsReplaceInput', {
  description:
    'Which certificate to replace, by which one, and on which resources. Give exactly one of `newCertificateId` ' +
    'and `newCertificate`.',
  fields: (t) => ({
    oldCertificateId: t.id({
      required: true,
      description: 'The certificate to replace on every resource of the chosen types that serves it.',
    }),
    newCertificateId: t.id({ description: 'The replacement, a certificate already in the account.' }),
    newCertificate: t.field({
      type: ReplacementCertificateUploadInput,
      description: 'The replacement, uploaded with this request.',
    }),
    resourceTypes: t.field({
      type: [ResourceType.ref],
      required: true,
      description: 'The kinds of resources to update (LIGHTHOUSE cannot be updated this way).',
    }),
    resourceRegions: t.field({
      type: [UpdateResourceRegionsInput],
      description:
        'The regions per regional resource type. Tencent Cloud documents them as required for regional types.',
    }),
    ignoreOldCertificateExpiry: t.boolean({
      description: 'Stop the expiry notifications of the old certificate (default false).',
    }),
    creationWaitSeconds: t.int({
      description:
        'How long the gateway keeps asking while Tencent Cloud creates the update (default 5, at most ' +
        `${MAX_CREATION_WAIT_SECONDS}; 0 asks once). If it is not created by then, \`isCreationPending\` is true.`,
    }),
  }),
});

function newCertificateParams(
  newCertificateId: string | number | null | undefined,
  upload: UploadedCertificateShape | null | undefined,
): Partial<UpdateCertificateInstanceRequest> {
  const hasId =
    newCertificateId !== null && newCertificateId !== undefined && String(newCertificateId) !== '';
  const hasUpload = upload !== null && upload !== undefined;
  if (hasId === hasUpload) {
    throw new InputRejection(
      'NEW_CERTIFICATE_REQUIRED',
      'Give exactly one of newCertificateId and newCertificate.',
      ['input', hasId ? 'newCertificate' : 'newCertificateId'],
    );
  }
  if (hasId || !upload) return { CertificateId: String(newCertificateId) };
  return {
    CertificatePublicKey: readableCertificatePem(upload.certificatePem, [
      'input',
      'newCertificate',
      'certificatePem',
    ]),
    CertificatePrivateKey: upload.privateKeyPem,
    ...(upload.allowDownload === null || upload.allowDownload === undefined
      ? {}
      : { AllowDownload: upload.allowDownload }),
    ...(upload.allowDuplicate === null || upload.allowDuplicate === undefined
      ? {}
      : { Repeatable: upload.allowDuplicate }),
    ...(upload.projectId === null || upload.projectId === undefined
      ? {}
      : { ProjectId: integerId(upload.projectId, ['input', 'newCertificate', 'projectId']) }),
    ...(upload.tags ? { Tags: toUpstreamTags(upload.tags) } : {}),
  };
}

builder.mutationField('certificateBindingsReplace', (t) =>
  t.field({
    type: CertificateBindingsReplacePayload,
    description:
      'Replaces a certificate by another on every cloud resource of the chosen types that serves it ' +
      '(UpdateCertificateInstance). Returns the update, which runs on; follow it as a Job.',
    args: {
      input: t.arg({ type: CertificateBindingsReplaceInput, required: true, description: MUTATION_INPUT }),
    },
    resolve: (_root, { input }, context) =>
      rejectingInput<ReplacePayloadShape>(
        { record: null, isExistingUpdate: false, isCreationPending: false, creationProgress: [] },
        async () => {
          const params: UpdateCertificateInstanceRequest = {
            OldCertificateId: certificateIdOf(input.oldCertificateId),
            ResourceTypes: [...input.resourceTypes],
            ...newCertificateParams(input.newCertificateId, input.newCertificate),
            ...resourceTypesRegionsParam(input.resourceRegions),
            ...(input.ignoreOldCertificateExpiry === null || input.ignoreOldCertificateExpiry === undefined
              ? {}
              : { ExpiringNotificationSwitch: input.ignoreOldCertificateExpiry ? 1 : 0 }),
          };
          const { outcome, created } = await runCreation(
            () =>
              context.loaders.mutations.run('UpdateCertificateInstance', params, {
                userErrorOf: inGraphTerms(BINDINGS_REPLACE_INPUTS, { input }),
              }),
            input.creationWaitSeconds,
          );
          if (!outcome.ok) {
            return {
              record: null,
              isExistingUpdate: false,
              isCreationPending: false,
              creationProgress: [],
              userErrors: outcome.userErrors,
            };
          }
          return { ...creationResult(outcome.response, created, updateRecordShape), userErrors: [] };
        },
      ),
  }),
);

interface RecordPayloadShape extends PayloadShape {
  readonly record: UpdateRecordShape | null;
}

const UpdateRecordRetryPayload = payloadType<RecordPayloadShape>(
  'UpdateRecordRetryPayload',
  'The result of updateRecordRetry.',
  (t) => ({
    updateRecord: t.field({
      type: UpdateRecordRef,
      description: 'The update, with its failed instances running again; null when the retry failed.',
      args: { wait: t.arg({ type: JobWaitInputRef, description: 'Wait for the update to finish first.' }) },
      resolve: (payload, args, context, info) =>
        payload.record === null ? null : waitedRecord(payload.record, args.wait, context, info),
    }),
  }),
);

const UpdateRecordRetryInput = builder.inputType('UpdateRecordRetryInput', {
  description: 'Which update to retry: every failed instance, or only one.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The update record ID.' }),
    instanceId: t.id({
      description:
        'Retry only this instance of the record (`UpdateRecordInstance.id`); default: every failed one. An ' +
        'instance of another record is refused (INSTANCE_ENTRY_NOT_IN_RECORD), as is any instance when the ' +
        'record does not exist (RECORD_NOT_FOUND).',
    }),
  }),
});

const UPDATE_RECORD_RETRY: RecordRetry<UpdateRecordShape> = {
  action: 'UpdateCertificateRecordRetry',
  label: 'update record',
  shapeOf: updateRecordShape,
  blockSize: UPDATE_DETAIL_BLOCK_SIZE,
  entryGroupsAt: async (recordId, offset, context) =>
    (await context.loaders.updateRecords.block(recordId, offset))?.response.RecordDetailList ?? null,
};

builder.mutationField('updateRecordRetry', (t) =>
  t.field({
    type: UpdateRecordRetryPayload,
    description: 'Retries the failed instances of an update (UpdateCertificateRecordRetry).',
    args: { input: t.arg({ type: UpdateRecordRetryInput, required: true, description: MUTATION_INPUT }) },
    resolve: (_root, { input }, context) =>
      rejectingInput<RecordPayloadShape>({ record: null }, () =>
        retryRecord(context, UPDATE_RECORD_RETRY, recordIdOf(input.id, ['input', 'id']), input.instanceId),
      ),
  }),
);

interface RollbackPayloadShape extends PayloadShape {
  readonly rolledBack: UpdateRecordShape | null;
  readonly rollback: UpdateRecordShape | null;
}

const UpdateRecordRollbackPayload = payloadType<RollbackPayloadShape>(
  'UpdateRecordRollbackPayload',
  'The result of updateRecordRollback.',
  (t) => ({
    rollbackRecord: t.field({
      type: UpdateRecordRef,
      description:
        'The rollback, a new update record putting the old certificate back where the update succeeded; null ' +
        'when the rollback failed.',
      args: { wait: t.arg({ type: JobWaitInputRef, description: 'Wait for the rollback to finish first.' }) },
      resolve: (payload, args, context, info) =>
        payload.rollback === null ? null : waitedRecord(payload.rollback, args.wait, context, info),
    }),
    updateRecord: t.field({
      type: UpdateRecordRef,
      description: 'The update that is being rolled back; null when the rollback failed.',
      resolve: (payload) => payload.rolledBack,
    }),
  }),
);

const UpdateRecordRollbackInput = builder.inputType('UpdateRecordRollbackInput', {
  description: 'Which update to roll back.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The update record ID.' }),
  }),
});

builder.mutationField('updateRecordRollback', (t) =>
  t.field({
    type: UpdateRecordRollbackPayload,
    description:
      'Rolls back the instances an update succeeded on (UpdateCertificateRecordRollback), as a new update record.',
    args: { input: t.arg({ type: UpdateRecordRollbackInput, required: true, description: MUTATION_INPUT }) },
    resolve: (_root, { input }, context) =>
      rejectingInput<RollbackPayloadShape>({ rolledBack: null, rollback: null }, async () => {
        const recordId = recordIdOf(input.id, ['input', 'id']);
        const outcome = await context.loaders.mutations.run(
          'UpdateCertificateRecordRollback',
          { DeployRecordId: recordId },
          { fieldOf: () => ['input', 'id'] },
        );
        return outcome.ok
          ? {
              rolledBack: updateRecordShape(recordId),
              rollback: updateRecordShape(outcome.response.DeployRecordId),
              userErrors: [],
            }
          : { rolledBack: null, rollback: null, userErrors: outcome.userErrors };
      }),
  }),
);
