import { SignJWT } from 'jose';
import { createJwtAuthenticator } from '../../../src/graphql/auth/jwt.ts';
import type { Authenticator, SslScope } from '../../../src/graphql/auth/session.ts';

/** A test-only HS256 secret, long enough for the configuration rule (32 bytes). */
export const TEST_JWT_SECRET = new TextEncoder().encode('test-only-hs256-secret-0123456789abcdef');

export function testAuthenticator(): Authenticator {
  return createJwtAuthenticator({ keys: { kind: 'shared-secret', secret: TEST_JWT_SECRET } });
}

/** A valid HS256 token for TEST_JWT_SECRET carrying exactly these scopes, expiring in five minutes. */
export function tokenWithScopes(scopes: readonly SslScope[], subject = 'test-user'): Promise<string> {
  return new SignJWT({ scope: scopes.join(' ') })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(TEST_JWT_SECRET);
}
