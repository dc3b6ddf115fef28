import DataLoader from 'dataloader';
import type { SslCaller } from '../../ssl/actions.ts';
import { SslApiError } from '../../ssl/errors.ts';
import type {
  DescribeCertificateBindResourceTaskDetailResponse,
  SyncTaskBindResourceResult,
} from '../../ssl/models.generated.ts';
import { cachedIn } from './record-blocks.ts';
import type { LoaderGroup } from './request-loaders.ts';
import { translatingUpstreamErrors } from './upstream-errors.ts';

/** DescribeCertificateBindResourceTaskResult accepts at most 100 TaskIds per call (CATALOGUE §1.3). */
export const MAX_BIND_TASK_IDS_PER_CALL = 100;
/** DescribeCertificateBindResourceTaskDetail pages each resource type and region with one Limit of at most 100. */
export const MAX_BIND_TASK_DETAIL_LIMIT = 100;

/** The results of several bind-resource tasks in one call; tasks the upstream does not know map to null. */
export async function fetchBindResourceTaskResults(
  ssl: SslCaller,
  taskIds: readonly string[],
  signal: AbortSignal | undefined,
): Promise<(SyncTaskBindResourceResult | null)[]> {
  try {
    const response = await ssl.call(
      'DescribeCertificateBindResourceTaskResult',
      { TaskIds: [...new Set(taskIds)] },
      { signal },
    );
    const byId = new Map(response.SyncTaskBindResourceResult.map((result) => [result.TaskId, result]));
    return taskIds.map((id) => byId.get(id) ?? null);
  } catch (error) {
    if (error instanceof SslApiError && (error.category === 'not-found' || error.category === 'input')) {
      // One unknown ID fails the whole batch upstream; ask for each alone so the others still resolve.
      if (taskIds.length > 1) {
        return Promise.all(
          taskIds.map(async (id) => (await fetchBindResourceTaskResults(ssl, [id], signal))[0] ?? null),
        );
      }
      return taskIds.map(() => null);
    }
    throw error;
  }
}

export interface BindResourceDetailQuery {
  readonly taskId: string;
  readonly resourceType: string;
  readonly region: string | null;
  readonly offset: number;
  readonly limit: number;
}

export interface BindResourceTaskLoaders extends LoaderGroup {
  /** A task's result (status, per-type and per-region totals), batched: one call for up to 100 tasks. */
  readonly results: DataLoader<string, SyncTaskBindResourceResult | null>;
  /** One page of a task's bound instances of one resource type (and region). */
  detail(query: BindResourceDetailQuery): Promise<DescribeCertificateBindResourceTaskDetailResponse>;
}

export function createBindResourceTaskLoaders(
  ssl: SslCaller,
  signal: AbortSignal | undefined,
): BindResourceTaskLoaders {
  const results = new DataLoader<string, SyncTaskBindResourceResult | null>(
    (taskIds) => translatingUpstreamErrors(() => fetchBindResourceTaskResults(ssl, taskIds, signal)),
    { maxBatchSize: MAX_BIND_TASK_IDS_PER_CALL },
  );
  const details = new Map<string, Promise<DescribeCertificateBindResourceTaskDetailResponse>>();
  return {
    results,
    detail: (query) =>
      cachedIn(details, JSON.stringify(query), () =>
        translatingUpstreamErrors(() =>
          ssl.call(
            'DescribeCertificateBindResourceTaskDetail',
            {
              TaskId: query.taskId,
              // Limit and Offset are String-typed in this action (CATALOGUE §10); Limit 0 would mean "default".
              Limit: String(Math.max(1, Math.min(query.limit, MAX_BIND_TASK_DETAIL_LIMIT))),
              Offset: String(query.offset),
              ResourceTypes: [query.resourceType],
              ...(query.region === null ? {} : { Regions: [query.region] }),
            },
            { signal },
          ),
        ),
      ),
    clearAll() {
      results.clearAll();
      details.clear();
    },
  };
}
