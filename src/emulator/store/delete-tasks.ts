// Asynchronous certificate deletions (DeleteCertificate IsCheckResource=true, DeleteCertificates
// IsSync=true). A task applies the deletion rules of the synchronous deletes (CertificateStore.deletionRefusal:
// bound cloud resources, the free-certificate hour, ...) when it runs, i.e. lazily once DELETE_TASK_DURATION_MS
// of emulated time has passed since it started.

export const DELETE_TASK_DURATION_MS = 10_000;

/** DeleteTaskResult.Status: 0 running, 1 success, 2 failed, 3 no service role, 4 bound resources remain, 5 query timed out. */
export type DeleteTaskStatus = 0 | 1 | 2 | 3 | 4 | 5;

export interface DeleteTaskRecord {
  taskId: string;
  certId: string;
  domains: string[];
  createdAt: number;
  status: DeleteTaskStatus;
  error: string;
  /** When the task ran and decided (DeleteTaskResult.CacheTime). */
  finishedAt: number | null;
}

const TASK_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export class DeleteTaskStore {
  readonly #tasks = new Map<string, DeleteTaskRecord>();
  #counter = 0;

  start(certId: string, domains: string[], at: number): DeleteTaskRecord {
    this.#counter += 1;
    // Stable ids shaped like the upstream's ("ba9d2b2c-..."): derived from the counter, not random.
    let value = (this.#counter * 2_654_435_761) % 36 ** 8;
    let suffix = '';
    for (let i = 0; i < 8; i++) {
      suffix += TASK_ALPHABET[value % 36];
      value = Math.floor(value / 36);
    }
    const task: DeleteTaskRecord = {
      taskId: `del-${suffix}-${String(this.#counter).padStart(6, '0')}`,
      certId,
      domains,
      createdAt: at,
      status: 0,
      error: '',
      finishedAt: null,
    };
    this.#tasks.set(task.taskId, task);
    return task;
  }

  get(taskId: string): DeleteTaskRecord | undefined {
    return this.#tasks.get(taskId);
  }

  /** Running tasks whose check is due at `now`. */
  due(now: number): DeleteTaskRecord[] {
    return [...this.#tasks.values()].filter(
      (task) => task.status === 0 && task.createdAt + DELETE_TASK_DURATION_MS <= now,
    );
  }

  finish(taskId: string, status: Exclude<DeleteTaskStatus, 0>, error: string, at: number): void {
    const task = this.#tasks.get(taskId);
    if (!task) return;
    task.status = status;
    task.error = error;
    task.finishedAt = at;
  }

  all(): DeleteTaskRecord[] {
    return [...this.#tasks.values()];
  }
}
