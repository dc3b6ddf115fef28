// The root certificate of a certificate through the graph: the emulator's root for what it issued, the uploaded root
// for an uploaded chain that carried one, and no ROOT format at all for an uploaded chain that did not.
import { describe, expect, it } from 'vitest';
import { readZip } from '../../src/emulator/pki/zip.ts';
import { privateCertificateAuthority } from '../support/private-ca.ts';
import { mutate } from './certificate-mutations.support.ts';
import { execute } from './support/execute.ts';
import { useTestStack } from './support/stack.ts';

const stack = useTestStack();

async function uploadChain(certificatePem: string, privateKeyPem: string): Promise<string> {
  const uploaded = await mutate<{ certificate: { id: string } | null }>(
    stack.gateway,
    'certificateUpload',
    'CertificateUploadInput',
    'certificate { id }',
    { certificatePem, privateKeyPem },
  );
  expect(uploaded.userErrors).toEqual([]);
  return uploaded.certificate!.id;
}

interface RootView {
  readonly downloadFormats: string[];
  readonly rootCertificates: { standardPem: string | null } | null;
}

async function rootView(id: string): Promise<RootView> {
  const result = await execute<{ certificate: RootView }, { id: string }>(
    stack.gateway,
    'query ($id: ID!) { certificate(id: $id) { downloadFormats rootCertificates { standardPem } } }',
    { id },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.certificate;
}

async function rootDownload(id: string) {
  return execute<{ certificate: { downloadLink: { url: string } | null } }, { id: string }>(
    stack.gateway,
    'query ($id: ID!) { certificate(id: $id) { downloadLink(format: ROOT) { url } } }',
    { id },
  );
}

describe('root certificates of uploaded chains', () => {
  it('serves the root an uploaded chain ends with', async () => {
    const ca = privateCertificateAuthority('Graph Root Test', stack.emulator.clock.now());
    const server = ca.issue('with-root.example.com');
    const id = await uploadChain(server.leafPem + ca.intermediatePem + ca.rootPem, server.privateKeyPem);
    const view = await rootView(id);
    expect(view.downloadFormats).toContain('ROOT');
    expect(view.rootCertificates?.standardPem).toBe(ca.rootPem);
    const download = await rootDownload(id);
    expect(download.errors).toBeUndefined();
    const response = await fetch(download.data!.certificate.downloadLink!.url);
    expect(response.status).toBe(200);
    const files = readZip(new Uint8Array(await response.arrayBuffer()));
    expect(files.map((file) => file.name)).toEqual(['root.crt']);
    expect(Buffer.from(files[0]!.data).toString('utf8')).toBe(ca.rootPem);
  });

  it("offers no ROOT for an uploaded chain without its root, rather than the emulator's", async () => {
    const ca = privateCertificateAuthority('Graph Root Test', stack.emulator.clock.now());
    const server = ca.issue('without-root.example.com');
    const id = await uploadChain(server.leafPem + ca.intermediatePem, server.privateKeyPem);
    const view = await rootView(id);
    expect(view.downloadFormats).not.toContain('ROOT');
    expect(view.downloadFormats).toContain('NGINX');
    expect(view.rootCertificates?.standardPem).toBeNull();
    const download = await rootDownload(id);
    expect(download.data?.certificate.downloadLink ?? null).toBeNull();
    expect(download.errors?.[0]?.extensions?.code).toBe(
      'FailedOperation.CertificateDownloadServiceTypeNotSupport',
    );
  });
});
