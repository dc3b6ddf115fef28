// Domain control validation and the applicant data of an order. The records come from the order data (no key
// material is loaded to show them); the method and deadlines come from the list shape.
import type { DvAuthDetail, DvAuths, SubmittedData } from '../../ssl/models.generated.ts';
import { builder } from '../builder.ts';
import type { CertificateRecord } from '../loaders/certificate-record.ts';
import { parseUpstreamTime } from '../time.ts';
import { presentOrNull } from '../upstream-values.ts';
import { CertificateRef } from './certificate.ts';
import { CsrSource, DomainValidationMethod, DomainValidationRecordKind } from './certificate-enums.ts';

interface ValidationRecordShape {
  readonly kind: string | null;
  readonly domain: string | null;
  readonly subdomain: string | null;
  readonly key: string | null;
  readonly value: string | null;
  readonly path: string | null;
}

function fromDvAuths(auth: DvAuths): ValidationRecordShape {
  return {
    kind: presentOrNull(auth.DvAuthVerifyType),
    domain: presentOrNull(auth.DvAuthDomain),
    subdomain: presentOrNull(auth.DvAuthSubDomain),
    key: presentOrNull(auth.DvAuthKey),
    value: presentOrNull(auth.DvAuthValue),
    path: presentOrNull(auth.DvAuthPath),
  };
}

/** Several domains come as `DvAuths`; a single one only in the flat fields. */
function validationRecords(detail: DvAuthDetail | null | undefined): ValidationRecordShape[] {
  if (!detail) return [];
  if (detail.DvAuths && detail.DvAuths.length > 0) return detail.DvAuths.map(fromDvAuths);
  const single: ValidationRecordShape = {
    kind: null,
    domain: presentOrNull(detail.DvAuthDomain),
    subdomain: presentOrNull(detail.DvAuthKeySubDomain),
    key: presentOrNull(detail.DvAuthKey),
    value: presentOrNull(detail.DvAuthValue),
    path: presentOrNull(detail.DvAuthPath),
  };
  return single.key === null && single.value === null ? [] : [single];
}

const DomainValidationRecordRef = builder
  .objectRef<ValidationRecordShape>('DomainValidationRecord')
  .implement({
    description:
      'A record that proves control of a domain to the CA: a DNS record to add, or a file to serve at a path.',
    fields: (t) => ({
      kind: t.field({
        type: DomainValidationRecordKind.ref,
        description:
          'What kind of record it is; null when Tencent Cloud does not say (single-domain orders).',
        resolve: (record) =>
          record.kind === null ? null : DomainValidationRecordKind.fromUpstream(record.kind),
      }),
      domain: t.string({
        description: 'The domain being validated (for DNS records, the zone the record goes into).',
        resolve: (record) => record.domain,
      }),
      subdomain: t.string({
        description: 'The host (subdomain) part of the DNS record name.',
        resolve: (record) => record.subdomain,
      }),
      key: t.string({
        description: 'The DNS record name, or the file name for file validation.',
        resolve: (record) => record.key,
      }),
      value: t.string({
        description: 'The DNS record value, or the file content for file validation.',
        resolve: (record) => record.value,
      }),
      path: t.string({
        description: 'For file validation, the URL path the file must be served at.',
        resolve: (record) => record.path,
      }),
    }),
  });

const CertificateDomainValidationRef = builder
  .objectRef<CertificateRecord>('CertificateDomainValidation')
  .implement({
    description:
      'How the applicant proves control of the certificate domains to the CA, and where that stands.',
    fields: (t) => ({
      method: t.field({
        type: DomainValidationMethod.ref,
        description: 'The validation method chosen; null when none applies (e.g. uploaded certificates).',
        resolve: (certificate) => {
          const method = presentOrNull(certificate.upstream.VerifyType);
          return method === null ? null : DomainValidationMethod.fromUpstream(method);
        },
      }),
      deadline: t.field({
        type: 'DateTime',
        description: 'The last moment to complete validation before the order is closed.',
        resolve: (certificate) => parseUpstreamTime(certificate.upstream.DVAuthDeadline),
      }),
      passedAt: t.field({
        type: 'DateTime',
        description: 'When validation succeeded; null until it has.',
        resolve: (certificate) => parseUpstreamTime(certificate.upstream.ValidationPassedTime),
      }),
      rejectionMessage: t.string({
        description: 'Why the CA rejected the validation, if it did (free text from the CA).',
        resolve: (certificate) => presentOrNull(certificate.upstream.AwaitingValidationMsg),
      }),
      records: t.field({
        type: [DomainValidationRecordRef],
        description:
          'The records to publish so the CA can validate the domains, as the API keeps them (DvAuthDetail): they ' +
          "stay listed once validation passed or the order ended, so `passedAt` and the certificate's `status` tell " +
          'whether they are still awaited; empty when the order has none.',
        nullable: false,
        resolve: async (certificate, _args, context) => {
          const order = await context.loaders.certificateDetails.orderDataById.load(certificate.id);
          return validationRecords(order?.DvAuthDetail);
        },
      }),
      revocationRecords: t.field({
        type: [DomainValidationRecordRef],
        description: 'The records to publish to confirm revoking a DV certificate; empty otherwise.',
        nullable: false,
        resolve: async (certificate, _args, context) => {
          const order = await context.loaders.certificateDetails.orderDataById.load(certificate.id);
          return (order?.DvRevokeAuthDetail ?? []).map(fromDvAuths);
        },
      }),
    }),
  });

interface PersonShape {
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly position: string | null;
}

const ApplicantPersonRef = builder.objectRef<PersonShape>('ApplicantPerson').implement({
  description: 'A person named in a certificate application (its administrator or technical contact).',
  fields: (t) => ({
    firstName: t.string({ description: 'First (given) name.', resolve: (person) => person.firstName }),
    lastName: t.string({ description: 'Last (family) name.', resolve: (person) => person.lastName }),
    phone: t.string({ description: 'Phone number.', resolve: (person) => person.phone }),
    email: t.string({ description: 'E-mail address.', resolve: (person) => person.email }),
    position: t.string({ description: 'Job title.', resolve: (person) => person.position }),
  }),
});

const ApplicantOrganizationRef = builder.objectRef<SubmittedData>('ApplicantOrganization').implement({
  description: 'The organisation named in an OV/EV certificate application.',
  fields: (t) => ({
    name: t.string({
      description: 'The organisation name.',
      resolve: (data) => presentOrNull(data.OrganizationName),
    }),
    division: t.string({
      description: 'The department.',
      resolve: (data) => presentOrNull(data.OrganizationDivision),
    }),
    address: t.string({
      description: 'The street address.',
      resolve: (data) => presentOrNull(data.OrganizationAddress),
    }),
    city: t.string({ description: 'The city.', resolve: (data) => presentOrNull(data.OrganizationCity) }),
    region: t.string({
      description: 'The province or state.',
      resolve: (data) => presentOrNull(data.OrganizationRegion),
    }),
    country: t.string({
      description: 'The country.',
      resolve: (data) => presentOrNull(data.OrganizationCountry),
    }),
    postalCode: t.string({
      description: 'The postal code.',
      resolve: (data) => presentOrNull(data.PostalCode),
    }),
    phoneAreaCode: t.string({
      description: 'The area code of the landline.',
      resolve: (data) => presentOrNull(data.PhoneAreaCode),
    }),
    phoneNumber: t.string({
      description: 'The landline number.',
      resolve: (data) => presentOrNull(data.PhoneNumber),
    }),
  }),
});

function hasAny(person: PersonShape): boolean {
  return Object.values(person).some((value) => value !== null);
}

const CertificateApplicationRef = builder.objectRef<SubmittedData>('CertificateApplication').implement({
  description: 'The data submitted with a certificate order (CSR, domains, organisation and contacts).',
  fields: (t) => ({
    csrSource: t.field({
      type: CsrSource.ref,
      description: 'Whether Tencent Cloud generated the CSR or the applicant uploaded it.',
      resolve: (data) => {
        const source = presentOrNull(data.CsrType);
        return source === null ? null : CsrSource.fromUpstream(source);
      },
    }),
    csrPem: t.string({
      description: 'The certificate signing request, PEM encoded (public: holds no private key).',
      resolve: (data) => presentOrNull(data.CsrContent),
    }),
    commonName: t.string({
      description: 'The domain the certificate is ordered for (its common name).',
      resolve: (data) => presentOrNull(data.CertificateDomain),
    }),
    domains: t.stringList({
      description: 'The additional domains (subject alternative names) ordered.',
      nullable: false,
      resolve: (data) => data.DomainList ?? [],
    }),
    validationMethod: t.field({
      type: DomainValidationMethod.ref,
      description: 'The domain validation method chosen with the application.',
      resolve: (data) => {
        const method = presentOrNull(data.VerifyType);
        return method === null ? null : DomainValidationMethod.fromUpstream(method);
      },
    }),
    privateKeyPassword: t.string({
      description:
        'The password protecting the generated private key. Secret: requires the `ssl:secrets` scope.',
      authScopes: { secrets: true },
      resolve: (data) => presentOrNull(data.KeyPassword),
    }),
    organization: t.field({
      type: ApplicantOrganizationRef,
      description: 'The organisation applying; null for DV certificates.',
      resolve: (data) => (presentOrNull(data.OrganizationName) === null ? null : data),
    }),
    administrator: t.field({
      type: ApplicantPersonRef,
      description: "The applicant organisation's administrator; null when none was submitted.",
      resolve: (data) => {
        const person: PersonShape = {
          firstName: presentOrNull(data.AdminFirstName),
          lastName: presentOrNull(data.AdminLastName),
          phone: presentOrNull(data.AdminPhoneNum),
          email: presentOrNull(data.AdminEmail),
          position: presentOrNull(data.AdminPosition),
        };
        return hasAny(person) ? person : null;
      },
    }),
    contact: t.field({
      type: ApplicantPersonRef,
      description: 'The technical contact of the order; null when none was submitted.',
      resolve: (data) => {
        const person: PersonShape = {
          firstName: presentOrNull(data.ContactFirstName),
          lastName: presentOrNull(data.ContactLastName),
          phone: presentOrNull(data.ContactNumber),
          email: presentOrNull(data.ContactEmail),
          position: presentOrNull(data.ContactPosition),
        };
        return hasAny(person) ? person : null;
      },
    }),
  }),
});

builder.objectFields(CertificateRef, (t) => ({
  domainValidation: t.field({
    type: CertificateDomainValidationRef,
    description: 'How control of the domains is proven to the CA; null for uploaded certificates.',
    resolve: (certificate) => (certificate.upstream.From?.toLowerCase() === 'upload' ? null : certificate),
  }),
  application: t.field({
    type: CertificateApplicationRef,
    description: 'The data submitted with the order; null when none was (e.g. uploaded certificates).',
    resolve: async (certificate, _args, context) => {
      const order = await context.loaders.certificateDetails.orderDataById.load(certificate.id);
      return order?.SubmittedData ?? null;
    },
  }),
}));
