import { upstreamEnum } from './upstream-enum.ts';

const RESOURCE_TYPE_VALUES = {
  CLB: { value: 'clb', description: 'Cloud Load Balancer (CLB) load balancers.' },
  CDN: { value: 'cdn', description: 'Content Delivery Network (CDN) acceleration domains.' },
  WAF: { value: 'waf', description: 'Web Application Firewall (WAF) protected domains.' },
  LIVE: { value: 'live', description: 'Cloud Streaming Services (CSS, live streaming) domains.' },
  VOD: { value: 'vod', description: 'Video on Demand (VOD) domains.' },
  DDOS: { value: 'ddos', description: 'Anti-DDoS (BGP Anti-DDoS Advanced) instances and their domains.' },
  TEO: { value: 'teo', description: 'EdgeOne (TEO) sites and their acceleration domains.' },
  APIGATEWAY: { value: 'apigateway', description: 'API Gateway services and their custom domains.' },
  TKE: { value: 'tke', description: 'Tencent Kubernetes Engine (TKE) clusters and their TLS secrets.' },
  TCB: { value: 'tcb', description: 'CloudBase (TCB) environments and their domains.' },
  TSE: { value: 'tse', description: 'Tencent Service Engine (TSE) cloud-native gateways.' },
  COS: { value: 'cos', description: 'Cloud Object Storage (COS) bucket custom domains.' },
  LIGHTHOUSE: { value: 'lighthouse', description: 'Lighthouse lightweight application servers.' },
} as const;

/** The upstream resource-type code, e.g. `clb`. */
export type ResourceTypeCode = (typeof RESOURCE_TYPE_VALUES)[keyof typeof RESOURCE_TYPE_VALUES]['value'];

export const ResourceType = upstreamEnum('ResourceType', RESOURCE_TYPE_VALUES, {
  description: 'A kind of Tencent Cloud resource a certificate can be deployed to.',
  upstreamField: 'ResourceType',
  // Inputs are lower case, but some outputs upper-case the same codes (`CLB`).
  caseInsensitive: true,
});

export const CdnDomainStatus = upstreamEnum(
  'CdnDomainStatus',
  {
    ONLINE: { value: 'online', description: 'The domain is serving traffic.' },
    NORMAL: {
      value: 'normal',
      description:
        'Undocumented: the API returns it though its list of statuses omits it (its own ' +
        'DescribeHostCdnInstanceList example shows it) and says nothing of its meaning; presumably serving.',
    },
    OFFLINE: { value: 'offline', description: 'The domain is switched off.' },
    PROCESSING: { value: 'processing', description: 'A configuration change is being deployed.' },
    REJECTED: {
      value: 'rejected',
      description: 'The domain was taken offline because its ICP filing expired or was cancelled.',
    },
  },
  { description: 'Whether a CDN acceleration domain is serving.', upstreamField: 'CdnInstanceDetail.Status' },
);

export const EdgeOneDomainStatus = upstreamEnum(
  'EdgeOneDomainStatus',
  {
    DEPLOYED: { value: 'deployed', description: 'A certificate is deployed on the domain.' },
    PROCESSING: { value: 'processing', description: 'A certificate deployment is in progress.' },
    APPLYING: { value: 'applying', description: 'A certificate is being applied for.' },
    FAILED: { value: 'failed', description: 'The certificate application failed.' },
    BIND_FAILED: { value: 'issued', description: 'The certificate was issued but binding it failed.' },
    ONLINE: {
      value: 'online',
      description:
        'Undocumented: the API returns it though its list of statuses omits it (its own ' +
        'DescribeHostTeoInstanceList example shows it) and says nothing of its meaning; presumably the domain ' +
        'is serving with its certificate.',
    },
  },
  {
    description: 'Where the certificate of an EdgeOne domain stands.',
    upstreamField: 'TeoInstanceDetail.Status',
  },
);

export const CosDomainStatus = upstreamEnum(
  'CosDomainStatus',
  {
    ENABLED: { value: 'ENABLED', description: 'The custom domain is online.' },
    DISABLED: { value: 'DISABLED', description: 'The custom domain is offline.' },
  },
  {
    description: 'Whether a COS bucket custom domain is online.',
    upstreamField: 'CosInstanceDetail.Status',
    caseInsensitive: true,
  },
);

export const LiveHttpsStatus = upstreamEnum(
  'LiveHttpsStatus',
  {
    NO_CERTIFICATE: { value: -1, description: 'The domain has no certificate.' },
    DISABLED: { value: 0, description: 'A certificate is configured but HTTPS is switched off.' },
    ENABLED: { value: 1, description: 'HTTPS is switched on.' },
  },
  { description: 'The HTTPS state of a live-streaming domain.', upstreamField: 'LiveInstanceDetail.Status' },
);

export const LoadBalancerKind = upstreamEnum(
  'LoadBalancerKind',
  {
    CLASSIC: { value: 0, description: 'A classic CLB.' },
    APPLICATION: { value: 1, description: 'An application CLB (layer-7 forwarding rules).' },
  },
  { description: 'The generation of a CLB load balancer.', upstreamField: 'ClbInstanceDetail.Forward' },
);

/**
 * The kind of a load balancer, or null when the upstream leaves `Forward` out: the member was added late (the
 * doc's change history) and the doc's own instance-list example has none. A value present but unknown still
 * fails the field with UNKNOWN_UPSTREAM_VALUE.
 */
export function loadBalancerKindOrNull(forward: number | null | undefined) {
  return forward === null || forward === undefined ? null : LoadBalancerKind.fromUpstream(forward);
}

export const ListenerProtocol = upstreamEnum(
  'ListenerProtocol',
  {
    HTTPS: { value: 'HTTPS', description: 'An HTTPS (layer-7) listener.' },
    TCP_SSL: { value: 'TCP_SSL', description: 'A TCP SSL (layer-4 TLS) listener.' },
  },
  {
    description: 'The TLS protocol a CLB listener terminates.',
    upstreamField: 'ClbListener.Protocol',
    caseInsensitive: true,
  },
);

export const TlsAuthenticationMode = upstreamEnum(
  'TlsAuthenticationMode',
  {
    ONE_WAY: { value: 'UNIDIRECTIONAL', description: 'Only the server presents a certificate.' },
    MUTUAL: {
      value: 'MUTUAL',
      description: 'Mutual TLS: clients must present a certificate issued by the configured CA.',
    },
  },
  {
    description: 'How a CLB listener or rule authenticates TLS peers.',
    upstreamField: 'Certificate.SSLMode',
  },
);
