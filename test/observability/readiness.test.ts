import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/observability/logger.ts';
import { Readiness } from '../../src/observability/readiness.ts';
import type { SslCaller } from '../../src/ssl/actions.ts';
import {
  SslAbortedError,
  SslApiError,
  SslNetworkError,
  SslRateLimiterUnavailableError,
} from '../../src/ssl/errors.ts';
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

/** An upstream whose calls wait until the test settles them, as a slow or hung one does; aborts like the client. */
class HeldUpstream {
  readonly calls: Array<{
    readonly signal: AbortSignal | undefined;
    answer(): void;
    fail(error: Error): void;
  }> = [];

  call(_action: string, _parameters: unknown, options?: { signal?: AbortSignal }): Promise<never> {
    return new Promise((resolve, reject) => {
      const signal = options?.signal;
      signal?.addEventListener('abort', () =>
        reject(new SslAbortedError({ action: 'DescribeCertificates' })),
      );
      this.calls.push({ signal, answer: () => resolve(undefined as never), fail: reject });
    });
  }
}

/** Lets settled promises run their continuations (the probe records its answer). */
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('the readiness answer, whatever the upstream does', () => {
  function heldReadiness(options: { probeTimeoutMs?: number } = {}) {
    const upstream = new HeldUpstream();
    const log = new MemoryLog();
    let now = 0;
    const readiness = new Readiness({
      ssl: upstream as unknown as SslCaller,
      logger: createLogger({ level: 'info', destination: log }),
      now: () => now,
      cacheMs: 5_000,
      answerWithinMs: 20,
      ...options,
    });
    return { readiness, upstream, log, advance: (ms: number) => (now += ms) };
  }

  it('does not wait for a slow upstream: starting until the first probe answers, then the last answer while the next runs', async () => {
    const { readiness, upstream, advance } = heldReadiness();
    expect(await readiness.check()).toBe('starting');
    expect(await readiness.check()).toBe('starting');
    expect(upstream.calls).toHaveLength(1);
    upstream.calls[0]!.answer();
    await turn();
    expect(await readiness.check()).toBe('ready');

    // Stale: a probe starts in the background, and the answer is the previous one meanwhile.
    advance(5_000);
    expect(await readiness.check()).toBe('ready');
    expect(upstream.calls).toHaveLength(2);
    upstream.calls[1]!.fail(
      new SslNetworkError({
        action: 'DescribeCertificates',
        causeCode: 'ECONNREFUSED',
        mayHaveReachedServer: false,
        reason: 'connect ECONNREFUSED',
      }),
    );
    await turn();
    expect(await readiness.check()).toBe('upstream-unreachable');
    expect(upstream.calls).toHaveLength(2);
  });

  it('answers a fast probe at once, not the stale state', async () => {
    const ready: SslCaller = { call: async () => undefined as never };
    const readiness = new Readiness({
      ssl: ready,
      logger: createLogger({ level: 'silent' }),
      cacheMs: 0,
      answerWithinMs: 60_000,
    });
    expect(await readiness.check()).toBe('ready');
  });

  it('gives the probe a deadline of its own: a hung upstream is unreachable once it passes', async () => {
    const { readiness, upstream, log } = heldReadiness({ probeTimeoutMs: 50 });
    expect(await readiness.check()).toBe('starting');
    const signal = upstream.calls[0]!.signal;
    expect(signal).toBeDefined();
    await once(signal!, 'abort');
    await turn();
    expect(await readiness.check()).toBe('upstream-unreachable');
    expect(log.records()).toEqual([
      expect.objectContaining({
        level: 40,
        state: 'upstream-unreachable',
        probeError: { timeoutMs: 50 },
        msg: 'readiness probe: upstream-unreachable (no answer within 50 ms)',
      }),
    ]);
  });

  it('aborts the probe in flight when shutting down, so its call holds no connection, and logs no failure', async () => {
    const { readiness, upstream, log } = heldReadiness();
    expect(await readiness.check()).toBe('starting');
    const signal = upstream.calls[0]!.signal!;
    expect(signal.aborted).toBe(false);
    readiness.markShuttingDown();
    expect(signal.aborted).toBe(true);
    await turn();
    expect(await readiness.check()).toBe('shutting-down');
    expect(upstream.calls).toHaveLength(1);
    expect(log.records()).toEqual([]);
  });
});
