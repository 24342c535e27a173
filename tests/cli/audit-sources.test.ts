import { describe, expect, it } from "vitest";
import { auditOk } from "../../src/messages/audit-sources.js";
import { cohort, tempFile } from "../helpers/fixtures.js";

describe("cohort audit-sources", () => {
  it("counts a number printed with a decimal comma as stated, and says how many were", () => {
    const source = tempFile("pt.txt", "idade média 57,2 anos e 64 pacientes");
    const data = tempFile("data.json", { reported: [{ mean: "57.2", source: { file: "pt.txt", quote: "idade média 57,2 anos" } }, { count: 64, source: { file: "pt.txt", quote: "64 pacientes" } }] });
    const result = cohort(["audit-sources", "--sources", source, data]);
    expect(result.status).toBe(0);
    // Two quotes, two numbers, one of them ("57,2" for 57.2) in the decimal-comma convention.
    expect(result.stdout.trim()).toBe(auditOk(data, 2, 2, 1));
  });
});
