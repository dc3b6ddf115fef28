import type { SslActionName } from '../ssl/actions.ts';
import { SSL_SPEC } from '../ssl/spec.generated.ts';

const WINDOW_MS = 1000;

/**
 * The upstream's per-action limits (requests per second, per action per sub-account), counted in fixed
 * 1-second windows of server arrival time. Arrival time is real time, not the emulator clock: stepping the
 * clock in a test must not open a new window.
 */
export class RateLimiter {
  readonly #arrivalNow: () => number;
  /** `${secretId}\u0000${action}` → the window in force and how many calls it admitted. */
  readonly #windows = new Map<string, { window: number; admitted: number }>();

  constructor(arrivalNow: () => number = Date.now) {
    this.#arrivalNow = arrivalNow;
  }

  /** Admits the call (and counts it) or returns false when the action's limit for this window is spent. */
  tryAdmit(action: SslActionName, secretId: string): boolean {
    const window = Math.floor(this.#arrivalNow() / WINDOW_MS);
    const key = `${secretId}\u0000${action}`;
    const current = this.#windows.get(key);
    if (current === undefined || current.window !== window) {
      this.#windows.set(key, { window, admitted: 1 });
      return true;
    }
    if (current.admitted >= SSL_SPEC.actions[action].rateLimit) return false;
    current.admitted += 1;
    return true;
  }

  reset(): void {
    this.#windows.clear();
  }
}
