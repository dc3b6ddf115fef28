import { describe, expect, it } from 'vitest';
import { DEFAULT_QUERY_LIMITS } from '../../src/config/security.ts';
import { MAX_CERTIFICATE_IDS_PER_CALL } from '../../src/graphql/loaders/certificates.ts';
import { createGateway } from '../../src/graphql/yoga.ts';
import { SslApiError } from '../../src/ssl/errors.ts';
import type { DescribeCertificatesRequest } from '../../src/ssl/models.generated.ts';
import {
  CertificateByIdDocument,
  CertificateSummariesDocument,
  CertificatesPageDocument,
  CertificateTimesDocument,
  ListThenLookupDocument,
} from '../generated/graphql.ts';
import { aliasedLookups, certificatePages } from './support/certificate-pages.ts';
import { execute } from './support/execute.ts';
import { certificateRecord, FakeSslCaller } from './support/fake-ssl.ts';

// Schema and loader behaviour over an in-memory upstream (FakeSslCaller); gateway-emulator.test.ts repeats the
// key cases (paging, batching, mapping) over the real client and the emulator.

const ids = Array.from({ length: 120 }, (_, index) => `Cert${String(index).padStart(4, '0')}`);
const NOW = new Date('2025-03-02T00:00:00Z');

function setUp(certificates = ids.map((id) => certificateRecord(id))) {
  const ssl = new FakeSslCaller(certificates);
  const gateway = createGateway({ ssl, now: () => NOW, logging: false });
  return { ssl, gateway };
}

function describeCertificatesParams(ssl: FakeSslCaller): DescribeCertificatesRequest[] {
  return ssl.callsOf('DescribeCertificates').map((call) => call.params as DescribeCertificatesRequest);
}

describe('Query.certificates', () => {
  it('serves a page from one DescribeCertificates call with Offset/Limit', async () => {
    const { ssl, gateway } = setUp();
    const result = await execute(gateway, CertificateSummariesDocument, { first: 50 });
    expect(result.errors).toBeUndefined();
    expect(result.data?.certificates.totalCount).toBe(120);
    expect(result.data?.certificates.edges.map((edge) => edge.node.id)).toEqual(ids.slice(0, 50));
    expect(describeCertificatesParams(ssl)).toEqual([{ Offset: 0, Limit: 50 }]);
  });

  it('pages forward with opaque cursors until hasNextPage is false', async () => {
    const { ssl, gateway } = setUp();
    const seen: string[] = [];
    let pages = 0;
    for await (const connection of certificatePages(gateway, 45)) {
      expect(connection.totalCount).toBe(120);
      expect(connection.pageInfo.hasPreviousPage).toBe(pages > 0);
      seen.push(...connection.edges.map((edge) => edge.node.id));
      expect(connection.pageInfo.endCursor).toBe(connection.edges.at(-1)?.cursor ?? null);
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(ids);
    expect(describeCertificatesParams(ssl).map((params) => params.Offset)).toEqual([0, 45, 90]);
  });

  it('caps first at 100 and defaults it to 20', async () => {
    const { ssl, gateway } = setUp();
    const capped = await execute(gateway, CertificateSummariesDocument, { first: 500 });
    expect(capped.data?.certificates.edges).toHaveLength(100);
    const defaulted = await execute(gateway, CertificateSummariesDocument, {});
    expect(defaulted.data?.certificates.edges).toHaveLength(20);
    expect(describeCertificatesParams(ssl).map((params) => params.Limit)).toEqual([100, 20]);
  });

  it('answers first: 0 with the total and no edges, asking the upstream for one (Limit 0 is undocumented)', async () => {
    const { ssl, gateway } = setUp();
    const result = await execute(gateway, CertificatesPageDocument, { first: 0 });
    expect(result.data?.certificates.totalCount).toBe(120);
    expect(result.data?.certificates.edges).toEqual([]);
    expect(result.data?.certificates.pageInfo.hasNextPage).toBe(true);
    expect(describeCertificatesParams(ssl)).toEqual([{ Offset: 0, Limit: 1 }]);
  });

  it('rejects a negative first and a forged cursor as bad input, without calling upstream', async () => {
    const { ssl, gateway } = setUp();
    const negative = await execute(gateway, CertificatesPageDocument, { first: -1 });
    expect(negative.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const forged = await execute(gateway, CertificatesPageDocument, { first: 5, after: 'not-a-cursor' });
    expect(forged.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(forged.errors?.[0]?.message).toMatch(/cursor/);
    expect(ssl.calls).toHaveLength(0);
  });
});

describe('Query.certificate', () => {
  it('batches 20 aliased lookups into one DescribeCertificates call by CertIds', async () => {
    const { ssl, gateway } = setUp();
    const wanted = ids.slice(30, 50);
    const result = await execute<Record<string, { id: string } | null>, never>(
      gateway,
      aliasedLookups(wanted),
    );
    expect(result.errors).toBeUndefined();
    expect(wanted.map((_, index) => result.data?.[`c${index}`]?.id)).toEqual(wanted);
    const calls = describeCertificatesParams(ssl);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.CertIds).toEqual(wanted);
    expect(calls[0]?.Limit).toBeGreaterThanOrEqual(wanted.length);
  });

  it(`splits more than ${MAX_CERTIFICATE_IDS_PER_CALL} lookups into calls of at most ${MAX_CERTIFICATE_IDS_PER_CALL} IDs`, async () => {
    // 110 aliases exceed the default query limits; this case is about batching, so they are raised here.
    const ssl = new FakeSslCaller(ids.map((id) => certificateRecord(id)));
    const gateway = createGateway({
      ssl,
      now: () => NOW,
      logging: false,
      security: { limits: { ...DEFAULT_QUERY_LIMITS, maxAliases: 200, maxTokens: 10_000 } },
    });
    const wanted = ids.slice(0, 110);
    const result = await execute<Record<string, { id: string } | null>, never>(
      gateway,
      aliasedLookups(wanted),
    );
    expect(result.errors).toBeUndefined();
    const sizes = describeCertificatesParams(ssl).map((params) => params.CertIds?.length);
    expect(sizes).toEqual([50, 50, 10]);
  });

  it('answers null for IDs the upstream does not return, alongside found ones, in one call', async () => {
    const { ssl, gateway } = setUp();
    const result = await execute<Record<string, { id: string } | null>, never>(
      gateway,
      aliasedLookups([ids[3]!, 'Missing1', ids[7]!, '']),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      c0: { id: ids[3], domain: `${ids[3]!.toLowerCase()}.example.com` },
      c1: null,
      c2: { id: ids[7], domain: `${ids[7]!.toLowerCase()}.example.com` },
      c3: null,
    });
    // The blank ID is never sent: an empty CertIds filter would mean "all certificates".
    expect(describeCertificatesParams(ssl).map((params) => params.CertIds)).toEqual([
      [ids[3], 'Missing1', ids[7]],
    ]);
  });

  it('serves lookups of listed certificates from the list in the same request (no extra call)', async () => {
    const { ssl, gateway } = setUp();
    const result = await execute(gateway, ListThenLookupDocument, {
      first: 10,
      firstId: ids[2]!,
      secondId: ids[9]!,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.firstLookup?.id).toBe(ids[2]);
    expect(result.data?.secondLookup?.id).toBe(ids[9]);
    expect(describeCertificatesParams(ssl)).toEqual([{ Offset: 0, Limit: 10 }]);
  });

  it('looks up only the IDs the sibling list did not return', async () => {
    const { ssl, gateway } = setUp();
    const result = await execute(gateway, ListThenLookupDocument, {
      first: 10,
      firstId: ids[2]!,
      secondId: ids[99]!,
    });
    expect(result.data?.secondLookup?.id).toBe(ids[99]);
    expect(describeCertificatesParams(ssl)).toEqual([
      { Offset: 0, Limit: 10 },
      { CertIds: [ids[99]], Offset: 0, Limit: 1 },
    ]);
  });

  it('passes the request signal to the upstream call', async () => {
    const { ssl, gateway } = setUp();
    await execute(gateway, CertificateByIdDocument, { id: ids[0]! });
    expect(ssl.calls[0]?.signal).toBeInstanceOf(AbortSignal);
  });

  it('uses fresh loaders per request (nothing cached across requests)', async () => {
    const { ssl, gateway } = setUp();
    await execute(gateway, CertificateByIdDocument, { id: ids[0]! });
    await execute(gateway, CertificateByIdDocument, { id: ids[0]! });
    expect(ssl.calls).toHaveLength(2);
  });
});

describe('Certificate fields', () => {
  it('maps the list item: enums, Beijing times as ISO instants, flags, tags, days until expiry', async () => {
    const { gateway } = setUp([
      certificateRecord('LqQxgqUe', {
        Alias: 'shop',
        Domain: 'shop.example.com',
        SubjectAltName: ['shop.example.com', 'www.shop.example.com'],
        Status: 15,
        StatusMsg: 'wait-issue',
        From: 'upload',
        PackageType: '',
        ProductZhName: 'DigiCert Secure Site CN CA G3',
        CertificateType: 'CA',
        ProjectId: '1234',
        CertBeginTime: '2025-01-01 08:00:00',
        CertEndTime: '2025-03-31 23:59:59',
        InsertTime: '2024-12-31 20:15:00',
        IsExpiring: true,
        Deployable: false,
        IsIgnore: true,
        RenewAble: true,
        IsVip: true,
        IsDv: false,
        IsWildcard: true,
        Tags: [{ TagKey: 'team', TagValue: 'web' }],
      }),
    ]);
    const result = await execute(gateway, CertificateByIdDocument, { id: 'LqQxgqUe' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.certificate).toEqual({
      id: 'LqQxgqUe',
      alias: 'shop',
      domain: 'shop.example.com',
      domains: ['shop.example.com', 'www.shop.example.com'],
      status: 'MIGRATING',
      statusMessage: 'wait-issue',
      source: 'UPLOAD',
      certificateType: 'CLIENT_CA',
      packageType: null,
      productName: 'DigiCert Secure Site CN CA G3',
      projectId: '1234',
      beginsAt: '2025-01-01T00:00:00.000Z',
      expiresAt: '2025-03-31T15:59:59.000Z',
      createdAt: '2024-12-31T12:15:00.000Z',
      // 2025-03-02T00:00Z → 2025-03-31T15:59:59Z is 29.67 days.
      daysUntilExpiry: 29,
      isExpiring: true,
      isDeployable: false,
      isExpiringNotificationEnabled: false,
      isRenewable: true,
      isVip: true,
      isDv: false,
      isWildcard: true,
      tags: [{ key: 'team', value: 'web' }],
    });
  });

  it('leaves times null until issued and reports an unknown status code on the status alone', async () => {
    const { gateway } = setUp([
      certificateRecord('Pending1', { Status: 0, CertBeginTime: '', CertEndTime: '' }),
      certificateRecord('Future16', { Status: 16 }),
    ]);
    const pending = await execute(gateway, CertificateByIdDocument, { id: 'Pending1' });
    expect(pending.data?.certificate).toMatchObject({
      status: 'REVIEWING',
      beginsAt: null,
      expiresAt: null,
      daysUntilExpiry: null,
    });
    const unknown = await execute(gateway, CertificateByIdDocument, { id: 'Future16' });
    expect(unknown.data?.certificate).toMatchObject({ id: 'Future16', status: null });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'UNKNOWN_UPSTREAM_VALUE', value: 16 });
  });

  // Times are read from the record without a resolver (exposed-property.ts): an unreadable one must still fail
  // its own fields alone, masked, whether the query runs interpreted or compiled.
  it.each([
    ['interpreted', false],
    ['compiled', 0],
  ] as const)(
    'reports an unreadable upstream time as masked errors of the fields showing it (%s)',
    async (_label, compileAfter) => {
      const ssl = new FakeSslCaller([
        certificateRecord('OddTime1', { CertEndTime: '31/12/2030' }),
        certificateRecord('Fine0002'),
      ]);
      const gateway = createGateway({
        ssl,
        now: () => NOW,
        logging: false,
        compileQueriesAfterRuns: compileAfter,
      });
      const result = await execute(gateway, CertificateTimesDocument, { first: 2 });
      const [odd, fine] = result.data?.certificates.edges.map((edge) => edge.node) ?? [];
      expect(odd).toMatchObject({ id: 'OddTime1', expiresAt: null, daysUntilExpiry: null });
      expect(odd?.beginsAt).not.toBeNull();
      expect(fine?.expiresAt).not.toBeNull();
      const failed = (result.errors ?? []).map((error) => [error.path?.at(-1), error.message]);
      expect(failed.sort()).toEqual([
        ['daysUntilExpiry', 'Unexpected error.'],
        ['expiresAt', 'Unexpected error.'],
      ]);
      expect(JSON.stringify(result)).not.toContain('31/12/2030');
    },
  );

  it.each([
    ['interpreted', false],
    ['compiled', 0],
  ] as const)(
    'fails the status alone for a code the schema does not know, naming it (%s)',
    async (_label, compileAfter) => {
      // The API adds codes over time (statuses 14 and 15 came late): one must not blank the page or the operation.
      const ssl = new FakeSslCaller([
        certificateRecord('Future16', { Status: 16 }),
        certificateRecord('Fine0002', { Status: 1 }),
      ]);
      const gateway = createGateway({
        ssl,
        now: () => NOW,
        logging: false,
        compileQueriesAfterRuns: compileAfter,
      });
      const unknown = await execute(gateway, CertificateByIdDocument, { id: 'Future16' });
      expect(unknown.data?.certificate).toMatchObject({ id: 'Future16', status: null });
      expect(unknown.errors).toEqual([
        expect.objectContaining({
          path: ['certificate', 'status'],
          message: 'The SSL API returned certificate Status 16, which the schema does not know.',
          extensions: { code: 'UNKNOWN_UPSTREAM_VALUE', upstreamField: 'certificate Status', value: 16 },
        }),
      ]);
      const page = await execute(gateway, CertificatesPageDocument, { first: 2 });
      expect(page.data?.certificates.edges.map((edge) => [edge.node.id, edge.node.status])).toEqual([
        ['Future16', null],
        ['Fine0002', 'ISSUED'],
      ]);
      expect(page.errors?.map((error) => error.path?.join('.'))).toEqual([
        'certificates.edges.0.node.status',
      ]);
    },
  );
});

describe('upstream errors', () => {
  it('become GraphQL errors carrying the upstream code and RequestId', async () => {
    const { ssl, gateway } = setUp();
    ssl.failWith = new SslApiError({
      action: 'DescribeCertificates',
      code: 'AuthFailure.SignatureExpire',
      message: 'Signature expired.',
      requestId: 'req-123',
    });
    const result = await execute(gateway, CertificateSummariesDocument, { first: 5 });
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'AuthFailure.SignatureExpire',
      requestId: 'req-123',
      category: 'auth',
    });
  });

  it('stay masked when they are not upstream API errors', async () => {
    const { ssl, gateway } = setUp();
    ssl.failWith = new Error('secret internal detail');
    const result = await execute(gateway, CertificateByIdDocument, { id: ids[0]! });
    expect(result.errors?.[0]?.message).toBe('Unexpected error.');
    expect(JSON.stringify(result)).not.toContain('secret internal detail');
  });
});
