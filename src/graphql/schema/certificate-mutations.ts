// Managing certificates already in the account: alias, project, expiry notifications, and uploading your own.
import { builder } from '../builder.ts';
import { CertificateRef } from './certificate.ts';
import { CertificateType } from './certificate-enums.ts';
import {
  CertificateTagInput,
  certificateIdList,
  certificateIdOf,
  integerId,
  optionalIntegerId,
  readableCertificatePem,
  toUpstreamTags,
} from './certificate-inputs.ts';
import { checkingInput, loadCertificate, loadCertificates } from './certificate-payloads.ts';
import { upstreamEnum } from './upstream-enum.ts';
import { inGraphTerms, pemPairClues, upstreamInputs } from './upstream-input-errors.ts';
import { MUTATION_INPUT, type PayloadShape, payloadType } from './user-error.ts';

/** ModifyCertificateProject.CertificateIdList and ModifyCertificatesExpiringNotificationSwitch.CertificateIds. */
const MAX_PROJECT_UPDATE_IDS = 100;
const MAX_NOTIFICATION_UPDATE_IDS = 50;

/** The payload of a mutation that changes one certificate: the certificate as it is afterwards. */
interface CertificateChangeShape extends PayloadShape {
  readonly certificateId: string | null;
}

const CertificateAliasUpdatePayload = payloadType<CertificateChangeShape>(
  'CertificateAliasUpdatePayload',
  'The result of certificateAliasUpdate.',
  (t) => ({
    certificate: t.field({
      type: CertificateRef,
      description: 'The certificate with its new alias; null when the update failed.',
      resolve: (payload, _args, context) =>
        payload.certificateId === null ? null : context.loaders.certificates.byId.load(payload.certificateId),
    }),
  }),
);

const CertificateAliasUpdateInput = builder.inputType('CertificateAliasUpdateInput', {
  description: 'Which certificate to rename, and its new alias.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The certificate ID.' }),
    alias: t.string({ required: true, description: 'The new remark name; an empty string removes it.' }),
  }),
});

const ALIAS_UPDATE_INPUTS = upstreamInputs('ModifyCertificateAlias', {
  parameters: { CertificateId: ['input', 'id'], Alias: ['input', 'alias'] },
  fallback: [['input', 'id']],
});

builder.mutationField('certificateAliasUpdate', (t) =>
  t.field({
    type: CertificateAliasUpdatePayload,
    description: 'Sets the remark name (alias) of a certificate (ModifyCertificateAlias).',
    args: {
      input: t.arg({ type: CertificateAliasUpdateInput, required: true, description: MUTATION_INPUT }),
    },
    resolve: async (_root, { input }, context) => {
      const outcome = await context.loaders.mutations.run(
        'ModifyCertificateAlias',
        { CertificateId: certificateIdOf(input.id), Alias: input.alias },
        { userErrorOf: inGraphTerms(ALIAS_UPDATE_INPUTS, { input }) },
      );
      return outcome.ok
        ? { certificateId: outcome.response.CertificateId, userErrors: [] }
        : { certificateId: null, userErrors: outcome.userErrors };
    },
  }),
);

const CertificateIntendedUse = upstreamEnum(
  'CertificateIntendedUse',
  {
    CLB: { value: 'CLB', description: 'Cloud Load Balancer.' },
    CDN: { value: 'CDN', description: 'Content Delivery Network.' },
    WAF: { value: 'WAF', description: 'Web Application Firewall.' },
    LIVE: { value: 'LIVE', description: 'Cloud Streaming Services (live streaming).' },
    DDOS: { value: 'DDOS', description: 'Anti-DDoS.' },
  },
  { description: 'The cloud service an uploaded certificate is meant for.', upstreamField: 'CertificateUse' },
);

const CertificateUploadInput = builder.inputType('CertificateUploadInput', {
  description: 'Your own certificate to upload, with its private key.',
  fields: (t) => ({
    certificatePem: t.string({
      required: true,
      description: 'The certificate in PEM form, followed by its chain.',
    }),
    privateKeyPem: t.string({
      description:
        'The private key in PEM form; required for a server certificate. It is stored by Tencent Cloud and never ' +
        'returned by this mutation.',
    }),
    certificateType: t.field({
      type: CertificateType.ref,
      description: 'A server certificate (default) or a client/CA certificate.',
    }),
    alias: t.string({ description: 'A remark name for the certificate.' }),
    projectId: t.id({ description: 'The project to put the certificate in.' }),
    intendedUse: t.field({
      type: CertificateIntendedUse.ref,
      description: 'The cloud service it is meant for.',
    }),
    tags: t.field({ type: [CertificateTagInput], description: 'Tags to attach to the certificate.' }),
    allowDuplicate: t.boolean({
      description:
        'Upload even when an identical certificate (same fingerprint) is already in the account (default true). ' +
        'When false, the existing certificate is returned instead.',
    }),
  }),
});

interface CertificateUploadShape extends PayloadShape {
  readonly certificateId?: string | null;
  readonly duplicateId?: string | null;
}

const CertificateUploadPayload = payloadType<CertificateUploadShape>(
  'CertificateUploadPayload',
  'The result of certificateUpload.',
  (t) => ({
    certificate: t.field({
      type: CertificateRef,
      description:
        'The uploaded certificate, or the existing identical one when duplicates were not allowed; null when the ' +
        'upload failed.',
      resolve: (payload, _args, context) => loadCertificate(context, payload.certificateId),
    }),
    existingDuplicate: t.field({
      type: CertificateRef,
      description: 'A certificate with the same content that was already in the account, if any.',
      resolve: (payload, _args, context) => loadCertificate(context, payload.duplicateId),
    }),
    isNewCertificate: t.boolean({
      description: 'Whether a new certificate was created (false when the existing duplicate was returned).',
      resolve: (payload) =>
        payload.certificateId === null || payload.certificateId === undefined
          ? null
          : payload.certificateId !== payload.duplicateId,
    }),
  }),
);

const CertificateProjectUpdateInput = builder.inputType('CertificateProjectUpdateInput', {
  description: 'Certificates to move to another project.',
  fields: (t) => ({
    ids: t.idList({
      required: true,
      description: `The certificate IDs (at most ${MAX_PROJECT_UPDATE_IDS}).`,
    }),
    projectId: t.id({
      required: true,
      description: 'The project to move them to (`0` is the default project).',
    }),
  }),
});

interface CertificateProjectUpdateShape extends PayloadShape {
  readonly updatedIds?: readonly string[];
  readonly failedIds?: readonly string[];
}

const CertificateProjectUpdatePayload = payloadType<CertificateProjectUpdateShape>(
  'CertificateProjectUpdatePayload',
  'The result of certificateProjectUpdate.',
  (t) => ({
    certificates: t.field({
      type: [CertificateRef],
      description: 'The certificates now in the project; null when nothing was attempted.',
      resolve: (payload, _args, context) => loadCertificates(context, payload.updatedIds),
    }),
    failedCertificateIds: t.idList({
      description: 'The IDs of the certificates that could not be moved (e.g. unknown IDs).',
      resolve: (payload) => (payload.failedIds === undefined ? null : [...payload.failedIds]),
    }),
  }),
);

const CertificateExpiryNotificationUpdateInput = builder.inputType(
  'CertificateExpiryNotificationUpdateInput',
  {
    description: 'Certificates whose expiry notifications to turn on or off.',
    fields: (t) => ({
      ids: t.idList({
        required: true,
        description: `The certificate IDs (at most ${MAX_NOTIFICATION_UPDATE_IDS}).`,
      }),
      enabled: t.boolean({
        required: true,
        description: 'true to be notified before the certificates expire, false to ignore their expiry.',
      }),
    }),
  },
);

const CertificateExpiryNotificationUpdatePayload = payloadType<CertificateProjectUpdateShape>(
  'CertificateExpiryNotificationUpdatePayload',
  'The result of certificateExpiryNotificationUpdate.',
  (t) => ({
    certificates: t.field({
      type: [CertificateRef],
      description: 'The certificates with their new notification setting; null when the update failed.',
      resolve: (payload, _args, context) => loadCertificates(context, payload.updatedIds),
    }),
  }),
);

const UPLOAD_INPUTS = upstreamInputs('UploadCertificate', {
  parameters: {
    CertificatePublicKey: ['input', 'certificatePem'],
    CertificatePrivateKey: ['input', 'privateKeyPem'],
    CertificateType: ['input', 'certificateType'],
    Alias: ['input', 'alias'],
    ProjectId: ['input', 'projectId'],
    CertificateUse: ['input', 'intendedUse'],
    Tags: ['input', 'tags'],
    Repeatable: ['input', 'allowDuplicate'],
  },
  clues: [
    // A server certificate without its key: the key is what the caller has to add.
    { code: 'InvalidParameter.MissMatchPrivateKey', parameter: 'CertificatePrivateKey', absent: true },
    ...pemPairClues<'UploadCertificate'>(),
    { code: 'FailedOperation.CertificateCaError', parameter: 'CertificateType' },
    { code: 'FailedOperation.NoProjectPermission', parameter: 'ProjectId' },
  ],
  fallback: [['input', 'certificatePem']],
});

const PROJECT_UPDATE_INPUTS = upstreamInputs('ModifyCertificateProject', {
  parameters: { CertificateIdList: ['input', 'ids'], ProjectId: ['input', 'projectId'] },
  clues: [{ code: 'FailedOperation.NoProjectPermission', parameter: 'ProjectId' }],
  fallback: [['input', 'ids']],
});

const EXPIRY_NOTIFICATION_INPUTS = upstreamInputs('ModifyCertificatesExpiringNotificationSwitch', {
  parameters: { CertificateIds: ['input', 'ids'], SwitchStatus: ['input', 'enabled'] },
  fallback: [['input', 'ids']],
});

builder.mutationFields((t) => ({
  certificateUpload: t.field({
    type: CertificateUploadPayload,
    description: 'Uploads your own certificate, with its private key, to Tencent Cloud (UploadCertificate).',
    args: { input: t.arg({ type: CertificateUploadInput, required: true, description: MUTATION_INPUT }) },
    resolve: (_root, { input }, context) =>
      checkingInput(async () => {
        const outcome = await context.loaders.mutations.run(
          'UploadCertificate',
          {
            CertificatePublicKey: readableCertificatePem(input.certificatePem, ['input', 'certificatePem']),
            CertificatePrivateKey: input.privateKeyPem ?? undefined,
            CertificateType: input.certificateType ?? undefined,
            Alias: input.alias ?? undefined,
            ProjectId: optionalIntegerId(input.projectId, ['input', 'projectId']),
            CertificateUse: input.intendedUse ?? undefined,
            Tags: toUpstreamTags(input.tags),
            Repeatable: input.allowDuplicate ?? undefined,
          },
          { userErrorOf: inGraphTerms(UPLOAD_INPUTS, { input }) },
        );
        if (!outcome.ok) return { userErrors: outcome.userErrors };
        const duplicateId = outcome.response.RepeatCertId.trim();
        return {
          certificateId: outcome.response.CertificateId,
          duplicateId: duplicateId === '' ? null : duplicateId,
          userErrors: [],
        };
      }),
  }),

  certificateProjectUpdate: t.field({
    type: CertificateProjectUpdatePayload,
    description: 'Moves certificates to another project (ModifyCertificateProject).',
    args: {
      input: t.arg({ type: CertificateProjectUpdateInput, required: true, description: MUTATION_INPUT }),
    },
    resolve: (_root, { input }, context) =>
      checkingInput(async () => {
        const outcome = await context.loaders.mutations.run(
          'ModifyCertificateProject',
          {
            CertificateIdList: certificateIdList(input.ids, MAX_PROJECT_UPDATE_IDS, ['input', 'ids']),
            ProjectId: integerId(input.projectId, ['input', 'projectId']),
          },
          { userErrorOf: inGraphTerms(PROJECT_UPDATE_INPUTS, { input }) },
        );
        return outcome.ok
          ? {
              updatedIds: outcome.response.SuccessCertificates ?? [],
              failedIds: outcome.response.FailCertificates ?? [],
              userErrors: [],
            }
          : { userErrors: outcome.userErrors };
      }),
  }),

  certificateExpiryNotificationUpdate: t.field({
    type: CertificateExpiryNotificationUpdatePayload,
    description:
      'Turns expiry notifications of certificates on or off (ModifyCertificatesExpiringNotificationSwitch).',
    args: {
      input: t.arg({
        type: CertificateExpiryNotificationUpdateInput,
        required: true,
        description: MUTATION_INPUT,
      }),
    },
    resolve: (_root, { input }, context) =>
      checkingInput(async () => {
        const outcome = await context.loaders.mutations.run(
          'ModifyCertificatesExpiringNotificationSwitch',
          {
            CertificateIds: certificateIdList(input.ids, MAX_NOTIFICATION_UPDATE_IDS, ['input', 'ids']),
            // The upstream switch is "ignore notifications": 1 ignores, 0 notifies.
            SwitchStatus: input.enabled ? 0 : 1,
          },
          { userErrorOf: inGraphTerms(EXPIRY_NOTIFICATION_INPUTS, { input }) },
        );
        return outcome.ok
          ? { updatedIds: outcome.response.CertificateIds ?? [], userErrors: [] }
          : { userErrors: outcome.userErrors };
      }),
  }),
}));
