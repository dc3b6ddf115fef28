import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../src/graphql/yoga.ts';
import { startCdnDeployment } from '../graphql/support/deployments.ts';
import { startTestStack, type TestStack } from '../graphql/support/stack.ts';

// A person opening GraphiQL in a real browser, with no internet: every asset must come from the gateway.
// Debian's chromium (installed by .ci/run) drives the page; the screenshot lands in test-output/.

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = fileURLToPath(new URL('../../test-output/graphiql.png', import.meta.url));

let stack: TestStack;
let gateway: Gateway;
let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`).toBe(true);
  stack = await startTestStack();
  gateway = stack.gateway;
  server = createServer(gateway);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await gateway?.dispose();
  await stack?.close();
});

describe('GraphiQL in a browser', () => {
  it('loads without any outside request and runs the example operation', async () => {
    // What the example operation should show first: the newest certificate of the seeded account.
    const expected = await gateway.fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ certificates(first: 1) { edges { node { id } } } }' }),
    });
    const firstId = (
      (await expected.json()) as { data: { certificates: { edges: Array<{ node: { id: string } }> } } }
    ).data.certificates.edges[0]!.node.id;

    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const outsideRequests: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'))
        outsideRequests.push(url);
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(`${origin}/graphql`);
    await expect(page.title()).resolves.toBe('ssl-graph');
    await page.locator('.graphiql-execute-button').click();
    await page.waitForFunction(
      (id) => document.querySelector('.graphiql-response')?.textContent?.includes(id) === true,
      firstId,
      { timeout: 30_000 },
    );
    const response = (await page.locator('.graphiql-response').textContent()) ?? '';
    expect(response).toContain('totalCount');
    expect(response).not.toContain('"errors"');

    await mkdir(fileURLToPath(new URL('../../test-output/', import.meta.url)), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(outsideRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('streams a subscription over server-sent events, past the CSRF protection', async () => {
    const deployRecordId = (await startCdnDeployment(stack.emulator, gateway)) ?? 'no deploy record';
    const subscription = `subscription { jobProgress(kind: DEPLOY_RECORD, id: "${deployRecordId}") { id status isFinished } }`;

    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const streams: Array<{ method: string; status: number; contentType: string | undefined }> = [];
    page.on('response', (response) => {
      if (response.request().headers().accept === 'text/event-stream')
        streams.push({
          method: response.request().method(),
          status: response.status(),
          contentType: response.headers()['content-type'],
        });
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    // GraphiQL opens a tab on the operation in ?query=.
    await page.goto(`${origin}/graphql?query=${encodeURIComponent(subscription)}`);
    await page.waitForFunction(
      () => document.querySelector('.graphiql-query-editor')?.textContent?.includes('jobProgress') === true,
      undefined,
      { timeout: 30_000 },
    );
    await page.locator('.graphiql-execute-button').click();
    await page.waitForFunction(
      (id) => {
        const text = document.querySelector('.graphiql-response')?.textContent ?? '';
        return text.includes('jobProgress') && text.includes(id);
      },
      deployRecordId,
      { timeout: 30_000 },
    );
    const response = (await page.locator('.graphiql-response').textContent()) ?? '';
    expect(response).not.toContain('"errors"');
    expect(response).not.toContain('CSRF');
    expect(streams.length).toBeGreaterThan(0);
    expect(streams[0]).toMatchObject({
      status: 200,
      contentType: expect.stringContaining('text/event-stream'),
    });
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 90_000);
});
