import { isAsyncIterable, type Plugin, processRegularResult } from 'graphql-yoga';
import { boundedMemo } from '../support/bounded-memo.ts';
import { processRegularResultAsBytes } from './json-response-body.ts';

/**
 * Media types as HTTP has them (RFC 9110 §8.3.1, §12.5.1), where Yoga matches them more narrowly: type and subtype
 * are case-insensitive, and an Accept header ranks its types by `q`, not by their order, with `q=0` meaning "not
 * acceptable". The GraphQL-over-HTTP spec asks the server to answer in the highest-priority type it supports.
 */

/** The media types a single (non-streamed) GraphQL result is served in. */
const REGULAR_MEDIA_TYPES = ['application/graphql-response+json', 'application/json'] as const;
type RegularMediaType = (typeof REGULAR_MEDIA_TYPES)[number];

/**
 * Lower-cases the type and subtype of the request's Content-Type before Yoga's parsers compare it with
 * `application/json` byte for byte (`Application/JSON` got 415). Parameters keep their case: a multipart boundary
 * is case-sensitive.
 */
export function useCaseInsensitiveContentType(): Plugin {
  return {
    onRequest({ request }) {
      const contentType = request.headers.get('content-type');
      if (contentType === null) return;
      const separator = contentType.indexOf(';');
      const essence = separator === -1 ? contentType : contentType.slice(0, separator);
      // Whitespace may surround the `;` (RFC 9110 §5.6.6): `application/json ;charset=utf-8` is JSON too.
      const normalized = essence.trim().toLowerCase();
      if (normalized === essence) return;
      request.headers.set('content-type', normalized + contentType.slice(essence.length));
    },
  };
}

interface AcceptEntry {
  readonly type: string;
  readonly subtype: string;
  readonly quality: number;
  readonly position: number;
}

/** How clients spell the one charset served. */
const UTF_8_NAMES: ReadonlySet<string> = new Set(['utf-8', 'utf8']);

/** The entries of an Accept header; those naming a charset other than UTF-8 (the only one served) are left out. */
export function parseAccept(header: string): AcceptEntry[] {
  const entries: AcceptEntry[] = [];
  header.split(',').forEach((part, position) => {
    const [range = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const [type, subtype] = range.split('/');
    if (type === undefined || type === '' || subtype === undefined || subtype === '') return;
    let quality = 1;
    for (const parameter of parameters) {
      const [name, value = ''] = parameter.split('=').map((piece) => piece.trim());
      if (name === 'charset' && !UTF_8_NAMES.has(value.replace(/"/g, ''))) return;
      if (name === 'q') {
        // A malformed weight (`q=`, `q=high`) is ignored rather than read as 0, "not acceptable".
        const parsed = value === '' ? Number.NaN : Number(value);
        quality = Number.isNaN(parsed) ? 1 : Math.min(Math.max(parsed, 0), 1);
      }
    }
    entries.push({ type, subtype, quality, position });
  });
  return entries;
}

/** The entry that decides how acceptable `mediaType` is: the most specific one matching it (RFC 9110 §12.5.1). */
function decidingEntry(entries: readonly AcceptEntry[], mediaType: string): AcceptEntry | undefined {
  const [type, subtype] = mediaType.split('/');
  let deciding: AcceptEntry | undefined;
  let specificity = -1;
  for (const entry of entries) {
    const entrySpecificity =
      entry.type === type && entry.subtype === subtype
        ? 2
        : entry.type === type && entry.subtype === '*'
          ? 1
          : entry.type === '*' && entry.subtype === '*'
            ? 0
            : -1;
    if (entrySpecificity > specificity) {
      deciding = entry;
      specificity = entrySpecificity;
    }
  }
  return deciding;
}

/**
 * The type a single result is answered in: the acceptable one with the highest `q`, the earlier listed on a tie;
 * null when the client accepts neither. Both matched by one range (`*\/*`, `application/*`) answer
 * `application/json`, as Yoga does.
 */
export function preferredRegularMediaType(header: string): RegularMediaType | null {
  const entries = parseAccept(header);
  let best: { mediaType: RegularMediaType; entry: AcceptEntry } | null = null;
  for (const mediaType of REGULAR_MEDIA_TYPES) {
    const entry = decidingEntry(entries, mediaType);
    if (entry === undefined || entry.quality <= 0) continue;
    if (
      best === null ||
      entry.quality > best.entry.quality ||
      (entry.quality === best.entry.quality && entry.position <= best.entry.position)
    ) {
      best = { mediaType, entry };
    }
  }
  return best?.mediaType ?? null;
}

/**
 * Re-chooses the media type of a single result by the Accept header's priorities, after Yoga chose by list order
 * alone (`application/json;q=0.5, application/graphql-response+json` was answered as application/json, and a type
 * refused with `q=0` could be the one served), and has it written as bytes (json-response-body.ts). Streamed
 * results (Server-Sent Events, multipart) keep Yoga's choice.
 */
export function useAcceptPriorities(): Plugin {
  // Clients send the same few Accept headers on every request: each is parsed once.
  const preferredFor = boundedMemo(preferredRegularMediaType, 256);
  return {
    onResultProcess({ request, result, resultProcessor, setResultProcessor }) {
      if (isAsyncIterable(result)) return;
      const accept = request.headers.get('accept');
      // No Accept is `*/*`, as Yoga reads it: answered as application/json.
      const preferred = preferredFor(accept === null || accept.trim() === '' ? '*/*' : accept);
      if (preferred !== null) {
        setResultProcessor(processRegularResultAsBytes, preferred);
        return;
      }
      // The client refused both JSON types: a JSON answer chosen by list order is not one it accepts.
      if (resultProcessor === processRegularResult) {
        setResultProcessor(
          (_result, fetchAPI) =>
            new fetchAPI.Response(null, {
              status: 406,
              statusText: 'Not Acceptable',
              headers: { accept: REGULAR_MEDIA_TYPES.map((type) => `${type}; charset=utf-8`).join(', ') },
            }),
          'application/json',
        );
      }
    },
  };
}
