/**
 * Whether HOST and PORT can be listened on is only known when listening: a host name may not resolve, an address
 * may not be this machine's, a port may be taken. This turns listen()'s errors into the one-line message a
 * configuration error gets, naming the variable to change, instead of a stack trace.
 */
import { ConfigError } from './environment.ts';

export interface ListenTarget {
  readonly host: string;
  readonly port: number;
}

/** The configuration error behind a failed listen(), or undefined when the failure is not one of the settings. */
export function listenFailure(error: unknown, target: ListenTarget): ConfigError | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const { host, port } = target;
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_NONAME':
    case 'EAI_AGAIN':
      return new ConfigError('HOST', `"${host}" does not resolve to an address to listen on (${code})`);
    case 'EADDRNOTAVAIL':
      return new ConfigError('HOST', `"${host}" is not an address of this machine (${code})`);
    case 'EAFNOSUPPORT':
      return new ConfigError(
        'HOST',
        `"${host}" is an IPv6 address, but IPv6 is not available here (${code})`,
      );
    case 'EADDRINUSE':
      return new ConfigError('PORT', `${port} is already in use on ${host} (${code})`);
    case 'EACCES':
      return new ConfigError(
        'PORT',
        `${port} may not be listened on by this user (${code}); ports below 1024 need privileges`,
      );
    default:
      return undefined;
  }
}
