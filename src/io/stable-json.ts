/**
 * JSON with object keys sorted at every level and a trailing newline, so the same value always
 * serialises to the same bytes (reports are compared byte for byte). Arrays keep their order.
 * Non-finite numbers have no JSON form; they are refused rather than silently written as null.
 */
export function stableJson(value: unknown, indent = 2): string {
  return JSON.stringify(sortKeys(value, "$"), null, indent) + "\n";
}

function sortKeys(value: unknown, path: string): unknown {
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new Error(`stableJson cannot serialise ${value} at ${path}`);
  }
  if (Array.isArray(value)) return value.map((item, index) => sortKeys(item, `${path}[${index}]`));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) out[key] = sortKeys(item, `${path}.${key}`);
    }
    return out;
  }
  return value;
}
