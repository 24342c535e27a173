/**
 * Names made unique by construction: each name is kept unless it is already taken (by `taken` or
 * by an earlier name of the list), in which case it becomes `name (2)`, `name (3)`, … (the first
 * number free). Why: column names come partly from study files (a composition's id may be `id`
 * or `arm`, two categories may share a label); a name used twice overwrites one column's values
 * with another's in a row object, and makes a CSV header ambiguous.
 *
 * @param names the names wanted, in order
 * @param taken names already in use (kept as they are)
 * @example
 * uniqueNames(["id", "sex", "sex"], ["id", "arm"]); // => ["id (2)", "sex", "sex (2)"]
 */
export function uniqueNames(names: readonly string[], taken: Iterable<string> = []): string[] {
  const used = new Set(taken);
  const wanted = new Set(names);
  return names.map((name) => {
    let unique = name;
    for (let n = 2; used.has(unique); n++) {
      unique = `${name} (${n})`;
      // A later name that is literally "sex (2)" keeps its own name: skip numbers other names want.
      while (wanted.has(unique) && unique !== name) unique = `${name} (${++n})`;
    }
    used.add(unique);
    return unique;
  });
}
