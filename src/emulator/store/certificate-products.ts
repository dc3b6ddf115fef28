// Certificate products (PackageType / CreateCertificate.ProductId / CreateCertificateByPackage.ProductPid),
// transcribed from the vendor documentation's enums. Names stay in the doc's Chinese, as the upstream returns them.

/** PackageType (String-typed upstream) → product name (ProductZhName / PackageTypeName). */
export const PACKAGE_TYPE_NAMES: Readonly<Record<string, string>> = {
  '2': 'TrustAsia TLS RSA CA',
  '3': 'SecureSite 增强型企业版（EV Pro）',
  '4': 'SecureSite 增强型（EV）',
  '5': 'SecureSite 企业型专业版（OV Pro）',
  '6': 'SecureSite 企业型（OV）',
  '7': 'SecureSite 企业型（OV）通配符',
  '8': 'Geotrust 增强型（EV）',
  '9': 'Geotrust 企业型（OV）',
  '10': 'Geotrust 企业型（OV）通配符',
  '11': 'TrustAsia 域名型多域名 SSL 证书',
  '12': 'TrustAsia 域名型（DV）通配符',
  '13': 'TrustAsia 企业型通配符（OV）SSL 证书（D3）',
  '14': 'TrustAsia 企业型（OV）SSL 证书（D3）',
  '15': 'TrustAsia 企业型多域名 （OV）SSL 证书（D3）',
  '16': 'TrustAsia 增强型 （EV）SSL 证书（D3）',
  '17': 'TrustAsia 增强型多域名（EV）SSL 证书（D3）',
  '18': 'GlobalSign 企业型（OV）SSL 证书',
  '19': 'GlobalSign 企业型通配符 （OV）SSL 证书',
  '20': 'GlobalSign 增强型 （EV）SSL 证书',
  '21': 'TrustAsia 企业型通配符多域名（OV）SSL 证书（D3）',
  '22': 'GlobalSign 企业型多域名（OV）SSL 证书',
  '23': 'GlobalSign 企业型通配符多域名（OV）SSL 证书',
  '24': 'GlobalSign 增强型多域名（EV）SSL 证书',
  '25': 'Wotrus 域名型证书',
  '26': 'Wotrus 域名型多域名证书',
  '27': 'Wotrus 域名型通配符证书',
  '28': 'Wotrus 企业型证书',
  '29': 'Wotrus 企业型多域名证书',
  '30': 'Wotrus 企业型通配符证书',
  '31': 'Wotrus 增强型证书',
  '32': 'Wotrus 增强型多域名证书',
  '33': 'WoTrus-国密域名型证书',
  '34': 'WoTrus-国密域名型证书（多域名）',
  '35': 'WoTrus-国密域名型证书（通配符）',
  '37': 'WoTrus-国密企业型证书',
  '38': 'WoTrus-国密企业型证书（多域名）',
  '39': 'WoTrus-国密企业型证书（通配符）',
  '40': 'WoTrus-国密增强型证书',
  '41': 'WoTrus-国密增强型证书（多域名）',
  '42': 'TrustAsia-域名型证书（通配符多域名）',
  '43': 'DNSPod-企业型(OV)SSL证书',
  '44': 'DNSPod-企业型(OV)通配符SSL证书',
  '45': 'DNSPod-企业型(OV)多域名SSL证书',
  '46': 'DNSPod-增强型(EV)SSL证书',
  '47': 'DNSPod-增强型(EV)多域名SSL证书',
  '48': 'DNSPod-域名型(DV)SSL证书',
  '49': 'DNSPod-域名型(DV)通配符SSL证书',
  '50': 'DNSPod-域名型(DV)多域名SSL证书',
  '51': 'DNSPod（国密）-企业型(OV)SSL证书',
  '52': 'DNSPod（国密）-企业型(OV)通配符SSL证书',
  '53': 'DNSPod（国密）-企业型(OV)多域名SSL证书',
  '54': 'DNSPod（国密）-域名型(DV)SSL证书',
  '55': 'DNSPod（国密）-域名型(DV)通配符SSL证书',
  '56': 'DNSPod（国密）-域名型(DV)多域名SSL证书',
  '57': 'SecureSite 企业型专业版多域名(OV Pro)',
  '58': 'SecureSite 企业型多域名(OV)',
  '59': 'SecureSite 增强型专业版多域名(EV Pro)',
  '60': 'SecureSite 增强型多域名(EV)',
  '61': 'Geotrust 增强型多域名(EV)',
  '75': 'SecureSite 企业型(OV)',
  '76': 'SecureSite 企业型(OV)通配符',
  '77': 'SecureSite 增强型(EV)',
  '78': 'Geotrust 企业型(OV)',
  '79': 'Geotrust 企业型(OV)通配符',
  '80': 'Geotrust 增强型(EV)',
  '81': 'GlobalSign 企业型（OV）SSL证书',
  '82': 'GlobalSign 企业型通配符 （OV）SSL证书',
  '83': 'TrustAsia C1 DV Free',
  '85': 'GlobalSign 增强型 （EV）SSL证书',
  '88': 'GlobalSign 企业型通配符多域名 （OV）SSL证书',
  '89': 'GlobalSign 企业型多域名 （OV）SSL证书',
  '90': 'GlobalSign 增强型多域名（EV） SSL证书',
  '91': 'Geotrust 增强型多域名(EV)',
  '92': 'SecureSite 企业型专业版多域名(OV Pro)',
  '93': 'SecureSite 企业型多域名(OV)',
  '94': 'SecureSite 增强型专业版多域名(EV Pro)',
  '95': 'SecureSite 增强型多域名(EV)',
  '96': 'SecureSite 增强型专业版(EV Pro)',
  '97': 'SecureSite 企业型专业版(OV Pro)',
  '98': 'CFCA 企业型(OV)SSL证书',
  '99': 'CFCA 企业型多域名(OV)SSL证书',
  '100': 'CFCA 企业型通配符(OV)SSL证书',
  '101': 'CFCA 增强型(EV)SSL证书',
  '102': 'Rapid-域名型(DV)SSL证书',
  '103': 'Rapid-域名型(DV)SSL证书(通配符)',
  '104': 'TrustAsia-域名型(单域名)',
  '105': 'SSL单域名证书(一年期)',
};

/** CreateCertificateByPackage.ProductPid → product name. */
export const PRODUCT_PID_NAMES: Readonly<Record<string, string>> = {
  '1004157': 'WoTrus-域名型证书',
  '1004159': 'WoTrus-域名型证书（通配符）',
  '1004161': 'WoTrus-域名型证书（多域名）',
  '1004164': 'WoTrus-企业型证书',
  '1004166': 'WoTrus-企业型证书（多域名）',
  '1004168': 'WoTrus-企业型证书（通配符）',
  '1004358': 'DNSPod-国密域名型证书',
  '1004360': 'GeoTrust-企业型OV（泛域名）',
  '1004362': 'DNSPod-国密域名型证书（通配符）',
  '1004364': 'DNSPod-国密域名型证书（多域名）',
  '1004366': 'DNSPod-国密企业型证书',
  '1004368': 'DNSPod-国密企业型证书（多域名）',
  '1004370': 'DNSPod-国密企业型证书（通配符）',
  '1004454': 'WoTrus-增强型证书',
  '1004456': 'WoTrus-增强型证书（多域名）',
  '1004458': 'DNSPod-国密增强型证书',
  '1004460': 'DNSPod-国密增强型证书（多域名）',
  '1005919': 'TrustAsia-域名型DV（通配符多域名）',
  '1013874': 'SecureSite-企业型OV（泛域名）',
  '1013876': 'SecureSite-企业型OV（多域名）',
  '1013878': 'SecureSite-企业型专业版OV Pro（多域名）',
  '1013880': 'SecureSite-增强型EV（多域名）',
  '1013882': 'SecureSite-增强型专业版EVPro（多域名）',
  '1013884': 'GeoTrust-企业型OV（单域名）',
  '1013886': 'GeoTrust-增强型EV（多域名）',
  '1013888': 'TrustAsia-增强型EV（单域名）',
  '1013890': 'TrustAsia-企业型OV（单域名）',
  '1013892': 'TrustAsia-企业型OV（泛域名）',
  '1013894': 'TrustAsia-企业型OV（多域名）',
  '1013896': 'TrustAsia-企业型OV（通配符多域名）',
  '1013898': 'TrustAsia-增强型EV（多域名）',
  '1013900': 'GlobalSign-企业型OV（单域名）',
  '1013902': 'GlobalSign-企业型OV（泛域名）',
  '1013904': 'GlobalSign-增强型EV（单域名）',
  '1013906': 'GlobalSign-企业型OV（多域名）',
  '1013908': 'GlobalSign-企业型OV（通配符多域名）',
  '1013910': 'GlobalSign-增强型EV（多域名）',
  '1013949': 'DNSPod SSL 域名型SSL证书(C1)',
  '1013951': 'DNSPod-SSL域名型DV（泛域名）',
  '1013953': 'DNSPod SSL域名型多域名SSL证书(C1)',
  '1013955': 'DNSPod 企业型SSL证书(C1)',
  '1013957': 'DNSPod 企业型通配符SSL证书(C1)',
  '1013959': 'DNSPod 企业型多域名SSL证书(C1)',
  '1013961': 'DNSPod 增强型 SSL 证书(C1)',
  '1013963': 'DNSPod 增强型多域名SSL证书(C1)',
  '1014020': 'DNSPod亚信国密-域名型(DV)证书',
  '1014022': 'DNSPod亚信国密-域名型(DV)通配符证书',
  '1014024': 'DNSPod亚信国密-域名型(DV)多域名证书',
  '1014026': 'DNSPod亚信国密-企业型(OV)证书',
  '1014028': 'DNSPod亚信国密-企业型(OV)通配符证书',
  '1014030': 'DNSPod亚信国密-企业型(OV)多域名证书',
  '1018529': 'GeoTrust-增强型EV（单域名）',
  '1018557': 'SecureSite-增强型EV（单域名）',
  '1018559': 'SecureSite-增强型专业版EVPro（单域名）',
  '1018580': 'SecureSite-企业型OV（单域名）',
  '1018582': 'SecureSite-企业型专业版OV Pro（单域名）',
  '1018584': 'TrustAsia-域名型DV（多域名）',
  '1018586': 'TrustAsia-域名型DV（泛域名）',
  '1022447': 'CFCA-企业型(OV)SSL证书',
  '1022449': 'CFCA-企业型(OV) SSL证书(通配符)',
  '1022451': 'CFCA-增强型(EV)SSL证书',
};

/** The free certificate: TrustAsia C1 DV Free. */
export const FREE_PACKAGE_TYPE = '83';

export interface ProductTraits {
  name: string;
  certType: 'DV' | 'OV' | 'EV';
  /** DomainType: 1 single, 2 multi-domain, 3 wildcard, 4 multi-wildcard. */
  domainType: 1 | 2 | 3 | 4;
  isSm: boolean;
  from: 'trustasia' | 'wosign' | 'sheca';
  /** Whether the product is bought (IsVip): everything except the free DV certificate. */
  paid: boolean;
}

/** Reads a product's traits from its documented name (域名型 = DV, 企业型 = OV, 增强型 = EV, ...). */
export function productTraits(name: string, paid: boolean): ProductTraits {
  const certType = /增强型|EV/.test(name) ? 'EV' : /企业型|OV/.test(name) ? 'OV' : 'DV';
  const wildcard = /通配符|泛域名/.test(name);
  const multi = /多域名/.test(name);
  return {
    name,
    certType,
    domainType: wildcard && multi ? 4 : multi ? 2 : wildcard ? 3 : 1,
    isSm: /国密/.test(name),
    from: /wotrus/i.test(name) ? 'wosign' : 'trustasia',
    paid,
  };
}

export function packageTypeTraits(packageType: string): ProductTraits | undefined {
  const name = PACKAGE_TYPE_NAMES[packageType];
  return name === undefined ? undefined : productTraits(name, packageType !== FREE_PACKAGE_TYPE);
}

/** The PackageType whose documented name best matches a ProductPid's (for CreateCertificateByPackage). */
export function packageTypeForProductPid(productPid: number): string | undefined {
  const name = PRODUCT_PID_NAMES[String(productPid)];
  if (name === undefined) return undefined;
  const wanted = productTraits(name, true);
  const brand = name.split(/[-\s（(亚]/)[0]?.toLowerCase() ?? '';
  const candidates = Object.entries(PACKAGE_TYPE_NAMES).filter(([type, candidate]) => {
    const traits = productTraits(candidate, true);
    return (
      type !== FREE_PACKAGE_TYPE &&
      type !== '2' &&
      traits.certType === wanted.certType &&
      traits.domainType === wanted.domainType &&
      traits.isSm === wanted.isSm
    );
  });
  const sameBrand = candidates.find(([, candidate]) => candidate.toLowerCase().startsWith(brand));
  return (sameBrand ?? candidates[0])?.[0];
}
