import type { Plugin } from 'graphql-yoga';
import type { GatewayMetrics } from './metrics.ts';
import type { Readiness, ReadinessState } from './readiness.ts';

export const METRICS_ENDPOINT = '/metrics';
export const READINESS_ENDPOINT = '/ready';

const READINESS_STATUS: Record<ReadinessState, number> = {
  ready: 200,
  starting: 503,
  'upstream-unreachable': 503,
  'upstream-credentials-refused': 503,
  'redis-unreachable': 503,
  'shutting-down': 503,
};

/**
 * GET /metrics (Prometheus text format) and GET /ready (readiness). Liveness stays Yoga's /health: it must not
 * depend on the upstream, or an upstream outage would get every instance restarted.
 */
export function useObservabilityEndpoints(metrics: GatewayMetrics, readiness: Readiness): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (url.pathname === METRICS_ENDPOINT) {
        const { body, contentType } = await metrics.exposition();
        endResponse(new fetchAPI.Response(body, { status: 200, headers: { 'content-type': contentType } }));
      } else if (url.pathname === READINESS_ENDPOINT) {
        const status = await readiness.check();
        endResponse(
          new fetchAPI.Response(JSON.stringify({ status }), {
            status: READINESS_STATUS[status],
            headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
          }),
        );
      }
    },
  };
}
