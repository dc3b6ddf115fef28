/**
 * Memoizes a pure function of a string or number in a map that forgets its oldest entry beyond `limit`: for
 * values that repeat across requests and cost far more to compute than to look up (upstream times, PEM chains).
 * A call that throws caches nothing.
 */
export function boundedMemo<Key extends string | number, Value>(
  compute: (key: Key) => Value,
  limit: number,
): (key: Key) => Value {
  const values = new Map<Key, Value>();
  return (key) => {
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
}
