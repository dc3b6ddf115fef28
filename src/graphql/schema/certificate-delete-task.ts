import { createGraphQLError } from 'graphql-yoga';
import type { DeleteTaskResult } from '../../ssl/models.generated.ts';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import { type JobSnapshot, type JobState, type JobStatusValue, registerJobKind } from '../jobs/job-kinds.ts';
import { fetchDeleteTaskResults, MAX_DELETE_TASK_IDS_PER_CALL } from '../loaders/delete-tasks.ts';
import { translatingUpstreamErrors } from '../loaders/upstream-errors.ts';
import { parseUpstreamTime } from '../time.ts';
import { presentOrNull } from '../upstream-values.ts';
import { CertificateRef } from './certificate.ts';
import { JobRef } from './job.ts';
import { upstreamEnum } from './upstream-enum.ts';

/**
 * A deletion that first checks the certificate is bound to no cloud resource (DeleteCertificate with
 * IsCheckResource, DeleteCertificates with IsSync), read back with DescribeDeleteCertificatesTaskResult.
 */
export interface CertificateDeleteTaskShape {
  readonly kind: 'CERTIFICATE_DELETE_TASK';
  readonly id: string;
  /** The certificate being deleted, when the value came from a mutation (the result names it too). */
  readonly certificateId?: string;
  /** The upstream result, when the value is a snapshot. */
  readonly result?: DeleteTaskResult;
  readonly state?: JobState;
}

export const CertificateDeleteOutcome = upstreamEnum(
  'CertificateDeleteOutcome',
  {
    RUNNING: { value: 0, description: 'The bound-resource check (and deletion) is still running.' },
    SUCCEEDED: { value: 1, description: 'The certificate was bound to nothing and has been deleted.' },
    FAILED: { value: 2, description: 'The deletion failed (see `error`).' },
    ROLE_NOT_AUTHORISED: {
      value: 3,
      description:
        'The deletion failed because the service role SSL_QCSLinkedRoleInReplaceLoadCertificate is not ' +
        'authorised; authorise it in the console and try again.',
    },
    BOUND_RESOURCES_REMAIN: {
      value: 4,
      description:
        'Not deleted: the certificate is still bound to cloud resources. Unbind or replace it there first (find ' +
        'them with `certificateBindingsRefresh`).',
    },
    BIND_QUERY_TIMED_OUT: {
      value: 5,
      description: 'Not deleted: looking up the bound cloud resources timed out; try again.',
    },
  },
  {
    description: 'How a checked certificate deletion ended, as Tencent Cloud reports it.',
    upstreamField: 'DeleteTaskResult.Status',
  },
);

/** The uniform state: one unit of work, the deletion; every code but 0 and 1 is a failure. */
function stateOf(result: DeleteTaskResult): JobState {
  const code = CertificateDeleteOutcome.fromUpstream(result.Status);
  const status: JobStatusValue = code === 0 ? 'RUNNING' : code === 1 ? 'SUCCEEDED' : 'FAILED';
  return {
    status,
    progress: {
      total: 1,
      succeeded: status === 'SUCCEEDED' ? 1 : 0,
      failed: status === 'FAILED' ? 1 : 0,
      running: status === 'RUNNING' ? 1 : 0,
      pending: 0,
    },
    // The upstream reports no start time; CacheTime is when the check ran.
    startedAt: null,
    finishedAt: status === 'RUNNING' ? null : parseUpstreamTime(result.CacheTime),
  };
}

export function certificateDeleteTaskSnapshot(
  id: string,
  result: DeleteTaskResult,
): JobSnapshot<CertificateDeleteTaskShape> {
  return {
    kind: 'CERTIFICATE_DELETE_TASK',
    id,
    certificateId: result.CertId,
    result,
    state: stateOf(result),
  };
}

registerJobKind<CertificateDeleteTaskShape>({
  kind: 'CERTIFICATE_DELETE_TASK',
  typeName: 'CertificateDeleteTask',
  async load(id, context) {
    const result = await context.loaders.deleteTasks.results.load(id);
    return result === null ? null : certificateDeleteTaskSnapshot(id, result);
  },
  async poll(ssl, id, signal) {
    const [result] = await translatingUpstreamErrors(() => fetchDeleteTaskResults(ssl, [id], signal));
    return result === null || result === undefined ? null : certificateDeleteTaskSnapshot(id, result);
  },
  pollMany: {
    maxIds: MAX_DELETE_TASK_IDS_PER_CALL,
    async poll(ssl, ids, signal) {
      const results = await translatingUpstreamErrors(() => fetchDeleteTaskResults(ssl, ids, signal));
      return ids.map((id, index) => {
        const result = results[index];
        return result === null || result === undefined ? null : certificateDeleteTaskSnapshot(id, result);
      });
    },
  },
});

/** The task's upstream result: carried by snapshots, loaded (batched, once per request) otherwise. */
async function resultOf(
  task: CertificateDeleteTaskShape,
  context: GraphQLContext,
): Promise<DeleteTaskResult> {
  const result = task.result ?? (await context.loaders.deleteTasks.results.load(task.id));
  if (result === null) {
    throw createGraphQLError(`CERTIFICATE_DELETE_TASK ${task.id} no longer exists upstream.`, {
      extensions: { code: 'NOT_FOUND' },
    });
  }
  return result;
}

export const CertificateDeleteTaskRef =
  builder.objectRef<CertificateDeleteTaskShape>('CertificateDeleteTask');

CertificateDeleteTaskRef.implement({
  description:
    'The deletion of one certificate after checking it is bound to no cloud resource, started by ' +
    '`certificateDelete` (checkBoundResources) or `certificatesDelete` (async). A job: follow it with `wait`, ' +
    '`Query.job` or `Subscription.jobProgress` (kind CERTIFICATE_DELETE_TASK). Every outcome other than RUNNING ' +
    'and SUCCEEDED is the status FAILED; `outcome` says which failure.',
  interfaces: [JobRef],
  isTypeOf: (value) => (value as { kind?: unknown }).kind === 'CERTIFICATE_DELETE_TASK',
  fields: (t) => ({
    certificateId: t.id({
      description: 'The ID of the certificate being deleted (kept after the certificate is gone).',
      nullable: false,
      resolve: async (task, _args, context) => task.certificateId ?? (await resultOf(task, context)).CertId,
    }),
    certificate: t.field({
      type: CertificateRef,
      description: 'The certificate being deleted; null once it has been deleted.',
      resolve: async (task, _args, context) => {
        const id = task.certificateId ?? (await resultOf(task, context)).CertId;
        return presentOrNull(id) === null ? null : context.loaders.certificates.byId.load(id);
      },
    }),
    outcome: t.field({
      type: CertificateDeleteOutcome.ref,
      description: 'Where the deletion stands, or why it failed, as Tencent Cloud reports it.',
      resolve: async (task, _args, context) =>
        CertificateDeleteOutcome.fromUpstream((await resultOf(task, context)).Status),
    }),
    error: t.string({
      description: 'What Tencent Cloud said went wrong; null unless the deletion failed.',
      resolve: async (task, _args, context) => presentOrNull((await resultOf(task, context)).Error),
    }),
    domains: t.stringList({
      description:
        'The domains of the certificate, as the task reports them. Tencent Cloud does not report which resources ' +
        'kept a BOUND_RESOURCES_REMAIN deletion from happening: `certificateBindingsRefresh` finds them.',
      nullable: false,
      resolve: async (task, _args, context) => [...((await resultOf(task, context)).Domains ?? [])],
    }),
  }),
});

/** A waited snapshot carries everything the held task knew (its result names the certificate). */
export function waitedDeleteTask(
  _held: CertificateDeleteTaskShape,
  snapshot: JobSnapshot,
): CertificateDeleteTaskShape {
  return snapshot as CertificateDeleteTaskShape;
}
