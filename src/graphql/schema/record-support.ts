import type { RecordPage } from '../loaders/record-blocks.ts';
import { parseUpstreamTime } from '../time.ts';
import { integerIdOrNull } from '../upstream-values.ts';
import { toOffsetConnection } from './pagination.ts';
import { gatewayUserError, type PayloadShape } from './user-error.ts';

// What the schema files of the job records (deploy records, update records, content replacement records) share.

/**
 * Record IDs (and their instance entries' IDs) are positive integers upstream; anything else cannot name one, so
 * it is answered without a call.
 */
export function parseRecordId(raw: string | number): number | null {
  return integerIdOrNull(raw);
}

/** The earliest of the upstream times that parse; null when none does. */
export function earliestTime(times: readonly string[]): Date | null {
  const instants = times.map(parseUpstreamTime).filter((time): time is Date => time !== null);
  return instants.length === 0 ? null : new Date(Math.min(...instants.map((time) => time.getTime())));
}

/** The latest of the upstream times that parse; null when none does. */
export function latestTime(times: readonly string[]): Date | null {
  const instants = times.map(parseUpstreamTime).filter((time): time is Date => time !== null);
  return instants.length === 0 ? null : new Date(Math.max(...instants.map((time) => time.getTime())));
}

/** A page of a records listing as a connection of record values. */
export function recordPageConnection<Summary, Shape>(
  page: RecordPage<Summary>,
  shapeOf: (summary: Summary) => Shape,
) {
  return toOffsetConnection({
    totalCount: page.totalCount,
    offset: page.offset,
    items: page.records.map(shapeOf),
  });
}

/** A block of a record's instances (of one group, when the upstream pages every group with the same Offset/Limit). */
export interface InstanceBlock<Item> {
  /** The offset of the block's first instance (within its group). */
  readonly offset: number;
  /** The instances in this block (fewer than the block size once they end). */
  readonly items: readonly Item[];
}

/**
 * The instances [offset, offset + limit) of a record (or of one group), read from as many blocks as the window spans.
 * `loadBlock(position)` returns the block holding `position`, or null when the record is gone.
 */
export async function windowOverBlocks<Item>(
  offset: number,
  limit: number,
  blockSize: number,
  loadBlock: (position: number) => Promise<InstanceBlock<Item> | null>,
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
    // A short block is the last one.
    if (taken.length === 0 || block.items.length < blockSize) break;
  }
  return items;
}

/**
 * A group of a record's instance entries as one detail block holds it: every instance of a deploy record, or
 * those of one resource type (of one run) of an update or content replacement record.
 */
export interface InstanceEntryGroup {
  /** How many instances the group holds across every block. */
  readonly TotalCount: number;
  readonly List?: readonly { readonly Id: number }[] | null;
}

/** Where a retry names the record and the instance entry, for the user errors of `checkEntryOfRecord`. */
export interface RetryInputFields {
  readonly record: readonly string[];
  readonly entry: readonly string[];
}

/**
 * Checks that an instance entry a retry names belongs to the record it names. The upstream retries an entry
 * (DeployRecordDetailId) in whichever record holds it, while the payload reports the record the caller named:
 * an entry of another record must be refused before anything is retried. Reads the record's detail blocks
 * (`groupsAt(offset)`: the groups of the block holding `offset`, null when the record does not exist) until the
 * entry is found or every group has ended. Null when the entry is the record's; otherwise the user error.
 */
export async function checkEntryOfRecord(
  entryId: number,
  label: string,
  fields: RetryInputFields,
  blockSize: number,
  groupsAt: (offset: number) => Promise<readonly InstanceEntryGroup[] | null>,
): Promise<PayloadShape | null> {
  for (let offset = 0; ; offset += blockSize) {
    const groups = await groupsAt(offset);
    if (groups === null) {
      return gatewayUserError('RECORD_NOT_FOUND', `The ${label} does not exist.`, fields.record);
    }
    if (groups.some((group) => (group.List ?? []).some((entry) => entry.Id === entryId))) return null;
    if (!groups.some((group) => group.TotalCount > offset + blockSize)) {
      return gatewayUserError(
        'INSTANCE_ENTRY_NOT_IN_RECORD',
        `The instance entry is not part of this ${label}.`,
        fields.entry,
      );
    }
  }
}
