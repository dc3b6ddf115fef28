// The resource types that are one domain each (acceleration, streaming, protection, API and bucket domains):
// they carry one certificate ID and differ only in their own few fields.

import type { ApiGatewayInstanceDetail } from '../../ssl/models.generated.ts';
import { builder } from '../builder.ts';
import { presentOrNull } from '../upstream-values.ts';
import {
  CloudResourceRef,
  type CloudResourceSummary,
  cloudResourceObjectRef,
  distinctCertificateIds,
  type ResourceKind,
} from './cloud-resource.ts';
import {
  CdnDomainStatus,
  CosDomainStatus,
  EdgeOneDomainStatus,
  LiveHttpsStatus,
} from './cloud-resource-enums.ts';

/** A resource that is one domain with (at most) one certificate. */
function singleDomain(
  domain: string,
  certificateId: string | null,
  id: string = domain,
): CloudResourceSummary {
  const bound = presentOrNull(certificateId);
  return {
    id,
    name: domain,
    domains: [domain],
    certificateId: bound,
    boundCertificateIds: distinctCertificateIds([bound]),
  };
}

export const cdnKind: ResourceKind<'cdn'> = { summarize: (d) => singleDomain(d.Domain, d.CertId) };
export const wafKind: ResourceKind<'waf'> = { summarize: (d) => singleDomain(d.Domain, d.CertId) };
export const liveKind: ResourceKind<'live'> = { summarize: (d) => singleDomain(d.Domain, d.CertId) };
export const vodKind: ResourceKind<'vod'> = { summarize: (d) => singleDomain(d.Domain, d.CertId) };
export const teoKind: ResourceKind<'teo'> = { summarize: (d) => singleDomain(d.Host, d.CertId) };
// The IDs below are the instance IDs DeployCertificateInstance takes for these types.
export const ddosKind: ResourceKind<'ddos'> = {
  summarize: (d) => singleDomain(d.Domain, d.CertId, `${d.InstanceId}|${d.Domain}|${d.VirtualPort}`),
};
export const apiGatewayKind: ResourceKind<'apigateway'> = {
  summarize: (d) => singleDomain(d.Domain, d.CertId, `${d.ServiceId}|${d.Domain}`),
};
export const cosKind: ResourceKind<'cos'> = {
  summarize: (d) => singleDomain(d.Domain, d.CertId, `${d.Region}|${d.Bucket}|${d.Domain}`),
  regionOf: (d) => presentOrNull(d.Region),
};

export const CdnDomainRef = cloudResourceObjectRef('cdn').implement({
  description: 'A CDN acceleration domain.',
  interfaces: [CloudResourceRef],
  fields: (t) => ({
    domain: t.string({
      description: 'The acceleration domain.',
      nullable: false,
      resolve: (r) => r.detail.Domain,
    }),
    status: t.field({
      type: CdnDomainStatus.ref,
      description: 'Whether the domain is serving.',
      resolve: (r) => CdnDomainStatus.fromUpstream(r.detail.Status),
    }),
    isHttpsBillingEnabled: t.boolean({
      description: 'Whether HTTPS requests are billed (the HTTPS billing switch of the domain is on).',
      nullable: false,
      // Documented as on/off; the doc's own list example sends "1".
      resolve: (r) => r.detail.HttpsBillingSwitch === 'on' || r.detail.HttpsBillingSwitch === '1',
    }),
  }),
});

export const WafDomainRef = cloudResourceObjectRef('waf').implement({
  description: 'A domain protected by the Web Application Firewall (WAF).',
  interfaces: [CloudResourceRef],
  fields: (t) => ({
    domain: t.string({
      description: 'The protected domain.',
      nullable: false,
      resolve: (r) => r.detail.Domain,
    }),
    isKeepaliveEnabled: t.boolean({
      description: 'Whether keep-alive connections to the origin are on; null when WAF does not say.',
      resolve: (r) => (r.detail.Keepalive === null ? null : r.detail.Keepalive === 1),
    }),
  }),
});

export const LiveDomainRef = cloudResourceObjectRef('live').implement({
  description: 'A Cloud Streaming Services (live streaming) playback domain.',
  interfaces: [CloudResourceRef],
  fields: (t) => ({
    domain: t.string({
      description: 'The streaming domain.',
      nullable: false,
      resolve: (r) => r.detail.Domain,
    }),
    httpsStatus: t.field({
      type: LiveHttpsStatus.ref,
      description: 'Whether the domain has a certificate and serves HTTPS.',
      resolve: (r) => LiveHttpsStatus.fromUpstream(r.detail.Status),
    }),
  }),
});

export const VodDomainRef = cloudResourceObjectRef('vod').implement({
  description: 'A Video on Demand (VOD) distribution domain.',
  interfaces: [CloudResourceRef],
  fields: (t) => ({
    domain: t.string({
      description: 'The distribution domain.',
      nullable: false,
      resolve: (r) => r.detail.Domain,
    }),
  }),
});

export const EdgeOneDomainRef = cloudResourceObjectRef('teo').implement({
  description: 'An acceleration domain of an EdgeOne site (zone).',
  interfaces: [CloudResourceRef],
  fields: (t) => ({
    domain: t.string({
      description: 'The acceleration domain.',
      nullable: false,
      resolve: (r) => r.detail.Host,
    }),
    zoneId: t.id({
      description: 'The ID of the EdgeOne site (zone) the domain belongs to; null when not reported.',
      resolve: (r) => presentOrNull(r.detail.ZoneId),
    }),
    certificateStatus: t.field({
      type: EdgeOneDomainStatus.ref,
      description: 'Where the certificate of the domain stands.',
      resolve: (r) => EdgeOneDomainStatus.fromUpstream(r.detail.Status),
    }),
  }),
});

export const AntiDdosDomainRef = cloudResourceObjectRef('ddos').implement({
  description: 'A domain forwarded through an Anti-DDoS (BGP Anti-DDoS Advanced) instance.',
  interfaces: [CloudResourceRef],
  fields: (t) => ({
    domain: t.string({
      description: 'The protected domain.',
      nullable: false,
      resolve: (r) => r.detail.Domain,
    }),
    instanceId: t.id({
      description: 'The ID of the Anti-DDoS instance.',
      nullable: false,
      resolve: (r) => r.detail.InstanceId,
    }),
    protocol: t.string({
      description: 'The forwarding protocol as Anti-DDoS names it (e.g. `https`).',
      nullable: false,
      resolve: (r) => r.detail.Protocol,
    }),
    virtualPort: t.string({
      description: 'The port the instance listens on for the domain.',
      nullable: false,
      resolve: (r) => r.detail.VirtualPort,
    }),
  }),
});

const ApiGatewayServiceRef = builder.objectRef<ApiGatewayInstanceDetail>('ApiGatewayService').implement({
  description: 'An API Gateway service.',
  fields: (t) => ({
    id: t.id({ description: 'The service ID.', nullable: false, resolve: (d) => d.ServiceId }),
    name: t.string({ description: 'The service name.', nullable: false, resolve: (d) => d.ServiceName }),
  }),
});

export const ApiGatewayCustomDomainRef = cloudResourceObjectRef('apigateway').implement({
  description: 'A custom domain of an API Gateway service.',
  interfaces: [CloudResourceRef],
  fields: (t) => ({
    domain: t.string({ description: 'The custom domain.', nullable: false, resolve: (r) => r.detail.Domain }),
    protocol: t.string({
      description: 'The protocols the domain serves, as API Gateway names them (e.g. `https`, `http&https`).',
      nullable: false,
      resolve: (r) => r.detail.Protocol,
    }),
    service: t.field({
      type: ApiGatewayServiceRef,
      description: 'The service the domain belongs to.',
      nullable: false,
      resolve: (r) => r.detail,
    }),
  }),
});

export const CosBucketDomainRef = cloudResourceObjectRef('cos').implement({
  description: 'A custom domain of a Cloud Object Storage (COS) bucket.',
  interfaces: [CloudResourceRef],
  fields: (t) => ({
    domain: t.string({ description: 'The custom domain.', nullable: false, resolve: (r) => r.detail.Domain }),
    bucket: t.string({
      description: 'The bucket the domain serves (`name-appid`).',
      nullable: false,
      resolve: (r) => r.detail.Bucket,
    }),
    status: t.field({
      type: CosDomainStatus.ref,
      description: 'Whether the custom domain is online.',
      resolve: (r) => CosDomainStatus.fromUpstream(r.detail.Status),
    }),
  }),
});
