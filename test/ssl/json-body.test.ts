import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonBody } from '../../src/ssl/json-body.ts';

/** What the transport did before: undici's text() (UTF-8, a leading BOM dropped), then JSON.parse. */
function reference(bytes: Uint8Array): { value: unknown } | { error: true } {
  const body = Buffer.from(bytes);
  const start = body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0;
  try {
    return { value: JSON.parse(body.toString('utf8', start)) };
  } catch {
    return { error: true };
  }
}

function parsed(bytes: Uint8Array): { value: unknown } | { error: true } {
  try {
    return { value: parseJsonBody(bytes) };
  } catch {
    return { error: true };
  }
}

const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));

/** Pieces of JSON text, raw non-ASCII bytes (valid UTF-8 or not), escapes and backslashes, in any order. */
const jsonishBytes = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '{"a":"',
        '"}',
        '["',
        '"]',
        '"',
        ',',
        ':',
        '\\',
        '\\\\',
        '\\"',
        '\\u00e9',
        '1',
        ' ',
        'null',
      ),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
      fc.uint8Array({ minLength: 1, maxLength: 4, min: 0x80, max: 0xff }).map((bytes) => Buffer.from(bytes)),
    ),
    { maxLength: 24 },
  )
  .map(
    (pieces) =>
      new Uint8Array(Buffer.concat(pieces.map((piece) => (typeof piece === 'string' ? utf8(piece) : piece)))),
  );

describe('parseJsonBody', () => {
  it('parses every JSON document as JSON.parse of its UTF-8 text does, whatever characters its strings hold', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary' }), fc.boolean(), (value, withBom) => {
        const text = JSON.stringify(value);
        const bytes = utf8(withBom ? `\ufeff${text}` : text);
        expect(parseJsonBody(bytes)).toEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });

  it('accepts and refuses exactly what the plain decoder does, invalid UTF-8 and stray backslashes included', () => {
    fc.assert(
      fc.property(jsonishBytes, (bytes) => {
        expect(parsed(bytes)).toEqual(reference(bytes));
      }),
      { numRuns: 2_000 },
    );
  });

  it('reads a listing with Chinese names, an escaped backslash before them and a long free text', () => {
    const listing = {
      Certificates: [
        { StatusName: '已通过', ProductZhName: 'TrustAsia C1 DV Free', ProjectName: '默认项目' },
        { Alias: '\\证书', StatusName: '审核中', Note: '长'.repeat(500) },
      ],
      RequestId: 'r',
    };
    expect(parseJsonBody(utf8(JSON.stringify(listing)))).toEqual(listing);
    // A backslash escaping nothing valid: refused, as before.
    expect(parsed(utf8('{"a":"\\证"}'))).toEqual({ error: true });
    // Outside a string, a non-ASCII character is an error whichever way it is written.
    expect(parsed(utf8('{"a":证}'))).toEqual({ error: true });
  });

  it('reads a view into a larger buffer without the bytes around it', () => {
    const backing = Buffer.from('xx{"a":"通过"}yy', 'utf8');
    const view = new Uint8Array(backing.buffer, backing.byteOffset + 2, backing.length - 4);
    expect(parseJsonBody(view)).toEqual({ a: '通过' });
  });
});
