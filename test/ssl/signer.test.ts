import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildCanonicalRequest,
  buildStringToSign,
  canonicalizeHeaders,
  credentialScope,
  deriveSigningKeySteps,
  sha256Hex,
  Tc3Signer,
  utcDateOfTimestamp,
} from '../../src/ssl/signer.ts';

// The vendor's worked example (CATALOGUE.md §3), with the documented masked keys used literally.
const EXAMPLE = {
  secretId: `AKID${'*'.repeat(32)}`,
  secretKey: '*'.repeat(32),
  service: 'cvm',
  timestamp: 1551113065,
  payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
  headers: {
    'Content-Type': 'application/json; charset=utf-8',
    Host: 'cvm.tencentcloudapi.com',
    'X-TC-Action': 'DescribeInstances',
  },
};

describe('TC3 worked example', () => {
  it('reproduces every intermediate value and the Authorization header byte for byte', () => {
    const hashedPayload = sha256Hex(EXAMPLE.payload);
    expect(hashedPayload).toBe('35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064');

    const headers = canonicalizeHeaders(EXAMPLE.headers);
    expect(headers.canonical).toBe(
      'content-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\nx-tc-action:describeinstances\n',
    );
    expect(headers.signedHeaders).toBe('content-type;host;x-tc-action');

    const canonicalRequest = buildCanonicalRequest('POST', '', headers, hashedPayload);
    expect(canonicalRequest).toBe(
      [
        'POST',
        '/',
        '',
        'content-type:application/json; charset=utf-8',
        'host:cvm.tencentcloudapi.com',
        'x-tc-action:describeinstances',
        '',
        'content-type;host;x-tc-action',
        '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
      ].join('\n'),
    );
    const hashedCanonicalRequest = sha256Hex(canonicalRequest);
    expect(hashedCanonicalRequest).toBe('7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84');

    const date = utcDateOfTimestamp(EXAMPLE.timestamp);
    expect(date).toBe('2019-02-25');
    const scope = credentialScope(date, EXAMPLE.service);
    expect(scope).toBe('2019-02-25/cvm/tc3_request');
    expect(buildStringToSign(EXAMPLE.timestamp, scope, hashedCanonicalRequest)).toBe(
      'TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84',
    );

    const steps = deriveSigningKeySteps(EXAMPLE.secretKey, date, EXAMPLE.service);
    expect(steps.secretDate.toString('hex')).toBe(
      'da98fb70dcf6b112dc21038d1eeeb3a95c74b4dcb12c1131f864f6066bd02be0',
    );
    expect(steps.secretService.toString('hex')).toBe(
      '8d70cbefb03939f929db64d32dc2ba89b1095620119fe3e050e2b18c5bd2752f',
    );
    expect(steps.secretSigning.toString('hex')).toBe(
      'b596b923aad85185e2d1f6659d2a062e0a86731226e021e61bfe06f7ed05f5af',
    );

    const authorization = new Tc3Signer().sign(EXAMPLE);
    expect(authorization).toBe(
      `TC3-HMAC-SHA256 Credential=AKID${'*'.repeat(32)}/2019-02-25/cvm/tc3_request, ` +
        'SignedHeaders=content-type;host;x-tc-action, ' +
        'Signature=10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f',
    );
  });

  it('gives the same signature from the cached signing key on a second request', () => {
    const signer = new Tc3Signer();
    const first = signer.sign(EXAMPLE);
    expect(signer.sign(EXAMPLE)).toBe(first);
    expect(signer.cachedKeyCount).toBe(1);
  });
});

const DAY = 86_400;
// 2000-01-01 .. 2099-12-31, in days since the epoch.
const dayArbitrary = fc.integer({ min: 10_957, max: 47_481 });

function independentUtcDate(timestamp: number): string {
  const date = new Date(timestamp * 1000);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function scopeDateOf(authorization: string): string | undefined {
  return /Credential=[^/]+\/(\d{4}-\d{2}-\d{2})\//.exec(authorization)?.[1];
}

describe('credential-scope date', () => {
  const signer = new Tc3Signer();
  const signAt = (timestamp: number): string =>
    signer.sign({
      secretId: 'AKIDtest',
      secretKey: 'secret',
      service: 'ssl',
      timestamp,
      payload: '{}',
      headers: { 'content-type': 'application/json', host: 'ssl.tencentcloudapi.com' },
    });

  it('is the UTC date of the timestamp around UTC midnight', () => {
    fc.assert(
      fc.property(dayArbitrary, fc.integer({ min: -120, max: 120 }), (day, delta) => {
        const timestamp = day * DAY + delta;
        expect(scopeDateOf(signAt(timestamp))).toBe(independentUtcDate(timestamp));
        expect(utcDateOfTimestamp(timestamp)).toBe(independentUtcDate(timestamp));
      }),
    );
  });

  it('is not the UTC+8 date between 16:00 and 24:00 UTC (the GMT+8 trap)', () => {
    fc.assert(
      fc.property(dayArbitrary, fc.integer({ min: -120, max: 120 }), (day, delta) => {
        // UTC+8 midnight is 16:00 UTC.
        const timestamp = day * DAY + 16 * 3600 + delta;
        const utcDate = independentUtcDate(timestamp);
        const beijingDate = independentUtcDate(timestamp + 8 * 3600);
        expect(scopeDateOf(signAt(timestamp))).toBe(utcDate);
        if (delta >= 0) expect(utcDate).not.toBe(beijingDate);
      }),
    );
  });
});

describe('payload hashing', () => {
  it('hashes a string payload as its UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const utf8 = Buffer.from(text, 'utf8');
        expect(sha256Hex(text)).toBe(sha256Hex(utf8));
        const signer = new Tc3Signer();
        const base = {
          secretId: 'AKIDtest',
          secretKey: 'secret',
          service: 'ssl',
          timestamp: 1_700_000_000,
          headers: { 'content-type': 'application/json', host: 'ssl.tencentcloudapi.com' },
        };
        expect(signer.sign({ ...base, payload: text })).toBe(signer.sign({ ...base, payload: utf8 }));
        if (Buffer.byteLength(text) !== text.length) {
          expect(sha256Hex(text)).not.toBe(sha256Hex(Buffer.from(text, 'latin1')));
        }
      }),
    );
  });
});

const headerName = fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/);
const headerValue = fc.stringMatching(/^[\x21-\x7e]([\x20-\x7e]{0,20}[\x21-\x7e])?$/);
const padding = fc.constantFrom('', ' ', '  ', '\t');

describe('header canonicalisation', () => {
  it('lower-cases names and values, trims values and sorts by name', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(headerName, headerValue, padding, padding, fc.boolean()), {
          minLength: 1,
          maxLength: 8,
          selector: ([name]) => name,
        }),
        (entries) => {
          const sent: Record<string, string> = {};
          for (const [name, value, before, after, upper] of entries) {
            sent[upper ? name.toUpperCase() : name] = `${before}${value}${after}`;
          }
          const { canonical, signedHeaders } = canonicalizeHeaders(sent);
          const expected = entries
            .map(([name, value]) => [name, value.toLowerCase()] as const)
            .sort(([a], [b]) => (a < b ? -1 : 1));
          expect(canonical).toBe(expected.map(([name, value]) => `${name}:${value}\n`).join(''));
          expect(signedHeaders).toBe(expected.map(([name]) => name).join(';'));
        },
      ),
    );
  });

  it('signs the Host exactly as given, port included', () => {
    const { canonical } = canonicalizeHeaders({ 'Content-Type': 'application/json', Host: '127.0.0.1:4100' });
    expect(canonical).toBe('content-type:application/json\nhost:127.0.0.1:4100\n');
    const signer = new Tc3Signer();
    const base = {
      secretId: 'AKIDtest',
      secretKey: 'secret',
      service: 'ssl',
      timestamp: 1_700_000_000,
      payload: '{}',
    };
    expect(
      signer.sign({ ...base, headers: { 'content-type': 'application/json', host: '127.0.0.1:4100' } }),
    ).not.toBe(signer.sign({ ...base, headers: { 'content-type': 'application/json', host: '127.0.0.1' } }));
  });
});

describe('signing-key cache', () => {
  it('is bounded and never exposes the secret key', () => {
    const signer = new Tc3Signer({ maxCachedKeys: 4 });
    const secretKey = 'super-secret-signing-key-material';
    for (let index = 0; index < 10; index += 1) {
      signer.sign({
        secretId: 'AKIDtest',
        secretKey: `${secretKey}-${index}`,
        service: 'ssl',
        timestamp: 1_700_000_000 + index * DAY,
        payload: '{}',
        headers: { 'content-type': 'application/json', host: 'ssl.tencentcloudapi.com' },
      });
    }
    expect(signer.cachedKeyCount).toBe(4);
    const rendered = `${JSON.stringify(signer)} ${inspect(signer, { showHidden: true, depth: 5 })} ${Object.keys(signer)}`;
    expect(rendered).not.toContain(secretKey);
  });

  it('keys the cache by date, so a new UTC day derives a new key', () => {
    const signer = new Tc3Signer();
    const request = {
      secretId: 'AKIDtest',
      secretKey: 'secret',
      service: 'ssl',
      payload: '{}',
      headers: { 'content-type': 'application/json', host: 'ssl.tencentcloudapi.com' },
    };
    const beforeMidnight = signer.sign({ ...request, timestamp: 19_000 * DAY - 1 });
    const afterMidnight = signer.sign({ ...request, timestamp: 19_000 * DAY });
    expect(scopeDateOf(beforeMidnight)).not.toBe(scopeDateOf(afterMidnight));
    expect(signer.cachedKeyCount).toBe(2);
  });
});
