import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';
import type { SslScope } from '../../../src/graphql/auth/session.ts';
import type { FuzzRequest } from './fuzz-requests.ts';
import { type ResilienceStack, startResilienceStack } from './resilience-stack.ts';

/** What must never reach a response, gathered from the running stack. */
export interface StackSecrets {
  /** Exact strings: the upstream secret key and session token. */
  readonly literals: readonly string[];
  /** A distinctive slice of every private key the emulator holds (the PEM body, past its header). */
  readonly privateKeySlices: readonly string[];
}

export interface FuzzExchange {
  readonly request: FuzzRequest;
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** The gateway listening on loopback (a real socket, as clients see it) over the seeded emulator. */
export interface FuzzTarget {
  readonly stack: ResilienceStack;
  readonly url: string;
  secrets(): StackSecrets;
  send(fuzzRequest: FuzzRequest): Promise<FuzzExchange>;
  close(): Promise<void>;
}

const SESSION_TOKEN = 'fuzzSessionTokenNeverShownToClients0001';
/** No `ssl:secrets`: any private key in an answer is a leak. */
const FUZZ_SCOPES: ReadonlySet<SslScope> = new Set<SslScope>(['ssl:read', 'ssl:write']);
/** Generous: the slowest legitimate documents page through many upstream calls. */
const RESPONSE_TIMEOUT_MS = 60_000;

function listen(server: Server): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function privateKeySlice(pem: string): string | undefined {
  const body = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  return body.length >= 80 ? body.slice(20, 80) : undefined;
}

export async function startFuzzTarget(): Promise<FuzzTarget> {
  const stack = await startResilienceStack({
    emulator: { sessionToken: SESSION_TOKEN },
    gateway: { authenticate: async () => ({ subject: 'fuzz', scopes: FUZZ_SCOPES }) },
  });
  const server = createServer(stack.gateway);
  const address = await listen(server);
  const url = `http://127.0.0.1:${address.port}`;
  const agent = new Agent({
    connections: 8,
    headersTimeout: RESPONSE_TIMEOUT_MS,
    bodyTimeout: RESPONSE_TIMEOUT_MS,
  });
  return {
    stack,
    url,
    secrets() {
      const keys = stack.emulator.state.certificates.all().flatMap((record) => {
        const slice = record.privateKeyPem === null ? undefined : privateKeySlice(record.privateKeyPem);
        return slice === undefined ? [] : [slice];
      });
      return { literals: [stack.emulator.secretKey, SESSION_TOKEN], privateKeySlices: keys };
    },
    async send(fuzzRequest) {
      const response = await request(`${url}${fuzzRequest.path}`, {
        method: fuzzRequest.method as 'POST',
        headers: fuzzRequest.headers,
        body: fuzzRequest.body,
        dispatcher: agent,
      });
      const body = await response.body.text();
      const contentType = response.headers['content-type'];
      return {
        request: fuzzRequest,
        status: response.statusCode,
        contentType: typeof contentType === 'string' ? contentType : '',
        body,
      };
    },
    async close() {
      await agent.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await stack.close();
    },
  };
}
