import { builder } from '../builder.ts';
import { UPLOAD_UPDATE_DETAIL_BLOCK_SIZE } from '../loaders/upload-update-records.ts';
import { CertificateRef } from './certificate.ts';
import { certificateIdOf, readableCertificatePem } from './certificate-inputs.ts';
import { ResourceType } from './cloud-resource-enums.ts';
import { JobWaitInputRef } from './job.ts';
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
import {
  UploadUpdateRecordRef,
  type UploadUpdateRecordShape,
  uploadUpdateRecordShape,
} from './upload-update-record.ts';
import { inGraphTerms, pemPairClues, upstreamInputs } from './upstream-input-errors.ts';
import { MUTATION_INPUT, type PayloadShape, payloadType } from './user-error.ts';

// Mutations on content replacement records: replacing a certificate's content under the same ID
// (UploadUpdateCertificateInstance), retrying what failed and rolling the replacement back.

function recordIdOf(raw: string | number): number {
  return requireRecordId(raw, 'a record ID', ['input', 'id']);
}

const CONTENT_REPLACE_INPUTS = upstreamInputs('UploadUpdateCertificateInstance', {
  parameters: {
    OldCertificateId: ['input', 'certificateId'],
    ResourceTypes: ['input', 'resourceTypes'],
    CertificatePublicKey: ['input', 'certificatePem'],
    CertificatePrivateKey: ['input', 'privateKeyPem'],
    ResourceTypesRegions: ['input', 'resourceRegions'],
  },
  clues: [
    { code: 'FailedOperation.CertificateHostResourceTypeInvalid', parameter: 'ResourceTypes' },
    ...pemPairClues<'UploadUpdateCertificateInstance'>(),
    { code: 'FailedOperation.CertificateInvalid', parameter: 'CertificatePublicKey' },
  ],
  // The rest (not found, nothing bound to update, a replacement running) is about the certificate.
  fallback: [['input', 'certificateId']],
});

interface ContentReplacePayloadShape extends PayloadShape {
  readonly certificateId: string | null;
  readonly record: UploadUpdateRecordShape | null;
  readonly isExistingUpdate: boolean;
  readonly isCreationPending: boolean;
  readonly creationProgress: readonly CreationProgressShape[];
}

const CertificateContentReplacePayload = payloadType<ContentReplacePayloadShape>(
  'CertificateContentReplacePayload',
  'The result of certificateContentReplace.',
  (t) => ({
    certificate: t.field({
      type: CertificateRef,
      description: 'The certificate (same ID) once its content is replaced; null when the request failed.',
      resolve: (payload, _args, context) =>
        payload.certificateId === null ? null : context.loaders.certificates.byId.load(payload.certificateId),
    }),
    uploadUpdateRecord: t.field({
      type: UploadUpdateRecordRef,
      description:
        'The replacement, pushing the new content to the resources; null while `isCreationPending`, and when ' +
        'the request failed.',
      args: {
        wait: t.arg({ type: JobWaitInputRef, description: 'Wait for the replacement to finish first.' }),
      },
      resolve: (payload, args, context, info) =>
        payload.record === null ? null : waitedRecord(payload.record, args.wait, context, info),
    }),
    isExistingUpdate: t.boolean({
      description:
        'True when a replacement of this certificate was already running: `uploadUpdateRecord` is that one and ' +
        'this request changed nothing.',
      nullable: false,
      resolve: (payload) => payload.isExistingUpdate,
    }),
    isCreationPending: t.boolean({
      description:
        'True when Tencent Cloud is still creating the replacement (scanning the bound resources): send the same ' +
        'input again to get it once it exists.',
      nullable: false,
      resolve: (payload) => payload.isCreationPending,
    }),
    creationProgress: t.field({
      type: [UpdateCreationProgressRef],
      description:
        'How far the creation of the replacement got, per resource type (empty when not reported).',
      nullable: false,
      resolve: (payload) => [...payload.creationProgress],
    }),
  }),
);

const CertificateContentReplaceInput = builder.inputType('CertificateContentReplaceInput', {
  description: 'Which certificate gets new content, the content, and where to push it.',
  fields: (t) => ({
    certificateId: t.id({
      required: true,
      description: 'The certificate whose content is replaced; its ID stays.',
    }),
    certificatePem: t.string({
      required: true,
      description: 'The new certificate (and chain) in PEM format.',
    }),
    privateKeyPem: t.string({ required: true, description: 'Its private key in PEM format.' }),
    resourceTypes: t.field({
      type: [ResourceType.ref],
      description: 'The kinds of resources to update (default and, for now, only possibility: `[CLB]`).',
    }),
    resourceRegions: t.field({
      type: [UpdateResourceRegionsInput],
      description: 'The regions to update the CLB load balancers in (default: every region).',
    }),
    creationWaitSeconds: t.int({
      description:
        'How long the gateway keeps asking while Tencent Cloud creates the replacement (default 5, at most ' +
        `${MAX_CREATION_WAIT_SECONDS}; 0 asks once). If it is not created by then, \`isCreationPending\` is true.`,
    }),
  }),
});

const blankContentReplace = {
  certificateId: null,
  record: null,
  isExistingUpdate: false,
  isCreationPending: false,
  creationProgress: [],
} as const;

builder.mutationField('certificateContentReplace', (t) =>
  t.field({
    type: CertificateContentReplacePayload,
    description:
      "Replaces a certificate's content with an uploaded certificate and key, keeping its ID, and pushes it to " +
      'the CLB load balancers serving it (UploadUpdateCertificateInstance). Follow the replacement as a Job.',
    args: {
      input: t.arg({ type: CertificateContentReplaceInput, required: true, description: MUTATION_INPUT }),
    },
    resolve: (_root, { input }, context) =>
      rejectingInput<ContentReplacePayloadShape>(blankContentReplace, async () => {
        const certificateId = certificateIdOf(input.certificateId);
        const params = {
          OldCertificateId: certificateId,
          ResourceTypes: input.resourceTypes ? [...input.resourceTypes] : ['clb'],
          CertificatePublicKey: readableCertificatePem(input.certificatePem, ['input', 'certificatePem']),
          CertificatePrivateKey: input.privateKeyPem,
          ...resourceTypesRegionsParam(input.resourceRegions),
        };
        const { outcome, created } = await runCreation(
          () =>
            context.loaders.mutations.run('UploadUpdateCertificateInstance', params, {
              userErrorOf: inGraphTerms(CONTENT_REPLACE_INPUTS, { input }),
            }),
          input.creationWaitSeconds,
        );
        if (!outcome.ok) return { ...blankContentReplace, userErrors: outcome.userErrors };
        return {
          certificateId,
          ...creationResult(outcome.response, created, uploadUpdateRecordShape),
          userErrors: [],
        };
      }),
  }),
);

interface RecordPayloadShape extends PayloadShape {
  readonly record: UploadUpdateRecordShape | null;
}

function recordPayload(name: string, description: string) {
  return payloadType<RecordPayloadShape>(name, `The result of ${name.replace(/Payload$/, '')}.`, (t) => ({
    uploadUpdateRecord: t.field({
      type: UploadUpdateRecordRef,
      description,
      args: { wait: t.arg({ type: JobWaitInputRef, description: 'Wait for the record to finish first.' }) },
      resolve: (payload, args, context, info) =>
        payload.record === null ? null : waitedRecord(payload.record, args.wait, context, info),
    }),
  }));
}

const UploadUpdateRecordRetryPayload = recordPayload(
  'UploadUpdateRecordRetryPayload',
  'The replacement, with its failed instances running again; null when the retry failed.',
);

const UploadUpdateRecordRetryInput = builder.inputType('UploadUpdateRecordRetryInput', {
  description: 'Which content replacement to retry: every failed instance, or only one.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The content replacement record ID.' }),
    instanceId: t.id({
      description:
        'Retry only this instance (`UploadUpdateRecordInstance.id`); default: every failed one of the record. An ' +
        'instance of another record is refused (INSTANCE_ENTRY_NOT_IN_RECORD), as is any instance when the ' +
        'record does not exist (RECORD_NOT_FOUND).',
    }),
  }),
});

const UPLOAD_UPDATE_RECORD_RETRY: RecordRetry<UploadUpdateRecordShape> = {
  action: 'UploadUpdateCertificateRecordRetry',
  label: 'content replacement record',
  shapeOf: uploadUpdateRecordShape,
  blockSize: UPLOAD_UPDATE_DETAIL_BLOCK_SIZE,
  // Entries of every run (the deployment and its rollback) are the record's.
  entryGroupsAt: async (recordId, offset, context) =>
    (await context.loaders.uploadUpdateRecords.block(recordId, offset))?.phases.flatMap(
      (phase) => phase.RecordDetailList,
    ) ?? null,
};

builder.mutationField('uploadUpdateRecordRetry', (t) =>
  t.field({
    type: UploadUpdateRecordRetryPayload,
    description:
      'Retries the failed instances of a content replacement (UploadUpdateCertificateRecordRetry).',
    args: {
      input: t.arg({ type: UploadUpdateRecordRetryInput, required: true, description: MUTATION_INPUT }),
    },
    resolve: (_root, { input }, context) =>
      rejectingInput<RecordPayloadShape>({ record: null }, () =>
        retryRecord(context, UPLOAD_UPDATE_RECORD_RETRY, recordIdOf(input.id), input.instanceId),
      ),
  }),
);

const UploadUpdateRecordRollbackPayload = recordPayload(
  'UploadUpdateRecordRollbackPayload',
  'The replacement, now with a ROLLBACK run restoring the previous content; null when the rollback failed.',
);

const UploadUpdateRecordRollbackInput = builder.inputType('UploadUpdateRecordRollbackInput', {
  description: 'Which content replacement to roll back.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The content replacement record ID.' }),
  }),
});

builder.mutationField('uploadUpdateRecordRollback', (t) =>
  t.field({
    type: UploadUpdateRecordRollbackPayload,
    description:
      'Rolls a whole content replacement back (UploadUpdateCertificateRecordRollback). Tencent Cloud records the ' +
      'rollback as a ROLLBACK run of the same record, which the payload returns.',
    args: {
      input: t.arg({ type: UploadUpdateRecordRollbackInput, required: true, description: MUTATION_INPUT }),
    },
    resolve: (_root, { input }, context) =>
      rejectingInput<RecordPayloadShape>({ record: null }, async () => {
        const recordId = recordIdOf(input.id);
        const outcome = await context.loaders.mutations.run(
          'UploadUpdateCertificateRecordRollback',
          { DeployRecordId: recordId },
          { fieldOf: () => ['input', 'id'] },
        );
        return outcome.ok
          ? { record: uploadUpdateRecordShape(recordId), userErrors: [] }
          : { record: null, userErrors: outcome.userErrors };
      }),
  }),
);
