/**
 * `wait` arguments of job fields (`JobWaitInput`): how long a request may hold on to a job, and which values are
 * refused. Shared by the resolvers that wait and by the check that refuses an operation before it runs
 * (wait-arguments.ts).
 */

/** The longest a request may hold on to a job: clients needing longer subscribe to `jobProgress`. */
export const MAX_WAIT_SECONDS = 60;

/**
 * The longest pause between two polls a watcher may ask for. Watchers of one job share its poll, so a pause
 * asked for by one is a pause every other watcher may have to sit through until it is cut short; beyond a
 * minute a client is better served reading the job when it wants to.
 */
export const MAX_POLL_INTERVAL_MS = 60_000;

/** The name of the input type every `wait` argument has. */
export const JOB_WAIT_INPUT_TYPE_NAME = 'JobWaitInput';

export interface JobWait {
  readonly timeoutSeconds: number;
  readonly pollIntervalMs?: number | null;
}

/** What is wrong with a wait, for the client; null when it is acceptable. */
export function waitProblem(wait: JobWait): string | null {
  if (
    !Number.isInteger(wait.timeoutSeconds) ||
    wait.timeoutSeconds < 0 ||
    wait.timeoutSeconds > MAX_WAIT_SECONDS
  ) {
    return `wait.timeoutSeconds must be between 0 and ${MAX_WAIT_SECONDS}.`;
  }
  return pollIntervalProblem(wait.pollIntervalMs, 'wait.pollIntervalMs');
}

/**
 * What is wrong with a requested poll interval (`wait.pollIntervalMs`, `jobProgress(pollIntervalMs:)`), for the
 * client; null when it is acceptable (absent means the default).
 */
export function pollIntervalProblem(intervalMs: number | null | undefined, name: string): string | null {
  if (intervalMs === null || intervalMs === undefined) return null;
  if (intervalMs < 0 || intervalMs > MAX_POLL_INTERVAL_MS) {
    return `${name} must be between 0 and ${MAX_POLL_INTERVAL_MS} milliseconds.`;
  }
  return null;
}
