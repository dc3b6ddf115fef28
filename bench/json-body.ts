/**
 * How long the client takes to turn a DescribeCertificates body (50 certificates, Chinese status and product
 * names in every item) into a value: the UTF-8 decode + JSON.parse it used to do, against `parseJsonBody`.
 * The body is the seeded emulator's own answer.
 *
 * Run: npx tsx bench/json-body.ts [iterations=3000] [rounds=5]. Prints µs per body, min and median of the rounds.
 */
import { startEmulator } from '../src/emulator/index.ts';
import { SslClient } from '../src/ssl/client.ts';
import { StaticCredentialsProvider } from '../src/ssl/credentials.ts';
import { parseJsonBody } from '../src/ssl/json-body.ts';

const iterations = Number(process.argv[2] ?? 3000);
const rounds = Number(process.argv[3] ?? 5);

const emulator = await startEmulator({ seed: true, enforceRateLimits: false });
const client = new SslClient({
  endpoint: emulator.url,
  credentials: new StaticCredentialsProvider({ secretId: emulator.secretId, secretKey: emulator.secretKey }),
  rateLimit: { enabled: false },
});
const listing = await client.call('DescribeCertificates', { Offset: 0, Limit: 50 });
await client.close();
await emulator.close();
// The envelope as the emulator writes it; the client never keeps the raw body, so it is rebuilt here.
const body = new Uint8Array(Buffer.from(JSON.stringify({ Response: listing }), 'utf8'));
console.log(`body: ${body.byteLength} bytes`);

const parsers = {
  'UTF-8 decode + JSON.parse': (bytes: Uint8Array) =>
    JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as unknown,
  parseJsonBody: (bytes: Uint8Array) => parseJsonBody(bytes),
};
const timings = new Map<string, number[]>(Object.keys(parsers).map((name) => [name, []]));
for (const parse of Object.values(parsers)) for (let index = 0; index < 300; index += 1) parse(body);
for (let round = 0; round < rounds; round += 1) {
  for (const [name, parse] of Object.entries(parsers)) {
    const started = performance.now();
    for (let index = 0; index < iterations; index += 1) parse(body);
    timings.get(name)?.push(((performance.now() - started) / iterations) * 1000);
  }
}
for (const [name, values] of timings) {
  const sorted = [...values].sort((a, b) => a - b);
  console.log(
    `${name.padEnd(26)} min ${sorted[0]?.toFixed(0)} µs, median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(0)} µs`,
  );
}
