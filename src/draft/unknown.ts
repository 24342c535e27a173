/**
 * The marker a draft study file carries wherever a person must decide: which group or timepoint a value
 * belongs to, which measure it is on, what the design is. A file with any left fails `cohort validate`,
 * and each one is reported as still unknown at its JSON path. Written in angle brackets because the plain
 * word is a real value: a category printed "unknown" (smoking status, ethnicity) would otherwise be taken
 * for a field left to fill, and no paper prints "<unknown>" as a value.
 */
export const UNKNOWN = "<unknown>";

/** Whether a value is the draft marker. */
export const isUnknown = (value: unknown): boolean => value === UNKNOWN;

/**
 * The JSON paths of every `unknown` marker left in a drafted study file (its `extraction` record
 * aside). A marker in a free-text field (a title, an outcome's words) would pass the schema, so
 * validation asks for this list whenever a file carries the record `cohort extract` leaves.
 *
 * @example
 * unfilledPaths({ title: "<unknown>", reported: [{ group: "all" }] }); // => [["title"]]
 */
export function unfilledPaths(data: unknown): PropertyKey[][] {
  const paths: PropertyKey[][] = [];
  const walk = (value: unknown, path: PropertyKey[]): void => {
    if (isUnknown(value)) paths.push(path);
    else if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, index]));
    else if (value !== null && typeof value === "object") for (const [key, item] of Object.entries(value)) if (!(path.length === 0 && key === "extraction")) walk(item, [...path, key]);
  };
  walk(data, []);
  return paths;
}
