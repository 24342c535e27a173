import { describe, expect, it } from "vitest";
import { sphericityPReading } from "../../src/checks/sphericity-p.js";
import { reportedNumber } from "../../src/stats/reported-number.js";
import { parseReportedP } from "../../src/stats/reported-p.js";

describe("sphericityPReading", () => {
  it("finds the ε at which a repeated-measures F gives the printed p (scipy: brentq on f.sf(F, 2ε, 38ε))", () => {
    // Wurz et al. 2023, single leg balance (left): F = 2.056, F(2, 38). scipy: p = 0.167 at ε = 0.52223 (brentq on
    // f.sf(2.056, 2ε, 38ε)). Over F's rounding interval [2.0555, 2.0565]: the least p is uncorrected at the largest
    // F, f.sf(2.0565, 2, 38) = 0.141900; the greatest at the lower bound ε = 0.5 and the smallest F, f.sf(2.0555, 1, 19) = 0.167910.
    const reading = sphericityPReading(reportedNumber("2.056"), 2, 38, parseReportedP("p = .167"));
    expect(reading.fits).toBe(true);
    expect(reading.epsilonLow).toBe(0.5);
    expect(reading.epsilon).toEqual([0.52]);
    expect(reading.pRange[0]).toBeCloseTo(0.1419, 4);
    expect(reading.pRange[1]).toBeCloseTo(0.16791, 4);
  });

  it("does not fit a p outside every ε's reach", () => {
    // p between 0.142 and 0.168 only: 0.20 is out of reach.
    expect(sphericityPReading(reportedNumber("2.056"), 2, 38, parseReportedP("p = .20")).fits).toBe(false);
  });

  it("lowers p for F < 1 (the colleague's physical functioning row: uncorrected 0.616, printed 0.545)", () => {
    // scipy over F ∈ [0.4885, 0.4895]: at ε = 0.5, f.sf(0.4895, 1, 25) = 0.49061; uncorrected f.sf(0.4885, 2, 50) = 0.61644.
    const reading = sphericityPReading(reportedNumber("0.489"), 2, 50, parseReportedP("p = .545"));
    expect(reading.fits).toBe(true);
    expect(reading.pRange[0]).toBeCloseTo(0.49061, 4);
    expect(reading.pRange[1]).toBeCloseTo(0.61644, 4);
  });
});
