import { boundedMemo } from '../support/bounded-memo.ts';
import { instantOfWallClock } from '../support/wall-clock.ts';

/**
 * The emulator owns its notion of time so tests can step it: real time by default, plus an offset that
 * `advance` moves forward. Every lifecycle and job in the emulator reads time from here, never from Date.
 */
export class EmulatorClock {
  #offsetMs = 0;

  /** Milliseconds since the epoch, as the emulator sees it. */
  now(): number {
    return Date.now() + this.#offsetMs;
  }

  /** Unix seconds, as carried by X-TC-Timestamp. */
  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the emulator clock only moves forward');
    this.#offsetMs += ms;
  }
}

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * A listing formats three times per certificate on every call, and the same instants come back call after call:
 * each is formatted once.
 */
const beijingTimeOf = boundedMemo(
  (epochMs: number) => new Date(epochMs + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' '),
  50_000,
);

/** The upstream's time format: Beijing time (UTC+8), `YYYY-MM-DD hh:mm:ss`. */
export function formatBeijingTime(epochMs: number): string {
  return beijingTimeOf(epochMs);
}

/** The upstream's date-only format, in Beijing time: `YYYY-MM-DD`. */
export function formatBeijingDate(epochMs: number): string {
  return formatBeijingTime(epochMs).slice(0, 10);
}

/**
 * Parses `YYYY-MM-DD[ hh:mm:ss]` as Beijing time; returns NaN for anything else, including impossible dates and
 * times (month 13, 31 February, 24:00, minute 60) that Date.UTC would roll over into the next unit.
 */
export function parseBeijingTime(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2}))?$/.exec(text.trim());
  if (!match) return Number.NaN;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? '0')) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return (
    instantOfWallClock({ year, month, day, hour, minute, second }, BEIJING_OFFSET_MS / 60_000) ?? Number.NaN
  );
}
