import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../../src/support/bounded-memo.ts';

describe('boundedMemo', () => {
  it('computes each key once, null results included, and forgets the oldest key beyond its limit', () => {
    const computed: string[] = [];
    const lengthOrNull = boundedMemo((key: string) => {
      computed.push(key);
      return key === '' ? null : key.length;
    }, 2);
    expect([lengthOrNull('a'), lengthOrNull(''), lengthOrNull('a'), lengthOrNull('')]).toEqual([
      1,
      null,
      1,
      null,
    ]);
    expect(computed).toEqual(['a', '']);
    lengthOrNull('bcd'); // evicts 'a', the oldest
    lengthOrNull('');
    lengthOrNull('a');
    expect(computed).toEqual(['a', '', 'bcd', 'a']);
    expect(lengthOrNull.size).toBe(2);
  });

  it('caches nothing for a call that throws', () => {
    let calls = 0;
    const failing = boundedMemo((key) => {
      calls += 1;
      if (calls === 1) throw new Error(`first call for ${key} fails`);
      return key;
    }, 10);
    expect(() => failing('x')).toThrow('first call for x fails');
    expect(failing('x')).toBe('x');
    expect(calls).toBe(2);
  });
});
