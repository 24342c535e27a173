import { describe, expect, it } from "vitest";
import { extractStatistics } from "../../src/extract/index.js";
import { compiledPatterns } from "../../src/extract/patterns.js";

/**
 * The quantifiers of a regular expression's source that have no upper bound (*, +, {n,}), outside
 * character classes and escapes. A pattern without them does a bounded amount of work per start
 * position, so a global scan is linear in the text.
 */
function unboundedQuantifiers(source: string): string[] {
  const found: string[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "*" || c === "+") found.push(`${c} at ${i}`);
    else if (c === "{") {
      const open = /^\{\d+,\}/.exec(source.slice(i));
      if (open) found.push(`${open[0]} at ${i}`);
    }
  }
  return found;
}

describe("unboundedQuantifiers (the checker itself)", () => {
  it("finds *, + and {n,} and ignores them in classes and escapes", () => {
    expect(unboundedQuantifiers(String.raw`a*b+c{2,}`)).toEqual(["* at 1", "+ at 3", "{2,} at 5"]);
    expect(unboundedQuantifiers(String.raw`[*+]\*\+a{1,3}b?`)).toEqual([]);
  });
});

describe("patterns", () => {
  it("every pattern the recognisers compile has bounded quantifiers", () => {
    extractStatistics("load every recogniser: t(1) = 2, p = .05; 5 ± 1");
    const patterns = compiledPatterns();
    expect(patterns.length).toBeGreaterThan(40);
    const offenders = patterns.map((regex) => ({ source: regex.source, unbounded: unboundedQuantifiers(regex.source) })).filter((p) => p.unbounded.length > 0);
    expect(offenders).toEqual([]);
  });
});
