/**
 * The gateway process: reads the configuration, connects the upstream (Tencent Cloud, or the built-in emulator
 * when no credentials are configured), serves GraphQL over node:http and shuts down cleanly on SIGTERM/SIGINT.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError } from './config/environment.ts';
import { listenFailure } from './config/listen-failure.ts';
import { loadOperationsConfig, type OperationsConfig } from './config/operations.ts';
import { loadScaleConfig, type ScaleConfig } from './config/scale.ts';
import { type AuthConfig, loadSecurityConfig, type SecurityConfig } from './config/security.ts';
import { type GatewayConfig, loadConfig } from './config/upstream.ts';
import { type RunningEmulator, startEmulator } from './emulator/index.ts';
import { createJwtAuthenticator } from './graphql/auth/jwt.ts';
import type { Authenticator } from './graphql/auth/session.ts';
import { serverTimeoutOptions } from './graphql/security/server-timeouts.ts';
import { createGateway, GRAPHQL_ENDPOINT } from './graphql/yoga.ts';
import { ConnectionDrainer } from './observability/connection-drainer.ts';
import { LIVENESS_ENDPOINT, METRICS_ENDPOINT, READINESS_ENDPOINT } from './observability/endpoints-plugin.ts';
import { createLogger, type Logger } from './observability/logger.ts';
import { Readiness } from './observability/readiness.ts';
import { GatewayTelemetry, type SslClientTelemetryHooks } from './observability/telemetry.ts';
import { connectScaleBackend, type ScaleBackend } from './scale/redis-scale.ts';
import { SslClient } from './ssl/client.ts';
import { type SslCredentialValues, StaticCredentialsProvider } from './ssl/credentials.ts';
import type { SslRateLimiter } from './ssl/rate-limiter.ts';
import { ReadCachingSslCaller } from './ssl/read-cache.ts';

/** Past the shutdown deadline, closing the upstream pool and the emulator gets this long before a hard exit. */
const CLEANUP_BACKSTOP_MS = 5_000;

interface Upstream {
  readonly client: SslClient;
  /** Present in sandbox mode only. */
  readonly emulator: RunningEmulator | undefined;
  readonly endpoint: string;
  /** Whose data the client reads: keys the cross-request read cache. */
  readonly secretId: string;
}

/**
 * The sandbox emulator's key pair, new for each process. The gateway is the emulator's only client: with the
 * published default pair, any local process (or a page that found the port) could sign requests to it directly
 * and read around the gateway's authentication, private keys included.
 */
function sandboxEmulatorKeys(): SslCredentialValues {
  return {
    secretId: `AKID${randomBytes(16).toString('hex')}`,
    secretKey: randomBytes(24).toString('base64url'),
  };
}

async function connectUpstream(
  config: GatewayConfig,
  operations: OperationsConfig,
  hooks: SslClientTelemetryHooks,
  rateLimiter: SslRateLimiter | undefined,
  sandboxKeys: SslCredentialValues,
): Promise<Upstream> {
  let emulator: RunningEmulator | undefined;
  let endpoint: string;
  let credentials: SslCredentialValues;
  if (config.upstream.mode === 'tencent-cloud') {
    ({ endpoint, credentials } = config.upstream);
  } else {
    // The emulator only ever listens on loopback, and answers no host name but localhost (DNS rebinding): it is
    // an implementation detail of this process.
    emulator = await startEmulator({
      port: 0,
      host: '127.0.0.1',
      seed: true,
      enforceRateLimits: true,
      ...sandboxKeys,
      refuseNamedHosts: true,
    });
    if (operations.sandboxUpstreamLatencyMs > 0) {
      emulator.faults.setLatencyForEveryCall(operations.sandboxUpstreamLatencyMs);
    }
    // The real client, signing with the emulator's sandbox key pair: the sandbox exercises the production path.
    endpoint = emulator.url;
    credentials = { secretId: emulator.secretId, secretKey: emulator.secretKey };
  }
  const client = new SslClient({
    region: config.region,
    language: config.language,
    rateLimiter,
    ...hooks,
    endpoint,
    credentials: new StaticCredentialsProvider(credentials),
  });
  return { client, emulator, endpoint, secretId: credentials.secretId };
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** A URL a person can click: wildcard addresses are not reachable as such. */
function browsableOrigin(address: AddressInfo): string {
  const wildcard = address.address === '0.0.0.0' || address.address === '::';
  const host = wildcard ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

function authenticatorFor(auth: AuthConfig, logger: Logger): Authenticator | undefined {
  return auth.mode === 'jwt' ? createJwtAuthenticator({ ...auth, logger }) : undefined;
}

/** One line on who may call; disabled authentication with real credentials is shouted, it should be rare. */
function accessLines(security: SecurityConfig): string[] {
  const auth = security.auth;
  if (auth.mode === 'jwt') {
    const verifiedBy =
      auth.keys.kind === 'shared-secret'
        ? 'HS256 with AUTH_JWT_SECRET'
        : `RS256/ES256 keys from ${auth.keys.url}`;
    return [`  Auth:      bearer JWTs required (${verifiedBy}); scopes ssl:read, ssl:write, ssl:secrets`];
  }
  if (auth.reason === 'sandbox') {
    return [
      '  Auth:      OFF (sandbox): every request gets every scope. Set AUTH_JWT_SECRET or AUTH_JWKS_URL to',
      '             require bearer tokens.',
    ];
  }
  return ['  Auth:      OFF (AUTH_DISABLED=true): every request gets every scope, secrets included.'];
}

/** Printed to stderr as well as summarised in the banner, so log pipelines that only keep errors see it. */
const AUTH_DISABLED_WARNING = [
  '!!! WARNING: AUTHENTICATION IS DISABLED (AUTH_DISABLED=true) WITH REAL TENCENT CLOUD CREDENTIALS.',
  '!!! Anyone who can reach this port can read, change and download certificates, private keys included.',
  '!!! Only run it like this behind a proxy that authenticates every request.',
].join('\n');

function banner(origin: string, upstream: Upstream, security: SecurityConfig): string {
  const endpoints = [
    security.graphiql
      ? `  GraphiQL:  ${origin}${GRAPHQL_ENDPOINT}`
      : `  GraphQL:   ${origin}${GRAPHQL_ENDPOINT} (GraphiQL off: set GRAPHIQL=true to serve it)`,
    `  Health:    ${origin}${LIVENESS_ENDPOINT}`,
    ...accessLines(security),
  ];
  if (upstream.emulator !== undefined) {
    return [
      'ssl-graph is running in SANDBOX mode.',
      'No TENCENTCLOUD_SECRET_ID is set, so it serves a built-in emulator of the Tencent Cloud SSL API with demo',
      'data. Nothing real is read or changed; the emulator forgets everything when the process stops.',
      ...endpoints,
      `  Emulator:  ${upstream.endpoint} (signed with a key pair made for this process)`,
      'To use a Tencent Cloud account, set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY (optionally',
      'TENCENTCLOUD_SESSION_TOKEN, SSL_API_ENDPOINT, SSL_API_REGION, SSL_API_LANGUAGE) and restart.',
    ].join('\n');
  }
  return [`ssl-graph is serving the Tencent Cloud SSL API at ${upstream.endpoint}.`, ...endpoints].join('\n');
}

async function main(): Promise<void> {
  let config: GatewayConfig;
  let security: SecurityConfig;
  let operations: OperationsConfig;
  let scale: ScaleConfig;
  try {
    config = loadConfig(process.env);
    security = loadSecurityConfig(process.env, config.upstream);
    operations = loadOperationsConfig(process.env, config.upstream);
    scale = loadScaleConfig(process.env, config.upstream);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`ssl-graph: invalid configuration: ${error.message}`);
    process.exit(1);
  }

  const credentials = config.upstream.mode === 'tencent-cloud' ? config.upstream.credentials : undefined;
  const sandboxKeys = sandboxEmulatorKeys();
  const logger = createLogger({
    level: operations.logLevel,
    knownSecrets: [credentials?.secretKey, credentials?.sessionToken, sandboxKeys.secretKey],
  });
  const telemetry = new GatewayTelemetry({ logger, collectProcessMetrics: true });
  // With REDIS_URL, replicas share the upstream quota, the read cache and job polls; without it, all is local.
  const scaleBackend: ScaleBackend | undefined =
    scale.mode === 'redis'
      ? await connectScaleBackend({
          redisUrl: scale.redisUrl,
          keyPrefix: scale.keyPrefix,
          onCacheError: (operation, reason) =>
            logger.warn(
              { operation, reason },
              'shared read cache unavailable; calling the upstream directly',
            ),
        })
      : undefined;
  const upstream = await connectUpstream(
    config,
    operations,
    telemetry.sslClientHooks,
    scaleBackend?.createRateLimiter(),
    sandboxKeys,
  );
  telemetry.metrics.watchRateLimitQueue(() => upstream.client.rateLimitQueueDepth);
  const readiness = new Readiness({ ssl: upstream.client, logger });
  // Shared by every request of the process, between the gateway and the client (which already shares identical
  // in-flight reads; this keeps their answers for a few seconds).
  const ssl = new ReadCachingSslCaller(upstream.client, {
    ttlMs: operations.readCacheTtlMs,
    identity: async () => upstream.secretId,
    store: scaleBackend?.readCacheStore,
  });
  const gateway = createGateway({
    ssl,
    telemetry,
    readiness,
    graphiql: security.graphiql,
    authenticate: authenticatorFor(security.auth, logger),
    jobPolling:
      scaleBackend === undefined ? undefined : { sharing: scaleBackend.jobPollSharing(upstream.secretId) },
    security: {
      cors: security.cors,
      hosts: security.hosts,
      limits: security.limits,
      introspection: security.introspection,
      blockFieldSuggestions: security.blockFieldSuggestions,
    },
  });
  const server = createServer(serverTimeoutOptions(security.serverTimeouts));
  const drainer = new ConnectionDrainer(server);
  server.on('request', drainer.track(gateway));
  let address: AddressInfo;
  try {
    address = await listen(server, config.port, config.host);
  } catch (error) {
    const misconfigured = listenFailure(error, { host: config.host, port: config.port });
    if (misconfigured === undefined) throw error;
    console.error(`ssl-graph: invalid configuration: ${misconfigured.message}`);
    process.exit(1);
  }
  const origin = browsableOrigin(address);
  // The banner is for a person at a terminal, on stderr: stdout is the JSON log, one object per line, which log
  // pipelines parse line by line. They get the endpoints as one JSON line.
  console.error(banner(origin, upstream, security));
  logger.info(
    {
      mode: config.upstream.mode,
      scale: scale.mode,
      graphql: `${origin}${GRAPHQL_ENDPOINT}`,
      health: `${origin}${LIVENESS_ENDPOINT}`,
      ready: `${origin}${READINESS_ENDPOINT}`,
      metrics: `${origin}${METRICS_ENDPOINT}`,
    },
    'ssl-graph listening',
  );
  if (security.auth.mode === 'disabled' && security.auth.reason === 'AUTH_DISABLED') {
    console.warn(AUTH_DISABLED_WARNING);
  }

  installShutdownHandlers(
    {
      logger,
      drainer,
      readiness,
      timeoutMs: operations.shutdownTimeoutMs,
      delayMs: operations.shutdownDelayMs,
      // Ends every job subscription (a last UNAVAILABLE event: reconnect elsewhere) and answers every job wait:
      // otherwise they hold the drain until its deadline.
      endLongLivedOperations: async () => {
        await gateway.dispose();
      },
    },
    async () => {
      await upstream.client.close();
      await scaleBackend?.close();
      await upstream.emulator?.close();
    },
  );
}

interface ShutdownDependencies {
  readonly logger: Logger;
  readonly drainer: ConnectionDrainer;
  readonly readiness: Readiness;
  /** Whole shutdown budget, from the signal to cutting open connections. */
  readonly timeoutMs: number;
  /** SIGTERM only: how long to keep serving with /ready at 503 before closing the listener (< timeoutMs). */
  readonly delayMs: number;
  /** Ends the operations that would otherwise hold the drain to its deadline (subscriptions), once it starts. */
  readonly endLongLivedOperations: () => Promise<void>;
}

/**
 * SIGTERM: report unready at once but keep serving for `delayMs`, so load balancers (Kubernetes endpoints) see
 * the 503 and stop routing here while requests still find an open listener; then stop accepting connections,
 * end job subscriptions and waits, let in-flight operations finish within what is left of `timeoutMs`, release
 * the upstream (and the sandbox emulator) and exit 0. SIGINT (an interactive stop, no load balancer) skips the
 * delay. A second signal exits at once.
 */
function installShutdownHandlers(
  dependencies: ShutdownDependencies,
  releaseResources: () => Promise<void>,
): void {
  const { logger, drainer, readiness, timeoutMs } = dependencies;
  let shuttingDown = false;
  const shutDown = async (signal: NodeJS.Signals): Promise<void> => {
    readiness.markShuttingDown();
    const delayMs = signal === 'SIGTERM' ? dependencies.delayMs : 0;
    if (delayMs > 0) {
      logger.info(
        { signal, inFlight: drainer.inFlightCount, delayMs, timeoutMs },
        `${signal} received; /ready now answers 503, still serving for ${delayMs} ms before closing the listener`,
      );
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
    logger.info(
      { signal, inFlight: drainer.inFlightCount, timeoutMs: timeoutMs - delayMs },
      `${delayMs > 0 ? 'shutdown delay over' : `${signal} received`}; no longer accepting requests, finishing in-flight ones`,
    );
    const draining = drainer.drain(timeoutMs - delayMs);
    await dependencies.endLongLivedOperations();
    const outcome = await draining;
    if (outcome === 'deadline')
      logger.warn({ timeoutMs }, 'shutdown deadline reached; open connections were cut');
    // Cleanup must not keep a stopping process alive indefinitely.
    setTimeout(() => {
      logger.error('shutdown cleanup did not finish in time; exiting');
      process.exit(1);
    }, CLEANUP_BACKSTOP_MS).unref();
    await releaseResources();
    logger.info('ssl-graph stopped');
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (shuttingDown) {
        logger.warn({ signal }, `${signal} received again; exiting without waiting for in-flight requests`);
        process.exit(1);
      }
      shuttingDown = true;
      shutDown(signal).then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error(error, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error: unknown) => {
  console.error('ssl-graph failed to start:', error);
  process.exit(1);
});
