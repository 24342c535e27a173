import { describe, expect, it } from "vitest";
import { debit } from "../../src/checks/debit.js";
import * as msg from "../../src/messages/checks.js";

describe("debit", () => {
  it("matches scrutiny test-debit.R cases", () => {
    // lhdjung/scrutiny tests/testthat/test-debit.R
    expect(debit({ mean: "0.05", sd: "0.21", n: 20 }).status).toBe("inconsistent");
    expect(debit({ mean: "0.05", sd: "0.22", n: 20 }).status).toBe("consistent");
    expect(debit({ mean: "0.50", sd: "0.503", n: 100 }).status).toBe("consistent");
    // scrutiny passes 0 / 1 with digits_x = 2, digits_sd = 2, i.e. "0.00" and "0.50" as strings:
    expect(debit({ mean: "0.00", sd: "0.00", n: 50 }).status).toBe("consistent");
    expect(debit({ mean: "1.00", sd: "0.00", n: 50 }).status).toBe("consistent");
    expect(debit({ mean: "0.00", sd: "0.50", n: 50 }).status).toBe("inconsistent");
    // "Three ones in nine have an SD of exactly 0.5, which floor reports as 0.5, not 0.4"
    expect(debit({ mean: "0.33", sd: "0.4", n: 9, rounding: "floor" }).status).toBe("inconsistent");
    expect(debit({ mean: "0.33", sd: "0.5", n: 9, rounding: "floor" }).status).toBe("consistent");
  });
  it("hand: 1 one in 20 has SD sqrt(19/380) = 0.2236", () => {
    // k = 1, n = 20: variance = 1·19/(20·19) = 0.05, SD = 0.2236 → "0.22"; "0.21" needs another k, and k = 1 is the only one with mean 0.05.
    expect((debit({ mean: "0.05", sd: "0.22", n: 20 }).details as { fitting: { ones: number }[] }).fitting[0]!.ones).toBe(1);
  });
  it("rejects means outside 0–1 and n < 2", () => {
    expect(() => debit({ mean: "1.5", sd: "0.5", n: 100 })).toThrow(msg.binaryMeanOutOfRange("1.5"));
    expect(() => debit({ mean: "0.5", sd: "0.5", n: 1 })).toThrow(msg.nTooSmallForSd(1));
  });
});

describe("debit (limits)", () => {
  it("is undetermined, listing no counts, when far more counts of ones fit the mean than it tries", () => {
    // Hand: mean "0.5" of n = 10^8 fits k/n in [0.45, 0.55]: k = 45000000…55000000, 10000001 counts (> 10^6).
    const r = debit({ mean: "0.5", sd: "0.5", n: 100_000_000 });
    expect(r.status).toBe("undetermined");
    expect(r.details).toMatchObject({ onesForMean: null, onesRange: { lowest: 45_000_000, highest: 55_000_000, count: 10_000_001 } });
  });
});
