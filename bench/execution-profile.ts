/**
 * In-process micro-benchmark of the GraphQL CPU per request: the list page and the ceiling (`{ __typename }`)
 * through `gateway.fetch` (Yoga's whole request path, no socket) against an instant upstream. The upstream's
 * answers are taken once from the seeded emulator and then replayed, so what is measured is the gateway alone.
 *
 * Run: npx tsx bench/execution-profile.ts [iterations=300] [rounds=7]. Figures are CPU time (user + system) of
 * this process per operation; the minimum over rounds is the least disturbed by other work on the machine. Then
 * the bytes each operation allocates (garbage included), which is what the scavenger pays for under load.
 *
 * Before/after in one run: BENCH_COMPARE_WITH=/path/to/other/checkout[,/another] builds a gateway from each
 * checkout's src/ too (their node_modules must resolve to the same packages) and interleaves the rounds, so
 * machine noise hits every variant alike.
 * Profile: PROFILE_ONLY=list node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/execution-profile.ts
 */
import { Session } from 'node:inspector/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startEmulator } from '../src/emulator/index.ts';
import type { Gateway, GatewayOptions } from '../src/graphql/yoga.ts';
import type { SslActionName, SslCaller, SslRequest, SslResponse } from '../src/ssl/actions.ts';
import { SslClient } from '../src/ssl/client.ts';
import { StaticCredentialsProvider } from '../src/ssl/credentials.ts';
import { CEILING_QUERY, LIST_PAGE_QUERY } from './documents.ts';

const iterations = Number(process.argv[2] ?? 300);
const rounds = Number(process.argv[3] ?? 7);
const listOnly = process.env.PROFILE_ONLY === 'list';
const checkouts = [
  resolve(import.meta.dirname, '..'),
  ...(process.env.BENCH_COMPARE_WITH ?? '')
    .split(',')
    .filter((path) => path !== '')
    .map((path) => resolve(path)),
];

/** Answers each distinct call from the first real answer: an upstream that costs nothing. */
class ReplayingCaller implements SslCaller {
  readonly #answers = new Map<string, Promise<unknown>>();
  constructor(private readonly real: SslCaller) {}
  call<A extends SslActionName>(action: A, params: SslRequest<A>): Promise<SslResponse<A>> {
    const key = `${action}:${JSON.stringify(params)}`;
    let answer = this.#answers.get(key);
    if (answer === undefined) {
      answer = this.real.call(action, params);
      this.#answers.set(key, answer);
    }
    return answer as Promise<SslResponse<A>>;
  }
}

async function post(gateway: Gateway, query: string): Promise<string> {
  const response = await gateway.fetch('http://gateway.bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query }),
  });
  return response.text();
}

/** CPU ms per operation: unlike wall time, it leaves out the time other processes take from this one. */
async function msPerOp(gateway: Gateway, query: string, count: number): Promise<number> {
  const started = process.cpuUsage();
  for (let index = 0; index < count; index += 1) await post(gateway, query);
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000 / count;
}

const emulator = await startEmulator({ seed: true, enforceRateLimits: false });
const client = new SslClient({
  endpoint: emulator.url,
  credentials: new StaticCredentialsProvider({ secretId: emulator.secretId, secretKey: emulator.secretKey }),
  rateLimit: { enabled: false },
});
const upstream = new ReplayingCaller(client);

interface Variant {
  readonly label: string;
  readonly gateway: Gateway;
  readonly list: number[];
  readonly ceiling: number[];
  response: string;
}

const variants: Variant[] = [];
for (const checkout of checkouts) {
  const { createGateway } = (await import(pathToFileURL(`${checkout}/src/graphql/yoga.ts`).href)) as {
    createGateway: (options: GatewayOptions) => Gateway;
  };
  const gateway = createGateway({ ssl: upstream, logging: false, graphiql: false });
  const response = await post(gateway, LIST_PAGE_QUERY);
  const parsed = JSON.parse(response) as { errors?: unknown; data?: unknown };
  if (parsed.errors !== undefined || parsed.data == null) {
    throw new Error(`list page failed in ${checkout}: ${response.slice(0, 500)}`);
  }
  variants.push({ label: checkout, gateway, list: [], ceiling: [], response });
}
const reference = variants[0];
for (const variant of variants) {
  const same = variant.response === reference?.response;
  console.log(
    `${variant.label}: list page ${variant.response.length} bytes${same ? '' : ' (DIFFERS from the first)'}`,
  );
}

// Warm-up: JIT and Yoga's parse/validate caches.
for (const { gateway } of variants) {
  await msPerOp(gateway, LIST_PAGE_QUERY, 200);
  await msPerOp(gateway, CEILING_QUERY, 200);
}
for (let round = 0; round < rounds; round += 1) {
  for (const variant of variants) {
    variant.list.push(await msPerOp(variant.gateway, LIST_PAGE_QUERY, iterations));
    if (!listOnly) variant.ceiling.push(await msPerOp(variant.gateway, CEILING_QUERY, iterations * 3));
  }
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const min = (values: number[]): number => Math.min(...values);
const format = (values: number[]): string => values.map((value) => value.toFixed(3)).join(' ');
for (const { label, list, ceiling } of variants) {
  console.log(label);
  console.log(
    `  list page   CPU ms/op min ${min(list).toFixed(3)} median ${median(list).toFixed(3)}  [${format(list)}]`,
  );
  if (ceiling.length === 0) continue;
  console.log(
    `  __typename  CPU ms/op min ${min(ceiling).toFixed(3)} median ${median(ceiling).toFixed(3)}  [${format(ceiling)}]`,
  );
  const share = (median(ceiling) / median(list)) * 100;
  console.log(
    `  list page's share of the ceiling's throughput if CPU-bound (medians): ${share.toFixed(1)} %`,
  );
}

/**
 * Bytes allocated per operation, garbage included: V8's sampling heap profiler keeping the samples of objects
 * that were collected too. The upstream is replayed, so this is the gateway's own allocation.
 */
async function allocatedKilobytesPerOp(gateway: Gateway, query: string, count: number): Promise<number> {
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 1024,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  for (let index = 0; index < count; index += 1) await post(gateway, query);
  const { profile } = await session.post('HeapProfiler.stopSampling');
  session.disconnect();
  const total = (node: { selfSize: number; children: (typeof node)[] }): number =>
    node.selfSize + node.children.reduce((sum, child) => sum + total(child), 0);
  return total(profile.head) / 1024 / count;
}

for (const { label, gateway } of variants) {
  const list = await allocatedKilobytesPerOp(gateway, LIST_PAGE_QUERY, iterations);
  const ceiling = await allocatedKilobytesPerOp(gateway, CEILING_QUERY, iterations);
  console.log(
    `${label}: allocated per operation: list page ${list.toFixed(0)} KB, __typename ${ceiling.toFixed(0)} KB`,
  );
}

for (const { gateway } of variants) await gateway.dispose();
await client.close();
await emulator.close();
