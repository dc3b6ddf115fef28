import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { Plugin } from 'graphql-yoga';

/**
 * The header a request must carry unless its content type already forces a CORS preflight (JSON does). Any value
 * will do: a page on another origin cannot set it without a preflight, which the CORS policy then refuses.
 */
export const CSRF_PREVENTION_HEADER = 'x-graphql-yoga-csrf';

/**
 * Refuses "simple" requests (GET without the header, form posts, text/plain) with 403: a browser sends those
 * cross-origin without asking, so a foreign page could otherwise trigger queries with the user's network position
 * (a gateway on an intranet or on localhost).
 */
export function csrfPreventionPlugin(): Plugin {
  return useCSRFPrevention({ requestHeaders: [CSRF_PREVENTION_HEADER] });
}
