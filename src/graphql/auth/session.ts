/** The scopes a caller's token may carry (the standard space-separated `scope` claim). */
export const SSL_SCOPES = ['ssl:read', 'ssl:write', 'ssl:secrets'] as const;
export type SslScope = (typeof SSL_SCOPES)[number];

/** Who is calling and what they may do, decided once per request before any resolver runs. */
export interface AuthSession {
  /** The token's subject, or null when authentication is disabled. */
  readonly subject: string | null;
  readonly scopes: ReadonlySet<SslScope>;
}

/** Authentication switched off (sandbox mode, or AUTH_DISABLED=true on purpose): every scope is granted. */
export const UNAUTHENTICATED_FULL_ACCESS: AuthSession = Object.freeze({
  subject: null,
  scopes: new Set<SslScope>(SSL_SCOPES),
});

/** Resolves the session of one HTTP request; throws a GraphQL error (401) for a missing or bad token. */
export type Authenticator = (request: Request) => Promise<AuthSession>;
