import { describe, expect, it } from 'vitest';
import {
  CertificateSource,
  CertificateStatus,
  CertificateType,
} from '../../src/graphql/schema/certificate-enums.ts';
import { UnknownUpstreamValueError } from '../../src/graphql/upstream-codes.ts';

describe('upstream enums', () => {
  it('take every code they declare as itself', () => {
    for (const { value } of Object.values(CertificateStatus.values)) {
      expect(CertificateStatus.codeOrError(value)).toBe(value);
    }
    for (const { value } of Object.values(CertificateType.values)) {
      expect(CertificateType.fromUpstream(value)).toBe(value);
    }
  });

  it('match string codes case-insensitively only where told to, answering the declared spelling', () => {
    expect(CertificateSource.codeOrError('TrustAsia')).toBe('trustasia');
    expect(CertificateSource.codeOrError('UPLOAD')).toBe('upload');
    expect(CertificateType.codeOrError('svr')).toBeInstanceOf(UnknownUpstreamValueError);
  });

  it('name a code the schema does not know instead of guessing', () => {
    const unknown = CertificateStatus.codeOrError(99);
    expect(unknown).toBeInstanceOf(UnknownUpstreamValueError);
    expect(String((unknown as Error).message)).toContain('certificate Status 99');
    for (const odd of ['1', null, undefined, Number.NaN, {}]) {
      expect(CertificateStatus.codeOrError(odd)).toBeInstanceOf(UnknownUpstreamValueError);
    }
    expect(() => CertificateSource.fromUpstream('letsencrypt')).toThrow(UnknownUpstreamValueError);
  });
});
