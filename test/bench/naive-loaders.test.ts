import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.ts';
import { createGateway, type Gateway } from '../../src/graphql/yoga.ts';
import { SslClient } from '../../src/ssl/client.ts';
import { StaticCredentialsProvider } from '../../src/ssl/credentials.ts';
import { execute } from '../graphql/support/execute.ts';

let emulator: RunningEmulator;
let client: SslClient;
let batching: Gateway;
let naive: Gateway;

beforeAll(async () => {
  // No quota on either side: the naive peer's extra calls must not turn into rate-limit waits here.
  emulator = await startEmulator({ seed: true, enforceRateLimits: false });
  client = new SslClient({
    endpoint: emulator.url,
    credentials: new StaticCredentialsProvider({
      secretId: emulator.secretId,
      secretKey: emulator.secretKey,
    }),
    rateLimit: { enabled: false },
    coalesceReads: false,
  });
  batching = createGateway({ ssl: client, logging: false });
  naive = createGateway({ ssl: client, logging: false, naiveLoaders: true });
});
afterAll(async () => {
  await client.close();
  await emulator.close();
});
beforeEach(() => {
  emulator.stats.reset();
});

function describeCertificatesCalls(): number {
  const counts = emulator.stats.countsOf('DescribeCertificates');
  return counts.executed + counts.failed + counts.rejected;
}

async function run(gateway: Gateway, document: string): Promise<unknown> {
  const result = await execute<unknown, undefined>(gateway, document);
  expect(result.errors).toBeUndefined();
  return result.data;
}

const LIST_PAGE = '{ certificates(first: 5) { totalCount edges { node { id domain status } } } }';

describe('naive loaders (benchmark peer)', () => {
  it('fetches each listed certificate again by ID: 1 + N calls where the loaders make 1', async () => {
    const batched = await run(batching, LIST_PAGE);
    expect(describeCertificatesCalls()).toBe(1);
    emulator.stats.reset();
    const unbatched = await run(naive, LIST_PAGE);
    expect(describeCertificatesCalls()).toBe(6);
    expect(unbatched).toEqual(batched);
  });

  it('makes one call per by-ID lookup where the loaders batch and cache them into one', async () => {
    const ids = emulator.state.certificates
      .all()
      .slice(0, 3)
      .map((certificate) => certificate.id);
    const fields = [...ids, ids[0]]
      .map((id, index) => `c${index}: certificate(id: "${id}") { id }`)
      .join(' ');
    const batched = await run(batching, `{ ${fields} }`);
    expect(describeCertificatesCalls()).toBe(1);
    emulator.stats.reset();
    const unbatched = await run(naive, `{ ${fields} }`);
    expect(describeCertificatesCalls()).toBe(4);
    expect(unbatched).toEqual(batched);
  });
});
