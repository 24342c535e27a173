import { describe, expect, it } from "vitest";
import { tDesignShape } from "../../src/inference/index.js";
import * as message from "../../src/messages/inference.js";

describe("tDesignShape", () => {
  it("uses df = n1 + n2 − 2 and ncp/d = √(n1·n2/(n1+n2)) for two groups", () => {
    // Hand calculation: 5 vs 5 → df 8, √(25/10) = 1.5811388; 3 vs 9 → df 10, √(27/12) = 1.5.
    expect(tDesignShape("two-group", [5, 5])).toEqual({ design: "two-group", n: [5, 5], df: 8, ncpPerEffect: Math.sqrt(2.5) });
    expect(tDesignShape("two-group", [3, 9]).ncpPerEffect).toBeCloseTo(1.5, 14);
    expect(tDesignShape("two-group", 7).n).toEqual([7, 7]);
  });

  it("uses df = n − 1 and ncp/d = √n for paired and one-sample designs", () => {
    expect(tDesignShape("paired", 16)).toEqual({ design: "paired", n: [16], df: 15, ncpPerEffect: 4 });
  });

  it("rejects unknown designs and the wrong number of sizes", () => {
    expect(() => tDesignShape("three-group" as never, 5)).toThrow(message.designUnknown("three-group"));
    expect(() => tDesignShape("paired", [5, 5])).toThrow(message.groupCountMismatch("paired", 2));
  });
});
