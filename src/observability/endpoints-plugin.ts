import type { Plugin } from 'graphql-yoga';
import type { GatewayMetrics } from './metrics.ts';
import type { Readiness, ReadinessState } from './readiness.ts';

export const LIVENESS_ENDPOINT = '/health';
export const METRICS_ENDPOINT = '/metrics';
export const READINESS_ENDPOINT = '/ready';

/**
 * Given to Yoga as its `healthCheckEndpoint`, so that its own check never answers: Yoga answers any URL that ends
 * with the endpoint (`/graphql?next=/health`, `/anything/health`), and a parsed URL never contains a space.
 * useLivenessEndpoint answers the exact path instead.
 */
export const YOGA_HEALTH_CHECK_DISABLED = ' (answered by useLivenessEndpoint)';

const READINESS_STATUS: Record<ReadinessState, number> = {
  ready: 200,
  starting: 503,
  'upstream-unreachable': 503,
  'upstream-credentials-refused': 503,
  'redis-unreachable': 503,
  'shutting-down': 503,
};

/**
 * GET /health (liveness): an empty 200 on that exact path, to any Host, before the host check. It tells nothing,
 * and a probe refused for its Host would get healthy instances restarted. It must not depend on the upstream
 * either, or an upstream outage would restart every instance.
 */
export function useLivenessEndpoint(): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      const isProbe = request.method === 'GET' || request.method === 'HEAD';
      if (!isProbe || url.pathname !== LIVENESS_ENDPOINT) return;
      endResponse(new fetchAPI.Response(null, { status: 200, headers: { 'cache-control': 'no-store' } }));
    },
  };
}

/** GET /metrics (Prometheus text format) and GET /ready (readiness), to the hosts served (see host-check.ts). */
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
