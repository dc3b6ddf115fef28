/**
 * `wait` arguments of job fields (`JobWaitInput`): how long a request may hold on to a job, and which values are
 * refused. Shared by the resolvers that wait and by the check that refuses an operation before it runs
 * (wait-arguments.ts).
 */

/** The longest a request may hold on to a job: clients needing longer subscribe to `jobProgress`. */
export const MAX_WAIT_SECONDS = 60;

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
  if (wait.pollIntervalMs !== null && wait.pollIntervalMs !== undefined && wait.pollIntervalMs < 0) {
    return 'wait.pollIntervalMs must not be negative.';
  }
  return null;
}
