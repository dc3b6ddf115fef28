import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueLeafCertificate } from '../../src/emulator/pki/ca.ts';
import { createJwtAuthenticator } from '../../src/graphql/auth/jwt.ts';
import { createGateway } from '../../src/graphql/yoga.ts';
import { createLogger } from '../../src/observability/logger.ts';
import { GatewayTelemetry } from '../../src/observability/telemetry.ts';
import type { SslCaller } from '../../src/ssl/actions.ts';
import { MemoryLog, type ObservedStack, startObservedStack } from './observed-stack.ts';

// A session like a user's, through every logging path, with known secrets: none of them may reach a log line.

const SECRET_KEY = 'LogTestSecretKey-7f3a9c1e5b2d4f6a8c0e';
const SESSION_TOKEN = 'LogTestSessionToken-1a2b3c4d5e6f7a8b9c0d1e2f';
const JWT_SECRET = new TextEncoder().encode('log-test-jwt-shared-secret-of-at-least-32-bytes');
const DAY = 86_400_000;

let stack: ObservedStack;
let token: string;
let uploadedKeys: string[];

async function signToken(scope: string): Promise<string> {
  return new SignJWT({ scope })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('log-test-user')
    .setExpirationTime('10m')
    .sign(JWT_SECRET);
}

function leaf(domain: string) {
  const now = stack.emulator.clock.now();
  const issued = issueLeafCertificate({
    domain,
    subjectAltNames: [],
    notBefore: now - DAY,
    notAfter: now + 90 * DAY,
  });
  uploadedKeys.push(issued.privateKeyPem!);
  return issued;
}

const UPLOAD = `mutation Upload($input: CertificateUploadInput!) {
  certificateUpload(input: $input) { certificate { id } userErrors { code message field } }
}`;

beforeAll(async () => {
  uploadedKeys = [];
  stack = await startObservedStack({
    emulator: { secretKey: SECRET_KEY, sessionToken: SESSION_TOKEN },
    gateway: {
      authenticate: createJwtAuthenticator({ keys: { kind: 'shared-secret', secret: JWT_SECRET } }),
    },
  });
  token = await signToken('ssl:read ssl:write ssl:secrets');
});
afterAll(async () => {
  await stack?.close();
});

function assertNoSecretLogged(lines: readonly string[]): void {
  expect(lines.length).toBeGreaterThan(0);
  const text = lines.join('\n');
  for (const secret of [SECRET_KEY, SESSION_TOKEN, token, token.split('.')[1]!, token.split('.')[2]!]) {
    expect(text).not.toContain(secret);
  }
  expect(text).not.toMatch(/PRIVATE KEY/);
  for (const key of uploadedKeys) {
    // Any line of a key's base64 body.
    for (const bodyLine of key.split('\n').filter((line) => line.length > 20 && !line.startsWith('-----'))) {
      expect(text).not.toContain(bodyLine);
    }
  }
  expect(text).not.toMatch(/TC3-HMAC-SHA256 Credential/);
}

describe('log lines never carry secrets', () => {
  it('through uploads, private key reads, upstream failures and refused tokens', async () => {
    const authorization = { authorization: `Bearer ${token}` };

    const uploaded = leaf('logs.example.com');
    const upload = await stack.graphql(UPLOAD, {
      headers: authorization,
      variables: {
        input: { certificatePem: uploaded.certificatePem, privateKeyPem: uploaded.privateKeyPem },
      },
    });
    expect(upload.errors).toBeUndefined();
    const id = (upload.data as { certificateUpload: { certificate: { id: string } } }).certificateUpload
      .certificate.id;

    // A key that does not match its certificate: the upstream refuses it (a user error).
    const mismatched = await stack.graphql(UPLOAD, {
      headers: authorization,
      variables: {
        input: {
          certificatePem: uploaded.certificatePem,
          privateKeyPem: leaf('other.example.com').privateKeyPem,
        },
      },
    });
    expect(JSON.stringify(mismatched)).toContain('FailedOperation.CertificateMismatch');

    // The upstream failing the upload outright: an API error travels through the client's logging path.
    stack.emulator.faults.inject({
      action: 'UploadCertificate',
      phase: 'before-handler',
      effect: { kind: 'error', code: 'InternalError' },
      times: 1,
    });
    const failed = leaf('failing.example.com');
    await stack.graphql(UPLOAD, {
      headers: authorization,
      variables: { input: { certificatePem: failed.certificatePem, privateKeyPem: failed.privateKeyPem } },
    });

    // Reading the private key back.
    const detail = await stack.graphql(`query Detail { certificate(id: "${id}") { id privateKeyPem } }`, {
      headers: authorization,
    });
    expect(JSON.stringify(detail)).toContain('PRIVATE KEY');

    // A forged token and a missing one are refused, and logged as refusals (UNAUTHENTICATED).
    const forged = `${token.slice(0, token.lastIndexOf('.'))}.${'A'.repeat(43)}`;
    const refused = await stack.graphql('query Refused { certificates(first: 1) { totalCount } }', {
      headers: { authorization: `Bearer ${forged}` },
    });
    expect(refused.errors).toBeDefined();
    await stack.graphql('query Anonymous { certificates(first: 1) { totalCount } }');

    const operations = stack.log.operations();
    expect(operations.map((line) => line.operationName)).toEqual([
      'Upload',
      'Upload',
      'Upload',
      'Detail',
      // Refused before their documents were read: nothing names them.
      null,
      null,
    ]);
    expect(operations.slice(-2).map((line) => line.errorCodes)).toEqual([
      ['UNAUTHENTICATED'],
      ['UNAUTHENTICATED'],
    ]);
    expect(JSON.stringify(operations)).toContain('"action":"UploadCertificate"');
    assertNoSecretLogged(stack.log.lines);
    expect(stack.log.lines.join('\n')).not.toContain(forged.split('.')[1]!);
  });

  it('when an unexpected error quotes a private key and the caller’s token', async () => {
    const log = new MemoryLog();
    // As src/main.ts does: the configured credentials are scrubbed by value too.
    const logger = createLogger({
      level: 'trace',
      destination: log,
      knownSecrets: [SECRET_KEY, SESSION_TOKEN],
    });
    const telemetry = new GatewayTelemetry({ logger });
    const key = leaf('masked.example.com').privateKeyPem!;
    const leaking: SslCaller = {
      call: async () => {
        throw new Error(
          `cannot send ${JSON.stringify({ PrivateKeyData: key })} with Bearer ${token} ${SECRET_KEY}`,
        );
      },
    };
    const gateway = createGateway({ ssl: leaking, telemetry });
    const response = await gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ certificates(first: 1) { totalCount } }' }),
    });
    expect(await response.text()).toContain('Unexpected error.');
    // The cause was logged, scrubbed, with its error id.
    expect(log.records().some((record) => String(record.msg).startsWith('masked an unexpected error'))).toBe(
      true,
    );
    expect(log.lines.join('\n')).toContain('cannot send');
    assertNoSecretLogged(log.lines);
    await gateway.dispose();
  });
});
