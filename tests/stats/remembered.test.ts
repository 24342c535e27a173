import { describe, expect, it } from "vitest";
import { remembered } from "../../src/stats/remembered.js";

describe("remembered", () => {
  it("computes once per key and answers repeats from the store", () => {
    const calls: number[] = [];
    const square = remembered(10, (x: number) => String(x), (x: number) => (calls.push(x), x * x));
    expect([square(3), square(4), square(3), square(3)]).toEqual([9, 16, 9, 9]);
    expect(calls).toEqual([3, 4]);
  });

  it("computes every time when the key is undefined", () => {
    let calls = 0;
    const f = remembered(10, (_x: number) => undefined, (x: number) => (calls++, x + 1));
    expect([f(1), f(1), f(1)]).toEqual([2, 2, 2]);
    expect(calls).toBe(3);
  });

  it("starts afresh past its limit, so at most limit answers are kept, and still answers right", () => {
    const calls: number[] = [];
    const f = remembered(2, (x: number) => String(x), (x: number) => (calls.push(x), -x));
    expect([f(1), f(2), f(3), f(1), f(3)]).toEqual([-1, -2, -3, -1, -3]);
    // The store held {1, 2}; 3 cleared it; 1 was computed again and 3 then came from the store.
    expect(calls).toEqual([1, 2, 3, 1]);
  });

  it("does not remember a call that threw", () => {
    let calls = 0;
    const f = remembered(10, (x: number) => String(x), (x: number) => {
      calls++;
      if (calls === 1) throw new Error("first call fails");
      return x;
    });
    expect(() => f(5)).toThrow("first call fails");
    expect(f(5)).toBe(5);
  });
});
