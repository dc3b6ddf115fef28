/** Starting the benchmarks' emulator and gateway processes (bench/emulator-process.ts, bench/gateway-process.ts). */
import { join } from 'node:path';
import { BenchChild } from './child-process.ts';
import type { EmulatorProcessConfig, EmulatorReady, EmulatorRequest } from './emulator-process.ts';
import type { GatewayProcessConfig, GatewayReady, GatewayRequest } from './gateway-process.ts';

export type EmulatorChild = BenchChild<EmulatorRequest>;
export type GatewayChild = BenchChild<GatewayRequest>;

export type GatewayOptions = Omit<GatewayProcessConfig, 'upstreamUrl' | 'secretId' | 'secretKey'>;

/** The gateway as the throughput scenarios run it: every call takes the full path, no quota on either side. */
export const FULL_PATH_GATEWAY: GatewayOptions = {
  readCacheTtlMs: 0,
  naiveLoaders: false,
  clientRateLimit: false,
  coalesceReads: true,
};

export async function startEmulatorProcess(
  config: EmulatorProcessConfig,
): Promise<{ emulator: EmulatorChild; ready: EmulatorReady }> {
  const { child, ready } = await BenchChild.start<EmulatorRequest, EmulatorReady>(
    join(import.meta.dirname, 'emulator-process.ts'),
    config,
  );
  return { emulator: child, ready };
}

/** `checkout`: the project whose bench/gateway-process.ts (and so whose gateway) runs; this one by default. */
export async function startGatewayProcess(
  upstream: EmulatorReady,
  options: GatewayOptions,
  checkout: string = join(import.meta.dirname, '..'),
): Promise<{ gateway: GatewayChild; url: string }> {
  const config: GatewayProcessConfig = {
    upstreamUrl: upstream.url,
    secretId: upstream.secretId,
    secretKey: upstream.secretKey,
    ...options,
  };
  const { child, ready } = await BenchChild.start<GatewayRequest, GatewayReady>(
    join(checkout, 'bench/gateway-process.ts'),
    config,
  );
  return { gateway: child, url: ready.url };
}

/** The item whose key is the median (the lower middle one for an even count). */
export function medianBy<Item>(items: readonly Item[], key: (item: Item) => number): Item {
  const sorted = [...items].sort((a, b) => key(a) - key(b));
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  if (median === undefined) throw new RangeError('no items to take the median of');
  return median;
}
