// Driving an order at the CA: checking and triggering domain validation, cancelling, resubmitting, reissuing and
// revoking certificates.
import type { DomainValidationResult, RevokeDomainValidateAuths } from '../../ssl/models.generated.ts';
import { builder } from '../builder.ts';
import { CertificateRef } from './certificate.ts';
import { DomainValidationMethod } from './certificate-enums.ts';
import {
  CertificateCsrInput,
  certificateIdOf,
  csrChoice,
  DomainValidationChoice,
  keyTypeParams,
} from './certificate-inputs.ts';
import {
  type CertificatePayloadShape,
  certificatePayload,
  checkingInput,
  loadCertificate,
} from './certificate-payloads.ts';
import { upstreamEnum } from './upstream-enum.ts';
import { inGraphTerms, upstreamInputs } from './upstream-input-errors.ts';
import { gatewayUserError, MUTATION_INPUT, payloadType } from './user-error.ts';

const LOCAL_CHECK_VALUES = {
  PASSED: { value: 1, description: 'The validation record or file was found and matches.' },
  TXT_RECORD_NOT_FOUND: {
    value: -1,
    description: 'The DNS TXT record was not found, or the check was rate-limited.',
  },
  TXT_RECORD_MISMATCH: { value: -2, description: 'The DNS TXT record was found but its value differs.' },
  NAME_SERVER_NOT_FOUND: { value: -3, description: "The domain's name servers could not be found." },
  FILE_NOT_FOUND: { value: -4, description: 'The validation file was not found.' },
  FILE_MISMATCH: { value: -5, description: 'The validation file was found but its content differs.' },
  CNAME_RECORD_NOT_FOUND: { value: -6, description: 'The DNS CNAME record was not found.' },
  CNAME_RECORD_MISMATCH: { value: -7, description: 'The DNS CNAME record was found but its target differs.' },
} as const;

const DomainValidationLocalCheck = upstreamEnum('DomainValidationLocalCheck', LOCAL_CHECK_VALUES, {
  description: "What Tencent Cloud's own check of a domain's validation record or file found.",
  upstreamField: 'DomainValidationResult.LocalCheck',
});

/** The catalogue gives -8, -9 and -10 the same meanings as -3, -4 and -5 (§10 "enum drift"). */
const LOCAL_CHECK_SYNONYMS: Readonly<Record<number, number>> = { [-8]: -3, [-9]: -4, [-10]: -5 };

const DomainValidationCaCheck = upstreamEnum(
  'DomainValidationCaCheck',
  {
    PASSED: { value: 2, description: 'The CA has validated the domain.' },
    NOT_PASSED: { value: -1, description: 'The CA has not validated the domain (yet).' },
  },
  {
    description: "The certificate authority's validation of a domain.",
    upstreamField: 'DomainValidationResult.CaCheck',
  },
);

const DomainValidationResultRef = builder
  .objectRef<DomainValidationResult>('DomainValidationResult')
  .implement({
    description: 'Where domain control validation of one domain of a certificate stands.',
    fields: (t) => ({
      domain: t.string({ description: 'The domain.', nullable: false, resolve: (result) => result.Domain }),
      method: t.field({
        type: DomainValidationMethod.ref,
        description: 'How control of the domain is being proven.',
        resolve: (result) => DomainValidationMethod.fromUpstream(result.VerifyType),
      }),
      localCheck: t.field({
        type: DomainValidationLocalCheck.ref,
        description: "What Tencent Cloud's own check of the record or file found.",
        resolve: (result) =>
          DomainValidationLocalCheck.fromUpstream(
            LOCAL_CHECK_SYNONYMS[result.LocalCheck] ?? result.LocalCheck,
          ),
      }),
      localCheckFailureReason: t.string({
        description: 'Why the local check failed, in words; null when it passed.',
        resolve: (result) => (result.LocalCheckFailReason.trim() === '' ? null : result.LocalCheckFailReason),
      }),
      foundValues: t.stringList({
        description: 'The values the local check found in the record or file.',
        nullable: false,
        resolve: (result) => result.CheckValue ?? [],
      }),
      caCheck: t.field({
        type: DomainValidationCaCheck.ref,
        description: "The certificate authority's validation of the domain.",
        resolve: (result) => DomainValidationCaCheck.fromUpstream(result.CaCheck),
      }),
      isRateLimited: t.boolean({
        description: 'Whether checks are being refused for now because they were requested too often.',
        nullable: false,
        resolve: (result) => result.Frequently,
      }),
      isIssued: t.boolean({
        description: 'Whether the certificate has already been issued.',
        nullable: false,
        resolve: (result) => result.Issued,
      }),
    }),
  });

const RevocationValidationRef = builder
  .objectRef<RevokeDomainValidateAuths>('RevocationDomainValidation')
  .implement({
    description:
      'A validation value to publish so the CA accepts the revocation of a DV certificate: a DNS record, or a ' +
      'file when `filePath` is set.',
    fields: (t) => ({
      domain: t.string({
        description: 'The domain the value is for.',
        nullable: false,
        resolve: (auth) => auth.DomainValidateAuthDomain,
      }),
      key: t.string({
        description: 'The DNS record name, or the file name.',
        nullable: false,
        resolve: (auth) => auth.DomainValidateAuthKey,
      }),
      value: t.string({
        description: 'The DNS record value, or the file content.',
        nullable: false,
        resolve: (auth) => auth.DomainValidateAuthValue,
      }),
      filePath: t.string({
        description: 'Where to publish the file (file validation only); null for DNS.',
        resolve: (auth) => (auth.DomainValidateAuthPath.trim() === '' ? null : auth.DomainValidateAuthPath),
      }),
    }),
  });

const CertificateSelectorInput = builder.inputType('CertificateSelectorInput', {
  description: 'The certificate to act on.',
  fields: (t) => ({ id: t.id({ required: true, description: 'The certificate ID.' }) }),
});

const CertificateRevokeInput = builder.inputType('CertificateRevokeInput', {
  description: 'The certificate to revoke, and why.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The certificate ID.' }),
    reason: t.string({ description: 'Why the certificate is revoked.' }),
  }),
});

const CertificateReissueInput = builder.inputType('CertificateReissueInput', {
  description:
    'The issued certificate to reissue, and how. A free certificate can be reissued once, RSA 2048 only.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The certificate ID.' }),
    validationMethod: t.field({
      type: DomainValidationChoice.ref,
      required: true,
      description: 'How control of the domains is proven for the reissue.',
    }),
    csr: t.field({
      type: CertificateCsrInput,
      description: 'A new CSR or key pair; the original CSR (and key) is reused when omitted.',
    }),
    reason: t.string({ description: 'Why the certificate is reissued.' }),
  }),
});

interface DomainVerificationCheckShape extends CertificatePayloadShape {
  readonly results?: readonly DomainValidationResult[];
}

const CertificateDomainVerificationCheckPayload = payloadType<DomainVerificationCheckShape>(
  'CertificateDomainVerificationCheckPayload',
  'The result of certificateDomainVerificationCheck.',
  (t) => ({
    certificate: t.field({
      type: CertificateRef,
      description: 'The certificate after the check (issued once every domain passed); null when it failed.',
      resolve: (payload, _args, context) => loadCertificate(context, payload.certificateId),
    }),
    results: t.field({
      type: [DomainValidationResultRef],
      description: 'Where validation stands for each domain of the certificate.',
      resolve: (payload) => (payload.results === undefined ? null : [...payload.results]),
    }),
  }),
);

interface CertificateRevokeShape extends CertificatePayloadShape {
  readonly validations?: readonly RevokeDomainValidateAuths[];
}

const CertificateRevokePayload = payloadType<CertificateRevokeShape>(
  'CertificateRevokePayload',
  'The result of certificateRevoke.',
  (t) => ({
    certificate: t.field({
      type: CertificateRef,
      description:
        'The certificate, now being revoked or waiting for its revocation letter; null when the revocation failed.',
      resolve: (payload, _args, context) => loadCertificate(context, payload.certificateId),
    }),
    domainValidations: t.field({
      type: [RevocationValidationRef],
      description:
        'For a DV certificate, the validation values to publish so the CA accepts the revocation; empty otherwise.',
      resolve: (payload) => (payload.validations === undefined ? null : [...payload.validations]),
    }),
  }),
);

interface CertificateReissueShape extends CertificatePayloadShape {
  readonly originalCertificateId?: string;
}

const CertificateReissuePayload = payloadType<CertificateReissueShape>(
  'CertificateReissuePayload',
  'The result of certificateReissue.',
  (t) => ({
    certificate: t.field({
      type: CertificateRef,
      description: 'The new certificate being reissued (a new ID); null when the reissue failed.',
      resolve: (payload, _args, context) => loadCertificate(context, payload.certificateId),
    }),
    originalCertificate: t.field({
      type: CertificateRef,
      description: 'The certificate that was reissued.',
      resolve: (payload, _args, context) => loadCertificate(context, payload.originalCertificateId),
    }),
  }),
);

const CertificateCompletePayload = certificatePayload(
  'CertificateCompletePayload',
  'The result of certificateComplete.',
  'The certificate after the CA was asked to validate it; null when the request failed.',
);
const CertificateAuditCancelPayload = certificatePayload(
  'CertificateAuditCancelPayload',
  'The result of certificateAuditCancel.',
  'The certificate whose review was cancelled; null when the cancellation failed.',
);
const CertificateOrderCancelPayload = certificatePayload(
  'CertificateOrderCancelPayload',
  'The result of certificateOrderCancel.',
  'The certificate whose order is being cancelled; null when the cancellation failed.',
);
const CertificateResubmitPayload = certificatePayload(
  'CertificateResubmitPayload',
  'The result of certificateResubmit.',
  'The certificate, back under review; null when the resubmission failed.',
);

/** The certificate is what these mutations' failures are about (not found, or in the wrong state). */
const NOT_FOUND_OR_STATE = (): readonly string[] => ['input', 'id'];

const REISSUE_GENERATED_KEY = ['input', 'csr', 'generatedKey'] as const;

const REISSUE_INPUTS = upstreamInputs('ReplaceCertificate', {
  parameters: {
    CertificateId: ['input', 'id'],
    ValidType: ['input', 'validationMethod'],
    CsrType: ['input', 'csr'],
    CsrContent: ['input', 'csr', 'uploadedCsrPem'],
    CertCSREncryptAlgo: [...REISSUE_GENERATED_KEY, 'keyType'],
    CertCSRKeyParameter: [...REISSUE_GENERATED_KEY, 'keyType'],
    CsrkeyPassword: [...REISSUE_GENERATED_KEY, 'keyPassword'],
    Reason: ['input', 'reason'],
  },
  clues: [
    // A free certificate is reissued with RSA 2048 only: the key type the caller chose, or (when they chose
    // none) the certificate's own key, which the fallback blames.
    { code: 'InvalidParameter.RenewAlgorithmInvalid', parameter: 'CertCSREncryptAlgo' },
    { code: /^FailedOperation\.(CertificateInvalid|CertificateMismatch)$/, parameter: 'CsrContent' },
  ],
  fallback: [['input', 'id']],
});

builder.mutationFields((t) => ({
  certificateDomainVerificationCheck: t.field({
    type: CertificateDomainVerificationCheckPayload,
    description:
      'Checks whether domain control validation of a certificate has passed, domain by domain ' +
      '(CheckCertificateDomainVerification). The check can make the CA issue the certificate, so it is a ' +
      'mutation; checks requested too often are rate-limited.',
    args: { input: t.arg({ type: CertificateSelectorInput, required: true, description: MUTATION_INPUT }) },
    resolve: async (_root, { input }, context) => {
      const outcome = await context.loaders.mutations.run(
        'CheckCertificateDomainVerification',
        { CertificateId: certificateIdOf(input.id) },
        { fieldOf: NOT_FOUND_OR_STATE },
      );
      return outcome.ok
        ? {
            certificateId: certificateIdOf(input.id),
            results: outcome.response.VerificationResults ?? [],
            userErrors: [],
          }
        : { userErrors: outcome.userErrors };
    },
  }),

  certificateComplete: t.field({
    type: CertificateCompletePayload,
    description:
      'Asks the CA to validate the domains of a certificate now (CompleteCertificate), instead of waiting for its ' +
      'periodic check. Not available for DNSPod and WoTrus certificates.',
    args: { input: t.arg({ type: CertificateSelectorInput, required: true, description: MUTATION_INPUT }) },
    resolve: async (_root, { input }, context) => {
      const outcome = await context.loaders.mutations.run(
        'CompleteCertificate',
        { CertificateId: certificateIdOf(input.id) },
        { fieldOf: NOT_FOUND_OR_STATE },
      );
      return outcome.ok
        ? { certificateId: outcome.response.CertificateId, userErrors: [] }
        : { userErrors: outcome.userErrors };
    },
  }),

  certificateAuditCancel: t.field({
    type: CertificateAuditCancelPayload,
    description:
      'Cancels the review of a certificate order that is under review (CancelAuditCertificate); a paid order ' +
      'can then be resubmitted with certificateResubmit.',
    args: { input: t.arg({ type: CertificateSelectorInput, required: true, description: MUTATION_INPUT }) },
    resolve: async (_root, { input }, context) => {
      const outcome = await context.loaders.mutations.run(
        'CancelAuditCertificate',
        { CertificateId: certificateIdOf(input.id) },
        { fieldOf: NOT_FOUND_OR_STATE },
      );
      if (!outcome.ok) return { userErrors: outcome.userErrors };
      return outcome.response.Result
        ? { certificateId: certificateIdOf(input.id), userErrors: [] }
        : gatewayUserError('AUDIT_NOT_CANCELLED', 'Tencent Cloud did not cancel the review.', [
            'input',
            'id',
          ]);
    },
  }),

  certificateOrderCancel: t.field({
    type: CertificateOrderCancelPayload,
    description: 'Cancels a certificate order (CancelCertificateOrder): it is cancelling, then cancelled.',
    args: { input: t.arg({ type: CertificateSelectorInput, required: true, description: MUTATION_INPUT }) },
    resolve: async (_root, { input }, context) => {
      const outcome = await context.loaders.mutations.run(
        'CancelCertificateOrder',
        { CertificateId: certificateIdOf(input.id) },
        { fieldOf: NOT_FOUND_OR_STATE },
      );
      return outcome.ok
        ? { certificateId: outcome.response.CertificateId, userErrors: [] }
        : { userErrors: outcome.userErrors };
    },
  }),

  certificateResubmit: t.field({
    type: CertificateResubmitPayload,
    description:
      'Applies again for a paid certificate whose review failed or was cancelled (ModifyCertificateResubmit).',
    args: { input: t.arg({ type: CertificateSelectorInput, required: true, description: MUTATION_INPUT }) },
    resolve: async (_root, { input }, context) => {
      const outcome = await context.loaders.mutations.run(
        'ModifyCertificateResubmit',
        { CertificateId: certificateIdOf(input.id) },
        { fieldOf: NOT_FOUND_OR_STATE },
      );
      return outcome.ok
        ? { certificateId: outcome.response.CertificateId, userErrors: [] }
        : { userErrors: outcome.userErrors };
    },
  }),

  certificateReissue: t.field({
    type: CertificateReissuePayload,
    description:
      'Reissues an issued certificate (ReplaceCertificate), e.g. with a new key: the reissue is a new ' +
      'certificate that goes through domain validation again.',
    args: { input: t.arg({ type: CertificateReissueInput, required: true, description: MUTATION_INPUT }) },
    resolve: (_root, { input }, context) =>
      checkingInput(async () => {
        // Without a CSR input the original CSR (and key) is reused.
        const csr = input.csr ? csrChoice(input.csr, ['input', 'csr']) : undefined;
        const uploadedCsr = csr?.source === 'uploaded' ? csr.csrPem : undefined;
        const generatedKey = csr?.source === 'generated' ? csr.key : undefined;
        const generated = generatedKey ? keyTypeParams(generatedKey.keyType ?? 'RSA_2048') : undefined;
        const outcome = await context.loaders.mutations.run(
          'ReplaceCertificate',
          {
            CertificateId: certificateIdOf(input.id),
            ValidType: input.validationMethod,
            CsrType: uploadedCsr !== undefined ? 'Upload' : generated ? 'Online' : 'Original',
            CsrContent: uploadedCsr,
            CertCSREncryptAlgo: generated?.algorithm,
            CertCSRKeyParameter: generated?.parameter,
            CsrkeyPassword: generatedKey?.keyPassword ?? undefined,
            Reason: input.reason ?? undefined,
          },
          { userErrorOf: inGraphTerms(REISSUE_INPUTS, { input }) },
        );
        return outcome.ok
          ? {
              certificateId: outcome.response.CertificateId,
              originalCertificateId: certificateIdOf(input.id),
              userErrors: [],
            }
          : { userErrors: outcome.userErrors };
      }),
  }),

  certificateRevoke: t.field({
    type: CertificateRevokePayload,
    description:
      'Revokes an issued certificate (RevokeCertificate). A DV certificate is revoked once the returned ' +
      'validation values are published; an OV/EV certificate waits for its revocation letter.',
    args: { input: t.arg({ type: CertificateRevokeInput, required: true, description: MUTATION_INPUT }) },
    resolve: async (_root, { input }, context) => {
      const outcome = await context.loaders.mutations.run(
        'RevokeCertificate',
        { CertificateId: certificateIdOf(input.id), Reason: input.reason ?? undefined },
        { fieldOf: NOT_FOUND_OR_STATE },
      );
      return outcome.ok
        ? {
            certificateId: certificateIdOf(input.id),
            validations: outcome.response.RevokeDomainValidateAuths ?? [],
            userErrors: [],
          }
        : { userErrors: outcome.userErrors };
    },
  }),
}));
