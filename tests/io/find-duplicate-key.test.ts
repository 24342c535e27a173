import { describe, expect, it } from "vitest";
import { findDuplicateKey } from "../../src/io/find-duplicate-key.js";

describe("findDuplicateKey", () => {
  it("finds a key written twice in one object, with its JSON path and both lines and columns", () => {
    // Line 3 is '  "sampleSize": {"value": 20, "value": 200}': the quotes of the two "value" keys are at columns 18 and 31 (counted by hand).
    const text = '{\n  "id": "x",\n  "sampleSize": {"value": 20, "value": 200}\n}';
    expect(findDuplicateKey(text)).toEqual({ key: "value", first: { path: "$.sampleSize.value", line: 3, column: 18 }, second: { path: "$.sampleSize.value", line: 3, column: 31 } });
  });

  it("compares keys after unescaping: \"n\" and \"\\u006e\" are one key", () => {
    expect(findDuplicateKey('{"n": 1, "\\u006e": 2}')?.key).toBe("n");
  });

  it("names array indices in the path and tells equal keys of different objects apart", () => {
    expect(findDuplicateKey('{"a": [{"k": 1}, {"k": 2}], "b": {"k": 3}}')).toBeUndefined();
    expect(findDuplicateKey('{"a": [{"k": 1}, {"k": 2, "j": [], "k": 3}]}')?.second.path).toBe("$.a[1].k");
    expect(findDuplicateKey('[[], {"x y": 0, "x y": 1}]')?.first.path).toBe('$[1]["x y"]');
  });

  it("handles nesting far deeper than the call stack allows", () => {
    const deep = '{"a":'.repeat(100_000) + "1" + "}".repeat(100_000);
    expect(findDuplicateKey(deep)).toBeUndefined();
    expect(findDuplicateKey(`[${"[".repeat(50_000)}{"k": 1, "k": 2}${"]".repeat(50_000)}]`)?.key).toBe("k");
  });
});
