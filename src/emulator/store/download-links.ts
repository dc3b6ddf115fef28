import { randomBytes } from 'node:crypto';

/** How long a link from DescribeDownloadCertificateUrl stays valid, like the vendor's signed links. */
export const DOWNLOAD_LINK_TTL_MS = 60 * 60 * 1000;

export interface DownloadLink {
  readonly token: string;
  readonly certificateId: string;
  readonly serviceType: string;
  readonly filename: string;
  readonly expiresAt: number;
}

/**
 * The download links handed out by DescribeDownloadCertificateUrl. A link names an unguessable token, not the
 * certificate, because the archive holds the private key: knowing a certificate ID must not be enough.
 */
export class DownloadLinkStore {
  readonly #links = new Map<string, DownloadLink>();

  create(link: Omit<DownloadLink, 'token' | 'expiresAt'>, now: number): DownloadLink {
    this.#dropExpired(now);
    const created = {
      ...link,
      token: randomBytes(24).toString('base64url'),
      expiresAt: now + DOWNLOAD_LINK_TTL_MS,
    };
    this.#links.set(created.token, created);
    return created;
  }

  /** The link for `token`, or undefined when it never existed or has expired. */
  find(token: string, now: number): DownloadLink | undefined {
    const link = this.#links.get(token);
    if (link === undefined || link.expiresAt <= now) return undefined;
    return link;
  }

  #dropExpired(now: number): void {
    for (const [token, link] of this.#links) if (link.expiresAt <= now) this.#links.delete(token);
  }
}
