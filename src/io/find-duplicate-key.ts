import { createScanner } from "jsonc-parser";
import { jsonPath } from "../errors.js";

/** jsonc-parser's token kinds (its enums are `const`, so they cannot be imported at run time). */
const T = { openBrace: 1, closeBrace: 2, openBracket: 3, closeBracket: 4, comma: 5, colon: 6, string: 10, eof: 17 } as const;

/** Where a key occurs: its object's JSON path, and the line and column (1-based) of the key. */
export interface KeyPlace {
  path: string;
  line: number;
  column: number;
}

/** Two occurrences of one key in one object. */
export interface DuplicateKey {
  key: string;
  first: KeyPlace;
  second: KeyPlace;
}

interface Frame {
  /** Keys seen in this object (undefined for an array), with where each was first seen. */
  keys: Map<string, { line: number; column: number }> | undefined;
  /** The key or index of the value being read in this container. */
  at: string | number;
  /** Whether the next string token in this object is a key (true after `{` and `,`). */
  expectKey: boolean;
}

/**
 * The first key that occurs twice in one object of a JSON text, or undefined when there is none.
 *
 * Why: JSON.parse keeps the last of two equal keys without a word, so `{"n": 20, "n": 200}` reads
 * as 200 and the 20 (with its quote) vanishes. In a file where every number must be traceable to
 * its source that is an error. Keys are compared after unescaping ("n" and "\u006e" are one key).
 * Walks jsonc-parser's scanner with an explicit stack (no recursion), so any nesting depth works.
 * The text must already be valid JSON (JSON.parse accepted it).
 *
 * @param text valid JSON text
 * @example
 * findDuplicateKey('{"a": {"n": 1, "n": 2}}'); // => { key: "n", first: { path: "$.a.n", line: 1, column: 8 }, second: { path: "$.a.n", line: 1, column: 16 } }
 */
export function findDuplicateKey(text: string): DuplicateKey | undefined {
  const scanner = createScanner(text, true);
  const stack: Frame[] = [];
  const lineStarts = lineStartsOf(text);
  const place = (offset: number): { line: number; column: number } => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 };
  };
  const pathTo = (key: string): string => jsonPath([...stack.slice(0, -1).map((frame) => frame.at), key]);
  for (let token = scanner.scan() as number; token !== T.eof; token = scanner.scan() as number) {
    const top = stack[stack.length - 1];
    if (token === T.openBrace || token === T.openBracket) {
      stack.push({ keys: token === T.openBrace ? new Map() : undefined, at: 0, expectKey: token === T.openBrace });
    } else if (token === T.closeBrace || token === T.closeBracket) {
      stack.pop();
    } else if (token === T.comma && top) {
      if (top.keys) top.expectKey = true;
      else top.at = (top.at as number) + 1;
    } else if (token === T.string && top?.keys && top.expectKey) {
      const key = scanner.getTokenValue();
      const here = place(scanner.getTokenOffset());
      const seen = top.keys.get(key);
      top.at = key;
      top.expectKey = false;
      if (seen) return { key, first: { path: pathTo(key), ...seen }, second: { path: pathTo(key), ...here } };
      top.keys.set(key, here);
    }
  }
  return undefined;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf("\n"); index >= 0; index = text.indexOf("\n", index + 1)) starts.push(index + 1);
  return starts;
}
