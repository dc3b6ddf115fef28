import { builder } from '../builder.ts';
import { CertificateRef } from './certificate.ts';
import { type PayloadShape, payloadType } from './user-error.ts';

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

builder.mutationField('certificateAliasUpdate', (t) =>
  t.field({
    type: CertificateAliasUpdatePayload,
    description: 'Sets the remark name (alias) of a certificate (ModifyCertificateAlias).',
    nullable: false,
    args: { input: t.arg({ type: CertificateAliasUpdateInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const outcome = await context.loaders.mutations.run(
        'ModifyCertificateAlias',
        { CertificateId: String(input.id), Alias: input.alias },
        { fieldOf: (code) => (code.includes('Alias') ? ['input', 'alias'] : ['input', 'id']) },
      );
      return outcome.ok
        ? { certificateId: outcome.response.CertificateId, userErrors: [] }
        : { certificateId: null, userErrors: outcome.userErrors };
    },
  }),
);
