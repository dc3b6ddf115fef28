import type { CertificateInformationSubmitInput } from '../../generated/graphql.ts';

/** A complete company applicant for OV certificates: organization, administrator and technical contact. */
export const OV_APPLICANT = {
  applicantType: 'COMPANY',
  organization: {
    name: 'Example Ltd',
    division: 'IT',
    address: '1 Example Road',
    city: 'Shanghai',
    province: 'Shanghai',
    country: 'CN',
    phoneAreaCode: '021',
    phoneNumber: '12345678',
  },
  administrator: {
    firstName: 'Ada',
    lastName: 'Li',
    email: 'ada@example.com',
    phone: '13800000000',
    title: 'CTO',
  },
  technicalContact: {
    firstName: 'Bo',
    lastName: 'Wang',
    email: 'bo@example.com',
    phone: '13900000000',
    title: 'Engineer',
  },
} as const satisfies Partial<CertificateInformationSubmitInput>;
