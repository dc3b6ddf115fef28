import { type DestinationStream, type Logger, type LoggerOptions, pino, stdTimeFunctions } from 'pino';
import type { LogLevel } from '../config/operations.ts';
import { SecretScrubber } from './scrub.ts';

export type { Logger } from 'pino';

export interface LoggerSettings {
  readonly level: LogLevel;
  /** Default: standard output, one JSON object per line. */
  readonly destination?: DestinationStream;
  /** Credential values to remove wherever they appear (the secret key, the session token). */
  readonly knownSecrets?: readonly (string | undefined)[];
}

/**
 * Paths pino blanks before anything else runs. Credentials and request bodies never belong in a log line: the
 * mutations that upload certificates carry private keys in their variables.
 */
const REDACTED_PATHS = [
  'authorization',
  'headers.authorization',
  'headers.cookie',
  'headers["x-tc-token"]',
  '*.authorization',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["x-tc-token"]',
  'secretKey',
  '*.secretKey',
  'sessionToken',
  '*.sessionToken',
  'privateKey',
  '*.privateKey',
  'variables',
  '*.variables',
  'body',
  '*.body',
];

/** The gateway's logger: JSON lines, known secret paths redacted, and every logged value scrubbed of secrets. */
export function createLogger(settings: LoggerSettings): Logger {
  const scrubber = new SecretScrubber(settings.knownSecrets);
  const options: LoggerOptions = {
    level: settings.level,
    base: { service: 'ssl-graph' },
    timestamp: stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    hooks: {
      logMethod(args, method) {
        const [first, ...rest] = args;
        const scrubbedRest = rest.map((item) => scrubber.scrubValue(item));
        if (first instanceof Error) {
          // Scrubbed first (messages and stacks are free text), so no longer an Error: not under pino's `err`.
          const error = scrubber.scrubValue(first) as { message: string };
          const [explicitMessage, ...interpolated] = scrubbedRest;
          const message = typeof explicitMessage === 'string' ? explicitMessage : error.message;
          method.apply(this, [{ error }, message, ...interpolated]);
          return;
        }
        method.apply(this, [scrubber.scrubValue(first), ...scrubbedRest] as Parameters<typeof method>);
      },
    },
  };
  return settings.destination === undefined ? pino(options) : pino(options, settings.destination);
}

/** A logger that writes nothing (tests, `logging: false`). */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
