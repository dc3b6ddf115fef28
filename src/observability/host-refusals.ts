import type { Logger } from './logger.ts';
import type { GatewayMetrics } from './metrics.ts';

/** The code src/graphql/security/host-check.ts answers a Host outside ALLOWED_HOSTS with (403). */
export const HOST_NOT_ALLOWED = 'HOST_NOT_ALLOWED';

/** One warning per this period at most: a misconfigured client or a scanner may send thousands. */
export const HOST_REFUSAL_LOG_INTERVAL_MS = 60_000;

/**
 * Whether a response is the host check's refusal. Told from the response rather than by the check itself, so the
 * security plugins need not know about telemetry; only 403s are read, and their bodies are a few bytes.
 */
export async function isHostRefusal(response: Response): Promise<boolean> {
  if (response.status !== 403) return false;
  if (!response.headers.get('content-type')?.includes('json')) return false;
  try {
    const body = (await response.clone().json()) as { errors?: Array<{ extensions?: { code?: unknown } }> };
    return body.errors?.some((error) => error.extensions?.code === HOST_NOT_ALLOWED) === true;
  } catch {
    return false;
  }
}

export interface HostRefusalOptions {
  /** Milliseconds from an arbitrary origin; injectable for tests. */
  readonly now?: () => number;
  readonly intervalMs?: number;
}

/**
 * Host refusals, counted in the metrics and logged at warn at most once per interval: an operator who forgot a
 * name in ALLOWED_HOSTS sees which host was refused and how often, rather than clients failing in silence.
 */
export class HostRefusals {
  readonly #logger: Logger;
  readonly #metrics: GatewayMetrics;
  readonly #now: () => number;
  readonly #intervalMs: number;
  #loggedAt: number | undefined;
  #unlogged = 0;

  constructor(logger: Logger, metrics: GatewayMetrics, options: HostRefusalOptions = {}) {
    this.#logger = logger;
    this.#metrics = metrics;
    this.#now = options.now ?? (() => performance.now());
    this.#intervalMs = options.intervalMs ?? HOST_REFUSAL_LOG_INTERVAL_MS;
  }

  record(hostname: string, requestId: string): void {
    this.#metrics.observeRefusedRequest(HOST_NOT_ALLOWED);
    this.#unlogged += 1;
    const now = this.#now();
    if (this.#loggedAt !== undefined && now - this.#loggedAt < this.#intervalMs) return;
    this.#logger.warn(
      {
        code: HOST_NOT_ALLOWED,
        host: hostname.slice(0, 253),
        requestId,
        // This one and those not logged since the last line.
        refused: this.#unlogged,
      },
      'request refused: its Host is not in ALLOWED_HOSTS (IP addresses and localhost are always answered)',
    );
    this.#loggedAt = now;
    this.#unlogged = 0;
  }
}
