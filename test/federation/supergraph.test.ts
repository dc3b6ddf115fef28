import { readFile } from 'node:fs/promises';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { type DocumentNode, getOperationAST, parse } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AuthSession, SSL_SCOPES } from '../../src/graphql/auth/session.ts';
import { startTestStack, type TestStack } from '../graphql/support/stack.ts';

// The gateway as one subgraph of a company supergraph: composed with a second subgraph that only knows
// certificate IDs, and queried through a real Apollo gateway over HTTP on loopback, as a router would.

/** Which scopes the router's caller holds; our subgraph takes them as its session (a stand-in for a JWT). */
const SCOPES_HEADER = 'x-test-scopes';

const SITES_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])

  type Query {
    sites: [Site!]!
  }

  type Site @key(fields: "hostname") {
    hostname: ID!
    certificate: Certificate
  }

  type Certificate @key(fields: "id", resolvable: false) {
    id: ID!
  }
`;

const SITES_AND_CERTIFICATES = `query SitesAndCertificates {
  sites { hostname certificate { id domain status expiresAt } }
}`;

interface SitesData {
  readonly sites: ReadonlyArray<{
    readonly hostname: string;
    readonly certificate: {
      readonly id: string;
      readonly domain: string;
      readonly status: string;
      readonly expiresAt: string | null;
    } | null;
  }>;
}

interface Site {
  readonly hostname: string;
  readonly certificateId: string;
}

interface Listening {
  readonly url: string;
  close(): Promise<void>;
}

async function listenOnLoopback(handler: RequestListener): Promise<Listening> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A second team's subgraph: websites, each pointing at the certificate it serves. */
function sitesSubgraph(sites: readonly Site[]) {
  const schema = buildSubgraphSchema({
    typeDefs: parse(SITES_SDL),
    resolvers: {
      Query: { sites: () => sites },
      Site: {
        __resolveReference: (reference: { hostname: string }) =>
          sites.find((site) => site.hostname === reference.hostname) ?? null,
        certificate: (site: Site) => ({ __typename: 'Certificate', id: site.certificateId }),
      },
    },
  });
  return createYoga({ schema, logging: false, graphiql: false });
}

function sessionFromHeader(request: Request): AuthSession {
  const granted = (request.headers.get(SCOPES_HEADER) ?? '').split(' ');
  return { subject: 'router', scopes: new Set(SSL_SCOPES.filter((scope) => granted.includes(scope))) };
}

type RouterRequestContext = Parameters<ApolloGateway['executor']>[0];
type RouterResult = Awaited<ReturnType<ApolloGateway['executor']>>;

const silentLogger = { debug() {}, info() {}, warn() {}, error() {} };

/** The request context Apollo Server would hand the gateway's executor for one operation. */
function routerRequest(
  document: DocumentNode,
  source: string,
  schema: RouterRequestContext['schema'],
  scopes: string,
): RouterRequestContext {
  const operation = getOperationAST(document);
  if (!operation) throw new Error('the document must hold exactly one operation');
  const cached = new Map<string, string>();
  return {
    request: { query: source },
    document,
    source,
    operation,
    operationName: operation.name?.value ?? null,
    schema,
    // The executor only uses the hash to key its query-plan cache.
    schemaHash: 'supergraph' as RouterRequestContext['schemaHash'],
    queryHash: source,
    context: { scopes },
    cache: {
      get: async (key) => cached.get(key),
      set: async (key, value) => {
        cached.set(key, value);
      },
      delete: async (key) => cached.delete(key),
    },
    logger: silentLogger,
    metrics: {},
    overallCachePolicy: undefined,
  };
}

describe('the supergraph of this subgraph and a sites subgraph', () => {
  let stack: TestStack;
  let sslSubgraph: Listening;
  let sitesServer: Listening;
  let sites: Site[];
  let supergraphSdl: string;
  let router: ApolloGateway;
  let execute: (source: string, scopes: string) => Promise<RouterResult>;

  beforeAll(async () => {
    stack = await startTestStack({
      gateway: { authenticate: async (request) => sessionFromHeader(request) },
    });
    sslSubgraph = await listenOnLoopback(stack.gateway);
    sites = stack.emulator.state.certificates
      .all()
      .filter((certificate) => certificate.status === 1)
      .slice(0, 4)
      .map((certificate, index) => ({
        hostname: `site-${index}.example.com`,
        certificateId: certificate.id,
      }));
    sites.push({ hostname: 'retired.example.com', certificateId: 'doesNotExist' });
    sitesServer = await listenOnLoopback(sitesSubgraph(sites));

    // Composition takes each subgraph's SDL as the subgraph itself serves it.
    const served = await fetch(sslSubgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SCOPES_HEADER]: 'ssl:read' },
      body: JSON.stringify({ query: '{ _service { sdl } }' }),
    });
    const { data } = (await served.json()) as { data: { _service: { sdl: string } } };
    const composition = composeServices([
      { name: 'ssl', url: sslSubgraph.url, typeDefs: parse(data._service.sdl) },
      { name: 'sites', url: sitesServer.url, typeDefs: parse(SITES_SDL) },
    ]);
    expect(composition.errors?.map((error) => error.message)).toBeUndefined();
    supergraphSdl = composition.supergraphSdl ?? '';

    router = new ApolloGateway({
      supergraphSdl,
      buildService: ({ url }) =>
        new RemoteGraphQLDataSource({
          url,
          willSendRequest({ request, context }) {
            request.http?.headers.set(
              SCOPES_HEADER,
              typeof context.scopes === 'string' ? context.scopes : '',
            );
          },
        }),
    });
    const { schema, executor } = await router.load();
    execute = (source, scopes) => executor(routerRequest(parse(source), source, schema, scopes));
  });
  afterAll(async () => {
    await router?.stop();
    await sitesServer?.close();
    await sslSubgraph?.close();
    await stack?.close();
  });
  beforeEach(() => {
    stack.emulator.stats.reset();
  });

  it('composes the committed subgraph SDL as well', async () => {
    const committed = await readFile(new URL('../../schema/subgraph.graphql', import.meta.url), 'utf8');
    const composition = composeServices([
      { name: 'ssl', url: sslSubgraph.url, typeDefs: parse(committed) },
      { name: 'sites', url: sitesServer.url, typeDefs: parse(SITES_SDL) },
    ]);
    expect(composition.errors?.map((error) => error.message)).toBeUndefined();
  });

  it('joins every site with its certificate from this subgraph, with one DescribeCertificates call', async () => {
    const result = await execute(SITES_AND_CERTIFICATES, 'ssl:read');
    expect(result.errors).toBeUndefined();
    const data = result.data as SitesData;
    expect(data.sites.map((site) => site.hostname)).toEqual(sites.map((site) => site.hostname));
    for (const [index, site] of data.sites.entries()) {
      const seeded = stack.emulator.state.certificates
        .all()
        .find((c) => c.id === sites[index]?.certificateId);
      if (seeded === undefined) {
        expect(site.certificate).toBeNull();
        continue;
      }
      expect(site.certificate).toEqual({
        id: seeded.id,
        domain: seeded.domain,
        status: 'ISSUED',
        expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
    }
    // The four issued certificates are joined, the retired site's unknown one is null.
    expect(data.sites.map((site) => site.certificate !== null)).toEqual([true, true, true, true, false]);
    // Five references, one `_entities` call, one batched upstream call.
    expect(stack.upstreamCalls('DescribeCertificates')).toBe(1);
  });

  it('refuses the certificates of a caller without ssl:read, without asking the upstream', async () => {
    const result = await execute(SITES_AND_CERTIFICATES, 'ssl:write');
    const data = result.data as SitesData;
    expect(data.sites.map((site) => site.certificate)).toEqual(sites.map(() => null));
    expect(result.errors?.map((error) => [error.path, error.extensions?.code])).toEqual(
      sites.map((_site, index) => [['sites', index, 'certificate'], 'FORBIDDEN']),
    );
    expect(stack.upstreamCalls('DescribeCertificates')).toBe(0);
  });
});
