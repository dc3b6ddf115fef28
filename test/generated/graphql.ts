/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Whether a certificate was applied for by an individual or a company. */
export type ApplicantType =
  /** The applicant is a company or organisation. */
  | 'COMPANY'
  /** The applicant is an individual. */
  | 'INDIVIDUAL';

/** Which certificate to rename, and its new alias. */
export type CertificateAliasUpdateInput = {
  /** The new remark name; an empty string removes it. */
  alias: string;
  /** The certificate ID. */
  id: string | number;
};

/** A free DV certificate (TrustAsia C1 DV Free, valid 3 months) to apply for, or to renew. */
export type CertificateApplyInput = {
  /** A remark name for the certificate. */
  alias?: string | null | undefined;
  /** The order contact's e-mail (default: the account's e-mail). */
  contactEmail?: string | null | undefined;
  /** The order contact's phone number. */
  contactPhone?: string | null | undefined;
  /** With DNS_AUTO: remove the validation record Tencent Cloud added once the certificate is issued (default false). */
  deleteDnsRecordAfterIssue?: boolean | null | undefined;
  /** The domain to certify (no wildcard); its `www.` name is covered too. */
  domain: string;
  /** The free-certificate expansion pack to draw from. Tencent Cloud has taken that pack offline; kept for accounts that still hold one. */
  expansionPackageId?: string | number | null | undefined;
  /** The key pair to generate: RSA_2048 (default) or ECC_P256. */
  key?: CertificateKeyGenerationInput | null | undefined;
  /** The project to put the certificate in (default: the default project, 0). */
  projectId?: string | number | null | undefined;
  /** The free certificate this application renews (it must expire within 30 days and not have expired, and `domain` must be its domain); omit for a new application. */
  renewedCertificateId?: string | number | null | undefined;
  /** How control of the domain is proven. */
  validationMethod: DomainValidationChoice;
};

/** Which certificates to find the bound cloud resources of. */
export type CertificateBindingsRefreshInput = {
  /** The certificate IDs (at most 100); one query per certificate. */
  certificateIds: Array<string | number>;
  /** Reuse a query of the certificate that finished in the last 30 minutes instead of starting a new one (default true). A query still running for a certificate is returned either way. */
  useCache?: boolean | null | undefined;
};

/** Which certificate to replace, by which one, and on which resources. Give exactly one of `newCertificateId` and `newCertificate`. */
export type CertificateBindingsReplaceInput = {
  /** How long the gateway keeps asking while Tencent Cloud creates the update (default 5, at most 20; 0 asks once). If it is not created by then, `isCreationPending` is true. */
  creationWaitSeconds?: number | null | undefined;
  /** Stop the expiry notifications of the old certificate (default false). */
  ignoreOldCertificateExpiry?: boolean | null | undefined;
  /** The replacement, uploaded with this request. */
  newCertificate?: ReplacementCertificateUploadInput | null | undefined;
  /** The replacement, a certificate already in the account. */
  newCertificateId?: string | number | null | undefined;
  /** The certificate to replace on every resource of the chosen types that serves it. */
  oldCertificateId: string | number;
  /** The regions per regional resource type. Tencent Cloud documents them as required for regional types. */
  resourceRegions?: Array<UpdateResourceRegionsInput> | null | undefined;
  /** The kinds of resources to update (LIGHTHOUSE cannot be updated this way). */
  resourceTypes: Array<ResourceType>;
};

/** The certificate authority that issues a DNSPod-series certificate. */
export type CertificateCaBrand =
  /** DigiCert. */
  | 'DIGICERT'
  /** Sectigo. */
  | 'SECTIGO';

/** The signed confirmation letter of an OV/EV certificate order. */
export type CertificateConfirmationLetterUploadInput = {
  /** The certificate ID. */
  id: string | number;
  /** The letter file, base64-encoded: JPEG, PNG or PDF, between 1 KB and 1.4 MB. */
  letter: string;
};

/** A person responsible for the certificate. Needed when no manager is referenced. */
export type CertificateContactPersonInput = {
  /** The e-mail address. */
  email?: string | null | undefined;
  /** The first (given) name. */
  firstName?: string | null | undefined;
  /** The identity document (CFCA certificates only); only certificateInformationSubmit accepts it. */
  identityDocument?: CertificatePersonDocumentInput | null | undefined;
  /** The last (family) name. */
  lastName?: string | null | undefined;
  /** The (mobile) phone number. */
  phone?: string | null | undefined;
  /** The position in the organisation. */
  title?: string | null | undefined;
};

/** Which certificate gets new content, the content, and where to push it. */
export type CertificateContentReplaceInput = {
  /** The certificate whose content is replaced; its ID stays. */
  certificateId: string | number;
  /** The new certificate (and chain) in PEM format. */
  certificatePem: string;
  /** How long the gateway keeps asking while Tencent Cloud creates the replacement (default 5, at most 20; 0 asks once). If it is not created by then, `isCreationPending` is true. */
  creationWaitSeconds?: number | null | undefined;
  /** Its private key in PEM format. */
  privateKeyPem: string;
  /** The regions to update the CLB load balancers in (default: every region). */
  resourceRegions?: Array<UpdateResourceRegionsInput> | null | undefined;
  /** The kinds of resources to update (default and, for now, only possibility: `[CLB]`). */
  resourceTypes?: Array<ResourceType> | null | undefined;
};

/** Where the certificate signing request (CSR) comes from: your own CSR, or a key pair Tencent Cloud generates and keeps encrypted for you. Give exactly one. */
export type CertificateCsrInput =
  {   /** Let Tencent Cloud generate the key pair and CSR. */
  generatedKey: CertificateKeyGenerationInput; uploadedCsrPem?: never; }
  |  { generatedKey?: never;   /** Your own CSR in PEM form; its common name must be the certificate domain. */
  uploadedCsrPem: string; };

/** Which certificate to delete, and whether to check its bindings first. */
export type CertificateDeleteInput = {
  /** Check the certificate is bound to no cloud resource before deleting it (default false). The deletion then happens in the background: follow `task`. Needs the service role SSL_QCSLinkedRoleInReplaceLoadCertificate. Without the check, a certificate bound to resources is refused (FailedOperation.DeleteResourceFailed). */
  checkBoundResources?: boolean | null | undefined;
  /** The certificate ID. */
  id: string | number;
};

/** Which certificate to deploy where. `instanceIds` name the targets in the format of their resource type (`|`-separated): CLB `LoadBalancerId|ListenerId|Domain` (SNI listener) or `LoadBalancerId|ListenerId` (listener without SNI, or layer 4); CDN `Domain|on` / `Domain|off` (switches HTTPS billing) or `Domain`; DDOS `InstanceId|Domain|VirtualPort`; LIVE, VOD, WAF and TEO `Domain`; APIGATEWAY `ServiceId|Domain`; TKE `ClusterId|Namespace|SecretName`; COS `Region|Bucket|Domain`; LIGHTHOUSE `Region|InstanceId|Domain`; TSE `GatewayId|CertificateId`; TCB `Type|Region|EnvironmentId|Domain`. */
export type CertificateDeployInput = {
  /** The certificate to deploy (issued, unexpired, server). */
  certificateId: string | number;
  /** The target instances, in the format of the resource type (see the input description). */
  instanceIds: Array<string>;
  /** For LIVE only: the HTTPS state to leave the domains in. */
  liveHttpsStatus?: LiveHttpsStatus | null | undefined;
  /** The region of the instances (e.g. `ap-guangzhou`): required for the regional resource types CLB, WAF, APIGATEWAY, COS, LIGHTHOUSE, TKE, TSE and TCB; not needed for the others. It must be one of the API's regions: any other is refused (`INVALID_REGION`) before anything is sent. */
  region?: string | null | undefined;
  /** The kind of resource to deploy to (default CLB). */
  resourceType?: ResourceType | null | undefined;
  /** Whether Tencent Cloud may use its cached view of the instances (up to 30 minutes old; default true). False makes it read the instances afresh. */
  useCachedInstances?: boolean | null | undefined;
};

/** Which domains a certificate product can cover. */
export type CertificateDomainCoverage =
  /** Several named domains. */
  | 'MULTI_DOMAIN'
  /** Several domains, wildcards among them. */
  | 'MULTI_WILDCARD'
  /** One domain. */
  | 'SINGLE_DOMAIN'
  /** One wildcard domain (e.g. `*.example.com`). */
  | 'WILDCARD';

/** Certificates whose expiry notifications to turn on or off. */
export type CertificateExpiryNotificationUpdateInput = {
  /** true to be notified before the certificates expire, false to ignore their expiry. */
  enabled: boolean;
  /** The certificate IDs (at most 50). */
  ids: Array<string | number>;
};

/** The paid certificate whose order goes to the CA. */
export type CertificateInformationCommitInput = {
  /** The paid certificate ID. */
  id: string | number;
  /** How control of the domains is proven. */
  validationMethod?: DomainValidationChoice | null | undefined;
};

/** The applicant information of a paid certificate. A referenced manager (which includes its company) or company replaces the organisation and people details. */
export type CertificateInformationSubmitInput = {
  /** The other domains, for multi-domain and multi-wildcard products. */
  additionalDomains?: Array<string> | null | undefined;
  /** The administrator responsible for the certificate. */
  administrator?: CertificateContactPersonInput | null | undefined;
  /** Whether a person or a company applies. */
  applicantType: ApplicantType;
  /** Renew the certificate automatically (default false). */
  autoRenew?: boolean | null | undefined;
  /** The issuing CA, for DNSPod-series certificates only. */
  caBrand?: CertificateCaBrand | null | undefined;
  /** The primary domain; must equal the common name of an uploaded CSR. */
  commonName: string;
  /** The company (from `companies`) whose details are used. */
  companyId?: string | number | null | undefined;
  /** The contact e-mail; required when a person applies. */
  contactEmail?: string | null | undefined;
  /** Where the CSR comes from. */
  csr: CertificateCsrInput;
  /** The paid certificate ID. */
  id: string | number;
  /** The manager (from `managers`) whose details are used. */
  managerId?: string | number | null | undefined;
  /** The organisation details. */
  organization?: CertificateOrganizationInput | null | undefined;
  /** The product the certificate was bought as, when Tencent Cloud asks for it. */
  product?: CertificateProduct | null | undefined;
  /** The technical contact. */
  technicalContact?: CertificateContactPersonInput | null | undefined;
  /** How control of the domains will be proven. */
  validationMethod?: DomainValidationChoice | null | undefined;
};

/** The applicant information of a paid certificate, as the legacy action takes it. */
export type CertificateInformationSubmitLegacyInput = {
  /** The other domains, for multi-domain products. */
  additionalDomains?: Array<string> | null | undefined;
  /** The administrator. */
  administrator?: CertificateContactPersonInput | null | undefined;
  /** The primary domain; must equal the common name of an uploaded CSR. */
  commonName: string;
  /** Where the CSR comes from; a generated key is always RSA 2048 here. */
  csr: CertificateCsrInput;
  /** The paid certificate ID. */
  id: string | number;
  /** Whether this is a DV certificate (default false). */
  isDomainValidated?: boolean | null | undefined;
  /** The organisation details. */
  organization?: CertificateOrganizationInput | null | undefined;
  /** The contact person. */
  technicalContact?: CertificateContactPersonInput | null | undefined;
  /** How control of the domains will be proven. */
  validationMethod?: DomainValidationChoice | null | undefined;
};

/** The cloud service an uploaded certificate is meant for. */
export type CertificateIntendedUse =
  /** Content Delivery Network. */
  | 'CDN'
  /** Cloud Load Balancer. */
  | 'CLB'
  /** Anti-DDoS. */
  | 'DDOS'
  /** Cloud Streaming Services (live streaming). */
  | 'LIVE'
  /** Web Application Firewall. */
  | 'WAF';

/** How Tencent Cloud generates the key pair and certificate signing request (CSR) for you. */
export type CertificateKeyGenerationInput = {
  /** A password protecting the generated private key; only used by the JKS and PFX download formats. */
  keyPassword?: string | null | undefined;
  /** The key algorithm and size; RSA_2048 when omitted. */
  keyType?: CertificateKeyType | null | undefined;
};

/** The algorithm and size of a key pair Tencent Cloud generates for a certificate. Free certificates accept only RSA_2048 and ECC_P256; SM2 is for Chinese national-cryptography (SM) certificates. */
export type CertificateKeyType =
  /** ECC on the prime256v1 (P-256) curve. */
  | 'ECC_P256'
  /** ECC on the secp384r1 (P-384) curve. */
  | 'ECC_P384'
  /** RSA, 2048 bits (the default). */
  | 'RSA_2048'
  /** RSA, 4096 bits. */
  | 'RSA_4096'
  /** SM2 (Chinese national cryptography). */
  | 'SM2';

/** What happened to a certificate, as its operation log records it. */
export type CertificateOperationType =
  /** The alias (remark) was changed. */
  | 'ALIAS_CHANGED'
  /** A free certificate was applied for. */
  | 'APPLIED'
  /** The order was cancelled. */
  | 'CANCELLED'
  /** A confirmation or revocation letter (template) was downloaded. */
  | 'CONFIRMATION_LETTER_DOWNLOADED'
  /** A confirmation letter was uploaded. */
  | 'CONFIRMATION_LETTER_UPLOADED'
  /** The certificate was deleted. */
  | 'DELETED'
  /** The certificate was deployed to cloud resources (returned by the API though undocumented). */
  | 'DEPLOYED'
  /** Domain validation succeeded. */
  | 'DOMAIN_VALIDATION_PASSED'
  /** The certificate was downloaded. */
  | 'DOWNLOADED'
  /** The download restriction was changed. */
  | 'DOWNLOAD_LIMIT_CHANGED'
  /** The order information was submitted. */
  | 'INFORMATION_SUBMITTED'
  /** The CA issued the certificate. */
  | 'ISSUED'
  /** A multi-year order issued its next certificate. */
  | 'MULTI_YEAR_RENEWED'
  /** A paid certificate was purchased. */
  | 'PAID_PURCHASED'
  /** A paid certificate was renewed. */
  | 'PAID_RENEWED'
  /** The certificate was moved to another project. */
  | 'PROJECT_CHANGED'
  /** The order was refunded. */
  | 'REFUNDED'
  /** The certificate was reissued. */
  | 'REISSUED'
  /** The order information was submitted again. */
  | 'RESUBMITTED'
  /** A revocation request was withdrawn. */
  | 'REVOCATION_CANCELLED'
  /** A revocation letter was uploaded. */
  | 'REVOCATION_LETTER_UPLOADED'
  /** Revocation of the certificate was requested. */
  | 'REVOCATION_REQUESTED'
  /** The certificate was revoked (a value the API returns though its documentation omits it). */
  | 'REVOKED'
  /** A deployment or an update of the certificate was rolled back (not in the documented list). */
  | 'ROLLED_BACK'
  /** The certificate was transferred into the account. */
  | 'TRANSFERRED_IN'
  /** The certificate was transferred out of the account. */
  | 'TRANSFERRED_OUT'
  /** The certificate replaced another where that one was bound, or had its content replaced (not in the documented list). */
  | 'UPDATED'
  /** The certificate was uploaded in the console. */
  | 'UPLOADED'
  /** The certificate was uploaded through the API. */
  | 'UPLOADED_THROUGH_API';

/** Paid certificates to create (or one to renew) with the points of benefit packages. */
export type CertificateOrderCreateByPackageInput = {
  /** How many certificates to create at once (default 1). */
  certificateCount?: number | null | undefined;
  /** The company whose details pre-fill the applicant information. */
  companyId?: string | number | null | undefined;
  /** How many domains each certificate covers. */
  domainCount: number;
  /** The domains to pre-fill, one per certificate created (for batch purchases). */
  domains?: Array<string> | null | undefined;
  /** The manager whose details pre-fill the applicant information. */
  managerId?: string | number | null | undefined;
  /** The benefit packages whose points are consumed. */
  packageIds: Array<string | number>;
  /** The product to create. */
  product: CertificatePackageProduct;
  /** The project to put the certificates in. */
  projectId?: string | number | null | undefined;
  /** Renew this certificate instead of creating a new one. */
  renewal?: CertificateRenewalInput | null | undefined;
  /** Tags to attach to the certificates. */
  tags?: Array<CertificateTagInput> | null | undefined;
  /** How control of the domains will be proven. */
  validationMethod?: DomainValidationChoice | null | undefined;
  /** How many years each certificate is valid for. */
  years: number;
};

/** A paid certificate to buy. */
export type CertificateOrderCreateInput = {
  /** How many domains the certificate covers: 1, or more than 1 for multi-domain products. */
  domainCount: number;
  /** The product to buy. */
  product: CertificateProduct;
  /** Tags to attach to the new certificate. */
  tags?: Array<CertificateTagInput> | null | undefined;
  /** Pay with the account's vouchers where possible (default true). */
  useVouchers?: boolean | null | undefined;
  /** How many years to buy; more than 1 only for products sold for several years. */
  years: number;
};

/** The paid certificate whose order (with its submitted information) goes to the CA. */
export type CertificateOrderSubmitInput = {
  /** With DNS_AUTO: remove the validation record Tencent Cloud added once the certificate is issued (default false). */
  deleteDnsRecordAfterIssue?: boolean | null | undefined;
  /** The paid certificate ID. */
  id: string | number;
  /** How control of the domains is proven (default: the method chosen before). */
  validationMethod?: DomainValidationChoice | null | undefined;
};

/** An organisation's registration document. */
export type CertificateOrganizationDocumentInput = {
  /** The document number. */
  number: string;
  /** The kind of document. */
  type: CertificateOrganizationDocumentType;
};

/** The kind of registration document identifying an organisation. */
export type CertificateOrganizationDocumentType =
  /** Any other registration document. */
  | 'OTHER'
  /** The Chinese unified social credit code (CFCA certificates only). */
  | 'UNIFIED_SOCIAL_CREDIT_CODE';

/** The organisation named in the certificate. Needed when neither a company nor a manager is referenced. */
export type CertificateOrganizationInput = {
  /** The street address. */
  address?: string | null | undefined;
  /** The city. */
  city?: string | null | undefined;
  /** The ISO country code, e.g. `CN`. */
  country?: string | null | undefined;
  /** The department. */
  division?: string | null | undefined;
  /** The company name. */
  name?: string | null | undefined;
  /** The phone area code, e.g. `021` (`86` for a mobile number). */
  phoneAreaCode?: string | null | undefined;
  /** The phone number. */
  phoneNumber?: string | null | undefined;
  /** The postal code; only certificateInformationSubmitLegacy accepts it. */
  postalCode?: string | null | undefined;
  /** The province or state. */
  province?: string | null | undefined;
  /** The registration document; only certificateInformationSubmit accepts it. */
  registrationDocument?: CertificateOrganizationDocumentInput | null | undefined;
};

/** A paid certificate product (brand, validation level and domain coverage) that can be created by consuming benefit-package points. */
export type CertificatePackageProduct =
  /** CFCA EV certificate. */
  | 'CFCA_EV'
  /** CFCA OV certificate. */
  | 'CFCA_OV'
  /** CFCA OV wildcard certificate. */
  | 'CFCA_OV_WILDCARD'
  /** DNSPod AsiaInfo SM2 (Chinese national cryptography) DV certificate. */
  | 'DNSPOD_ASIAINFO_SM2_DV'
  /** DNSPod AsiaInfo SM2 (Chinese national cryptography) DV multi-domain certificate. */
  | 'DNSPOD_ASIAINFO_SM2_DV_MULTI_DOMAIN'
  /** DNSPod AsiaInfo SM2 (Chinese national cryptography) DV wildcard certificate. */
  | 'DNSPOD_ASIAINFO_SM2_DV_WILDCARD'
  /** DNSPod AsiaInfo SM2 (Chinese national cryptography) OV certificate. */
  | 'DNSPOD_ASIAINFO_SM2_OV'
  /** DNSPod AsiaInfo SM2 (Chinese national cryptography) OV multi-domain certificate. */
  | 'DNSPOD_ASIAINFO_SM2_OV_MULTI_DOMAIN'
  /** DNSPod AsiaInfo SM2 (Chinese national cryptography) OV wildcard certificate. */
  | 'DNSPOD_ASIAINFO_SM2_OV_WILDCARD'
  /** DNSPod DV certificate (C1). */
  | 'DNSPOD_DV_C1'
  /** DNSPod DV multi-domain certificate (C1). */
  | 'DNSPOD_DV_MULTI_DOMAIN_C1'
  /** DNSPod DV wildcard certificate. */
  | 'DNSPOD_DV_WILDCARD'
  /** DNSPod EV certificate (C1). */
  | 'DNSPOD_EV_C1'
  /** DNSPod EV multi-domain certificate (C1). */
  | 'DNSPOD_EV_MULTI_DOMAIN_C1'
  /** DNSPod OV certificate (C1). */
  | 'DNSPOD_OV_C1'
  /** DNSPod OV multi-domain certificate (C1). */
  | 'DNSPOD_OV_MULTI_DOMAIN_C1'
  /** DNSPod OV wildcard certificate (C1). */
  | 'DNSPOD_OV_WILDCARD_C1'
  /** DNSPod SM2 (Chinese national cryptography) DV certificate. */
  | 'DNSPOD_SM2_DV'
  /** DNSPod SM2 (Chinese national cryptography) DV multi-domain certificate. */
  | 'DNSPOD_SM2_DV_MULTI_DOMAIN'
  /** DNSPod SM2 (Chinese national cryptography) DV wildcard certificate. */
  | 'DNSPOD_SM2_DV_WILDCARD'
  /** DNSPod SM2 (Chinese national cryptography) EV certificate. */
  | 'DNSPOD_SM2_EV'
  /** DNSPod SM2 (Chinese national cryptography) EV multi-domain certificate. */
  | 'DNSPOD_SM2_EV_MULTI_DOMAIN'
  /** DNSPod SM2 (Chinese national cryptography) OV certificate. */
  | 'DNSPOD_SM2_OV'
  /** DNSPod SM2 (Chinese national cryptography) OV multi-domain certificate. */
  | 'DNSPOD_SM2_OV_MULTI_DOMAIN'
  /** DNSPod SM2 (Chinese national cryptography) OV wildcard certificate. */
  | 'DNSPOD_SM2_OV_WILDCARD'
  /** GeoTrust EV certificate. */
  | 'GEOTRUST_EV'
  /** GeoTrust EV multi-domain certificate. */
  | 'GEOTRUST_EV_MULTI_DOMAIN'
  /** GeoTrust OV certificate. */
  | 'GEOTRUST_OV'
  /** GeoTrust OV wildcard certificate. */
  | 'GEOTRUST_OV_WILDCARD'
  /** GlobalSign EV certificate. */
  | 'GLOBALSIGN_EV'
  /** GlobalSign EV multi-domain certificate. */
  | 'GLOBALSIGN_EV_MULTI_DOMAIN'
  /** GlobalSign OV certificate. */
  | 'GLOBALSIGN_OV'
  /** GlobalSign OV multi-domain certificate. */
  | 'GLOBALSIGN_OV_MULTI_DOMAIN'
  /** GlobalSign OV multi-domain wildcard certificate. */
  | 'GLOBALSIGN_OV_MULTI_WILDCARD'
  /** GlobalSign OV wildcard certificate. */
  | 'GLOBALSIGN_OV_WILDCARD'
  /** SecureSite EV certificate. */
  | 'SECURESITE_EV'
  /** SecureSite EV multi-domain certificate. */
  | 'SECURESITE_EV_MULTI_DOMAIN'
  /** SecureSite Pro EV certificate. */
  | 'SECURESITE_EV_PRO'
  /** SecureSite Pro EV multi-domain certificate. */
  | 'SECURESITE_EV_PRO_MULTI_DOMAIN'
  /** SecureSite OV certificate. */
  | 'SECURESITE_OV'
  /** SecureSite OV multi-domain certificate. */
  | 'SECURESITE_OV_MULTI_DOMAIN'
  /** SecureSite Pro OV certificate. */
  | 'SECURESITE_OV_PRO'
  /** SecureSite Pro OV multi-domain certificate. */
  | 'SECURESITE_OV_PRO_MULTI_DOMAIN'
  /** SecureSite OV wildcard certificate. */
  | 'SECURESITE_OV_WILDCARD'
  /** TrustAsia DV multi-domain certificate. */
  | 'TRUSTASIA_DV_MULTI_DOMAIN'
  /** TrustAsia DV multi-domain wildcard certificate. */
  | 'TRUSTASIA_DV_MULTI_WILDCARD'
  /** TrustAsia DV wildcard certificate. */
  | 'TRUSTASIA_DV_WILDCARD'
  /** TrustAsia EV certificate. */
  | 'TRUSTASIA_EV'
  /** TrustAsia EV multi-domain certificate. */
  | 'TRUSTASIA_EV_MULTI_DOMAIN'
  /** TrustAsia OV certificate. */
  | 'TRUSTASIA_OV'
  /** TrustAsia OV multi-domain certificate. */
  | 'TRUSTASIA_OV_MULTI_DOMAIN'
  /** TrustAsia OV multi-domain wildcard certificate. */
  | 'TRUSTASIA_OV_MULTI_WILDCARD'
  /** TrustAsia OV wildcard certificate. */
  | 'TRUSTASIA_OV_WILDCARD'
  /** WoTrus DV certificate. */
  | 'WOTRUS_DV'
  /** WoTrus DV multi-domain certificate. */
  | 'WOTRUS_DV_MULTI_DOMAIN'
  /** WoTrus DV wildcard certificate. */
  | 'WOTRUS_DV_WILDCARD'
  /** WoTrus EV certificate. */
  | 'WOTRUS_EV'
  /** WoTrus EV multi-domain certificate. */
  | 'WOTRUS_EV_MULTI_DOMAIN'
  /** WoTrus OV certificate. */
  | 'WOTRUS_OV'
  /** WoTrus OV multi-domain certificate. */
  | 'WOTRUS_OV_MULTI_DOMAIN'
  /** WoTrus OV wildcard certificate. */
  | 'WOTRUS_OV_WILDCARD';

/** A person's identity document (CFCA certificates only). */
export type CertificatePersonDocumentInput = {
  /** The document number. */
  number: string;
  /** The kind of document. */
  type: CertificatePersonDocumentType;
};

/** The kind of identity document of a person (CFCA certificates only). */
export type CertificatePersonDocumentType =
  /** A Chinese resident identity card. */
  | 'ID_CARD'
  /** A passport. */
  | 'PASSPORT';

/** A paid certificate product (brand, validation level and domain coverage) that can be bought with money. */
export type CertificateProduct =
  /** CFCA EV certificate. One-year orders only. */
  | 'CFCA_EV'
  /** CFCA OV certificate. */
  | 'CFCA_OV'
  /** CFCA OV multi-domain certificate. One-year orders only. */
  | 'CFCA_OV_MULTI_DOMAIN'
  /** CFCA OV wildcard certificate. One-year orders only. */
  | 'CFCA_OV_WILDCARD'
  /** DNSPod DV certificate. */
  | 'DNSPOD_DV'
  /** DNSPod DV multi-domain certificate. */
  | 'DNSPOD_DV_MULTI_DOMAIN'
  /** DNSPod DV wildcard certificate. */
  | 'DNSPOD_DV_WILDCARD'
  /** DNSPod EV certificate. */
  | 'DNSPOD_EV'
  /** DNSPod EV multi-domain certificate. */
  | 'DNSPOD_EV_MULTI_DOMAIN'
  /** DNSPod OV certificate. */
  | 'DNSPOD_OV'
  /** DNSPod OV multi-domain certificate. */
  | 'DNSPOD_OV_MULTI_DOMAIN'
  /** DNSPod OV wildcard certificate. */
  | 'DNSPOD_OV_WILDCARD'
  /** DNSPod SM2 (Chinese national cryptography) DV certificate. */
  | 'DNSPOD_SM2_DV'
  /** DNSPod SM2 (Chinese national cryptography) DV multi-domain certificate. */
  | 'DNSPOD_SM2_DV_MULTI_DOMAIN'
  /** DNSPod SM2 (Chinese national cryptography) DV wildcard certificate. */
  | 'DNSPOD_SM2_DV_WILDCARD'
  /** DNSPod SM2 (Chinese national cryptography) OV certificate. */
  | 'DNSPOD_SM2_OV'
  /** DNSPod SM2 (Chinese national cryptography) OV multi-domain certificate. */
  | 'DNSPOD_SM2_OV_MULTI_DOMAIN'
  /** DNSPod SM2 (Chinese national cryptography) OV wildcard certificate. */
  | 'DNSPOD_SM2_OV_WILDCARD'
  /** GeoTrust EV certificate. */
  | 'GEOTRUST_EV'
  /** GeoTrust EV certificate (product code 80; the catalogue lists it under the same name as GEOTRUST_EV). */
  | 'GEOTRUST_EV_80'
  /** GeoTrust EV multi-domain certificate. */
  | 'GEOTRUST_EV_MULTI_DOMAIN'
  /** GeoTrust EV multi-domain certificate (product code 91; the catalogue lists it under the same name as GEOTRUST_EV_MULTI_DOMAIN). */
  | 'GEOTRUST_EV_MULTI_DOMAIN_91'
  /** GeoTrust OV certificate. */
  | 'GEOTRUST_OV'
  /** GeoTrust OV certificate (product code 78; the catalogue lists it under the same name as GEOTRUST_OV). */
  | 'GEOTRUST_OV_78'
  /** GeoTrust OV wildcard certificate. */
  | 'GEOTRUST_OV_WILDCARD'
  /** GeoTrust OV wildcard certificate (product code 79; the catalogue lists it under the same name as GEOTRUST_OV_WILDCARD). */
  | 'GEOTRUST_OV_WILDCARD_79'
  /** GlobalSign EV certificate. */
  | 'GLOBALSIGN_EV'
  /** GlobalSign EV certificate (product code 85; the catalogue lists it under the same name as GLOBALSIGN_EV). */
  | 'GLOBALSIGN_EV_85'
  /** GlobalSign EV multi-domain certificate. */
  | 'GLOBALSIGN_EV_MULTI_DOMAIN'
  /** GlobalSign EV multi-domain certificate (product code 90; the catalogue lists it under the same name as GLOBALSIGN_EV_MULTI_DOMAIN). */
  | 'GLOBALSIGN_EV_MULTI_DOMAIN_90'
  /** GlobalSign OV certificate. */
  | 'GLOBALSIGN_OV'
  /** GlobalSign OV certificate (product code 81; the catalogue lists it under the same name as GLOBALSIGN_OV). */
  | 'GLOBALSIGN_OV_81'
  /** GlobalSign OV multi-domain certificate. */
  | 'GLOBALSIGN_OV_MULTI_DOMAIN'
  /** GlobalSign OV multi-domain certificate (product code 89; the catalogue lists it under the same name as GLOBALSIGN_OV_MULTI_DOMAIN). */
  | 'GLOBALSIGN_OV_MULTI_DOMAIN_89'
  /** GlobalSign OV multi-domain wildcard certificate. */
  | 'GLOBALSIGN_OV_MULTI_WILDCARD'
  /** GlobalSign OV multi-domain wildcard certificate (product code 88; the catalogue lists it under the same name as GLOBALSIGN_OV_MULTI_WILDCARD). */
  | 'GLOBALSIGN_OV_MULTI_WILDCARD_88'
  /** GlobalSign OV wildcard certificate. */
  | 'GLOBALSIGN_OV_WILDCARD'
  /** GlobalSign OV wildcard certificate (product code 82; the catalogue lists it under the same name as GLOBALSIGN_OV_WILDCARD). */
  | 'GLOBALSIGN_OV_WILDCARD_82'
  /** Rapid DV certificate. */
  | 'RAPID_DV'
  /** Rapid DV wildcard certificate. */
  | 'RAPID_DV_WILDCARD'
  /** SecureSite EV certificate. */
  | 'SECURESITE_EV'
  /** SecureSite EV certificate (product code 77; the catalogue lists it under the same name as SECURESITE_EV). */
  | 'SECURESITE_EV_77'
  /** SecureSite EV multi-domain certificate. */
  | 'SECURESITE_EV_MULTI_DOMAIN'
  /** SecureSite EV multi-domain certificate (product code 95; the catalogue lists it under the same name as SECURESITE_EV_MULTI_DOMAIN). */
  | 'SECURESITE_EV_MULTI_DOMAIN_95'
  /** SecureSite Pro EV certificate. */
  | 'SECURESITE_EV_PRO'
  /** SecureSite Pro EV certificate (product code 96; the catalogue lists it under the same name as SECURESITE_EV_PRO). */
  | 'SECURESITE_EV_PRO_96'
  /** SecureSite Pro EV multi-domain certificate. */
  | 'SECURESITE_EV_PRO_MULTI_DOMAIN'
  /** SecureSite Pro EV multi-domain certificate (product code 94; the catalogue lists it under the same name as SECURESITE_EV_PRO_MULTI_DOMAIN). */
  | 'SECURESITE_EV_PRO_MULTI_DOMAIN_94'
  /** SecureSite OV certificate. */
  | 'SECURESITE_OV'
  /** SecureSite OV certificate (product code 75; the catalogue lists it under the same name as SECURESITE_OV). */
  | 'SECURESITE_OV_75'
  /** SecureSite OV multi-domain certificate. */
  | 'SECURESITE_OV_MULTI_DOMAIN'
  /** SecureSite OV multi-domain certificate (product code 93; the catalogue lists it under the same name as SECURESITE_OV_MULTI_DOMAIN). */
  | 'SECURESITE_OV_MULTI_DOMAIN_93'
  /** SecureSite Pro OV certificate. */
  | 'SECURESITE_OV_PRO'
  /** SecureSite Pro OV certificate (product code 97; the catalogue lists it under the same name as SECURESITE_OV_PRO). */
  | 'SECURESITE_OV_PRO_97'
  /** SecureSite Pro OV multi-domain certificate. */
  | 'SECURESITE_OV_PRO_MULTI_DOMAIN'
  /** SecureSite Pro OV multi-domain certificate (product code 92; the catalogue lists it under the same name as SECURESITE_OV_PRO_MULTI_DOMAIN). */
  | 'SECURESITE_OV_PRO_MULTI_DOMAIN_92'
  /** SecureSite OV wildcard certificate. */
  | 'SECURESITE_OV_WILDCARD'
  /** SecureSite OV wildcard certificate (product code 76; the catalogue lists it under the same name as SECURESITE_OV_WILDCARD). */
  | 'SECURESITE_OV_WILDCARD_76'
  /** SSL single-domain certificate (one year). */
  | 'SSL_SINGLE_DOMAIN_ONE_YEAR'
  /** TrustAsia DV multi-domain certificate. */
  | 'TRUSTASIA_DV_MULTI_DOMAIN'
  /** TrustAsia DV multi-domain wildcard certificate. */
  | 'TRUSTASIA_DV_MULTI_WILDCARD'
  /** TrustAsia DV single-domain certificate. */
  | 'TRUSTASIA_DV_SINGLE_DOMAIN'
  /** TrustAsia DV wildcard certificate. */
  | 'TRUSTASIA_DV_WILDCARD'
  /** TrustAsia EV certificate (D3). */
  | 'TRUSTASIA_EV_D3'
  /** TrustAsia EV multi-domain certificate (D3). */
  | 'TRUSTASIA_EV_MULTI_DOMAIN_D3'
  /** TrustAsia OV certificate (D3). */
  | 'TRUSTASIA_OV_D3'
  /** TrustAsia OV multi-domain certificate (D3). */
  | 'TRUSTASIA_OV_MULTI_DOMAIN_D3'
  /** TrustAsia OV multi-domain wildcard certificate (D3). */
  | 'TRUSTASIA_OV_MULTI_WILDCARD_D3'
  /** TrustAsia OV wildcard certificate (D3). */
  | 'TRUSTASIA_OV_WILDCARD_D3'
  /** WoTrus DV certificate. */
  | 'WOTRUS_DV'
  /** WoTrus DV multi-domain certificate. */
  | 'WOTRUS_DV_MULTI_DOMAIN'
  /** WoTrus DV wildcard certificate. */
  | 'WOTRUS_DV_WILDCARD'
  /** WoTrus EV certificate. */
  | 'WOTRUS_EV'
  /** WoTrus EV multi-domain certificate. */
  | 'WOTRUS_EV_MULTI_DOMAIN'
  /** WoTrus OV certificate. */
  | 'WOTRUS_OV'
  /** WoTrus OV multi-domain certificate. */
  | 'WOTRUS_OV_MULTI_DOMAIN'
  /** WoTrus OV wildcard certificate. */
  | 'WOTRUS_OV_WILDCARD'
  /** WoTrus SM2 (Chinese national cryptography) DV certificate. */
  | 'WOTRUS_SM2_DV'
  /** WoTrus SM2 (Chinese national cryptography) DV multi-domain certificate. */
  | 'WOTRUS_SM2_DV_MULTI_DOMAIN'
  /** WoTrus SM2 (Chinese national cryptography) DV wildcard certificate. */
  | 'WOTRUS_SM2_DV_WILDCARD'
  /** WoTrus SM2 (Chinese national cryptography) EV certificate. */
  | 'WOTRUS_SM2_EV'
  /** WoTrus SM2 (Chinese national cryptography) EV multi-domain certificate. */
  | 'WOTRUS_SM2_EV_MULTI_DOMAIN'
  /** WoTrus SM2 (Chinese national cryptography) OV certificate. */
  | 'WOTRUS_SM2_OV'
  /** WoTrus SM2 (Chinese national cryptography) OV multi-domain certificate. */
  | 'WOTRUS_SM2_OV_MULTI_DOMAIN'
  /** WoTrus SM2 (Chinese national cryptography) OV wildcard certificate. */
  | 'WOTRUS_SM2_OV_WILDCARD';

/** Certificates to move to another project. */
export type CertificateProjectUpdateInput = {
  /** The certificate IDs (at most 100). */
  ids: Array<string | number>;
  /** The project to move them to (`0` is the default project). */
  projectId: string | number;
};

/** The issued certificate to reissue, and how. A free certificate can be reissued once, RSA 2048 only. */
export type CertificateReissueInput = {
  /** A new CSR or key pair; the original CSR (and key) is reused when omitted. */
  csr?: CertificateCsrInput | null | undefined;
  /** The certificate ID. */
  id: string | number;
  /** Why the certificate is reissued. */
  reason?: string | null | undefined;
  /** How control of the domains is proven for the reissue. */
  validationMethod: DomainValidationChoice;
};

/** The certificate a package order renews, and the key pair of the renewal. */
export type CertificateRenewalInput = {
  /** The certificate to renew. */
  certificateId: string | number;
  /** A new CSR or key pair for the renewal; the original CSR is reused when omitted. */
  csr?: CertificateCsrInput | null | undefined;
};

/** The signed revocation letter of an OV/EV certificate. */
export type CertificateRevocationLetterUploadInput = {
  /** The certificate ID. */
  id: string | number;
  /** The letter file, base64-encoded: JPEG, PNG or PDF, between 1 KB and 1.4 MB. */
  letter: string;
};

/** The certificate to revoke, and why. */
export type CertificateRevokeInput = {
  /** The certificate ID. */
  id: string | number;
  /** Why the certificate is revoked. */
  reason?: string | null | undefined;
};

/** The certificate to act on. */
export type CertificateSelectorInput = {
  /** The certificate ID. */
  id: string | number;
};

/** Where a certificate comes from. */
export type CertificateSource =
  /** Issued through SHECA (Shanghai CA). */
  | 'SHECA'
  /** Issued through TrustAsia. */
  | 'TRUSTASIA'
  /** Uploaded by the user. */
  | 'UPLOAD'
  /** Issued through WoSign / WoTrus. */
  | 'WOSIGN';

/** Where a certificate is in its life cycle (the SSL API certificate status 0..15). */
export type CertificateStatus =
  /** The order has been cancelled. */
  | 'CANCELLED'
  /** The order is being cancelled. */
  | 'CANCELLING'
  /** The information is submitted; a confirmation letter must be uploaded. */
  | 'CONFIRMATION_LETTER_REQUIRED'
  /** The DNS validation record has been added. */
  | 'DNS_RECORD_ADDED'
  /** An enterprise (OV/EV) certificate waiting for the applicant information to be submitted. */
  | 'ENTERPRISE_INFORMATION_REQUIRED'
  /** The certificate has expired. */
  | 'EXPIRED'
  /** A free certificate waiting for its information to be submitted. */
  | 'FREE_CERTIFICATE_INFORMATION_REQUIRED'
  /** Approved and issued. */
  | 'ISSUED'
  /** The certificate is being migrated. */
  | 'MIGRATING'
  /** The certificate has been refunded. */
  | 'REFUNDED'
  /** The certificate is being reissued. */
  | 'REISSUING'
  /** The order is being reviewed. */
  | 'REVIEWING'
  /** The review failed. */
  | 'REVIEW_FAILED'
  /** A revocation confirmation letter must be uploaded. */
  | 'REVOCATION_LETTER_REQUIRED'
  /** The certificate has been revoked. */
  | 'REVOKED'
  /** The certificate is being revoked. */
  | 'REVOKING';

/** A tag (key/value pair) to attach to a certificate. */
export type CertificateTagInput = {
  /** The tag key. */
  key: string;
  /** The tag value. */
  value: string;
};

/** What a certificate is used for. */
export type CertificateType =
  /** A client or CA certificate. */
  | 'CLIENT_CA'
  /** A server (TLS) certificate. */
  | 'SERVER';

/** Your own certificate to upload, with its private key. */
export type CertificateUploadInput = {
  /** A remark name for the certificate. */
  alias?: string | null | undefined;
  /** Upload even when an identical certificate (same fingerprint) is already in the account (default true). When false, the existing certificate is returned instead. */
  allowDuplicate?: boolean | null | undefined;
  /** The certificate in PEM form, followed by its chain. */
  certificatePem: string;
  /** A server certificate (default) or a client/CA certificate. */
  certificateType?: CertificateType | null | undefined;
  /** The cloud service it is meant for. */
  intendedUse?: CertificateIntendedUse | null | undefined;
  /** The private key in PEM form; required for a server certificate. It is stored by Tencent Cloud and never returned by this mutation. */
  privateKeyPem?: string | null | undefined;
  /** The project to put the certificate in. */
  projectId?: string | number | null | undefined;
  /** Tags to attach to the certificate. */
  tags?: Array<CertificateTagInput> | null | undefined;
};

/** How thoroughly the CA checked the applicant before issuing the certificate. */
export type CertificateValidationLevel =
  /** Domain validated: only control of the domain is checked. */
  | 'DV'
  /** Extended validation: the most thorough organisation check. */
  | 'EV'
  /** Organisation validated: the organisation is checked as well. */
  | 'OV';

/** Which certificates to delete, and whether to check their bindings first. */
export type CertificatesDeleteInput = {
  /** Check each certificate is bound to no cloud resource, then delete it in the background (default false): follow `tasks`. Needs the service role SSL_QCSLinkedRoleInReplaceLoadCertificate. Without it, the certificates are deleted at once where possible and the rest reported in `failures`. */
  async?: boolean | null | undefined;
  /** The certificate IDs (at most 100). */
  ids: Array<string | number>;
};

/** Where the deployment (or rollback) of a certificate to one instance stands. */
export type DeployInstanceStatus =
  /** Being deployed now. */
  | 'DEPLOYING'
  /** Deploying to the instance failed (see the error message). */
  | 'FAILED'
  /** The instance had no resource to deploy to, so nothing was deployed (the deploy-status scale the SSL API documents for update records, which deploy records share). Finished: it never holds the record running. The record's progress shows it as Tencent Cloud's counts do; they have none for it (success, failure, deploying), so it may be in `total` alone. */
  | 'NO_RESOURCE'
  /** Waiting to start. */
  | 'PENDING'
  /** Rolling the instance back failed. */
  | 'ROLLBACK_FAILED'
  /** Rolled back: the instance serves its previous certificate again. */
  | 'ROLLBACK_SUCCEEDED'
  /** The certificate was deployed to the instance. */
  | 'SUCCEEDED';

/** Which finished deployment to retry: every failed instance of it, or one. */
export type DeployRecordRetryInput = {
  /** The deploy record. */
  deployRecordId: string | number;
  /** Retry only this instance of the record (a `DeployRecordInstance.id`); without it, every failed instance. An entry of another record is refused (INSTANCE_ENTRY_NOT_IN_RECORD), as is any entry when the record does not exist (RECORD_NOT_FOUND). */
  instanceEntryId?: string | number | null | undefined;
};

/** Which deployment to roll back. */
export type DeployRecordRollbackInput = {
  /** A finished deploy record with successful instances, not a rollback and not yet rolled back. */
  deployRecordId: string | number;
};

/** The certificate authority's validation of a domain. */
export type DomainValidationCaCheck =
  /** The CA has not validated the domain (yet). */
  | 'NOT_PASSED'
  /** The CA has validated the domain. */
  | 'PASSED';

/** The domain control validation methods an application can choose (a certificate reports its own as a DomainValidationMethod, which has more values). */
export type DomainValidationChoice =
  /** You add the DNS validation record the order hands out. */
  | 'DNS'
  /** Tencent Cloud adds the DNS validation record itself; the domain must be hosted in Tencent Cloud DNS under the same account. */
  | 'DNS_AUTO'
  /** You publish a validation file under the site root, reachable over HTTP or HTTPS from the CA (its addresses 64.78.193.238, 216.168.247.9, 216.168.249.9 and 54.189.196.217 must not be blocked). */
  | 'FILE';

/** How the control of a domain is proven to the CA (domain control validation). */
export type DomainValidationMethod =
  /** Manual DNS validation: the applicant adds the DNS record. */
  | 'DNS'
  /** Automatic DNS validation: Tencent Cloud adds the record itself (domain on Tencent Cloud DNS). */
  | 'DNS_AUTO'
  /** DNS validation through a proxy (delegated) record. */
  | 'DNS_PROXY'
  /** E-mail validation: the domain administrator confirms by e-mail. */
  | 'EMAIL'
  /** File validation: the applicant serves a file on the domain. */
  | 'FILE'
  /** File validation through a proxy (delegated) file. */
  | 'FILE_PROXY';

/** What kind of record proves control of a domain. */
export type DomainValidationRecordKind =
  /** A DNS CNAME record. */
  | 'CNAME'
  /** A file served over HTTP(S) at a given path. */
  | 'FILE'
  /** A DNS TXT record. */
  | 'TXT';

/** The kinds of long-running jobs, for `Query.job` and `Subscription.jobProgress`. */
export type JobKind =
  /** Finding the cloud resources a certificate is bound to (a `BindResourceTask`). */
  | 'BIND_RESOURCE_TASK'
  /** Deleting a certificate after checking it is bound to no cloud resource (a `CertificateDeleteTask`). */
  | 'CERTIFICATE_DELETE_TASK'
  /** Deploying a certificate to chosen cloud resources (a `DeployRecord`). */
  | 'DEPLOY_RECORD'
  /** Replacing an old certificate with a new one everywhere it is bound (an `UpdateRecord`). */
  | 'UPDATE_RECORD'
  /** Replacing a certificate by uploading new content under the same certificate ID (an `UploadUpdateRecord`). */
  | 'UPLOAD_UPDATE_RECORD';

/** Where a job is, whatever its kind. Every status other than PENDING and RUNNING is final. A status always describes the job's own units of work, the same way for every kind. A rollback is a job of its own: it ends ROLLED_BACK once it has put every unit back, and PARTIALLY_FAILED or FAILED like any other job when it could not. Deployments and updates are rolled back by a new record, and the record rolled back keeps the status it finished with; a content replacement's rollback is the latest run of the same record, whose status is then the rollback's. */
export type JobStatus =
  /** Finished; nothing succeeded (the job says why). */
  | 'FAILED'
  /** Finished; some units of work succeeded and some failed (see the job for which). */
  | 'PARTIALLY_FAILED'
  /** Accepted; no unit of work has started yet. */
  | 'PENDING'
  /** Finished; the job is a rollback (for a content replacement, its latest run is) and every unit of work serves again what it served before. */
  | 'ROLLED_BACK'
  /** At least one unit of work is still in progress. */
  | 'RUNNING'
  /** Finished; every unit of work succeeded (a rollback that did is ROLLED_BACK instead). */
  | 'SUCCEEDED';

/** Asks for a job once it is finished, or after `timeoutSeconds` in whatever state it is then. Waiting requests for one job share one upstream poll. A value out of range refuses the whole operation (BAD_USER_INPUT) before any of it runs, so a mutation whose payload is asked to wait too long starts nothing. A wait that fails once running (a poll refused by the rate limit, or failed) still answers with the job, as read after the failure, and adds a JOB_WAIT_FAILED error naming it (`jobKind`, `jobId`, the cause in `causeCode`, `retryable`: whether waiting again may work) beside the data; a job that cannot be read then either is null (left out of a list) with that error. */
export type JobWaitInput = {
  /** How often to look at the job, in milliseconds, at most 60000; the gateway enforces a minimum to protect rate limits. */
  pollIntervalMs?: number | null | undefined;
  /** How long to wait at most, 0 to 60 seconds. */
  timeoutSeconds: number;
};

/** The HTTPS state of a live-streaming domain. */
export type LiveHttpsStatus =
  /** A certificate is configured but HTTPS is switched off. */
  | 'DISABLED'
  /** HTTPS is switched on. */
  | 'ENABLED'
  /** The domain has no certificate. */
  | 'NO_CERTIFICATE';

/** Which manager to submit for review. */
export type ManagerAuditSubmitInput = {
  /** The manager ID. */
  id: string | number;
};

/** Which manager to delete. */
export type ManagerDeleteInput = {
  /** The manager ID. */
  id: string | number;
};

/** Where a company manager is in its review: managers are the applicant contacts that organisation- and extended-validation (OV/EV) certificates are ordered with. */
export type ManagerStatus =
  /** The manager is approved: certificates can be ordered with it without a new review. */
  | 'APPROVED'
  /** The certificate authority is reviewing the manager, after TrustAsia approved it. */
  | 'CA_REVIEWING'
  /** The approval has expired; the manager can be re-verified. */
  | 'EXPIRED'
  /** The approval expires soon; the manager can be re-verified. */
  | 'EXPIRING'
  /** The manager has never been submitted for review. */
  | 'NOT_SUBMITTED'
  /** The review failed; the manager can be submitted again. */
  | 'REJECTED'
  /** TrustAsia is reviewing the manager. */
  | 'REVIEWING';

/** Where a manager's verification for one validation level (OV or EV) stands. */
export type ManagerVerificationStatus =
  /** In force (a value the API returns though its documentation omits it: its own DescribeManagerDetail example shows it). */
  | 'ACTIVE'
  /** The verification is complete and in force. */
  | 'COMPLETED'
  /** The verification has expired. */
  | 'EXPIRED'
  /** The verification expires soon. */
  | 'EXPIRING'
  /** The verification failed. */
  | 'INVALID'
  /** Submitted and waiting for, or under, review. */
  | 'PENDING'
  /** Passed on to the certificate authority for its review. */
  | 'SUBMITTED';

/** The validation level a manager is verified for. */
export type ManagerVerificationType =
  /** Extended validation (EV certificates). */
  | 'EV'
  /** Organisation validation (OV certificates). */
  | 'OV';

/** Which manager to re-verify. */
export type ManagerVerifyInput = {
  /** The manager ID. */
  id: string | number;
};

/** Which packages to list; conditions given together must all hold. */
export type PackageFilter = {
  /** Only packages in this status. */
  status?: PackageStatus | null | undefined;
  /** Only packages of this size. */
  type?: PackageType | null | undefined;
};

/** Whether the points of a benefit package can still be spent. */
export type PackageStatus =
  /** The package has expired; its remaining points are lost. */
  | 'EXPIRED'
  /** The package was refunded. */
  | 'REFUNDED'
  /** Points can be spent from the package. */
  | 'USABLE'
  /** Every point has been spent. */
  | 'USED';

/** The size of a benefit package, in certificate points. */
export type PackageType =
  /** A package of 100 certificate points. */
  | 'POINTS_100'
  /** A package of 500 certificate points. */
  | 'POINTS_500'
  /** A package of 2000 certificate points. */
  | 'POINTS_2000';

/** A new certificate uploaded with the replacement, instead of naming one already in the account. */
export type ReplacementCertificateUploadInput = {
  /** Whether the uploaded certificate may be downloaded (default true). */
  allowDownload?: boolean | null | undefined;
  /** Whether to upload the certificate even if an identical one is in the account (default false: the existing one is used). */
  allowDuplicate?: boolean | null | undefined;
  /** The certificate (and chain) in PEM format. */
  certificatePem: string;
  /** Its private key in PEM format. */
  privateKeyPem: string;
  /** The project the uploaded certificate joins (default: the default project). */
  projectId?: string | number | null | undefined;
  /** Tags for the uploaded certificate. */
  tags?: Array<CertificateTagInput> | null | undefined;
};

/** A kind of Tencent Cloud resource a certificate can be deployed to. */
export type ResourceType =
  /** API Gateway services and their custom domains. */
  | 'APIGATEWAY'
  /** Content Delivery Network (CDN) acceleration domains. */
  | 'CDN'
  /** Cloud Load Balancer (CLB) load balancers. */
  | 'CLB'
  /** Cloud Object Storage (COS) bucket custom domains. */
  | 'COS'
  /** Anti-DDoS (BGP Anti-DDoS Advanced) instances and their domains. */
  | 'DDOS'
  /** Lighthouse lightweight application servers. */
  | 'LIGHTHOUSE'
  /** Cloud Streaming Services (CSS, live streaming) domains. */
  | 'LIVE'
  /** CloudBase (TCB) environments and their domains. */
  | 'TCB'
  /** EdgeOne (TEO) sites and their acceleration domains. */
  | 'TEO'
  /** Tencent Kubernetes Engine (TKE) clusters and their TLS secrets. */
  | 'TKE'
  /** Tencent Service Engine (TSE) cloud-native gateways. */
  | 'TSE'
  /** Video on Demand (VOD) domains. */
  | 'VOD'
  /** Web Application Firewall (WAF) protected domains. */
  | 'WAF';

/** Which update to retry: every failed instance, or only one. */
export type UpdateRecordRetryInput = {
  /** The update record ID. */
  id: string | number;
  /** Retry only this instance of the record (`UpdateRecordInstance.id`); default: every failed one. An instance of another record is refused (INSTANCE_ENTRY_NOT_IN_RECORD), as is any instance when the record does not exist (RECORD_NOT_FOUND). */
  instanceId?: string | number | null | undefined;
};

/** Which update to roll back. */
export type UpdateRecordRollbackInput = {
  /** The update record ID. */
  id: string | number;
};

/** The regions in which to update one regional resource type. */
export type UpdateResourceRegionsInput = {
  /** The regions, e.g. `["ap-guangzhou", "ap-shanghai"]`; one that is not among the API's regions is refused (`INVALID_REGION`) before anything is sent. */
  regions: Array<string>;
  /** A regional resource type (CLB, WAF, APIGATEWAY, TKE, TCB, TSE or COS). */
  resourceType: ResourceType;
};

/** Where a certificate update stands, for one resource instance or a whole record (the SSL API deploy record status 0..6). */
export type UpdateStatus =
  /** The update is in progress. */
  | 'DEPLOYING'
  /** The update failed (see the error message where there is one). */
  | 'FAILED'
  /** There was no resource to update, so nothing was deployed. */
  | 'NO_RESOURCE'
  /** Waiting to start. */
  | 'PENDING'
  /** Rolling the update back failed. */
  | 'ROLLBACK_FAILED'
  /** The update was rolled back. */
  | 'ROLLBACK_SUCCEEDED'
  /** The certificate was updated. */
  | 'SUCCEEDED';

/** What a run of a content replacement does. */
export type UploadUpdatePhaseKind =
  /** Deploying the new content to the resources. */
  | 'DEPLOYMENT'
  /** Rolling the deployment back (the previous content restored). */
  | 'ROLLBACK';

/** Which content replacement to retry: every failed instance, or only one. */
export type UploadUpdateRecordRetryInput = {
  /** The content replacement record ID. */
  id: string | number;
  /** Retry only this instance (`UploadUpdateRecordInstance.id`); default: every failed one of the record. An instance of another record is refused (INSTANCE_ENTRY_NOT_IN_RECORD), as is any instance when the record does not exist (RECORD_NOT_FOUND). */
  instanceId?: string | number | null | undefined;
};

/** Which content replacement to roll back. */
export type UploadUpdateRecordRollbackInput = {
  /** The content replacement record ID. */
  id: string | number;
};

export type CertificateByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type CertificateByIdQuery = { certificate: { id: string, alias: string | null, domain: string, domains: Array<string>, status: CertificateStatus | null, statusMessage: string | null, source: CertificateSource | null, certificateType: CertificateType | null, packageType: string | null, productName: string | null, projectId: string, beginsAt: string | null, expiresAt: string | null, createdAt: string | null, daysUntilExpiry: number | null, isExpiring: boolean, isDeployable: boolean, isExpiringNotificationEnabled: boolean, isRenewable: boolean, isVip: boolean, isDv: boolean, isWildcard: boolean, tags: Array<{ key: string, value: string }> } | null };

export type CertificateFieldsFragment = { id: string, alias: string | null, domain: string, domains: Array<string>, status: CertificateStatus | null, statusMessage: string | null, source: CertificateSource | null, certificateType: CertificateType | null, packageType: string | null, productName: string | null, projectId: string, beginsAt: string | null, expiresAt: string | null, createdAt: string | null, daysUntilExpiry: number | null, isExpiring: boolean, isDeployable: boolean, isExpiringNotificationEnabled: boolean, isRenewable: boolean, isVip: boolean, isDv: boolean, isWildcard: boolean, tags: Array<{ key: string, value: string }> };

export type CertificateSummariesQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type CertificateSummariesQuery = { certificates: { totalCount: number, edges: Array<{ node: { id: string, domain: string, status: CertificateStatus | null } }> } };

export type CertificateTimesQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type CertificateTimesQuery = { certificates: { edges: Array<{ node: { id: string, beginsAt: string | null, expiresAt: string | null, daysUntilExpiry: number | null } }> } };

export type CertificatesPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CertificatesPageQuery = { certificates: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, alias: string | null, domain: string, domains: Array<string>, status: CertificateStatus | null, statusMessage: string | null, source: CertificateSource | null, certificateType: CertificateType | null, packageType: string | null, productName: string | null, projectId: string, beginsAt: string | null, expiresAt: string | null, createdAt: string | null, daysUntilExpiry: number | null, isExpiring: boolean, isDeployable: boolean, isExpiringNotificationEnabled: boolean, isRenewable: boolean, isVip: boolean, isDv: boolean, isWildcard: boolean, tags: Array<{ key: string, value: string }> } }> } };

export type CoverageCompaniesWithManagersQueryVariables = Exact<{
  first: number;
}>;


export type CoverageCompaniesWithManagersQuery = { companies: { totalCount: number, edges: Array<{ node: { id: string, name: string, managers: { totalCount: number, edges: Array<{ node: { id: string, status: ManagerStatus | null, email: string } }> } } }> } };

export type CoverageManagerQueryVariables = Exact<{
  id: string | number;
}>;


export type CoverageManagerQuery = { manager: { id: string, firstName: string, lastName: string, status: ManagerStatus | null, company: { id: string, name: string }, verifications: Array<{ type: ManagerVerificationType | null, status: ManagerVerificationStatus | null }> } | null };

export type CoveragePackagesQueryVariables = Exact<{
  filter?: PackageFilter | null | undefined;
}>;


export type CoveragePackagesQuery = { packages: { totalCount: number, totalRemainingPoints: number, edges: Array<{ node: { id: string, type: PackageType | null, status: PackageStatus | null, remainingPoints: number, expiresAt: string | null } }> } };

export type CoverageManagerDeleteMutationVariables = Exact<{
  input: ManagerDeleteInput;
}>;


export type CoverageManagerDeleteMutation = { managerDelete: { deletedManagerId: string | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } | null };

export type CoverageManagerAuditSubmitMutationVariables = Exact<{
  input: ManagerAuditSubmitInput;
}>;


export type CoverageManagerAuditSubmitMutation = { managerAuditSubmit: { manager: { id: string, status: ManagerStatus | null } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } | null };

export type CoverageManagerVerifyMutationVariables = Exact<{
  input: ManagerVerifyInput;
}>;


export type CoverageManagerVerifyMutation = { managerVerify: { manager: { id: string, status: ManagerStatus | null } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } | null };

export type CoverageBindingsRefreshMutationVariables = Exact<{
  input: CertificateBindingsRefreshInput;
}>;


export type CoverageBindingsRefreshMutation = { certificateBindingsRefresh: { tasks: Array<{ id: string, status: JobStatus, certificate: { id: string } | null }> | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } | null };

export type CoverageBindResourceTaskQueryVariables = Exact<{
  id: string | number;
  wait?: JobWaitInput | null | undefined;
}>;


export type CoverageBindResourceTaskQuery = { bindResourceTask: { id: string, status: JobStatus, isFinished: boolean, results: Array<{ resourceType: ResourceType | null, totalCount: number }>, resources: { totalCount: number, edges: Array<{ node:
          | { id: string, region: string | null }
          | { id: string, region: string | null }
          | { id: string, region: string | null }
          | { id: string, region: string | null }
          | { id: string, region: string | null }
          | { id: string, region: string | null }
          | { id: string, region: string | null }
          | { id: string, region: string | null }
          | { id: string, region: string | null }
          | { id: string, region: string | null }
          | { id: string, region: string | null }
          | { id: string, region: string | null }
          | { id: string, region: string | null }
         }> } } | null };

export type BudgetCertificateListQueryVariables = Exact<{
  first: number;
}>;


export type BudgetCertificateListQuery = { certificates: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, alias: string | null, domain: string, domains: Array<string>, status: CertificateStatus | null, certificateType: CertificateType | null, productName: string | null, beginsAt: string | null, expiresAt: string | null, daysUntilExpiry: number | null, isExpiring: boolean, isDeployable: boolean, tags: Array<{ key: string, value: string }> } }> } };

export type BudgetCertificateListWithOwnersQueryVariables = Exact<{
  first: number;
}>;


export type BudgetCertificateListWithOwnersQuery = { certificates: { edges: Array<{ node: { id: string, domain: string, status: CertificateStatus | null, manager: { id: string, firstName: string, lastName: string, email: string } | null, company: { id: string, name: string } | null } }> } };

export type BudgetCertificateListWithManagerStatusQueryVariables = Exact<{
  first: number;
}>;


export type BudgetCertificateListWithManagerStatusQuery = { certificates: { edges: Array<{ node: { id: string, manager: { id: string, status: ManagerStatus | null, company: { id: string } } | null } }> } };

export type BudgetCertificateDetailPageQueryVariables = Exact<{
  id: string | number;
}>;


export type BudgetCertificateDetailPageQuery = { certificate: { id: string, alias: string | null, domain: string, status: CertificateStatus | null, expiresAt: string | null, certificatePem: string | null, fingerprintSha1: string | null, purchase: { validationLevel: CertificateValidationLevel | null, domainCoverage: CertificateDomainCoverage | null, orderId: string | null } | null, x509: { subject: string, issuer: string, serialNumber: string, fingerprintSha256: string, validFrom: string, validTo: string, subjectAltNames: Array<string>, chain: Array<{ subject: string }> } | null, deployRecords: { totalCount: number, edges: Array<{ node: { id: string, resourceType: ResourceType | null, region: string | null } }> } | null, operationLogs: { totalCount: number, edges: Array<{ node: { type: CertificateOperationType | null, message: string | null, createdAt: string | null } }> } | null } | null };

export type BudgetDeployRecordStatusesQueryVariables = Exact<{
  id: string | number;
}>;


export type BudgetDeployRecordStatusesQuery = { certificate: { id: string, deployRecords: { totalCount: number, edges: Array<{ node: { id: string, status: JobStatus, isFinished: boolean, progress: { total: number, succeeded: number, failed: number } } }> } | null } | null };

export type BudgetDashboardQueryVariables = Exact<{ [key: string]: never; }>;


export type BudgetDashboardQuery = { expiring: { totalCount: number, edges: Array<{ node: { id: string, domain: string, expiresAt: string | null, daysUntilExpiry: number | null } }> }, issued: { totalCount: number }, reviewing: { totalCount: number }, expired: { totalCount: number } };

export type BudgetDeployedResourcesPageQueryVariables = Exact<{
  first: number;
  type: ResourceType;
}>;


export type BudgetDeployedResourcesPageQuery = { certificates: { edges: Array<{ node: { id: string, domain: string, deployedResources: { resourceType: ResourceType | null, totalCount: number, identifiers: Array<string> } | null } }> } };

export type CoverageCertificateUploadMutationVariables = Exact<{
  input: CertificateUploadInput;
}>;


export type CoverageCertificateUploadMutation = { certificateUpload: { isNewCertificate: boolean | null, certificate: { id: string, status: CertificateStatus | null, source: CertificateSource | null } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } | null };

export type CoverageCertificateAliasUpdateMutationVariables = Exact<{
  input: CertificateAliasUpdateInput;
}>;


export type CoverageCertificateAliasUpdateMutation = { certificateAliasUpdate: { certificate: { id: string, alias: string | null } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } | null };

export type CoverageCertificateProjectUpdateMutationVariables = Exact<{
  input: CertificateProjectUpdateInput;
}>;


export type CoverageCertificateProjectUpdateMutation = { certificateProjectUpdate: { failedCertificateIds: Array<string> | null, certificates: Array<{ id: string, projectId: string }> | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } | null };

export type CoverageCertificateExpiryNotificationUpdateMutationVariables = Exact<{
  input: CertificateExpiryNotificationUpdateInput;
}>;


export type CoverageCertificateExpiryNotificationUpdateMutation = { certificateExpiryNotificationUpdate: { certificates: Array<{ id: string, isExpiringNotificationEnabled: boolean }> | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } | null };

export type CoverageCertificateDeleteMutationVariables = Exact<{
  input: CertificateDeleteInput;
}>;


export type CoverageCertificateDeleteMutation = { certificateDelete: { deleted: boolean | null, task: { id: string, status: JobStatus } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } | null };

export type CoverageCertificatesDeleteMutationVariables = Exact<{
  input: CertificatesDeleteInput;
}>;


export type CoverageCertificatesDeleteMutation = { certificatesDelete: { deletedCertificateIds: Array<string> | null, failures: Array<{ certificateId: string, reason: string }> | null, tasks: Array<{ id: string, status: JobStatus, certificateId: string }> | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } | null };

export type CoverageCertificatePageQueryVariables = Exact<{
  first: number;
}>;


export type CoverageCertificatePageQuery = { certificates: { totalCount: number, edges: Array<{ node: { id: string, domain: string, status: CertificateStatus | null, expiresAt: string | null, manager: { id: string, status: ManagerStatus | null } | null, company: { id: string, name: string } | null } }> } };

export type CoverageCertificateDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type CoverageCertificateDetailQuery = { certificate: { id: string, certificatePem: string | null, privateKeyPem: string | null, x509: { subject: string, fingerprintSha256: string, validTo: string } | null, operationLogs: { totalCount: number, edges: Array<{ node: { type: CertificateOperationType | null, createdAt: string | null } }> } | null, deployRecords: { totalCount: number, edges: Array<{ node: { id: string, status: JobStatus } }> } | null, replacementRecords: { totalCount: number } | null, contentReplacementRecords: { totalCount: number } | null, deployedResources: { resourceType: ResourceType | null, totalCount: number, identifiers: Array<string> } | null, archive: { contentType: string } | null, downloadLink: { url: string, filename: string } | null } | null };

export type CoverageDomainValidationQueryVariables = Exact<{
  id: string | number;
}>;


export type CoverageDomainValidationQuery = { certificate: { id: string, domainValidation: { method: DomainValidationMethod | null, records: Array<{ kind: DomainValidationRecordKind | null, domain: string | null, key: string | null, value: string | null }> } | null } | null };

export type CoverageCertificateChecksQueryVariables = Exact<{
  pem: string;
}>;


export type CoverageCertificateChecksQuery = { certificateExists: { exists: boolean, certificate: { id: string } | null }, certificateChainCheck: { isValid: boolean, isTrusted: boolean, commonNames: Array<string> } };

export type CoverageOperationLogsQueryVariables = Exact<{
  first: number;
}>;


export type CoverageOperationLogsQuery = { operationLogs: { totalCount: number, edges: Array<{ node: { type: CertificateOperationType | null, message: string | null, createdAt: string | null, certificate: { id: string } | null } }> } };

export type CoverageCloudResourcesQueryVariables = Exact<{
  type: ResourceType;
  deployableFor?: string | number | null | undefined;
}>;


export type CoverageCloudResourcesQuery = { cloudResources: { totalCount: number, edges: Array<{ node:
        | { __typename: 'AntiDdosDomain', id: string, name: string, resourceType: ResourceType, region: string | null, domains: Array<string> }
        | { __typename: 'ApiGatewayCustomDomain', id: string, name: string, resourceType: ResourceType, region: string | null, domains: Array<string> }
        | { __typename: 'CdnDomain', id: string, name: string, resourceType: ResourceType, region: string | null, domains: Array<string> }
        | { __typename: 'ClbLoadBalancer', id: string, name: string, resourceType: ResourceType, region: string | null, domains: Array<string> }
        | { __typename: 'CosBucketDomain', id: string, name: string, resourceType: ResourceType, region: string | null, domains: Array<string> }
        | { __typename: 'EdgeOneDomain', id: string, name: string, resourceType: ResourceType, region: string | null, domains: Array<string> }
        | { __typename: 'LighthouseInstance', id: string, name: string, resourceType: ResourceType, region: string | null, domains: Array<string> }
        | { __typename: 'LiveDomain', id: string, name: string, resourceType: ResourceType, region: string | null, domains: Array<string> }
        | { __typename: 'TcbEnvironment', id: string, name: string, resourceType: ResourceType, region: string | null, domains: Array<string> }
        | { __typename: 'TkeCluster', id: string, name: string, resourceType: ResourceType, region: string | null, domains: Array<string> }
        | { __typename: 'TseGateway', id: string, name: string, resourceType: ResourceType, region: string | null, domains: Array<string> }
        | { __typename: 'VodDomain', id: string, name: string, resourceType: ResourceType, region: string | null, domains: Array<string> }
        | { __typename: 'WafDomain', id: string, name: string, resourceType: ResourceType, region: string | null, domains: Array<string> }
       }> } };

export type CoverageContentReplaceMutationVariables = Exact<{
  input: CertificateContentReplaceInput;
}>;


export type CoverageContentReplaceMutation = { certificateContentReplace: { isCreationPending: boolean, isExistingUpdate: boolean, certificate: { id: string } | null, uploadUpdateRecord: { id: string } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } | null };

export type CoverageUploadUpdateRecordQueryVariables = Exact<{
  id: string | number;
}>;


export type CoverageUploadUpdateRecordQuery = { uploadUpdateRecord: { id: string, status: JobStatus, isFinished: boolean, isRolledBack: boolean, certificate: { id: string } | null, phases: Array<{ kind: UploadUpdatePhaseKind | null, status: UpdateStatus | null, resourceGroups: Array<{ resourceType: ResourceType | null, instances: { edges: Array<{ node: { id: string, status: UpdateStatus | null } }> } }> }> } | null };

export type CoverageUploadUpdateRecordRetryMutationVariables = Exact<{
  input: UploadUpdateRecordRetryInput;
}>;


export type CoverageUploadUpdateRecordRetryMutation = { uploadUpdateRecordRetry: { uploadUpdateRecord: { id: string, status: JobStatus } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } | null };

export type CoverageUploadUpdateRecordRollbackMutationVariables = Exact<{
  input: UploadUpdateRecordRollbackInput;
}>;


export type CoverageUploadUpdateRecordRollbackMutation = { uploadUpdateRecordRollback: { uploadUpdateRecord: { id: string, isRolledBack: boolean } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } | null };

export type CoverageCertificateDeployMutationVariables = Exact<{
  input: CertificateDeployInput;
}>;


export type CoverageCertificateDeployMutation = { certificateDeploy: { alreadyRunning: boolean | null, deployRecord: { id: string, status: JobStatus, isFinished: boolean } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } | null };

export type CoverageDeployRecordQueryVariables = Exact<{
  id: string | number;
  wait?: JobWaitInput | null | undefined;
}>;


export type CoverageDeployRecordQuery = { deployRecord: { id: string, status: JobStatus, isFinished: boolean, resourceType: ResourceType | null, progress: { total: number, succeeded: number, failed: number }, instances: { totalCount: number, edges: Array<{ node: { id: string, instanceId: string, status: DeployInstanceStatus | null } }> } } | null };

export type CoverageDeployRecordRetryMutationVariables = Exact<{
  input: DeployRecordRetryInput;
}>;


export type CoverageDeployRecordRetryMutation = { deployRecordRetry: { deployRecord: { id: string, status: JobStatus } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } | null };

export type CoverageDeployRecordRollbackMutationVariables = Exact<{
  input: DeployRecordRollbackInput;
}>;


export type CoverageDeployRecordRollbackMutation = { deployRecordRollback: { rolledBackRecord: { id: string } | null, rollbackRecord: { id: string, status: JobStatus } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } | null };

export type CoverageCertificateStateFragment = { id: string, status: CertificateStatus | null, domain: string };

export type CoverageCertificateApplyMutationVariables = Exact<{
  input: CertificateApplyInput;
}>;


export type CoverageCertificateApplyMutation = { certificateApply: { certificate: { id: string, status: CertificateStatus | null, domain: string } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } | null };

export type CoverageDomainVerificationCheckMutationVariables = Exact<{
  input: CertificateSelectorInput;
}>;


export type CoverageDomainVerificationCheckMutation = { certificateDomainVerificationCheck: { certificate: { id: string, status: CertificateStatus | null, domain: string } | null, results: Array<{ domain: string, caCheck: DomainValidationCaCheck | null, isIssued: boolean }> | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } | null };

export type CoverageCertificateCompleteMutationVariables = Exact<{
  input: CertificateSelectorInput;
}>;


export type CoverageCertificateCompleteMutation = { certificateComplete: { certificate: { id: string, status: CertificateStatus | null, domain: string } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } | null };

export type CoverageCertificateReissueMutationVariables = Exact<{
  input: CertificateReissueInput;
}>;


export type CoverageCertificateReissueMutation = { certificateReissue: { certificate: { id: string, status: CertificateStatus | null, domain: string } | null, originalCertificate: { id: string } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } | null };

export type CoverageCertificateRevokeMutationVariables = Exact<{
  input: CertificateRevokeInput;
}>;


export type CoverageCertificateRevokeMutation = { certificateRevoke: { certificate: { id: string, status: CertificateStatus | null, domain: string } | null, domainValidations: Array<{ domain: string }> | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } | null };

export type CoverageRevocationLetterUploadMutationVariables = Exact<{
  input: CertificateRevocationLetterUploadInput;
}>;


export type CoverageRevocationLetterUploadMutation = { certificateRevocationLetterUpload: { certificate: { id: string, status: CertificateStatus | null, domain: string } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } | null };

export type CoverageJobQueryVariables = Exact<{
  kind: JobKind;
  id: string | number;
  wait?: JobWaitInput | null | undefined;
}>;


export type CoverageJobQuery = { job:
    | { __typename: 'BindResourceTask', id: string, kind: JobKind, status: JobStatus, isFinished: boolean, progress: { total: number, succeeded: number, failed: number } }
    | { __typename: 'CertificateDeleteTask', id: string, kind: JobKind, status: JobStatus, isFinished: boolean, progress: { total: number, succeeded: number, failed: number } }
    | { __typename: 'DeployRecord', id: string, kind: JobKind, status: JobStatus, isFinished: boolean, progress: { total: number, succeeded: number, failed: number } }
    | { __typename: 'UpdateRecord', id: string, kind: JobKind, status: JobStatus, isFinished: boolean, progress: { total: number, succeeded: number, failed: number } }
    | { __typename: 'UploadUpdateRecord', id: string, kind: JobKind, status: JobStatus, isFinished: boolean, progress: { total: number, succeeded: number, failed: number } }
   | null };

export type CoverageOrderCreateMutationVariables = Exact<{
  input: CertificateOrderCreateInput;
}>;


export type CoverageOrderCreateMutation = { certificateOrderCreate: { dealIds: Array<string> | null, certificates: Array<{ id: string, status: CertificateStatus | null, domain: string }> | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } | null };

export type CoverageOrderCreateByPackageMutationVariables = Exact<{
  input: CertificateOrderCreateByPackageInput;
}>;


export type CoverageOrderCreateByPackageMutation = { certificateOrderCreateByPackage: { certificates: Array<{ id: string, status: CertificateStatus | null, domain: string }> | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } | null };

export type CoverageInformationSubmitMutationVariables = Exact<{
  input: CertificateInformationSubmitInput;
}>;


export type CoverageInformationSubmitMutation = { certificateInformationSubmit: { certificate: { id: string, status: CertificateStatus | null, domain: string } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } | null };

export type CoverageInformationSubmitLegacyMutationVariables = Exact<{
  input: CertificateInformationSubmitLegacyInput;
}>;


export type CoverageInformationSubmitLegacyMutation = { certificateInformationSubmitLegacy: { certificate: { id: string, status: CertificateStatus | null, domain: string } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } | null };

export type CoverageOrderSubmitMutationVariables = Exact<{
  input: CertificateOrderSubmitInput;
}>;


export type CoverageOrderSubmitMutation = { certificateOrderSubmit: { caOrderId: string | null, certificate: { id: string, status: CertificateStatus | null, domain: string } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } | null };

export type CoverageInformationCommitMutationVariables = Exact<{
  input: CertificateInformationCommitInput;
}>;


export type CoverageInformationCommitMutation = { certificateInformationCommit: { caOrderId: string | null, certificate: { id: string, status: CertificateStatus | null, domain: string } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } | null };

export type CoverageConfirmationLetterUploadMutationVariables = Exact<{
  input: CertificateConfirmationLetterUploadInput;
}>;


export type CoverageConfirmationLetterUploadMutation = { certificateConfirmationLetterUpload: { certificate: { id: string, status: CertificateStatus | null, domain: string } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } | null };

export type CoverageAuditCancelMutationVariables = Exact<{
  input: CertificateSelectorInput;
}>;


export type CoverageAuditCancelMutation = { certificateAuditCancel: { certificate: { id: string, status: CertificateStatus | null, domain: string } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } | null };

export type CoverageResubmitMutationVariables = Exact<{
  input: CertificateSelectorInput;
}>;


export type CoverageResubmitMutation = { certificateResubmit: { certificate: { id: string, status: CertificateStatus | null, domain: string } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } | null };

export type CoverageOrderCancelMutationVariables = Exact<{
  input: CertificateSelectorInput;
}>;


export type CoverageOrderCancelMutation = { certificateOrderCancel: { certificate: { id: string, status: CertificateStatus | null, domain: string } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } | null };

export type CoverageBindingsReplaceMutationVariables = Exact<{
  input: CertificateBindingsReplaceInput;
}>;


export type CoverageBindingsReplaceMutation = { certificateBindingsReplace: { isCreationPending: boolean, isExistingUpdate: boolean, updateRecord: { id: string } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } | null };

export type CoverageUpdateRecordQueryVariables = Exact<{
  id: string | number;
}>;


export type CoverageUpdateRecordQuery = { updateRecord: { id: string, status: JobStatus, isFinished: boolean, certificate: { id: string } | null, oldCertificate: { id: string } | null, progress: { total: number, succeeded: number, failed: number }, resourceGroups: Array<{ resourceType: ResourceType | null, instances: { totalCount: number, edges: Array<{ node: { id: string, status: UpdateStatus | null } }> } }> } | null };

export type CoverageUpdateRecordRetryMutationVariables = Exact<{
  input: UpdateRecordRetryInput;
}>;


export type CoverageUpdateRecordRetryMutation = { updateRecordRetry: { updateRecord: { id: string, status: JobStatus } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } | null };

export type CoverageUpdateRecordRollbackMutationVariables = Exact<{
  input: UpdateRecordRollbackInput;
}>;


export type CoverageUpdateRecordRollbackMutation = { updateRecordRollback: { rollbackRecord: { id: string } | null, updateRecord: { id: string } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } | null };

export type CoverageUserErrorFragment = { code: string, field: Array<string> | null, message: string };

export type ListThenLookupQueryVariables = Exact<{
  first: number;
  firstId: string | number;
  secondId: string | number;
}>;


export type ListThenLookupQuery = { certificates: { totalCount: number, edges: Array<{ node: { id: string, domain: string } }> }, firstLookup: { id: string, domain: string } | null, secondLookup: { id: string, domain: string } | null };

export const CertificateFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CertificateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Certificate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"alias"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"domains"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusMessage"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"certificateType"}},{"kind":"Field","name":{"kind":"Name","value":"packageType"}},{"kind":"Field","name":{"kind":"Name","value":"productName"}},{"kind":"Field","name":{"kind":"Name","value":"projectId"}},{"kind":"Field","name":{"kind":"Name","value":"beginsAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"daysUntilExpiry"}},{"kind":"Field","name":{"kind":"Name","value":"isExpiring"}},{"kind":"Field","name":{"kind":"Name","value":"isDeployable"}},{"kind":"Field","name":{"kind":"Name","value":"isExpiringNotificationEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"isRenewable"}},{"kind":"Field","name":{"kind":"Name","value":"isVip"}},{"kind":"Field","name":{"kind":"Name","value":"isDv"}},{"kind":"Field","name":{"kind":"Name","value":"isWildcard"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<CertificateFieldsFragment, unknown>;
export const CoverageCertificateStateFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageCertificateState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Certificate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}}]}}]} as unknown as DocumentNode<CoverageCertificateStateFragment, unknown>;
export const CoverageUserErrorFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageUserErrorFragment, unknown>;
export const CertificateByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CertificateById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CertificateFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CertificateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Certificate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"alias"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"domains"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusMessage"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"certificateType"}},{"kind":"Field","name":{"kind":"Name","value":"packageType"}},{"kind":"Field","name":{"kind":"Name","value":"productName"}},{"kind":"Field","name":{"kind":"Name","value":"projectId"}},{"kind":"Field","name":{"kind":"Name","value":"beginsAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"daysUntilExpiry"}},{"kind":"Field","name":{"kind":"Name","value":"isExpiring"}},{"kind":"Field","name":{"kind":"Name","value":"isDeployable"}},{"kind":"Field","name":{"kind":"Name","value":"isExpiringNotificationEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"isRenewable"}},{"kind":"Field","name":{"kind":"Name","value":"isVip"}},{"kind":"Field","name":{"kind":"Name","value":"isDv"}},{"kind":"Field","name":{"kind":"Name","value":"isWildcard"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<CertificateByIdQuery, CertificateByIdQueryVariables>;
export const CertificateSummariesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CertificateSummaries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CertificateSummariesQuery, CertificateSummariesQueryVariables>;
export const CertificateTimesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CertificateTimes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"beginsAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"daysUntilExpiry"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CertificateTimesQuery, CertificateTimesQueryVariables>;
export const CertificatesPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CertificatesPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CertificateFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CertificateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Certificate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"alias"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"domains"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusMessage"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"certificateType"}},{"kind":"Field","name":{"kind":"Name","value":"packageType"}},{"kind":"Field","name":{"kind":"Name","value":"productName"}},{"kind":"Field","name":{"kind":"Name","value":"projectId"}},{"kind":"Field","name":{"kind":"Name","value":"beginsAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"daysUntilExpiry"}},{"kind":"Field","name":{"kind":"Name","value":"isExpiring"}},{"kind":"Field","name":{"kind":"Name","value":"isDeployable"}},{"kind":"Field","name":{"kind":"Name","value":"isExpiringNotificationEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"isRenewable"}},{"kind":"Field","name":{"kind":"Name","value":"isVip"}},{"kind":"Field","name":{"kind":"Name","value":"isDv"}},{"kind":"Field","name":{"kind":"Name","value":"isWildcard"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<CertificatesPageQuery, CertificatesPageQueryVariables>;
export const CoverageCompaniesWithManagersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoverageCompaniesWithManagers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"companies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"managers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CoverageCompaniesWithManagersQuery, CoverageCompaniesWithManagersQueryVariables>;
export const CoverageManagerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoverageManager"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"manager"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"company"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"verifications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<CoverageManagerQuery, CoverageManagerQueryVariables>;
export const CoveragePackagesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoveragePackages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PackageFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"packages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalRemainingPoints"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"remainingPoints"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CoveragePackagesQuery, CoveragePackagesQueryVariables>;
export const CoverageManagerDeleteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverageManagerDelete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ManagerDeleteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"managerDelete"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedManagerId"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageManagerDeleteMutation, CoverageManagerDeleteMutationVariables>;
export const CoverageManagerAuditSubmitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverageManagerAuditSubmit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ManagerAuditSubmitInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"managerAuditSubmit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"manager"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageManagerAuditSubmitMutation, CoverageManagerAuditSubmitMutationVariables>;
export const CoverageManagerVerifyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverageManagerVerify"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ManagerVerifyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"managerVerify"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"manager"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageManagerVerifyMutation, CoverageManagerVerifyMutationVariables>;
export const CoverageBindingsRefreshDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverageBindingsRefresh"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CertificateBindingsRefreshInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateBindingsRefresh"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"certificate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageBindingsRefreshMutation, CoverageBindingsRefreshMutationVariables>;
export const CoverageBindResourceTaskDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoverageBindResourceTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"wait"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"JobWaitInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bindResourceTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"wait"},"value":{"kind":"Variable","name":{"kind":"Name","value":"wait"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"isFinished"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resourceType"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"resourceType"},"value":{"kind":"EnumValue","value":"CLB"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"region"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CoverageBindResourceTaskQuery, CoverageBindResourceTaskQueryVariables>;
export const BudgetCertificateListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BudgetCertificateList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"alias"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"domains"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"certificateType"}},{"kind":"Field","name":{"kind":"Name","value":"productName"}},{"kind":"Field","name":{"kind":"Name","value":"beginsAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"daysUntilExpiry"}},{"kind":"Field","name":{"kind":"Name","value":"isExpiring"}},{"kind":"Field","name":{"kind":"Name","value":"isDeployable"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<BudgetCertificateListQuery, BudgetCertificateListQueryVariables>;
export const BudgetCertificateListWithOwnersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BudgetCertificateListWithOwners"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"manager"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"company"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<BudgetCertificateListWithOwnersQuery, BudgetCertificateListWithOwnersQueryVariables>;
export const BudgetCertificateListWithManagerStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BudgetCertificateListWithManagerStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"manager"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"company"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<BudgetCertificateListWithManagerStatusQuery, BudgetCertificateListWithManagerStatusQueryVariables>;
export const BudgetCertificateDetailPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BudgetCertificateDetailPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"alias"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"certificatePem"}},{"kind":"Field","name":{"kind":"Name","value":"fingerprintSha1"}},{"kind":"Field","name":{"kind":"Name","value":"purchase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"validationLevel"}},{"kind":"Field","name":{"kind":"Name","value":"domainCoverage"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"x509"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"issuer"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"fingerprintSha256"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}},{"kind":"Field","name":{"kind":"Name","value":"subjectAltNames"}},{"kind":"Field","name":{"kind":"Name","value":"chain"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"deployRecords"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"resourceType"}},{"kind":"Field","name":{"kind":"Name","value":"region"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"operationLogs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<BudgetCertificateDetailPageQuery, BudgetCertificateDetailPageQueryVariables>;
export const BudgetDeployRecordStatusesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BudgetDeployRecordStatuses"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"deployRecords"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"isFinished"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<BudgetDeployRecordStatusesQuery, BudgetDeployRecordStatusesQueryVariables>;
export const BudgetDashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BudgetDashboard"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"expiring"},"name":{"kind":"Name","value":"certificates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"expiringOnly"},"value":{"kind":"BooleanValue","value":true}}]}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"EXPIRES_AT_ASC"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"daysUntilExpiry"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"issued"},"name":{"kind":"Name","value":"certificates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"statuses"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"ISSUED"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"reviewing"},"name":{"kind":"Name","value":"certificates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"statuses"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"REVIEWING"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"expired"},"name":{"kind":"Name","value":"certificates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"statuses"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"EXPIRED"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<BudgetDashboardQuery, BudgetDashboardQueryVariables>;
export const BudgetDeployedResourcesPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BudgetDeployedResourcesPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"type"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResourceType"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"deployedResources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"type"},"value":{"kind":"Variable","name":{"kind":"Name","value":"type"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resourceType"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"identifiers"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<BudgetDeployedResourcesPageQuery, BudgetDeployedResourcesPageQueryVariables>;
export const CoverageCertificateUploadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverageCertificateUpload"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CertificateUploadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateUpload"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"isNewCertificate"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageCertificateUploadMutation, CoverageCertificateUploadMutationVariables>;
export const CoverageCertificateAliasUpdateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverageCertificateAliasUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CertificateAliasUpdateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateAliasUpdate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"alias"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageCertificateAliasUpdateMutation, CoverageCertificateAliasUpdateMutationVariables>;
export const CoverageCertificateProjectUpdateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverageCertificateProjectUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CertificateProjectUpdateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateProjectUpdate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"projectId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failedCertificateIds"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageCertificateProjectUpdateMutation, CoverageCertificateProjectUpdateMutationVariables>;
export const CoverageCertificateExpiryNotificationUpdateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverageCertificateExpiryNotificationUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CertificateExpiryNotificationUpdateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateExpiryNotificationUpdate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"isExpiringNotificationEnabled"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageCertificateExpiryNotificationUpdateMutation, CoverageCertificateExpiryNotificationUpdateMutationVariables>;
export const CoverageCertificateDeleteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverageCertificateDelete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CertificateDeleteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateDelete"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleted"}},{"kind":"Field","name":{"kind":"Name","value":"task"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageCertificateDeleteMutation, CoverageCertificateDeleteMutationVariables>;
export const CoverageCertificatesDeleteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverageCertificatesDelete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CertificatesDeleteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificatesDelete"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedCertificateIds"}},{"kind":"Field","name":{"kind":"Name","value":"failures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateId"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"certificateId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageCertificatesDeleteMutation, CoverageCertificatesDeleteMutationVariables>;
export const CoverageCertificatePageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoverageCertificatePage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"manager"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"company"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CoverageCertificatePageQuery, CoverageCertificatePageQueryVariables>;
export const CoverageCertificateDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoverageCertificateDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"certificatePem"}},{"kind":"Field","name":{"kind":"Name","value":"privateKeyPem"}},{"kind":"Field","name":{"kind":"Name","value":"x509"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"fingerprintSha256"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}}]}},{"kind":"Field","name":{"kind":"Name","value":"operationLogs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"deployRecords"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"replacementRecords"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contentReplacementRecords"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deployedResources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"type"},"value":{"kind":"EnumValue","value":"CDN"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resourceType"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"identifiers"}}]}},{"kind":"Field","name":{"kind":"Name","value":"archive"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contentType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"downloadLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"format"},"value":{"kind":"EnumValue","value":"NGINX"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}}]}}]}}]}}]} as unknown as DocumentNode<CoverageCertificateDetailQuery, CoverageCertificateDetailQueryVariables>;
export const CoverageDomainValidationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoverageDomainValidation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"domainValidation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"records"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CoverageDomainValidationQuery, CoverageDomainValidationQueryVariables>;
export const CoverageCertificateChecksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoverageCertificateChecks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pem"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateExists"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"certificatePem"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pem"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exists"}},{"kind":"Field","name":{"kind":"Name","value":"certificate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"certificateChainCheck"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"chainPem"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pem"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isValid"}},{"kind":"Field","name":{"kind":"Name","value":"isTrusted"}},{"kind":"Field","name":{"kind":"Name","value":"commonNames"}}]}}]}}]} as unknown as DocumentNode<CoverageCertificateChecksQuery, CoverageCertificateChecksQueryVariables>;
export const CoverageOperationLogsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoverageOperationLogs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operationLogs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"certificate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CoverageOperationLogsQuery, CoverageOperationLogsQueryVariables>;
export const CoverageCloudResourcesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoverageCloudResources"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"type"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResourceType"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"deployableFor"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cloudResources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"type"},"value":{"kind":"Variable","name":{"kind":"Name","value":"type"}}},{"kind":"Argument","name":{"kind":"Name","value":"deployableFor"},"value":{"kind":"Variable","name":{"kind":"Name","value":"deployableFor"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"resourceType"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"domains"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CoverageCloudResourcesQuery, CoverageCloudResourcesQueryVariables>;
export const CoverageContentReplaceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverageContentReplace"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CertificateContentReplaceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateContentReplace"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"uploadUpdateRecord"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"isCreationPending"}},{"kind":"Field","name":{"kind":"Name","value":"isExistingUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageContentReplaceMutation, CoverageContentReplaceMutationVariables>;
export const CoverageUploadUpdateRecordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoverageUploadUpdateRecord"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uploadUpdateRecord"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"isFinished"}},{"kind":"Field","name":{"kind":"Name","value":"isRolledBack"}},{"kind":"Field","name":{"kind":"Name","value":"certificate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"phases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"resourceGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resourceType"}},{"kind":"Field","name":{"kind":"Name","value":"instances"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CoverageUploadUpdateRecordQuery, CoverageUploadUpdateRecordQueryVariables>;
export const CoverageUploadUpdateRecordRetryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverageUploadUpdateRecordRetry"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UploadUpdateRecordRetryInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uploadUpdateRecordRetry"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uploadUpdateRecord"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageUploadUpdateRecordRetryMutation, CoverageUploadUpdateRecordRetryMutationVariables>;
export const CoverageUploadUpdateRecordRollbackDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverageUploadUpdateRecordRollback"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UploadUpdateRecordRollbackInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uploadUpdateRecordRollback"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uploadUpdateRecord"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"isRolledBack"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageUploadUpdateRecordRollbackMutation, CoverageUploadUpdateRecordRollbackMutationVariables>;
export const CoverageCertificateDeployDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverageCertificateDeploy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CertificateDeployInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateDeploy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"alreadyRunning"}},{"kind":"Field","name":{"kind":"Name","value":"deployRecord"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"isFinished"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageCertificateDeployMutation, CoverageCertificateDeployMutationVariables>;
export const CoverageDeployRecordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoverageDeployRecord"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"wait"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"JobWaitInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deployRecord"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"wait"},"value":{"kind":"Variable","name":{"kind":"Name","value":"wait"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"isFinished"}},{"kind":"Field","name":{"kind":"Name","value":"resourceType"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"instances"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"instanceId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CoverageDeployRecordQuery, CoverageDeployRecordQueryVariables>;
export const CoverageDeployRecordRetryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverageDeployRecordRetry"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeployRecordRetryInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deployRecordRetry"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deployRecord"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageDeployRecordRetryMutation, CoverageDeployRecordRetryMutationVariables>;
export const CoverageDeployRecordRollbackDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverageDeployRecordRollback"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeployRecordRollbackInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deployRecordRollback"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rolledBackRecord"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rollbackRecord"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageDeployRecordRollbackMutation, CoverageDeployRecordRollbackMutationVariables>;
export const CoverageCertificateApplyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverageCertificateApply"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CertificateApplyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateApply"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageCertificateState"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageCertificateState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Certificate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageCertificateApplyMutation, CoverageCertificateApplyMutationVariables>;
export const CoverageDomainVerificationCheckDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverageDomainVerificationCheck"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CertificateSelectorInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateDomainVerificationCheck"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageCertificateState"}}]}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"caCheck"}},{"kind":"Field","name":{"kind":"Name","value":"isIssued"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageCertificateState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Certificate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageDomainVerificationCheckMutation, CoverageDomainVerificationCheckMutationVariables>;
export const CoverageCertificateCompleteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverageCertificateComplete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CertificateSelectorInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateComplete"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageCertificateState"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageCertificateState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Certificate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageCertificateCompleteMutation, CoverageCertificateCompleteMutationVariables>;
export const CoverageCertificateReissueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverageCertificateReissue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CertificateReissueInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateReissue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageCertificateState"}}]}},{"kind":"Field","name":{"kind":"Name","value":"originalCertificate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageCertificateState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Certificate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageCertificateReissueMutation, CoverageCertificateReissueMutationVariables>;
export const CoverageCertificateRevokeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverageCertificateRevoke"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CertificateRevokeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateRevoke"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageCertificateState"}}]}},{"kind":"Field","name":{"kind":"Name","value":"domainValidations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domain"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageCertificateState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Certificate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageCertificateRevokeMutation, CoverageCertificateRevokeMutationVariables>;
export const CoverageRevocationLetterUploadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverageRevocationLetterUpload"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CertificateRevocationLetterUploadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateRevocationLetterUpload"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageCertificateState"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageCertificateState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Certificate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageRevocationLetterUploadMutation, CoverageRevocationLetterUploadMutationVariables>;
export const CoverageJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoverageJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JobKind"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"wait"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"JobWaitInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"wait"},"value":{"kind":"Variable","name":{"kind":"Name","value":"wait"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"isFinished"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}}]}}]}}]}}]} as unknown as DocumentNode<CoverageJobQuery, CoverageJobQueryVariables>;
export const CoverageOrderCreateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverageOrderCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CertificateOrderCreateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateOrderCreate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageCertificateState"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dealIds"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageCertificateState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Certificate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageOrderCreateMutation, CoverageOrderCreateMutationVariables>;
export const CoverageOrderCreateByPackageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverageOrderCreateByPackage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CertificateOrderCreateByPackageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateOrderCreateByPackage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageCertificateState"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageCertificateState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Certificate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageOrderCreateByPackageMutation, CoverageOrderCreateByPackageMutationVariables>;
export const CoverageInformationSubmitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverageInformationSubmit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CertificateInformationSubmitInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateInformationSubmit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageCertificateState"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageCertificateState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Certificate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageInformationSubmitMutation, CoverageInformationSubmitMutationVariables>;
export const CoverageInformationSubmitLegacyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverageInformationSubmitLegacy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CertificateInformationSubmitLegacyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateInformationSubmitLegacy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageCertificateState"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageCertificateState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Certificate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageInformationSubmitLegacyMutation, CoverageInformationSubmitLegacyMutationVariables>;
export const CoverageOrderSubmitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverageOrderSubmit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CertificateOrderSubmitInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateOrderSubmit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageCertificateState"}}]}},{"kind":"Field","name":{"kind":"Name","value":"caOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageCertificateState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Certificate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageOrderSubmitMutation, CoverageOrderSubmitMutationVariables>;
export const CoverageInformationCommitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverageInformationCommit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CertificateInformationCommitInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateInformationCommit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageCertificateState"}}]}},{"kind":"Field","name":{"kind":"Name","value":"caOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageCertificateState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Certificate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageInformationCommitMutation, CoverageInformationCommitMutationVariables>;
export const CoverageConfirmationLetterUploadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverageConfirmationLetterUpload"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CertificateConfirmationLetterUploadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateConfirmationLetterUpload"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageCertificateState"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageCertificateState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Certificate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageConfirmationLetterUploadMutation, CoverageConfirmationLetterUploadMutationVariables>;
export const CoverageAuditCancelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverageAuditCancel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CertificateSelectorInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateAuditCancel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageCertificateState"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageCertificateState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Certificate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageAuditCancelMutation, CoverageAuditCancelMutationVariables>;
export const CoverageResubmitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverageResubmit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CertificateSelectorInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateResubmit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageCertificateState"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageCertificateState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Certificate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageResubmitMutation, CoverageResubmitMutationVariables>;
export const CoverageOrderCancelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverageOrderCancel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CertificateSelectorInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateOrderCancel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageCertificateState"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageCertificateState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Certificate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageOrderCancelMutation, CoverageOrderCancelMutationVariables>;
export const CoverageBindingsReplaceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverageBindingsReplace"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CertificateBindingsReplaceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificateBindingsReplace"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateRecord"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"isCreationPending"}},{"kind":"Field","name":{"kind":"Name","value":"isExistingUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageBindingsReplaceMutation, CoverageBindingsReplaceMutationVariables>;
export const CoverageUpdateRecordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoverageUpdateRecord"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateRecord"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"isFinished"}},{"kind":"Field","name":{"kind":"Name","value":"certificate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"oldCertificate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resourceGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resourceType"}},{"kind":"Field","name":{"kind":"Name","value":"instances"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CoverageUpdateRecordQuery, CoverageUpdateRecordQueryVariables>;
export const CoverageUpdateRecordRetryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverageUpdateRecordRetry"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateRecordRetryInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateRecordRetry"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateRecord"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageUpdateRecordRetryMutation, CoverageUpdateRecordRetryMutationVariables>;
export const CoverageUpdateRecordRollbackDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverageUpdateRecordRollback"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateRecordRollbackInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateRecordRollback"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rollbackRecord"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"updateRecord"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CoverageUserError"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CoverageUserError"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoverageUpdateRecordRollbackMutation, CoverageUpdateRecordRollbackMutationVariables>;
export const ListThenLookupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListThenLookup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"firstId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"secondId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"firstLookup"},"name":{"kind":"Name","value":"certificate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"firstId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"secondLookup"},"name":{"kind":"Name","value":"certificate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"secondId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"domain"}}]}}]}}]} as unknown as DocumentNode<ListThenLookupQuery, ListThenLookupQueryVariables>;