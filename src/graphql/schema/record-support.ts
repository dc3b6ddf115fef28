import type { RecordPage } from '../loaders/record-blocks.ts';
import { parseUpstreamTime } from '../time.ts';
import { integerIdOrNull } from '../upstream-values.ts';
import { toOffsetConnection } from './pagination.ts';

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
