import type { SslCaller } from '../../ssl/actions.ts';
import type { OperationLog } from '../../ssl/models.generated.ts';
import { SSL_SPEC } from '../../ssl/spec.generated.ts';
import { formatBeijingTime } from '../time.ts';
import type { LoaderGroup } from './request-loaders.ts';
import { translatingUpstreamErrors } from './upstream-errors.ts';

export type OperationLogRecord = OperationLog;

/** The time window of a log listing; an open end takes the upstream's default (15 days ago / now). */
export interface OperationLogWindow {
  readonly since?: Date | null;
  readonly until?: Date | null;
}

export interface OperationLogPage {
  /** How many entries the window holds in total (the upstream's AllTotal). */
  readonly totalCount: number;
  readonly offset: number;
  readonly logs: readonly OperationLogRecord[];
}

export interface OperationLogLoaders extends LoaderGroup {
  /** A page of the account-wide log, newest first. */
  page(window: OperationLogWindow, offset: number, limit: number): Promise<OperationLogPage>;
  /**
   * Every entry of the window, newest first. The upstream cannot filter by certificate, so per-certificate logs
   * are cut from this; it is fetched once per window per request, however many certificates read it.
   */
  all(window: OperationLogWindow): Promise<readonly OperationLogRecord[]>;
}

const MAX_LOGS_PER_CALL = SSL_SPEC.actions.DescribeCertificateOperateLogs.pagination.maxLimit;
/**
 * The upstream takes whole seconds and its entries carry whole seconds: `since` rounds up to the next one, so an
 * entry of the second before it is not let in (`until` rounds down, which keeps those of its own second).
 */
function windowParams(window: OperationLogWindow): { StartTime?: string; EndTime?: string } {
  return {
    ...(window.since ? { StartTime: formatBeijingTime(nextWholeSecond(window.since)) } : {}),
    ...(window.until ? { EndTime: formatBeijingTime(window.until) } : {}),
  };
}

function nextWholeSecond(instant: Date): Date {
  return new Date(Math.ceil(instant.getTime() / 1000) * 1000);
}

function windowKey(window: OperationLogWindow): string {
  return `${window.since?.getTime() ?? ''}:${window.until?.getTime() ?? ''}`;
}

export function createOperationLogLoaders(
  ssl: SslCaller,
  signal: AbortSignal | undefined,
): OperationLogLoaders {
  const pages = new Map<string, Promise<OperationLogPage>>();
  const windows = new Map<string, Promise<readonly OperationLogRecord[]>>();

  async function fetchPage(
    window: OperationLogWindow,
    offset: number,
    limit: number,
  ): Promise<OperationLogPage> {
    // Limit 0 would mean "default" upstream: an empty page still asks for one entry to learn the total.
    const response = await translatingUpstreamErrors(() =>
      ssl.call(
        'DescribeCertificateOperateLogs',
        { ...windowParams(window), Offset: offset, Limit: Math.max(limit, 1) },
        { signal },
      ),
    );
    return { totalCount: response.AllTotal, offset, logs: response.OperateLogs.slice(0, limit) };
  }

  async function fetchAll(window: OperationLogWindow): Promise<readonly OperationLogRecord[]> {
    const logs: OperationLogRecord[] = [];
    for (;;) {
      const page = await fetchPage(window, logs.length, MAX_LOGS_PER_CALL);
      logs.push(...page.logs);
      // An empty page ends the walk even if the total grew meanwhile.
      if (page.logs.length === 0 || logs.length >= page.totalCount) return logs;
    }
  }

  function cached<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
    let promise = map.get(key);
    if (promise === undefined) {
      promise = load();
      map.set(key, promise);
    }
    return promise;
  }

  return {
    page(window, offset, limit) {
      return cached(pages, `${windowKey(window)}:${offset}:${limit}`, () => fetchPage(window, offset, limit));
    },
    all(window) {
      return cached(windows, windowKey(window), () => fetchAll(window));
    },
    clearAll() {
      pages.clear();
      windows.clear();
    },
  };
}
