import { Buffer } from 'node:buffer';
import { processRegularResult } from 'graphql-yoga';

type ResultProcessor = typeof processRegularResult;
type FetchAPI = Parameters<ResultProcessor>[1];

/**
 * The bytes of a JSON answer. Almost every answer is ASCII, whose UTF-8 bytes are its Latin-1 bytes: copied at
 * once rather than encoded character by character, and encoded only once (a string body is measured for its
 * Content-Length, then encoded again as it is written).
 */
export function utf8BytesOf(text: string): Uint8Array<ArrayBuffer> {
  // Every character outside ASCII takes more than one byte, so equal lengths mean ASCII only.
  return Buffer.byteLength(text, 'utf8') === text.length
    ? Buffer.from(text, 'latin1')
    : Buffer.from(text, 'utf8');
}

const bytesFetchAPIs = new WeakMap<FetchAPI, FetchAPI>();

function bytesFetchAPI(fetchAPI: FetchAPI): FetchAPI {
  let wrapped = bytesFetchAPIs.get(fetchAPI);
  if (wrapped === undefined) {
    const Base = fetchAPI.Response;
    class BytesBodyResponse extends Base {
      constructor(body?: BodyInit | null, init?: ResponseInit) {
        super(typeof body === 'string' ? utf8BytesOf(body) : body, init);
      }
    }
    wrapped = Object.assign(Object.create(fetchAPI) as FetchAPI, { Response: BytesBodyResponse });
    bytesFetchAPIs.set(fetchAPI, wrapped);
  }
  return wrapped;
}

/** Yoga's processor of a single JSON result, whose body it hands to the server as bytes. */
export const processRegularResultAsBytes: ResultProcessor = (result, fetchAPI, acceptedMediaType) =>
  processRegularResult(result, bytesFetchAPI(fetchAPI), acceptedMediaType);
