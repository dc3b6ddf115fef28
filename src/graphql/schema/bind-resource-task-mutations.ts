// certificateBindingsRefresh: starts the queries that find where certificates are bound.
import { builder } from '../builder.ts';
import {
  BindResourceTaskRef,
  type BindResourceTaskShape,
  withHeldCertificate,
} from './bind-resource-task.ts';
import { certificateIdList } from './certificate-inputs.ts';
import { checkingInput } from './certificate-payloads.ts';
import { heldJobsAfterWait, JobWaitInputRef } from './job.ts';
import { MUTATION_INPUT, type PayloadShape, payloadType } from './user-error.ts';

/** CreateCertificateBindResourceSyncTask.CertificateIds (CATALOGUE §1.3). */
const MAX_REFRESH_CERTIFICATES = 100;

interface CertificateBindingsRefreshShape extends PayloadShape {
  /** Absent or null when nothing was started. */
  readonly tasks?: readonly BindResourceTaskShape[] | null;
}

const CertificateBindingsRefreshInput = builder.inputType('CertificateBindingsRefreshInput', {
  description: 'Which certificates to find the bound cloud resources of.',
  fields: (t) => ({
    certificateIds: t.idList({
      required: true,
      description: `The certificate IDs (at most ${MAX_REFRESH_CERTIFICATES}); one query per certificate.`,
    }),
    useCache: t.boolean({
      description:
        'Reuse a query of the certificate that finished in the last 30 minutes instead of starting a new one ' +
        '(default true). A query still running for a certificate is returned either way.',
    }),
  }),
});

const CertificateBindingsRefreshPayload = payloadType<CertificateBindingsRefreshShape>(
  'CertificateBindingsRefreshPayload',
  'The result of certificateBindingsRefresh.',
  (t) => ({
    tasks: t.field({
      type: [BindResourceTaskRef],
      description:
        'One query per certificate, in the order Tencent Cloud returned them; null when nothing was started. ' +
        'Pass `wait` to receive them once finished (or after the timeout).',
      args: { wait: t.arg({ type: JobWaitInputRef, description: 'Wait for every query to finish first.' }) },
      resolve: (payload, args, context, info) =>
        payload.tasks === null || payload.tasks === undefined
          ? null
          : heldJobsAfterWait(payload.tasks, args.wait, context, info, withHeldCertificate),
    }),
  }),
);

builder.mutationField('certificateBindingsRefresh', (t) =>
  t.field({
    type: CertificateBindingsRefreshPayload,
    description:
      'Starts finding the cloud resources each certificate is bound to (CreateCertificateBindResourceSyncTask). ' +
      'Each query takes a few seconds; follow the returned tasks (jobs of kind BIND_RESOURCE_TASK) for the counts ' +
      'per resource type and region and the resources themselves.',
    args: {
      input: t.arg({ type: CertificateBindingsRefreshInput, required: true, description: MUTATION_INPUT }),
    },
    resolve: (_root, { input }, context) =>
      checkingInput<CertificateBindingsRefreshShape>(async () => {
        const certificateIds = certificateIdList(input.certificateIds, MAX_REFRESH_CERTIFICATES, [
          'input',
          'certificateIds',
        ]);
        const outcome = await context.loaders.mutations.run(
          'CreateCertificateBindResourceSyncTask',
          // IsCache is required upstream although documented as defaulting to 1.
          { CertificateIds: certificateIds, IsCache: input.useCache === false ? 0 : 1 },
          { fieldOf: () => ['input', 'certificateIds'] },
        );
        if (!outcome.ok) return { tasks: null, userErrors: outcome.userErrors };
        return {
          tasks: outcome.response.CertTaskIds.map(
            (pair): BindResourceTaskShape => ({
              kind: 'BIND_RESOURCE_TASK',
              id: pair.TaskId,
              certificateId: pair.CertId,
            }),
          ),
          userErrors: [],
        };
      }),
  }),
);
