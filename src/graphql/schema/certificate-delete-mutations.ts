// certificateDelete and certificatesDelete: deleting certificates at once, or after checking their bindings.
import type { BatchDeleteFail } from '../../ssl/models.generated.ts';
import { builder } from '../builder.ts';
import {
  CertificateDeleteTaskRef,
  type CertificateDeleteTaskShape,
  waitedDeleteTask,
} from './certificate-delete-task.ts';
import { certificateIdList, certificateIdOf } from './certificate-inputs.ts';
import { checkingInput } from './certificate-payloads.ts';
import { heldJobAfterWait, heldJobsAfterWait, JobWaitInputRef } from './job.ts';
import { MUTATION_INPUT, type PayloadShape, payloadType } from './user-error.ts';

/** DeleteCertificates.CertificateIds (CATALOGUE §1.3). */
const MAX_DELETE_CERTIFICATES = 100;

function heldTask(taskId: string, certificateId: string): CertificateDeleteTaskShape {
  return { kind: 'CERTIFICATE_DELETE_TASK', id: taskId, certificateId };
}

// --- certificateDelete -------------------------------------------------------------------------------------

interface CertificateDeleteShape extends PayloadShape {
  readonly deleted?: boolean | null;
  readonly task?: CertificateDeleteTaskShape | null;
}

const CertificateDeleteInput = builder.inputType('CertificateDeleteInput', {
  description: 'Which certificate to delete, and whether to check its bindings first.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The certificate ID.' }),
    checkBoundResources: t.boolean({
      description:
        'Check the certificate is bound to no cloud resource before deleting it (default false). The deletion ' +
        'then happens in the background: follow `task`. Needs the service role ' +
        'SSL_QCSLinkedRoleInReplaceLoadCertificate. Without the check, a certificate bound to resources is ' +
        'refused (FailedOperation.DeleteResourceFailed).',
    }),
  }),
});

const CertificateDeletePayload = payloadType<CertificateDeleteShape>(
  'CertificateDeletePayload',
  'The result of certificateDelete.',
  (t) => ({
    deleted: t.boolean({
      description:
        'True when the certificate was deleted at once; false when a checked deletion was started (see `task`); ' +
        'null when the mutation failed.',
      resolve: (payload) => payload.deleted ?? null,
    }),
    task: t.field({
      type: CertificateDeleteTaskRef,
      description:
        'The checked deletion, when `checkBoundResources` was set; null otherwise. Pass `wait` to receive it once ' +
        'finished (or after the timeout).',
      args: { wait: t.arg({ type: JobWaitInputRef, description: 'Wait for the deletion to finish first.' }) },
      resolve: (payload, args, context, info) =>
        payload.task === null || payload.task === undefined
          ? null
          : heldJobAfterWait(payload.task, args.wait, context, info, waitedDeleteTask),
    }),
  }),
);

builder.mutationField('certificateDelete', (t) =>
  t.field({
    type: CertificateDeletePayload,
    description:
      'Deletes a certificate (DeleteCertificate), at once or after checking it is bound to no cloud resource. Free ' +
      'certificates cannot be deleted within an hour of their application.',
    args: { input: t.arg({ type: CertificateDeleteInput, required: true, description: MUTATION_INPUT }) },
    resolve: async (_root, { input }, context): Promise<CertificateDeleteShape> => {
      const certificateId = certificateIdOf(input.id);
      const outcome = await context.loaders.mutations.run(
        'DeleteCertificate',
        { CertificateId: certificateId, IsCheckResource: input.checkBoundResources === true },
        { fieldOf: () => ['input', 'id'] },
      );
      if (!outcome.ok) return { userErrors: outcome.userErrors };
      const taskId = outcome.response.TaskId?.trim() ?? '';
      return {
        deleted: outcome.response.DeleteResult,
        task: taskId === '' ? null : heldTask(taskId, certificateId),
        userErrors: [],
      };
    },
  }),
);

// --- certificatesDelete ------------------------------------------------------------------------------------

interface CertificatesDeleteShape extends PayloadShape {
  readonly deletedIds?: readonly string[];
  readonly failures?: readonly BatchDeleteFail[];
  readonly tasks?: readonly CertificateDeleteTaskShape[];
}

const CertificatesDeleteInput = builder.inputType('CertificatesDeleteInput', {
  description: 'Which certificates to delete, and whether to check their bindings first.',
  fields: (t) => ({
    ids: t.idList({
      required: true,
      description: `The certificate IDs (at most ${MAX_DELETE_CERTIFICATES}).`,
    }),
    async: t.boolean({
      description:
        'Check each certificate is bound to no cloud resource, then delete it in the background (default false): ' +
        'follow `tasks`. Needs the service role SSL_QCSLinkedRoleInReplaceLoadCertificate. Without it, the ' +
        'certificates are deleted at once where possible and the rest reported in `failures`.',
    }),
  }),
});

const CertificateDeleteFailureRef = builder.objectRef<BatchDeleteFail>('CertificateDeleteFailure').implement({
  description: 'A certificate a batch deletion could not delete.',
  fields: (t) => ({
    certificateId: t.id({
      description: 'The certificate ID.',
      nullable: false,
      resolve: (failure) => failure.CertId,
    }),
    reason: t.string({
      description: 'Why it was not deleted, as Tencent Cloud words it (an error code or a message).',
      nullable: false,
      resolve: (failure) => failure.Msg,
    }),
  }),
});

const CertificatesDeletePayload = payloadType<CertificatesDeleteShape>(
  'CertificatesDeletePayload',
  'The result of certificatesDelete.',
  (t) => ({
    deletedCertificateIds: t.idList({
      description:
        'The certificates deleted at once (empty for `async`: see `tasks`); null when the mutation failed.',
      resolve: (payload) => (payload.deletedIds === undefined ? null : [...payload.deletedIds]),
    }),
    failures: t.field({
      type: [CertificateDeleteFailureRef],
      description:
        'The certificates that could not be deleted at once, and why; null when the mutation failed.',
      resolve: (payload) => (payload.failures === undefined ? null : [...payload.failures]),
    }),
    tasks: t.field({
      type: [CertificateDeleteTaskRef],
      description:
        'One checked deletion per certificate, for `async` (empty otherwise); null when the mutation failed. Pass ' +
        '`wait` to receive them once finished (or after the timeout).',
      args: {
        wait: t.arg({ type: JobWaitInputRef, description: 'Wait for every deletion to finish first.' }),
      },
      resolve: (payload, args, context, info) =>
        payload.tasks === undefined
          ? null
          : heldJobsAfterWait(payload.tasks, args.wait, context, info, waitedDeleteTask),
    }),
  }),
);

builder.mutationField('certificatesDelete', (t) =>
  t.field({
    type: CertificatesDeletePayload,
    description:
      'Deletes up to 100 certificates (DeleteCertificates), at once or, with `async`, each after checking it is ' +
      'bound to no cloud resource.',
    args: { input: t.arg({ type: CertificatesDeleteInput, required: true, description: MUTATION_INPUT }) },
    resolve: (_root, { input }, context) =>
      checkingInput<CertificatesDeleteShape>(async () => {
        const ids = certificateIdList(input.ids, MAX_DELETE_CERTIFICATES, ['input', 'ids']);
        const outcome = await context.loaders.mutations.run(
          'DeleteCertificates',
          { CertificateIds: ids, IsSync: input.async === true },
          { fieldOf: () => ['input', 'ids'] },
        );
        if (!outcome.ok) return { userErrors: outcome.userErrors };
        return {
          deletedIds: outcome.response.Success ?? [],
          failures: outcome.response.Fail ?? [],
          tasks: (outcome.response.CertTaskIds ?? []).map((pair) => heldTask(pair.TaskId, pair.CertId)),
          userErrors: [],
        };
      }),
  }),
);
