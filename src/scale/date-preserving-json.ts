/**
 * JSON that keeps Date values Dates across a round trip: job snapshots carry them (startedAt, finishedAt), and a
 * snapshot relayed from another replica must resolve exactly like one polled here.
 */

const DATE_TAG = '$sslGraphDate';

interface TaggedDate {
  readonly [DATE_TAG]: string;
}

function isTaggedDate(value: unknown): value is TaggedDate {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).length === 1 &&
    typeof (value as Record<string, unknown>)[DATE_TAG] === 'string'
  );
}

export function encodePreservingDates(value: unknown): string {
  return JSON.stringify(value, function tagDates(this: Record<string, unknown>, key: string, item: unknown) {
    // `item` is already the toJSON() string; the holder still has the Date itself.
    const original = this[key];
    if (!(original instanceof Date)) return item;
    // An invalid Date serialises as null in plain JSON too.
    return Number.isNaN(original.getTime()) ? null : { [DATE_TAG]: original.toISOString() };
  });
}

export function decodePreservingDates(text: string): unknown {
  return JSON.parse(text, (_key, item: unknown) => (isTaggedDate(item) ? new Date(item[DATE_TAG]) : item));
}
