import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.ts';
import { readZip } from '../../src/emulator/pki/zip.ts';
import { DOWNLOAD_LINK_TTL_MS } from '../../src/emulator/store/download-links.ts';
import { callOk, startTestEmulator } from '../support/emulator.ts';

let emulator: RunningEmulator;
let issuedId: string;

beforeAll(async () => {
  emulator = await startTestEmulator();
  const page = await callOk(emulator, 'DescribeCertificates', { CertificateStatus: [1], Limit: 1 });
  issuedId = (page.Certificates as Array<{ CertificateId: string }>)[0]!.CertificateId;
});
afterAll(() => emulator.close());

async function linkFor(serviceType: string): Promise<string> {
  const answer = await callOk(emulator, 'DescribeDownloadCertificateUrl', {
    CertificateId: issuedId,
    ServiceType: serviceType,
  });
  return String(answer.DownloadCertificateUrl);
}

describe('DescribeDownloadCertificateUrl links', () => {
  it('serve a zip with the certificate and its private key while valid', async () => {
    const url = await linkFor('nginx');
    expect(url.startsWith(emulator.url)).toBe(true);
    expect(url).not.toContain(issuedId);

    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const files = readZip(new Uint8Array(await response.arrayBuffer()));
    const detail = await callOk(emulator, 'DescribeCertificateDetail', { CertificateId: issuedId });
    const key = files.find((file) => file.name.endsWith('.key'));
    expect(Buffer.from(key!.data).toString('utf8').trim()).toBe(String(detail.CertificatePrivateKey).trim());
  });

  it('stop working once expired, and unknown tokens are refused', async () => {
    const url = await linkFor('apache');
    emulator.clock.advance(DOWNLOAD_LINK_TTL_MS + 1000);
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(`${emulator.url}/downloads/not-a-token/x.zip`)).status).toBe(404);
  });
});
