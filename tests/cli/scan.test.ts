import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as msg from "../../src/messages/extract.js";
import { cohort, sourcesDir } from "../helpers/fixtures.js";

describe("cohort scan", () => {
  it("scans every readable source, reports the unreadable ones and exits 1 for them", () => {
    const missing = join(sourcesDir, "no-such-source.txt");
    const result = cohort(["scan", join(sourcesDir, "000_3f875f1cb85950c7.txt"), missing, "--json"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${missing}: ${msg.sourceNotFound()}`);
    const report = JSON.parse(result.stdout);
    expect(report.files.map((file: { status: string }) => file.status)).toEqual(["scanned", "error"]);
    // By hand: 11/20 = 55%, 9/20 = 45%, 5/20 = 25%, 4/20 = 20%, 2/20 = 10%: every share in the abstract fits.
    const checked = report.files[0].statistics.filter((s: { verdict: string }) => s.verdict !== "—");
    expect(checked.map((s: { quote: string; verdict: string }) => `${s.quote} ${s.verdict}`)).toEqual([
      "55% (11/20) ok",
      "45% (9/20) ok",
      "45%; 9/20 ok",
      "25%; 5/20 ok",
      "20%; 4/20 ok",
      "10%; 2/20 ok",
    ]);
  });
});
