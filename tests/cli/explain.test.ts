import { describe, expect, it } from "vitest";
import { cohort, studyB } from "../helpers/fixtures.js";

describe("cohort explain", () => {
  it("names study B's odd figure out: +24.56% computed relative to the later value (hand: 14/57, see tests/localise)", () => {
    const r = cohort(["explain", studyB, "--json"]);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    const chain = json.explanations.find((e: { check: string }) => e.check === "percent-change-chain");
    expect(chain.localisation.unique).toBe(true);
    expect(chain.localisation.explanations[0].readings[0]).toMatchObject({ figure: "psycholytic-severity-s3-s6", slip: "percent-of-later", corrected: "+32.56%" });
  });

  it("explains numbers given on the command line (hand: 9/20 = 45%, so 54% is 45% transposed)", () => {
    const r = cohort(["explain", "--n", "20", "--counts", "11,9", "--percents", "55,54"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("if c2: 54% is a misprint of 45%");
  });

  it("refuses past the budget with exit 3 and the estimate", () => {
    const r = cohort(["explain", "--mean", "3.44", "--sd", "2.47", "--n", "18", "--budget", "10"]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain("more than the budget of 10");
  });

  it("is a usage error without a study or numbers (exit 2)", () => {
    expect(cohort(["explain"]).status).toBe(2);
  });
});
