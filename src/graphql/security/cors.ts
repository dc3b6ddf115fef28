import type { Plugin, YogaServerOptions } from 'graphql-yoga';
import type { CorsPolicy } from '../../config/security.ts';
import { REQUEST_ID_HEADER } from '../../observability/request-id.ts';
import { CSRF_PREVENTION_HEADER } from './csrf.ts';

type CorsOption = NonNullable<YogaServerOptions<Record<string, unknown>, Record<string, unknown>>['cors']>;

/** Browsers cache a preflight answer this long, so allowed pages do not pay a round trip per request. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

const RESPONSE_POLICY = {
  methods: ['GET', 'POST'],
  // A client may send its own request id, so one id follows a request from the browser to the log.
  allowedHeaders: ['authorization', 'content-type', 'accept', CSRF_PREVENTION_HEADER, REQUEST_ID_HEADER],
  // Browser clients read the challenge to tell an expired token from a missing one, when to retry a 429 or 503,
  // and the request id to quote in a support ticket (it names the operation's log line).
  exposedHeaders: ['www-authenticate', 'retry-after', REQUEST_ID_HEADER],
  // Tokens travel in the Authorization header, never in cookies: nothing ambient for a browser to attach.
  credentials: false,
  maxAge: PREFLIGHT_MAX_AGE_SECONDS,
};

/**
 * Yoga's `cors` option for a policy. A listed origin gets its own origin back; any other origin gets no CORS
 * headers at all (not `null`, which sandboxed iframes would match).
 */
export function corsOption(policy: CorsPolicy): CorsOption {
  switch (policy.kind) {
    case 'same-origin':
      return false;
    case 'any':
      return { ...RESPONSE_POLICY, origin: '*' };
    case 'origins': {
      const allowed: ReadonlySet<string> = new Set(policy.origins);
      return (request: Request) => {
        const origin = request.headers.get('origin');
        return origin !== null && allowed.has(origin) ? { ...RESPONSE_POLICY, origin } : false;
      };
    }
  }
}

/**
 * With a list of origins the answer depends on the request's Origin header, so shared caches must key on it
 * (Yoga adds `Vary: Origin` only when it picks from the list itself).
 */
export function corsVaryPlugin(policy: CorsPolicy): Plugin {
  if (policy.kind !== 'origins') return {};
  return {
    onResponse({ response }) {
      const vary = response.headers.get('vary');
      if (vary === null) response.headers.set('vary', 'Origin');
      else if (!/(^|,)\s*origin\s*(,|$)/i.test(vary)) response.headers.set('vary', `${vary}, Origin`);
    },
  };
}
