import { type GraphQLError, type GraphQLResolveInfo, responsePathAsArray } from 'graphql';
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

/** The code of the error telling that a job's state could not be read (see stateOf). */
export const JOB_READ_FAILED = 'JOB_READ_FAILED';

/**
 * The state of a job value: carried by snapshots, loaded (once per request) for values from listings and for the
 * jobs mutation payloads return without `wait`. A read that fails with an error the gateway raised on purpose
 * fails the field with a JOB_READ_FAILED error naming the job, so a client whose mutation started it still learns
 * its ID, although `status` being non-null nulls the job in the data.
 */
async function stateOf(job: JobShape, context: GraphQLContext): Promise<JobState> {
  if (job.state !== undefined) return job.state;
  let snapshot: JobSnapshot | null;
  try {
    snapshot = await requireKind(job.kind).load(job.id, context);
  } catch (cause) {
    if (!isDeliberate(cause)) throw cause;
    throw createGraphQLError(
      `Reading ${job.kind} ${job.id} failed: ${cause.message} The job exists; ask for it again (\`Query.job\`).`,
      { extensions: { code: JOB_READ_FAILED, ...jobFailureExtensions(job.kind, job.id, cause) } },
    );
  }
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
    'before any of it runs, so a mutation whose payload is asked to wait too long starts nothing. A wait that ' +
    'fails once running (a poll refused by the rate limit, or failed) still answers with the job, as read after ' +
    'the failure, and adds a JOB_WAIT_FAILED error naming it (`jobKind`, `jobId`, the cause in `causeCode`, ' +
    '`retryable`: whether waiting again may work) beside the data; a job that cannot be read then either is null ' +
    '(left out of a list) with that error.',
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

/** The code of the error telling that a `wait` failed (see waitForJobs). */
export const JOB_WAIT_FAILED = 'JOB_WAIT_FAILED';

/** What a field with `wait` gives for one job: its snapshot (null: no such job), or why it has none. */
type WaitedJob = { readonly snapshot: JobSnapshot | null } | { readonly unreadable: GraphQLError };

/**
 * An error the gateway raised on purpose (a GraphQLError with a code: upstream refusals and failures, the rate
 * limiter's): a wait failing with one is answered around. Anything else is a bug, left to fail the field and be
 * masked and logged.
 */
function isDeliberate(error: unknown): error is GraphQLError {
  const extensions = (error as { extensions?: { code?: unknown } } | null)?.extensions;
  return error instanceof Error && typeof extensions?.code === 'string';
}

function waitFailure(
  kind: JobKindName,
  id: string,
  cause: GraphQLError,
  readToo: boolean,
  info: GraphQLResolveInfo,
): GraphQLError {
  const after = readToo
    ? 'Reading it afterwards failed too; ask for it again (`Query.job`).'
    : 'It is given as read after the wait failed.';
  return createGraphQLError(`Waiting for ${kind} ${id} failed: ${cause.message} ${after}`, {
    nodes: info.fieldNodes,
    path: responsePathAsArray(info.path),
    extensions: { code: JOB_WAIT_FAILED, ...jobFailureExtensions(kind, id, cause) },
  });
}

/** What a JOB_WAIT_FAILED or JOB_READ_FAILED error tells besides its code: the job, and why. */
function jobFailureExtensions(kind: JobKindName, id: string, cause: GraphQLError): Record<string, unknown> {
  return {
    jobKind: kind,
    jobId: id,
    causeCode: cause.extensions.code,
    // Whether asking again may work: never a reason to repeat the mutation that started the job.
    retryable: cause.extensions.retryable === true,
    ...(typeof cause.extensions.requestId === 'string' ? { requestId: cause.extensions.requestId } : {}),
  };
}

/**
 * Waits for jobs of one kind (each on the shared poller, at once), for a field that accepts `wait`.
 *
 * A job a field names exists upstream, and a mutation payload's may exist only there (nothing lists the tasks a
 * batch deletion started), so a wait that fails (the rate limit refused a poll, a poll failed) does not fail the
 * field: once every wait ended, the jobs whose wait failed are read once more through the request's loaders (in
 * one batch where the kind batches), and each is given as that read found it, with a JOB_WAIT_FAILED error
 * reported beside the data at the field's path. Only a job that cannot be read either is `unreadable`.
 *
 * What the request read before the waits describes the jobs as they were: its loaders are cleared once the
 * waits ended, so the waited jobs' fields read them as they are now (the snapshots carry what they can).
 */
async function waitForJobs(
  kind: JobKindName,
  ids: readonly string[],
  wait: JobWait,
  context: GraphQLContext,
  info: GraphQLResolveInfo,
): Promise<WaitedJob[]> {
  const definition = requireKind(kind);
  const { timeoutSeconds, pollIntervalMs } = checkedWait(wait);
  const options = { timeoutMs: timeoutSeconds * 1000, intervalMs: pollIntervalMs, signal: context.signal };
  type Waited = { readonly id: string } & (
    | { readonly snapshot: JobSnapshot | null }
    | { readonly failure: unknown }
  );
  const waits = await Promise.all(
    ids.map(async (id): Promise<Waited> => {
      try {
        return { id, snapshot: await context.jobs.waitFor(kind, id, options) };
      } catch (failure) {
        return { id, failure };
      }
    }),
  );
  context.loaders.clearAll();
  // Started together, after every wait ended: the reads batch, and a rate limit that refused the waits' polls
  // has had their queue drain.
  return Promise.all(
    waits.map(async (waited): Promise<WaitedJob> => {
      if (!('failure' in waited)) return { snapshot: waited.snapshot };
      const cause = waited.failure;
      if (context.signal?.aborted || !isDeliberate(cause)) throw cause;
      try {
        const snapshot = await definition.load(waited.id, context);
        context.reportedErrors.report(waitFailure(kind, waited.id, cause, false, info));
        return { snapshot };
      } catch (error) {
        if (!isDeliberate(error)) throw error;
        return { unreadable: waitFailure(kind, waited.id, cause, true, info) };
      }
    }),
  );
}

/**
 * A job by kind and ID, optionally after waiting: without `wait`, the current snapshot through the request's
 * loaders; with it, the shared poller's snapshot once the job finished or the time is up (see waitForJobs for a
 * wait that fails). Null when unknown.
 */
export async function loadJob(
  kind: JobKindName,
  id: string,
  wait: JobWait | null | undefined,
  context: GraphQLContext,
  info: GraphQLResolveInfo,
): Promise<JobSnapshot | null> {
  if (wait === null || wait === undefined) return requireKind(kind).load(id, context);
  const [waited] = await waitForJobs(kind, [id], wait, context, info);
  if (waited === undefined) return null;
  if ('unreadable' in waited) throw waited.unreadable;
  return waited.snapshot;
}

/**
 * A job a mutation payload (or a lookup) holds, after an optional `wait`: without one, the held value as it is
 * (no upstream call); after one, `merge` of the held value and the snapshot waited for. Null when the job no
 * longer exists. A wait that fails still answers with the job (see waitForJobs); only a job that cannot be read
 * at all fails the field, with a JOB_WAIT_FAILED error naming it.
 */
export async function heldJobAfterWait<Shape extends JobShape>(
  held: Shape,
  wait: JobWait | null | undefined,
  context: GraphQLContext,
  info: GraphQLResolveInfo,
  merge: (held: Shape, snapshot: JobSnapshot) => Shape,
): Promise<Shape | null> {
  if (wait === null || wait === undefined) return held;
  const [waited] = await waitForJobs(held.kind, [held.id], wait, context, info);
  if (waited === undefined) return null;
  if ('unreadable' in waited) throw waited.unreadable;
  return waited.snapshot === null ? null : merge(held, waited.snapshot);
}

/**
 * The jobs of a payload's list field after an optional `wait`, each waited for on its own: one job whose wait
 * fails costs neither the others nor itself (see waitForJobs). Jobs that no longer exist are left out, and so is
 * a job that cannot be read at all, since the list's items are non-null: its JOB_WAIT_FAILED error, reported
 * beside the data, names it.
 */
export async function heldJobsAfterWait<Shape extends JobShape>(
  held: readonly Shape[],
  wait: JobWait | null | undefined,
  context: GraphQLContext,
  info: GraphQLResolveInfo,
  merge: (held: Shape, snapshot: JobSnapshot) => Shape,
): Promise<Shape[]> {
  const [first] = held;
  if (wait === null || wait === undefined || first === undefined) return [...held];
  const ids = held.map((job) => job.id);
  const waited = await waitForJobs(first.kind, ids, wait, context, info);
  return held.flatMap((job, index) => {
    const outcome = waited[index];
    if (outcome === undefined) return [];
    if ('unreadable' in outcome) {
      context.reportedErrors.report(outcome.unreadable);
      return [];
    }
    return outcome.snapshot === null ? [] : [merge(job, outcome.snapshot)];
  });
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
    resolve: (_root, args, context, info) => loadJob(args.kind, String(args.id), args.wait, context, info),
  }),
);
