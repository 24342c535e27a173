import { describe, expect, it } from "vitest";
import { limitsRegister } from "../../src/appraisal/limits-register.js";
import type { LimitFlag, LimitsRegister } from "../../src/appraisal/limit-flag.js";
import { CohortError } from "../../src/errors.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { loadStudy, parseStudy } from "../../src/io/load-study.js";
import * as message from "../../src/messages/appraisal.js";
import { auditSources } from "../../src/provenance/audit-sources.js";
import { sourcesDir, studyA, studyB } from "../helpers/fixtures.js";
import { powerByIntegration } from "../inference/noncentral-t-oracle.js";
import { syntheticRct } from "./synthetic-rct.js";

const instruments = loadInstruments();
const a = loadStudy(studyA, instruments);
const b = loadStudy(studyB, instruments);
const registerA = limitsRegister(a, instruments);
const registerB = limitsRegister(b, instruments);

const all = (register: LimitsRegister): LimitFlag[] => [...register.admitted, ...register.notAdmitted];
const flag = (register: LimitsRegister, id: string): LimitFlag => {
  const found = all(register).find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no flag ${id} in ${register.study}: ${all(register).map((f) => f.id).join(", ")}`);
  return found;
};
const ids = (register: LimitsRegister): string[] => all(register).map((f) => f.id);

/** Every {file, quote} pair in a JSON value, found by walking it (independent of the register code). */
function quotesIn(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => quotesIn(item, out));
  else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.file === "string" && typeof record.quote === "string") out.add(`${record.file}|${record.quote}`);
    Object.values(record).forEach((item) => quotesIn(item, out));
  }
  return out;
}

describe("limitsRegister", () => {
  it("flags study A's limits, none of them admitted by the abstract", () => {
    expect(registerA.admitted).toEqual([]);
    for (const id of ["small-sample", "imprecise-shares", "no-control-group", "convenience-sample", "co-interventions", "unblinded-self-report", "significance-without-test", "missing-dispersion", "undefined-band-label", "undefined-improvement", "no-follow-up", "instrument-version-assumed"]) {
      expect(flag(registerA, id).admitted, id).toBe(false);
    }
    // Study A is a single cohort (no arms to allocate), reports a dose, and is an abstract without stated interests.
    for (const id of ["small-arms", "non-random-allocation", "missing-dose", "promotional-source", "not-significant"]) expect(ids(registerA)).not.toContain(id);
  });

  it("marks study B's small sample and non-significance as admitted, with the source's own words", () => {
    const significance = flag(registerB, "not-significant");
    expect(significance.admitted).toBe(true);
    expect(significance.admission.map((entry) => entry.source.quote)).toContain("Although the results were not statistically significant due to the small sample size");
    expect(flag(registerB, "small-sample").admitted).toBe(true);
    expect(flag(registerB, "small-arms").admission.map((entry) => entry.source.quote)).toContain("While further research with a larger sample size is needed");
    for (const id of ["no-control-group", "non-random-allocation", "co-interventions", "unblinded-self-report", "missing-dispersion", "missing-dose", "no-follow-up", "promotional-source", "instrument-version-assumed"]) {
      expect(flag(registerB, id).admitted, id).toBe(false);
    }
    expect(ids(registerB)).not.toContain("significance-without-test");
  });

  it("quotes only the study file's own quotes, and every quote passes the provenance audit", () => {
    for (const [study, register] of [[a, registerA], [b, registerB]] as const) {
      const known = quotesIn(study);
      for (const entry of all(register).flatMap((f) => [...f.evidence, ...f.admission])) {
        expect(known.has(`${entry.source.file}|${entry.source.quote}`), entry.source.quote).toBe(true);
      }
      expect(auditSources(register, sourcesDir, "register").problems).toEqual([]);
    }
  });

  it("cites study A's co-intervention and the 'significant' claims as evidence", () => {
    expect(flag(registerA, "co-interventions").evidence.map((e) => e.source.quote)).toEqual(["Each treatment also involved lidocaine plus magnesium nerve blocks."]);
    expect(flag(registerA, "significance-without-test").evidence.map((e) => e.source.quote)).toEqual([
      "Chronic pain patients with substance misuse showed significant improvements after receiving monthly intramuscular ketamine treatments.",
      "dependence severity significantly lessened",
    ]);
    expect(flag(registerA, "undefined-band-label").evidence.map((e) => e.source.quote)).toEqual(["SDS improved to satisfactory levels"]);
    expect(flag(registerB, "co-interventions").evidence).toHaveLength(2); // psychotherapy at 24 h vs during dosing
  });

  it("quantifies 'improved in all patients' with the rule of three", () => {
    const [rule] = flag(registerA, "undefined-improvement").consequences;
    // Hand calculation: 1 − 3/20 = 0.85; exact one-sided bound 0.05^(1/20) = e^(ln 0.05 / 20) = 0.860892.
    expect(rule!.result.lowerBound).toBeCloseTo(0.85, 12);
    expect(rule!.result.exactLowerBound).toBeCloseTo(0.860892, 6);
    // Study B's "All participants … lower depression scores": 1 − 3/10 = 0.70; 0.05^(1/10) = 0.741134.
    const [ruleB] = flag(registerB, "undefined-improvement").consequences;
    expect(ruleB!.result.lowerBound).toBeCloseTo(0.7, 12);
    expect(ruleB!.result.exactLowerBound).toBeCloseTo(0.741134, 6);
  });

  it("gives Wilson and Clopper–Pearson intervals for study A's shares", () => {
    const consequences = flag(registerA, "imprecise-shares").consequences;
    expect(consequences).toHaveLength(6); // 2 sexes + 4 misuse categories
    const female = consequences.find((c) => c.inputs.category === "sex: female")!;
    // Wilson by hand for 11/20, z = 1.959964: p = 0.55, z²/n = 0.192073,
    // centre = (0.55 + 0.096036)/1.192073 = 0.541944, half = z·√(0.55·0.45/20 + z²/1600)/1.192073 = 0.199858
    // → [0.342085, 0.741802].
    const [low, high] = female.result.wilson as number[];
    expect(low).toBeCloseTo(0.342085, 5);
    expect(high).toBeCloseTo(0.741802, 5);
    // Clopper–Pearson by an independent oracle: bisection on the binomial tail sums.
    const [cpLow, cpHigh] = female.result.clopperPearson as number[];
    expect(cpLow).toBeCloseTo(exactBound(11, 20, "lower"), 6);
    expect(cpHigh).toBeCloseTo(exactBound(11, 20, "upper"), 6);
  });

  it("gives the MDE of study A's paired design and of study B's 5 vs 5, checked by an independent power integral", () => {
    const [pairedA] = flag(registerA, "small-sample").consequences;
    expect(pairedA!.inputs).toMatchObject({ design: "paired", n: [20], alpha: 0.05, power: 0.8 });
    // Second method: solve power = 0.80 by bisection on the independent integral oracle (no jStat),
    // with t_crit from a t table: 2.093024 (df 19) and 2.306004 (df 8); ncp = dz·√20 and d·√(5·5/10).
    expect(pairedA!.result.mde).toBeCloseTo(mdeByOracle(2.093024, 19, Math.sqrt(20)), 4);

    const arms = flag(registerB, "small-arms").consequences;
    const twoGroup = arms.find((c) => c.method === "mde" && c.inputs.design === "two-group")!;
    expect(twoGroup.result.mde).toBeCloseTo(mdeByOracle(2.306004, 8, Math.sqrt(2.5)), 4);
    // Within one arm of 5 (paired, df 4, t_crit 2.776445).
    const withinArm = arms.find((c) => c.method === "mde" && c.inputs.design === "paired")!;
    expect(withinArm.result.mde).toBeCloseTo(mdeByOracle(2.776445, 4, Math.sqrt(5)), 4);
    // METHODS.md §7 [measured]: power for d = 1 with 5 vs 5 is 0.286.
    const d1 = arms.find((c) => c.method === "power" && c.inputs.effect === 1)!;
    expect(d1.result.power).toBeCloseTo(0.286, 3);
  });

  it("states the observed effect study A would need to be significant", () => {
    const [threshold] = flag(registerA, "significance-without-test").consequences;
    // t table (two-sided 0.05, df 19): 2.093; 2.093 / √20 = 0.4680.
    expect(threshold!.result.threshold).toBeCloseTo(0.468, 3);
  });

  it("raises none of these flags for a well-reported randomised, blinded, controlled trial", () => {
    const rct = parseStudy(syntheticRct(), instruments, "rct.json");
    const register = limitsRegister(rct, instruments);
    expect(ids(register)).toEqual([]);
  });

  it("raises each flag again when the synthetic trial loses the matching feature", () => {
    const cases: Array<[string, (study: any) => void]> = [
      ["small-sample", (s) => { s.design.sampleSize.value = 20; s.design.arms[0].size.value = 10; s.design.arms[1].size.value = 10; s.reported = s.reported.filter((v: any) => v.kind !== "composition"); }],
      ["no-control-group", (s) => { s.design.controlGroup = { value: "no", basis: "not-reported" }; }],
      ["non-random-allocation", (s) => { s.design.allocation = { value: "not-reported", basis: "not-reported" }; }],
      ["convenience-sample", (s) => { s.design.sampling = { value: "convenience", basis: "stated", source: { file: "rct.txt", quote: "a convenience sample" } }; }],
      ["unblinded-self-report", (s) => { s.design.blinding = { value: "none", basis: "not-reported" }; }],
      ["missing-dispersion", (s) => { s.reported.forEach((v: any) => delete v.dispersion); }],
      ["significance-without-test", (s) => { s.claims[0].testReported = false; }],
      ["no-follow-up", (s) => { s.design.followUp = { value: "not-reported", basis: "not-reported" }; }],
      ["missing-dose", (s) => { delete s.design.arms[0].intervention.dose; }],
      ["promotional-source", (s) => { s.source.kind = "clinic-page"; }],
      ["co-interventions", (s) => { s.design.arms[0].intervention.coInterventions = [{ value: "physiotherapy", source: { file: "rct.txt", quote: "plus physiotherapy" } }]; }],
    ];
    for (const [id, change] of cases) {
      const data = syntheticRct();
      change(data);
      const register = limitsRegister(parseStudy(JSON.parse(JSON.stringify(data)), instruments, "rct.json"), instruments);
      expect(ids(register), id).toContain(id);
    }
  });

  it("lists flags in a fixed order, identical on repeat", () => {
    expect(JSON.stringify(limitsRegister(a, instruments))).toBe(JSON.stringify(registerA));
    expect(registerA.notAdmitted.map((f) => f.id).slice(0, 3)).toEqual(["small-sample", "imprecise-shares", "no-control-group"]);
  });

  it("rejects thresholds out of range", () => {
    expect(() => limitsRegister(a, instruments, { mediumEffect: 0 })).toThrow(new CohortError({ message: message.smallSampleThresholdInvalid(0) }));
    expect(() => limitsRegister(a, instruments, { shareWidth: 1.5 })).toThrow(message.shareWidthThresholdInvalid(1.5));
  });
});

/** Effect at which the oracle's two-sided power reaches 0.80, by bisection (power rises with the effect). */
function mdeByOracle(criticalT: number, df: number, ncpPerEffect: number): number {
  let lo = 0;
  let hi = 10;
  for (let step = 0; step < 40; step += 1) {
    const mid = (lo + hi) / 2;
    if (powerByIntegration(criticalT, df, mid * ncpPerEffect) < 0.8) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Exact binomial bound by bisection on P(X ≥ k | p) = 0.025 (lower) or P(X ≤ k | p) = 0.025 (upper). */
function exactBound(k: number, n: number, side: "lower" | "upper"): number {
  const choose = (m: number, r: number): number => {
    let out = 1;
    for (let i = 1; i <= r; i += 1) out = (out * (m - r + i)) / i;
    return out;
  };
  const pmf = (x: number, p: number) => choose(n, x) * p ** x * (1 - p) ** (n - x);
  const tail = (p: number) => {
    let sum = 0;
    if (side === "lower") for (let x = k; x <= n; x += 1) sum += pmf(x, p);
    else for (let x = 0; x <= k; x += 1) sum += pmf(x, p);
    return sum;
  };
  let lo = 0;
  let hi = 1;
  for (let step = 0; step < 80; step += 1) {
    const mid = (lo + hi) / 2;
    // Lower tail P(X ≥ k) rises with p; upper tail P(X ≤ k) falls with p.
    if ((side === "lower" ? tail(mid) < 0.025 : tail(mid) > 0.025)) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

describe("limitsRegister on tiny studies", () => {
  it("never throws and never gives a consequence it cannot compute, for arms of 1 to 3", () => {
    for (const [n1, n2] of [[1, 0], [1, 1], [1, 2], [2, 2], [2, 3], [3, 3]] as const) {
      const data = syntheticRct();
      data.design.arms[0].size.value = n1;
      data.design.arms[1].size.value = n2;
      data.design.sampleSize.value = n1 + n2;
      data.reported = data.reported.filter((value: { kind: string }) => value.kind !== "composition");
      data.claims.push({ id: "all-better", type: "all-improved", group: "drug", testReported: false, source: { file: "rct.txt", quote: "all improved" } });
      const register = limitsRegister(parseStudy(data, instruments, "tiny.json"), instruments);
      const found = all(register);
      // n = 2 is the smallest paired design with df ≥ 1; below it no MDE is given.
      expect(found.find((f) => f.id === "small-sample")!.consequences.length, `${n1} vs ${n2}`).toBe(n1 + n2 >= 2 ? 1 : 0);
      // Rule of three for "all improved" in the drug arm: 1 − 3/n1 floors at 0 (3/n ≥ 1 for n ≤ 3).
      expect(found.find((f) => f.id === "undefined-improvement")!.consequences[0]!.result.lowerBound).toBe(0);
      expect(found.some((f) => f.id === "small-arms")).toBe(n1 >= 2);
    }
  });
});
