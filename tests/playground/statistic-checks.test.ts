import { describe, expect, it } from "vitest";
import * as msg from "../../src/messages/playground.js";
import { passageChecks, statisticChecks } from "../../src/playground/statistic-checks.js";
import { PASSAGE_MAX_BYTES } from "../../src/playground/scan-text.js";
import { MAX_SOURCE_TEXT_BYTES } from "../../src/io/read-source-text.js";

describe("statisticChecks", () => {
  it("recomputes p from a statistic as printed (statcheck's test-error.R example)", () => {
    // t(28) = 2.20 gives two-tailed p 0.0358–0.0366 over 2.195–2.205 (jStat: 2·(1 − studentt.cdf(2.195, 28)) = 0.0366), not .03.
    const outcome = statisticChecks({ entry: "printed", printed: "t(28) = 2.20, p = .03" });
    const [entry] = outcome.statistics!;
    expect(entry?.verdict).toBe("inconsistent");
    expect(entry?.findings[0]?.check).toBe("statistic-p");
    expect(entry?.findings[0]?.facts).toEqual([["Decision error", "no"]]);
    // p = .06 puts it on the other side of .05: a decision error.
    const flipped = statisticChecks({ entry: "printed", printed: "t(28) = 2.20, p = .06" }).statistics![0]!;
    expect(flipped.findings[0]?.facts).toEqual([["Decision error", "yes: the significance at α = .05 flips"]]);
  });

  it("composes the parts as a paper prints them and reads them the same way", () => {
    const parts = statisticChecks({ entry: "parts", test: "F", value: "3.21", df: "2", df2: "57", relation: "<", p: ".05" });
    expect(parts.readAs).toBe("F(2, 57) = 3.21, p < .05");
    const printed = statisticChecks({ entry: "printed", printed: "F(2, 57) = 3.21, p < .05" });
    expect(parts.statistics).toEqual(printed.statistics);
    expect(statisticChecks({ entry: "parts", test: "chi2", value: "3.84", df: "1", relation: "=", p: ".05" }).readAs).toBe("χ²(1) = 3.84, p = .05");
  });

  it("asks for F's second df only for F", () => {
    expect(statisticChecks({ entry: "parts", test: "F", value: "3.21", df: "2", p: ".05" }).problems.map((p) => p.field)).toEqual(["df2"]);
    expect(statisticChecks({ entry: "parts", test: "t", value: "2.2", df: "28", p: ".05" }).problems).toEqual([]);
  });

  it("says so when the text holds no test statistic", () => {
    expect(statisticChecks({ entry: "printed", printed: "p = .03" }).notes).toEqual([msg.noStatisticFound("p = .03")]);
  });
});

describe("passageChecks", () => {
  it("lists every statistic with its offsets in the passage as pasted", () => {
    const text = "  Response was 11/22 (50%); t(42) = 2.83, p = .007.";
    const statistics = passageChecks({ text }).statistics!;
    const test = statistics.find((entry) => entry.kind === "test-statistic")!;
    expect(text.slice(test.start, test.end)).toBe(test.quote);
    expect(test.verdict).toBe("consistent");
  });

  it("refuses a passage over the CLI's limit for one source text, and an empty one", () => {
    expect(PASSAGE_MAX_BYTES).toBe(MAX_SOURCE_TEXT_BYTES);
    const big = "é".repeat(PASSAGE_MAX_BYTES / 2 + 1); // two bytes each in UTF-8
    expect(passageChecks({ text: big }).problems).toEqual([{ field: "text", message: msg.passageTooLarge(PASSAGE_MAX_BYTES + 2, PASSAGE_MAX_BYTES) }]);
    expect(passageChecks({ text: "  " }).problems).toEqual([{ field: "text", message: msg.emptyPassage() }]);
  });
});
