import type { YogaLogger } from 'graphql-yoga';
import type { Logger } from './logger.ts';
import type { ErrorMasking } from './masked-errors.ts';

/**
 * Yoga's own log calls, written by the gateway's logger (and so redacted and scrubbed like every other line).
 * Yoga logs each masked error after masking it; that copy is dropped, the masking already logged it with its id.
 */
export function createYogaLogger(logger: Logger, masking: ErrorMasking): YogaLogger {
  const yogaLogger = logger.child({ component: 'yoga' });
  const forward =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]): void => {
      const [first, ...rest] = args;
      if (level === 'error' && masking.wasLogged(first)) return;
      if (first instanceof Error) yogaLogger[level](first);
      else if (typeof first === 'string')
        yogaLogger[level]({ detail: rest.length > 0 ? rest : undefined }, first);
      else yogaLogger[level]({ detail: args }, 'yoga');
    };
  return { debug: forward('debug'), info: forward('info'), warn: forward('warn'), error: forward('error') };
}
