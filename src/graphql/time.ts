/**
 * The SSL API reports times as Beijing wall-clock strings (`YYYY-MM-DD hh:mm:ss`, UTC+8, no DST); a few
 * record-detail actions use ISO 8601 instead. Both are turned into absolute instants here so the schema never
 * exposes an offset-less time.
 */
import { boundedMemo } from '../support/bounded-memo.ts';
import { instantOfWallClock } from '../support/wall-clock.ts';

const BEIJING_OFFSET_MINUTES = 8 * 60;
const MS_PER_MINUTE = 60_000;

const BEIJING_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * Values the upstream sends for "never happened / not yet known". `--` is the doc's own placeholder: every
 * DescribeCertificates example sends it as the ValidationPassedTime of a certificate not validated yet.
 */
const UNSET_TIMES = new Set(['', '--', '0000-00-00 00:00:00', '0000-00-00']);

export class UpstreamTimeFormatError extends Error {
  constructor(readonly text: string) {
    super(`Unrecognised upstream time ${JSON.stringify(text)}`);
    this.name = 'UpstreamTimeFormatError';
  }
}

function parseOffsetMinutes(designator: string): number {
  if (designator === 'Z' || designator === 'z') return 0;
  const sign = designator.startsWith('-') ? -1 : 1;
  const hours = Number(designator.slice(1, 3));
  const minutes = Number(designator.slice(4, 6));
  return sign * (hours * 60 + minutes);
}

/**
 * Parses an upstream time. Returns null when the upstream says the time is unset (null, empty, `--`, zero date);
 * throws UpstreamTimeFormatError for anything else it cannot read, so a format change is noticed rather than
 * silently shown as "no date". The same text gives the same Date object (see parsedTimeOfText): callers must not
 * mutate it.
 */
export function parseUpstreamTime(text: string | null | undefined): Date | null {
  return text === null || text === undefined ? null : parsedTimeOfText(text);
}

/**
 * parseUpstreamTime for a value computed before any field asks for it: an unreadable time is returned, not
 * thrown, so that it fails only the field that shows it.
 */
export function parseUpstreamTimeOrError(
  text: string | null | undefined,
): Date | null | UpstreamTimeFormatError {
  try {
    return parseUpstreamTime(text);
  } catch (error) {
    if (error instanceof UpstreamTimeFormatError) return error;
    throw error;
  }
}

function parseTimeText(text: string): Date | null {
  const trimmed = text.trim();
  if (UNSET_TIMES.has(trimmed)) return null;

  const beijing = BEIJING_TIME.exec(trimmed);
  if (beijing) {
    const [, year, month, day, hour, minute, second] = beijing;
    const instant = instantOfWallClock(
      {
        year: Number(year),
        month: Number(month),
        day: Number(day),
        hour: Number(hour),
        minute: Number(minute),
        second: Number(second),
        millisecond: 0,
      },
      BEIJING_OFFSET_MINUTES,
    );
    if (instant !== null) return new Date(instant);
    throw new UpstreamTimeFormatError(text);
  }

  const iso = ISO_WITH_OFFSET.exec(trimmed);
  if (iso) {
    const [, year, month, day, hour, minute, second, fraction = '', offset = 'Z'] = iso;
    const instant = instantOfWallClock(
      {
        year: Number(year),
        month: Number(month),
        day: Number(day),
        hour: Number(hour),
        minute: Number(minute),
        second: Number(second),
        // Microsecond precision (`.000000Z`) is truncated: Date only holds milliseconds.
        millisecond: Number(fraction.padEnd(3, '0').slice(0, 3)),
      },
      parseOffsetMinutes(offset),
    );
    if (instant !== null) return new Date(instant);
  }

  throw new UpstreamTimeFormatError(text);
}

/**
 * A page of 50 certificates carries 150 times, and the same times come back on every request for that page:
 * each distinct text is parsed once (a bounded cache, about 100 bytes an entry).
 */
const parsedTimeOfText = boundedMemo(parseTimeText, 20_000);

/** The latest Beijing wall-clock time the upstream's four-digit years can write: 9999-12-31 23:59:59. */
const LATEST_BEIJING_WALL_CLOCK_MS = Date.UTC(9999, 11, 31, 23, 59, 59);

/**
 * The inverse for request parameters: an instant as Beijing wall-clock time, `YYYY-MM-DD hh:mm:ss`. An instant
 * after 9999-12-31 23:59:59 Beijing (from 9999-12-31T16:00:00Z, the idiom for "no end") is written as that
 * time: nothing the upstream records is later, so the bound selects the same, where the year 10000 would make a
 * time it refuses.
 */
export function formatBeijingTime(instant: Date): string {
  const wallClockMs = instant.getTime() + BEIJING_OFFSET_MINUTES * MS_PER_MINUTE;
  const wallClock = new Date(Math.min(wallClockMs, LATEST_BEIJING_WALL_CLOCK_MS)).toISOString();
  return `${wallClock.slice(0, 10)} ${wallClock.slice(11, 19)}`;
}
