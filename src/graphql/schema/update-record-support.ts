import type { OutputRef } from '@pothos/core';
import type { ConnectionShape } from '@pothos/plugin-relay';
import type { GraphQLResolveInfo } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import type { SslCaller } from '../../ssl/actions.ts';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import {
  isFinishedStatus,
  type JobKindName,
  type JobProgressCounts,
  type JobShape,
  type JobState,
  jobStatusFromProgress,
  registerJobKind,
} from '../jobs/job-kinds.ts';
import { InputRejection, integerId } from './certificate-inputs.ts';
import { ResourceType } from './cloud-resource-enums.ts';
import { heldJobAfterWait, type JobWait } from './job.ts';
import { forwardWindow, toOffsetConnection } from './pagination.ts';
import {
  checkEntryOfRecord,
  earliestTime,
  type InstanceEntryGroup,
  latestTime,
  parseRecordId,
  windowOverBlocks,
} from './record-support.ts';
import { gatewayUserError, type PayloadShape } from './user-error.ts';

// What the UpdateRecord and UploadUpdateRecord types share: record IDs, lookups that must find the record,
// windows over the upstream's fixed-size detail blocks, how a record's instances add up to a job state, and the
// retry mutation.

/** The upstream sends 0 / '' for "not applicable" numbers and strings; the schema only knows null. */
export function positiveOrNull(value: number | null | undefined): number | null {
  return value === null || value === undefined || value <= 0 ? null : value;
}

export function switchOrNull(value: number | null | undefined): boolean | null {
  return value === null || value === undefined ? null : value === 1;
}

/** A record ID from a mutation input; an INVALID_ID user error (`… is not <noun>.`) on `field` otherwise. */
export function requireRecordId(raw: string | number, noun: string, field: readonly string[]): number {
  const id = parseRecordId(raw);
  if (id === null) {
    throw new InputRejection('INVALID_ID', `${JSON.stringify(String(raw))} is not ${noun}.`, field);
  }
  return id;
}

/**
 * A record value: a snapshot carries the first detail block its state was read from, so that the fields reading
 * that block (groups, phases, the first instances) show the moment the state shows, in a subscription's events
 * and after a wait, rather than what the request's loaders read earlier.
 */
export interface RecordShape<Block> extends JobShape {
  readonly firstBlock?: Block;
}

/** How a kind of record is followed as a job: from its first detail block. */
interface RecordJobKind<Shape extends RecordShape<Block>, Block> {
  readonly kind: JobKindName;
  readonly typeName: string;
  readonly shapeOf: (recordId: number) => Shape;
  /** The job state a first block tells; null when it cannot tell. */
  readonly stateOf: (block: Block) => JobState | null;
  /** The first block through the request's loaders; null when the record does not exist. */
  readonly firstBlock: (recordId: number, context: GraphQLContext) => Promise<Block | null>;
  /** The first block straight from the upstream (for the shared poller); null when the record does not exist. */
  readonly fetchFirstBlock: (ssl: SslCaller, recordId: number, signal: AbortSignal) => Promise<Block | null>;
}

/** Registers a kind of record as a job kind; IDs that cannot name a record are unknown jobs. */
export function registerRecordJobKind<Shape extends RecordShape<Block>, Block>(
  record: RecordJobKind<Shape, Block>,
): void {
  async function snapshot(id: string, firstBlock: (recordId: number) => Promise<Block | null>) {
    const recordId = parseRecordId(id);
    if (recordId === null) return null;
    const block = await firstBlock(recordId);
    const state = block === null ? null : record.stateOf(block);
    return block === null || state === null
      ? null
      : { ...record.shapeOf(recordId), firstBlock: block, state };
  }
  registerJobKind<Shape>({
    kind: record.kind,
    typeName: record.typeName,
    load: (id, context) => snapshot(id, (recordId) => record.firstBlock(recordId, context)),
    poll: (ssl, id, signal) => snapshot(id, (recordId) => record.fetchFirstBlock(ssl, recordId, signal)),
  });
}

/** A record value whose listing entry may be held already. */
interface HeldRecord<Summary> {
  readonly id: string;
  readonly summary?: Summary;
}

/**
 * A record's listing entry: the one it holds, or the one `loaders` finds. A NOT_FOUND error (`<label> … is not
 * listed`) when no listing has it.
 */
export async function listedSummary<Summary>(
  record: HeldRecord<Summary>,
  loaders: { summary(id: number): Promise<Summary | null> },
  label: string,
): Promise<Summary> {
  if (record.summary !== undefined) return record.summary;
  const recordId = parseRecordId(record.id);
  const summary = recordId === null ? null : await loaders.summary(recordId);
  if (summary === null) {
    throw createGraphQLError(`${label} ${record.id} is not listed by Tencent Cloud.`, {
      extensions: { code: 'NOT_FOUND' },
    });
  }
  return summary;
}

/**
 * A record's first detail block: the one a snapshot carries, else through `loaders`; a NOT_FOUND error
 * (`<label> … no longer exists`) when the record is gone.
 */
export async function existingFirstBlock<Block>(
  record: RecordShape<Block>,
  loaders: { block(id: number, offset: number): Promise<Block | null> },
  label: string,
): Promise<Block> {
  const block = record.firstBlock ?? (await loaders.block(Number(record.id), 0));
  if (block === null) {
    throw createGraphQLError(`${label} ${record.id} no longer exists upstream.`, {
      extensions: { code: 'NOT_FOUND' },
    });
  }
  return block;
}

/**
 * The `updateRecord`-style query: a record by ID, with its listing entry, or after a wait (see `JobWaitInput`).
 * Null when the ID cannot name a record or the record does not exist.
 */
export async function recordById<Shape extends JobShape, Summary>(
  rawId: string | number,
  wait: JobWait | null | undefined,
  context: GraphQLContext,
  info: GraphQLResolveInfo,
  loaders: { summary(id: number): Promise<Summary | null> },
  shapeOf: (id: number, summary?: Summary) => Shape,
): Promise<Shape | null> {
  const recordId = parseRecordId(rawId);
  if (recordId === null) return null;
  if (wait !== null && wait !== undefined) return waitedRecord(shapeOf(recordId), wait, context, info);
  const summary = await loaders.summary(recordId);
  return summary === null ? null : shapeOf(recordId, summary);
}

/**
 * A record after an optional wait (see `JobWaitInput` and heldJobAfterWait): without `wait` the held value is
 * returned as it is, so no upstream call is made for it; after one, the snapshot waited for (a listing entry the
 * held value had is from before the wait, so it is read again if asked for).
 */
export function waitedRecord<Shape extends JobShape>(
  record: Shape,
  wait: JobWait | null | undefined,
  context: GraphQLContext,
  info: GraphQLResolveInfo,
): Promise<Shape | null> {
  return heldJobAfterWait(record, wait, context, info, (_held, snapshot) => snapshot as Shape);
}

/** Runs a mutation body; the input mistakes it rejects itself (InputRejection) become userErrors. */
export async function rejectingInput<Shape extends PayloadShape>(
  blank: Omit<Shape, 'userErrors'>,
  run: () => Promise<Shape>,
): Promise<Shape> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof InputRejection) {
      return { ...blank, ...gatewayUserError(error.code, error.message, error.field) } as Shape;
    }
    throw error;
  }
}

/** One resource type's instances in a record (or a run of one), as a `*ResourceGroup` value holds them. */
interface ResourceGroup {
  readonly resourceType: string;
  readonly instanceCount: number;
}

/** The detail groups of a block: each resource type's instances there. */
interface DetailGroups<Item> {
  readonly offset: number;
  readonly groups: readonly { readonly ResourceType: string; readonly List?: readonly Item[] | null }[];
}

/** The detail groups of the block holding `position`; null when the record is gone. */
type GroupsAt<Item> = (position: number) => Promise<DetailGroups<Item> | null>;

/** A group read from a detail block, which also holds its first instances (as of the same moment). */
export interface BlockResourceGroup<Block> extends ResourceGroup {
  readonly recordId: number;
  /** The block the group was read from: its first instances are read there, as of the same moment. */
  readonly firstBlock: Block;
}

type GatewayTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never;

/** What tells one `*ResourceGroup` type from the other (see resourceGroupRef). */
interface ResourceGroupType<Group extends BlockResourceGroup<Block>, Block, Item> {
  readonly name: string;
  readonly description: string;
  readonly instanceCountDescription: string;
  readonly instances: OutputRef<ConnectionShape<GatewayTypes, Item, false>>;
  /** How many instances a detail block holds. */
  readonly blockSize: number;
  /** Reads the detail block at `position` of the group's record; null when the record is gone. */
  readonly blockAt: (recordId: number, position: number, context: GraphQLContext) => Promise<Block | null>;
  /** The detail groups a block holds for the group. */
  readonly groupsOf: (group: Group, block: Block) => DetailGroups<Item>;
}

/**
 * A record's (or run's) instances of one resource type, paged over its detail blocks: the first from the block
 * the group was read from, the others read with `blockAt`.
 */
export function resourceGroupRef<Group extends BlockResourceGroup<Block>, Block, Item>(
  type: ResourceGroupType<Group, Block, Item>,
) {
  return builder.objectRef<Group>(type.name).implement({
    description: type.description,
    fields: (t) => ({
      resourceType: t.field({
        type: ResourceType.ref,
        description: 'The kind of resource.',
        resolve: (group) => ResourceType.fromUpstream(group.resourceType),
      }),
      instanceCount: t.int({
        description: type.instanceCountDescription,
        nullable: false,
        resolve: (group) => group.instanceCount,
      }),
      instances: t.field({
        type: type.instances,
        description: 'The instances, in the upstream order. Pages hold at most 100 instances.',
        nullable: false,
        args: {
          first: t.arg.int({ description: 'How many instances to return (default 20, at most 100).' }),
          after: t.arg.string({ description: 'Return the instances after this cursor.' }),
        },
        resolve: (group, args, context) =>
          groupInstanceConnection(group, args, type.blockSize, async (position) => {
            const block =
              position < type.blockSize
                ? group.firstBlock
                : await type.blockAt(group.recordId, position, context);
            return block === null ? null : type.groupsOf(group, block);
          }),
      }),
    }),
  });
}

/** The `instances` connection of a resource group: the requested window of its instances, over the blocks. */
export async function groupInstanceConnection<Item>(
  group: ResourceGroup,
  args: { first?: number | null; after?: string | null },
  blockSize: number,
  groupsAt: GroupsAt<Item>,
) {
  const { offset, limit } = forwardWindow(args);
  const items = await windowOverBlocks(offset, limit, blockSize, async (position) => {
    const block = await groupsAt(position);
    if (block === null) return null;
    const list = block.groups.find((candidate) => candidate.ResourceType === group.resourceType)?.List;
    return { offset: block.offset, items: list ?? [] };
  });
  return toOffsetConnection({ totalCount: group.instanceCount, offset, items });
}

/** The upstream's counts of one job's instances (a record's detail response, or one run of a record). */
export interface InstanceCounts {
  readonly TotalCount: number;
  readonly SuccessTotalCount: number;
  readonly FailedTotalCount: number;
  readonly RunningTotalCount: number;
}

/** An instance the gateway has seen (the first detail block), with its UpdateStatus code. */
export interface SeenInstance {
  readonly Status: number;
  readonly CreateTime: string;
  readonly UpdateTime: string;
}

const PENDING_CODE = 0;
const ROLLBACK_CODES: ReadonlySet<number> = new Set([4, 5]);

/**
 * A job state from a record's instances. The upstream's counts are authoritative; which running instances have
 * not started yet, and whether the job is a rollback, is read from the instances seen.
 */
export function jobStateFromItems(
  counts: InstanceCounts,
  items: readonly SeenInstance[],
  fallbackStartedAt: Date | null,
): JobState {
  const statuses = items.map((item) => item.Status);
  const running = counts.RunningTotalCount;
  const pending = Math.min(statuses.filter((status) => status === PENDING_CODE).length, running);
  const progress: JobProgressCounts = {
    total: counts.TotalCount,
    succeeded: counts.SuccessTotalCount,
    failed: counts.FailedTotalCount,
    running: running - pending,
    pending,
  };
  const isRollback = statuses.some((status) => ROLLBACK_CODES.has(status));
  const status = jobStatusFromProgress(progress, isRollback);
  const finished = isFinishedStatus(status);
  return {
    status,
    progress,
    startedAt: earliestTime(items.map((item) => item.CreateTime)) ?? fallbackStartedAt,
    finishedAt: finished ? latestTime(items.map((item) => item.UpdateTime)) : null,
  };
}

/** What the retry mutations of update and content replacement records differ in. */
export interface RecordRetry<Shape> {
  readonly action: 'UpdateCertificateRecordRetry' | 'UploadUpdateCertificateRecordRetry';
  /** The record's name in messages, e.g. `update record`. */
  readonly label: string;
  readonly shapeOf: (id: number) => Shape;
  /** The size of the record's detail blocks. */
  readonly blockSize: number;
  /** The instance entry groups of the detail block holding `offset`; null when the record does not exist. */
  readonly entryGroupsAt: (
    recordId: number,
    offset: number,
    context: GraphQLContext,
  ) => Promise<readonly InstanceEntryGroup[] | null>;
}

/**
 * The retry mutations of update and content replacement records: every failed instance of the record, or only
 * the instance `rawInstanceId` (input field `instanceId`) when given, once it is known to be the record's. The
 * payload holds the record on success.
 */
export async function retryRecord<Shape>(
  context: GraphQLContext,
  retry: RecordRetry<Shape>,
  recordId: number,
  rawInstanceId: string | number | null | undefined,
): Promise<PayloadShape & { readonly record: Shape | null }> {
  const instanceId =
    rawInstanceId === null || rawInstanceId === undefined
      ? null
      : integerId(rawInstanceId, ['input', 'instanceId']);
  if (instanceId !== null) {
    const refusal = await checkEntryOfRecord(
      instanceId,
      retry.label,
      { record: ['input', 'id'], entry: ['input', 'instanceId'] },
      retry.blockSize,
      (offset) => retry.entryGroupsAt(recordId, offset, context),
    );
    if (refusal !== null) return { ...refusal, record: null };
  }
  const outcome = await context.loaders.mutations.run(
    retry.action,
    // The upstream takes either ID; the item ID alone narrows the retry to that instance.
    instanceId === null ? { DeployRecordId: recordId } : { DeployRecordDetailId: instanceId },
    { fieldOf: () => (instanceId === null ? ['input', 'id'] : ['input', 'instanceId']) },
  );
  return outcome.ok
    ? { record: retry.shapeOf(recordId), userErrors: [] }
    : { record: null, userErrors: outcome.userErrors };
}
