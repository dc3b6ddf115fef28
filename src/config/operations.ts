/**
 * Operations: logging (LOG_LEVEL), shutdown (SHUTDOWN_TIMEOUT_MS, SHUTDOWN_DELAY_MS), sandbox latency (SANDBOX_UPSTREAM_LATENCY_MS),
 * the cross-request read cache (SSL_READ_CACHE_TTL_MS). Loaded separately from loadConfig, like the security
 * settings, because one rule depends on the upstream mode.
 */
import { ConfigError, type Environment, readEnumeration, readMilliseconds } from './environment.ts';
import type { UpstreamConfig } from './upstream.ts';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** From SIGTERM/SIGINT to cutting the connections still open: the whole shutdown's budget. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;
/**
 * After SIGTERM the gateway answers /ready with 503 but keeps serving (and accepting connections) this long, so
 * load balancers and Kubernetes endpoints take it out before it stops listening; part of SHUTDOWN_TIMEOUT_MS.
 * Unset, it is this or half of SHUTDOWN_TIMEOUT_MS, whichever is smaller.
 */
export const DEFAULT_SHUTDOWN_DELAY_MS = 3_000;
/** Orchestrators kill a container some time after SIGTERM anyway (Kubernetes: 30 s by default). */
const MAX_SHUTDOWN_TIMEOUT_MS = 600_000;
const MAX_SANDBOX_UPSTREAM_LATENCY_MS = 60_000;
/**
 * Long enough that a burst of page loads (a dashboard opened by a team, a list re-rendered) costs one upstream
 * call per distinct read, short enough that a change made outside this gateway shows within seconds.
 */
export const DEFAULT_READ_CACHE_TTL_MS = 3_000;
/** Certificate data changes at day granularity, but a change made in the console should not hide for longer. */
const MAX_READ_CACHE_TTL_MS = 300_000;

export interface OperationsConfig {
  readonly logLevel: LogLevel;
  readonly shutdownTimeoutMs: number;
  /** Always less than shutdownTimeoutMs (or both 0). */
  readonly shutdownDelayMs: number;
  /**
   * Latency the sandbox emulator adds to every call, to see slow-upstream behaviour (and test graceful
   * shutdown) without an account. 0 outside the sandbox.
   */
  readonly sandboxUpstreamLatencyMs: number;
  /**
   * How long read answers are shared across requests (SSL_READ_CACHE_TTL_MS, src/ssl/read-cache.ts); 0 turns the
   * cross-request cache off.
   */
  readonly readCacheTtlMs: number;
}

export function loadOperationsConfig(env: Environment, upstream: UpstreamConfig): OperationsConfig {
  const latencyMs = readMilliseconds(env, 'SANDBOX_UPSTREAM_LATENCY_MS', 0, MAX_SANDBOX_UPSTREAM_LATENCY_MS);
  if (latencyMs > 0 && upstream.mode !== 'sandbox') {
    throw new ConfigError(
      'SANDBOX_UPSTREAM_LATENCY_MS',
      'only applies to the built-in sandbox, but Tencent Cloud credentials are set',
    );
  }
  const shutdownTimeoutMs = readMilliseconds(
    env,
    'SHUTDOWN_TIMEOUT_MS',
    DEFAULT_SHUTDOWN_TIMEOUT_MS,
    MAX_SHUTDOWN_TIMEOUT_MS,
  );
  const shutdownDelayMs = readMilliseconds(
    env,
    'SHUTDOWN_DELAY_MS',
    Math.min(DEFAULT_SHUTDOWN_DELAY_MS, Math.floor(shutdownTimeoutMs / 2)),
    MAX_SHUTDOWN_TIMEOUT_MS,
  );
  if (shutdownDelayMs > 0 && shutdownDelayMs >= shutdownTimeoutMs) {
    throw new ConfigError(
      'SHUTDOWN_DELAY_MS',
      `must be less than SHUTDOWN_TIMEOUT_MS (${shutdownTimeoutMs}), which it is part of`,
    );
  }
  return {
    logLevel: readEnumeration(env, 'LOG_LEVEL', LOG_LEVELS) ?? 'info',
    shutdownTimeoutMs,
    shutdownDelayMs,
    sandboxUpstreamLatencyMs: latencyMs,
    readCacheTtlMs: readMilliseconds(
      env,
      'SSL_READ_CACHE_TTL_MS',
      DEFAULT_READ_CACHE_TTL_MS,
      MAX_READ_CACHE_TTL_MS,
    ),
  };
}
