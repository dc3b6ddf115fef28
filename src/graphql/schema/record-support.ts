import type { RecordPage } from '../loaders/record-blocks.ts';
import { parseUpstreamTime } from '../time.ts';
import { toOffsetConnection } from './pagination.ts';

// What the schema files of the job records (deploy records, update records, content replacement records) share.

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
