import type { SslCaller } from '../../ssl/actions.ts';
import { type CertificateLoaders, createCertificateLoaders } from './certificates.ts';

/** Every upstream read a resolver may make, batched and cached for the lifetime of one GraphQL request. */
export interface Loaders {
  readonly certificates: CertificateLoaders;
}

/**
 * Creates the loaders of one request. `signal` is the request's: when the client goes away, the upstream calls
 * made for it are cancelled.
 */
export function createLoaders(ssl: SslCaller, signal: AbortSignal | undefined): Loaders {
  return {
    certificates: createCertificateLoaders(ssl, signal),
  };
}
