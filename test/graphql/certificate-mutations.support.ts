import { expect } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.ts';
import { createGateway, type Gateway, type GatewayOptions } from '../../src/graphql/yoga.ts';
import type { SslActionName } from '../../src/ssl/actions.ts';
import { SslClient } from '../../src/ssl/client.ts';
import { StaticCredentialsProvider } from '../../src/ssl/credentials.ts';
import { execute } from './support/execute.ts';

/**
 * Like startTestStack, but the client signs with the emulator's clock (and ignores the wall-clock `Date` header),
 * so the clock can be stepped through validation delays without every signature becoming "expired".
 */
export interface SteppableStack {
  readonly emulator: RunningEmulator;
  readonly gateway: Gateway;
  upstreamCalls(action: SslActionName): number;
  close(): Promise<void>;
}

export async function startSteppableStack(
  gatewayOptions: Omit<GatewayOptions, 'ssl'> = {},
): Promise<SteppableStack> {
  const emulator = await startEmulator({ seed: true, enforceRateLimits: true });
  const client = new SslClient({
    endpoint: emulator.url,
    credentials: new StaticCredentialsProvider({
      secretId: emulator.secretId,
      secretKey: emulator.secretKey,
    }),
    now: () => emulator.clock.now(),
    maxClockSkewMs: Number.POSITIVE_INFINITY,
  });
  return {
    emulator,
    gateway: createGateway({
      logging: false,
      now: () => new Date(emulator.clock.now()),
      ...gatewayOptions,
      ssl: client,
    }),
    upstreamCalls(action) {
      const counts = emulator.stats.countsOf(action);
      return counts.executed + counts.failed + counts.rejected;
    },
    async close() {
      await client.close();
      await emulator.close();
    },
  };
}

export interface UserErrorView {
  readonly code: string;
  readonly message: string;
  readonly field: readonly string[] | null;
}

export interface CertificateView {
  readonly id: string;
  readonly status: string;
  readonly domain: string;
}

/** Runs `mutation { <field>(input: $input) { <selection> } }` and returns the payload; fails on GraphQL errors. */
export async function mutate<Payload>(
  gateway: Gateway,
  field: string,
  inputType: string,
  selection: string,
  input: Record<string, unknown>,
): Promise<Payload & { readonly userErrors: readonly UserErrorView[] }> {
  const document = `mutation Run($input: ${inputType}!) {
    ${field}(input: $input) { ${selection} userErrors { code message field } }
  }`;
  const result = await execute<Record<string, Payload & { userErrors: UserErrorView[] }>, unknown>(
    gateway,
    document,
    { input },
  );
  expect(result.errors).toBeUndefined();
  const payload = result.data?.[field];
  if (payload === undefined) throw new Error(`no payload for ${field}`);
  return payload;
}
