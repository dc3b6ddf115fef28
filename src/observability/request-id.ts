import { randomUUID } from 'node:crypto';

/** Read from the request when a proxy or client set it, and always answered, so one id follows a request. */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * What an incoming id may look like to be kept: UUIDs, hex and base64 ids of proxies (nginx, Envoy) and clients
 * fit. Anything else is replaced, so a client cannot write arbitrary text into the log's correlation field.
 */
const WELL_FORMED_REQUEST_ID = /^[A-Za-z0-9._:+/=-]{1,128}$/;

/** The request's id: the incoming X-Request-Id when well formed, else a fresh UUID. */
export function requestIdOf(request: Request): string {
  const incoming = request.headers.get(REQUEST_ID_HEADER);
  return incoming !== null && WELL_FORMED_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}
