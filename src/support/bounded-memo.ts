/** A memoized function, and how many results it holds. */
export interface BoundedMemo<Key extends string | number, Value> {
  (key: Key): Value;
  readonly size: number;
}

/**
 * Memoizes a pure function of a string or number in a map that forgets its oldest entry beyond `limit`: for
 * values that repeat across requests and cost far more to compute than to look up (upstream times, PEM chains,
 * signing keys). A call that throws caches nothing. The map lives only in this closure, so keys that embed a
 * secret are reachable from nothing a caller could print.
 */
export function boundedMemo<Key extends string | number, Value>(
  compute: (key: Key) => Value,
  limit: number,
): BoundedMemo<Key, Value> {
  const values = new Map<Key, Value>();
  const memoized = (key: Key): Value => {
    const known = values.get(key);
    if (known !== undefined || values.has(key)) return known as Value;
    const value = compute(key);
    // A Map iterates in insertion order, so its first key is the oldest.
    if (values.size >= limit) {
      const oldest = values.keys().next();
      if (oldest.done !== true) values.delete(oldest.value);
    }
    values.set(key, value);
    return value;
  };
  return Object.defineProperty(memoized, 'size', { get: () => values.size }) as BoundedMemo<Key, Value>;
}
