/**
 * UpdateCertificateInstance and UploadUpdateCertificateInstance create their job asynchronously: while the
 * upstream is still creating it they answer DeployRecordId 0, and the caller must repeat the identical request
 * until the ID is positive (CATALOGUE §1.1). This helper does the repeating for any mutation outcome.
 */

/** An outcome of `context.loaders.mutations.run` for an action answering with a DeployRecordId. */
export type CreationOutcome =
  | { readonly ok: false }
  | { readonly ok: true; readonly response: { readonly DeployRecordId: number } };

export interface RepeatUntilCreatedOptions {
  /** How many requests at most, the first included. */
  readonly maxAttempts: number;
  /** The pause between two requests. */
  readonly delayMs: number;
  /** Stops repeating (the client went away); the promise then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

export interface RepeatedOutcome<Outcome extends CreationOutcome> {
  /** The last outcome: a failure, a created job (DeployRecordId > 0), or still 0 after maxAttempts. */
  readonly outcome: Outcome;
  /** False when every attempt answered DeployRecordId 0: the job may still appear; ask the client to retry. */
  readonly created: boolean;
  readonly attempts: number;
}

/**
 * Repeats `run` while it succeeds with DeployRecordId 0; stops at the first failure or positive ID. Once one
 * request was accepted the job is being created, whatever becomes of a repeat of it: a repeat that fails or is
 * refused (throttled, say) ends the repeating with the creation still pending, never with that failure, which
 * would tell the caller nothing had started.
 */
export async function repeatUntilCreated<Outcome extends CreationOutcome>(
  run: () => Promise<Outcome>,
  options: RepeatUntilCreatedOptions,
): Promise<RepeatedOutcome<Outcome>> {
  const maxAttempts = Math.max(1, options.maxAttempts);
  let attempts = 0;
  let pending: Outcome | undefined;
  while (true) {
    options.signal?.throwIfAborted();
    let outcome: Outcome;
    try {
      outcome = await run();
    } catch (error) {
      if (pending === undefined || options.signal?.aborted === true) throw error;
      return { outcome: pending, created: false, attempts };
    }
    attempts += 1;
    if (!outcome.ok) return { outcome: pending ?? outcome, created: false, attempts };
    if (outcome.response.DeployRecordId > 0) return { outcome, created: true, attempts };
    if (attempts >= maxAttempts) return { outcome, created: false, attempts };
    pending = outcome;
    await delay(options.delayMs, options.signal);
  }
}

function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    function onAbort(): void {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
