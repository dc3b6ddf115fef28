// Resource types that are whole platforms with several TLS endpoints: TSE gateways, CloudBase environments and
// Lighthouse servers.

import type { GatewayCertificate, TCBAccessInstance, TCBHostInstance } from '../../ssl/models.generated.ts';
import { builder } from '../builder.ts';
import { CertificateRef } from './certificate.ts';
import {
  CloudResourceRef,
  cloudResourceObjectRef,
  distinctCertificateIds,
  loadBoundCertificate,
  type ResourceKind,
} from './cloud-resource.ts';

export const tseKind: ResourceKind<'tse'> = {
  summarize: (gateway) => {
    const entries = gateway.CertificateList ?? [];
    return {
      id: gateway.GatewayId,
      name: gateway.GatewayName || gateway.GatewayId,
      domains: [...new Set(entries.flatMap((entry) => entry.BindDomains ?? []))],
      certificateId: null,
      boundCertificateIds: distinctCertificateIds(entries.map((entry) => entry.CertId)),
    };
  },
};

export const tcbKind: ResourceKind<'tcb'> = {
  summarize: (environment) => {
    const access = environment.AccessService?.InstanceList ?? [];
    const hosting = environment.HostService?.InstanceList ?? [];
    const id = environment.Environment?.ID ?? '';
    return {
      id,
      name: environment.Environment?.Name || id,
      domains: [...new Set([...access, ...hosting].map((entry) => entry.Domain))],
      certificateId: null,
      boundCertificateIds: distinctCertificateIds(
        [...access, ...hosting].map((entry) => entry.OldCertificateId),
      ),
    };
  },
};

export const lighthouseKind: ResourceKind<'lighthouse'> = {
  // The structure reports no bound certificate for Lighthouse.
  summarize: (instance) => ({
    id: instance.InstanceId,
    name: instance.InstanceName || instance.InstanceId,
    domains: instance.Domain ?? [],
    certificateId: null,
    boundCertificateIds: [],
  }),
};

const TseGatewayCertificateRef = builder.objectRef<GatewayCertificate>('TseGatewayCertificate').implement({
  description: 'A certificate entry configured on a TSE cloud-native gateway.',
  fields: (t) => ({
    id: t.id({ description: 'The ID of the entry on the gateway.', nullable: false, resolve: (e) => e.Id }),
    name: t.string({ description: 'The name of the entry.', nullable: false, resolve: (e) => e.Name }),
    domains: t.stringList({
      description: 'The domains the gateway serves with the certificate.',
      nullable: false,
      resolve: (e) => e.BindDomains ?? [],
    }),
    source: t.string({
      description: 'Where the gateway got the certificate, as TSE names it (e.g. `ssl`).',
      nullable: false,
      resolve: (e) => e.CertSource,
    }),
    certificate: t.field({
      type: CertificateRef,
      description: 'The certificate; null when it is not from SSL Certificates or not visible.',
      resolve: (e, _args, context) => loadBoundCertificate(e.CertId, context),
    }),
  }),
});

export const TseGatewayRef = cloudResourceObjectRef('tse').implement({
  description: 'A Tencent Service Engine (TSE) cloud-native gateway.',
  interfaces: [CloudResourceRef],
  fields: (t) => ({
    certificateEntries: t.field({
      type: [TseGatewayCertificateRef],
      description: 'The certificates configured on the gateway.',
      nullable: false,
      resolve: (r) => r.detail.CertificateList ?? [],
    }),
  }),
});

const TcbAccessDomainRef = builder.objectRef<TCBAccessInstance>('TcbAccessDomain').implement({
  description: 'A domain of the HTTP access service of a CloudBase environment.',
  fields: (t) => ({
    domain: t.string({ description: 'The domain.', nullable: false, resolve: (d) => d.Domain }),
    status: t.int({
      description: 'The domain status code as CloudBase reports it (its meanings are not documented).',
      nullable: false,
      resolve: (d) => d.Status,
    }),
    unionStatus: t.int({
      description: 'The combined status code as CloudBase reports it (its meanings are not documented).',
      nullable: false,
      resolve: (d) => d.UnionStatus,
    }),
    isPreempted: t.boolean({
      description: 'Whether another environment has bound the domain.',
      nullable: false,
      resolve: (d) => d.IsPreempted === true,
    }),
    isIcpBlocked: t.boolean({
      description: 'Whether the domain is blocked for its ICP filing (on the ICP blacklist).',
      nullable: false,
      resolve: (d) => d.ICPStatus === 1,
    }),
    certificate: t.field({
      type: CertificateRef,
      description: 'The certificate currently bound to the domain; null when none is or it is not visible.',
      resolve: (d, _args, context) => loadBoundCertificate(d.OldCertificateId, context),
    }),
  }),
});

const TcbHostingDomainRef = builder.objectRef<TCBHostInstance>('TcbHostingDomain').implement({
  description: 'A domain of the static website hosting of a CloudBase environment.',
  fields: (t) => ({
    domain: t.string({ description: 'The domain.', nullable: false, resolve: (d) => d.Domain }),
    status: t.string({
      description: 'The domain status as CloudBase reports it (e.g. `online`).',
      nullable: false,
      resolve: (d) => d.Status,
    }),
    dnsStatus: t.string({
      description: 'The DNS status of the domain as CloudBase reports it (e.g. `ok`).',
      nullable: false,
      resolve: (d) => d.DNSStatus,
    }),
    certificate: t.field({
      type: CertificateRef,
      description: 'The certificate currently bound to the domain; null when none is or it is not visible.',
      resolve: (d, _args, context) => loadBoundCertificate(d.OldCertificateId, context),
    }),
  }),
});

export const TcbEnvironmentRef = cloudResourceObjectRef('tcb').implement({
  description: 'A CloudBase (TCB) environment, with the domains of its access service and static hosting.',
  interfaces: [CloudResourceRef],
  fields: (t) => ({
    source: t.string({
      description: 'Where the environment was created, as CloudBase names it; null when not reported.',
      resolve: (r) => r.detail.Environment?.Source ?? null,
    }),
    status: t.string({
      description: 'The environment status as CloudBase reports it (e.g. `NORMAL`); null when not reported.',
      resolve: (r) => r.detail.Environment?.Status ?? null,
    }),
    accessDomains: t.field({
      type: [TcbAccessDomainRef],
      description: 'The domains of the HTTP access service.',
      nullable: false,
      resolve: (r) => r.detail.AccessService?.InstanceList ?? [],
    }),
    hostingDomains: t.field({
      type: [TcbHostingDomainRef],
      description: 'The domains of the static website hosting.',
      nullable: false,
      resolve: (r) => r.detail.HostService?.InstanceList ?? [],
    }),
  }),
});

export const LighthouseInstanceRef = cloudResourceObjectRef('lighthouse').implement({
  description: 'A Lighthouse lightweight application server.',
  interfaces: [CloudResourceRef],
  fields: (t) => ({
    ipAddresses: t.stringList({
      description: 'The IP addresses of the server.',
      nullable: false,
      resolve: (r) => r.detail.IP ?? [],
    }),
  }),
});
