import DataLoader from 'dataloader';
import type { SslCaller } from '../../ssl/actions.ts';
import { SslApiError } from '../../ssl/errors.ts';
import type { DeleteTaskResult } from '../../ssl/models.generated.ts';
import type { LoaderGroup } from './request-loaders.ts';
import { translatingUpstreamErrors } from './upstream-errors.ts';

/** DescribeDeleteCertificatesTaskResult accepts at most 100 TaskIds per call (CATALOGUE §1.3). */
export const MAX_DELETE_TASK_IDS_PER_CALL = 100;

/** The results of several delete tasks in one call; tasks the upstream does not report map to null. */
export async function fetchDeleteTaskResults(
  ssl: SslCaller,
  taskIds: readonly string[],
  signal: AbortSignal | undefined,
): Promise<(DeleteTaskResult | null)[]> {
  try {
    const response = await ssl.call(
      'DescribeDeleteCertificatesTaskResult',
      { TaskIds: [...new Set(taskIds)] },
      { signal },
    );
    const byId = new Map(response.DeleteTaskResult.map((result) => [result.TaskId, result]));
    return taskIds.map((id) => byId.get(id) ?? null);
  } catch (error) {
    if (error instanceof SslApiError && (error.category === 'not-found' || error.category === 'input')) {
      // One unknown ID may fail the whole batch; ask for each alone so the others still resolve.
      if (taskIds.length > 1) {
        return Promise.all(
          taskIds.map(async (id) => (await fetchDeleteTaskResults(ssl, [id], signal))[0] ?? null),
        );
      }
      return [null];
    }
    throw error;
  }
}

export interface DeleteTaskLoaders extends LoaderGroup {
  /** A delete task's result, batched: one call for up to 100 tasks. */
  readonly results: DataLoader<string, DeleteTaskResult | null>;
}

export function createDeleteTaskLoaders(ssl: SslCaller, signal: AbortSignal | undefined): DeleteTaskLoaders {
  const results = new DataLoader<string, DeleteTaskResult | null>(
    (taskIds) => translatingUpstreamErrors(() => fetchDeleteTaskResults(ssl, taskIds, signal)),
    { maxBatchSize: MAX_DELETE_TASK_IDS_PER_CALL },
  );
  return {
    results,
    clearAll() {
      results.clearAll();
    },
  };
}
