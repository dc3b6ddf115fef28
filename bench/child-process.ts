/**
 * Request/reply over the IPC channel of a forked benchmark process. Each request carries an id so replies can
 * be matched even if several are outstanding.
 */
import { type ChildProcess, fork } from 'node:child_process';

interface Envelope {
  readonly id: number;
  readonly body: unknown;
}

function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null && 'id' in message && 'body' in message;
}

/** The parent's handle on a forked process that answers requests until told to stop. */
export class BenchChild<Request> {
  readonly #child: ChildProcess;
  readonly #pending = new Map<number, (body: unknown) => void>();
  #nextId = 1;

  private constructor(child: ChildProcess) {
    this.#child = child;
    child.on('message', (message) => {
      if (!isEnvelope(message)) return;
      const resolve = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      resolve?.(message.body);
    });
  }

  /** Forks `script` (run through tsx) with `config` as its JSON argument and waits for its ready message. */
  static async start<Request, Ready>(
    script: string,
    config: unknown,
  ): Promise<{ child: BenchChild<Request>; ready: Ready }> {
    const child = fork(script, [JSON.stringify(config)], {
      // BENCH_CHILD_EXEC_ARGV adds Node flags to the emulator and gateway processes, e.g. to profile them:
      // BENCH_CHILD_EXEC_ARGV='--cpu-prof --cpu-prof-dir=/tmp/prof'.
      execArgv: ['--import', 'tsx', ...(process.env.BENCH_CHILD_EXEC_ARGV ?? '').split(' ').filter(Boolean)],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const ready = await new Promise<Ready>((resolve, reject) => {
      const onExit = (code: number | null) =>
        reject(new Error(`${script} exited before it was ready (${code})`));
      child.once('error', reject);
      child.once('exit', onExit);
      child.once('message', (message) => {
        child.off('exit', onExit);
        resolve(message as Ready);
      });
    });
    return { child: new BenchChild<Request>(child), ready };
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  ask<Reply>(request: Request): Promise<Reply> {
    const id = this.#nextId;
    this.#nextId += 1;
    return new Promise((resolve) => {
      this.#pending.set(id, (body) => resolve(body as Reply));
      this.#child.send({ id, body: request } satisfies Envelope);
    });
  }

  /** Asks the process to close what it serves and exit; kills it if it has not after `graceMs`. */
  async stop(graceMs = 5_000): Promise<void> {
    if (this.#child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.#child.once('exit', () => resolve()));
    this.#child.send({ id: 0, body: { type: 'stop' } } satisfies Envelope);
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
}

/** The child's side: answers each request with `handle`'s result; `{ type: 'stop' }` runs `close` and exits. */
export function serveParent<Request>(
  handle: (request: Request) => Promise<unknown>,
  close: () => Promise<void>,
): void {
  process.on('message', (message) => {
    if (!isEnvelope(message)) return;
    const body = message.body as { type?: unknown };
    if (body.type === 'stop') {
      void close().finally(() => process.exit(0));
      return;
    }
    void handle(message.body as Request).then((reply) => process.send?.({ id: message.id, body: reply }));
  });
  // Orphaned children must not outlive a crashed suite.
  process.on('disconnect', () => {
    void close().finally(() => process.exit(0));
  });
}

/** The JSON config the parent passed as the first argument. */
export function childConfig<T>(): T {
  const text = process.argv[2];
  if (text === undefined) throw new Error('expected the JSON config as the first argument');
  return JSON.parse(text) as T;
}
