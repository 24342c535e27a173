import { describe, expect, it } from "vitest";
import { columnHeader } from "../../src/extract/pipe-table.js";
import { scanContext } from "../../src/extract/scan-context.js";

const headerAt = (text: string, needle: string): string | undefined => columnHeader(scanContext(text), text.indexOf(needle));

describe("columnHeader", () => {
  it("names the column of a cell of a Markdown table", () => {
    const table = "| Group | n | P value |\n|---|---|---|\n| A | 20 | 0.04 |\n| B | 22 | 0.31 |";
    expect(headerAt(table, "20")).toBe("n");
    expect(headerAt(table, "0.31")).toBe("P value");
  });
  it("joins a header whose cells wrap over several lines", () => {
    const table = "MDC | Admissions (Weekly Rate) |\nRaR (95% CI) |\n---|---|---|\nTotal | 28,622 (280.61) | 0.83 (0.81;0.85) |";
    expect(headerAt(table, "0.83")).toBe("RaR (95% CI)");
  });
  it("is undefined outside a table and for the header row itself", () => {
    expect(headerAt("no table 20 here", "20")).toBeUndefined();
    expect(headerAt("| n |\n|---|\n| 20 |", "n")).toBeUndefined();
  });
});
