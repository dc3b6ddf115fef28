/**
 * The gateway process: reads the configuration, connects the upstream (Tencent Cloud, or the built-in emulator
 * when no credentials are configured), serves GraphQL over node:http and shuts down cleanly on SIGTERM/SIGINT.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError, type GatewayConfig, loadConfig } from './config.ts';
import { type RunningEmulator, startEmulator } from './emulator/index.ts';
import { createGateway, GRAPHQL_ENDPOINT, HEALTH_CHECK_ENDPOINT } from './graphql/yoga.ts';
import { SslClient } from './ssl/client.ts';
import { StaticCredentialsProvider } from './ssl/credentials.ts';

/** In-flight requests get this long to finish after a shutdown signal before their sockets are cut. */
const SHUTDOWN_GRACE_MS = 10_000;

interface Upstream {
  readonly client: SslClient;
  /** Present in sandbox mode only. */
  readonly emulator: RunningEmulator | undefined;
  readonly endpoint: string;
}

async function connectUpstream(config: GatewayConfig): Promise<Upstream> {
  const shared = { region: config.region, language: config.language };
  if (config.upstream.mode === 'tencent-cloud') {
    const client = new SslClient({
      ...shared,
      endpoint: config.upstream.endpoint,
      credentials: new StaticCredentialsProvider(config.upstream.credentials),
    });
    return { client, emulator: undefined, endpoint: config.upstream.endpoint };
  }
  // The emulator only ever listens on loopback: it is an implementation detail of this process.
  const emulator = await startEmulator({ port: 0, host: '127.0.0.1', seed: true, enforceRateLimits: true });
  // The real client, signing with the emulator's sandbox key pair: the sandbox exercises the production path.
  const client = new SslClient({
    ...shared,
    endpoint: emulator.url,
    credentials: new StaticCredentialsProvider({
      secretId: emulator.secretId,
      secretKey: emulator.secretKey,
    }),
  });
  return { client, emulator, endpoint: emulator.url };
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

function banner(origin: string, upstream: Upstream): string {
  const endpoints = [
    `  GraphiQL:  ${origin}${GRAPHQL_ENDPOINT}`,
    `  Health:    ${origin}${HEALTH_CHECK_ENDPOINT}`,
  ];
  if (upstream.emulator !== undefined) {
    return [
      'ssl-graph is running in SANDBOX mode.',
      'No TENCENTCLOUD_SECRET_ID is set, so it serves a built-in emulator of the Tencent Cloud SSL API with demo',
      'data. Nothing real is read or changed; the emulator forgets everything when the process stops.',
      ...endpoints,
      `  Emulator:  ${upstream.endpoint} (signed with the sandbox key pair)`,
      'To use a Tencent Cloud account, set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY (optionally',
      'TENCENTCLOUD_SESSION_TOKEN, SSL_API_ENDPOINT, SSL_API_REGION, SSL_API_LANGUAGE) and restart.',
    ].join('\n');
  }
  return [`ssl-graph is serving the Tencent Cloud SSL API at ${upstream.endpoint}.`, ...endpoints].join('\n');
}

async function main(): Promise<void> {
  let config: GatewayConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`ssl-graph: invalid configuration: ${error.message}`);
    process.exit(1);
  }

  const upstream = await connectUpstream(config);
  const gateway = createGateway({ ssl: upstream.client });
  const server = createServer(gateway);
  const address = await listen(server, config.port, config.host);
  console.log(banner(browsableOrigin(address), upstream));

  let shuttingDown = false;
  const shutDown = async (signal: NodeJS.Signals): Promise<void> => {
    if (shuttingDown) {
      console.error(`${signal} received again; exiting without waiting for in-flight requests`);
      process.exit(1);
    }
    shuttingDown = true;
    console.log(`${signal} received; no longer accepting requests, finishing in-flight ones`);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const grace = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    await closed;
    clearTimeout(grace);
    await gateway.dispose();
    await upstream.client.close();
    await upstream.emulator?.close();
    console.log('ssl-graph stopped');
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      shutDown(signal).then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('ssl-graph: shutdown failed:', error);
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
