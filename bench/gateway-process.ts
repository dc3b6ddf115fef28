/**
 * The gateway under test, in its own process: the production request path (Yoga over node:http → read cache →
 * SslClient → the emulator process), plus the process-level figures the load generator cannot see from outside
 * (event-loop delay, peak RSS, CPU time).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type EventLoopUtilization, monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createGateway } from '../src/graphql/yoga.ts';
import { SslClient } from '../src/ssl/client.ts';
import { StaticCredentialsProvider } from '../src/ssl/credentials.ts';
import { type ReadCacheCounters, ReadCachingSslCaller } from '../src/ssl/read-cache.ts';
import { childConfig, serveParent } from './child-process.ts';

export interface GatewayProcessConfig {
  readonly upstreamUrl: string;
  readonly secretId: string;
  readonly secretKey: string;
  /** 0 turns the cross-request read cache off. */
  readonly readCacheTtlMs: number;
  readonly naiveLoaders: boolean;
  /** The client's own quota keeping; off only where the emulator enforces no quota either. */
  readonly clientRateLimit: boolean;
  readonly coalesceReads: boolean;
}

export interface GatewayReady {
  readonly url: string;
}

export type GatewayRequest = { readonly type: 'reset-metrics' } | { readonly type: 'metrics' };

export interface GatewayMetrics {
  /** Event-loop delay beyond the sampling interval, in ms. */
  readonly eventLoopDelayMs: { readonly p50: number; readonly p99: number; readonly max: number };
  readonly peakRssBytes: number;
  readonly cpuMicroseconds: number;
  /**
   * The share of the time the event loop was running JavaScript or native callbacks rather than waiting for I/O:
   * near 1 when the gateway is saturated, lower when it idles waiting for clients or the upstream.
   */
  readonly eventLoopUtilization: number;
  readonly readCache: ReadCacheCounters;
}

/** The histogram's samples include the interval itself (idle p50 ≈ the resolution), so it is subtracted. */
const EVENT_LOOP_RESOLUTION_MS = 10;
const RSS_SAMPLE_INTERVAL_MS = 50;

function nsToDelayMs(nanoseconds: number): number {
  return Math.max(0, nanoseconds / 1e6 - EVENT_LOOP_RESOLUTION_MS);
}

async function main(): Promise<void> {
  const config = childConfig<GatewayProcessConfig>();
  const client = new SslClient({
    endpoint: config.upstreamUrl,
    credentials: new StaticCredentialsProvider({ secretId: config.secretId, secretKey: config.secretKey }),
    rateLimit: { enabled: config.clientRateLimit },
    coalesceReads: config.coalesceReads,
  });
  const ssl = new ReadCachingSslCaller(client, {
    ttlMs: config.readCacheTtlMs,
    identity: async () => config.secretId,
  });
  // Logging off: per-operation log lines would go to the suite's terminal and measure the terminal.
  const gateway = createGateway({ ssl, logging: false, graphiql: false, naiveLoaders: config.naiveLoaders });
  const server = createServer(gateway);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const eventLoopDelay = monitorEventLoopDelay({ resolution: EVENT_LOOP_RESOLUTION_MS });
  eventLoopDelay.enable();
  let peakRssBytes = process.memoryUsage.rss();
  const rssSampler = setInterval(() => {
    peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss());
  }, RSS_SAMPLE_INTERVAL_MS);
  rssSampler.unref();
  let cpuAtReset = process.cpuUsage();
  let eventLoopAtReset: EventLoopUtilization = performance.eventLoopUtilization();

  serveParent<GatewayRequest>(
    async (request) => {
      if (request.type === 'reset-metrics') {
        eventLoopDelay.reset();
        peakRssBytes = process.memoryUsage.rss();
        cpuAtReset = process.cpuUsage();
        eventLoopAtReset = performance.eventLoopUtilization();
        return { ok: true };
      }
      peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss());
      const cpu = process.cpuUsage(cpuAtReset);
      return {
        eventLoopDelayMs: {
          p50: nsToDelayMs(eventLoopDelay.percentile(50)),
          p99: nsToDelayMs(eventLoopDelay.percentile(99)),
          max: nsToDelayMs(eventLoopDelay.max),
        },
        peakRssBytes,
        cpuMicroseconds: cpu.user + cpu.system,
        eventLoopUtilization: performance.eventLoopUtilization(eventLoopAtReset).utilization,
        readCache: ssl.counters,
      } satisfies GatewayMetrics;
    },
    async () => {
      clearInterval(rssSampler);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await gateway.dispose();
      await client.close();
    },
  );
  process.send?.({ url: `http://127.0.0.1:${port}/graphql` } satisfies GatewayReady);
}

await main();
