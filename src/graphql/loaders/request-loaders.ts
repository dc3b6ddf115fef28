import DataLoader from 'dataloader';
import type { OperationRecord } from '../../observability/operation-record.ts';
import type {
  SslActionName,
  SslCallEvent,
  SslCaller,
  SslCallOptions,
  SslRequest,
} from '../../ssl/actions.ts';
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
 * and mutations. Each domain adds its loader group here: its property, its line in RequestLoaders and its factory
 * in GROUP_FACTORIES (the compiler checks the three agree).
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
  /**
   * Drops everything read so far, so what is read next is read afresh: after a mutation changed the upstream,
   * before each event of a subscription (its loaders live as long as the stream) and after a wait on a job
   * (what was read before it describes the job as it was).
   */
  clearAll(): void;
}

/** The loader groups of a request, each built on first use. */
type LoaderGroupName = Exclude<keyof Loaders, 'mutations' | 'clearAll'>;

/** A domain's loaders; `clearAll` drops what they cached, after a mutation changed the upstream. */
export interface LoaderGroup {
  clearAll(): void;
}

export interface LoaderOptions {
  /** The operation the loaders work for: told of every upstream call they make and batch they dispatch. */
  readonly operation?: OperationRecord;
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

type GroupFactory<Name extends LoaderGroupName> = (
  ssl: SslCaller,
  signal: AbortSignal | undefined,
  options: LoaderOptions,
) => Loaders[Name];

const GROUP_FACTORIES: { readonly [Name in LoaderGroupName]: GroupFactory<Name> } = {
  certificates: (ssl, signal, options) =>
    options.naive === true
      ? createNaiveCertificateLoaders(ssl, signal)
      : createCertificateLoaders(ssl, signal, options.operation?.batchSink),
  certificateDetails: createCertificateDetailLoaders,
  cloudResources: createCloudResourceLoaders,
  operationLogs: createOperationLogLoaders,
  accounts: createAccountLoaders,
  updateRecords: createUpdateRecordLoaders,
  uploadUpdateRecords: createUploadUpdateRecordLoaders,
  deployRecords: createDeployRecordLoaders,
  bindResourceTasks: createBindResourceTaskLoaders,
  deleteTasks: createDeleteTaskLoaders,
};

/**
 * A request uses one or two domains: each group is built when first asked for, not all of them for every request
 * (their DataLoaders and caches were most of a small request's allocations).
 */
class RequestLoaders implements Loaders {
  // Getters on the prototype, defined once from GROUP_FACTORIES (below).
  declare readonly certificates: CertificateLoaders;
  declare readonly certificateDetails: CertificateDetailLoaders;
  declare readonly cloudResources: CloudResourceLoaders;
  declare readonly operationLogs: OperationLogLoaders;
  declare readonly accounts: AccountLoaders;
  declare readonly updateRecords: UpdateRecordLoaders;
  declare readonly uploadUpdateRecords: UploadUpdateRecordLoaders;
  declare readonly deployRecords: DeployRecordLoaders;
  declare readonly bindResourceTasks: BindResourceTaskLoaders;
  declare readonly deleteTasks: DeleteTaskLoaders;
  readonly #built = new Map<LoaderGroupName, LoaderGroup>();
  #mutations: UpstreamMutations | undefined;

  constructor(
    private readonly ssl: SslCaller,
    private readonly signal: AbortSignal | undefined,
    private readonly options: LoaderOptions,
  ) {}

  group<Name extends LoaderGroupName>(name: Name): Loaders[Name] {
    let group = this.#built.get(name) as Loaders[Name] | undefined;
    if (group === undefined) {
      group = GROUP_FACTORIES[name](this.ssl, this.signal, this.options);
      this.#built.set(name, group);
    }
    return group;
  }

  get mutations(): UpstreamMutations {
    // A mutation makes what every group built so far has cached stale.
    this.#mutations ??= createUpstreamMutations(this.ssl, this.signal, () => this.clearAll());
    return this.#mutations;
  }

  clearAll(): void {
    // Groups not built yet hold nothing.
    for (const group of this.#built.values()) group.clearAll();
  }
}

for (const name of Object.keys(GROUP_FACTORIES) as LoaderGroupName[]) {
  Object.defineProperty(RequestLoaders.prototype, name, {
    get(this: RequestLoaders) {
      return this.group(name);
    },
  });
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
  const { operation } = options;
  return new RequestLoaders(operation === undefined ? ssl : reportingTo(ssl, operation), signal, options);
}

/** The upstream as one operation's loaders see it: each call made through it is also reported to the operation. */
function reportingTo(ssl: SslCaller, operation: OperationRecord): SslCaller {
  const onCall = (event: SslCallEvent): void => {
    operation.upstreamCalls.push(event);
  };
  return {
    call<A extends SslActionName>(action: A, params: SslRequest<A>, options?: SslCallOptions) {
      return ssl.call(action, params, { ...options, onCall });
    },
  };
}
