import { isIP } from 'node:net';

/**
 * Whether a host name is one DNS rebinding can never send: an IP literal (`[…]` for IPv6), `localhost` or a name
 * under it (those resolve to the loopback). A rebinding page always sends its own domain name in the Host header,
 * so a server that answers only these names cannot be read through one. Expects a lower-case name.
 */
export function isRebindingSafeHostname(hostname: string): boolean {
  const name = hostname.replace(/\.$/, '');
  if (isIP(name.replace(/^\[(.*)\]$/, '$1')) !== 0) return true;
  return name === 'localhost' || name.endsWith('.localhost');
}

/** The lower-case host name of a Host header value (`name[:port]`, `[v6][:port]`), or undefined if it is none. */
export function hostnameOfHostHeader(value: string | undefined): string | undefined {
  // Userinfo, a path or spaces would make URL read another part as the host.
  if (value === undefined || value === '' || /[\s/?#@\\]/.test(value)) return undefined;
  try {
    return new URL(`http://${value}`).hostname;
  } catch {
    return undefined;
  }
}
