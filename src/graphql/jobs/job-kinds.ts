import type { SslCaller } from '../../ssl/actions.ts';
import type { GraphQLContext } from '../context.ts';

/**
 * The kinds of long-running upstream jobs the graph exposes. Each domain registers the kind it owns with
 * `registerJobKind` (from its schema file), so the `Job` interface, `Query.job`, waiting and the subscription
 * hub work for every kind without knowing the domains.
 */
export const JOB_KINDS = [
  'DEPLOY_RECORD',
  'UPDATE_RECORD',
  'UPLOAD_UPDATE_RECORD',
  'BIND_RESOURCE_TASK',
  'CERTIFICATE_DELETE_TASK',
] as const;
export type JobKindName = (typeof JOB_KINDS)[number];

/** The gateway's uniform job status (the `JobStatus` enum); each kind maps its upstream codes onto it. */
export type JobStatusValue =
  | 'PENDING'
  | 'RUNNING'
  | 'SUCCEEDED'
  | 'PARTIALLY_FAILED'
  | 'FAILED'
  | 'ROLLED_BACK';

const UNFINISHED_STATUSES: ReadonlySet<JobStatusValue> = new Set(['PENDING', 'RUNNING']);

export function isFinishedStatus(status: JobStatusValue): boolean {
  return !UNFINISHED_STATUSES.has(status);
}

/** How many units (instances, certificates) of a job are in each phase. */
export interface JobProgressCounts {
  readonly total: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly running: number;
  readonly pending: number;
}

/**
 * The status a job's progress makes, the same rule for every kind that counts units: PENDING while no unit has
 * started (every one is pending), RUNNING while any unit is pending or running once one has started or finished,
 * then by how the units ended. `isRollback`: the job restores what its units served before, so a finished one
 * without failures is ROLLED_BACK rather than SUCCEEDED.
 */
export function jobStatusFromProgress(progress: JobProgressCounts, isRollback: boolean): JobStatusValue {
  if (progress.running + progress.pending > 0) {
    const anyStarted = progress.running + progress.succeeded + progress.failed > 0;
    return anyStarted ? 'RUNNING' : 'PENDING';
  }
  if (progress.failed > 0) return progress.succeeded > 0 ? 'PARTIALLY_FAILED' : 'FAILED';
  return isRollback ? 'ROLLED_BACK' : 'SUCCEEDED';
}

/** What every job reports, whatever its kind. */
export interface JobState {
  readonly status: JobStatusValue;
  readonly progress: JobProgressCounts;
  /** Null when the upstream does not report when the job started. */
  readonly startedAt: Date | null;
  /** Null while the job runs, and when the upstream does not report when it finished. */
  readonly finishedAt: Date | null;
}

/**
 * The backing value of every type implementing `Job`. `state` is present when the value was built from a full
 * snapshot (a mutation, a wait, the subscription hub); values built from a listing may leave it out, and the
 * `Job` fields then load it through the kind's `load`.
 */
export interface JobShape {
  readonly kind: JobKindName;
  readonly id: string;
  readonly state?: JobState;
}

/** A job value that carries its state: what `load` and `poll` return. */
export type JobSnapshot<Shape extends JobShape = JobShape> = Shape & { readonly state: JobState };

/**
 * How the infrastructure reaches one kind of job. The shared poller passes a snapshot on only when it differs
 * from the previous one (as JSON, leaving out upstream RequestIds), so a snapshot must hold the job's state and
 * data only, nothing that changes from call to call without the job changing.
 */
export interface JobKindDefinition<Shape extends JobShape = JobShape> {
  readonly kind: JobKindName;
  /** The GraphQL object type implementing `Job` for this kind. */
  readonly typeName: string;
  /** One snapshot inside a GraphQL request, through `context.loaders` (cached per request); null if unknown. */
  load(id: string, context: GraphQLContext): Promise<JobSnapshot<Shape> | null>;
  /**
   * One fresh snapshot outside any request (the shared poller): straight through the SslCaller, so rate
   * limits and retries apply but nothing is cached. Null if the job does not exist.
   */
  poll(ssl: SslCaller, id: string, signal: AbortSignal): Promise<JobSnapshot<Shape> | null>;
  /**
   * For kinds whose upstream reader takes a list of IDs: fresh snapshots of several jobs in one call, in the
   * order of `ids` (null for each unknown one). The shared poller then sends the polls of distinct jobs of the
   * kind that fall due together as one call of at most `maxIds`, instead of one call per job.
   */
  readonly pollMany?: {
    readonly maxIds: number;
    poll(ssl: SslCaller, ids: readonly string[], signal: AbortSignal): Promise<(JobSnapshot<Shape> | null)[]>;
  };
}

const definitions = new Map<JobKindName, JobKindDefinition>();

/** Plugs a kind in; called once by the schema file of the domain that owns the kind. */
export function registerJobKind<Shape extends JobShape>(definition: JobKindDefinition<Shape>): void {
  if (definitions.has(definition.kind)) {
    throw new Error(`Job kind ${definition.kind} is registered twice`);
  }
  // Shapes only ever flow back to the same kind's GraphQL type, so widening to JobShape loses nothing.
  definitions.set(definition.kind, definition as unknown as JobKindDefinition);
}

/** The definition of a registered kind, or undefined while no schema file has registered it. */
export function findJobKind(kind: JobKindName): JobKindDefinition | undefined {
  return definitions.get(kind);
}
