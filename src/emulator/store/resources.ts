import { EmulatorClock } from '../clock.ts';

/** The cloud resource types certificates are deployed to, as the API spells them in inputs (lower case). */
export const RESOURCE_TYPES = [
  'clb',
  'cdn',
  'waf',
  'ddos',
  'live',
  'vod',
  'teo',
  'tke',
  'apigateway',
  'tcb',
  'tse',
  'cos',
  'lighthouse',
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export function isResourceType(value: string): value is ResourceType {
  return (RESOURCE_TYPES as readonly string[]).includes(value);
}

/** Types whose instances live in a region (DeployCertificateInstance needs the Region header for them). */
export const REGIONAL_RESOURCE_TYPES: ReadonlySet<ResourceType> = new Set<ResourceType>([
  'clb',
  'waf',
  'apigateway',
  'cos',
  'lighthouse',
  'tke',
  'tse',
  'tcb',
]);

/**
 * The certificate bound at one place (a CLB listener or rule, a CDN domain, a TKE secret...), as a
 * timeline: jobs know when each instance will finish, so they schedule the new binding at that moment
 * instead of needing a timer. Reading at `now` gives the live binding; reading at a cache's time gives
 * what that cache saw.
 */
export class CertificateSlot {
  readonly #history: Array<{ certId: string | null; from: number }>;

  constructor(initialCertId: string | null) {
    this.#history = [{ certId: initialCertId, from: Number.NEGATIVE_INFINITY }];
  }

  at(time: number): string | null {
    let current: string | null = null;
    for (const entry of this.#history) {
      if (entry.from > time) break;
      current = entry.certId;
    }
    return current;
  }

  /**
   * Seeding only: what the slot served before any scheduled change (the seeded job history uses it so an
   * instance an old record updated did serve that record's old certificate until then).
   */
  seedInitial(certId: string | null): void {
    this.#history[0]!.certId = certId;
  }

  /** Binds `certId` from `from` on (entries stay sorted by time; equal times keep call order). */
  schedule(certId: string | null, from: number): void {
    let index = this.#history.length;
    while (index > 0 && this.#history[index - 1]!.from > from) index--;
    this.#history.splice(index, 0, { certId, from });
  }
}

export interface ClbRuleRecord {
  locationId: string;
  domain: string;
  url: string;
  /** Used when the listener has SNI on: each rule (domain) carries its own certificate. */
  slot: CertificateSlot;
}

/** CLB listener protocols: HTTP / HTTPS listeners are layer 7 (domains in rules), the others layer 4. */
export type ClbProtocol = 'HTTP' | 'HTTPS' | 'TCP' | 'UDP' | 'TCP_SSL' | 'QUIC';
const LAYER4_PROTOCOLS: ReadonlySet<ClbProtocol> = new Set<ClbProtocol>(['TCP', 'UDP', 'TCP_SSL', 'QUIC']);

export function isLayer4Protocol(protocol: ClbProtocol): boolean {
  return LAYER4_PROTOCOLS.has(protocol);
}

export interface ClbListenerRecord {
  listenerId: string;
  name: string;
  protocol: ClbProtocol;
  port: number;
  sniSwitch: 0 | 1;
  /** Used when SNI is off (or for layer-4 listeners): one certificate for the whole listener. */
  slot: CertificateSlot;
  rules: ClbRuleRecord[];
}

export interface ClbLoadBalancerRecord {
  region: string;
  loadBalancerId: string;
  name: string;
  forward: 0 | 1;
  listeners: ClbListenerRecord[];
}

export interface CdnDomainRecord {
  domain: string;
  status: 'online' | 'offline' | 'processing' | 'rejected';
  httpsBillingSwitch: 'on' | 'off';
  slot: CertificateSlot;
}

export interface WafDomainRecord {
  region: string;
  domain: string;
  keepalive: 0 | 1;
  slot: CertificateSlot;
}

export interface DdosDomainRecord {
  instanceId: string;
  domain: string;
  protocol: string;
  virtualPort: string;
  slot: CertificateSlot;
}

export interface LiveDomainRecord {
  domain: string;
  /** Whether HTTPS is switched on (LiveInstanceDetail.Status 1/0; -1 is derived from "no certificate"). */
  httpsOn: boolean;
  slot: CertificateSlot;
}

export interface VodDomainRecord {
  domain: string;
  slot: CertificateSlot;
}

export interface TeoDomainRecord {
  zoneId: string;
  host: string;
  slot: CertificateSlot;
}

export interface TkeIngressRecord {
  name: string;
  tlsDomains: string[];
  domains: string[];
}

export interface TkeSecretRecord {
  name: string;
  ingresses: TkeIngressRecord[];
  slot: CertificateSlot;
}

export interface TkeClusterRecord {
  region: string;
  clusterId: string;
  name: string;
  clusterType: string;
  clusterVersion: string;
  namespaces: Array<{ name: string; secrets: TkeSecretRecord[] }>;
}

export interface ApiGatewayDomainRecord {
  region: string;
  serviceId: string;
  serviceName: string;
  domain: string;
  protocol: string;
  slot: CertificateSlot;
}

export interface TcbAccessDomainRecord {
  domain: string;
  status: number;
  unionStatus: number;
  isPreempted: boolean;
  icpStatus: number;
  slot: CertificateSlot;
}

export interface TcbHostDomainRecord {
  domain: string;
  status: string;
  dnsStatus: string;
  slot: CertificateSlot;
}

export interface TcbEnvironmentRecord {
  region: string;
  envId: string;
  name: string;
  source: string;
  status: string;
  accessDomains: TcbAccessDomainRecord[];
  hostDomains: TcbHostDomainRecord[];
}

export interface TseGatewayCertificateRecord {
  id: string;
  name: string;
  bindDomains: string[];
  certSource: string;
  slot: CertificateSlot;
}

export interface TseGatewayRecord {
  region: string;
  gatewayId: string;
  name: string;
  certificates: TseGatewayCertificateRecord[];
}

export interface CosDomainRecord {
  region: string;
  bucket: string;
  domain: string;
  status: 'ENABLED' | 'DISABLED';
  slot: CertificateSlot;
}

export interface LighthouseInstanceRecord {
  region: string;
  instanceId: string;
  name: string;
  ips: string[];
  domains: Array<{ domain: string; slot: CertificateSlot }>;
}

/** Everything the emulated account runs, per resource type. */
export interface ResourceInventory {
  clb: ClbLoadBalancerRecord[];
  cdn: CdnDomainRecord[];
  waf: WafDomainRecord[];
  ddos: DdosDomainRecord[];
  live: LiveDomainRecord[];
  vod: VodDomainRecord[];
  teo: TeoDomainRecord[];
  tke: TkeClusterRecord[];
  apigateway: ApiGatewayDomainRecord[];
  tcb: TcbEnvironmentRecord[];
  tse: TseGatewayRecord[];
  cos: CosDomainRecord[];
  lighthouse: LighthouseInstanceRecord[];
}

/** Display fields a job record copies from its target (DeployRecordDetail / UpdateRecordDetail / DeployRecordItem). */
export interface TargetDetails {
  listenerId: string | null;
  listenerName: string | null;
  protocol: string | null;
  sniSwitch: number | null;
  port: number | null;
  forward: number | null;
  bucket: string | null;
  namespace: string | null;
  secretName: string | null;
  envId: string | null;
  tcbType: string | null;
  url: string | null;
}

/**
 * One place a certificate can be deployed to, addressed the way DeployCertificateInstance.InstanceIdList
 * addresses it (e.g. clb `LoadBalancerId|ListenerId[|Domain]`, tke `ClusterId|NameSpace|SecretName`).
 */
export interface DeployTarget {
  resourceType: ResourceType;
  region: string | null;
  instanceId: string;
  /** The instance itself (load balancer, cluster, bucket, gateway... or the domain), as record details show it. */
  primaryId: string;
  instanceName: string;
  /**
   * Domains served there; empty for layer-4 CLB listeners, and for layer-7 listeners without rules (which
   * accept no certificate: the deploy doc refuses them).
   */
  domains: string[];
  /** A layer-4 CLB listener (TCP, UDP, TCP_SSL, QUIC): it serves no domains and accepts any certificate. */
  layer4: boolean;
  slot: CertificateSlot;
  details: TargetDetails;
}

export interface BoundInstance {
  resourceType: string;
  region: string | null;
  instanceId: string;
}

const NO_DETAILS: TargetDetails = {
  listenerId: null,
  listenerName: null,
  protocol: null,
  sniSwitch: null,
  port: null,
  forward: null,
  bucket: null,
  namespace: null,
  secretName: null,
  envId: null,
  tcbType: null,
  url: null,
};

/** Whether a certificate name (exact or `*.` wildcard, one label deep) covers `host`. */
export function certificateNameCovers(certificateName: string, host: string): boolean {
  const name = certificateName.toLowerCase();
  const target = host.toLowerCase();
  if (name === target) return true;
  if (!name.startsWith('*.')) return false;
  const suffix = name.slice(1);
  return (
    target.endsWith(suffix) && !target.slice(0, -suffix.length).includes('.') && target.length > suffix.length
  );
}

/** Whether a certificate with these names covers all of `domains` (an empty list has nothing to cover). */
export function domainsMatchCertificate(
  domains: readonly string[],
  certificateNames: readonly string[],
): boolean {
  if (domains.length === 0) return true;
  return domains.every((domain) => certificateNames.some((name) => certificateNameCovers(name, domain)));
}

/**
 * Whether a certificate with these names may be installed on `target`: a layer-4 listener takes any, a
 * target without domains (a layer-7 listener without rules) none, any other one that covers all its domains.
 */
export function certificateFitsTarget(target: DeployTarget, certificateNames: readonly string[]): boolean {
  if (target.layer4) return true;
  return target.domains.length > 0 && domainsMatchCertificate(target.domains, certificateNames);
}

/** The domains of `domains` a certificate with these names does not cover. */
export function domainsNotCovered(domains: readonly string[], certificateNames: readonly string[]): string[] {
  return domains.filter((domain) => !certificateNames.some((name) => certificateNameCovers(name, domain)));
}

function emptyInventory(): ResourceInventory {
  return {
    clb: [],
    cdn: [],
    waf: [],
    ddos: [],
    live: [],
    vod: [],
    teo: [],
    tke: [],
    apigateway: [],
    tcb: [],
    tse: [],
    cos: [],
    lighthouse: [],
  };
}

/** How long a synchronous instance-list cache stays valid (IsCache=1), per the docs. */
export const INSTANCE_LIST_CACHE_TTL_MS = 30 * 60 * 1000;
/** Emulated time an asynchronous cache refresh (AsyncCache=1) spends per instance. */
export const ASYNC_REFRESH_MS_PER_INSTANCE = 200;

interface InstanceListCache {
  cachedAt: number;
  refresh: { startedAt: number; total: number } | null;
  /** The last asynchronous refresh, kept so its progress stays visible once done. */
  lastRefreshTotal: number;
}

/** Which point in time an instance list shows, and the asynchronous refresh's progress. */
export interface InstanceListView {
  at: number;
  asyncTotalNum: number;
  asyncOffset: number;
  asyncCacheTime: number;
}

/**
 * The emulated account's cloud resources and which certificate each of them serves. Bindings change only
 * through jobs (deploy / update / upload-update), which schedule them on the instances' slots.
 */
export class ResourceStore {
  readonly inventory: ResourceInventory = emptyInventory();
  readonly #caches = new Map<ResourceType, InstanceListCache>();
  #clock = new EmulatorClock();
  #targetsByType: Map<ResourceType, DeployTarget[]> | null = null;

  /**
   * Bindings are timelines, so answering "bound now?" needs the emulator's clock: EmulatorState attaches
   * the clock the emulator runs on.
   */
  useClock(clock: EmulatorClock): void {
    this.#clock = clock;
  }

  add<K extends keyof ResourceInventory>(kind: K, record: ResourceInventory[K][number]): void {
    (this.inventory[kind] as Array<ResourceInventory[K][number]>).push(record);
    this.#targetsByType = null;
  }

  /** Every deploy target of a type, in inventory order. */
  targets(resourceType: ResourceType): DeployTarget[] {
    if (!this.#targetsByType)
      this.#targetsByType = new Map(RESOURCE_TYPES.map((t) => [t, this.#buildTargets(t)]));
    return this.#targetsByType.get(resourceType) ?? [];
  }

  allTargets(): DeployTarget[] {
    return RESOURCE_TYPES.flatMap((type) => this.targets(type));
  }

  /**
   * Finds the target an InstanceIdList entry names. Returns `undefined` when nothing matches (the caller
   * decides between a format error and "cannot deploy there"). CDN entries carry a trailing billing switch
   * (`Domain|on`), which is not part of the address.
   */
  findTarget(
    resourceType: ResourceType,
    instanceId: string,
    region: string | null,
  ): DeployTarget | undefined {
    const address = resourceType === 'cdn' ? instanceId.split('|')[0]! : instanceId;
    return this.targets(resourceType).find(
      (target) =>
        target.instanceId === address &&
        (region === null || target.region === null || target.region === region),
    );
  }

  /** The regions where the account has instances of a type (sorted); `[]` for non-regional types. */
  regionsOf(resourceType: ResourceType): string[] {
    const regions = new Set<string>();
    for (const target of this.targets(resourceType)) if (target.region) regions.add(target.region);
    return [...regions].sort();
  }

  boundTargets(certId: string, at: number): DeployTarget[] {
    return this.allTargets().filter((target) => target.slot.at(at) === certId);
  }

  isCertificateBound(certId: string): boolean {
    return this.boundTargets(certId, this.#clock.now()).length > 0;
  }

  instancesBoundTo(certId: string): BoundInstance[] {
    return this.boundTargets(certId, this.#clock.now()).map((target) => ({
      resourceType: target.resourceType,
      region: target.region,
      instanceId: target.instanceId,
    }));
  }

  /**
   * Resolves the moment an instance list shows, per the documented cache rules: IsCache=1 (the default)
   * reuses data cached less than 30 minutes ago, IsCache=0 reloads now, and AsyncCache=1 starts a
   * background reload whose progress (AsyncOffset of AsyncTotalNum instances) advances with the clock;
   * until it completes the previous cache keeps being served.
   */
  instanceListView(
    resourceType: ResourceType,
    now: number,
    options: { useCache: boolean; asyncRefresh: boolean },
  ): InstanceListView {
    let cache = this.#caches.get(resourceType);
    if (cache?.refresh) {
      const doneAt = cache.refresh.startedAt + cache.refresh.total * ASYNC_REFRESH_MS_PER_INSTANCE;
      if (doneAt <= now) cache = { cachedAt: doneAt, refresh: null, lastRefreshTotal: cache.refresh.total };
    }
    if (options.asyncRefresh) {
      const base = cache ?? { cachedAt: now, refresh: null, lastRefreshTotal: 0 };
      cache = base.refresh
        ? base
        : { ...base, refresh: { startedAt: now, total: this.targets(resourceType).length } };
    } else if (!cache || !options.useCache || now - cache.cachedAt >= INSTANCE_LIST_CACHE_TTL_MS) {
      cache = {
        cachedAt: now,
        refresh: cache?.refresh ?? null,
        lastRefreshTotal: cache?.lastRefreshTotal ?? 0,
      };
    }
    this.#caches.set(resourceType, cache);
    const refresh = cache.refresh;
    const asyncTotalNum = refresh ? refresh.total : cache.lastRefreshTotal;
    const asyncOffset = refresh
      ? Math.min(refresh.total, Math.floor((now - refresh.startedAt) / ASYNC_REFRESH_MS_PER_INSTANCE))
      : cache.lastRefreshTotal;
    return { at: cache.cachedAt, asyncTotalNum, asyncOffset, asyncCacheTime: cache.cachedAt };
  }

  #buildTargets(resourceType: ResourceType): DeployTarget[] {
    const inv = this.inventory;
    switch (resourceType) {
      case 'clb':
        return inv.clb.flatMap((lb) =>
          lb.listeners.flatMap((listener): DeployTarget[] => {
            const listenerDetails = (url: string | null): TargetDetails => ({
              ...NO_DETAILS,
              listenerId: listener.listenerId,
              listenerName: listener.name,
              protocol: listener.protocol,
              sniSwitch: listener.sniSwitch,
              port: listener.port,
              forward: lb.forward,
              url,
            });
            if (listener.sniSwitch === 1) {
              return listener.rules.map((rule) => ({
                resourceType,
                region: lb.region,
                instanceId: `${lb.loadBalancerId}|${listener.listenerId}|${rule.domain}`,
                primaryId: lb.loadBalancerId,
                instanceName: lb.name,
                domains: [rule.domain],
                layer4: false,
                slot: rule.slot,
                details: listenerDetails(rule.url),
              }));
            }
            return [
              {
                resourceType,
                region: lb.region,
                instanceId: `${lb.loadBalancerId}|${listener.listenerId}`,
                primaryId: lb.loadBalancerId,
                instanceName: lb.name,
                domains: [...new Set(listener.rules.map((rule) => rule.domain))],
                layer4: isLayer4Protocol(listener.protocol),
                slot: listener.slot,
                details: listenerDetails(listener.rules[0]?.url ?? null),
              },
            ];
          }),
        );
      case 'cdn':
        return inv.cdn.map((d) => domainTarget(resourceType, null, d.domain, d.domain, d.slot));
      case 'waf':
        return inv.waf.map((d) => domainTarget(resourceType, d.region, d.domain, d.domain, d.slot));
      case 'live':
        return inv.live.map((d) => domainTarget(resourceType, null, d.domain, d.domain, d.slot));
      case 'vod':
        return inv.vod.map((d) => domainTarget(resourceType, null, d.domain, d.domain, d.slot));
      case 'teo':
        return inv.teo.map((d) => domainTarget(resourceType, null, d.host, d.zoneId, d.slot));
      case 'ddos':
        return inv.ddos.map((d) => ({
          ...domainTarget(resourceType, null, d.domain, d.instanceId, d.slot),
          instanceId: `${d.instanceId}|${d.domain}|${d.virtualPort}`,
          primaryId: d.instanceId,
          details: { ...NO_DETAILS, protocol: d.protocol, port: Number(d.virtualPort) },
        }));
      case 'apigateway':
        return inv.apigateway.map((d) => ({
          ...domainTarget(resourceType, d.region, d.domain, d.serviceName, d.slot),
          instanceId: `${d.serviceId}|${d.domain}`,
          primaryId: d.serviceId,
          details: { ...NO_DETAILS, protocol: d.protocol },
        }));
      case 'cos':
        return inv.cos.map((d) => ({
          ...domainTarget(resourceType, d.region, d.domain, d.bucket, d.slot),
          instanceId: `${d.region}|${d.bucket}|${d.domain}`,
          primaryId: d.bucket,
          details: { ...NO_DETAILS, bucket: d.bucket },
        }));
      case 'lighthouse':
        return inv.lighthouse.flatMap((instance) =>
          instance.domains.map((d) => ({
            ...domainTarget(resourceType, instance.region, d.domain, instance.name, d.slot),
            instanceId: `${instance.region}|${instance.instanceId}|${d.domain}`,
            primaryId: instance.instanceId,
          })),
        );
      case 'tke':
        return inv.tke.flatMap((cluster) =>
          cluster.namespaces.flatMap((namespace) =>
            namespace.secrets.map((secret) => ({
              resourceType,
              region: cluster.region,
              instanceId: `${cluster.clusterId}|${namespace.name}|${secret.name}`,
              primaryId: cluster.clusterId,
              instanceName: cluster.name,
              domains: [...new Set(secret.ingresses.flatMap((ingress) => ingress.tlsDomains))],
              layer4: false,
              slot: secret.slot,
              details: { ...NO_DETAILS, namespace: namespace.name, secretName: secret.name },
            })),
          ),
        );
      case 'tse':
        return inv.tse.flatMap((gateway) =>
          gateway.certificates.map((entry) => ({
            resourceType,
            region: gateway.region,
            instanceId: `${gateway.gatewayId}|${entry.id}`,
            primaryId: gateway.gatewayId,
            instanceName: gateway.name,
            domains: entry.bindDomains,
            layer4: false,
            slot: entry.slot,
            details: NO_DETAILS,
          })),
        );
      case 'tcb':
        return inv.tcb.flatMap((env) => [
          ...env.accessDomains.map((d) => tcbTarget(env, 'AccessService', d.domain, d.slot)),
          ...env.hostDomains.map((d) => tcbTarget(env, 'HostService', d.domain, d.slot)),
        ]);
    }
  }
}

function domainTarget(
  resourceType: ResourceType,
  region: string | null,
  domain: string,
  instanceName: string,
  slot: CertificateSlot,
): DeployTarget {
  return {
    resourceType,
    region,
    instanceId: domain,
    primaryId: domain,
    instanceName,
    domains: [domain],
    layer4: false,
    slot,
    details: NO_DETAILS,
  };
}

function tcbTarget(
  env: TcbEnvironmentRecord,
  tcbType: 'AccessService' | 'HostService',
  domain: string,
  slot: CertificateSlot,
): DeployTarget {
  return {
    resourceType: 'tcb',
    region: env.region,
    instanceId: `${tcbType}|${env.region}|${env.envId}|${domain}`,
    primaryId: env.envId,
    instanceName: env.name,
    domains: [domain],
    layer4: false,
    slot,
    details: { ...NO_DETAILS, envId: env.envId, tcbType },
  };
}
