import { inspect } from 'node:util';

/**
 * Tencent Cloud API credentials. The secret key and session token are kept in private fields and exposed only
 * through prototype getters, so they are left out of JSON, `util.inspect`, object spread and `Object.keys`.
 */
export class SslCredentials implements SslCredentialValues {
  readonly secretId: string;
  readonly #secretKey: string;
  readonly #sessionToken: string | undefined;

  constructor(init: { secretId: string; secretKey: string; sessionToken?: string | undefined }) {
    if (init.secretId.trim() === '' || init.secretKey.trim() === '') {
      throw new TypeError('SslCredentials needs a non-empty secretId and secretKey');
    }
    this.secretId = init.secretId;
    this.#secretKey = init.secretKey;
    this.#sessionToken = init.sessionToken === '' ? undefined : init.sessionToken;
  }

  get secretKey(): string {
    return this.#secretKey;
  }

  /** STS temporary-credential token, sent as X-TC-Token. */
  get sessionToken(): string | undefined {
    return this.#sessionToken;
  }

  toJSON(): { secretId: string; secretKey: '[redacted]'; sessionToken?: '[redacted]' } {
    return this.#sessionToken === undefined
      ? { secretId: this.secretId, secretKey: '[redacted]' }
      : { secretId: this.secretId, secretKey: '[redacted]', sessionToken: '[redacted]' };
  }

  toString(): string {
    return `SslCredentials(${this.secretId})`;
  }

  [inspect.custom](): string {
    const token = this.#sessionToken === undefined ? '' : ', sessionToken: [redacted]';
    return `SslCredentials { secretId: '${this.secretId}', secretKey: [redacted]${token} }`;
  }
}

/** What a provider hands out; `SslCredentials` is the implementation that keeps the secrets out of logs. */
export interface SslCredentialValues {
  readonly secretId: string;
  readonly secretKey: string;
  readonly sessionToken?: string | undefined;
}

export interface CredentialsProvider {
  getCredentials(): Promise<SslCredentialValues>;
}

export class StaticCredentialsProvider implements CredentialsProvider {
  readonly #credentials: SslCredentials;

  constructor(credentials: SslCredentialValues) {
    this.#credentials = credentials instanceof SslCredentials ? credentials : new SslCredentials(credentials);
  }

  getCredentials(): Promise<SslCredentials> {
    return Promise.resolve(this.#credentials);
  }
}

/**
 * Reads TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY and TENCENTCLOUD_SESSION_TOKEN on each call, so rotated
 * values are picked up without a restart; the object is rebuilt only when a value changes.
 */
export class EnvironmentCredentialsProvider implements CredentialsProvider {
  readonly #env: NodeJS.ProcessEnv;
  #last: { readonly fingerprint: string; readonly credentials: SslCredentials } | undefined;

  constructor(env: NodeJS.ProcessEnv = process.env) {
    this.#env = env;
  }

  getCredentials(): Promise<SslCredentials> {
    const secretId = this.#env.TENCENTCLOUD_SECRET_ID ?? '';
    const secretKey = this.#env.TENCENTCLOUD_SECRET_KEY ?? '';
    const sessionToken = this.#env.TENCENTCLOUD_SESSION_TOKEN;
    if (secretId.trim() === '' || secretKey.trim() === '') {
      return Promise.reject(
        new Error('TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY must both be set in the environment'),
      );
    }
    const fingerprint = `${secretId}\n${secretKey}\n${sessionToken ?? ''}`;
    if (this.#last?.fingerprint !== fingerprint) {
      this.#last = { fingerprint, credentials: new SslCredentials({ secretId, secretKey, sessionToken }) };
    }
    return Promise.resolve(this.#last.credentials);
  }

  toJSON(): { provider: 'environment' } {
    return { provider: 'environment' };
  }

  [inspect.custom](): string {
    return 'EnvironmentCredentialsProvider {}';
  }
}
