import { describe, expect, it } from 'vitest';
import { instantOfWallClock } from '../../src/support/wall-clock.ts';

const time = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0) => ({
  year,
  month,
  day,
  hour,
  minute,
  second,
});

describe('instantOfWallClock', () => {
  it('reads a wall-clock time in its offset', () => {
    expect(instantOfWallClock(time(2026, 12, 5, 8, 0, 0), 8 * 60)).toBe(Date.parse('2026-12-05T00:00:00Z'));
    expect(instantOfWallClock({ ...time(2024, 2, 29, 23, 59, 59), millisecond: 5 }, 0)).toBe(
      Date.parse('2024-02-29T23:59:59.005Z'),
    );
  });

  it('refuses components that name no real time instead of rolling them over', () => {
    for (const impossible of [
      time(2026, 2, 29),
      time(2026, 4, 31),
      time(2026, 13, 1),
      time(2026, 0, 10),
      time(2026, 1, 1, 24),
      time(2026, 1, 1, 23, 60),
      time(2026, 1, 1, 23, 59, 60),
    ]) {
      expect(instantOfWallClock(impossible, 0), JSON.stringify(impossible)).toBeNull();
    }
  });

  it('takes years below 100 as written, not as 19xx', () => {
    expect(instantOfWallClock(time(50, 1, 1), 0)).toBe(Date.parse('0050-01-01T00:00:00Z'));
  });
});
