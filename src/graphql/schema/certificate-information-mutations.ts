// Submitting the applicant information of a paid certificate (CSR, organisation, administrator, technical
// contact) and, for the legacy pair of actions, sending the order to the CA.
import { builder } from '../builder.ts';
import { CertificateRef } from './certificate.ts';
import { ApplicantType } from './certificate-enums.ts';
import {
  CertificateCsrInput,
  type CsrChoiceShape,
  certificateIdOf,
  csrChoice,
  DomainValidationChoice,
  InputRejection,
  keyTypeParams,
  optionalIntegerId,
  requiredDomain,
} from './certificate-inputs.ts';
import { certificatePayload, checkingInput, loadCertificate } from './certificate-payloads.ts';
import { CertificateProduct } from './certificate-products.ts';
import { upstreamEnum } from './upstream-enum.ts';
import { inGraphTerms, upstreamInputs } from './upstream-input-errors.ts';
import { MUTATION_INPUT, type PayloadShape, payloadType } from './user-error.ts';

const OrganizationDocumentType = upstreamEnum(
  'CertificateOrganizationDocumentType',
  {
    UNIFIED_SOCIAL_CREDIT_CODE: {
      value: 'TYDMZ',
      description: 'The Chinese unified social credit code (CFCA certificates only).',
    },
    OTHER: { value: 'OTHERS', description: 'Any other registration document.' },
  },
  {
    description: 'The kind of registration document identifying an organisation.',
    upstreamField: 'OrgIdType',
  },
);

const PersonDocumentType = upstreamEnum(
  'CertificatePersonDocumentType',
  {
    ID_CARD: { value: 'SFZ', description: 'A Chinese resident identity card.' },
    PASSPORT: { value: 'HZ', description: 'A passport.' },
  },
  {
    description: 'The kind of identity document of a person (CFCA certificates only).',
    upstreamField: 'AdminIdType',
  },
);

const CertificateCaBrand = upstreamEnum(
  'CertificateCaBrand',
  {
    SECTIGO: { value: 'sectigo', description: 'Sectigo.' },
    DIGICERT: { value: 'digicert', description: 'DigiCert.' },
  },
  {
    description: 'The certificate authority that issues a DNSPod-series certificate.',
    upstreamField: 'CaType',
  },
);

const CertificateOrganizationDocumentInput = builder.inputType('CertificateOrganizationDocumentInput', {
  description: "An organisation's registration document.",
  fields: (t) => ({
    type: t.field({
      type: OrganizationDocumentType.ref,
      required: true,
      description: 'The kind of document.',
    }),
    number: t.string({ required: true, description: 'The document number.' }),
  }),
});

const CertificatePersonDocumentInput = builder.inputType('CertificatePersonDocumentInput', {
  description: "A person's identity document (CFCA certificates only).",
  fields: (t) => ({
    type: t.field({ type: PersonDocumentType.ref, required: true, description: 'The kind of document.' }),
    number: t.string({ required: true, description: 'The document number.' }),
  }),
});

const CertificateOrganizationInput = builder.inputType('CertificateOrganizationInput', {
  description:
    'The organisation named in the certificate. Needed when neither a company nor a manager is referenced.',
  fields: (t) => ({
    name: t.string({ description: 'The company name.' }),
    division: t.string({ description: 'The department.' }),
    address: t.string({ description: 'The street address.' }),
    city: t.string({ description: 'The city.' }),
    province: t.string({ description: 'The province or state.' }),
    country: t.string({ description: 'The ISO country code, e.g. `CN`.' }),
    postalCode: t.string({
      description: 'The postal code; only certificateInformationSubmitLegacy accepts it.',
    }),
    phoneAreaCode: t.string({ description: 'The phone area code, e.g. `021` (`86` for a mobile number).' }),
    phoneNumber: t.string({ description: 'The phone number.' }),
    registrationDocument: t.field({
      type: CertificateOrganizationDocumentInput,
      description: 'The registration document; only certificateInformationSubmit accepts it.',
    }),
  }),
});

const CertificateContactPersonInput = builder.inputType('CertificateContactPersonInput', {
  description: 'A person responsible for the certificate. Needed when no manager is referenced.',
  fields: (t) => ({
    firstName: t.string({ description: 'The first (given) name.' }),
    lastName: t.string({ description: 'The last (family) name.' }),
    email: t.string({ description: 'The e-mail address.' }),
    phone: t.string({ description: 'The (mobile) phone number.' }),
    title: t.string({ description: 'The position in the organisation.' }),
    identityDocument: t.field({
      type: CertificatePersonDocumentInput,
      description:
        'The identity document (CFCA certificates only); only certificateInformationSubmit accepts it.',
    }),
  }),
});

const CertificateInformationSubmitInput = builder.inputType('CertificateInformationSubmitInput', {
  description:
    'The applicant information of a paid certificate. A referenced manager (which includes its company) or company ' +
    'replaces the organisation and people details.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The paid certificate ID.' }),
    commonName: t.string({
      required: true,
      description: 'The primary domain; must equal the common name of an uploaded CSR.',
    }),
    additionalDomains: t.stringList({
      description: 'The other domains, for multi-domain and multi-wildcard products.',
    }),
    csr: t.field({ type: CertificateCsrInput, required: true, description: 'Where the CSR comes from.' }),
    applicantType: t.field({
      type: ApplicantType.ref,
      required: true,
      description: 'Whether a person or a company applies.',
    }),
    managerId: t.id({ description: 'The manager (from `managers`) whose details are used.' }),
    companyId: t.id({ description: 'The company (from `companies`) whose details are used.' }),
    organization: t.field({ type: CertificateOrganizationInput, description: 'The organisation details.' }),
    administrator: t.field({
      type: CertificateContactPersonInput,
      description: 'The administrator responsible for the certificate.',
    }),
    technicalContact: t.field({ type: CertificateContactPersonInput, description: 'The technical contact.' }),
    contactEmail: t.string({ description: 'The contact e-mail; required when a person applies.' }),
    validationMethod: t.field({
      type: DomainValidationChoice.ref,
      description: 'How control of the domains will be proven.',
    }),
    autoRenew: t.boolean({ description: 'Renew the certificate automatically (default false).' }),
    product: t.field({
      type: CertificateProduct.ref,
      description: 'The product the certificate was bought as, when Tencent Cloud asks for it.',
    }),
    caBrand: t.field({
      type: CertificateCaBrand.ref,
      description: 'The issuing CA, for DNSPod-series certificates only.',
    }),
  }),
});

const CertificateInformationSubmitLegacyInput = builder.inputType('CertificateInformationSubmitLegacyInput', {
  description: 'The applicant information of a paid certificate, as the legacy action takes it.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The paid certificate ID.' }),
    commonName: t.string({
      required: true,
      description: 'The primary domain; must equal the common name of an uploaded CSR.',
    }),
    additionalDomains: t.stringList({ description: 'The other domains, for multi-domain products.' }),
    csr: t.field({
      type: CertificateCsrInput,
      required: true,
      description: 'Where the CSR comes from; a generated key is always RSA 2048 here.',
    }),
    organization: t.field({ type: CertificateOrganizationInput, description: 'The organisation details.' }),
    administrator: t.field({ type: CertificateContactPersonInput, description: 'The administrator.' }),
    technicalContact: t.field({ type: CertificateContactPersonInput, description: 'The contact person.' }),
    validationMethod: t.field({
      type: DomainValidationChoice.ref,
      description: 'How control of the domains will be proven.',
    }),
    isDomainValidated: t.boolean({ description: 'Whether this is a DV certificate (default false).' }),
  }),
});

const CertificateInformationCommitInput = builder.inputType('CertificateInformationCommitInput', {
  description: 'The paid certificate whose order goes to the CA.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The paid certificate ID.' }),
    validationMethod: t.field({
      type: DomainValidationChoice.ref,
      description: 'How control of the domains is proven.',
    }),
  }),
});

const CertificateInformationSubmitPayload = certificatePayload(
  'CertificateInformationSubmitPayload',
  'The result of certificateInformationSubmit.',
  'The certificate with its submitted information; null when the submission failed.',
);

const CertificateInformationSubmitLegacyPayload = certificatePayload(
  'CertificateInformationSubmitLegacyPayload',
  'The result of certificateInformationSubmitLegacy.',
  'The certificate with its submitted information; null when the submission failed.',
);

interface CertificateInformationCommitShape extends PayloadShape {
  readonly certificateId?: string | null;
  readonly caOrderId?: string | null;
}

const CertificateInformationCommitPayload = payloadType<CertificateInformationCommitShape>(
  'CertificateInformationCommitPayload',
  'The result of certificateInformationCommit.',
  (t) => ({
    certificate: t.field({
      type: CertificateRef,
      description: 'The certificate, now under review or validation; null when the commit failed.',
      resolve: (payload, _args, context) => loadCertificate(context, payload.certificateId),
    }),
    caOrderId: t.string({
      description: 'The order number at the certificate authority.',
      resolve: (payload) => payload.caOrderId ?? null,
    }),
  }),
);

const ID = ['input', 'id'] as const;
const COMMON_NAME = ['input', 'commonName'] as const;
const UPLOADED_CSR = ['input', 'csr', 'uploadedCsrPem'] as const;
const ORGANIZATION = ['input', 'organization'] as const;
const ADMINISTRATOR = ['input', 'administrator'] as const;
const TECHNICAL_CONTACT = ['input', 'technicalContact'] as const;

const SUBMIT_INPUTS = upstreamInputs('CertificateInfoSubmit', {
  parameters: {
    CertId: ID,
    CertCommonName: COMMON_NAME,
    DnsNames: ['input', 'additionalDomains'],
    GenCsrType: ['input', 'csr'],
    Csr: UPLOADED_CSR,
    CsrEncryptAlgo: ['input', 'csr', 'generatedKey', 'keyType'],
    CsrKeyParameter: ['input', 'csr', 'generatedKey', 'keyType'],
    KeyPass: ['input', 'csr', 'generatedKey', 'keyPassword'],
    CompanyType: ['input', 'applicantType'],
    ManagerId: ['input', 'managerId'],
    CompanyId: ['input', 'companyId'],
    OrgOrganization: [...ORGANIZATION, 'name'],
    OrgDivision: [...ORGANIZATION, 'division'],
    OrgAddress: [...ORGANIZATION, 'address'],
    OrgCity: [...ORGANIZATION, 'city'],
    OrgRegion: [...ORGANIZATION, 'province'],
    OrgCountry: [...ORGANIZATION, 'country'],
    OrgPhoneArea: [...ORGANIZATION, 'phoneAreaCode'],
    OrgPhoneNumber: [...ORGANIZATION, 'phoneNumber'],
    OrgIdType: [...ORGANIZATION, 'registrationDocument', 'type'],
    OrgIdNumber: [...ORGANIZATION, 'registrationDocument', 'number'],
    AdminFirstName: [...ADMINISTRATOR, 'firstName'],
    AdminLastName: [...ADMINISTRATOR, 'lastName'],
    AdminEmail: [...ADMINISTRATOR, 'email'],
    AdminPhone: [...ADMINISTRATOR, 'phone'],
    AdminTitle: [...ADMINISTRATOR, 'title'],
    AdminIdType: [...ADMINISTRATOR, 'identityDocument', 'type'],
    AdminIdNumber: [...ADMINISTRATOR, 'identityDocument', 'number'],
    TechFirstName: [...TECHNICAL_CONTACT, 'firstName'],
    TechLastName: [...TECHNICAL_CONTACT, 'lastName'],
    TechEmail: [...TECHNICAL_CONTACT, 'email'],
    TechPhone: [...TECHNICAL_CONTACT, 'phone'],
    TechTitle: [...TECHNICAL_CONTACT, 'title'],
    TechIdType: [...TECHNICAL_CONTACT, 'identityDocument', 'type'],
    TechIdNumber: [...TECHNICAL_CONTACT, 'identityDocument', 'number'],
    ContactEmail: ['input', 'contactEmail'],
    VerifyType: ['input', 'validationMethod'],
    AutoRenewFlag: ['input', 'autoRenew'],
    Type: ['input', 'product'],
    CaType: ['input', 'caBrand'],
  },
  clues: [
    // A person applying needs the contact e-mail; the failure is that the caller left it out.
    {
      code: 'FailedOperation.CertificateInfoSubmitContactEmailEmpty',
      parameter: 'ContactEmail',
      absent: true,
    },
    // The vendor's message quotes the domain, which tells the input; without it, blame the common name.
    { code: 'FailedOperation.CertificateInfoSubmitDomainInvalid', parameter: 'CertCommonName' },
    { code: 'FailedOperation.CertificateOrderSubmitRootCAInvalid', parameter: 'CaType' },
    { code: 'InvalidParameter.RenewAlgorithmInvalid', parameter: 'CsrEncryptAlgo' },
  ],
  fallback: [ID],
});

const SUBMIT_LEGACY_INPUTS = upstreamInputs('SubmitCertificateInformation', {
  parameters: {
    CertificateId: ID,
    CertificateDomain: COMMON_NAME,
    DomainList: ['input', 'additionalDomains'],
    CsrType: ['input', 'csr'],
    CsrContent: UPLOADED_CSR,
    KeyPassword: ['input', 'csr', 'generatedKey', 'keyPassword'],
    OrganizationName: [...ORGANIZATION, 'name'],
    OrganizationDivision: [...ORGANIZATION, 'division'],
    OrganizationAddress: [...ORGANIZATION, 'address'],
    OrganizationCity: [...ORGANIZATION, 'city'],
    OrganizationRegion: [...ORGANIZATION, 'province'],
    OrganizationCountry: [...ORGANIZATION, 'country'],
    PostalCode: [...ORGANIZATION, 'postalCode'],
    PhoneAreaCode: [...ORGANIZATION, 'phoneAreaCode'],
    PhoneNumber: [...ORGANIZATION, 'phoneNumber'],
    AdminFirstName: [...ADMINISTRATOR, 'firstName'],
    AdminLastName: [...ADMINISTRATOR, 'lastName'],
    AdminEmail: [...ADMINISTRATOR, 'email'],
    AdminPhoneNum: [...ADMINISTRATOR, 'phone'],
    AdminPosition: [...ADMINISTRATOR, 'title'],
    ContactFirstName: [...TECHNICAL_CONTACT, 'firstName'],
    ContactLastName: [...TECHNICAL_CONTACT, 'lastName'],
    ContactEmail: [...TECHNICAL_CONTACT, 'email'],
    ContactNumber: [...TECHNICAL_CONTACT, 'phone'],
    ContactPosition: [...TECHNICAL_CONTACT, 'title'],
    VerifyType: ['input', 'validationMethod'],
    IsDV: ['input', 'isDomainValidated'],
  },
  fallback: [ID],
});

const COMMIT_INPUTS = upstreamInputs('CommitCertificateInformation', {
  parameters: { CertificateId: ID, VerifyType: ['input', 'validationMethod'] },
  fallback: [ID],
});

/** A "none" reference is "0" for CertificateInfoSubmit, which takes manager and company IDs as strings. */
function optionalReference(value: string | number | null | undefined, field: readonly string[]): string {
  return String(optionalIntegerId(value, field) ?? 0);
}

function legacyCsr(csr: CsrChoiceShape): { CsrType: string; CsrContent?: string; KeyPassword?: string } {
  const choice = csrChoice(csr, ['input', 'csr']);
  if (choice.source === 'uploaded') return { CsrType: 'parse', CsrContent: choice.csrPem };
  if (choice.key.keyType && choice.key.keyType !== 'RSA_2048') {
    throw new InputRejection(
      'UNSUPPORTED_KEY_TYPE',
      'The legacy action always generates RSA 2048 keys; use certificateInformationSubmit to choose another.',
      ['input', 'csr', 'generatedKey', 'keyType'],
    );
  }
  return { CsrType: 'online', KeyPassword: choice.key.keyPassword ?? undefined };
}

builder.mutationFields((t) => ({
  certificateInformationSubmit: t.field({
    type: CertificateInformationSubmitPayload,
    description:
      'Submits the applicant information of a paid certificate (CertificateInfoSubmit). Then send the order to ' +
      'the CA with certificateOrderSubmit.',
    args: {
      input: t.arg({ type: CertificateInformationSubmitInput, required: true, description: MUTATION_INPUT }),
    },
    resolve: (_root, { input }, context) =>
      checkingInput(async () => {
        if (input.organization?.postalCode) {
          throw new InputRejection(
            'UNSUPPORTED_FIELD',
            'certificateInformationSubmit takes no postal code.',
            ['input', 'organization', 'postalCode'],
          );
        }
        const csr = csrChoice(input.csr, ['input', 'csr']);
        const generated = csr.source === 'generated' ? csr.key : undefined;
        const key = generated ? keyTypeParams(generated.keyType ?? 'RSA_2048') : undefined;
        const organization = input.organization ?? undefined;
        const administrator = input.administrator ?? undefined;
        const technical = input.technicalContact ?? undefined;
        const outcome = await context.loaders.mutations.run(
          'CertificateInfoSubmit',
          {
            CertId: certificateIdOf(input.id),
            CertCommonName: requiredDomain(input.commonName, ['input', 'commonName']),
            DnsNames: input.additionalDomains ?? undefined,
            GenCsrType: csr.source === 'uploaded' ? 'parse' : 'online',
            Csr: csr.source === 'uploaded' ? csr.csrPem : undefined,
            CsrEncryptAlgo: key?.algorithm,
            CsrKeyParameter: key?.parameter,
            KeyPass: generated?.keyPassword ?? undefined,
            CompanyType: input.applicantType,
            ManagerId: optionalReference(input.managerId, ['input', 'managerId']),
            CompanyId: optionalReference(input.companyId, ['input', 'companyId']),
            OrgOrganization: organization?.name ?? undefined,
            OrgDivision: organization?.division ?? undefined,
            OrgAddress: organization?.address ?? undefined,
            OrgCity: organization?.city ?? undefined,
            OrgRegion: organization?.province ?? undefined,
            OrgCountry: organization?.country ?? undefined,
            OrgPhoneArea: organization?.phoneAreaCode ?? undefined,
            OrgPhoneNumber: organization?.phoneNumber ?? undefined,
            OrgIdType: organization?.registrationDocument?.type,
            OrgIdNumber: organization?.registrationDocument?.number,
            AdminFirstName: administrator?.firstName ?? undefined,
            AdminLastName: administrator?.lastName ?? undefined,
            AdminEmail: administrator?.email ?? undefined,
            AdminPhone: administrator?.phone ?? undefined,
            AdminTitle: administrator?.title ?? undefined,
            AdminIdType: administrator?.identityDocument?.type,
            AdminIdNumber: administrator?.identityDocument?.number,
            TechFirstName: technical?.firstName ?? undefined,
            TechLastName: technical?.lastName ?? undefined,
            TechEmail: technical?.email ?? undefined,
            TechPhone: technical?.phone ?? undefined,
            TechTitle: technical?.title ?? undefined,
            TechIdType: technical?.identityDocument?.type,
            TechIdNumber: technical?.identityDocument?.number,
            ContactEmail: input.contactEmail ?? undefined,
            VerifyType: input.validationMethod ?? undefined,
            AutoRenewFlag:
              input.autoRenew === null || input.autoRenew === undefined ? undefined : input.autoRenew ? 1 : 0,
            Type: input.product ?? undefined,
            CaType: input.caBrand ?? undefined,
          },
          { userErrorOf: inGraphTerms(SUBMIT_INPUTS, { input }) },
        );
        return outcome.ok
          ? { certificateId: certificateIdOf(input.id), userErrors: [] }
          : { userErrors: outcome.userErrors };
      }),
  }),

  certificateInformationSubmitLegacy: t.field({
    type: CertificateInformationSubmitLegacyPayload,
    description: 'Submits the applicant information of a paid certificate (SubmitCertificateInformation).',
    deprecationReason:
      'Tencent Cloud adds no new features to SubmitCertificateInformation: use certificateInformationSubmit.',
    args: {
      input: t.arg({
        type: CertificateInformationSubmitLegacyInput,
        required: true,
        description: MUTATION_INPUT,
      }),
    },
    resolve: (_root, { input }, context) =>
      checkingInput(async () => {
        const organization = input.organization ?? undefined;
        const administrator = input.administrator ?? undefined;
        const contact = input.technicalContact ?? undefined;
        const unsupported: Array<[unknown, readonly string[]]> = [
          [organization?.registrationDocument, ['input', 'organization', 'registrationDocument']],
          [administrator?.identityDocument, ['input', 'administrator', 'identityDocument']],
          [contact?.identityDocument, ['input', 'technicalContact', 'identityDocument']],
        ];
        for (const [value, field] of unsupported) {
          if (value) {
            throw new InputRejection(
              'UNSUPPORTED_FIELD',
              'The legacy action takes no identity documents.',
              field,
            );
          }
        }
        const outcome = await context.loaders.mutations.run(
          'SubmitCertificateInformation',
          {
            CertificateId: certificateIdOf(input.id),
            CertificateDomain: requiredDomain(input.commonName, ['input', 'commonName']),
            DomainList: input.additionalDomains ?? undefined,
            ...legacyCsr(input.csr),
            OrganizationName: organization?.name ?? undefined,
            OrganizationDivision: organization?.division ?? undefined,
            OrganizationAddress: organization?.address ?? undefined,
            OrganizationCity: organization?.city ?? undefined,
            OrganizationRegion: organization?.province ?? undefined,
            OrganizationCountry: organization?.country ?? undefined,
            PostalCode: organization?.postalCode ?? undefined,
            PhoneAreaCode: organization?.phoneAreaCode ?? undefined,
            PhoneNumber: organization?.phoneNumber ?? undefined,
            AdminFirstName: administrator?.firstName ?? undefined,
            AdminLastName: administrator?.lastName ?? undefined,
            AdminEmail: administrator?.email ?? undefined,
            AdminPhoneNum: administrator?.phone ?? undefined,
            AdminPosition: administrator?.title ?? undefined,
            ContactFirstName: contact?.firstName ?? undefined,
            ContactLastName: contact?.lastName ?? undefined,
            ContactEmail: contact?.email ?? undefined,
            ContactNumber: contact?.phone ?? undefined,
            ContactPosition: contact?.title ?? undefined,
            VerifyType: input.validationMethod ?? undefined,
            IsDV: input.isDomainValidated ?? undefined,
          },
          { userErrorOf: inGraphTerms(SUBMIT_LEGACY_INPUTS, { input }) },
        );
        return outcome.ok
          ? { certificateId: outcome.response.CertificateId, userErrors: [] }
          : { userErrors: outcome.userErrors };
      }),
  }),

  certificateInformationCommit: t.field({
    type: CertificateInformationCommitPayload,
    description: 'Sends a paid certificate order to the CA (CommitCertificateInformation).',
    deprecationReason:
      'Tencent Cloud adds no new features to CommitCertificateInformation: use certificateOrderSubmit.',
    args: {
      input: t.arg({ type: CertificateInformationCommitInput, required: true, description: MUTATION_INPUT }),
    },
    resolve: async (_root, { input }, context) => {
      const outcome = await context.loaders.mutations.run(
        'CommitCertificateInformation',
        { CertificateId: certificateIdOf(input.id), VerifyType: input.validationMethod ?? undefined },
        { userErrorOf: inGraphTerms(COMMIT_INPUTS, { input }) },
      );
      return outcome.ok
        ? {
            certificateId: certificateIdOf(input.id),
            caOrderId: outcome.response.OrderId || null,
            userErrors: [],
          }
        : { userErrors: outcome.userErrors };
    },
  }),
}));
