/**
 * Operations: logging (LOG_LEVEL), shutdown (SHUTDOWN_TIMEOUT_MS), sandbox latency (SANDBOX_UPSTREAM_LATENCY_MS),
 * the cross-request read cache (SSL_READ_CACHE_TTL_MS). Loaded separately from loadConfig, like the security
 * settings, because one rule depends on the upstream mode.
 */
import { ConfigError, type Environment, readEnumeration, readMilliseconds } from './environment.ts';
import type { UpstreamConfig } from './upstream.ts';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** In-flight operations get this long to finish after SIGTERM/SIGINT before their connections are cut. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;
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
  return {
    logLevel: readEnumeration(env, 'LOG_LEVEL', LOG_LEVELS) ?? 'info',
    shutdownTimeoutMs: readMilliseconds(
      env,
      'SHUTDOWN_TIMEOUT_MS',
      DEFAULT_SHUTDOWN_TIMEOUT_MS,
      MAX_SHUTDOWN_TIMEOUT_MS,
    ),
    sandboxUpstreamLatencyMs: latencyMs,
    readCacheTtlMs: readMilliseconds(
      env,
      'SSL_READ_CACHE_TTL_MS',
      DEFAULT_READ_CACHE_TTL_MS,
      MAX_READ_CACHE_TTL_MS,
    ),
  };
}
