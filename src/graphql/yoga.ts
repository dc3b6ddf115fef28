import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import {
  useLivenessEndpoint,
  useObservabilityEndpoints,
  YOGA_HEALTH_CHECK_DISABLED,
} from '../observability/endpoints-plugin.ts';
import { createLogger, createSilentLogger } from '../observability/logger.ts';
import { createErrorMasking } from '../observability/masked-errors.ts';
import { RequestOperations } from '../observability/operation-record.ts';
import { useOperationTelemetry } from '../observability/operation-telemetry-plugin.ts';
import { Readiness } from '../observability/readiness.ts';
import { GatewayTelemetry } from '../observability/telemetry.ts';
import { createYogaLogger } from '../observability/yoga-logger.ts';
import type { SslCaller } from '../ssl/actions.ts';
import { requestAuthentication } from './auth/request-authentication.ts';
import type { Authenticator } from './auth/session.ts';
import { DEFAULT_COMPILE_AFTER_RUNS, useCompiledQueries } from './compiled-queries.ts';
import { createContext, type GraphQLContext } from './context.ts';
import { useErrorCodes } from './error-codes.ts';
import { graphiqlExampleOptions } from './graphiql-examples.ts';
import { type GraphiQLPage, graphiqlPage, useGraphiQLCaching } from './graphiql-page.ts';
import { JobHub, type JobPollingOptions } from './jobs/job-hub.ts';
import { useJobWaitArgumentCheck } from './jobs/wait-arguments.ts';
import { useAcceptPriorities, useCaseInsensitiveContentType } from './media-types.ts';
import { useReportedErrors } from './reported-errors.ts';
import { schema } from './schema/index.ts';
import { corsOption } from './security/cors.ts';
import { CSRF_PREVENTION_HEADER } from './security/csrf.ts';
import {
  DEFAULT_GATEWAY_SECURITY,
  type GatewaySecurity,
  securityPlugins,
} from './security/gateway-security.ts';
import { graphiqlForServedHosts, hostCheckPlugin } from './security/host-check.ts';
import { useMutationScopeCheck } from './security/mutation-scope-check.ts';
import { requestBodyLimitPlugin } from './security/request-body-limit.ts';

export interface GatewayOptions {
  /** The upstream: the real SslClient, pointed at Tencent Cloud or at the emulator. */
  readonly ssl: SslCaller;
  /** The clock relative fields are computed against; real time by default. */
  readonly now?: () => Date;
  /** Serve GraphiQL on GET /graphql (default true: the gateway is meant to be explored). */
  readonly graphiql?: boolean;
  /**
   * Decides each request's scopes. Without one, authentication is off and every scope is granted: the
   * sandbox default, or AUTH_DISABLED=true chosen on purpose.
   */
  readonly authenticate?: Authenticator;
  /** False silences the default telemetry's logger and Yoga's (tests). */
  readonly logging?: boolean;
  /**
   * Logger and metrics. The SslClient behind `ssl` reports its calls to `telemetry.sslClientHooks`. Default: a
   * telemetry of this gateway's own, logging JSON lines to stdout at info (silent when `logging` is false).
   */
  readonly telemetry?: GatewayTelemetry;
  /** Answers GET /ready. Default: probes `ssl`. */
  readonly readiness?: Readiness;
  /** CORS, query limits and schema exposure; each part defaults to DEFAULT_GATEWAY_SECURITY's. */
  readonly security?: Partial<GatewaySecurity>;
  /** How the shared job pollers pace their upstream calls (waits and subscriptions on jobs). */
  readonly jobPolling?: JobPollingOptions;
  /**
   * Benchmark peer only: certificates fetched without batching or request caching (see LoaderOptions.naive), to
   * measure what the loaders save. Default false.
   */
  readonly naiveLoaders?: boolean;
  /**
   * How many times a query runs interpreted before it is compiled with graphql-jit (see compiled-queries.ts);
   * 0 compiles every query on its first run, false never compiles. Default DEFAULT_COMPILE_AFTER_RUNS.
   */
  readonly compileQueriesAfterRuns?: number | false;
}

export const GRAPHQL_ENDPOINT = '/graphql';

export type Gateway = YogaServerInstance<Record<string, unknown>, GraphQLContext>;

/**
 * Builds the gateway's request handler (no listening: see src/main.ts). Error masking stays on: only errors
 * the resolvers deliberately raise as GraphQLError (bad input, upstream API errors) reach clients.
 */
export function createGateway(options: GatewayOptions): Gateway {
  // One hub per gateway: every request and subscription following a job shares its upstream poll.
  const jobs = new JobHub(options.ssl, options.jobPolling);
  const dependencies = {
    ssl: options.ssl,
    now: options.now ?? (() => new Date()),
    jobs,
    loaderOptions: { naive: options.naiveLoaders === true },
  };
  const authentication = requestAuthentication(options.authenticate);
  const security: GatewaySecurity = { ...DEFAULT_GATEWAY_SECURITY, ...options.security };
  const telemetry =
    options.telemetry ??
    new GatewayTelemetry({
      logger: options.logging === false ? createSilentLogger() : createLogger({ level: 'info' }),
    });
  const readiness = options.readiness ?? new Readiness({ ssl: options.ssl, logger: telemetry.logger });
  const errorMasking = createErrorMasking(telemetry.logger);
  const operations = new RequestOperations();
  // The page this gateway served last (~9 MB of inlined assets: rendered, hashed and gzipped once, see
  // graphiql-page.ts), which useGraphiQLCaching serves with its ETag.
  let graphiql: GraphiQLPage | undefined;
  return createYoga<Record<string, unknown>, GraphQLContext>({
    schema,
    graphqlEndpoint: GRAPHQL_ENDPOINT,
    healthCheckEndpoint: YOGA_HEALTH_CHECK_DISABLED,
    graphiql:
      options.graphiql === false
        ? false
        : graphiqlForServedHosts(security.hosts, {
            title: 'ssl-graph',
            ...graphiqlExampleOptions(),
            // Sent with every request GraphiQL makes, not shown in its header editor: subscriptions go out as
            // GET with Accept: text/event-stream, which the CSRF protection refuses without this header.
            additionalHeaders: { [CSRF_PREVENTION_HEADER]: 'graphiql' },
          }),
    landingPage: false,
    logging: options.logging === false ? false : createYogaLogger(telemetry.logger, errorMasking),
    maskedErrors: errorMasking.options,
    // GraphiQL with its assets inlined: no CDN, so it works offline and behind firewalls.
    renderGraphiQL: (graphiqlOptions) => {
      graphiql = graphiqlPage(graphiqlOptions);
      return graphiql.html;
    },
    cors: corsOption(security.cors),
    // Enforced by requestBodyLimitPlugin, last among the plugins below: Yoga's own limit costs every request a stream.
    maxRequestBodySize: false,
    // Off: each operation of a batch would pass the per-operation limits on its own, multiplying what one
    // request may cost; a client that wants several things asks for several root fields in one operation.
    batching: false,
    plugins: [
      // First: the hooks after it see the codes it gives.
      useErrorCodes(),
      useOperationTelemetry(telemetry, GRAPHQL_ENDPOINT, operations),
      useLivenessEndpoint(),
      // Before every plugin that answers a path (/metrics and /ready included): DNS rebinding must reach none.
      hostCheckPlugin(security.hosts),
      useObservabilityEndpoints(telemetry.metrics, readiness),
      { onDispose: () => jobs.dispose() },
      ...securityPlugins(security),
      // Before the document is parsed: a caller without a valid token learns nothing about the schema.
      authentication.plugin,
      // Before anything executes: a mutation must not start a job its payload then cannot return, nor run when
      // its payload asks for what the token may not see.
      useJobWaitArgumentCheck(),
      useMutationScopeCheck(),
      useReportedErrors(),
      ...(options.compileQueriesAfterRuns === false
        ? []
        : [
            useCompiledQueries({
              compileAfterRuns: options.compileQueriesAfterRuns ?? DEFAULT_COMPILE_AFTER_RUNS,
            }),
          ]),
      useGraphiQLCaching(GRAPHQL_ENDPOINT, () => graphiql),
      useCaseInsensitiveContentType(),
      // Among the result hooks, after Yoga's own choice by list order, which it re-chooses by priority.
      useAcceptPriorities(),
      requestBodyLimitPlugin(security.limits.maxBodyBytes),
    ],
    context: async ({ request }) =>
      createContext(dependencies, request, await authentication.sessionOf(request), operations.of(request)),
  });
}
