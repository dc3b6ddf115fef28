// The paid certificate products the SSL API sells, with English names (catalogue §8: 域名型 = DV, 企业型 = OV,
// 增强型 = EV, 通配符/泛域名 = wildcard, 多域名 = multi-domain, 国密 = SM2, 专业版 = Pro).
import { upstreamEnum } from './upstream-enum.ts';

const CERTIFICATE_PRODUCT_VALUES = {
  SECURESITE_EV_PRO: { value: 3, description: 'SecureSite Pro EV certificate.' },
  SECURESITE_EV: { value: 4, description: 'SecureSite EV certificate.' },
  SECURESITE_OV_PRO: { value: 5, description: 'SecureSite Pro OV certificate.' },
  SECURESITE_OV: { value: 6, description: 'SecureSite OV certificate.' },
  SECURESITE_OV_WILDCARD: { value: 7, description: 'SecureSite OV wildcard certificate.' },
  GEOTRUST_EV: { value: 8, description: 'GeoTrust EV certificate.' },
  GEOTRUST_OV: { value: 9, description: 'GeoTrust OV certificate.' },
  GEOTRUST_OV_WILDCARD: { value: 10, description: 'GeoTrust OV wildcard certificate.' },
  TRUSTASIA_DV_MULTI_DOMAIN: { value: 11, description: 'TrustAsia DV multi-domain certificate.' },
  TRUSTASIA_DV_WILDCARD: { value: 12, description: 'TrustAsia DV wildcard certificate.' },
  TRUSTASIA_OV_WILDCARD_D3: { value: 13, description: 'TrustAsia OV wildcard certificate (D3).' },
  TRUSTASIA_OV_D3: { value: 14, description: 'TrustAsia OV certificate (D3).' },
  TRUSTASIA_OV_MULTI_DOMAIN_D3: { value: 15, description: 'TrustAsia OV multi-domain certificate (D3).' },
  TRUSTASIA_EV_D3: { value: 16, description: 'TrustAsia EV certificate (D3).' },
  TRUSTASIA_EV_MULTI_DOMAIN_D3: { value: 17, description: 'TrustAsia EV multi-domain certificate (D3).' },
  GLOBALSIGN_OV: { value: 18, description: 'GlobalSign OV certificate.' },
  GLOBALSIGN_OV_WILDCARD: { value: 19, description: 'GlobalSign OV wildcard certificate.' },
  GLOBALSIGN_EV: { value: 20, description: 'GlobalSign EV certificate.' },
  TRUSTASIA_OV_MULTI_WILDCARD_D3: {
    value: 21,
    description: 'TrustAsia OV multi-domain wildcard certificate (D3).',
  },
  GLOBALSIGN_OV_MULTI_DOMAIN: { value: 22, description: 'GlobalSign OV multi-domain certificate.' },
  GLOBALSIGN_OV_MULTI_WILDCARD: {
    value: 23,
    description: 'GlobalSign OV multi-domain wildcard certificate.',
  },
  GLOBALSIGN_EV_MULTI_DOMAIN: { value: 24, description: 'GlobalSign EV multi-domain certificate.' },
  WOTRUS_DV: { value: 25, description: 'WoTrus DV certificate.' },
  WOTRUS_DV_MULTI_DOMAIN: { value: 26, description: 'WoTrus DV multi-domain certificate.' },
  WOTRUS_DV_WILDCARD: { value: 27, description: 'WoTrus DV wildcard certificate.' },
  WOTRUS_OV: { value: 28, description: 'WoTrus OV certificate.' },
  WOTRUS_OV_MULTI_DOMAIN: { value: 29, description: 'WoTrus OV multi-domain certificate.' },
  WOTRUS_OV_WILDCARD: { value: 30, description: 'WoTrus OV wildcard certificate.' },
  WOTRUS_EV: { value: 31, description: 'WoTrus EV certificate.' },
  WOTRUS_EV_MULTI_DOMAIN: { value: 32, description: 'WoTrus EV multi-domain certificate.' },
  WOTRUS_SM2_DV: { value: 33, description: 'WoTrus SM2 (Chinese national cryptography) DV certificate.' },
  WOTRUS_SM2_DV_MULTI_DOMAIN: {
    value: 34,
    description: 'WoTrus SM2 (Chinese national cryptography) DV multi-domain certificate.',
  },
  WOTRUS_SM2_DV_WILDCARD: {
    value: 35,
    description: 'WoTrus SM2 (Chinese national cryptography) DV wildcard certificate.',
  },
  WOTRUS_SM2_OV: { value: 37, description: 'WoTrus SM2 (Chinese national cryptography) OV certificate.' },
  WOTRUS_SM2_OV_MULTI_DOMAIN: {
    value: 38,
    description: 'WoTrus SM2 (Chinese national cryptography) OV multi-domain certificate.',
  },
  WOTRUS_SM2_OV_WILDCARD: {
    value: 39,
    description: 'WoTrus SM2 (Chinese national cryptography) OV wildcard certificate.',
  },
  WOTRUS_SM2_EV: { value: 40, description: 'WoTrus SM2 (Chinese national cryptography) EV certificate.' },
  WOTRUS_SM2_EV_MULTI_DOMAIN: {
    value: 41,
    description: 'WoTrus SM2 (Chinese national cryptography) EV multi-domain certificate.',
  },
  TRUSTASIA_DV_MULTI_WILDCARD: { value: 42, description: 'TrustAsia DV multi-domain wildcard certificate.' },
  DNSPOD_OV: { value: 43, description: 'DNSPod OV certificate.' },
  DNSPOD_OV_WILDCARD: { value: 44, description: 'DNSPod OV wildcard certificate.' },
  DNSPOD_OV_MULTI_DOMAIN: { value: 45, description: 'DNSPod OV multi-domain certificate.' },
  DNSPOD_EV: { value: 46, description: 'DNSPod EV certificate.' },
  DNSPOD_EV_MULTI_DOMAIN: { value: 47, description: 'DNSPod EV multi-domain certificate.' },
  DNSPOD_DV: { value: 48, description: 'DNSPod DV certificate.' },
  DNSPOD_DV_WILDCARD: { value: 49, description: 'DNSPod DV wildcard certificate.' },
  DNSPOD_DV_MULTI_DOMAIN: { value: 50, description: 'DNSPod DV multi-domain certificate.' },
  DNSPOD_SM2_OV: { value: 51, description: 'DNSPod SM2 (Chinese national cryptography) OV certificate.' },
  DNSPOD_SM2_OV_WILDCARD: {
    value: 52,
    description: 'DNSPod SM2 (Chinese national cryptography) OV wildcard certificate.',
  },
  DNSPOD_SM2_OV_MULTI_DOMAIN: {
    value: 53,
    description: 'DNSPod SM2 (Chinese national cryptography) OV multi-domain certificate.',
  },
  DNSPOD_SM2_DV: { value: 54, description: 'DNSPod SM2 (Chinese national cryptography) DV certificate.' },
  DNSPOD_SM2_DV_WILDCARD: {
    value: 55,
    description: 'DNSPod SM2 (Chinese national cryptography) DV wildcard certificate.',
  },
  DNSPOD_SM2_DV_MULTI_DOMAIN: {
    value: 56,
    description: 'DNSPod SM2 (Chinese national cryptography) DV multi-domain certificate.',
  },
  SECURESITE_OV_PRO_MULTI_DOMAIN: { value: 57, description: 'SecureSite Pro OV multi-domain certificate.' },
  SECURESITE_OV_MULTI_DOMAIN: { value: 58, description: 'SecureSite OV multi-domain certificate.' },
  SECURESITE_EV_PRO_MULTI_DOMAIN: { value: 59, description: 'SecureSite Pro EV multi-domain certificate.' },
  SECURESITE_EV_MULTI_DOMAIN: { value: 60, description: 'SecureSite EV multi-domain certificate.' },
  GEOTRUST_EV_MULTI_DOMAIN: { value: 61, description: 'GeoTrust EV multi-domain certificate.' },
  SECURESITE_OV_75: {
    value: 75,
    description:
      'SecureSite OV certificate (product code 75; the catalogue lists it under the same name as SECURESITE_OV).',
  },
  SECURESITE_OV_WILDCARD_76: {
    value: 76,
    description:
      'SecureSite OV wildcard certificate (product code 76; the catalogue lists it under the same name as SECURESITE_OV_WILDCARD).',
  },
  SECURESITE_EV_77: {
    value: 77,
    description:
      'SecureSite EV certificate (product code 77; the catalogue lists it under the same name as SECURESITE_EV).',
  },
  GEOTRUST_OV_78: {
    value: 78,
    description:
      'GeoTrust OV certificate (product code 78; the catalogue lists it under the same name as GEOTRUST_OV).',
  },
  GEOTRUST_OV_WILDCARD_79: {
    value: 79,
    description:
      'GeoTrust OV wildcard certificate (product code 79; the catalogue lists it under the same name as GEOTRUST_OV_WILDCARD).',
  },
  GEOTRUST_EV_80: {
    value: 80,
    description:
      'GeoTrust EV certificate (product code 80; the catalogue lists it under the same name as GEOTRUST_EV).',
  },
  GLOBALSIGN_OV_81: {
    value: 81,
    description:
      'GlobalSign OV certificate (product code 81; the catalogue lists it under the same name as GLOBALSIGN_OV).',
  },
  GLOBALSIGN_OV_WILDCARD_82: {
    value: 82,
    description:
      'GlobalSign OV wildcard certificate (product code 82; the catalogue lists it under the same name as GLOBALSIGN_OV_WILDCARD).',
  },
  GLOBALSIGN_EV_85: {
    value: 85,
    description:
      'GlobalSign EV certificate (product code 85; the catalogue lists it under the same name as GLOBALSIGN_EV).',
  },
  GLOBALSIGN_OV_MULTI_WILDCARD_88: {
    value: 88,
    description:
      'GlobalSign OV multi-domain wildcard certificate (product code 88; the catalogue lists it under the same name as GLOBALSIGN_OV_MULTI_WILDCARD).',
  },
  GLOBALSIGN_OV_MULTI_DOMAIN_89: {
    value: 89,
    description:
      'GlobalSign OV multi-domain certificate (product code 89; the catalogue lists it under the same name as GLOBALSIGN_OV_MULTI_DOMAIN).',
  },
  GLOBALSIGN_EV_MULTI_DOMAIN_90: {
    value: 90,
    description:
      'GlobalSign EV multi-domain certificate (product code 90; the catalogue lists it under the same name as GLOBALSIGN_EV_MULTI_DOMAIN).',
  },
  GEOTRUST_EV_MULTI_DOMAIN_91: {
    value: 91,
    description:
      'GeoTrust EV multi-domain certificate (product code 91; the catalogue lists it under the same name as GEOTRUST_EV_MULTI_DOMAIN).',
  },
  SECURESITE_OV_PRO_MULTI_DOMAIN_92: {
    value: 92,
    description:
      'SecureSite Pro OV multi-domain certificate (product code 92; the catalogue lists it under the same name as SECURESITE_OV_PRO_MULTI_DOMAIN).',
  },
  SECURESITE_OV_MULTI_DOMAIN_93: {
    value: 93,
    description:
      'SecureSite OV multi-domain certificate (product code 93; the catalogue lists it under the same name as SECURESITE_OV_MULTI_DOMAIN).',
  },
  SECURESITE_EV_PRO_MULTI_DOMAIN_94: {
    value: 94,
    description:
      'SecureSite Pro EV multi-domain certificate (product code 94; the catalogue lists it under the same name as SECURESITE_EV_PRO_MULTI_DOMAIN).',
  },
  SECURESITE_EV_MULTI_DOMAIN_95: {
    value: 95,
    description:
      'SecureSite EV multi-domain certificate (product code 95; the catalogue lists it under the same name as SECURESITE_EV_MULTI_DOMAIN).',
  },
  SECURESITE_EV_PRO_96: {
    value: 96,
    description:
      'SecureSite Pro EV certificate (product code 96; the catalogue lists it under the same name as SECURESITE_EV_PRO).',
  },
  SECURESITE_OV_PRO_97: {
    value: 97,
    description:
      'SecureSite Pro OV certificate (product code 97; the catalogue lists it under the same name as SECURESITE_OV_PRO).',
  },
  CFCA_OV: { value: 98, description: 'CFCA OV certificate.' },
  CFCA_OV_MULTI_DOMAIN: { value: 99, description: 'CFCA OV multi-domain certificate. One-year orders only.' },
  CFCA_OV_WILDCARD: { value: 100, description: 'CFCA OV wildcard certificate. One-year orders only.' },
  CFCA_EV: { value: 101, description: 'CFCA EV certificate. One-year orders only.' },
  RAPID_DV: { value: 102, description: 'Rapid DV certificate.' },
  RAPID_DV_WILDCARD: { value: 103, description: 'Rapid DV wildcard certificate.' },
  TRUSTASIA_DV_SINGLE_DOMAIN: { value: 104, description: 'TrustAsia DV single-domain certificate.' },
  SSL_SINGLE_DOMAIN_ONE_YEAR: { value: 105, description: 'SSL single-domain certificate (one year).' },
} as const;

/** CreateCertificate.ProductId: the product a paid certificate is bought as (same numbering as the package type). */
export const CertificateProduct = upstreamEnum('CertificateProduct', CERTIFICATE_PRODUCT_VALUES, {
  description:
    'A paid certificate product (brand, validation level and domain coverage) that can be bought with money.',
  upstreamField: 'CreateCertificate ProductId',
});

const CERTIFICATE_PACKAGE_PRODUCT_VALUES = {
  CFCA_EV: { value: 1022451, description: 'CFCA EV certificate.' },
  CFCA_OV_WILDCARD: { value: 1022449, description: 'CFCA OV wildcard certificate.' },
  CFCA_OV: { value: 1022447, description: 'CFCA OV certificate.' },
  DNSPOD_ASIAINFO_SM2_OV_WILDCARD: {
    value: 1014028,
    description: 'DNSPod AsiaInfo SM2 (Chinese national cryptography) OV wildcard certificate.',
  },
  DNSPOD_ASIAINFO_SM2_OV_MULTI_DOMAIN: {
    value: 1014030,
    description: 'DNSPod AsiaInfo SM2 (Chinese national cryptography) OV multi-domain certificate.',
  },
  DNSPOD_ASIAINFO_SM2_OV: {
    value: 1014026,
    description: 'DNSPod AsiaInfo SM2 (Chinese national cryptography) OV certificate.',
  },
  DNSPOD_ASIAINFO_SM2_DV_WILDCARD: {
    value: 1014022,
    description: 'DNSPod AsiaInfo SM2 (Chinese national cryptography) DV wildcard certificate.',
  },
  DNSPOD_ASIAINFO_SM2_DV_MULTI_DOMAIN: {
    value: 1014024,
    description: 'DNSPod AsiaInfo SM2 (Chinese national cryptography) DV multi-domain certificate.',
  },
  DNSPOD_ASIAINFO_SM2_DV: {
    value: 1014020,
    description: 'DNSPod AsiaInfo SM2 (Chinese national cryptography) DV certificate.',
  },
  DNSPOD_DV_C1: { value: 1013949, description: 'DNSPod DV certificate (C1).' },
  DNSPOD_DV_MULTI_DOMAIN_C1: { value: 1013953, description: 'DNSPod DV multi-domain certificate (C1).' },
  DNSPOD_DV_WILDCARD: { value: 1013951, description: 'DNSPod DV wildcard certificate.' },
  DNSPOD_OV_C1: { value: 1013955, description: 'DNSPod OV certificate (C1).' },
  DNSPOD_OV_MULTI_DOMAIN_C1: { value: 1013959, description: 'DNSPod OV multi-domain certificate (C1).' },
  DNSPOD_OV_WILDCARD_C1: { value: 1013957, description: 'DNSPod OV wildcard certificate (C1).' },
  DNSPOD_EV_C1: { value: 1013961, description: 'DNSPod EV certificate (C1).' },
  DNSPOD_EV_MULTI_DOMAIN_C1: { value: 1013963, description: 'DNSPod EV multi-domain certificate (C1).' },
  TRUSTASIA_DV_MULTI_WILDCARD: {
    value: 1005919,
    description: 'TrustAsia DV multi-domain wildcard certificate.',
  },
  SECURESITE_EV_PRO_MULTI_DOMAIN: {
    value: 1013882,
    description: 'SecureSite Pro EV multi-domain certificate.',
  },
  SECURESITE_EV_PRO: { value: 1018559, description: 'SecureSite Pro EV certificate.' },
  GLOBALSIGN_EV_MULTI_DOMAIN: { value: 1013910, description: 'GlobalSign EV multi-domain certificate.' },
  GLOBALSIGN_EV: { value: 1013904, description: 'GlobalSign EV certificate.' },
  TRUSTASIA_EV_MULTI_DOMAIN: { value: 1013898, description: 'TrustAsia EV multi-domain certificate.' },
  TRUSTASIA_EV: { value: 1013888, description: 'TrustAsia EV certificate.' },
  GEOTRUST_EV_MULTI_DOMAIN: { value: 1013886, description: 'GeoTrust EV multi-domain certificate.' },
  GEOTRUST_EV: { value: 1018529, description: 'GeoTrust EV certificate.' },
  SECURESITE_EV_MULTI_DOMAIN: { value: 1013880, description: 'SecureSite EV multi-domain certificate.' },
  SECURESITE_EV: { value: 1018557, description: 'SecureSite EV certificate.' },
  TRUSTASIA_DV_WILDCARD: { value: 1018586, description: 'TrustAsia DV wildcard certificate.' },
  TRUSTASIA_DV_MULTI_DOMAIN: { value: 1018584, description: 'TrustAsia DV multi-domain certificate.' },
  SECURESITE_OV_PRO_MULTI_DOMAIN: {
    value: 1013878,
    description: 'SecureSite Pro OV multi-domain certificate.',
  },
  SECURESITE_OV_PRO: { value: 1018582, description: 'SecureSite Pro OV certificate.' },
  GLOBALSIGN_OV_MULTI_WILDCARD: {
    value: 1013908,
    description: 'GlobalSign OV multi-domain wildcard certificate.',
  },
  GLOBALSIGN_OV_WILDCARD: { value: 1013902, description: 'GlobalSign OV wildcard certificate.' },
  GLOBALSIGN_OV_MULTI_DOMAIN: { value: 1013906, description: 'GlobalSign OV multi-domain certificate.' },
  GLOBALSIGN_OV: { value: 1013900, description: 'GlobalSign OV certificate.' },
  TRUSTASIA_OV_MULTI_WILDCARD: {
    value: 1013896,
    description: 'TrustAsia OV multi-domain wildcard certificate.',
  },
  TRUSTASIA_OV_WILDCARD: { value: 1013892, description: 'TrustAsia OV wildcard certificate.' },
  TRUSTASIA_OV_MULTI_DOMAIN: { value: 1013894, description: 'TrustAsia OV multi-domain certificate.' },
  TRUSTASIA_OV: { value: 1013890, description: 'TrustAsia OV certificate.' },
  GEOTRUST_OV_WILDCARD: { value: 1004360, description: 'GeoTrust OV wildcard certificate.' },
  GEOTRUST_OV: { value: 1013884, description: 'GeoTrust OV certificate.' },
  SECURESITE_OV_WILDCARD: { value: 1013874, description: 'SecureSite OV wildcard certificate.' },
  SECURESITE_OV_MULTI_DOMAIN: { value: 1013876, description: 'SecureSite OV multi-domain certificate.' },
  SECURESITE_OV: { value: 1018580, description: 'SecureSite OV certificate.' },
  DNSPOD_SM2_EV_MULTI_DOMAIN: {
    value: 1004460,
    description: 'DNSPod SM2 (Chinese national cryptography) EV multi-domain certificate.',
  },
  DNSPOD_SM2_EV: {
    value: 1004458,
    description: 'DNSPod SM2 (Chinese national cryptography) EV certificate.',
  },
  DNSPOD_SM2_OV_WILDCARD: {
    value: 1004370,
    description: 'DNSPod SM2 (Chinese national cryptography) OV wildcard certificate.',
  },
  DNSPOD_SM2_OV_MULTI_DOMAIN: {
    value: 1004368,
    description: 'DNSPod SM2 (Chinese national cryptography) OV multi-domain certificate.',
  },
  DNSPOD_SM2_OV: {
    value: 1004366,
    description: 'DNSPod SM2 (Chinese national cryptography) OV certificate.',
  },
  DNSPOD_SM2_DV_WILDCARD: {
    value: 1004362,
    description: 'DNSPod SM2 (Chinese national cryptography) DV wildcard certificate.',
  },
  DNSPOD_SM2_DV_MULTI_DOMAIN: {
    value: 1004364,
    description: 'DNSPod SM2 (Chinese national cryptography) DV multi-domain certificate.',
  },
  DNSPOD_SM2_DV: {
    value: 1004358,
    description: 'DNSPod SM2 (Chinese national cryptography) DV certificate.',
  },
  WOTRUS_EV_MULTI_DOMAIN: { value: 1004456, description: 'WoTrus EV multi-domain certificate.' },
  WOTRUS_EV: { value: 1004454, description: 'WoTrus EV certificate.' },
  WOTRUS_OV_WILDCARD: { value: 1004168, description: 'WoTrus OV wildcard certificate.' },
  WOTRUS_OV_MULTI_DOMAIN: { value: 1004166, description: 'WoTrus OV multi-domain certificate.' },
  WOTRUS_OV: { value: 1004164, description: 'WoTrus OV certificate.' },
  WOTRUS_DV_WILDCARD: { value: 1004159, description: 'WoTrus DV wildcard certificate.' },
  WOTRUS_DV_MULTI_DOMAIN: { value: 1004161, description: 'WoTrus DV multi-domain certificate.' },
  WOTRUS_DV: { value: 1004157, description: 'WoTrus DV certificate.' },
} as const;

/** CreateCertificateByPackage.ProductPid: the product a certificate is created as from benefit-package points. */
export const CertificatePackageProduct = upstreamEnum(
  'CertificatePackageProduct',
  CERTIFICATE_PACKAGE_PRODUCT_VALUES,
  {
    description:
      'A paid certificate product (brand, validation level and domain coverage) that can be created by consuming ' +
      'benefit-package points.',
    upstreamField: 'CreateCertificateByPackage ProductPid',
  },
);

type PackageProductPid =
  (typeof CERTIFICATE_PACKAGE_PRODUCT_VALUES)[keyof typeof CERTIFICATE_PACKAGE_PRODUCT_VALUES]['value'];

/**
 * The pricing key the upstream expects beside each ProductPid (CreateCertificateByPackage.PriceKey): the catalogue
 * lists both enums with the same product names, one to one, so callers never have to pass it.
 */
export const PRICE_KEY_OF_PACKAGE_PRODUCT: Readonly<Record<PackageProductPid, string>> = {
  1022451: 'sv_ssl_cost_cfca_ca_ev',
  1022449: 'sv_ssl_cost_cfca_ca_ovwildcard',
  1022447: 'sv_ssl_cost_cfca_ca_ov',
  1014028: 'sv_ssl_cost_dnspod_ca_sm2_ovwildcard',
  1014030: 'sv_ssl_cost_dnspod_ca_sm2_ovmultidomain',
  1014026: 'sv_ssl_cost_dnspod_ca_sm2_ov',
  1014022: 'sv_ssl_cost_dnspod_ca_sm2_dvwildcard',
  1014024: 'sv_ssl_cost_dnspod_ca_sm2_dvmultidomain',
  1014020: 'sv_ssl_cost_dnspod_ca_sm2_dv',
  1013949: 'sv_ssl_cost_dnspod_ca_dv',
  1013953: 'sv_ssl_cost_dnspod_ca_dvmultidomain',
  1013951: 'sv_ssl_cost_dnspod_ca_dvwildcard',
  1013955: 'sv_ssl_cost_dnspod_ca_ov',
  1013959: 'sv_ssl_cost_dnspod_ca_ovmultidomain',
  1013957: 'sv_ssl_cost_dnspod_ca_ovwildcard',
  1013961: 'sv_ssl_cost_dnspod_ca_ev',
  1013963: 'sv_ssl_cost_dnspod_ca_evmultidomain',
  1005919: 'sv_ssl_cost_trustasia_dvwildcardmulti',
  1013882: 'sv_ssl_cost_securesiteevpromul_sh',
  1018559: 'sv_ssl_cost_symantec_evpro',
  1013910: 'sv_ssl_cost_globalsign_ev_mul_sh',
  1013904: 'sv_ssl_cost_globalsign_ev',
  1013898: 'sv_ssl_cost_trustasia_evmultidomain',
  1013888: 'sv_ssl_cost_trustasia_ev',
  1013886: 'sv_ssl_cost_geotrust_evmultidomain',
  1018529: 'sv_ssl_cost_geotrust_ev',
  1013880: 'sv_ssl_cost_symantec_evmultidomain',
  1018557: 'sv_ssl_cost_symantec_ev',
  1018586: 'sv_ssl_cost_trustasia_dvwildcard',
  1018584: 'sv_ssl_cost_trustasia_dvmultidomain',
  1013878: 'sv_ssl_cost_symantec_ovpromultidomain',
  1018582: 'sv_ssl_cost_symantec_ovpro',
  1013908: 'sv_ssl_cost_globalsign_ovwildcardmulti',
  1013902: 'sv_ssl_cost_globalsign_ovwildcard',
  1013906: 'sv_ssl_cost_globalsign_ovmultidomain',
  1013900: 'sv_ssl_cost_globalsign_ov',
  1013896: 'sv_ssl_cost_trustasia_ovwildcardmulti',
  1013892: 'sv_ssl_cost_trustasia_ovwildcard',
  1013894: 'sv_ssl_cost_trustasia_ovmultidomain',
  1013890: 'sv_ssl_cost_trustasia_ov',
  1004360: 'sv_ssl_cost_geotrust_ovwildcard',
  1013884: 'sv_ssl_cost_geotrust_ov',
  1013874: 'sv_ssl_cost_symantec_ovwildcard',
  1013876: 'sv_ssl_cost_symantec_ovmultidomain',
  1018580: 'sv_ssl_cost_symantec_ov',
  1004460: 'sv_ssl_cost_dnspod_evmultidomain',
  1004458: 'sv_ssl_cost_dnspod_ev',
  1004370: 'sv_ssl_cost_dnspod_ovwildcard',
  1004368: 'sv_ssl_cost_dnspod_ovmultidomain',
  1004366: 'sv_ssl_cost_dnspod_ov',
  1004362: 'sv_ssl_cost_dnspod_dvwildcard',
  1004364: 'sv_ssl_cost_dnspod_dvmultidomain',
  1004358: 'sv_ssl_cost_dnspod_dv',
  1004456: 'sv_ssl_cost_wotrus_evmultidomain',
  1004454: 'sv_ssl_cost_wotrus_ev',
  1004168: 'sv_ssl_cost_wotrus_ovwildcard',
  1004166: 'sv_ssl_cost_wotrus_ovmultidomain',
  1004164: 'sv_ssl_cost_wotrus_ov',
  1004159: 'sv_ssl_cost_wotrus_dvwildcard',
  1004161: 'sv_ssl_cost_wotrus_dvmultidomain',
  1004157: 'sv_ssl_cost_wotrus_dv',
};
