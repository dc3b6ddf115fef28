import { describe, expect, it } from 'vitest';
import { decodePreservingDates, encodePreservingDates } from '../../src/scale/date-preserving-json.ts';

describe('date-preserving JSON (job snapshots relayed between replicas)', () => {
  it('round-trips Dates as Dates, nested anywhere, and everything else as plain JSON does', () => {
    const snapshot = {
      kind: 'DEPLOY_RECORD',
      id: '42',
      state: {
        status: 'RUNNING',
        startedAt: new Date('2025-06-24T02:00:00.000Z'),
        finishedAt: null,
        progress: { total: 2, succeeded: 1, failed: 0, running: 1, pending: 0 },
      },
      history: [new Date('2025-06-24T02:00:03.000Z'), 'text', 7, true],
    };
    const decoded = decodePreservingDates(encodePreservingDates(snapshot));
    expect(decoded).toEqual(snapshot);
    expect((decoded as typeof snapshot).state.startedAt).toBeInstanceOf(Date);
    expect((decoded as typeof snapshot).history[0]).toBeInstanceOf(Date);
  });

  it('writes an invalid Date as null, like JSON.stringify', () => {
    expect(decodePreservingDates(encodePreservingDates({ at: new Date(Number.NaN) }))).toEqual({ at: null });
  });

  it('leaves objects that merely have more keys than a tagged date alone', () => {
    const value = { $sslGraphDate: '2025-06-24T02:00:00.000Z', other: 1 };
    expect(decodePreservingDates(encodePreservingDates(value))).toEqual(value);
  });

  it('encodes a null snapshot (no such job)', () => {
    expect(decodePreservingDates(encodePreservingDates(null))).toBeNull();
  });
});
