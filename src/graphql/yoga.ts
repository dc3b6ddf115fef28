import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { SslCaller } from '../ssl/actions.ts';
import { type Authenticator, UNAUTHENTICATED_FULL_ACCESS } from './auth/session.ts';
import { createContext, type GraphQLContext } from './context.ts';
import { schema } from './schema/index.ts';

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
  /** Where Yoga logs; false silences it (tests). Default: Yoga's console logger. */
  readonly logging?: boolean;
}

export const GRAPHQL_ENDPOINT = '/graphql';
export const HEALTH_CHECK_ENDPOINT = '/health';

export type Gateway = YogaServerInstance<Record<string, unknown>, GraphQLContext>;

/**
 * Builds the gateway's request handler (no listening: see src/main.ts). Error masking stays on: only errors
 * the resolvers deliberately raise as GraphQLError (bad input, upstream API errors) reach clients.
 */
export function createGateway(options: GatewayOptions): Gateway {
  const dependencies = { ssl: options.ssl, now: options.now ?? (() => new Date()) };
  const authenticate = options.authenticate ?? (async () => UNAUTHENTICATED_FULL_ACCESS);
  return createYoga<Record<string, unknown>, GraphQLContext>({
    schema,
    graphqlEndpoint: GRAPHQL_ENDPOINT,
    healthCheckEndpoint: HEALTH_CHECK_ENDPOINT,
    graphiql: options.graphiql === false ? false : { title: 'ssl-graph', defaultQuery: EXAMPLE_QUERY },
    landingPage: false,
    logging: options.logging ?? true,
    context: async ({ request }) => createContext(dependencies, request, await authenticate(request)),
  });
}

const EXAMPLE_QUERY = `# Certificates of the account, 10 at a time. Continue with after: pageInfo.endCursor.
query Certificates {
  certificates(first: 10) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        id
        domain
        status
        expiresAt
        daysUntilExpiry
      }
    }
  }
}
`;
