import { createGraphQLError } from 'graphql-yoga';

/**
 * Offset pagination behind opaque Relay cursors. The upstream pages with Offset/Limit, so a cursor is the offset
 * of its item, encoded so that clients treat it as a token rather than do arithmetic on it. A cursor is only a
 * position: one taken from another connection (or another filter) names the same position in this one, and when
 * items are added or removed before it between two pages the next page repeats or skips items undetected (the
 * schema's cursor and CertificateConnection descriptions, and the README, say so).
 */

const CURSOR_PREFIX = 'offset:';

/** The most items one page may hold, whatever `first` asks for. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export function offsetToCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`, 'utf8').toString('base64url');
}

export function cursorToOffset(cursor: string): number {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const digits = decoded.startsWith(CURSOR_PREFIX) ? decoded.slice(CURSOR_PREFIX.length) : '';
  // Re-encoding guards against the lenient base64 decoder accepting near-miss strings.
  if (!/^(0|[1-9]\d{0,8})$/.test(digits) || offsetToCursor(Number(digits)) !== cursor) {
    throw createGraphQLError('The cursor is not one this gateway issued.', {
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'after' },
    });
  }
  return Number(digits);
}

export interface OffsetWindow {
  readonly offset: number;
  readonly limit: number;
}

/** The window `first`/`after` select: starts right after the `after` item, `first` capped at MAX_PAGE_SIZE. */
export function forwardWindow(args: { first?: number | null; after?: string | null }): OffsetWindow {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (first < 0) {
    throw createGraphQLError('`first` must not be negative.', {
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'first' },
    });
  }
  const offset = args.after === null || args.after === undefined ? 0 : cursorToOffset(args.after) + 1;
  return { offset, limit: Math.min(first, MAX_PAGE_SIZE) };
}

/** A page of items fetched at an offset, with the upstream's total. */
export interface OffsetPage<T> {
  readonly totalCount: number;
  readonly offset: number;
  readonly items: readonly T[];
}

/** The shape of every offset-backed Relay connection in the schema. */
export interface OffsetConnectionShape<T> {
  readonly totalCount: number;
  readonly pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  readonly edges: { readonly cursor: string; readonly node: T }[];
}

/** An edge's cursor is encoded only if a client selects it: list pages usually ask for `pageInfo` alone. */
class OffsetEdge<T> {
  constructor(
    private readonly offset: number,
    readonly node: T,
  ) {}

  get cursor(): string {
    return offsetToCursor(this.offset);
  }
}

/** Turns an upstream page into a Relay connection whose cursors are the items' offsets. */
export function toOffsetConnection<T>(page: OffsetPage<T>): OffsetConnectionShape<T> {
  const count = page.items.length;
  return {
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.offset + count < page.totalCount,
      hasPreviousPage: page.offset > 0,
      startCursor: count > 0 ? offsetToCursor(page.offset) : null,
      endCursor: count > 0 ? offsetToCursor(page.offset + count - 1) : null,
    },
    edges: page.items.map((node, index) => new OffsetEdge(page.offset + index, node)),
  };
}
