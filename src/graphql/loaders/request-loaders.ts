import DataLoader from 'dataloader';
import type { SslCaller } from '../../ssl/actions.ts';
import { type AccountLoaders, createAccountLoaders } from './accounts.ts';
import { type BindResourceTaskLoaders, createBindResourceTaskLoaders } from './bind-resource-tasks.ts';
import { type CertificateDetailLoaders, createCertificateDetailLoaders } from './certificate-details.ts';
import type { CertificateRecord } from './certificate-record.ts';
import { type CertificateLoaders, createCertificateLoaders } from './certificates.ts';
import { type CloudResourceLoaders, createCloudResourceLoaders } from './cloud-resources.ts';
import { createDeleteTaskLoaders, type DeleteTaskLoaders } from './delete-tasks.ts';
import { createDeployRecordLoaders, type DeployRecordLoaders } from './deploy-records.ts';
import { createUpstreamMutations, type UpstreamMutations } from './mutations.ts';
import { createOperationLogLoaders, type OperationLogLoaders } from './operation-logs.ts';
import { createUpdateRecordLoaders, type UpdateRecordLoaders } from './update-records.ts';
import { createUploadUpdateRecordLoaders, type UploadUpdateRecordLoaders } from './upload-update-records.ts';

/**
 * Every upstream call a resolver may make: reads batched and cached for the lifetime of one GraphQL request,
 * and mutations. Each domain adds its loader group here (one import, one lazily built property).
 */
export interface Loaders {
  readonly certificates: CertificateLoaders;
  readonly certificateDetails: CertificateDetailLoaders;
  readonly cloudResources: CloudResourceLoaders;
  readonly operationLogs: OperationLogLoaders;
  readonly accounts: AccountLoaders;
  readonly updateRecords: UpdateRecordLoaders;
  readonly uploadUpdateRecords: UploadUpdateRecordLoaders;
  readonly deployRecords: DeployRecordLoaders;
  readonly bindResourceTasks: BindResourceTaskLoaders;
  readonly deleteTasks: DeleteTaskLoaders;
  readonly mutations: UpstreamMutations;
}

/** A domain's loaders; `clearAll` drops what they cached, after a mutation changed the upstream. */
export interface LoaderGroup {
  clearAll(): void;
}

export interface LoaderOptions {
  /**
   * Benchmark peer only (bench/): certificates are fetched as resolvers without loaders would fetch them, to
   * measure what batching and priming save. Never set by the production entry point.
   */
  readonly naive?: boolean;
}

/**
 * Certificates without batching or request caching: each by-ID lookup is its own DescribeCertificates call, and
 * a list's certificates are each fetched again by ID (the list-of-IDs-then-one-call-per-item shape), since lists
 * prime nothing.
 */
function createNaiveCertificateLoaders(ssl: SslCaller, signal: AbortSignal | undefined): CertificateLoaders {
  // A fresh loader group per lookup has no batch to join, no cache and no listed page to answer from.
  const byId = new DataLoader<string, CertificateRecord | null>(
    (ids) => Promise.all(ids.map((id) => createCertificateLoaders(ssl, signal).byId.load(id))),
    { maxBatchSize: 1, cache: false },
  );
  return {
    byId,
    clearAll() {},
    async page(offset, limit, query) {
      const listed = await createCertificateLoaders(ssl, signal).page(offset, limit, query);
      const certificates = await Promise.all(
        listed.certificates.map(async (certificate) => (await byId.load(certificate.id)) ?? certificate),
      );
      return { ...listed, certificates };
    },
  };
}

/**
 * Creates the loaders of one request. `signal` is the request's: when the client goes away, the upstream calls
 * made for it are cancelled.
 */
export function createLoaders(
  ssl: SslCaller,
  signal: AbortSignal | undefined,
  options: LoaderOptions = {},
): Loaders {
  // A request uses one or two domains: each group is built when first asked for, not all of them for every
  // request (their DataLoaders and caches were most of a small request's allocations).
  const created: LoaderGroup[] = [];
  function lazily<Group extends LoaderGroup>(create: () => Group): () => Group {
    let group: Group | undefined;
    return () => {
      if (group === undefined) {
        group = create();
        created.push(group);
      }
      return group;
    };
  }
  const certificates = lazily(() =>
    options.naive === true
      ? createNaiveCertificateLoaders(ssl, signal)
      : createCertificateLoaders(ssl, signal),
  );
  const certificateDetails = lazily(() => createCertificateDetailLoaders(ssl, signal));
  const cloudResources = lazily(() => createCloudResourceLoaders(ssl, signal));
  const operationLogs = lazily(() => createOperationLogLoaders(ssl, signal));
  const accounts = lazily(() => createAccountLoaders(ssl, signal));
  const updateRecords = lazily(() => createUpdateRecordLoaders(ssl, signal));
  const uploadUpdateRecords = lazily(() => createUploadUpdateRecordLoaders(ssl, signal));
  const deployRecords = lazily(() => createDeployRecordLoaders(ssl, signal));
  const bindResourceTasks = lazily(() => createBindResourceTaskLoaders(ssl, signal));
  const deleteTasks = lazily(() => createDeleteTaskLoaders(ssl, signal));
  let mutations: UpstreamMutations | undefined;
  return {
    get certificates() {
      return certificates();
    },
    get certificateDetails() {
      return certificateDetails();
    },
    get cloudResources() {
      return cloudResources();
    },
    get operationLogs() {
      return operationLogs();
    },
    get accounts() {
      return accounts();
    },
    get updateRecords() {
      return updateRecords();
    },
    get uploadUpdateRecords() {
      return uploadUpdateRecords();
    },
    get deployRecords() {
      return deployRecords();
    },
    get bindResourceTasks() {
      return bindResourceTasks();
    },
    get deleteTasks() {
      return deleteTasks();
    },
    get mutations() {
      // A mutation makes what every group built so far has cached stale; groups not built yet hold nothing.
      mutations ??= createUpstreamMutations(ssl, signal, () => {
        for (const group of created) group.clearAll();
      });
      return mutations;
    },
  };
}
