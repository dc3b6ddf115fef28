/**
 * Abort listeners shared per signal: one request may open many watches on its signal (a mutation payload
 * listing 100 tasks waits on each of them), and EventTarget warns (MaxListenersExceededWarning) past 10
 * listeners on one signal. A signal gets one listener while any callback is registered for it.
 */

interface SharedListener {
  readonly callbacks: Set<() => void>;
  readonly listener: () => void;
}

const listenersBySignal = new WeakMap<AbortSignal, SharedListener>();

/** Calls `callback` once `signal` aborts (at once if it has); returns what unregisters it. */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  if (signal.aborted) {
    callback();
    return () => undefined;
  }
  let shared = listenersBySignal.get(signal);
  if (shared === undefined) {
    const callbacks = new Set<() => void>();
    const listener = (): void => {
      listenersBySignal.delete(signal);
      for (const registered of [...callbacks]) registered();
    };
    shared = { callbacks, listener };
    listenersBySignal.set(signal, shared);
    signal.addEventListener('abort', listener, { once: true });
  }
  const { callbacks, listener } = shared;
  callbacks.add(callback);
  return () => {
    if (!callbacks.delete(callback) || callbacks.size > 0) return;
    signal.removeEventListener('abort', listener);
    if (listenersBySignal.get(signal)?.listener === listener) listenersBySignal.delete(signal);
  };
}

/** A signal of one's own that follows another, and what detaches it once no longer needed. */
export interface FollowingSignal {
  readonly signal: AbortSignal | undefined;
  readonly release: () => void;
}

const NOT_FOLLOWING: FollowingSignal = { signal: undefined, release: () => undefined };

/**
 * A signal that aborts when `signal` does, for one piece of work that may add listeners of its own (undici, a
 * rate-limit queue, a retry's sleep): those land on the follower, and `signal` carries one shared listener however
 * many pieces of work run on it at once.
 */
export function followingSignal(signal: AbortSignal | undefined): FollowingSignal {
  if (signal === undefined) return NOT_FOLLOWING;
  const controller = new AbortController();
  const release = onAbort(signal, () => controller.abort(signal.reason));
  return { signal: controller.signal, release };
}
