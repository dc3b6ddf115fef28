import { createHash, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { execute } from './support/execute.ts';
import { startTestStack, type TestStack } from './support/stack.ts';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({
    gateway: { authenticate: async () => ({ subject: 't', scopes: new Set(['ssl:read', 'ssl:secrets']) }) },
  });
});
afterAll(async () => {
  await stack.close();
});
beforeEach(() => {
  stack.emulator.stats.reset();
});

async function query<T>(document: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await execute<T, Record<string, unknown> | undefined>(stack.gateway, document, variables);
  expect(result.errors).toBeUndefined();
  if (result.data === null || result.data === undefined) throw new Error('no data');
  return result.data;
}

function issuedWithPem() {
  const record = stack.emulator.state.certificates
    .all()
    .find(
      (certificate) => certificate.status === 1 && certificate.certificatePem !== null && !certificate.isSm,
    );
  if (record === undefined) throw new Error('the seed has no issued certificate with a PEM');
  return record;
}

describe('certificate list', () => {
  it('serves a page of 50 with list fields from one DescribeCertificates call and no detail call', async () => {
    const data = await query<{ certificates: { edges: { node: { id: string } }[] } }>(`{
      certificates(first: 50) { totalCount edges { node {
        id domain status isSm encryptionAlgorithm downloadFormats
        hosting { status } purchase { validityMonths applicantType } domainValidation { method }
      } } } }`);
    expect(data.certificates.edges).toHaveLength(50);
    expect(stack.upstreamCalls('DescribeCertificates')).toBe(1);
    expect(stack.upstreamCalls('DescribeCertificateDetail')).toBe(0);
    expect(stack.upstreamCalls('DescribeCertificate')).toBe(0);
  });

  it('resolves renewal and reissue links of several certificates with one batched lookup', async () => {
    const linked = stack.emulator.state.certificates
      .all()
      .filter(
        (record) => record.replacedBy !== null || record.replacedFor !== null || record.renewedFrom !== null,
      )
      .slice(0, 5);
    expect(linked.length).toBeGreaterThan(1);
    const fields = linked
      .map(
        (record, index) =>
          `c${index}: certificate(id: "${record.id}") { id renewedFrom { id } renewal { id } replaces { id } replacedBy { id } }`,
      )
      .join('\n');
    const data = await query<
      Record<
        string,
        {
          id: string;
          renewedFrom: { id: string } | null;
          replaces: { id: string } | null;
          replacedBy: { id: string } | null;
        }
      >
    >(`{ ${fields} }`);
    linked.forEach((record, index) => {
      const node = data[`c${index}`];
      expect(node?.renewedFrom?.id ?? null).toBe(record.renewedFrom);
      expect(node?.replaces?.id ?? null).toBe(record.replacedBy);
      expect(node?.replacedBy?.id ?? null).toBe(record.replacedFor);
    });
    // One batch for the certificates asked for, one for every certificate they link to.
    expect(stack.upstreamCalls('DescribeCertificates')).toBe(2);
  });

  it('looks up 15 aliases (the gateway maximum) of one query with one call', async () => {
    const ids = stack.emulator.state.certificates
      .all()
      .slice(0, 15)
      .map((record) => record.id);
    const fields = ids.map((id, index) => `c${index}: certificate(id: "${id}") { id domain }`).join('\n');
    const data = await query<Record<string, { id: string } | null>>(`{ ${fields} }`);
    expect(Object.values(data).map((certificate) => certificate?.id)).toEqual(ids);
    expect(stack.upstreamCalls('DescribeCertificates')).toBe(1);
  });
});

describe('certificate filters', () => {
  const all = () => stack.emulator.state.certificates.all();

  async function listIds(filter: Record<string, unknown>, orderBy?: string) {
    const data = await query<{
      certificates: { totalCount: number; edges: { node: { id: string; expiresAt: string | null } }[] };
    }>(
      `query ($filter: CertificateFilter, $orderBy: CertificateOrder) {
        certificates(first: 100, filter: $filter, orderBy: $orderBy) { totalCount edges { node { id expiresAt } } }
      }`,
      { filter, orderBy },
    );
    return data.certificates;
  }

  it('filters by status, type, origin, SM and tags as the upstream does', async () => {
    const issued = await listIds({ statuses: ['ISSUED'] });
    expect(issued.totalCount).toBe(all().filter((record) => record.status === 1).length);
    for (const { node } of issued.edges)
      expect(stack.emulator.state.certificates.get(node.id)?.status).toBe(1);

    const clientCa = await listIds({ certificateType: 'CLIENT_CA' });
    expect(clientCa.totalCount).toBe(all().filter((record) => record.certificateType === 'CA').length);

    const uploaded = await listIds({ origin: 'UPLOADED' });
    const tencent = await listIds({ origin: 'TENCENT_ISSUED' });
    expect(uploaded.totalCount).toBe(all().filter((record) => record.from === 'upload').length);
    expect(uploaded.totalCount + tencent.totalCount).toBe(all().length);

    const sm = await listIds({ smOnly: true });
    expect(sm.totalCount).toBe(all().filter((record) => record.isSm).length);

    const tagged = all().find((record) => record.tags.length > 0);
    if (tagged === undefined) throw new Error('the seed has no tagged certificate');
    const tag = tagged.tags[0];
    const byTag = await listIds({ tags: [{ key: tag?.key, value: tag?.value }] });
    expect(byTag.edges.map(({ node }) => node.id)).toContain(tagged.id);

    const search = await listIds({ search: tagged.id });
    expect(search.edges.map(({ node }) => node.id)).toContain(tagged.id);
  });

  it('combines flags: deployable true and false partition the account', async () => {
    const yes = await listIds({ deployable: true });
    const no = await listIds({ deployable: false });
    expect(yes.totalCount + no.totalCount).toBe(all().length);
    const hostable = await listIds({ hostable: true });
    const notHostable = await listIds({ hostable: false });
    expect(hostable.totalCount + notHostable.totalCount).toBe(all().length);
    for (const flag of ['expiringOnly', 'renewableOnly', 'pendingIssueOnly']) {
      const subset = await listIds({ [flag]: true });
      expect(subset.totalCount).toBeLessThan(all().length);
    }
  });

  it('orders by expiry both ways', async () => {
    const ascending = await listIds({ statuses: ['ISSUED'] }, 'EXPIRES_AT_ASC');
    const times = ascending.edges.map(({ node }) => Date.parse(node.expiresAt ?? ''));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const descending = await listIds({ statuses: ['ISSUED'] }, 'EXPIRES_AT_DESC');
    const reversed = descending.edges.map(({ node }) => Date.parse(node.expiresAt ?? ''));
    expect(reversed).toEqual([...reversed].sort((a, b) => b - a));
  });

  it('rejects a non-numeric project ID', async () => {
    const result = await execute(
      stack.gateway,
      '{ certificates(filter: { projectId: "x" }) { totalCount } }',
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('certificate detail', () => {
  it('loads detail, X.509 and the operation log with one DescribeCertificateDetail and at most 4 calls', async () => {
    const record = issuedWithPem();
    const data = await query<{
      certificate: {
        certificatePem: string;
        privateKeyPem: string;
        fingerprintSha1: string | null;
        x509: {
          subject: string;
          issuer: string;
          serialNumber: string;
          fingerprintSha256: string;
          keyAlgorithm: string;
          keySize: number | null;
          validFrom: string;
          validTo: string;
          subjectAltNames: string[];
          isCa: boolean;
          chain: { subject: string; isCa: boolean }[];
        };
        operationLogs: {
          totalCount: number;
          edges: { node: { type: string; certificate: { id: string } } }[];
        };
      };
    }>(
      `query ($id: ID!) { certificate(id: $id) {
        id certificatePem privateKeyPem fingerprintSha1 rootCertificates { standardPem }
        purchase { validationLevel domainCoverage orderId }
        domainValidation { records { kind key value } }
        x509 { subject issuer serialNumber fingerprintSha256 keyAlgorithm keySize validFrom validTo subjectAltNames isCa
               chain { subject isCa } }
        operationLogs(first: 5) { totalCount edges { node { type createdAt certificate { id } } } }
      } }`,
      { id: record.id },
    );
    const certificate = data.certificate;
    expect(stack.upstreamCalls('DescribeCertificateDetail')).toBe(1);
    expect(stack.upstreamCalls('DescribeCertificate')).toBe(0);
    const total =
      stack.upstreamCalls('DescribeCertificates') +
      stack.upstreamCalls('DescribeCertificateDetail') +
      stack.upstreamCalls('DescribeCertificateOperateLogs');
    expect(total).toBeLessThanOrEqual(4);

    expect(certificate.certificatePem).toBe(record.certificatePem);
    expect(certificate.privateKeyPem).toBe(record.privateKeyPem);
    const expected = new X509Certificate(record.certificatePem ?? '');
    expect(certificate.x509.subject).toBe(expected.subject);
    expect(certificate.x509.issuer).toBe(expected.issuer);
    expect(certificate.x509.serialNumber).toBe(expected.serialNumber);
    expect(certificate.x509.fingerprintSha256).toBe(expected.fingerprint256);
    expect(certificate.fingerprintSha1).toBe(
      createHash('sha1').update(expected.raw).digest('hex').toUpperCase(),
    );
    expect(certificate.x509.keyAlgorithm).toBe(expected.publicKey.asymmetricKeyType);
    expect(certificate.x509.keySize).toBe(expected.publicKey.asymmetricKeyDetails?.modulusLength ?? null);
    expect(Date.parse(certificate.x509.validTo)).toBe(Date.parse(expected.validTo));
    expect(Date.parse(certificate.x509.validFrom)).toBe(Date.parse(expected.validFrom));
    expect(certificate.x509.isCa).toBe(false);
    expect(certificate.x509.subjectAltNames).toContain(record.domain);
    for (const issuer of certificate.x509.chain) expect(issuer.isCa).toBe(true);

    const ownLogs = stack.emulator.state.operationLogs.forCertificate(record.id);
    for (const { node } of certificate.operationLogs.edges) expect(node.certificate.id).toBe(record.id);
    expect(certificate.operationLogs.totalCount).toBeLessThanOrEqual(ownLogs.length);
  });

  it('reads validation records through DescribeCertificate when no key material is asked for', async () => {
    const pending = stack.emulator.state.certificates
      .all()
      .find((record) => record.dvAuths.length > 0 && record.from !== 'upload');
    if (pending === undefined) throw new Error('the seed has no certificate awaiting validation');
    const data = await query<{
      certificate: { domainValidation: { records: { key: string | null; value: string | null }[] } };
    }>(
      'query ($id: ID!) { certificate(id: $id) { domainValidation { method records { kind domain key value path } } } }',
      { id: pending.id },
    );
    expect(data.certificate.domainValidation.records.length).toBeGreaterThan(0);
    expect(stack.upstreamCalls('DescribeCertificate')).toBe(1);
    expect(stack.upstreamCalls('DescribeCertificateDetail')).toBe(0);
  });

  it('returns null detail fields for an unknown certificate found in no list', async () => {
    const result = await execute(stack.gateway, '{ certificate(id: "nope0000") { id certificatePem } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ certificate: null });
  });
});

describe('operation log', () => {
  it('pages the account log with the upstream total', async () => {
    const data = await query<{
      operationLogs: { totalCount: number; edges: { node: { type: string; isSystemEvent: boolean } }[] };
    }>(
      '{ operationLogs(first: 10) { totalCount edges { node { type message createdAt accountUin subAccountUin isSystemEvent } } } }',
    );
    expect(data.operationLogs.edges.length).toBeLessThanOrEqual(10);
    expect(data.operationLogs.totalCount).toBeGreaterThanOrEqual(data.operationLogs.edges.length);
    expect(stack.upstreamCalls('DescribeCertificateOperateLogs')).toBe(1);
  });

  it('keeps to a window bounded within a second (the upstream filters by whole seconds)', async () => {
    const window = `query ($since: DateTime, $until: DateTime) {
      operationLogs(first: 100, since: $since, until: $until) { edges { node { createdAt } } }
    }`;
    type Window = { operationLogs: { edges: { node: { createdAt: string } }[] } };
    const newest = (await query<Window>(window)).operationLogs.edges[0]?.node.createdAt;
    expect(newest).toMatch(/\.000Z$/);
    const second = Date.parse(newest as string);
    const at = (offsetMs: number) => new Date(second + offsetMs).toISOString();

    const within = await query<Window>(window, { since: at(500), until: at(900) });
    expect(within.operationLogs.edges).toEqual([]);
    const fromTheSecond = await query<Window>(window, { since: at(0), until: at(900) });
    expect(fromTheSecond.operationLogs.edges.map(({ node }) => node.createdAt)).toContain(newest);
    const beforeIt = await query<Window>(window, { since: at(-2000), until: at(-1) });
    expect(beforeIt.operationLogs.edges.map(({ node }) => node.createdAt)).not.toContain(newest);
  });
});

describe('checks', () => {
  it('finds an existing certificate by its PEM and checks its chain', async () => {
    const record = issuedWithPem();
    const data = await query<{
      certificateExists: { exists: boolean; certificate: { id: string } | null };
      certificateChainCheck: { isValid: boolean; isTrusted: boolean; commonNames: string[] };
    }>(
      `query ($pem: String!) {
        certificateExists(input: { certificatePem: $pem }) { exists certificate { id } }
        certificateChainCheck(chainPem: $pem) { isValid isTrusted commonNames }
      }`,
      { pem: record.certificatePem },
    );
    expect(data.certificateExists.exists).toBe(true);
    expect(data.certificateExists.certificate).not.toBeNull();
    expect(data.certificateChainCheck.commonNames.length).toBeGreaterThan(0);
    expect(stack.upstreamCalls('CheckCertificateExist')).toBe(1);
    expect(stack.upstreamCalls('CheckCertificateChain')).toBe(1);
  });
});

describe('downloads with the secrets scope', () => {
  it('returns the archive and a link, each calling only its own action', async () => {
    const record = issuedWithPem();
    const data = await query<{
      certificate: {
        archive: { contentBase64: string; contentType: string };
        downloadLink: { url: string; filename: string };
      };
    }>(
      'query ($id: ID!) { certificate(id: $id) { archive { contentBase64 contentType } downloadLink(format: NGINX) { url filename } } }',
      { id: record.id },
    );
    expect(Buffer.from(data.certificate.archive.contentBase64, 'base64').subarray(0, 2).toString()).toBe(
      'PK',
    );
    expect(data.certificate.downloadLink.url).toMatch(/^https?:\/\//);
    expect(stack.upstreamCalls('DownloadCertificate')).toBe(1);
    expect(stack.upstreamCalls('DescribeDownloadCertificateUrl')).toBe(1);
    expect(stack.upstreamCalls('DescribeCertificateDetail')).toBe(0);
  });
});
