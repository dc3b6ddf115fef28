import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.ts';
import type { Gateway } from '../../src/graphql/yoga.ts';
import {
  CertificateByIdDocument,
  CertificateSummariesDocument,
  CertificatesPageDocument,
  ListThenLookupDocument,
} from '../generated/graphql.ts';
import { aliasedLookups, certificatePages } from './support/certificate-pages.ts';
import { execute } from './support/execute.ts';
import { certificateRecord, FakeSslCaller } from './support/fake-ssl.ts';
import { startTestStack, type TestStack } from './support/stack.ts';

// The gateway over the real SslClient and the real emulator (signed HTTP, seeded demo account, rate limits on).
// Upstream cost is read from the emulator's own count of the calls it was sent.

// Written out independently of src/graphql/schema/certificate-enums.ts, so a slip there is caught here.
const STATUS_NAMES: Record<number, string> = {
  0: 'REVIEWING',
  1: 'ISSUED',
  2: 'REVIEW_FAILED',
  3: 'EXPIRED',
  4: 'DNS_RECORD_ADDED',
  5: 'ENTERPRISE_INFORMATION_REQUIRED',
  6: 'CANCELLING',
  7: 'CANCELLED',
  8: 'CONFIRMATION_LETTER_REQUIRED',
  9: 'REVOKING',
  10: 'REVOKED',
  11: 'REISSUING',
  12: 'REVOCATION_LETTER_REQUIRED',
  13: 'FREE_CERTIFICATE_INFORMATION_REQUIRED',
  14: 'REFUNDED',
  15: 'MIGRATING',
};
const SOURCE_NAMES: Record<string, string> = {
  trustasia: 'TRUSTASIA',
  upload: 'UPLOAD',
  wosign: 'WOSIGN',
  sheca: 'SHECA',
};
const TYPE_NAMES: Record<string, string> = { SVR: 'SERVER', CA: 'CLIENT_CA' };
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

let stack: TestStack;
let emulator: RunningEmulator;
let gateway: Gateway;
let listedIds: string[];

/** Every DescribeCertificates request the emulator received, whatever became of it. */
function describeCertificatesCalls(): number {
  return stack.upstreamCalls('DescribeCertificates');
}

beforeAll(async () => {
  stack = await startTestStack();
  emulator = stack.emulator;
  gateway = stack.gateway;
  const listed = await execute(gateway, CertificateSummariesDocument, { first: 100 });
  expect(listed.errors).toBeUndefined();
  listedIds = listed.data?.certificates.edges.map((edge) => edge.node.id) ?? [];
});

afterAll(async () => {
  await stack?.close();
});

beforeEach(() => {
  emulator.stats.reset();
});

describe('over the emulator', () => {
  it('lists 50 certificates with one DescribeCertificates call', async () => {
    const result = await execute(gateway, CertificateSummariesDocument, { first: 50 });
    expect(result.errors).toBeUndefined();
    expect(result.data?.certificates.edges).toHaveLength(50);
    expect(result.data?.certificates.totalCount).toBeGreaterThanOrEqual(150);
    expect(describeCertificatesCalls()).toBe(1);
    expect(emulator.stats.totalExecuted).toBe(1);
  });

  it('resolves 20 aliased certificate(id:) lookups with one DescribeCertificates call', async () => {
    const wanted = listedIds.slice(40, 60);
    expect(wanted).toHaveLength(20);
    const result = await execute<Record<string, { id: string; domain: string } | null>, never>(
      gateway,
      aliasedLookups(wanted),
    );
    expect(result.errors).toBeUndefined();
    expect(wanted.map((_, index) => result.data?.[`c${index}`]?.id)).toEqual(wanted);
    for (const [index, id] of wanted.entries()) {
      expect(result.data?.[`c${index}`]?.domain).toBe(emulator.state.certificates.get(id)?.domain);
    }
    expect(describeCertificatesCalls()).toBe(1);
  });

  it('serves by-ID lookups of listed certificates from the list in the same request', async () => {
    const result = await execute(gateway, ListThenLookupDocument, {
      first: 30,
      firstId: listedIds[0]!,
      secondId: listedIds[29]!,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.firstLookup?.id).toBe(listedIds[0]);
    expect(result.data?.secondLookup?.id).toBe(listedIds[29]);
    expect(describeCertificatesCalls()).toBe(1);
  });

  it('answers null for unknown IDs, in the same single call as known ones', async () => {
    const result = await execute<Record<string, { id: string } | null>, never>(
      gateway,
      aliasedLookups(['zzNoSuch1', listedIds[5]!, 'zzNoSuch2']),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      c0: null,
      c1: { id: listedIds[5], domain: emulator.state.certificates.get(listedIds[5]!)?.domain },
      c2: null,
    });
    expect(describeCertificatesCalls()).toBe(1);
  });

  it('pages through every certificate exactly once, consistent with totalCount', async () => {
    const seen: string[] = [];
    let totalCount: number | undefined;
    for await (const connection of certificatePages(gateway, 100)) {
      totalCount ??= connection.totalCount;
      expect(connection.totalCount).toBe(totalCount);
      seen.push(...connection.edges.map((edge) => edge.node.id));
    }
    expect(seen).toHaveLength(totalCount!);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, 100)).toEqual(listedIds);
    expect(describeCertificatesCalls()).toBe(Math.ceil(totalCount! / 100));
  });

  it('maps statuses, sources, types and times to what the emulator holds', async () => {
    const result = await execute(gateway, CertificatesPageDocument, { first: 100 });
    expect(result.errors).toBeUndefined();
    const nodes = result.data!.certificates.edges.map((edge) => edge.node);
    const statuses = new Set<string>();
    let issued = 0;
    for (const node of nodes) {
      const record = emulator.state.certificates.get(node.id);
      expect(record).toBeDefined();
      if (record === undefined) continue;
      expect(node.status).toBe(STATUS_NAMES[record.status]);
      expect(node.source).toBe(SOURCE_NAMES[record.from]);
      expect(node.certificateType).toBe(TYPE_NAMES[record.certificateType]);
      expect(node.domain).toBe(record.domain);
      statuses.add(String(node.status));
      expect(node.createdAt).toMatch(ISO_WITH_OFFSET);
      // The upstream reports whole seconds of Beijing time; the instant must survive the round trip.
      expect(Date.parse(node.createdAt!)).toBe(Math.floor(record.insertTime / 1000) * 1000);
      if (record.certEndTime === null) {
        expect(node.expiresAt).toBeNull();
      } else {
        issued += 1;
        expect(node.expiresAt).toMatch(ISO_WITH_OFFSET);
        expect(Date.parse(node.expiresAt!)).toBe(Math.floor(record.certEndTime / 1000) * 1000);
        expect(node.daysUntilExpiry).toBeTypeOf('number');
      }
    }
    // The demo account is meant to show a graph worth exploring: several life-cycle states, issued certificates.
    expect(statuses.size).toBeGreaterThan(3);
    expect(issued).toBeGreaterThan(0);
  });

  it('fetches a single certificate with every field', async () => {
    const id = listedIds[0]!;
    const result = await execute(gateway, CertificateByIdDocument, { id });
    expect(result.errors).toBeUndefined();
    expect(result.data?.certificate?.id).toBe(id);
    expect(result.data?.certificate?.domains).toContain(result.data?.certificate?.domain);
    expect(describeCertificatesCalls()).toBe(1);
  });
});

describe('the in-memory upstream of schema.test.ts', () => {
  it('pages DescribeCertificates as the emulator does', async () => {
    const total = emulator.state.certificates.all().length;
    const fake = new FakeSslCaller(
      Array.from({ length: total }, (_, index) => certificateRecord(`Fake${index}`)),
    );
    for (const paging of [
      {},
      { Limit: 0 },
      { Limit: 5, Offset: 3 },
      { Limit: 5000 },
      { Offset: total - 2 },
    ]) {
      const fromEmulator = await stack.client.call('DescribeCertificates', paging);
      const fromFake = await fake.call('DescribeCertificates', paging);
      expect(
        { paging, listed: fromFake.Certificates.length, total: fromFake.TotalCount },
        'the fake lists what the emulator lists',
      ).toEqual({ paging, listed: fromEmulator.Certificates.length, total: fromEmulator.TotalCount });
    }
  });
});
