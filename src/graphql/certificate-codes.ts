import { upstreamCodes } from './upstream-codes.ts';

// The codes of a certificate's listing that its record converts ahead of its fields (loaders/certificate-record.ts);
// schema/certificate-enums.ts serves them as GraphQL enums.

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

export const certificateStatusCodes = upstreamCodes(CERTIFICATE_STATUS_VALUES, {
  upstreamField: 'certificate Status',
});

const CERTIFICATE_SOURCE_VALUES = {
  TRUSTASIA: { value: 'trustasia', description: 'Issued through TrustAsia.' },
  UPLOAD: { value: 'upload', description: 'Uploaded by the user.' },
  WOSIGN: { value: 'wosign', description: 'Issued through WoSign / WoTrus.' },
  SHECA: { value: 'sheca', description: 'Issued through SHECA (Shanghai CA).' },
} as const;

export const certificateSourceCodes = upstreamCodes(CERTIFICATE_SOURCE_VALUES, {
  upstreamField: 'certificate From',
  // The doc spells the values in lower case; tolerate the upper-case spelling other fields use.
  caseInsensitive: true,
});

const CERTIFICATE_TYPE_VALUES = {
  SERVER: { value: 'SVR', description: 'A server (TLS) certificate.' },
  CLIENT_CA: { value: 'CA', description: 'A client or CA certificate.' },
} as const;

export const certificateTypeCodes = upstreamCodes(CERTIFICATE_TYPE_VALUES, {
  upstreamField: 'CertificateType',
});
