import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../src/graphql/yoga.ts';
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
});
