// CLB load balancers: certificates are bound per HTTPS/TCP_SSL listener, or per forwarding rule when SNI is on.

import type { Certificate, ClbListener, ClbListenerRule } from '../../ssl/models.generated.ts';
import { builder } from '../builder.ts';
import { presentOrNull } from '../upstream-values.ts';
import { CertificateRef } from './certificate.ts';
import {
  CloudResourceRef,
  cloudResourceObjectRef,
  distinctCertificateIds,
  loadBoundCertificate,
  type ResourceKind,
} from './cloud-resource.ts';
import {
  ListenerProtocol,
  LoadBalancerKind,
  loadBalancerKindOrNull,
  TlsAuthenticationMode,
} from './cloud-resource-enums.ts';

export const clbKind: ResourceKind<'clb'> = {
  summarize: (loadBalancer) => ({
    id: loadBalancer.LoadBalancerId,
    name: loadBalancer.LoadBalancerName || loadBalancer.LoadBalancerId,
    domains: [
      ...new Set(loadBalancer.Listeners.flatMap((listener) => listener.Rules.map((rule) => rule.Domain))),
    ],
    certificateId: null,
    boundCertificateIds: distinctCertificateIds(
      loadBalancer.Listeners.flatMap((listener) => [
        listener.Certificate?.CertId,
        ...listener.Rules.map((rule) => rule.Certificate?.CertId),
      ]),
    ),
  }),
};

const ClbListenerRuleRef = builder.objectRef<ClbListenerRule>('ClbListenerRule');
const ClbListenerRef = builder.objectRef<ClbListener>('ClbListener');

ClbListenerRuleRef.implement({
  description:
    'A forwarding rule of an HTTPS listener: a domain and URL path. With SNI on, each rule domain has its own ' +
    'certificate.',
  fields: (t) => ({
    id: t.id({
      description: 'The rule (location) ID.',
      nullable: false,
      resolve: (rule) => rule.LocationId,
    }),
    domain: t.string({
      description: 'The domain the rule matches.',
      nullable: false,
      resolve: (rule) => rule.Domain,
    }),
    url: t.string({
      description: 'The URL path the rule matches.',
      nullable: false,
      resolve: (rule) => rule.Url,
    }),
    certificate: t.field({
      type: CertificateRef,
      description: 'The certificate serving the rule; null when none is bound or it is not visible.',
      resolve: (rule, _args, context) => loadBoundCertificate(rule.Certificate?.CertId, context),
    }),
    authenticationMode: t.field({
      type: TlsAuthenticationMode.ref,
      description: 'Whether clients must present certificates too (mutual TLS); null when not reported.',
      resolve: (rule) => authenticationModeOf(rule.Certificate),
    }),
    clientCaCertificate: t.field({
      type: CertificateRef,
      description: 'With mutual TLS, the CA certificate client certificates must chain to.',
      resolve: (rule, _args, context) => loadBoundCertificate(rule.Certificate?.CertCaId, context),
    }),
    isCoveredByCandidate: t.boolean({
      description:
        'Whether the certificate given as `deployableFor` covers the rule domain; false when none was given.',
      nullable: false,
      resolve: (rule) => rule.IsMatch === true,
    }),
    uncoveredDomains: t.stringList({
      description: 'The rule domains the certificate given as `deployableFor` does not cover.',
      nullable: false,
      resolve: (rule) => rule.NoMatchDomains ?? [],
    }),
  }),
});

function authenticationModeOf(certificate: Certificate | null | undefined) {
  const mode = presentOrNull(certificate?.SSLMode);
  return mode === null ? null : TlsAuthenticationMode.fromUpstream(mode);
}

ClbListenerRef.implement({
  description: 'A TLS-terminating listener (HTTPS or TCP SSL) of a CLB load balancer.',
  fields: (t) => ({
    id: t.id({
      description: 'The listener ID.',
      nullable: false,
      resolve: (listener) => listener.ListenerId,
    }),
    name: t.string({
      description: 'The listener name.',
      nullable: false,
      resolve: (listener) => listener.ListenerName,
    }),
    protocol: t.field({
      type: ListenerProtocol.ref,
      description: 'The protocol the listener terminates.',
      resolve: (listener) => ListenerProtocol.fromUpstream(listener.Protocol),
    }),
    isSniEnabled: t.boolean({
      description:
        'Whether SNI is on: each rule domain then has its own certificate, instead of one for the listener.',
      nullable: false,
      resolve: (listener) => listener.SniSwitch === 1,
    }),
    certificate: t.field({
      type: CertificateRef,
      description:
        'The certificate of the listener; null when none is bound, it is not visible, or SNI is on and the ' +
        'rules carry the certificates.',
      resolve: (listener, _args, context) => loadBoundCertificate(listener.Certificate?.CertId, context),
    }),
    authenticationMode: t.field({
      type: TlsAuthenticationMode.ref,
      description: 'Whether clients must present certificates too (mutual TLS); null when not reported.',
      resolve: (listener) => authenticationModeOf(listener.Certificate),
    }),
    clientCaCertificate: t.field({
      type: CertificateRef,
      description: 'With mutual TLS, the CA certificate client certificates must chain to.',
      resolve: (listener, _args, context) => loadBoundCertificate(listener.Certificate?.CertCaId, context),
    }),
    rules: t.field({
      type: [ClbListenerRuleRef],
      description: 'The forwarding rules of the listener (HTTPS listeners only).',
      nullable: false,
      resolve: (listener) => listener.Rules ?? [],
    }),
    uncoveredDomains: t.stringList({
      description: 'The listener domains the certificate given as `deployableFor` does not cover.',
      nullable: false,
      resolve: (listener) => listener.NoMatchDomains ?? [],
    }),
  }),
});

export const ClbLoadBalancerRef = cloudResourceObjectRef('clb').implement({
  description: 'A Cloud Load Balancer (CLB) instance and its TLS listeners.',
  interfaces: [CloudResourceRef],
  fields: (t) => ({
    kind: t.field({
      type: LoadBalancerKind.ref,
      description:
        'Whether this is a classic or an application load balancer; null when Tencent Cloud does not say (the ' +
        'field came late to the API, and its own DescribeHostClbInstanceList example leaves it out).',
      resolve: (resource) => loadBalancerKindOrNull(resource.detail.Forward),
    }),
    listeners: t.field({
      type: [ClbListenerRef],
      description: 'The HTTPS and TCP SSL listeners of the load balancer.',
      nullable: false,
      resolve: (resource) => resource.detail.Listeners,
    }),
  }),
});
