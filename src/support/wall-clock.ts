/** A date and time as written, in some offset from UTC. */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond?: number;
}

/**
 * The instant (epoch ms) of a wall-clock time written `offsetMinutes` east of UTC; null when its components name
 * no real time. Date would roll them over silently (30 February into March, 24:00 into the next day, minute 60
 * into the next hour), so the components are checked by a round trip.
 */
export function instantOfWallClock(wallClock: WallClock, offsetMinutes: number): number | null {
  const { year, month, day, hour, minute, second, millisecond = 0 } = wallClock;
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millisecond);
  const real =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  return real ? date.getTime() - offsetMinutes * 60_000 : null;
}
