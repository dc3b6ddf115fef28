import { describe, expect, it } from 'vitest';
import { issueLeafCertificate } from '../../src/emulator/pki/ca.ts';
import { createLogger } from '../../src/observability/logger.ts';
import { SecretScrubber } from '../../src/observability/scrub.ts';
import { MemoryLog } from './observed-stack.ts';

const DAY = 86_400_000;
const privateKeyPem = issueLeafCertificate({
  domain: 'scrub.example.com',
  subjectAltNames: [],
  notBefore: Date.now() - DAY,
  notAfter: Date.now() + DAY,
}).privateKeyPem!;
const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGljZSIsInNjb3BlIjoic3NsOnJlYWQifQ.c2lnbmF0dXJlLW5vdC1yZWFs';
const TC3 =
  'TC3-HMAC-SHA256 Credential=AKIDexample/2026-01-01/ssl/tc3_request, SignedHeaders=content-type;host, Signature=0123abcd';

describe('SecretScrubber', () => {
  const scrubber = new SecretScrubber(['KnownSecretValue123', undefined, 'short']);

  it('removes PEM private keys, whole or cut off, and keeps the text around them', () => {
    const text = `before ${privateKeyPem} after`;
    const scrubbed = scrubber.scrubText(text);
    expect(privateKeyPem).toContain('PRIVATE KEY-----');
    expect(scrubbed).not.toContain('PRIVATE KEY');
    expect(scrubbed).toMatch(/^before \[redacted\] private key\s*after$/);
    const body = privateKeyPem.split('\n')[1]!;
    expect(scrubber.scrubText(privateKeyPem.slice(0, 120))).not.toContain(body.slice(0, 20));
    // Escaped newlines, as inside a JSON string quoted in an error message.
    expect(scrubber.scrubText(JSON.stringify({ key: privateKeyPem }))).not.toContain(body.slice(0, 20));
  });

  it('removes bearer tokens, JWTs anywhere, TC3 signatures and configured secrets', () => {
    const scrubbed = scrubber.scrubText(
      `authorization: Bearer ${JWT}; token ${JWT}; ${TC3}; key KnownSecretValue123 and short`,
    );
    expect(scrubbed).not.toContain(JWT.slice(0, 30));
    expect(scrubbed).not.toContain('Signature=0123abcd');
    expect(scrubbed).not.toContain('AKIDexample');
    expect(scrubbed).not.toContain('KnownSecretValue123');
    // Values too short to be recognised safely are left alone.
    expect(scrubbed).toContain('and short');
  });

  it('scrubs nested values and errors without following cycles', () => {
    const error = new Error(`upload failed for ${privateKeyPem}`);
    const nested: Record<string, unknown> = { list: [{ header: `Bearer ${JWT}` }], error };
    nested.self = nested;
    const scrubbed = JSON.stringify(scrubber.scrubValue(nested));
    expect(scrubbed).not.toContain('PRIVATE KEY');
    expect(scrubbed).not.toContain(JWT.slice(0, 30));
    expect(scrubbed).toContain('[circular]');
    expect(scrubbed).toContain('upload failed for');
  });
});

describe('createLogger', () => {
  it('writes JSON lines with redacted credential paths and scrubbed messages and errors', () => {
    const log = new MemoryLog();
    const logger = createLogger({
      level: 'debug',
      destination: log,
      knownSecrets: ['ConfiguredSecretKey42'],
    });
    logger.info(
      {
        headers: { authorization: `Bearer ${JWT}`, 'x-tc-token': 'session-token-value' },
        secretKey: 'plain-secret-key-value',
        variables: { input: { privateKeyPem } },
      },
      'request with ConfiguredSecretKey42',
    );
    logger.error(new Error(`failed: ${TC3}`));
    logger.debug('%s', `interpolated ${privateKeyPem}`);
    const text = log.lines.join('\n');
    expect(log.lines).toHaveLength(3);
    for (const line of log.lines) expect(() => JSON.parse(line)).not.toThrow();
    for (const secret of [JWT.slice(0, 30), 'session-token-value', 'plain-secret-key-value', 'PRIVATE KEY']) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain('ConfiguredSecretKey42');
    expect(text).not.toContain('Signature=0123abcd');
    const [first, second] = log.records();
    expect(first).toMatchObject({ level: 30, secretKey: '[redacted]', variables: '[redacted]' });
    expect(second).toMatchObject({
      level: 50,
      error: { type: 'Error', message: 'failed: TC3-HMAC-SHA256 [redacted]' },
    });
  });

  it('respects the level', () => {
    const log = new MemoryLog();
    const logger = createLogger({ level: 'warn', destination: log });
    logger.info('hidden');
    logger.warn('shown');
    expect(log.records().map((record) => record.msg)).toEqual(['shown']);
  });
});
