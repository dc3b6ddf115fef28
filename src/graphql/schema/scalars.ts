import { Kind } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import { instantOfWallClock } from '../../support/wall-clock.ts';
import { builder } from '../builder.ts';

// An offset is mandatory on input: a bare local time would be read in the server's zone, not the client's.
const ISO_DATE_TIME_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](\d{2}):(\d{2}))$/i;

/**
 * Whether the written components name a real date and time (Date would roll 2026-02-31 over to March 3 and
 * T24:00:00 to the next day), in a real offset.
 */
function isRealDateTime(match: RegExpExecArray): boolean {
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const offsetHours = match[7] === undefined ? 0 : Number(match[7]);
  const offsetMinutes = match[8] === undefined ? 0 : Number(match[8]);
  return (
    instantOfWallClock({ year, month, day, hour, minute, second }, 0) !== null &&
    offsetHours <= 23 &&
    offsetMinutes <= 59
  );
}

function parseDateTime(value: unknown): Date {
  const match = typeof value === 'string' ? ISO_DATE_TIME_WITH_OFFSET.exec(value) : null;
  if (typeof value !== 'string' || match === null) {
    throw createGraphQLError(
      'DateTime must be an ISO 8601 date-time with an offset, e.g. 2025-06-24T08:00:00Z',
      {
        extensions: { code: 'BAD_USER_INPUT' },
      },
    );
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || !isRealDateTime(match)) {
    throw createGraphQLError(`DateTime ${JSON.stringify(value)} is not a real date`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return date;
}

/**
 * Upstream times are parsed into shared Date objects (graphql/time.ts), so the same instants are serialised on
 * every request that shows them: each Date's text is computed once.
 */
const isoTextOfDate = new WeakMap<Date, string>();

function serializeDateTime(value: unknown): string {
  if (!(value instanceof Date)) throw new TypeError('DateTime can only serialise a valid Date');
  let text = isoTextOfDate.get(value);
  if (text === undefined) {
    if (Number.isNaN(value.getTime())) throw new TypeError('DateTime can only serialise a valid Date');
    text = value.toISOString();
    isoTextOfDate.set(value, text);
  }
  return text;
}

builder.scalarType('DateTime', {
  description:
    'An instant in time, as an ISO 8601 / RFC 3339 date-time in UTC (e.g. `2025-06-24T08:00:00.000Z`). ' +
    'Inputs must carry an offset (`Z` or `±hh:mm`).',
  serialize: serializeDateTime,
  parseValue: parseDateTime,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) {
      throw createGraphQLError('DateTime must be written as a string', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return parseDateTime(ast.value);
  },
});
