import { describe, expect, it } from 'vitest';
import { execute } from './support/execute.ts';
import { useTestStack } from './support/stack.ts';

// The DateTime input scalar refuses a date-time that does not exist instead of rolling it over (Date would take
// 2026-02-31 for March 3 and T24:00:00 for the next day), as a literal and as a variable, before any upstream call.

const stack = useTestStack();

const LOG_QUERY = 'query($since: DateTime!) { operationLogs(first: 1, since: $since) { totalCount } }';
const literalQuery = (since: string) =>
  `{ operationLogs(first: 1, since: ${JSON.stringify(since)}) { totalCount } }`;

describe('DateTime input', () => {
  it.each([
    '2026-02-31T10:00:00Z',
    '2025-02-29T10:00:00Z',
    '2026-04-31T00:00:00+08:00',
    '2026-13-01T00:00:00Z',
    '2026-00-10T00:00:00Z',
    '2026-01-00T00:00:00Z',
    '2026-01-01T24:00:00Z',
    '2026-01-01T23:60:00Z',
    '2026-01-01T23:59:60Z',
    '2026-01-01T10:00:00+24:00',
    '2026-01-01T10:00:00+08:60',
  ])('refuses %s', async (since) => {
    const before = stack.upstreamCalls('DescribeCertificateOperateLogs');
    const asVariable = await execute(stack.gateway, LOG_QUERY, { since });
    expect(asVariable.status).toBe(400);
    expect(asVariable.errors?.[0]?.message).toContain('is not a real date');
    expect(asVariable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const asLiteral = await execute(stack.gateway, literalQuery(since));
    expect(asLiteral.errors?.[0]?.message).toContain('is not a real date');
    expect(asLiteral.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(stack.upstreamCalls('DescribeCertificateOperateLogs')).toBe(before);
  });

  it.each([
    '2024-02-29T10:00:00Z',
    '2026-12-31T23:59:59.999Z',
    '2026-01-01T00:00:00+08:00',
    '2026-03-01T00:30:00-05:30',
  ])('accepts %s', async (since) => {
    const result = await execute(stack.gateway, LOG_QUERY, { since });
    expect(result.errors).toBeUndefined();
    expect(result.status).toBe(200);
  });
});

describe('DateTime bounds near the end of year 9999', () => {
  // Beijing is 8 hours ahead: from 9999-12-31T16:00:00Z its wall clock is in the year 10000, which the upstream's
  // `YYYY-MM-DD hh:mm:ss` cannot write.
  const WINDOW_QUERY =
    'query($since: DateTime, $until: DateTime) { operationLogs(first: 1, since: $since, until: $until) { totalCount } }';

  it('read an `until` of 9999-12-31T23:59:59Z as no end', async () => {
    const unbounded = await execute(stack.gateway, WINDOW_QUERY, {});
    const farEnd = await execute(stack.gateway, WINDOW_QUERY, { until: '9999-12-31T23:59:59Z' });
    expect(farEnd.errors).toBeUndefined();
    expect(farEnd.data).toEqual(unbounded.data);
    expect(
      (unbounded.data as { operationLogs: { totalCount: number } }).operationLogs.totalCount,
    ).toBeGreaterThan(0);
  });

  it('read a `since` that late as after every log', async () => {
    const result = await execute(stack.gateway, WINDOW_QUERY, { since: '9999-12-31T23:59:59.5Z' });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ operationLogs: { totalCount: 0 } });
  });
});
