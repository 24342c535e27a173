/**
 * A pure function that remembers its answers: `compute` runs once per key, later calls with the
 * same key get the stored answer. Why: a report asks the same costly questions (a t quantile, a
 * detectable effect, an exact rank distribution) hundreds of times. At most `limit` answers are
 * kept; past that the store starts afresh, so memory stays bounded. A key of undefined means
 * "do not remember this one" (e.g. an answer that is not exact and may depend on argument order).
 * Only for functions whose answer depends on the key alone, and whose answers callers never change.
 *
 * @param limit most answers kept
 * @param keyOf the key of a call's arguments (undefined: compute without remembering)
 * @param compute the function itself
 * @example
 * const square = remembered(100, (x: number) => String(x), (x: number) => x * x);
 * square(3); // => 9 (computed); square(3) again => 9 (remembered)
 */
export function remembered<A extends unknown[], T>(limit: number, keyOf: (...args: A) => string | undefined, compute: (...args: A) => T): (...args: A) => T {
  const store = new Map<string, T>();
  return (...args: A): T => {
    const key = keyOf(...args);
    if (key === undefined) return compute(...args);
    if (store.has(key)) return store.get(key) as T;
    const answer = compute(...args);
    if (store.size >= limit) store.clear();
    store.set(key, answer);
    return answer;
  };
}
