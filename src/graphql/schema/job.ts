import { createGraphQLError } from 'graphql-yoga';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import {
  findJobKind,
  isFinishedStatus,
  JOB_KINDS,
  type JobKindDefinition,
  type JobKindName,
  type JobProgressCounts,
  type JobShape,
  type JobSnapshot,
  type JobState,
} from '../jobs/job-kinds.ts';
import {
  JOB_WAIT_INPUT_TYPE_NAME,
  type JobWait,
  MAX_POLL_INTERVAL_MS,
  MAX_WAIT_SECONDS,
  waitProblem,
} from '../jobs/job-wait.ts';

// The schema files resolving job fields take `wait` values from here, beside the input type.
export { type JobWait, MAX_WAIT_SECONDS } from '../jobs/job-wait.ts';

/**
 * The `Job` interface and what goes with it: every long-running upstream operation (deployments, updates, bound-
 * resource queries, checked deletions) is a Job with a uniform status and progress, can be waited for
 * (`wait: JobWaitInput`) and followed live (`Subscription.jobProgress`).
 *
 * How a domain plugs in: back its type with a shape extending JobShape, register a JobKindDefinition with
 * `registerJobKind` (src/graphql/jobs/job-kinds.ts), implement its object type with `interfaces: [JobRef]`, and
 * resolve job fields with `loadJob(kind, id, wait, context)` so they accept `wait`.
 */

const KIND_DESCRIPTIONS: Record<JobKindName, string> = {
  DEPLOY_RECORD: 'Deploying a certificate to chosen cloud resources (a `DeployRecord`).',
  UPDATE_RECORD: 'Replacing an old certificate with a new one everywhere it is bound (an `UpdateRecord`).',
  UPLOAD_UPDATE_RECORD:
    'Replacing a certificate by uploading new content under the same certificate ID (an `UploadUpdateRecord`).',
  BIND_RESOURCE_TASK: 'Finding the cloud resources a certificate is bound to (a `BindResourceTask`).',
  CERTIFICATE_DELETE_TASK:
    'Deleting a certificate after checking it is bound to no cloud resource (a `CertificateDeleteTask`).',
};

export const JobKindRef = builder.enumType('JobKind', {
  description: 'The kinds of long-running jobs, for `Query.job` and `Subscription.jobProgress`.',
  values: Object.fromEntries(
    JOB_KINDS.map((kind) => [kind, { value: kind, description: KIND_DESCRIPTIONS[kind] }]),
  ) as Record<JobKindName, { value: JobKindName; description: string }>,
});

export const JobStatusRef = builder.enumType('JobStatus', {
  description:
    'Where a job is, whatever its kind. Every status other than PENDING and RUNNING is final. A status always ' +
    "describes the job's own units of work, the same way for every kind. A rollback is a job of its own: it ends " +
    'ROLLED_BACK once it has put every unit back, and PARTIALLY_FAILED or FAILED like any other job when it could ' +
    'not. Deployments and updates are rolled back by a new record, and the record rolled back keeps the status it ' +
    "finished with; a content replacement's rollback is the latest run of the same record, whose status is then " +
    "the rollback's.",
  values: {
    PENDING: { value: 'PENDING', description: 'Accepted; no unit of work has started yet.' },
    RUNNING: { value: 'RUNNING', description: 'At least one unit of work is still in progress.' },
    SUCCEEDED: {
      value: 'SUCCEEDED',
      description: 'Finished; every unit of work succeeded (a rollback that did is ROLLED_BACK instead).',
    },
    PARTIALLY_FAILED: {
      value: 'PARTIALLY_FAILED',
      description: 'Finished; some units of work succeeded and some failed (see the job for which).',
    },
    FAILED: { value: 'FAILED', description: 'Finished; nothing succeeded (the job says why).' },
    ROLLED_BACK: {
      value: 'ROLLED_BACK',
      description:
        'Finished; the job is a rollback (for a content replacement, its latest run is) and every unit of work ' +
        'serves again what it served before.',
    },
  } as const,
});

const JobProgressRef = builder.objectRef<JobProgressCounts>('JobProgress').implement({
  description:
    'How many units of work of a job (instances for deployments and updates, one certificate for tasks) are in ' +
    'each phase. `succeeded + failed + running + pending = total`.',
  fields: (t) => ({
    total: t.exposeInt('total', { nullable: false, description: 'Every unit of work of the job.' }),
    succeeded: t.exposeInt('succeeded', {
      nullable: false,
      description: 'Units that finished successfully.',
    }),
    failed: t.exposeInt('failed', { nullable: false, description: 'Units that finished with an error.' }),
    running: t.exposeInt('running', { nullable: false, description: 'Units being worked on now.' }),
    pending: t.exposeInt('pending', { nullable: false, description: 'Units not started yet.' }),
  }),
});

function requireKind(kind: JobKindName): JobKindDefinition {
  const definition = findJobKind(kind);
  if (definition === undefined) {
    throw createGraphQLError(`Jobs of kind ${kind} are not available on this gateway.`, {
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'kind' },
    });
  }
  return definition;
}

/** The state of a job value: carried by snapshots, loaded (once per request) for values from listings. */
async function stateOf(job: JobShape, context: GraphQLContext): Promise<JobState> {
  if (job.state !== undefined) return job.state;
  const snapshot = await requireKind(job.kind).load(job.id, context);
  if (snapshot === null) {
    throw createGraphQLError(`${job.kind} ${job.id} no longer exists upstream.`, {
      extensions: { code: 'NOT_FOUND' },
    });
  }
  return snapshot.state;
}

export const JobRef = builder.interfaceRef<JobShape>('Job').implement({
  description:
    'A long-running operation of Tencent Cloud SSL. Starting one returns it at once; follow it by asking again, ' +
    'by passing `wait` where offered, or with `Subscription.jobProgress`.',
  resolveType: (job) => requireKind(job.kind).typeName,
  fields: (t) => ({
    id: t.id({
      description: 'The upstream ID of the job (with `kind`, what `Query.job` and `jobProgress` take).',
      nullable: false,
      resolve: (job) => job.id,
    }),
    kind: t.field({
      type: JobKindRef,
      description: 'Which kind of job this is.',
      nullable: false,
      resolve: (job) => job.kind,
    }),
    status: t.field({
      type: JobStatusRef,
      description: 'Where the job is.',
      nullable: false,
      resolve: async (job, _args, context) => (await stateOf(job, context)).status,
    }),
    isFinished: t.boolean({
      description: 'True once the status is final (nothing will change without a new action).',
      nullable: false,
      resolve: async (job, _args, context) => isFinishedStatus((await stateOf(job, context)).status),
    }),
    progress: t.field({
      type: JobProgressRef,
      description: 'How many units of work are in each phase.',
      nullable: false,
      resolve: async (job, _args, context) => (await stateOf(job, context)).progress,
    }),
    startedAt: t.field({
      type: 'DateTime',
      description: 'When the job started; null when Tencent Cloud does not report it for this kind.',
      resolve: async (job, _args, context) => (await stateOf(job, context)).startedAt,
    }),
    finishedAt: t.field({
      type: 'DateTime',
      description: 'When the job finished; null while it runs or when Tencent Cloud does not report it.',
      resolve: async (job, _args, context) => (await stateOf(job, context)).finishedAt,
    }),
  }),
});

export const JobWaitInputRef = builder.inputType(JOB_WAIT_INPUT_TYPE_NAME, {
  description:
    'Asks for a job once it is finished, or after `timeoutSeconds` in whatever state it is then. Waiting requests ' +
    'for one job share one upstream poll. A value out of range refuses the whole operation (BAD_USER_INPUT) ' +
    'before any of it runs, so a mutation whose payload is asked to wait too long starts nothing.',
  fields: (t) => ({
    timeoutSeconds: t.int({
      required: true,
      description: `How long to wait at most, 0 to ${MAX_WAIT_SECONDS} seconds.`,
    }),
    pollIntervalMs: t.int({
      description:
        `How often to look at the job, in milliseconds, at most ${MAX_POLL_INTERVAL_MS}; the gateway enforces a minimum ` +
        'to protect rate limits.',
    }),
  }),
});

/** The resolvers' own check: useJobWaitArgumentCheck (wait-arguments.ts) refuses such operations before they run. */
function checkedWait(wait: JobWait): JobWait {
  const problem = waitProblem(wait);
  if (problem !== null) {
    throw createGraphQLError(problem, { extensions: { code: 'BAD_USER_INPUT', argumentName: 'wait' } });
  }
  return wait;
}

/**
 * A job by kind and ID, optionally after waiting: without `wait`, the current snapshot through the request's
 * loaders; with it, the shared poller's snapshot once the job finished or the time is up, and the request's
 * loaders cleared. Null when unknown.
 */
export async function loadJob(
  kind: JobKindName,
  id: string,
  wait: JobWait | null | undefined,
  context: GraphQLContext,
): Promise<JobSnapshot | null> {
  const definition = requireKind(kind);
  if (wait === null || wait === undefined) return definition.load(id, context);
  const { timeoutSeconds, pollIntervalMs } = checkedWait(wait);
  const snapshot = await context.jobs.waitFor(kind, id, {
    timeoutMs: timeoutSeconds * 1000,
    intervalMs: pollIntervalMs,
    signal: context.signal,
  });
  // What the request read before the wait describes the job as it was: the waited job's fields read it afresh
  // (the snapshot carries what it can).
  context.loaders.clearAll();
  return snapshot;
}

builder.queryField('job', (t) =>
  t.field({
    type: JobRef,
    description:
      'Any job by kind and ID, e.g. to follow one a mutation started. With `wait`, answers once the job finished ' +
      'or the timeout passed. Null when the job does not exist.',
    args: {
      kind: t.arg({ type: JobKindRef, required: true, description: 'Which kind of job `id` names.' }),
      id: t.arg.id({ required: true, description: 'The job ID.' }),
      wait: t.arg({ type: JobWaitInputRef, description: 'Wait for the job to finish first.' }),
    },
    resolve: (_root, args, context) => loadJob(args.kind, String(args.id), args.wait, context),
  }),
);
