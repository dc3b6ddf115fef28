// Input types and enums shared by the certificate mutations, and the conversions from them to upstream params.
import { X509Certificate } from 'node:crypto';
import { SSL_API_REGIONS } from '../../config/upstream.ts';
import type { TagsInput } from '../../ssl/models.generated.ts';
import { builder } from '../builder.ts';
import { upstreamEnum } from './upstream-enum.ts';

/** A mistake in the input the gateway can see without asking the upstream; becomes a userError. */
export class InputRejection extends Error {
  readonly code: string;
  readonly field: readonly string[];

  constructor(code: string, message: string, field: readonly string[]) {
    super(message);
    this.name = 'InputRejection';
    this.code = code;
    this.field = field;
  }
}

const DOMAIN_VALIDATION_METHOD_VALUES = {
  DNS_AUTO: {
    value: 'DNS_AUTO',
    description:
      'Tencent Cloud adds the DNS validation record itself; the domain must be hosted in Tencent Cloud DNS under ' +
      'the same account.',
  },
  DNS: { value: 'DNS', description: 'You add the DNS validation record the order hands out.' },
  FILE: {
    value: 'FILE',
    description:
      'You publish a validation file under the site root, reachable over HTTP or HTTPS from the CA (its ' +
      'addresses 64.78.193.238, 216.168.247.9, 216.168.249.9 and 54.189.196.217 must not be blocked).',
  },
} as const;

/** The validation methods an application may choose (ApplyCertificate.DvAuthMethod, VerifyType inputs). */
export const DomainValidationChoice = upstreamEnum(
  'DomainValidationChoice',
  DOMAIN_VALIDATION_METHOD_VALUES,
  {
    description:
      'The domain control validation methods an application can choose (a certificate reports its own as a ' +
      'DomainValidationMethod, which has more values).',
    upstreamField: 'VerifyType',
  },
);

interface KeyTypeParams {
  /** RSA | ECC | SM2 (CsrEncryptAlgo, RenewAlgorithmType, CertCSREncryptAlgo). */
  readonly algorithm: 'RSA' | 'ECC' | 'SM2';
  /** The key size or curve (CsrKeyParameter, RenewAlgorithmParam, CertCSRKeyParameter); SM2 has none. */
  readonly parameter: string | undefined;
}

/** One GraphQL value per algorithm/parameter pair, because the upstream only accepts these combinations. */
const KEY_TYPES = {
  RSA_2048: { algorithm: 'RSA', parameter: '2048' },
  RSA_4096: { algorithm: 'RSA', parameter: '4096' },
  ECC_P256: { algorithm: 'ECC', parameter: 'prime256v1' },
  ECC_P384: { algorithm: 'ECC', parameter: 'secp384r1' },
  SM2: { algorithm: 'SM2', parameter: undefined },
} as const satisfies Record<string, KeyTypeParams>;

export type CertificateKeyTypeName = keyof typeof KEY_TYPES;

export const CertificateKeyTypeRef = builder.enumType('CertificateKeyType', {
  description:
    'The algorithm and size of a key pair Tencent Cloud generates for a certificate. Free certificates accept ' +
    'only RSA_2048 and ECC_P256; SM2 is for Chinese national-cryptography (SM) certificates.',
  values: {
    RSA_2048: { value: 'RSA_2048', description: 'RSA, 2048 bits (the default).' },
    RSA_4096: { value: 'RSA_4096', description: 'RSA, 4096 bits.' },
    ECC_P256: { value: 'ECC_P256', description: 'ECC on the prime256v1 (P-256) curve.' },
    ECC_P384: { value: 'ECC_P384', description: 'ECC on the secp384r1 (P-384) curve.' },
    SM2: { value: 'SM2', description: 'SM2 (Chinese national cryptography).' },
  } as const,
});

export function keyTypeParams(keyType: CertificateKeyTypeName): KeyTypeParams {
  return KEY_TYPES[keyType];
}

export interface KeyGenerationShape {
  readonly keyType?: CertificateKeyTypeName | null;
  readonly keyPassword?: string | null;
}

export const CertificateKeyGenerationInput = builder.inputType('CertificateKeyGenerationInput', {
  description: 'How Tencent Cloud generates the key pair and certificate signing request (CSR) for you.',
  fields: (t) => ({
    keyType: t.field({
      type: CertificateKeyTypeRef,
      description: 'The key algorithm and size; RSA_2048 when omitted.',
    }),
    keyPassword: t.string({
      description:
        'A password protecting the generated private key; only used by the JKS and PFX download formats.',
    }),
  }),
});

export interface CsrChoiceShape {
  readonly uploadedCsrPem?: string | null;
  readonly generatedKey?: KeyGenerationShape | null;
}

export const CertificateCsrInput = builder.inputType('CertificateCsrInput', {
  description:
    'Where the certificate signing request (CSR) comes from: your own CSR, or a key pair Tencent Cloud generates ' +
    'and keeps encrypted for you. Give exactly one.',
  isOneOf: true,
  fields: (t) => ({
    uploadedCsrPem: t.string({
      description: 'Your own CSR in PEM form; its common name must be the certificate domain.',
    }),
    generatedKey: t.field({
      type: CertificateKeyGenerationInput,
      description: 'Let Tencent Cloud generate the key pair and CSR.',
    }),
  }),
});

/**
 * A domain the upstream requires (ApplyCertificate.DomainName, CertificateInfoSubmit.CertCommonName), returned
 * unchanged. A blank one is certainly refused upstream, so it is refused here without spending a call; whether a
 * non-blank one can be certified (wildcards, IP addresses, the CA's rules) is the upstream's to say.
 */
export function requiredDomain(domain: string, field: readonly string[]): string {
  if (domain.trim() === '') throw new InputRejection('DOMAIN_REQUIRED', 'Give the domain to certify.', field);
  return domain;
}

/** What a CertificateCsrInput chose. */
export type CsrChoice =
  | { readonly source: 'uploaded'; readonly csrPem: string }
  | { readonly source: 'generated'; readonly key: KeyGenerationShape };

/**
 * The CSR source a CertificateCsrInput (at `field`) chose. The input is a oneOf, so the field that is present
 * decides, not whether its value is truthy: an empty uploaded CSR is the caller's own CSR, left blank, and is
 * refused here rather than turned into online key generation. The upstream needs the CSR with that choice
 * (CertificateInfoSubmit.Csr, SubmitCertificateInformation.CsrContent, ReplaceCertificate.CsrContent and
 * CreateCertificateByPackage.RenewCsr are required for parse/upload), so a blank one costs no upstream call.
 */
export function csrChoice(csr: CsrChoiceShape, field: readonly string[]): CsrChoice {
  const uploaded = csr.uploadedCsrPem;
  if (uploaded !== null && uploaded !== undefined) {
    if (uploaded.trim() === '') {
      throw new InputRejection(
        'CSR_REQUIRED',
        'uploadedCsrPem is empty: give your CSR in PEM form, or choose generatedKey instead.',
        [...field, 'uploadedCsrPem'],
      );
    }
    return { source: 'uploaded', csrPem: uploaded };
  }
  return { source: 'generated', key: csr.generatedKey ?? {} };
}

export interface TagShape {
  readonly key: string;
  readonly value: string;
}

export const CertificateTagInput = builder.inputType('CertificateTagInput', {
  description: 'A tag (key/value pair) to attach to a certificate.',
  fields: (t) => ({
    key: t.string({ required: true, description: 'The tag key.' }),
    value: t.string({ required: true, description: 'The tag value.' }),
  }),
});

export function toUpstreamTags(tags: readonly TagShape[] | null | undefined): TagsInput[] | undefined {
  return tags?.map((tag) => ({ TagKey: tag.key, TagValue: tag.value }));
}

/** A GraphQL ID the upstream types as an integer (project, manager, company IDs). */
export function integerId(value: string | number, field: readonly string[]): number {
  const text = String(value).trim();
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new InputRejection('INVALID_ID', `${JSON.stringify(String(value))} is not a numeric ID.`, field);
  }
  return Number(text);
}

/** An optional integer ID: absent stays absent, but a sent one must be valid (an empty one is not "none"). */
export function optionalIntegerId(
  value: string | number | null | undefined,
  field: readonly string[],
): number | undefined {
  return value === null || value === undefined ? undefined : integerId(value, field);
}

const FIRST_PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

/**
 * A certificate's PEM text as sent, refused unless its first certificate parses (node:crypto): the upstream reads
 * the key first and answers an unreadable certificate with a key mismatch (InvalidParameter.MissMatchPrivateKey),
 * which blames the wrong input. The code is the upstream's own for a certificate it cannot read.
 */
export function readableCertificatePem(pem: string, field: readonly string[]): string {
  const block = FIRST_PEM_CERTIFICATE.exec(pem)?.[0];
  let readable = false;
  if (block !== undefined) {
    try {
      new X509Certificate(block);
      readable = true;
    } catch {
      readable = false;
    }
  }
  if (!readable) {
    throw new InputRejection(
      'FailedOperation.CertificateParseError',
      'The certificate is not a readable PEM certificate (-----BEGIN CERTIFICATE----- …).',
      field,
    );
  }
  return pem;
}

const KNOWN_REGIONS: ReadonlySet<string> = new Set(SSL_API_REGIONS);

/**
 * A region as the upstream wants it (trimmed), refused unless it is one of the API's regions: the upstream would
 * otherwise be asked, and may record the attempt, for a region that does not exist.
 */
export function knownRegion(value: string, field: readonly string[]): string {
  const region = value.trim();
  if (!KNOWN_REGIONS.has(region)) throw unknownRegion(value, field);
  return region;
}

/** The refusal of a region that is not one of the API's (code INVALID_REGION). */
export function unknownRegion(value: string, field: readonly string[]): InputRejection {
  return new InputRejection(
    'INVALID_REGION',
    `${JSON.stringify(value)} is not a Tencent Cloud region; use one of ${SSL_API_REGIONS.join(', ')}.`,
    field,
  );
}

export function isKnownRegion(value: string): boolean {
  return KNOWN_REGIONS.has(value.trim());
}

/** A certificate ID as the upstream wants it: pasted IDs often carry spaces around them. */
export function certificateIdOf(raw: string | number): string {
  return String(raw).trim();
}

/** Certificate IDs as the upstream wants them: trimmed, without duplicates, within the action's limit. */
export function certificateIdList(
  ids: readonly (string | number)[],
  maximum: number,
  field: readonly string[],
): string[] {
  const unique = [...new Set(ids.map(certificateIdOf))];
  if (unique.length === 0) throw new InputRejection('EMPTY_LIST', 'Give at least one certificate ID.', field);
  if (unique.length > maximum) {
    throw new InputRejection(
      'TOO_MANY_IDS',
      `At most ${maximum} certificate IDs can be changed at once; ${unique.length} were given.`,
      field,
    );
  }
  return unique;
}
