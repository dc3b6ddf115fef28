import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/observability/logger.ts';
import { Readiness } from '../../src/observability/readiness.ts';
import type { SslCaller } from '../../src/ssl/actions.ts';
import { SslApiError, SslNetworkError, SslRateLimiterUnavailableError } from '../../src/ssl/errors.ts';
import { MemoryLog } from './observed-stack.ts';

/** An upstream whose every call fails with `error`. */
function failingWith(error: Error): SslCaller {
  return { call: () => Promise.reject(error) };
}

async function probe(error: Error) {
  const log = new MemoryLog();
  const readiness = new Readiness({
    ssl: failingWith(error),
    logger: createLogger({ level: 'info', destination: log }),
  });
  return { state: await readiness.check(), records: log.records() };
}

describe('the readiness probe', () => {
  it('logs why it failed under the probe, not the upstream: a Redis outage fails it without asking the upstream', async () => {
    const { state, records } = await probe(
      new SslRateLimiterUnavailableError({ action: 'DescribeCertificates', reason: 'Command timed out' }),
    );
    expect(state).toBe('redis-unreachable');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      level: 40,
      msg: 'readiness probe: redis-unreachable',
      state: 'redis-unreachable',
      probeError: { category: 'rate-limiter-unavailable' },
    });
    expect(records[0]).not.toHaveProperty('upstreamError');
  });

  it('names refused credentials and an unreachable upstream, with the code and category only', async () => {
    const refused = await probe(
      new SslApiError({
        action: 'DescribeCertificates',
        code: 'AuthFailure.SecretIdNotFound',
        message: 'The SecretId is not found: AKIDsecret',
        requestId: 'r-1',
      }),
    );
    expect(refused.state).toBe('upstream-credentials-refused');
    expect(refused.records[0]?.probeError).toEqual({
      code: 'AuthFailure.SecretIdNotFound',
      category: 'auth',
    });
    expect(JSON.stringify(refused.records)).not.toMatch(/AKIDsecret/);

    const unreachable = await probe(
      new SslNetworkError({
        action: 'DescribeCertificates',
        causeCode: 'ECONNREFUSED',
        mayHaveReachedServer: false,
        reason: 'connect ECONNREFUSED',
      }),
    );
    expect(unreachable.state).toBe('upstream-unreachable');
    expect(unreachable.records[0]).toMatchObject({ state: 'upstream-unreachable', probeError: {} });
  });
});
