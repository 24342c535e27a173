import { readFileSync } from "node:fs";
import fc from "fast-check";
import { parse as parseTolerant, type ParseError } from "jsonc-parser";
import { describe, expect, it } from "vitest";
import { locateJsonSyntaxError } from "../../src/io/locate-json-error.js";
import { parseJsonText } from "../../src/io/read-json.js";
import { studyA, studyB } from "../helpers/fixtures.js";
import { expectCohortErrorOrValue, reportTried, runs, tried } from "./harness.js";

const seeds = [readFileSync(studyA, "utf8"), readFileSync(studyB, "utf8")];

/** JSON.parse is the verdict: text it accepts parses to the same value; text it refuses is an "invalid JSON" CohortError. */
function checkVerdict(text: string, compareValues = true): void {
  let expected: unknown;
  let valid = true;
  try {
    expected = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    valid = false;
  }
  const outcome = expectCohortErrorOrValue(() => parseJsonText(text, "x.json"), "x.json");
  // (vitest's deep equality recurses, so 100,000-level values are only checked for acceptance)
  if (valid) expect(compareValues ? outcome.ok && outcome.value : outcome.ok).toEqual(compareValues ? expected : true);
  else {
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.problems[0]!.message).toMatch(/^invalid JSON( at line \d+, column \d+)?: \S/);
  }
}

/** A random edit of a text: cut, insert, delete or replace a stretch, with hostile characters. */
const edit = (texts: string[]) =>
  fc
    .record({
      text: fc.constantFrom(...texts),
      at: fc.nat(),
      length: fc.nat({ max: 8 }),
      insert: fc.oneof(fc.string({ unit: "binary", maxLength: 6 }), fc.constantFrom("", "{", "[", "}", "]", ",", ":", '"', "\\", "\u0000", "\n", "/*", "//", "NaN", "-", "1e", "\ud800", "\u2028", "'")),
      truncate: fc.boolean(),
    })
    .map(({ text, at, length, insert, truncate }) => {
      const position = at % (text.length + 1);
      return truncate ? text.slice(0, position) : text.slice(0, position) + insert + text.slice(position + length);
    });

describe("parseJsonText (fuzz)", () => {
  it("truncated and edited study files: the parsed value, or an invalid-JSON error with line and column", () => {
    fc.assert(
      fc.property(edit(seeds), (text) => {
        tried("parseJsonText: edited study files");
        checkVerdict(text);
      }),
      runs(2500),
    );
    expect(reportTried("parseJsonText: edited study files")).toBeGreaterThan(0);
  });

  it("any JSON value round-trips through its text (including __proto__ and constructor keys, unicode)", () => {
    const keyed = fc.jsonValue({ maxDepth: 4 }).map((value) => ({ __proto__x: value, text: JSON.stringify({ ["__proto__"]: value, constructor: value, "\u0000": value }) }));
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 6 }).map((value) => JSON.stringify(value)), keyed.map((entry) => entry.text)), (text) => {
        tried("parseJsonText: valid JSON");
        checkVerdict(text);
        // JSON.parse makes "__proto__" an own property; nothing reaches Object.prototype.
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      runs(1000),
    );
    reportTried("parseJsonText: valid JSON");
  });

  it("locates the same first error as jsonc-parser's recursive parser (second method, shallow texts)", () => {
    const firstError = (text: string): ParseError | undefined => {
      const errors: ParseError[] = [];
      parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
      return errors[0];
    };
    const shallow = fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value, null, 1));
    fc.assert(
      fc.property(fc.oneof(edit(seeds.map((text) => text.slice(0, 600))), shallow.chain((text) => edit([text])), fc.string({ unit: "binary", maxLength: 12 })), (text) => {
        tried("locateJsonSyntaxError vs jsonc-parser");
        const mine = locateJsonSyntaxError(text);
        const theirs = firstError(text);
        expect(mine && { error: mine.error, offset: mine.offset }).toEqual(theirs && { error: theirs.error, offset: theirs.offset });
      }),
      runs(2500),
    );
    reportTried("locateJsonSyntaxError vs jsonc-parser");
  });

  it("deep nesting (100,000 levels, whole or cut) parses or fails cleanly, without overflowing the stack", () => {
    const depth = 100_000;
    const cases = [
      "[".repeat(depth) + "]".repeat(depth),
      "[".repeat(depth),
      "[".repeat(depth) + "]".repeat(depth - 1),
      '{"a":'.repeat(depth) + "1" + "}".repeat(depth),
      '{"a":'.repeat(depth),
      '{"a":['.repeat(depth / 2) + "x",
      "[".repeat(depth) + "1,]" + "]".repeat(depth - 1),
    ];
    for (const text of cases) {
      tried("parseJsonText: deep nesting");
      checkVerdict(text, false);
    }
    // Hand check: after 100,000 "[" the text ends, so the first error is at the end: column 100,001.
    expect(() => parseJsonText("[".repeat(depth))).toThrow("invalid JSON at line 1, column 100001: close bracket expected");
    reportTried("parseJsonText: deep nesting");
  });

  it("large texts (a 6 MB array, a 9 MB string) parse or fail cleanly", () => {
    const cases = ["[" + "1,".repeat(3_000_000) + "1]", "[" + "1,".repeat(3_000_000) + "]", JSON.stringify("x".repeat(9_000_000)), '"' + "x".repeat(9_000_000)];
    for (const text of cases) {
      tried("parseJsonText: large texts");
      checkVerdict(text, false);
    }
    reportTried("parseJsonText: large texts");
  });
});
