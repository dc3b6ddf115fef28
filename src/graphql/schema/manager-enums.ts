import { upstreamEnum } from './upstream-enum.ts';

const MANAGER_STATUS_VALUES = {
  NOT_SUBMITTED: { value: 'none', description: 'The manager has never been submitted for review.' },
  REVIEWING: { value: 'audit', description: 'TrustAsia is reviewing the manager.' },
  CA_REVIEWING: {
    value: 'CAaudit',
    description: 'The certificate authority is reviewing the manager, after TrustAsia approved it.',
  },
  APPROVED: {
    value: 'ok',
    description: 'The manager is approved: certificates can be ordered with it without a new review.',
  },
  REJECTED: { value: 'invalid', description: 'The review failed; the manager can be submitted again.' },
  EXPIRING: { value: 'expiring', description: 'The approval expires soon; the manager can be re-verified.' },
  EXPIRED: { value: 'expired', description: 'The approval has expired; the manager can be re-verified.' },
} as const;

export const ManagerStatus = upstreamEnum('ManagerStatus', MANAGER_STATUS_VALUES, {
  description:
    'Where a company manager is in its review: managers are the applicant contacts that organisation- and ' +
    'extended-validation (OV/EV) certificates are ordered with.',
  upstreamField: 'manager Status',
});

const MANAGER_VERIFICATION_TYPE_VALUES = {
  OV: { value: 'ov', description: 'Organisation validation (OV certificates).' },
  EV: { value: 'ev', description: 'Extended validation (EV certificates).' },
} as const;

export const ManagerVerificationType = upstreamEnum(
  'ManagerVerificationType',
  MANAGER_VERIFICATION_TYPE_VALUES,
  {
    description: 'The validation level a manager is verified for.',
    upstreamField: 'ManagerStatusInfo Type',
    caseInsensitive: true,
  },
);

const MANAGER_VERIFICATION_STATUS_VALUES = {
  PENDING: { value: 'pending', description: 'Submitted and waiting for, or under, review.' },
  SUBMITTED: { value: 'submitted', description: 'Passed on to the certificate authority for its review.' },
  COMPLETED: { value: 'completed', description: 'The verification is complete and in force.' },
  ACTIVE: {
    value: 'active',
    description:
      'In force (a value the API returns though its documentation omits it: its own DescribeManagerDetail ' +
      'example shows it).',
  },
  INVALID: { value: 'invalid', description: 'The verification failed.' },
  EXPIRING: { value: 'expiring', description: 'The verification expires soon.' },
  EXPIRED: { value: 'expired', description: 'The verification has expired.' },
} as const;

export const ManagerVerificationStatus = upstreamEnum(
  'ManagerVerificationStatus',
  MANAGER_VERIFICATION_STATUS_VALUES,
  {
    description: "Where a manager's verification for one validation level (OV or EV) stands.",
    upstreamField: 'ManagerStatusInfo Status',
  },
);
