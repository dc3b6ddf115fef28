import { describe, expect, it } from 'vitest';
import { SSL_API_REGIONS } from '../../src/config/upstream.ts';
import { issueLeafCertificate } from '../../src/emulator/pki/ca.ts';
import { EXAMPLE_DEPLOYMENT } from '../../src/graphql/graphiql-examples.ts';
import { execute } from './support/execute.ts';
import { useTestStack } from './support/stack.ts';

// A mutation given a region that is not one of the API's 18 refuses it as a userError on that input, before any
// upstream call (the emulator, like Tencent Cloud, would otherwise create a record for "mars").

const stack = useTestStack();

/** A certificate and key the gateway can read, so that the region is the only thing wrong. */
function readablePair() {
  const now = stack.emulator.clock.now();
  const issued = issueLeafCertificate({
    domain: 'regions.example.com',
    subjectAltNames: [],
    notBefore: now - 86_400_000,
    notAfter: now + 90 * 86_400_000,
  });
  return { certificatePem: issued.certificatePem, privateKeyPem: issued.privateKeyPem };
}

interface Payload {
  readonly userErrors: ReadonlyArray<{ code: string; field: string[] | null; message: string }>;
}

async function mutate(field: string, query: string, input: Record<string, unknown>): Promise<Payload> {
  const result = await execute<Record<string, Payload>, unknown>(stack.gateway, query, { input });
  expect(result.errors).toBeUndefined();
  return result.data![field]!;
}

const DEPLOY = `mutation($input: CertificateDeployInput!) {
  certificateDeploy(input: $input) { deployRecord { id } userErrors { code field message } }
}`;
const BINDINGS_REPLACE = `mutation($input: CertificateBindingsReplaceInput!) {
  certificateBindingsReplace(input: $input) { userErrors { code field message } }
}`;
const CONTENT_REPLACE = `mutation($input: CertificateContentReplaceInput!) {
  certificateContentReplace(input: $input) { userErrors { code field message } }
}`;

describe('unknown regions', () => {
  it.each([
    ['CDN', 'mars'],
    ['CLB', 'mars'],
    ['CLB', 'ap-guangzhou-9'],
  ])(
    'certificateDeploy to %s in %s: INVALID_REGION on input.region, nothing sent',
    async (resourceType, region) => {
      const before = stack.upstreamCalls('DeployCertificateInstance');
      const payload = await mutate('certificateDeploy', DEPLOY, {
        certificateId: EXAMPLE_DEPLOYMENT.certificateId,
        resourceType,
        instanceIds: [EXAMPLE_DEPLOYMENT.cdnDomain],
        region,
      });
      expect(payload).toMatchObject({
        deployRecord: null,
        userErrors: [{ code: 'INVALID_REGION', field: ['input', 'region'] }],
      });
      expect(payload.userErrors[0]?.message).toContain('ap-guangzhou');
      expect(stack.upstreamCalls('DeployCertificateInstance')).toBe(before);
    },
  );

  it('certificateDeploy with a known region (spaces around it) is sent', async () => {
    const payload = await mutate('certificateDeploy', DEPLOY, {
      certificateId: EXAMPLE_DEPLOYMENT.certificateId,
      resourceType: 'CDN',
      instanceIds: [EXAMPLE_DEPLOYMENT.cdnDomain],
      region: ' ap-guangzhou ',
    });
    expect(payload.userErrors).toEqual([]);
  });

  it('certificateBindingsReplace: INVALID_REGION on the region in resourceRegions, nothing sent', async () => {
    const before = stack.upstreamCalls('UpdateCertificateInstance');
    const payload = await mutate('certificateBindingsReplace', BINDINGS_REPLACE, {
      oldCertificateId: EXAMPLE_DEPLOYMENT.certificateId,
      newCertificateId: EXAMPLE_DEPLOYMENT.certificateId,
      resourceTypes: ['CLB'],
      resourceRegions: [{ resourceType: 'CLB', regions: [SSL_API_REGIONS[0], 'mars'] }],
    });
    expect(payload.userErrors).toMatchObject([
      { code: 'INVALID_REGION', field: ['input', 'resourceRegions', '0', 'regions', '1'] },
    ]);
    expect(stack.upstreamCalls('UpdateCertificateInstance')).toBe(before);
  });

  it('certificateContentReplace: INVALID_REGION on the region in resourceRegions, nothing sent', async () => {
    const before = stack.upstreamCalls('UploadUpdateCertificateInstance');
    const payload = await mutate('certificateContentReplace', CONTENT_REPLACE, {
      certificateId: EXAMPLE_DEPLOYMENT.certificateId,
      ...readablePair(),
      resourceRegions: [{ resourceType: 'CLB', regions: ['mars'] }],
    });
    expect(payload.userErrors).toMatchObject([
      { code: 'INVALID_REGION', field: ['input', 'resourceRegions', '0', 'regions', '0'] },
    ]);
    expect(stack.upstreamCalls('UploadUpdateCertificateInstance')).toBe(before);
  });
});
