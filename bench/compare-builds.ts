/**
 * Before/after over HTTP in one run: the ceiling (`{ __typename }`) and the list page at upstream latency 0, served
 * by the gateway of this checkout and by the gateway of another, alternately, against one emulator.
 *
 * Run: npx tsx bench/compare-builds.ts <other checkout> [rounds=3]. The other checkout's node_modules must resolve
 * to the same packages (e.g. `git worktree add ../before <commit>` and a symlink to this node_modules). Settings:
 * BENCH_CONNECTIONS (16), BENCH_WARMUP_S (2), BENCH_DURATION_S (5). Each round starts each checkout's gateway
 * afresh, warms it up, runs the ceiling and then the list page, and stops it; the order of the checkouts
 * alternates from round to round, so slow drift on a shared machine hits both alike. Prints each run and the
 * medians of requests per second.
 */
import { resolve } from 'node:path';
import { CEILING_QUERY, LIST_PAGE_QUERY } from './documents.ts';
import type { GatewayMetrics } from './gateway-process.ts';
import { type GraphQLOperation, type LoadSettings, loadGateway } from './load.ts';
import { FULL_PATH_GATEWAY, medianBy, startEmulatorProcess, startGatewayProcess } from './processes.ts';

const here = import.meta.dirname;
const [otherArgument, roundsArgument] = process.argv.slice(2);
if (otherArgument === undefined) {
  console.error('usage: npx tsx bench/compare-builds.ts <other checkout> [rounds=3]');
  process.exit(2);
}
const checkouts = { this: resolve(here, '..'), other: resolve(otherArgument) };
const rounds = Math.max(1, Number(roundsArgument ?? 3));
const load: LoadSettings = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 16),
  warmupSeconds: Number(process.env.BENCH_WARMUP_S ?? 2),
  measureSeconds: Number(process.env.BENCH_DURATION_S ?? 5),
};
const pages: Record<'ceiling' | 'list', GraphQLOperation> = {
  ceiling: { query: CEILING_QUERY },
  list: { query: LIST_PAGE_QUERY },
};

type Checkout = keyof typeof checkouts;
type Page = keyof typeof pages;
const throughput: Record<Checkout, Record<Page, number[]>> = {
  this: { ceiling: [], list: [] },
  other: { ceiling: [], list: [] },
};

const { emulator, ready: upstream } = await startEmulatorProcess({ enforceRateLimits: false, latencyMs: 0 });
try {
  for (let round = 0; round < rounds; round += 1) {
    const order: Checkout[] = round % 2 === 0 ? ['this', 'other'] : ['other', 'this'];
    for (const checkout of order) await measure(checkout, round);
  }
} finally {
  await emulator.stop();
}

const median = (values: readonly number[]): number => medianBy(values, (value) => value);
console.log(`\nmedian req/s over ${rounds} round(s), ${load.connections} connections:`);
for (const page of ['ceiling', 'list'] as const) {
  const mine = median(throughput.this[page]);
  const theirs = median(throughput.other[page]);
  console.log(
    `  ${page.padEnd(8)} this ${mine.toFixed(0)}, other ${theirs.toFixed(0)}: ${(mine / theirs).toFixed(2)}×`,
  );
}
for (const checkout of ['this', 'other'] as const) {
  const share = median(throughput[checkout].list) / median(throughput[checkout].ceiling);
  console.log(`  list page / ceiling, ${checkout}: ${(share * 100).toFixed(1)} %`);
}

async function measure(checkout: Checkout, round: number): Promise<void> {
  const { gateway, url } = await startGatewayProcess(upstream, FULL_PATH_GATEWAY, checkouts[checkout]);
  try {
    for (const page of ['ceiling', 'list'] as const) {
      const result = await loadGateway(url, pages[page], load, async () => {
        await gateway.ask({ type: 'reset-metrics' });
      });
      const metrics = await gateway.ask<GatewayMetrics>({ type: 'metrics' });
      throughput[checkout][page].push(result.requestsPerSecond);
      console.log(
        `round ${round + 1} ${checkout.padEnd(5)} ${page.padEnd(8)} ${result.requestsPerSecond.toFixed(0).padStart(5)} req/s, ` +
          `p99 ${result.latencyMs.p99} ms, busy ${(metrics.eventLoopUtilization * 100).toFixed(0)} %, ` +
          `${result.failures} failures`,
      );
    }
  } finally {
    await gateway.stop();
  }
}
