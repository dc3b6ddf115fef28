// Read-only checks on PEM text the caller holds: they change nothing upstream, so they are queries.
import type { CheckCertificateChainResponse } from '../../ssl/models.generated.ts';
import { builder } from '../builder.ts';
import { CertificateRef } from './certificate.ts';

interface ExistenceShape {
  readonly existingCertificateId: string | null;
}

const CertificateExistenceRef = builder.objectRef<ExistenceShape>('CertificateExistence').implement({
  description: 'Whether the account already holds a certificate identical to a given PEM.',
  fields: (t) => ({
    exists: t.boolean({
      description: 'Whether an identical certificate is already in the account.',
      nullable: false,
      resolve: (result) => result.existingCertificateId !== null,
    }),
    certificate: t.field({
      type: CertificateRef,
      description: 'The identical certificate already in the account; null when there is none.',
      resolve: (result, _args, context) =>
        result.existingCertificateId === null
          ? null
          : context.loaders.certificates.byId.load(result.existingCertificateId),
    }),
  }),
});

const CertificateChainCheckRef = builder
  .objectRef<CheckCertificateChainResponse>('CertificateChainCheck')
  .implement({
    description: 'The verdict on a PEM certificate chain.',
    fields: (t) => ({
      isValid: t.boolean({
        description: 'Whether the chain is complete and each certificate is signed by the next.',
        nullable: false,
        resolve: (check) => check.IsValid,
      }),
      isTrusted: t.boolean({
        description: 'Whether the chain ends at a CA that browsers trust.',
        nullable: false,
        resolve: (check) => check.IsTrustedCA,
      }),
      commonNames: t.stringList({
        description: 'The common name of each certificate of the chain, in chain order.',
        nullable: false,
        resolve: (check) => check.Chains ?? [],
      }),
    }),
  });

const CertificateExistsInput = builder.inputType('CertificateExistsInput', {
  description: 'The certificate to look for.',
  fields: (t) => ({
    certificatePem: t.string({
      required: true,
      description: 'The certificate, PEM encoded (its chain may follow).',
    }),
  }),
});

builder.queryFields((t) => ({
  certificateExists: t.field({
    type: CertificateExistenceRef,
    description:
      'Whether the account already holds a certificate with the same content, e.g. before uploading it again.',
    nullable: false,
    args: {
      input: t.arg({
        type: CertificateExistsInput,
        required: true,
        description: 'The certificate to look for.',
      }),
    },
    resolve: async (_root, args, context) => ({
      existingCertificateId: await context.loaders.certificateDetails.existingIdByPem.load(
        args.input.certificatePem,
      ),
    }),
  }),
  certificateChainCheck: t.field({
    type: CertificateChainCheckRef,
    description: 'Checks whether a PEM certificate chain is complete and trusted. Stores nothing.',
    nullable: false,
    args: {
      chainPem: t.arg.string({
        required: true,
        description: 'The chain, PEM encoded: the certificate first, then its intermediates.',
      }),
    },
    resolve: (_root, args, context) => context.loaders.certificateDetails.chainCheckByPem.load(args.chainPem),
  }),
}));
