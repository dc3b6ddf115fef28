import type { JobProgressCounts, JobState, JobStatusValue } from '../jobs/job-kinds.ts';
import { parseUpstreamTime } from '../time.ts';
import { presentOrNull } from './certificate.ts';
import { InputRejection } from './certificate-inputs.ts';
import { gatewayUserError, type PayloadShape } from './user-error.ts';

// What the UpdateRecord and UploadUpdateRecord types share: record IDs, windows over the upstream's fixed-size
// detail blocks, and how a record's instances add up to a job state.

/** Record IDs are positive integers upstream; anything else cannot name a record. */
export function parseRecordId(raw: string | number): number | null {
  const text = String(raw).trim();
  if (!/^[1-9]\d{0,15}$/.test(text)) return null;
  const id = Number(text);
  return Number.isSafeInteger(id) ? id : null;
}

/** The upstream sends 0 / '' for "not applicable" numbers and strings; the schema only knows null. */
export function positiveOrNull(value: number | null | undefined): number | null {
  return value === null || value === undefined || value <= 0 ? null : value;
}

export function switchOrNull(value: number | null | undefined): boolean | null {
  return value === null || value === undefined ? null : value === 1;
}

export { presentOrNull };

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

/** A block of one group's instances: the upstream pages every group of a record with the same Offset/Limit. */
export interface GroupBlock<Item> {
  /** The offset of the block's first instance within each group. */
  readonly offset: number;
  /** The group's instances in this block (fewer than the block size once the group ends). */
  readonly items: readonly Item[];
}

/**
 * The instances [offset, offset + limit) of one group, read from as many blocks as the window spans.
 * `loadBlock(position)` returns the block holding `position`, or null when the record is gone.
 */
export async function windowOverBlocks<Item>(
  offset: number,
  limit: number,
  blockSize: number,
  loadBlock: (position: number) => Promise<GroupBlock<Item> | null>,
): Promise<Item[]> {
  const items: Item[] = [];
  let position = offset;
  while (position < offset + limit) {
    const block = await loadBlock(position);
    if (block === null) break;
    const start = position - block.offset;
    const taken = block.items.slice(start, start + (offset + limit - position));
    items.push(...taken);
    position += taken.length;
    // A short block is the group's last one.
    if (taken.length === 0 || block.items.length < blockSize) break;
  }
  return items;
}

/** The item statuses (UpdateStatus codes) of one job's instances, with the upstream's counts. */
export interface ItemTally {
  readonly total: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly running: number;
  /** The statuses of the instances the gateway has seen (the first detail block). */
  readonly statuses: readonly number[];
  readonly createTimes: readonly string[];
  readonly updateTimes: readonly string[];
}

const PENDING_CODE = 0;
const ROLLBACK_CODES: ReadonlySet<number> = new Set([4, 5]);

function earliest(times: readonly string[]): Date | null {
  const instants = times.map(parseUpstreamTime).filter((time): time is Date => time !== null);
  return instants.length === 0 ? null : new Date(Math.min(...instants.map((time) => time.getTime())));
}

function latest(times: readonly string[]): Date | null {
  const instants = times.map(parseUpstreamTime).filter((time): time is Date => time !== null);
  return instants.length === 0 ? null : new Date(Math.max(...instants.map((time) => time.getTime())));
}

/**
 * A job state from a record's instances. The upstream's counts are authoritative; which running instances have
 * not started yet, and whether the job is a rollback, is read from the instances seen.
 */
export function jobStateFromItems(tally: ItemTally, fallbackStartedAt: Date | null): JobState {
  const seenPending = tally.statuses.filter((status) => status === PENDING_CODE).length;
  const pending = Math.min(seenPending, tally.running);
  const progress: JobProgressCounts = {
    total: tally.total,
    succeeded: tally.succeeded,
    failed: tally.failed,
    running: tally.running - pending,
    pending,
  };
  const isRollback = tally.statuses.length > 0 && tally.statuses.some((status) => ROLLBACK_CODES.has(status));
  const status: JobStatusValue =
    tally.running > 0
      ? pending === tally.running
        ? 'PENDING'
        : 'RUNNING'
      : tally.failed > 0
        ? tally.succeeded > 0
          ? 'PARTIALLY_FAILED'
          : 'FAILED'
        : isRollback
          ? 'ROLLED_BACK'
          : 'SUCCEEDED';
  const finished = status !== 'PENDING' && status !== 'RUNNING';
  return {
    status,
    progress,
    startedAt: earliest(tally.createTimes) ?? fallbackStartedAt,
    finishedAt: finished ? latest(tally.updateTimes) : null,
  };
}
