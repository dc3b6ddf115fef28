import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';

const gzipAsync = promisify(gzip);

/**
 * Browsers keep the page and ask whether it changed on every load (If-None-Match): a 304 of a few bytes instead of
 * ~9 MB. The page changes only with a new build or configuration, which changes its ETag.
 */
const CACHE_CONTROL = 'no-cache';

/** The GraphiQL page with its assets inlined (~9 MB): rendered, hashed and compressed once per distinct options. */
export class GraphiQLPage {
  readonly html: string;
  readonly htmlBytes: Uint8Array<ArrayBuffer>;
  /** Weak: the same page is served as it is and gzipped, which are not byte-identical. */
  readonly etag: string;
  private gzipped: Promise<Uint8Array<ArrayBuffer>> | undefined;

  constructor(html: string) {
    this.html = html;
    this.htmlBytes = new TextEncoder().encode(html);
    this.etag = `W/"${createHash('sha256').update(this.htmlBytes).digest('base64url').slice(0, 32)}"`;
  }

  /** The gzipped page, compressed on first use (off the event loop) and kept: every later request shares it. */
  gzip(): Promise<Uint8Array<ArrayBuffer>> {
    this.gzipped ??= gzipAsync(this.htmlBytes, { level: 9 }).then((buffer) => new Uint8Array(buffer));
    return this.gzipped;
  }
}

let renderedPage: { readonly key: string; readonly page: GraphiQLPage } | undefined;

/** The page for these options; one is kept (a process serves one configuration). */
export function graphiqlPage(options: GraphiQLOptions): GraphiQLPage {
  const key = JSON.stringify(options);
  if (renderedPage?.key !== key) renderedPage = { key, page: new GraphiQLPage(renderGraphiQL(options)) };
  return renderedPage.page;
}

/** Whether an If-None-Match header names `etag` (weak comparison, as RFC 9110 asks for GET), or is `*`. */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (ifNoneMatch === null) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/** Whether Accept-Encoding admits gzip (named or through `*`, with a q above 0). */
export function acceptsGzip(acceptEncoding: string | null): boolean {
  if (acceptEncoding === null) return false;
  let gzipQuality: number | undefined;
  let anyQuality: number | undefined;
  for (const entry of acceptEncoding.split(',')) {
    const [name = '', ...parameters] = entry.split(';').map((part) => part.trim().toLowerCase());
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    if (name === 'gzip' || name === 'x-gzip') gzipQuality = quality;
    else if (name === '*') anyQuality = quality;
  }
  const quality = gzipQuality ?? anyQuality ?? 0;
  return Number.isFinite(quality) && quality > 0;
}

/**
 * Serves the page Yoga's GraphiQL plugin answered with an ETag, `Cache-Control: no-cache` (kept, revalidated
 * on every load), a 304 to a matching If-None-Match, and the page gzipped when the browser accepts it. Yoga's
 * own response (built from `pageOf()`'s html) is replaced; the headers other plugins gave it are kept.
 */
export function useGraphiQLCaching(endpoint: string, pageOf: () => GraphiQLPage | undefined): Plugin {
  return {
    async onResponse({ request, response, setResponse, fetchAPI }) {
      if (request.method !== 'GET' || response.status !== 200) return;
      if (!response.headers.get('content-type')?.startsWith('text/html')) return;
      const path = new fetchAPI.URL(request.url).pathname;
      if (path !== endpoint && path !== `${endpoint}/`) return;
      const page = pageOf();
      if (page === undefined) return;
      // Copied one by one: a Headers built from another keeps its names' case, and then misses `content-type`.
      const headers = new fetchAPI.Headers();
      response.headers.forEach((value, name) => {
        if (name.toLowerCase() !== 'content-length') headers.set(name.toLowerCase(), value);
      });
      headers.set('content-type', 'text/html; charset=utf-8');
      headers.set('etag', page.etag);
      headers.set('cache-control', CACHE_CONTROL);
      headers.append('vary', 'Accept-Encoding');
      // Yoga's body is the same page, as a string not yet read: dropped unread.
      await response.body?.cancel();
      if (matchesEtag(request.headers.get('if-none-match'), page.etag)) {
        headers.delete('content-type');
        setResponse(new fetchAPI.Response(null, { status: 304, headers }));
        return;
      }
      if (acceptsGzip(request.headers.get('accept-encoding'))) {
        headers.set('content-encoding', 'gzip');
        setResponse(new fetchAPI.Response(await page.gzip(), { status: 200, headers }));
        return;
      }
      setResponse(new fetchAPI.Response(page.htmlBytes, { status: 200, headers }));
    },
  };
}
