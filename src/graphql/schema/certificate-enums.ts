import {
  certificateSourceCodes,
  certificateStatusCodes,
  certificateTypeCodes,
} from '../certificate-codes.ts';
import { enumOfUpstreamCodes, upstreamEnum } from './upstream-enum.ts';

export const CertificateStatus = enumOfUpstreamCodes(
  'CertificateStatus',
  certificateStatusCodes,
  'Where a certificate is in its life cycle (the SSL API certificate status 0..15).',
);

export const CertificateSource = enumOfUpstreamCodes(
  'CertificateSource',
  certificateSourceCodes,
  'Where a certificate comes from.',
);

export const CertificateType = enumOfUpstreamCodes(
  'CertificateType',
  certificateTypeCodes,
  'What a certificate is used for.',
);

const DOMAIN_VALIDATION_METHOD_VALUES = {
  DNS_AUTO: {
    value: 'DNS_AUTO',
    description:
      'Automatic DNS validation: Tencent Cloud adds the record itself (domain on Tencent Cloud DNS).',
  },
  DNS: { value: 'DNS', description: 'Manual DNS validation: the applicant adds the DNS record.' },
  FILE: { value: 'FILE', description: 'File validation: the applicant serves a file on the domain.' },
  DNS_PROXY: { value: 'DNS_PROXY', description: 'DNS validation through a proxy (delegated) record.' },
  FILE_PROXY: { value: 'FILE_PROXY', description: 'File validation through a proxy (delegated) file.' },
  EMAIL: { value: 'EMAIL', description: 'E-mail validation: the domain administrator confirms by e-mail.' },
} as const;

export const DomainValidationMethod = upstreamEnum(
  'DomainValidationMethod',
  DOMAIN_VALIDATION_METHOD_VALUES,
  {
    description: 'How the control of a domain is proven to the CA (domain control validation).',
    upstreamField: 'VerifyType',
  },
);

const DOMAIN_VALIDATION_RECORD_KIND_VALUES = {
  TXT: { value: 'TXT', description: 'A DNS TXT record.' },
  CNAME: { value: 'CNAME', description: 'A DNS CNAME record.' },
  FILE: { value: 'FILE', description: 'A file served over HTTP(S) at a given path.' },
} as const;

export const DomainValidationRecordKind = upstreamEnum(
  'DomainValidationRecordKind',
  DOMAIN_VALIDATION_RECORD_KIND_VALUES,
  { description: 'What kind of record proves control of a domain.', upstreamField: 'DvAuthVerifyType' },
);

const APPLICANT_TYPE_VALUES = {
  INDIVIDUAL: { value: 1, description: 'The applicant is an individual.' },
  COMPANY: { value: 2, description: 'The applicant is a company or organisation.' },
} as const;

export const ApplicantType = upstreamEnum('ApplicantType', APPLICANT_TYPE_VALUES, {
  description: 'Whether a certificate was applied for by an individual or a company.',
  upstreamField: 'CertificateExtra.CompanyType',
});

const HOSTING_STATUS_VALUES = {
  HOSTING: { value: 0, description: 'Hosting is being set up.' },
  REPLACING_RESOURCES: {
    value: 5,
    description: 'The renewal certificate is being deployed to the bound cloud resources.',
  },
  HOSTED: { value: 10, description: 'Hosting is complete.' },
  NOT_HOSTED: { value: -1, description: 'The certificate is not hosted.' },
} as const;

export const HostingStatus = upstreamEnum('CertificateHostingStatus', HOSTING_STATUS_VALUES, {
  description:
    'Where a certificate is in hosting (Tencent Cloud renewing it and replacing it on its cloud resources).',
  upstreamField: 'HostingStatus',
});

const VALIDATION_LEVEL_VALUES = {
  DV: { value: 'DV', description: 'Domain validated: only control of the domain is checked.' },
  OV: { value: 'OV', description: 'Organisation validated: the organisation is checked as well.' },
  EV: { value: 'EV', description: 'Extended validation: the most thorough organisation check.' },
} as const;

export const ValidationLevel = upstreamEnum('CertificateValidationLevel', VALIDATION_LEVEL_VALUES, {
  description: 'How thoroughly the CA checked the applicant before issuing the certificate.',
  upstreamField: 'CertType',
  caseInsensitive: true,
});

const DOMAIN_COVERAGE_VALUES = {
  SINGLE_DOMAIN: { value: 1, description: 'One domain.' },
  MULTI_DOMAIN: { value: 2, description: 'Several named domains.' },
  WILDCARD: { value: 3, description: 'One wildcard domain (e.g. `*.example.com`).' },
  MULTI_WILDCARD: { value: 4, description: 'Several domains, wildcards among them.' },
} as const;

export const DomainCoverage = upstreamEnum('CertificateDomainCoverage', DOMAIN_COVERAGE_VALUES, {
  description: 'Which domains a certificate product can cover.',
  upstreamField: 'DomainType',
});

const CSR_SOURCE_VALUES = {
  GENERATED_ONLINE: {
    value: 'online',
    description: 'Tencent Cloud generated the key pair and the CSR.',
  },
  UPLOADED: { value: 'parse', description: 'The applicant uploaded their own CSR.' },
} as const;

export const CsrSource = upstreamEnum('CsrSource', CSR_SOURCE_VALUES, {
  description: 'Where the certificate signing request (CSR) of an order came from.',
  upstreamField: 'SubmittedData.CsrType',
  caseInsensitive: true,
});

const CERTIFICATE_DOWNLOAD_FORMAT_VALUES = {
  NGINX: { value: 'nginx', description: 'PEM files laid out for Nginx.' },
  APACHE: { value: 'apache', description: 'Certificate, chain and key files laid out for Apache httpd.' },
  TOMCAT: { value: 'tomcat', description: 'A keystore for Apache Tomcat.' },
  IIS: { value: 'iis', description: 'A PFX (PKCS #12) file for Microsoft IIS.' },
  JKS: { value: 'jks', description: 'A Java KeyStore.' },
  OTHER: { value: 'other', description: 'Plain PEM files for other servers.' },
  ROOT: { value: 'root', description: 'The root (CA) certificate only.' },
} as const;

export const CertificateDownloadFormat = upstreamEnum(
  'CertificateDownloadFormat',
  CERTIFICATE_DOWNLOAD_FORMAT_VALUES,
  {
    description: 'The server software a certificate download package is prepared for.',
    upstreamField: 'ServiceType',
    caseInsensitive: true,
  },
);
