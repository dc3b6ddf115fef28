import type { ServerOptions } from 'node:http';
import type { ServerTimeouts } from '../../config/security.ts';

/**
 * node:http options that cut a client which takes too long to send its request (408, connection closed): with
 * Node's defaults a client sending a header line every few seconds held its socket for 80 s, and one dribbling a
 * declared body for over 5 minutes. `requestTimeout` covers receiving the request only: once it has arrived, the
 * answer may take as long as it takes, so subscriptions over Server-Sent Events stream on.
 */
export function serverTimeoutOptions(timeouts: ServerTimeouts): ServerOptions {
  return {
    headersTimeout: timeouts.headersTimeoutMs,
    requestTimeout: timeouts.requestTimeoutMs,
    // How often Node looks for expired requests: its default, 30 s, would let a slow client keep its socket for
    // up to 30 s past either timeout.
    connectionsCheckingInterval: Math.min(1_000, timeouts.headersTimeoutMs),
  };
}
