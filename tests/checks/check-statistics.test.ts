import { describe, expect, it } from "vitest";
import { checkStudy } from "../../src/checks/check-study.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { parseStudy } from "../../src/io/load-study.js";
import { twoArmTrial } from "../helpers/two-arm-trial.js";

const instruments = loadInstruments();
const run = (mutate: (study: any) => void = () => {}) => {
  const study = twoArmTrial();
  mutate(study);
  return checkStudy(parseStudy(study, instruments), instruments);
};
const find = (results: ReturnType<typeof run>, check: string, id: string) => results.find((r) => r.check === check && r.subject?.includes(id));
const reported = (study: any, id: string) => study.reported.find((v: any) => v.id === id);

describe("cohort check on the statistics of a two-arm trial (tests/helpers/two-arm-trial.ts)", () => {
  it("runs every applicable check, each naming its values, and finds the invented numbers consistent", () => {
    const results = run();
    // Hand, for each: t(42) = 2.83 gives p = .0071; 9.6 ± 4.2 vs 13.1 ± 4.0 (n 22 each) give t = 3.5/(4.101·√(2/22)) = 2.830;
    // 11/22 = 50%, 3/22 = 13.64%; OR = 11·19/(11·3) = 6.333 = √(1.48·27.1), SE = ln(27.1/1.48)/3.92 = 0.742,
    // z = 2.49, p = .013; −5.6 is the midpoint of −7.4 and −3.8.
    expect(find(results, "statistic-p", "phq9-week-8-t")?.status).toBe("consistent");
    expect(find(results, "summary-t", "phq9-week-8-t")?.subject).toEqual(["phq9-week-8-t", "phq9-therapy-week-8", "phq9-wait-list-week-8"]);
    expect(find(results, "summary-t", "phq9-week-8-t")?.status).toBe("consistent");
    expect(find(results, "percent", "response-wait-list")?.status).toBe("consistent");
    expect(find(results, "ci-p", "response-or")?.status).toBe("consistent");
    expect(find(results, "ci-p", "phq9-therapy-change")?.status).toBe("consistent");
  });
  it("tests every unlabelled ± both ways: age 41.3 ± 11.2 (n = 48, 18–65) is only an SD", () => {
    // Hand: the greatest SD of 48 ages in 18–65 with mean 41.3 is √(23.7·23.3·48/47) = 23.8; as SE the SD would be
    // 11.2·√48 = 77.6, as a CI half-width 11.2·√48/2.012 = 38.6.
    const age = find(run(), "sd-or-se", "age-all");
    expect(age?.status).toBe("consistent");
    expect(age?.explanation).toContain("only the SD reading fits");
  });
  it("flags a p the statistic cannot give, as a decision error when significance flips", () => {
    const results = run((study) => (reported(study, "phq9-week-8-t").p = { relation: "=", value: "0.07" }));
    const check = find(results, "statistic-p", "phq9-week-8-t");
    expect(check?.status).toBe("inconsistent");
    expect((check?.details as { decisionError: boolean }).decisionError).toBe(true);
    expect(find(results, "summary-t", "phq9-week-8-t")?.status).toBe("inconsistent");
  });
  it("flags a percentage its count cannot give, and an OR whose p does not follow from its CI", () => {
    const results = run((study) => {
      reported(study, "response-wait-list").percent = "15.0";
      reported(study, "response-or").p = { relation: "<", value: "0.001" };
    });
    expect(find(results, "percent", "response-wait-list")?.status).toBe("inconsistent");
    expect(find(results, "ci-p", "response-or")?.status).toBe("inconsistent");
  });
  it("runs the 2×2 test on a between-group test about two proportions", () => {
    // Second method: the table [[11, 11], [3, 19]] (margins 22/22, 14/30) enumerated with exact binomial coefficients;
    // two-sided p = Σ C(14, x)·C(30, 22 − x) over the x no more probable than x = 11, divided by C(44, 22).
    const choose = (n: number, k: number) => {
      let r = 1n;
      for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i);
      return r;
    };
    const weight = (x: number) => choose(14, x) * choose(30, 22 - x);
    let tail = 0n;
    for (let x = 0; x <= 14; x++) if (weight(x) <= weight(11)) tail += weight(x);
    const fisherP = Number((tail * 10n ** 12n) / choose(44, 22)) / 1e12;
    const printed = fisherP.toFixed(3);
    const add = (value: string) => (study: any) =>
      study.reported.push({ kind: "test", id: "response-fisher", method: "Fisher's exact test", p: { relation: "=", value }, comparison: "between-groups", groups: ["therapy", "wait-list"], about: ["response-therapy", "response-wait-list"], source: reported(study, "response-or").source });
    const check = find(run(add(printed)), "two-by-two", "response-fisher");
    expect(check?.subject).toEqual(["response-fisher", "response-therapy", "response-wait-list"]);
    expect(check?.status).toBe("consistent");
    expect(find(run(add("0.040")), "two-by-two", "response-fisher")?.status).toBe("inconsistent");
  });
  it("checks a change SD against the two timepoints' SDs", () => {
    const results = run((study) => {
      reported(study, "phq9-therapy-baseline").dispersion = { kind: "sd", value: "3.1" };
      reported(study, "phq9-therapy-change").dispersion = { kind: "sd", value: "8.0" };
    });
    // Hand: 3.1 + 4.2 = 7.3 (7.4 within rounding) < 7.95: no correlation in −1…1 gives a change SD of 8.0.
    const check = find(results, "change-sd", "phq9-therapy-change");
    expect(check?.subject).toEqual(["phq9-therapy-change", "phq9-therapy-baseline", "phq9-therapy-week-8"]);
    expect(check?.status).toBe("inconsistent");
  });

  it("runs statisticP on an F with df derived from the design, says they are derived, and checks a partial η² against it", () => {
    // Hand: F(2, 40) = 8.261 gives p = (1 + 2F/df2)^(−df2/2) = (1 + 16.522/40)^(−20) = 0.00099 (fits p < .001);
    // ηp² = 16.522/56.522 = 0.2923 (fits .292).
    const results = run((study) => {
      study.reported.push(
        { kind: "test", id: "rm-f", method: "repeated measures ANOVA", statistic: { name: "F", value: "8.261", dfDerived: { df: ["2", "40"], from: "three timepoints, n = 21" } }, p: { relation: "<", value: "0.001" }, comparison: "within-group", instrument: "phq-9", groups: ["therapy"], source: reported(study, "phq9-week-8-t").source },
        { kind: "effect", id: "rm-eta", measure: "partial-eta-squared", estimate: "0.292", about: ["rm-f"], instrument: "phq-9", groups: ["therapy"], source: reported(study, "phq9-week-8-t").source },
      );
    });
    const p = find(results, "statistic-p", "rm-f");
    expect(p?.status).toBe("consistent");
    expect(p?.assumptions.df).toBe("derived from the design, not printed: three timepoints, n = 21");
    expect((1 + 16.522 / 40) ** -20).toBeLessThan(0.001);
    const eta = find(results, "eta-squared-f", "rm-eta");
    expect(eta?.subject).toEqual(["rm-eta", "rm-f"]);
    expect(eta?.status).toBe("consistent");
  });

  it("checks a percentage with no count for the counts that fit, but not one of a base the source does not give", () => {
    // Hand: 70% of 24 (the therapy arm's size) is 16.8 people: no whole count rounds to 70% (16/24 = 66.7%, 17/24 = 70.8%).
    const results = run((study) => {
      study.reported.push(
        { kind: "proportion", id: "retention", outcome: "retention", group: "therapy", percent: "70", source: reported(study, "phq9-week-8-t").source },
        { kind: "proportion", id: "recruitment", outcome: "recruitment rate", group: "all", denominatorUnknown: true, percent: "33", source: reported(study, "phq9-week-8-t").source },
      );
    });
    const retention = find(results, "percent", "retention");
    expect(retention?.status).toBe("inconsistent");
    expect(retention?.assumptions.denominator).toMatch(/^24 \(the size of group therapy; no denominator is printed\)$/);
    expect(find(results, "percent", "recruitment")).toBeUndefined();
  });

  it("recomputes an odds ratio from the two proportions it names, with its p from the 2×2 table", () => {
    // Hand: 11/22 vs 3/22: OR = (11·19)/(11·3) = 6.333, which the printed 6.33 is; Fisher's p for [[11, 11], [3, 19]]
    // is 0.0095 (see the 2×2 test above), so the printed p = .013 (from the CI) does not fit a 2×2 test.
    const results = run((study) => (reported(study, "response-or").about = ["response-therapy", "response-wait-list"]));
    expect(find(results, "effect-counts", "response-or")?.status).toBe("consistent");
    expect((find(results, "effect-counts", "response-or")?.details as { value: number }).value).toBeCloseTo(19 / 3, 12);
    expect(find(results, "two-by-two", "response-or")?.subject).toEqual(["response-or", "response-therapy", "response-wait-list"]);
  });

  it("runs the t-test under every reading when the ± of both means is an unlabelled SE", () => {
    // scipy ttest_ind_from_stats: 9.6 vs 13.1 with SDs 0.9·√22 and 0.85·√22 (the ± read as SEs), n = 22 each:
    // t = −2.827, p = 0.00716 — fits p = .007; read as SDs, p = 1.3e-16.
    const results = run((study) => {
      reported(study, "phq9-therapy-week-8").dispersion = { kind: "unstated", value: "0.9" };
      reported(study, "phq9-wait-list-week-8").dispersion = { kind: "unstated", value: "0.85" };
      reported(study, "phq9-week-8-t").statistic = undefined;
    });
    const t = find(results, "summary-t", "phq9-week-8-t");
    expect(t?.status).toBe("consistent");
    expect((t?.details as { fitting: string[] }).fitting).toEqual(["se"]);
  });

  it("runs a paired t-test from a mean change with its SD and a within-group test about it", () => {
    // scipy: −5.6 with SD 4.0, n = 22: t = 5.6/(4.0/√22) = 6.567, p = 1.67e-6 with 21 df — fits p < .001, not p = .02.
    const add = (value: string, relation: string) => (study: any) => {
      reported(study, "phq9-therapy-change").dispersion = { kind: "sd", value: "4.0" };
      study.reported.push({ kind: "test", id: "within-t", p: { relation, value }, comparison: "within-group", instrument: "phq-9", groups: ["therapy"], about: ["phq9-therapy-change"], source: reported(study, "phq9-week-8-t").source });
    };
    const fits = find(run(add("0.001", "<")), "summary-t", "within-t");
    expect(fits?.subject).toEqual(["within-t", "phq9-therapy-change"]);
    expect(fits?.inputs.design).toBe("paired");
    expect(fits?.status).toBe("consistent");
    expect(find(run(add("0.02", "=")), "summary-t", "within-t")?.status).toBe("inconsistent");
  });

  it("checks a median and its IQR on the grid of a whole-number variable", () => {
    // sessions attended: whole numbers; n = 24 (even), so the median is a multiple of 0.5: 7 is, 7.3 is not.
    expect(find(run(), "median-grid", "sessions-therapy")?.status).toBe("consistent");
    expect(find(run((study) => (reported(study, "sessions-therapy").median = "7.3")), "median-grid", "sessions-therapy")?.status).toBe("inconsistent");
  });
});
