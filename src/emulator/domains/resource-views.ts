// Renders resource records as the API's instance structures, shared by the DescribeHost*InstanceList
// handlers (whole instances, flagged against the certificate to deploy) and the bind-resource task detail
// (only the parts bound to the queried certificate).
import type {
  ApiGatewayInstanceDetail,
  CdnInstanceDetail,
  Certificate,
  ClbInstanceDetail,
  ClbListener,
  CosInstanceDetail,
  DdosInstanceDetail,
  LighthouseInstanceDetail,
  LiveInstanceDetail,
  TCBEnvironments,
  TeoInstanceDetail,
  TkeInstanceDetail,
  TSEInstanceDetail,
  VodInstanceDetail,
  WafInstanceDetail,
} from '../../ssl/models.generated.ts';
import {
  type ApiGatewayDomainRecord,
  type CdnDomainRecord,
  type CertificateSlot,
  type ClbLoadBalancerRecord,
  type CosDomainRecord,
  certificateNameCovers,
  type DdosDomainRecord,
  domainsNotCovered,
  type LighthouseInstanceRecord,
  type LiveDomainRecord,
  type TcbEnvironmentRecord,
  type TeoDomainRecord,
  type TkeClusterRecord,
  type TseGatewayRecord,
  type VodDomainRecord,
  type WafDomainRecord,
} from '../store/resources.ts';

export interface ViewContext {
  /** The moment whose bindings are shown (now, or the time of the cached data). */
  at: number;
  /** Names (SANs) of the certificate to deploy, for IsMatch / NoMatchDomains; null when none was given. */
  candidateNames: readonly string[] | null;
  /** Names of a bound certificate (CLB `Certificate.DnsNames`). */
  namesOf: (certId: string) => string[];
  /** Which bound parts to render; an instance with none of them renders as null. */
  keep: (slot: CertificateSlot, domains: readonly string[]) => boolean;
}

function boundCertId(slot: CertificateSlot, ctx: ViewContext): string {
  return slot.at(ctx.at) ?? '';
}

function clbCertificate(slot: CertificateSlot, ctx: ViewContext): Certificate {
  const certId = slot.at(ctx.at);
  return {
    CertId: certId ?? '',
    DnsNames: certId ? ctx.namesOf(certId) : [],
    CertCaId: '',
    SSLMode: 'UNIDIRECTIONAL',
  };
}

function notCovered(domains: readonly string[], ctx: ViewContext): string[] {
  return ctx.candidateNames ? domainsNotCovered(domains, ctx.candidateNames) : [];
}

export function clbView(lb: ClbLoadBalancerRecord, ctx: ViewContext): ClbInstanceDetail | null {
  const listeners: ClbListener[] = [];
  for (const listener of lb.listeners) {
    const sni = listener.sniSwitch === 1;
    const rules = listener.rules
      .filter((rule) => !sni || ctx.keep(rule.slot, [rule.domain]))
      .map((rule) => ({
        LocationId: rule.locationId,
        Domain: rule.domain,
        IsMatch: ctx.candidateNames
          ? ctx.candidateNames.some((n) => certificateNameCovers(n, rule.domain))
          : false,
        Certificate: clbCertificate(sni ? rule.slot : listener.slot, ctx),
        NoMatchDomains: notCovered([rule.domain], ctx),
        Url: rule.url,
      }));
    const listenerDomains = listener.rules.map((rule) => rule.domain);
    const kept = sni ? rules.length > 0 : ctx.keep(listener.slot, listenerDomains);
    if (!kept) continue;
    listeners.push({
      ListenerId: listener.listenerId,
      ListenerName: listener.name,
      SniSwitch: listener.sniSwitch,
      Protocol: listener.protocol,
      Certificate: clbCertificate(listener.slot, ctx),
      Rules: rules,
      NoMatchDomains: notCovered([...new Set(listenerDomains)], ctx),
    });
  }
  if (listeners.length === 0) return null;
  return {
    LoadBalancerId: lb.loadBalancerId,
    LoadBalancerName: lb.name,
    Listeners: listeners,
    Forward: lb.forward,
  };
}

export function cdnView(d: CdnDomainRecord, ctx: ViewContext): CdnInstanceDetail | null {
  if (!ctx.keep(d.slot, [d.domain])) return null;
  return {
    Domain: d.domain,
    CertId: boundCertId(d.slot, ctx),
    Status: d.status,
    HttpsBillingSwitch: d.httpsBillingSwitch,
  };
}

export function wafView(d: WafDomainRecord, ctx: ViewContext): WafInstanceDetail | null {
  if (!ctx.keep(d.slot, [d.domain])) return null;
  return { Domain: d.domain, CertId: d.slot.at(ctx.at), Keepalive: d.keepalive };
}

export function ddosView(d: DdosDomainRecord, ctx: ViewContext): DdosInstanceDetail | null {
  if (!ctx.keep(d.slot, [d.domain])) return null;
  return {
    Domain: d.domain,
    InstanceId: d.instanceId,
    Protocol: d.protocol,
    CertId: boundCertId(d.slot, ctx),
    VirtualPort: d.virtualPort,
  };
}

export function liveView(d: LiveDomainRecord, ctx: ViewContext): LiveInstanceDetail | null {
  if (!ctx.keep(d.slot, [d.domain])) return null;
  const certId = d.slot.at(ctx.at);
  return { Domain: d.domain, CertId: certId, Status: certId === null ? -1 : d.httpsOn ? 1 : 0 };
}

export function vodView(d: VodDomainRecord, ctx: ViewContext): VodInstanceDetail | null {
  if (!ctx.keep(d.slot, [d.domain])) return null;
  return { Domain: d.domain, CertId: boundCertId(d.slot, ctx) };
}

export function teoView(d: TeoDomainRecord, ctx: ViewContext): TeoInstanceDetail | null {
  if (!ctx.keep(d.slot, [d.host])) return null;
  const certId = d.slot.at(ctx.at);
  // EdgeOne reports "deployed" once a certificate serves the host, "applying" while it has none.
  return { Host: d.host, CertId: certId ?? '', ZoneId: d.zoneId, Status: certId ? 'deployed' : 'applying' };
}

export function apiGatewayView(d: ApiGatewayDomainRecord, ctx: ViewContext): ApiGatewayInstanceDetail | null {
  if (!ctx.keep(d.slot, [d.domain])) return null;
  return {
    ServiceId: d.serviceId,
    ServiceName: d.serviceName,
    Domain: d.domain,
    CertId: boundCertId(d.slot, ctx),
    Protocol: d.protocol,
  };
}

export function cosView(d: CosDomainRecord, ctx: ViewContext): CosInstanceDetail | null {
  if (!ctx.keep(d.slot, [d.domain])) return null;
  return {
    Domain: d.domain,
    CertId: boundCertId(d.slot, ctx),
    Status: d.status,
    Bucket: d.bucket,
    Region: d.region,
  };
}

export function lighthouseView(
  instance: LighthouseInstanceRecord,
  ctx: ViewContext,
): LighthouseInstanceDetail | null {
  const domains = instance.domains.filter((d) => ctx.keep(d.slot, [d.domain])).map((d) => d.domain);
  if (domains.length === 0) return null;
  return { InstanceId: instance.instanceId, InstanceName: instance.name, IP: instance.ips, Domain: domains };
}

export function tkeView(cluster: TkeClusterRecord, ctx: ViewContext): TkeInstanceDetail | null {
  const namespaces = cluster.namespaces
    .map((namespace) => ({
      Name: namespace.name,
      SecretList: namespace.secrets
        .map((secret) => {
          const tlsDomains = [...new Set(secret.ingresses.flatMap((ingress) => ingress.tlsDomains))];
          if (!ctx.keep(secret.slot, tlsDomains)) return null;
          return {
            Name: secret.name,
            CertId: boundCertId(secret.slot, ctx),
            IngressList: secret.ingresses.map((ingress) => ({
              IngressName: ingress.name,
              TlsDomains: ingress.tlsDomains,
              Domains: ingress.domains,
            })),
            NoMatchDomains: ctx.candidateNames ? domainsNotCovered(tlsDomains, ctx.candidateNames) : null,
          };
        })
        .filter((secret) => secret !== null),
    }))
    .filter((namespace) => namespace.SecretList.length > 0);
  if (namespaces.length === 0) return null;
  return {
    ClusterId: cluster.clusterId,
    ClusterName: cluster.name,
    NamespaceList: namespaces,
    ClusterType: cluster.clusterType,
    ClusterVersion: cluster.clusterVersion,
  };
}

export function tseView(gateway: TseGatewayRecord, ctx: ViewContext): TSEInstanceDetail | null {
  const certificates = gateway.certificates
    .filter((entry) => ctx.keep(entry.slot, entry.bindDomains))
    .map((entry) => ({
      Id: entry.id,
      Name: entry.name,
      BindDomains: entry.bindDomains,
      CertSource: entry.certSource,
      CertId: boundCertId(entry.slot, ctx),
    }));
  if (certificates.length === 0) return null;
  return { GatewayId: gateway.gatewayId, GatewayName: gateway.name, CertificateList: certificates };
}

export function tcbView(env: TcbEnvironmentRecord, ctx: ViewContext): TCBEnvironments | null {
  const access = env.accessDomains
    .filter((d) => ctx.keep(d.slot, [d.domain]))
    .map((d) => ({
      Domain: d.domain,
      Status: d.status,
      UnionStatus: d.unionStatus,
      IsPreempted: d.isPreempted,
      ICPStatus: d.icpStatus,
      OldCertificateId: boundCertId(d.slot, ctx),
    }));
  const host = env.hostDomains
    .filter((d) => ctx.keep(d.slot, [d.domain]))
    .map((d) => ({
      Domain: d.domain,
      Status: d.status,
      DNSStatus: d.dnsStatus,
      OldCertificateId: boundCertId(d.slot, ctx),
    }));
  if (access.length === 0 && host.length === 0) return null;
  return {
    Environment: { ID: env.envId, Source: env.source, Name: env.name, Status: env.status },
    AccessService: { InstanceList: access, TotalCount: access.length },
    HostService: { InstanceList: host, TotalCount: host.length },
  };
}
