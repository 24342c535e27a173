import type { Relation } from "./types.js";

/**
 * A printed relation read into one of `=`, `<`, `>`, `≤`, `≥` ("<=" and "=<" are "≤"; a word such as
 * "of" or "was" is "=").
 *
 * @example
 * readRelation("<="); // => "≤"
 */
export function readRelation(printed: string): Relation {
  const text = printed.trim();
  if (text === "<" || text === ">" || text === "≤" || text === "≥") return text;
  if (text === "<=" || text === "=<" || text === "⩽") return "≤";
  if (text === ">=" || text === "=>" || text === "⩾") return "≥";
  return "=";
}
