import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, graphiqlPage, matchesEtag } from '../../src/graphql/graphiql-page.ts';
import { useTestStack } from './support/stack.ts';

// The GraphiQL page is ~9 MB of inlined assets: a browser keeps it and revalidates (ETag, 304), gets it gzipped
// when it says it accepts gzip, and the gateway compresses it once, not per request.

const stack = useTestStack();
const PAGE_URL = 'http://gateway.test/graphql';

function get(headers: Record<string, string> = {}) {
  return stack.gateway.fetch(PAGE_URL, { headers: { accept: 'text/html', ...headers } });
}

describe('the GraphiQL page', () => {
  it('carries an ETag and a Cache-Control that revalidates', async () => {
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('etag')).toMatch(/^W\/"[\w-]+"$/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(response.headers.get('content-encoding')).toBeNull();
    const html = await response.text();
    expect(html).toContain('<title>ssl-graph</title>');
    // The same page on the next load: the same tag.
    expect((await get()).headers.get('etag')).toBe(response.headers.get('etag'));
  });

  it('answers 304 without a body to a matching If-None-Match', async () => {
    const etag = (await get()).headers.get('etag')!;
    for (const ifNoneMatch of [etag, etag.replace(/^W\//, ''), `"other", ${etag}`, '*']) {
      const response = await get({ 'if-none-match': ifNoneMatch, 'accept-encoding': 'gzip' });
      expect(response.status, ifNoneMatch).toBe(304);
      expect(response.headers.get('etag')).toBe(etag);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect((await response.arrayBuffer()).byteLength).toBe(0);
    }
    const stale = await get({ 'if-none-match': 'W/"an-older-build"' });
    expect(stale.status).toBe(200);
    expect((await stale.text()).length).toBeGreaterThan(1_000_000);
  });

  it('is gzipped when accepted, to a fraction of its size, and compressed once', async () => {
    const plain = new Uint8Array(await (await get()).arrayBuffer());
    const response = await get({ 'accept-encoding': 'gzip, deflate, br' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const compressed = new Uint8Array(await response.arrayBuffer());
    expect(compressed.byteLength).toBeLessThan(plain.byteLength / 3);
    expect(Buffer.from(gunzipSync(compressed)).equals(plain)).toBe(true);

    const again = new Uint8Array(await (await get({ 'accept-encoding': 'gzip' })).arrayBuffer());
    expect(Buffer.from(again).equals(compressed)).toBe(true);
  });

  it('is rendered and compressed once per options: requests share the page and its gzipped bytes', async () => {
    const page = graphiqlPage({ title: 'once' });
    expect(graphiqlPage({ title: 'once' })).toBe(page);
    const gzipped = page.gzip();
    expect(page.gzip()).toBe(gzipped);
    expect(await page.gzip()).toBe(await gzipped);
  });

  it('is sent as it is to a client that does not accept gzip', async () => {
    for (const acceptEncoding of ['identity', 'gzip;q=0', 'br']) {
      const response = await get({ 'accept-encoding': acceptEncoding });
      expect(response.headers.get('content-encoding'), acceptEncoding).toBeNull();
    }
  });

  it('reads Accept-Encoding and If-None-Match as HTTP defines them', () => {
    expect(acceptsGzip('gzip')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8, *;q=0.1')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('*;q=0')).toBe(false);
    expect(acceptsGzip('deflate')).toBe(false);
    expect(acceptsGzip(null)).toBe(false);
    expect(matchesEtag('W/"a"', '"a"')).toBe(true);
    expect(matchesEtag('"b", "a"', 'W/"a"')).toBe(true);
    expect(matchesEtag('"b"', 'W/"a"')).toBe(false);
    expect(matchesEtag(null, 'W/"a"')).toBe(false);
  });
});
