import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonBytes } from '../../src/emulator/json-bytes.ts';

const reference = (value: object): Buffer => Buffer.from(JSON.stringify(value), 'utf8');

/** Plain data as handlers answer with, plus what JSON.stringify leaves out or turns into null. */
const member = fc.oneof(
  fc.jsonValue({ stringUnit: 'binary' }),
  fc.constant(undefined),
  fc.constant(() => 'a function'),
  fc.date({ noInvalidDate: true }),
  fc.constant({ toJSON: () => 'its own form' }),
);

describe('jsonBytes', () => {
  it('writes the bytes of JSON.stringify for envelopes holding objects, arrays and any characters', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ unit: 'binary' }), fc.oneof(member, fc.array(member, { maxLength: 8 }))),
        fc.string({ unit: 'binary' }),
        (output, requestId) => {
          const envelope = { Response: { ...output, RequestId: requestId } };
          expect(jsonBytes(envelope).equals(reference(envelope))).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('writes empty objects and arrays, holes and top-level arrays as JSON.stringify does', () => {
    const sparse: unknown[] = [1];
    sparse[3] = '四';
    for (const value of [
      {},
      [],
      { a: {} },
      { a: [] },
      { a: sparse },
      sparse,
      [undefined, () => 1],
      { a: null },
    ]) {
      expect(jsonBytes(value).toString('utf8')).toBe(JSON.stringify(value));
    }
  });

  it('writes a listing of certificates with Chinese names', () => {
    const item = { CertificateId: 'abc', ProductZhName: '亚洲诚信 DV 证书', StatusName: '已通过', Tags: [] };
    const envelope = {
      Response: { TotalCount: 60, Certificates: Array.from({ length: 60 }, () => item), RequestId: 'r' },
    };
    expect(jsonBytes(envelope).equals(reference(envelope))).toBe(true);
  });
});
