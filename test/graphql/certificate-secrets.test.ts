import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { execute } from './support/execute.ts';
import { startTestStack, type TestStack } from './support/stack.ts';

// A caller with `ssl:read` only: key material and downloads are refused before any upstream call is made.
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({
    gateway: { authenticate: async () => ({ subject: 't', scopes: new Set(['ssl:read']) }) },
  });
});
afterAll(async () => {
  await stack.close();
});
beforeEach(() => {
  stack.emulator.stats.reset();
});

function issuedId(): string {
  const record = stack.emulator.state.certificates
    .all()
    .find((certificate) => certificate.status === 1 && certificate.privateKeyPem !== null);
  if (record === undefined) throw new Error('the seed has no issued certificate with a key');
  return record.id;
}

describe('secret certificate fields without the secrets scope', () => {
  it.each([
    ['privateKeyPem', 'privateKeyPem'],
    ['archive', 'archive { contentBase64 }'],
    ['downloadLink', 'downloadLink(format: NGINX) { url }'],
  ])('refuses %s without calling the upstream for it', async (_name, selection) => {
    const result = await execute(
      stack.gateway,
      `query ($id: ID!) { certificate(id: $id) { id ${selection} } }`,
      {
        id: issuedId(),
      },
    );
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(stack.upstreamCalls('DescribeCertificateDetail')).toBe(0);
    expect(stack.upstreamCalls('DownloadCertificate')).toBe(0);
    expect(stack.upstreamCalls('DescribeDownloadCertificateUrl')).toBe(0);
  });

  it('still serves the public PEM', async () => {
    const result = await execute<{ certificate: { certificatePem: string | null } }, { id: string }>(
      stack.gateway,
      'query ($id: ID!) { certificate(id: $id) { certificatePem } }',
      { id: issuedId() },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.certificate.certificatePem).toContain('BEGIN CERTIFICATE');
    expect(stack.upstreamCalls('DescribeCertificateDetail')).toBe(1);
  });
});
