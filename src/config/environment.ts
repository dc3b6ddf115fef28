/**
 * The gateway's configuration is read from environment variables, one file per concern (upstream.ts, security.ts,
 * operations.ts, scale.ts). Every loader is a pure function of the env object so every rule is testable; an invalid
 * setting throws a ConfigError naming the variable (never its value when the value is a secret). This file holds
 * the error and the readers the concerns share.
 */

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

export type Environment = Readonly<Record<string, string | undefined>>;

/** Empty values count as unset: env files and compose often define a variable with nothing after `=`. */
export function read(env: Environment, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

export function readSecret(env: Environment, name: string): string | undefined {
  const value = read(env, name);
  if (value !== undefined && value.trim() !== value) {
    // Said without the value: this is a credential.
    throw new ConfigError(name, 'has leading or trailing whitespace (a copy-paste slip?)');
  }
  return value;
}

export function readEnumeration<T extends string>(
  env: Environment,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const value = read(env, name);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${value}"`);
  }
  return value as T;
}

export function readBoolean(env: Environment, name: string): boolean | undefined {
  const value = read(env, name);
  if (value === undefined) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new ConfigError(name, `must be true or false, got "${value}"`);
}

/** Ten digits: far above any sensible limit, and a bound that keeps every value exact. */
const MAX_POSITIVE_INTEGER = 9_999_999_999;

export function readPositiveInteger(env: Environment, name: string, fallback: number): number {
  const text = read(env, name);
  if (text === undefined) return fallback;
  if (!/^[1-9]\d{0,9}$/.test(text)) {
    throw new ConfigError(name, `must be a whole number from 1 to ${MAX_POSITIVE_INTEGER}, got "${text}"`);
  }
  return Number(text);
}

export function readMilliseconds(env: Environment, name: string, fallback: number, maximum: number): number {
  const text = read(env, name);
  if (text === undefined) return fallback;
  const value = /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= 0 && value <= maximum)) {
    throw new ConfigError(name, `must be a whole number of milliseconds from 0 to ${maximum}, got "${text}"`);
  }
  return value;
}
