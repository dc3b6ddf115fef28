import type { SslCallEvent } from '../ssl/actions.ts';
import type { SslRateLimitWaitEvent } from '../ssl/client.ts';
import { createSilentLogger, type Logger } from './logger.ts';
import { GatewayMetrics, type GatewayMetricsOptions } from './metrics.ts';

export interface TelemetryOptions extends GatewayMetricsOptions {
  /** Default: a silent logger. */
  readonly logger?: Logger;
}

/** The SslClient options that feed telemetry: pass them to the client the gateway calls through. */
export interface SslClientTelemetryHooks {
  readonly onCall: (event: SslCallEvent) => void;
  readonly onRateLimitWait: (event: SslRateLimitWaitEvent) => void;
}

/**
 * One gateway's logger and metrics, and the hooks through which the SSL client reports to them. The client is
 * built before the gateway (and may outlive requests: readiness probes, job pollers), so its calls are counted
 * here whatever their origin; a request's loaders also report the calls they make to the request's operation
 * (SslCallOptions.onCall).
 */
export class GatewayTelemetry {
  readonly logger: Logger;
  readonly metrics: GatewayMetrics;
  readonly sslClientHooks: SslClientTelemetryHooks;

  constructor(options: TelemetryOptions = {}) {
    this.logger = options.logger ?? createSilentLogger();
    this.metrics = new GatewayMetrics(options);
    this.sslClientHooks = {
      onCall: (event) => this.metrics.observeUpstreamCall(event),
      onRateLimitWait: (event) => this.metrics.observeRateLimitWait(event),
    };
  }
}
