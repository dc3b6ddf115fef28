import { describe, expect, it } from 'vitest';
import { parseUpstreamTime, UpstreamTimeFormatError } from '../../src/graphql/time.ts';

describe('parseUpstreamTime', () => {
  it('reads `YYYY-MM-DD hh:mm:ss` as Beijing time (UTC+8)', () => {
    expect(parseUpstreamTime('2025-01-01 08:00:00')?.toISOString()).toBe('2025-01-01T00:00:00.000Z');
    // Before 08:00 Beijing time it is still the previous day in UTC.
    expect(parseUpstreamTime('2024-03-01 07:59:59')?.toISOString()).toBe('2024-02-29T23:59:59.000Z');
  });

  it('reads ISO 8601 with an offset, truncating microseconds', () => {
    expect(parseUpstreamTime('2024-08-23T01:34:43.000000Z')?.toISOString()).toBe('2024-08-23T01:34:43.000Z');
    expect(parseUpstreamTime('2022-01-01T00:00:00+08:00')?.toISOString()).toBe('2021-12-31T16:00:00.000Z');
    expect(parseUpstreamTime('2022-01-01T00:00:00.5-05:30')?.toISOString()).toBe('2022-01-01T05:30:00.500Z');
  });

  it('treats null, empty and zero dates as unset', () => {
    expect(parseUpstreamTime(null)).toBeNull();
    expect(parseUpstreamTime(undefined)).toBeNull();
    expect(parseUpstreamTime('')).toBeNull();
    expect(parseUpstreamTime('0000-00-00 00:00:00')).toBeNull();
  });

  it.each([
    '2025-02-30 10:00:00',
    '2025-13-01 00:00:00',
    '2025-01-01 24:00:00',
    '2025-01-01',
    '2025-01-01T00:00:00',
    'yesterday',
  ])('rejects %j rather than guessing', (text) => {
    expect(() => parseUpstreamTime(text)).toThrow(UpstreamTimeFormatError);
  });
});
