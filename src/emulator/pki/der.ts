// A minimal DER (ASN.1) encoder and reader: enough to build X.509 certificates and CSRs and to read CSRs,
// which node:crypto cannot do by itself.

export enum DerTag {
  Boolean = 0x01,
  Integer = 0x02,
  BitString = 0x03,
  OctetString = 0x04,
  Null = 0x05,
  ObjectIdentifier = 0x06,
  Utf8String = 0x0c,
  PrintableString = 0x13,
  Ia5String = 0x16,
  UtcTime = 0x17,
  GeneralizedTime = 0x18,
  Sequence = 0x30,
  Set = 0x31,
}

function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function tlv(tag: number, content: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([tag]), encodeLength(content.length), content]);
}

export const sequence = (...items: Uint8Array[]): Buffer => tlv(DerTag.Sequence, Buffer.concat(items));
export const set = (...items: Uint8Array[]): Buffer => tlv(DerTag.Set, Buffer.concat(items));
export const derNull = (): Buffer => tlv(DerTag.Null, Buffer.alloc(0));
export const octetString = (content: Uint8Array): Buffer => tlv(DerTag.OctetString, content);
export const bitString = (content: Uint8Array): Buffer =>
  tlv(DerTag.BitString, Buffer.concat([Buffer.from([0]), content]));
export const derBoolean = (value: boolean): Buffer => tlv(DerTag.Boolean, Buffer.from([value ? 0xff : 0]));
export const utf8String = (text: string): Buffer => tlv(DerTag.Utf8String, Buffer.from(text, 'utf8'));
/** UTF-16 code units, big-endian: a BMPString's content, and Java's char[] as bytes. */
export function utf16BigEndian(text: string): Buffer {
  const bytes = Buffer.alloc(text.length * 2);
  for (let index = 0; index < text.length; index += 1) bytes.writeUInt16BE(text.charCodeAt(index), index * 2);
  return bytes;
}
export const printableString = (text: string): Buffer =>
  tlv(DerTag.PrintableString, Buffer.from(text, 'ascii'));
/** `[n] EXPLICIT`: a constructed context-specific wrapper. */
export const explicit = (n: number, inner: Uint8Array): Buffer => tlv(0xa0 | n, inner);
/** `[n] IMPLICIT` over a primitive value (e.g. dNSName, keyIdentifier). */
export const implicitPrimitive = (n: number, content: Uint8Array): Buffer => tlv(0x80 | n, content);

/** A non-negative INTEGER from unsigned big-endian bytes or a small number. */
export function integer(value: number | Uint8Array): Buffer {
  let bytes: Buffer;
  if (typeof value === 'number') {
    const digits: number[] = [];
    for (let rest = value; rest > 0; rest = Math.floor(rest / 256)) digits.unshift(rest & 0xff);
    bytes = Buffer.from(digits.length === 0 ? [0] : digits);
  } else {
    let start = 0;
    while (start < value.length - 1 && value[start] === 0) start++;
    bytes = Buffer.from(value.subarray(start));
  }
  if ((bytes[0] ?? 0) & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return tlv(DerTag.Integer, bytes);
}

export function objectIdentifier(dotted: string): Buffer {
  const arcs = dotted.split('.').map(Number);
  const [first = 0, second = 0, ...rest] = arcs;
  const bytes: number[] = [first * 40 + second];
  for (const arc of rest) {
    const chunk: number[] = [arc & 0x7f];
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128)) {
      chunk.unshift((value & 0x7f) | 0x80);
    }
    bytes.push(...chunk);
  }
  return tlv(DerTag.ObjectIdentifier, Buffer.from(bytes));
}

/** UTCTime up to 2049, GeneralizedTime afterwards (RFC 5280 4.1.2.5). Second precision. */
export function time(epochMs: number): Buffer {
  const iso = new Date(epochMs).toISOString();
  const digits = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  const year = new Date(epochMs).getUTCFullYear();
  if (year >= 1950 && year < 2050) return tlv(DerTag.UtcTime, Buffer.from(digits.slice(2), 'ascii'));
  return tlv(DerTag.GeneralizedTime, Buffer.from(digits, 'ascii'));
}

export interface DerElement {
  tag: number;
  /** The whole element (header + content). */
  raw: Buffer;
  content: Buffer;
}

/** Reads the element at `offset`; throws a RangeError on truncated or indefinite-length input. */
export function readElement(buffer: Buffer, offset = 0): DerElement & { end: number } {
  const tag = buffer[offset];
  let lengthByte = buffer[offset + 1];
  if (tag === undefined || lengthByte === undefined) throw new RangeError('truncated DER element');
  let cursor = offset + 2;
  let length = lengthByte;
  if (lengthByte & 0x80) {
    const count = lengthByte & 0x7f;
    if (count === 0 || count > 4) throw new RangeError('unsupported DER length');
    length = 0;
    for (let i = 0; i < count; i++) {
      lengthByte = buffer[cursor++];
      if (lengthByte === undefined) throw new RangeError('truncated DER length');
      length = length * 256 + lengthByte;
    }
  }
  const end = cursor + length;
  if (end > buffer.length) throw new RangeError('truncated DER content');
  return { tag, raw: buffer.subarray(offset, end), content: buffer.subarray(cursor, end), end };
}

export function readChildren(element: DerElement): DerElement[] {
  const children: DerElement[] = [];
  for (let offset = 0; offset < element.content.length; ) {
    const child = readElement(element.content, offset);
    children.push(child);
    offset = child.end;
  }
  return children;
}

export function decodeObjectIdentifier(element: DerElement): string {
  const bytes = element.content;
  const first = bytes[0] ?? 0;
  const arcs = [Math.min(2, Math.floor(first / 40)), first - Math.min(2, Math.floor(first / 40)) * 40];
  let value = 0;
  for (const byte of bytes.subarray(1)) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      arcs.push(value);
      value = 0;
    }
  }
  return arcs.join('.');
}
