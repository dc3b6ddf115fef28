import type { GraphiQLOptions, Plugin } from 'graphql-yoga';
import type { HostPolicy } from '../../config/security.ts';
import { isRebindingSafeHostname } from '../../support/rebinding-safe-hosts.ts';

/**
 * Whether a request's Host may be served. IP literals and `localhost` (with its subdomains, which resolve to the
 * loopback) always may: a DNS-rebinding page can only ever send its own domain name, never one of those.
 */
export function isAllowedHost(hostname: string, policy: HostPolicy): boolean {
  if (policy.kind === 'any') return true;
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return isRebindingSafeHostname(name) || policy.hosts.includes(name);
}

/**
 * Yoga answers GraphiQL's page before any plugin of ours runs, so the page is offered only to the hosts served:
 * for the others the request goes on to hostCheckPlugin and its 403, as on every other path.
 */
export function graphiqlForServedHosts(
  policy: HostPolicy,
  options: GraphiQLOptions,
): GraphiQLOptions | ((request: Request) => GraphiQLOptions | false) {
  if (policy.kind === 'any') return options;
  return (request) => (isAllowedHost(new URL(request.url).hostname, policy) ? options : false);
}

/**
 * Refuses requests whose Host header names a host the gateway was not told it is reached by, with 403 on every
 * path: it comes before the plugins that answer /metrics and /ready (yoga.ts), and GraphiQL's page is not offered
 * to such hosts. Only liveness (`/health`, an empty 200) is answered before it (endpoints-plugin.ts). Without the
 * check, DNS rebinding reaches a gateway that trusts its network position: a page on attacker.example re-points
 * its name at 127.0.0.1, and its same-origin requests, which no CORS or CSRF rule stops, then read the answers of
 * a sandbox or an AUTH_DISABLED gateway, private keys included.
 */
export function hostCheckPlugin(policy: HostPolicy): Plugin {
  // Every host answered: nothing to parse on each request.
  if (policy.kind === 'any') return {};
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      const { hostname } = new URL(request.url);
      if (isAllowedHost(hostname, policy)) return;
      endResponse(
        fetchAPI.Response.json(
          {
            errors: [
              {
                message:
                  'This host name is not one the gateway serves; an operator can add it to ALLOWED_HOSTS.',
                extensions: { code: 'HOST_NOT_ALLOWED' },
              },
            ],
          },
          { status: 403 },
        ),
      );
    },
  };
}
