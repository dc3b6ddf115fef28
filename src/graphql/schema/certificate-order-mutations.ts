// Getting a certificate: applying for a free DV certificate, buying a paid one (with money or package points),
// and sending a paid order with its submitted information to the CA.
import { builder } from '../builder.ts';
import { CertificateRef } from './certificate.ts';
import {
  CertificateCsrInput,
  CertificateKeyGenerationInput,
  CertificateTagInput,
  certificateIdOf,
  csrChoice,
  DomainValidationChoice,
  keyTypeParams,
  optionalIntegerId,
  requiredDomain,
  toUpstreamTags,
} from './certificate-inputs.ts';
import {
  type CertificatePayloadShape,
  certificatePayload,
  checkingInput,
  loadCertificate,
  loadCertificates,
} from './certificate-payloads.ts';
import {
  CertificatePackageProduct,
  CertificateProduct,
  PRICE_KEY_OF_PACKAGE_PRODUCT,
} from './certificate-products.ts';
import { inGraphTerms, upstreamInputs } from './upstream-input-errors.ts';
import { MUTATION_INPUT, type PayloadShape, payloadType } from './user-error.ts';

const CertificateApplyInput = builder.inputType('CertificateApplyInput', {
  description: 'A free DV certificate (TrustAsia C1 DV Free, valid 3 months) to apply for, or to renew.',
  fields: (t) => ({
    domain: t.string({
      required: true,
      description: 'The domain to certify (no wildcard); its `www.` name is covered too.',
    }),
    validationMethod: t.field({
      type: DomainValidationChoice.ref,
      required: true,
      description: 'How control of the domain is proven.',
    }),
    deleteDnsRecordAfterIssue: t.boolean({
      description:
        'With DNS_AUTO: remove the validation record Tencent Cloud added once the certificate is issued ' +
        '(default false).',
    }),
    key: t.field({
      type: CertificateKeyGenerationInput,
      description: 'The key pair to generate: RSA_2048 (default) or ECC_P256.',
    }),
    renewedCertificateId: t.id({
      description:
        'The free certificate this application renews (it must expire within 30 days and not have expired, and ' +
        '`domain` must be its domain); omit for a new application.',
    }),
    alias: t.string({ description: 'A remark name for the certificate.' }),
    projectId: t.id({
      description: 'The project to put the certificate in (default: the default project, 0).',
    }),
    contactEmail: t.string({ description: "The order contact's e-mail (default: the account's e-mail)." }),
    contactPhone: t.string({ description: "The order contact's phone number." }),
    expansionPackageId: t.id({
      description:
        'The free-certificate expansion pack to draw from. Tencent Cloud has taken that pack offline; kept for ' +
        'accounts that still hold one.',
    }),
  }),
});

const CertificateApplyPayload = certificatePayload(
  'CertificateApplyPayload',
  'The result of certificateApply.',
  'The new certificate, under domain validation; null when the application failed.',
);

const CertificateOrderCreateInput = builder.inputType('CertificateOrderCreateInput', {
  description: 'A paid certificate to buy.',
  fields: (t) => ({
    product: t.field({ type: CertificateProduct.ref, required: true, description: 'The product to buy.' }),
    domainCount: t.int({
      required: true,
      description: 'How many domains the certificate covers: 1, or more than 1 for multi-domain products.',
    }),
    years: t.int({
      required: true,
      description: 'How many years to buy; more than 1 only for products sold for several years.',
    }),
    useVouchers: t.boolean({ description: "Pay with the account's vouchers where possible (default true)." }),
    tags: t.field({ type: [CertificateTagInput], description: 'Tags to attach to the new certificate.' }),
  }),
});

interface CertificateOrderCreateShape extends PayloadShape {
  readonly certificateIds?: readonly string[];
  readonly dealIds?: readonly string[];
}

const CertificateOrderCreatePayload = payloadType<CertificateOrderCreateShape>(
  'CertificateOrderCreatePayload',
  'The result of certificateOrderCreate.',
  (t) => ({
    certificates: t.field({
      type: [CertificateRef],
      description:
        'The certificates bought, waiting for their applicant information (certificateInformationSubmit); ' +
        'null when the order failed.',
      resolve: (payload, _args, context) => loadCertificates(context, payload.certificateIds),
    }),
    dealIds: t.stringList({
      description: 'The Tencent Cloud billing order (deal) numbers of the purchase.',
      resolve: (payload) => (payload.dealIds === undefined ? null : [...payload.dealIds]),
    }),
  }),
);

const CertificateRenewalInput = builder.inputType('CertificateRenewalInput', {
  description: 'The certificate a package order renews, and the key pair of the renewal.',
  fields: (t) => ({
    certificateId: t.id({ required: true, description: 'The certificate to renew.' }),
    csr: t.field({
      type: CertificateCsrInput,
      description: 'A new CSR or key pair for the renewal; the original CSR is reused when omitted.',
    }),
  }),
});

const CertificateOrderCreateByPackageInput = builder.inputType('CertificateOrderCreateByPackageInput', {
  description: 'Paid certificates to create (or one to renew) with the points of benefit packages.',
  fields: (t) => ({
    packageIds: t.idList({ required: true, description: 'The benefit packages whose points are consumed.' }),
    product: t.field({
      type: CertificatePackageProduct.ref,
      required: true,
      description: 'The product to create.',
    }),
    domainCount: t.int({ required: true, description: 'How many domains each certificate covers.' }),
    years: t.int({ required: true, description: 'How many years each certificate is valid for.' }),
    renewal: t.field({
      type: CertificateRenewalInput,
      description: 'Renew this certificate instead of creating a new one.',
    }),
    certificateCount: t.int({ description: 'How many certificates to create at once (default 1).' }),
    domains: t.stringList({
      description: 'The domains to pre-fill, one per certificate created (for batch purchases).',
    }),
    managerId: t.id({ description: 'The manager whose details pre-fill the applicant information.' }),
    companyId: t.id({ description: 'The company whose details pre-fill the applicant information.' }),
    validationMethod: t.field({
      type: DomainValidationChoice.ref,
      description: 'How control of the domains will be proven.',
    }),
    projectId: t.id({ description: 'The project to put the certificates in.' }),
    tags: t.field({ type: [CertificateTagInput], description: 'Tags to attach to the certificates.' }),
  }),
});

interface CertificateListShape extends PayloadShape {
  readonly certificateIds?: readonly string[];
}

const CertificateOrderCreateByPackagePayload = payloadType<CertificateListShape>(
  'CertificateOrderCreateByPackagePayload',
  'The result of certificateOrderCreateByPackage.',
  (t) => ({
    certificates: t.field({
      type: [CertificateRef],
      description:
        'The certificates created, waiting for their applicant information; null when the order failed.',
      resolve: (payload, _args, context) => loadCertificates(context, payload.certificateIds),
    }),
  }),
);

const CertificateOrderSubmitInput = builder.inputType('CertificateOrderSubmitInput', {
  description: 'The paid certificate whose order (with its submitted information) goes to the CA.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The paid certificate ID.' }),
    validationMethod: t.field({
      type: DomainValidationChoice.ref,
      description: 'How control of the domains is proven (default: the method chosen before).',
    }),
    deleteDnsRecordAfterIssue: t.boolean({
      description:
        'With DNS_AUTO: remove the validation record Tencent Cloud added once the certificate is issued ' +
        '(default false).',
    }),
  }),
});

interface CertificateOrderSubmitShape extends CertificatePayloadShape {
  readonly caOrderId?: string | null;
  readonly isManagerPreAudited?: boolean | null;
}

const CertificateOrderSubmitPayload = payloadType<CertificateOrderSubmitShape>(
  'CertificateOrderSubmitPayload',
  'The result of certificateOrderSubmit.',
  (t) => ({
    certificate: t.field({
      type: CertificateRef,
      description: 'The certificate, now under review or validation; null when the submission failed.',
      resolve: (payload, _args, context) => loadCertificate(context, payload.certificateId),
    }),
    caOrderId: t.string({
      description: 'The order number at the certificate authority.',
      resolve: (payload) => payload.caOrderId ?? null,
    }),
    isManagerPreAudited: t.boolean({
      description:
        'Whether the manager was already pre-audited, so no confirmation letter is needed for an OV/EV order.',
      resolve: (payload) => payload.isManagerPreAudited ?? null,
    }),
  }),
);

const APPLY_KEY_TYPE = ['input', 'key', 'keyType'] as const;

const APPLY_INPUTS = upstreamInputs('ApplyCertificate', {
  parameters: {
    DomainName: ['input', 'domain'],
    DvAuthMethod: ['input', 'validationMethod'],
    DeleteDnsAutoRecord: ['input', 'deleteDnsRecordAfterIssue'],
    CsrEncryptAlgo: APPLY_KEY_TYPE,
    CsrKeyParameter: APPLY_KEY_TYPE,
    CsrKeyPassword: ['input', 'key', 'keyPassword'],
    OldCertificateId: ['input', 'renewedCertificateId'],
    Alias: ['input', 'alias'],
    ProjectId: ['input', 'projectId'],
    ContactEmail: ['input', 'contactEmail'],
    ContactPhone: ['input', 'contactPhone'],
    PackageId: ['input', 'expansionPackageId'],
  },
  clues: [
    { code: 'InvalidParameterValue.CertificateEmailParseInvalid', parameter: 'ContactEmail' },
    // Only a renewal names an existing certificate; for a new application these blame nothing.
    { code: 'FailedOperation.CertificateNotFound', parameter: 'OldCertificateId' },
    { code: 'FailedOperation.InvalidCertificateStatusCode', parameter: 'OldCertificateId' },
    { code: 'FailedOperation.MainDomainCertificateCountLimit', parameter: 'DomainName' },
    { code: 'FailedOperation.NoProjectPermission', parameter: 'ProjectId' },
    { code: /^(FailedOperation\.Package|InvalidParameter\.PackageIdsInvalid$)/, parameter: 'PackageId' },
  ],
});

const ORDER_CREATE_INPUTS = upstreamInputs('CreateCertificate', {
  parameters: {
    ProductId: ['input', 'product'],
    DomainNum: ['input', 'domainCount'],
    TimeSpan: ['input', 'years'],
    AutoVoucher: ['input', 'useVouchers'],
    Tags: ['input', 'tags'],
  },
});

const RENEWAL_CSR = ['input', 'renewal', 'csr'] as const;

const ORDER_CREATE_BY_PACKAGE_INPUTS = upstreamInputs('CreateCertificateByPackage', {
  parameters: {
    PackageIds: ['input', 'packageIds'],
    ProductPid: ['input', 'product'],
    PriceKey: ['input', 'product'],
    DomainCount: ['input', 'domainCount'],
    Period: ['input', 'years'],
    OldCertificateId: ['input', 'renewal', 'certificateId'],
    RenewGenCsrMethod: RENEWAL_CSR,
    RenewCsr: [...RENEWAL_CSR, 'uploadedCsrPem'],
    RenewAlgorithmType: [...RENEWAL_CSR, 'generatedKey', 'keyType'],
    RenewAlgorithmParam: [...RENEWAL_CSR, 'generatedKey', 'keyType'],
    RenewKeyPass: [...RENEWAL_CSR, 'generatedKey', 'keyPassword'],
    CertificateCount: ['input', 'certificateCount'],
    DomainNames: ['input', 'domains'],
    ManagerId: ['input', 'managerId'],
    CompanyId: ['input', 'companyId'],
    VerifyType: ['input', 'validationMethod'],
    ProjectId: ['input', 'projectId'],
    Tags: ['input', 'tags'],
  },
  clues: [
    { code: /^(FailedOperation\.Package|InvalidParameter\.PackageIdsInvalid$)/, parameter: 'PackageIds' },
    // The billing refusal this action documents: the packages given hold too few points for the order.
    { code: 'FailedOperation.TradeError', parameter: 'PackageIds' },
    { code: 'InvalidParameter.ProductPidInvalid', parameter: 'ProductPid' },
    { code: 'InvalidParameter.DomainCountInvalid', parameter: 'DomainCount' },
    { code: 'InvalidParameter.PeriodInvalid', parameter: 'Period' },
    { code: 'InvalidParameter.DomainInvalid', parameter: 'DomainNames' },
    { code: 'InvalidParameter.RenewGenCsrMethodInvalid', parameter: 'RenewGenCsrMethod' },
    { code: 'InvalidParameter.RenewCsrInvalid', parameter: 'RenewCsr' },
    { code: 'InvalidParameter.RenewAlgorithmInvalid', parameter: 'RenewAlgorithmType' },
    { code: 'FailedOperation.CertificateNotFound', parameter: 'OldCertificateId' },
    { code: /Manager/, parameter: 'ManagerId' },
  ],
});

const ORDER_SUBMIT_INPUTS = upstreamInputs('CertificateOrderSubmit', {
  parameters: {
    CertId: ['input', 'id'],
    VerifyType: ['input', 'validationMethod'],
    DeleteDnsAutoRecord: ['input', 'deleteDnsRecordAfterIssue'],
  },
  fallback: [['input', 'id']],
});

builder.mutationFields((t) => ({
  certificateApply: t.field({
    type: CertificateApplyPayload,
    description:
      'Applies for a free DV certificate (ApplyCertificate). It is issued once domain validation passes: ' +
      'check it with certificateDomainVerificationCheck.',
    args: { input: t.arg({ type: CertificateApplyInput, required: true, description: MUTATION_INPUT }) },
    resolve: (_root, { input }, context) =>
      checkingInput(async () => {
        const key = input.key?.keyType ? keyTypeParams(input.key.keyType) : undefined;
        const outcome = await context.loaders.mutations.run(
          'ApplyCertificate',
          {
            DomainName: requiredDomain(input.domain, ['input', 'domain']),
            DvAuthMethod: input.validationMethod,
            DeleteDnsAutoRecord: input.deleteDnsRecordAfterIssue ?? undefined,
            CsrEncryptAlgo: key?.algorithm,
            CsrKeyParameter: key?.parameter,
            CsrKeyPassword: input.key?.keyPassword ?? undefined,
            OldCertificateId: input.renewedCertificateId ? String(input.renewedCertificateId) : undefined,
            Alias: input.alias ?? undefined,
            ProjectId: optionalIntegerId(input.projectId, ['input', 'projectId']),
            ContactEmail: input.contactEmail ?? undefined,
            ContactPhone: input.contactPhone ?? undefined,
            PackageId: input.expansionPackageId ? String(input.expansionPackageId) : undefined,
            // PackageType (only 83) and ValidityPeriod (only "3") have one allowed value: the defaults.
          },
          { userErrorOf: inGraphTerms(APPLY_INPUTS, { input }) },
        );
        return outcome.ok
          ? { certificateId: outcome.response.CertificateId, userErrors: [] }
          : { userErrors: outcome.userErrors };
      }),
  }),

  certificateOrderCreate: t.field({
    type: CertificateOrderCreatePayload,
    description:
      'Buys a paid certificate (CreateCertificate); this is charged to the account. Continue with ' +
      'certificateInformationSubmit and certificateOrderSubmit.',
    args: {
      input: t.arg({ type: CertificateOrderCreateInput, required: true, description: MUTATION_INPUT }),
    },
    resolve: async (_root, { input }, context) => {
      const outcome = await context.loaders.mutations.run(
        'CreateCertificate',
        {
          ProductId: input.product,
          DomainNum: input.domainCount,
          TimeSpan: input.years,
          AutoVoucher: input.useVouchers === false ? 0 : 1,
          Tags: toUpstreamTags(input.tags),
        },
        { userErrorOf: inGraphTerms(ORDER_CREATE_INPUTS, { input }) },
      );
      return outcome.ok
        ? {
            certificateIds: outcome.response.CertificateIds,
            dealIds: outcome.response.DealIds,
            userErrors: [],
          }
        : { userErrors: outcome.userErrors };
    },
  }),

  certificateOrderCreateByPackage: t.field({
    type: CertificateOrderCreateByPackagePayload,
    description:
      'Creates paid certificates, or renews one, by consuming benefit-package points (CreateCertificateByPackage).',
    args: {
      input: t.arg({
        type: CertificateOrderCreateByPackageInput,
        required: true,
        description: MUTATION_INPUT,
      }),
    },
    resolve: (_root, { input }, context) =>
      checkingInput(async () => {
        const renewal = input.renewal ?? undefined;
        const renewalCsr = renewal?.csr ? csrChoice(renewal.csr, ['input', 'renewal', 'csr']) : undefined;
        const uploadedCsr = renewalCsr?.source === 'uploaded' ? renewalCsr.csrPem : undefined;
        const generatedKey = renewalCsr?.source === 'generated' ? renewalCsr.key : undefined;
        const generated = generatedKey ? keyTypeParams(generatedKey.keyType ?? 'RSA_2048') : undefined;
        const outcome = await context.loaders.mutations.run(
          'CreateCertificateByPackage',
          {
            PackageIds: input.packageIds.map(String),
            ProductPid: input.product,
            PriceKey: PRICE_KEY_OF_PACKAGE_PRODUCT[input.product],
            DomainCount: String(input.domainCount),
            Period: input.years,
            OldCertificateId: renewal ? String(renewal.certificateId) : undefined,
            RenewGenCsrMethod: renewal
              ? uploadedCsr !== undefined
                ? 'upload'
                : generated
                  ? 'online'
                  : 'original'
              : undefined,
            RenewCsr: uploadedCsr,
            RenewAlgorithmType: generated?.algorithm,
            RenewAlgorithmParam: generated?.parameter,
            RenewKeyPass: generatedKey?.keyPassword ?? undefined,
            CertificateCount: input.certificateCount ?? undefined,
            DomainNames: input.domains?.join(','),
            ManagerId: optionalIntegerId(input.managerId, ['input', 'managerId']),
            CompanyId: optionalIntegerId(input.companyId, ['input', 'companyId']),
            VerifyType: input.validationMethod ?? undefined,
            ProjectId: optionalIntegerId(input.projectId, ['input', 'projectId']),
            Tags: toUpstreamTags(input.tags),
          },
          { userErrorOf: inGraphTerms(ORDER_CREATE_BY_PACKAGE_INPUTS, { input }) },
        );
        return outcome.ok
          ? {
              certificateIds:
                outcome.response.CertificateIds.length > 0
                  ? outcome.response.CertificateIds
                  : [outcome.response.CertificateId],
              userErrors: [],
            }
          : { userErrors: outcome.userErrors };
      }),
  }),

  certificateOrderSubmit: t.field({
    type: CertificateOrderSubmitPayload,
    description:
      'Sends a paid certificate order, with the information submitted by certificateInformationSubmit, to the CA ' +
      '(CertificateOrderSubmit). DV orders go to domain validation; OV/EV orders to organisation review.',
    args: {
      input: t.arg({ type: CertificateOrderSubmitInput, required: true, description: MUTATION_INPUT }),
    },
    resolve: async (_root, { input }, context) => {
      const outcome = await context.loaders.mutations.run(
        'CertificateOrderSubmit',
        {
          CertId: certificateIdOf(input.id),
          VerifyType: input.validationMethod ?? undefined,
          DeleteDnsAutoRecord:
            input.deleteDnsRecordAfterIssue === null || input.deleteDnsRecordAfterIssue === undefined
              ? undefined
              : input.deleteDnsRecordAfterIssue
                ? 1
                : 0,
        },
        { userErrorOf: inGraphTerms(ORDER_SUBMIT_INPUTS, { input }) },
      );
      return outcome.ok
        ? {
            certificateId: certificateIdOf(input.id),
            caOrderId: outcome.response.OrderId || null,
            isManagerPreAudited: outcome.response.IsAudited,
            userErrors: [],
          }
        : { userErrors: outcome.userErrors };
    },
  }),
}));
