import type { EmulatorClock } from '../clock.ts';
import type { EmulatorState } from '../state.ts';
import type { CertificateRecord } from '../store/certificates.ts';
import { CertificateSlot, type ResourceType } from '../store/resources.ts';

export const DEMO_REGIONS = ['ap-guangzhou', 'ap-shanghai', 'ap-beijing', 'ap-hongkong'] as const;

/** Deterministic lower-case alphanumeric id body (FNV-1a of the seed text), like the upstream's `lb-1a2b3c4d`. */
export function demoId(seedText: string, length = 8): string {
  let hash = 0x811c9dc5;
  let out = '';
  for (let round = 0; out.length < length; round++) {
    for (const char of `${seedText}#${round}`) {
      hash ^= char.charCodeAt(0);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    out += hash.toString(36).padStart(7, '0');
  }
  return out.slice(0, length);
}

interface DomainSource {
  /** A concrete host, or the base of a wildcard (`*.base`). */
  name: string;
  wildcard: boolean;
  certId: string;
}

interface SeededDomain {
  domain: string;
  certId: string | null;
}

/**
 * Hands out domains for one resource type: domains of the account's issued certificates (so the demo's
 * resources are bound to real seeded certificates), one host per wildcard label, each concrete host once.
 * Every fourth instance serves a certificate-covered domain but has no certificate yet (a deploy target),
 * and the one after it a partner domain no certificate covers (shown with domainMatch "0").
 */
class DomainAllocator {
  readonly #used = new Set<string>();
  #cursor = 0;
  #wildcardRound = 0;

  constructor(
    private readonly sources: readonly DomainSource[],
    private readonly label: string,
  ) {}

  next(index: number): SeededDomain {
    if (index % 5 === 4) return this.#claim(`${this.label}${index}.partner-site.net`, null);
    const picked = this.#fromCertificates();
    if (!picked) return this.#claim(`${this.label}${index}.unprotected-demo.net`, null);
    return index % 5 === 3 ? { domain: picked.domain, certId: null } : picked;
  }

  #fromCertificates(): SeededDomain | null {
    for (let attempts = 0; attempts < this.sources.length; attempts++) {
      const source = this.sources[this.#cursor % this.sources.length]!;
      this.#cursor++;
      const domain = source.wildcard
        ? `${this.label}${this.#wildcardRound++ || ''}.${source.name}`
        : source.name;
      if (this.#used.has(domain)) continue;
      return this.#claim(domain, source.certId);
    }
    return null;
  }

  #claim(domain: string, certId: string | null): SeededDomain {
    this.#used.add(domain);
    return { domain, certId };
  }
}

/** The issued, unexpired server certificates, by id: what the demo's resources and jobs are built on. */
export function issuedServerCertificates(state: EmulatorState, now: number): CertificateRecord[] {
  return state.certificates
    .all()
    .filter(
      (c) => c.status === 1 && c.certificateType === 'SVR' && c.certEndTime !== null && c.certEndTime > now,
    )
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function domainSources(certificates: readonly CertificateRecord[]): DomainSource[] {
  const sources: DomainSource[] = [];
  for (const certificate of certificates) {
    for (const name of certificate.subjectAltNames) {
      const wildcard = name.startsWith('*.');
      sources.push({ name: wildcard ? name.slice(2) : name, wildcard, certId: certificate.id });
    }
  }
  return sources;
}

const LABELS: Record<ResourceType, string> = {
  clb: 'www',
  cdn: 'static',
  waf: 'shop',
  ddos: 'game',
  live: 'live',
  vod: 'video',
  teo: 'edge',
  tke: 'app',
  apigateway: 'api',
  tcb: 'mini',
  tse: 'gw',
  cos: 'assets',
  lighthouse: 'blog',
};

const slot = (seeded: SeededDomain) => new CertificateSlot(seeded.certId);

/**
 * Seeds the demo account's cloud resources: a realistic handful of every type, spread over regions, many
 * of them serving the seeded certificates. Names containing "legacy" mark instances whose first
 * deployment fails (see store/job-progress.ts). Runs after seedCertificates.
 */
export function seedResources(state: EmulatorState, clock: EmulatorClock): void {
  const resources = state.resources;
  const sources = domainSources(issuedServerCertificates(state, clock.now()));
  const allocator = (type: ResourceType) => new DomainAllocator(sources, LABELS[type]);
  const region = (i: number) => DEMO_REGIONS[i % DEMO_REGIONS.length]!;

  const clbDomains = allocator('clb');
  const clbNames = [
    'web-prod',
    'web-staging',
    'legacy-portal',
    'api-ingress',
    'game-gateway',
    'intranet-sso',
  ];
  clbNames.forEach((name, i) => {
    const lbId = `lb-${demoId(`clb${i}`)}`;
    const sniRules = [clbDomains.next(i * 3), clbDomains.next(i * 3 + 1)];
    const plain = clbDomains.next(i * 3 + 2);
    resources.add('clb', {
      region: region(i),
      loadBalancerId: lbId,
      name,
      forward: i === 5 ? 0 : 1,
      listeners: [
        {
          listenerId: `lbl-${demoId(`clb${i}-sni`)}`,
          name: 'https-443-sni',
          protocol: 'HTTPS',
          port: 443,
          sniSwitch: 1,
          slot: new CertificateSlot(null),
          rules: sniRules.map((rule, r) => ({
            locationId: `loc-${demoId(`clb${i}-rule${r}`)}`,
            domain: rule.domain,
            url: r === 0 ? '/' : '/api',
            slot: slot(rule),
          })),
        },
        {
          listenerId: `lbl-${demoId(`clb${i}-8443`)}`,
          name: 'https-8443',
          protocol: 'HTTPS',
          port: 8443,
          sniSwitch: 0,
          slot: slot(plain),
          rules: [
            {
              locationId: `loc-${demoId(`clb${i}-plain`)}`,
              domain: plain.domain,
              url: '/',
              slot: slot(plain),
            },
          ],
        },
        ...(i % 2 === 0
          ? [
              {
                listenerId: `lbl-${demoId(`clb${i}-tcp`)}`,
                name: 'tcp-ssl-9443',
                protocol: 'TCP_SSL' as const,
                port: 9443,
                sniSwitch: 0 as const,
                slot: new CertificateSlot(plain.certId),
                rules: [],
              },
            ]
          : []),
      ],
    });
  });

  const cdnDomains = allocator('cdn');
  const cdnStatuses = [
    'online',
    'online',
    'online',
    'offline',
    'processing',
    'online',
    'online',
    'rejected',
  ] as const;
  cdnStatuses.forEach((status, i) => {
    const seeded = cdnDomains.next(i);
    resources.add('cdn', {
      domain: seeded.domain,
      status,
      httpsBillingSwitch: i % 3 === 0 ? 'off' : 'on',
      slot: slot(seeded),
    });
  });

  const wafDomains = allocator('waf');
  for (let i = 0; i < 5; i++) {
    const seeded = wafDomains.next(i);
    resources.add('waf', {
      region: region(i),
      domain: seeded.domain,
      keepalive: i % 2 === 0 ? 1 : 0,
      slot: slot(seeded),
    });
  }

  const ddosDomains = allocator('ddos');
  for (let i = 0; i < 4; i++) {
    const seeded = ddosDomains.next(i);
    resources.add('ddos', {
      instanceId: `bgpip-${demoId(`ddos${i}`)}`,
      domain: seeded.domain,
      protocol: 'https',
      virtualPort: i === 2 ? '8443' : '443',
      slot: slot(seeded),
    });
  }

  const liveDomains = allocator('live');
  for (let i = 0; i < 5; i++) {
    const seeded = liveDomains.next(i);
    resources.add('live', { domain: seeded.domain, httpsOn: i !== 1, slot: slot(seeded) });
  }

  const vodDomains = allocator('vod');
  for (let i = 0; i < 4; i++) {
    const seeded = vodDomains.next(i);
    resources.add('vod', { domain: seeded.domain, slot: slot(seeded) });
  }

  const teoDomains = allocator('teo');
  for (let i = 0; i < 6; i++) {
    const seeded = teoDomains.next(i);
    resources.add('teo', {
      zoneId: `zone-${demoId(`teo-zone${i % 2}`, 12)}`,
      host: seeded.domain,
      slot: slot(seeded),
    });
  }

  const tkeDomains = allocator('tke');
  const clusterNames = ['prod-cluster', 'staging-cluster', 'legacy-cluster'];
  clusterNames.forEach((name, i) => {
    const namespaces = ['default', 'ingress-system'].map((namespace, n) => ({
      name: namespace,
      secrets: Array.from({ length: n === 0 ? 2 : 1 }, (_, s) => {
        const seeded = tkeDomains.next(i * 3 + n * 2 + s);
        const secretName = `${namespace === 'default' ? 'web' : 'gateway'}-tls-${s + 1}`;
        return {
          name: secretName,
          ingresses: [
            { name: `${secretName}-ingress`, tlsDomains: [seeded.domain], domains: [seeded.domain] },
          ],
          slot: slot(seeded),
        };
      }),
    }));
    resources.add('tke', {
      region: region(i),
      clusterId: `cls-${demoId(`tke${i}`)}`,
      name,
      clusterType: i === 1 ? 'EKS' : 'MANAGED_CLUSTER',
      clusterVersion: ['1.30.0', '1.28.3', '1.20.6'][i]!,
      namespaces,
    });
  });

  const apiDomains = allocator('apigateway');
  const serviceNames = ['orders-api', 'payments-api', 'legacy-soap-bridge', 'mobile-bff', 'partner-api'];
  serviceNames.forEach((serviceName, i) => {
    const seeded = apiDomains.next(i);
    resources.add('apigateway', {
      region: region(i),
      serviceId: `service-${demoId(`apigw${i}`)}`,
      serviceName,
      domain: seeded.domain,
      protocol: i === 2 ? 'http&https' : 'https',
      slot: slot(seeded),
    });
  });

  const tcbDomains = allocator('tcb');
  const envNames = ['mini-program-prod', 'mini-program-dev', 'legacy-h5'];
  envNames.forEach((name, i) => {
    const access = tcbDomains.next(i * 2);
    const host = tcbDomains.next(i * 2 + 1);
    resources.add('tcb', {
      region: i === 1 ? 'ap-guangzhou' : 'ap-shanghai',
      envId: `${name}-${demoId(`tcb${i}`, 6)}`,
      name,
      source: i === 1 ? 'miniapp' : 'qcloud',
      status: 'NORMAL',
      accessDomains: [
        {
          domain: access.domain,
          status: 1,
          unionStatus: 1,
          isPreempted: false,
          icpStatus: 0,
          slot: slot(access),
        },
      ],
      hostDomains: [{ domain: host.domain, status: 'online', dnsStatus: 'ok', slot: slot(host) }],
    });
  });

  const tseDomains = allocator('tse');
  const gatewayNames = ['cloud-native-gw', 'legacy-kong', 'edge-gw'];
  gatewayNames.forEach((name, i) => {
    resources.add('tse', {
      region: region(i),
      gatewayId: `gateway-${demoId(`tse${i}`)}`,
      name,
      certificates: Array.from({ length: i === 0 ? 2 : 1 }, (_, c) => {
        const seeded = tseDomains.next(i * 2 + c);
        return {
          id: `${demoId(`tse${i}-cert${c}-a`)}-${demoId(`tse${i}-cert${c}-b`, 4)}`,
          name: `${name}-cert-${c + 1}`,
          bindDomains: [seeded.domain],
          certSource: 'ssl',
          slot: slot(seeded),
        };
      }),
    });
  });

  const cosDomains = allocator('cos');
  for (let i = 0; i < 6; i++) {
    const seeded = cosDomains.next(i);
    const bucketName = ['web-assets', 'user-uploads', 'legacy-downloads', 'reports', 'media', 'archive'][i];
    resources.add('cos', {
      region: region(i),
      bucket: `${bucketName}-1250000000`,
      domain: seeded.domain,
      status: i === 3 ? 'DISABLED' : 'ENABLED',
      slot: slot(seeded),
    });
  }

  const lighthouseDomains = allocator('lighthouse');
  const instanceNames = ['wordpress-blog', 'legacy-forum', 'docs-site'];
  instanceNames.forEach((name, i) => {
    const domains = Array.from({ length: i === 0 ? 2 : 1 }, (_, d) => lighthouseDomains.next(i * 2 + d));
    resources.add('lighthouse', {
      region: region(i),
      instanceId: `lhins-${demoId(`lighthouse${i}`)}`,
      name,
      ips: [`43.${138 + i}.${20 + i}.${100 + i}`],
      domains: domains.map((seeded) => ({ domain: seeded.domain, slot: slot(seeded) })),
    });
  });
}
