import { describe, expect, it } from "vitest";
import { summaryTReadings } from "../../src/checks/summary-t-readings.js";
import { reportedNumber } from "../../src/stats/reported-number.js";
import { parseReportedP } from "../../src/stats/reported-p.js";

const row = (mean: string, spread: string, n: number, dispersion: "sd" | "se" | "ci95" | "unstated") => ({ mean: reportedNumber(mean), spread: reportedNumber(spread), n, dispersion });

describe("summaryTReadings", () => {
  it("tests an unlabelled ± every way and says which reading fits", () => {
    // scipy ttest_ind_from_stats: 10 ± 1 vs 11 ± 1, n = 20 each — as SDs p = 0.0031; as SEs (SD = √20) p = 0.4838.
    const result = summaryTReadings({ design: "student", groups: [row("10.0", "1.0", 20, "unstated"), row("11.0", "1.0", 20, "unstated")], p: parseReportedP("p = .48") });
    expect(result.status).toBe("consistent");
    expect((result.details as { fitting: string[] }).fitting).toEqual(["se"]);
    expect(result.explanation).toMatch(/fits read as SE \(not as SD, 95% CI half-width\)/);
  });

  it("tests a labelled SE as an SE only", () => {
    const asSe = summaryTReadings({ design: "student", groups: [row("10.0", "1.0", 20, "se"), row("11.0", "1.0", 20, "se")], p: parseReportedP("p = .003") });
    expect(asSe.status).toBe("inconsistent");
  });

  it("runs a paired t-test from a mean change and its spread (R's sleep data, paired: t = 4.062, p = .00283)", () => {
    // scipy: 1.58 / (1.23 / √10) = 4.0621, p = 0.002833 with 9 df.
    const result = summaryTReadings({ design: "paired", change: row("1.58", "1.23", 10, "sd"), p: parseReportedP("p = .003") });
    expect(result.status).toBe("consistent");
    expect(result.explanation).toMatch(/^read as SD \(as labelled\): paired t-test/);
  });
});
