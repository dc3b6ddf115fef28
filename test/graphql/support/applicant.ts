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

/** A PDF header padded to `size` bytes, base64-encoded: the smallest document a letter upload accepts. */
export function pdfLetter(size: number): string {
  const header = Buffer.from('%PDF-1.4\n', 'latin1');
  return Buffer.concat([header, Buffer.alloc(Math.max(0, size - header.length), 0x20)]).toString('base64');
}
