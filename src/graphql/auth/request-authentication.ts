import type { Plugin } from 'graphql-yoga';
import { type Authenticator, type AuthSession, UNAUTHENTICATED_FULL_ACCESS } from './session.ts';

/** Who each request is, decided once and handed to the request's context. */
export interface RequestAuthentication {
  /** Authenticates every GraphQL request before its body is read; empty when authentication is off. */
  readonly plugin: Plugin;
  sessionOf(request: Request): Promise<AuthSession>;
}

/**
 * Authentication runs in `onRequestParse`, before the request body is read and before the document is parsed,
 * validated or costed. Run later (in the context factory, after validation), a caller without a token would
 * still learn the schema from validation errors ("Did you mean …?", required arguments, enum and input type
 * names) and probe the query limits; now every such request gets the 401 and nothing else. GraphiQL's page,
 * /health, /ready and /metrics are answered before this hook (in `onRequest`), as before.
 */
export function requestAuthentication(authenticate: Authenticator | undefined): RequestAuthentication {
  if (authenticate === undefined) {
    return { plugin: {}, sessionOf: async () => UNAUTHENTICATED_FULL_ACCESS };
  }
  const sessions = new WeakMap<Request, AuthSession>();
  return {
    plugin: {
      async onRequestParse({ request }) {
        sessions.set(request, await authenticate(request));
      },
    },
    // Yoga hands the context the request onRequestParse saw; authenticating again is only a safety net.
    sessionOf: async (request) => sessions.get(request) ?? authenticate(request),
  };
}
