// TKE clusters: certificates live in Kubernetes TLS secrets, per namespace, used by ingresses.

import type { TkeIngressDetail, TkeNameSpaceDetail, TkeSecretDetail } from '../../ssl/models.generated.ts';
import { builder } from '../builder.ts';
import { CertificateRef } from './certificate.ts';
import {
  CloudResourceRef,
  cloudResourceObjectRef,
  distinctCertificateIds,
  loadBoundCertificate,
  type ResourceKind,
} from './cloud-resource.ts';

function secretsOf(namespaces: readonly TkeNameSpaceDetail[] | null): TkeSecretDetail[] {
  return (namespaces ?? []).flatMap((namespace) => namespace.SecretList ?? []);
}

export const tkeKind: ResourceKind<'tke'> = {
  summarize: (cluster) => {
    const secrets = secretsOf(cluster.NamespaceList);
    return {
      id: cluster.ClusterId,
      name: cluster.ClusterName || cluster.ClusterId,
      domains: [
        ...new Set(
          secrets.flatMap((secret) => (secret.IngressList ?? []).flatMap((i) => i.TlsDomains ?? [])),
        ),
      ],
      certificateId: null,
      boundCertificateIds: distinctCertificateIds(secrets.map((secret) => secret.CertId)),
    };
  },
};

const TkeIngressRef = builder.objectRef<TkeIngressDetail>('TkeIngress').implement({
  description: 'A Kubernetes ingress that terminates TLS with a secret.',
  fields: (t) => ({
    name: t.string({
      description: 'The ingress name.',
      nullable: false,
      resolve: (ingress) => ingress.IngressName,
    }),
    tlsDomains: t.stringList({
      description: 'The hosts the ingress serves with the secret (its `tls` section).',
      nullable: false,
      resolve: (ingress) => ingress.TlsDomains ?? [],
    }),
    domains: t.stringList({
      description: 'Every host the ingress routes (its `rules`).',
      nullable: false,
      resolve: (ingress) => ingress.Domains ?? [],
    }),
  }),
});

const TkeSecretRef = builder.objectRef<TkeSecretDetail>('TkeSecret').implement({
  description: 'A Kubernetes TLS secret holding a certificate from SSL Certificates.',
  fields: (t) => ({
    name: t.string({ description: 'The secret name.', nullable: false, resolve: (secret) => secret.Name }),
    certificate: t.field({
      type: CertificateRef,
      description: 'The certificate in the secret; null when none is or it is not visible.',
      resolve: (secret, _args, context) => loadBoundCertificate(secret.CertId, context),
    }),
    ingresses: t.field({
      type: [TkeIngressRef],
      description: 'The ingresses using the secret.',
      nullable: false,
      resolve: (secret) => secret.IngressList ?? [],
    }),
    uncoveredDomains: t.stringList({
      description: 'The ingress TLS hosts the certificate given as `deployableFor` does not cover.',
      nullable: false,
      resolve: (secret) => secret.NoMatchDomains ?? [],
    }),
  }),
});

const TkeNamespaceRef = builder.objectRef<TkeNameSpaceDetail>('TkeNamespace').implement({
  description: 'A Kubernetes namespace of a TKE cluster, with its TLS secrets.',
  fields: (t) => ({
    name: t.string({
      description: 'The namespace name.',
      nullable: false,
      resolve: (namespace) => namespace.Name,
    }),
    secrets: t.field({
      type: [TkeSecretRef],
      description: 'The TLS secrets of the namespace.',
      nullable: false,
      resolve: (namespace) => namespace.SecretList ?? [],
    }),
  }),
});

export const TkeClusterRef = cloudResourceObjectRef('tke').implement({
  description: 'A Tencent Kubernetes Engine (TKE) cluster, whose TLS secrets hold certificates.',
  interfaces: [CloudResourceRef],
  fields: (t) => ({
    clusterType: t.string({
      description: 'The cluster type as TKE names it (e.g. `MANAGED_CLUSTER`, `EKS`).',
      nullable: false,
      resolve: (resource) => resource.detail.ClusterType,
    }),
    kubernetesVersion: t.string({
      description: 'The Kubernetes version of the cluster.',
      nullable: false,
      resolve: (resource) => resource.detail.ClusterVersion,
    }),
    namespaces: t.field({
      type: [TkeNamespaceRef],
      description: 'The namespaces that have TLS secrets.',
      nullable: false,
      resolve: (resource) => resource.detail.NamespaceList ?? [],
    }),
  }),
});
