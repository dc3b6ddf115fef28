import { describe, expect, it } from 'vitest';
import {
  cursorToOffset,
  DEFAULT_PAGE_SIZE,
  forwardWindow,
  MAX_PAGE_SIZE,
  offsetToCursor,
} from '../../src/graphql/schema/pagination.ts';

describe('offset cursors', () => {
  it('round-trip offsets through opaque strings', () => {
    for (const offset of [0, 1, 99, 123_456]) {
      const cursor = offsetToCursor(offset);
      expect(cursor).not.toBe(String(offset));
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(cursorToOffset(cursor)).toBe(offset);
    }
  });

  it.each([
    '',
    'abc',
    offsetToCursor(1).slice(0, -1),
    Buffer.from('offset:-1').toString('base64url'),
    Buffer.from('offset:01').toString('base64url'),
    Buffer.from('other:1').toString('base64url'),
  ])('rejects the malformed cursor %j', (cursor) => {
    expect(() => cursorToOffset(cursor)).toThrow(/cursor is not one this gateway issued/);
  });
});

describe('forwardWindow', () => {
  it('starts after the cursor, defaults and caps the page size', () => {
    expect(forwardWindow({})).toEqual({ offset: 0, limit: DEFAULT_PAGE_SIZE });
    expect(forwardWindow({ first: 5, after: offsetToCursor(9) })).toEqual({ offset: 10, limit: 5 });
    expect(forwardWindow({ first: 10_000, after: null })).toEqual({ offset: 0, limit: MAX_PAGE_SIZE });
  });

  it('rejects a negative first', () => {
    expect(() => forwardWindow({ first: -1 })).toThrow(/must not be negative/);
  });
});
