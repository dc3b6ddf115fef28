import { builder } from '../builder.ts';

/**
 * The upstream's codes are the enums' internal values. A code the schema does not know is reported as an error
 * naming it (masked for clients, visible in logs) rather than mislabelled, so a vendor addition is noticed.
 */

export class UnknownUpstreamValueError extends Error {
  constructor(field: string, value: unknown) {
    super(`The SSL API returned ${field} ${JSON.stringify(value)}, which the schema does not know`);
    this.name = 'UnknownUpstreamValueError';
  }
}

function isOneOf<T>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}

const CERTIFICATE_STATUS_VALUES = {
  REVIEWING: { value: 0, description: 'The order is being reviewed.' },
  ISSUED: { value: 1, description: 'Approved and issued.' },
  REVIEW_FAILED: { value: 2, description: 'The review failed.' },
  EXPIRED: { value: 3, description: 'The certificate has expired.' },
  DNS_RECORD_ADDED: { value: 4, description: 'The DNS validation record has been added.' },
  ENTERPRISE_INFORMATION_REQUIRED: {
    value: 5,
    description: 'An enterprise (OV/EV) certificate waiting for the applicant information to be submitted.',
  },
  CANCELLING: { value: 6, description: 'The order is being cancelled.' },
  CANCELLED: { value: 7, description: 'The order has been cancelled.' },
  CONFIRMATION_LETTER_REQUIRED: {
    value: 8,
    description: 'The information is submitted; a confirmation letter must be uploaded.',
  },
  REVOKING: { value: 9, description: 'The certificate is being revoked.' },
  REVOKED: { value: 10, description: 'The certificate has been revoked.' },
  REISSUING: { value: 11, description: 'The certificate is being reissued.' },
  REVOCATION_LETTER_REQUIRED: {
    value: 12,
    description: 'A revocation confirmation letter must be uploaded.',
  },
  FREE_CERTIFICATE_INFORMATION_REQUIRED: {
    value: 13,
    description: 'A free certificate waiting for its information to be submitted.',
  },
  REFUNDED: { value: 14, description: 'The certificate has been refunded.' },
  MIGRATING: { value: 15, description: 'The certificate is being migrated.' },
} as const;

type CertificateStatusCode =
  (typeof CERTIFICATE_STATUS_VALUES)[keyof typeof CERTIFICATE_STATUS_VALUES]['value'];
const CERTIFICATE_STATUS_CODES = Object.values(CERTIFICATE_STATUS_VALUES).map((entry) => entry.value);

export const CertificateStatusEnum = builder.enumType('CertificateStatus', {
  description: 'Where a certificate is in its life cycle (the SSL API certificate status 0..15).',
  values: CERTIFICATE_STATUS_VALUES,
});

export function certificateStatusFromUpstream(code: number): CertificateStatusCode {
  if (isOneOf(CERTIFICATE_STATUS_CODES, code)) return code;
  throw new UnknownUpstreamValueError('certificate Status', code);
}

const CERTIFICATE_SOURCE_VALUES = {
  TRUSTASIA: { value: 'trustasia', description: 'Issued through TrustAsia.' },
  UPLOAD: { value: 'upload', description: 'Uploaded by the user.' },
  WOSIGN: { value: 'wosign', description: 'Issued through WoSign / WoTrus.' },
  SHECA: { value: 'sheca', description: 'Issued through SHECA (Shanghai CA).' },
} as const;

type CertificateSourceCode =
  (typeof CERTIFICATE_SOURCE_VALUES)[keyof typeof CERTIFICATE_SOURCE_VALUES]['value'];
const CERTIFICATE_SOURCE_CODES = Object.values(CERTIFICATE_SOURCE_VALUES).map((entry) => entry.value);

export const CertificateSourceEnum = builder.enumType('CertificateSource', {
  description: 'Where a certificate comes from.',
  values: CERTIFICATE_SOURCE_VALUES,
});

export function certificateSourceFromUpstream(from: string): CertificateSourceCode {
  // The doc spells the values in lower case; tolerate the upper-case spelling other fields use.
  const normalised = from.toLowerCase();
  if (isOneOf(CERTIFICATE_SOURCE_CODES, normalised)) return normalised;
  throw new UnknownUpstreamValueError('certificate From', from);
}

const CERTIFICATE_TYPE_VALUES = {
  SERVER: { value: 'SVR', description: 'A server (TLS) certificate.' },
  CLIENT_CA: { value: 'CA', description: 'A client or CA certificate.' },
} as const;

type CertificateTypeCode = (typeof CERTIFICATE_TYPE_VALUES)[keyof typeof CERTIFICATE_TYPE_VALUES]['value'];
const CERTIFICATE_TYPE_CODES = Object.values(CERTIFICATE_TYPE_VALUES).map((entry) => entry.value);

export const CertificateTypeEnum = builder.enumType('CertificateType', {
  description: 'What a certificate is used for.',
  values: CERTIFICATE_TYPE_VALUES,
});

export function certificateTypeFromUpstream(type: string): CertificateTypeCode {
  if (isOneOf(CERTIFICATE_TYPE_CODES, type)) return type;
  throw new UnknownUpstreamValueError('CertificateType', type);
}
