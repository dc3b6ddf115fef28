import type { SslCaller } from '../../ssl/actions.ts';
import { type CertificateLoaders, createCertificateLoaders } from './certificates.ts';
import { createUpstreamMutations, type UpstreamMutations } from './mutations.ts';

/**
 * Every upstream call a resolver may make: reads batched and cached for the lifetime of one GraphQL request,
 * and mutations. Each domain adds its loader group here (one import, one property, one line in `groups`).
 */
export interface Loaders {
  readonly certificates: CertificateLoaders;
  readonly mutations: UpstreamMutations;
}

/** A domain's loaders; `clearAll` drops what they cached, after a mutation changed the upstream. */
export interface LoaderGroup {
  clearAll(): void;
}

/**
 * Creates the loaders of one request. `signal` is the request's: when the client goes away, the upstream calls
 * made for it are cancelled.
 */
export function createLoaders(ssl: SslCaller, signal: AbortSignal | undefined): Loaders {
  const certificates = createCertificateLoaders(ssl, signal);
  const groups: LoaderGroup[] = [certificates];
  return {
    certificates,
    mutations: createUpstreamMutations(ssl, signal, () => {
      for (const group of groups) group.clearAll();
    }),
  };
}
