import { describe, expect, it } from "vitest";
import { limitsRegister } from "../../src/appraisal/limits-register.js";
import type { LimitFlag, LimitsRegister } from "../../src/appraisal/limit-flag.js";
import { loadAttribution } from "../../src/appraisal/source-sections.js";
import { CohortError } from "../../src/errors.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { loadStudy, parseStudy } from "../../src/io/load-study.js";
import * as message from "../../src/messages/appraisal.js";
import { auditSources } from "../../src/provenance/audit-sources.js";
import { seedJson, sourcesDir, studyA, studyB } from "../helpers/fixtures.js";
import { twoArmTrial } from "../helpers/two-arm-trial.js";
import { powerByIntegration } from "../inference/noncentral-t-oracle.js";
import { syntheticRct } from "./synthetic-rct.js";

const instruments = loadInstruments();
const a = loadStudy(studyA, instruments);
const b = loadStudy(studyB, instruments);
const registerA = limitsRegister(a, instruments, {}, loadAttribution(a, studyA));
const registerB = limitsRegister(b, instruments, {}, loadAttribution(b, studyB));
const trial = parseStudy(twoArmTrial(), instruments, "trial.json");
const registerTrial = limitsRegister(trial, instruments);

const flag = (register: LimitsRegister, id: string): LimitFlag => {
  const found = register.flags.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no flag ${id} in ${register.study}: ${register.flags.map((f) => f.id).join(", ")}`);
  return found;
};
const ids = (register: LimitsRegister): string[] => register.flags.map((f) => f.id);

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

describe("limitsRegister on the seeds", () => {
  it("flags study A's limits; the abstract only implies the small sample (a call for larger studies)", () => {
    expect(ids(registerA)).toEqual([
      "small-sample", "imprecise-shares", "no-control-group", "convenience-sample", "attrition", "co-interventions", "unblinded-assessment", "multiplicity",
      "missing-dispersion", "below-important-difference", "undefined-band-label", "undefined-improvement", "no-follow-up", "instrument-version-assumed", "unattributed-claims",
    ]);
    expect(flag(registerA, "small-sample").admission.level).toBe("implied");
    expect(registerA.flags.filter((f) => f.id !== "small-sample").every((f) => f.admission.level === "none")).toBe(true);
  });

  it("does not hold study A to the aggregator's unsigned summary: its 'significant' claims are listed apart, not judged as the study's", () => {
    // "significant" appears only in the Summary block of 000_…txt; the abstract never says it.
    expect(ids(registerA)).not.toContain("significance-without-test");
    expect(ids(registerA)).not.toContain("no-test-reported");
    expect(flag(registerA, "unattributed-claims").evidence.map((e) => e.source.quote)).toEqual([
      "Chronic pain patients with substance misuse showed significant improvements after receiving monthly intramuscular ketamine treatments.",
      "dependence severity significantly lessened",
      "This suggests that ketamine-based therapy could effectively address both chronic pain and substance misuse, enhancing patient outcomes and promoting public safety within healthcare systems.",
    ]);
  });

  it("flags them as the study's own when the sections are not declared (the document as a whole)", () => {
    const whole = limitsRegister(a, instruments);
    expect(ids(whole)).toContain("significance-without-test");
    expect(ids(whole)).not.toContain("unattributed-claims");
  });

  it("marks study B's small arms and non-significance as stated, by the form of its own sentences", () => {
    for (const id of ["not-significant", "small-arms"]) expect(flag(registerB, id).admission.level, id).toBe("stated");
    // 5 vs 5: the sample's size is small-arms' limit; no analysis treats the 10 as one paired group.
    expect(ids(registerB)).not.toContain("small-sample");
    expect(flag(registerB, "not-significant").admission.quotes.map((entry) => entry.source.quote)).toEqual(["Although the results were not statistically significant due to the small sample size"]);
    // The call for a larger sample also concedes small arms, but a caveat already states it.
    expect(flag(registerB, "small-arms").admission.quotes.map((entry) => entry.source.quote)).toContain("While further research with a larger sample size is needed");
    for (const id of ["no-control-group", "non-random-allocation", "co-interventions", "unblinded-assessment", "missing-dispersion", "missing-dose", "no-follow-up", "promotional-source", "harms-imprecise", "multiplicity"]) {
      expect(flag(registerB, id).admission.level, id).toBe("none");
    }
  });

  it("quotes only the study file's own quotes, and every quote passes the provenance audit", () => {
    for (const [study, register] of [[a, registerA], [b, registerB]] as const) {
      const known = quotesIn(study);
      for (const entry of register.flags.flatMap((f) => [...f.evidence, ...f.admission.quotes])) {
        expect(known.has(`${entry.source.file}|${entry.source.quote}`), entry.source.quote).toBe(true);
      }
      expect(auditSources(register, sourcesDir, "register").problems).toEqual([]);
    }
  });

  it("quantifies study A's 'improved in all patients' under its strongest reading and shows the weaker ones", () => {
    const improvement = flag(registerA, "undefined-improvement");
    const [rule] = improvement.consequences;
    // Hand calculation: 1 − 3/20 = 0.85; exact one-sided bound 0.05^(1/20) = e^(ln 0.05 / 20) = 0.860892.
    expect(rule!.result.lowerBound).toBeCloseTo(0.85, 12);
    expect(rule!.result.exactLowerBound).toBeCloseTo(0.860892, 6);
    expect(rule!.statement).toMatch(/^under the strongest reading \(every one of the 20 improved on every one of substance misuse, PHQ-9, NRS and SDS\)/);
    expect(improvement.notes[0]).toContain("(weaker) every one of the 20 participants improved on at least one of");
    expect(improvement.notes[0]).toContain("(weakest) the group of 20 participants improved on average");
    // Study B's "All participants … lower depression scores": 1 − 3/10 = 0.70; 0.05^(1/10) = 0.741134.
    const [ruleB] = flag(registerB, "undefined-improvement").consequences;
    expect(ruleB!.result.lowerBound).toBeCloseTo(0.7, 12);
    expect(ruleB!.result.exactLowerBound).toBeCloseTo(0.741134, 6);
  });

  it("bounds study B's 'no serious adverse events' in 10 people by the rule of three and exact Clopper–Pearson", () => {
    const [harm] = flag(registerB, "harms-imprecise").consequences;
    // 3/10 = 0.3; one-sided exact 1 − 0.05^(1/10) = 0.258866; two-sided 95% CP upper 1 − 0.025^(1/10) = 0.308497.
    expect(harm!.result.ruleOfThree).toBeCloseTo(0.3, 12);
    expect(harm!.result.exactOneSided).toBeCloseTo(0.258866, 6);
    expect(harm!.result.clopperPearsonUpper).toBeCloseTo(0.308497, 6);
    expect(harm!.statement).toMatch(/^under the strongest reading \(no serious adverse events in any of the 10\)/);
    expect(flag(registerB, "harms-imprecise").notes[0]).toContain("(weakest) no serious adverse events were recorded");
  });

  it("gives the chance of a false p < .05 over the outcome–time pairs (1 − 0.95^k)", () => {
    // A: 3 instruments × 1 later time = 3 → 1 − 0.857375 = 0.142625. B: 5 × 3 = 15 → 1 − 0.463291 = 0.536709.
    expect(flag(registerA, "multiplicity").consequences[0]!.result.probability).toBeCloseTo(0.142625, 6);
    expect(flag(registerB, "multiplicity").consequences[0]!.result.probability).toBeCloseTo(0.536709, 6);
  });

  it("holds reported changes against published minimal important changes", () => {
    const important = flag(registerB, "below-important-difference").consequences;
    const verdicts = Object.fromEntries(important.map((c) => [String(c.inputs.label), c.result.verdict]));
    // BPI severity, IMMPACT minimal 10–20%: 21.88% ≥ 20 reaches; 3.39% < 10 falls short; 32.81% reaches; a 24.56% increase is not compared.
    expect(verdicts["BPI-SF severity, Psychedelic KAP (intramuscular), throughout treatment"]).toBe("reaches");
    expect(verdicts["BPI-SF severity, Psycholytic KAP (oral lozenge), throughout treatment"]).toBe("below");
    expect(verdicts["BPI-SF severity, Psycholytic KAP (oral lozenge), between session 1 and session 3"]).toBe("reaches");
    expect(important).toHaveLength(3);
    // Study A: moderately severe [15, 20) → mild [5, 10) is a fall of 5 to 15 points, so it reaches 5 (PHQ-9, Löwe 2004);
    // severe [7, 10] → moderate [4, 7) is a fall of 0 to 6, which may or may not reach 2 points (Farrar 2001).
    const a = flag(registerA, "below-important-difference").consequences;
    const phq = a.find((c) => String(c.inputs.label).startsWith("PHQ-9"))!;
    expect([phq.inputs.low, phq.inputs.high, phq.result.verdict]).toEqual([5, 15, "reaches"]);
    const nrs = a.find((c) => String(c.inputs.label).startsWith("NRS") && c.inputs.unit === "points")!;
    expect([nrs.inputs.low, nrs.inputs.high, nrs.result.verdict]).toEqual([0, 6, "cannot tell"]);
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
    const withinArm = arms.find((c) => c.method === "mde" && c.inputs.design === "paired")!;
    expect(withinArm.result.mde).toBeCloseTo(mdeByOracle(2.776445, 4, Math.sqrt(5)), 4);
    // METHODS.md §7 [measured]: power for d = 1 with 5 vs 5 is 0.286.
    expect(arms.find((c) => c.method === "power" && c.inputs.effect === 1)!.result.power).toBeCloseTo(0.286, 3);
  });

  it("gives Wilson and Clopper–Pearson intervals for study A's shares", () => {
    const female = flag(registerA, "imprecise-shares").consequences.find((c) => c.inputs.category === "sex: female")!;
    // Wilson by hand for 11/20, z = 1.959964: centre 0.541944, half-width 0.199858 → [0.342085, 0.741802].
    const [low, high] = female.result.wilson as number[];
    expect(low).toBeCloseTo(0.342085, 5);
    expect(high).toBeCloseTo(0.741802, 5);
  });
});

describe("limitsRegister on the two-arm therapy trial", () => {
  it("bounds the completers-only results: every missing person at each end of the scale (hand calculation)", () => {
    const bounds = flag(registerTrial, "attrition").consequences;
    const interval = (label: string) => bounds.find((c) => String(c.inputs.label) === label)!.result.interval as number[];
    // Therapy PHQ-9 at week 8: 22 seen with mean 9.6 of 24: (211.2 + 0)/24 = 8.8 and (211.2 + 54)/24 = 11.05.
    expect(interval("PHQ-9 at Week 8 in group therapy")).toEqual([expect.closeTo(8.8, 10), expect.closeTo(11.05, 10)]);
    // Response 11/22 of 24 → 11/24 = 0.458333 to 13/24 = 0.541667; wait list 3/22 → 3/24 = 0.125 to 5/24 = 0.208333.
    expect(interval("response (a 50% reduction) in group therapy")).toEqual([expect.closeTo(11 / 24, 10), expect.closeTo(13 / 24, 10)]);
    // Difference: 11/24 − 5/24 = 0.25 to 13/24 − 3/24 = 0.416667: the sign survives the worst case.
    const difference = bounds.find((c) => String(c.inputs.label).startsWith("response (a 50% reduction), group therapy"))!;
    expect(difference.result.interval).toEqual([expect.closeTo(0.25, 10), expect.closeTo(10 / 24, 10)]);
    expect(difference.result.signCanFlip).toBe(0);
  });

  it("quantifies regression to the mean from the entry rule PHQ-9 ≥ 10, the published SD and the test–retest correlation", () => {
    const [rtm] = flag(registerTrial, "regression-to-the-mean").consequences;
    // Entry mean (15.2·24 + 14.9·24)/48 = 15.05; with the published population mean 3.1 and ρ = 0.737:
    // −(1 − 0.737)(15.05 − 3.1) = −0.263 × 11.95 = −3.14285.
    expect(rtm!.inputs).toMatchObject({ cutoff: 9.5, sd: 3.5, reliability: 0.737, populationMean: 3.1 });
    expect(rtm!.inputs.selectedMean).toBeCloseTo(15.05, 10);
    expect(rtm!.result.fromPublishedMean).toBeCloseTo(-3.14285, 5);
    expect(rtm!.result.expectedChange).toBeLessThan(0);
    expect(rtm!.statement).toContain("The study does not report which population it screened");
  });

  it("names the wait list as a comparison participants know is inactive, and raises no drug or dose limit for a psychological therapy", () => {
    expect(flag(registerTrial, "control-without-placebo").title).toBe("comparison arm that participants know is inactive: a wait list");
    expect(ids(registerTrial)).not.toContain("missing-dose");
    expect(ids(registerTrial)).not.toContain("no-control-group");
  });
});

describe("limitsRegister on a well-reported trial", () => {
  it("raises no flag for a randomised, double-blind, placebo-controlled trial with complete follow-up", () => {
    expect(ids(limitsRegister(parseStudy(syntheticRct(), instruments, "rct.json"), instruments))).toEqual([]);
  });

  it("lists flags in a fixed order, identical on repeat", () => {
    expect(JSON.stringify(limitsRegister(a, instruments, {}, loadAttribution(a, studyA)))).toBe(JSON.stringify(registerA));
  });

  it("rejects thresholds out of range", () => {
    expect(() => limitsRegister(a, instruments, { mediumEffect: 0 })).toThrow(new CohortError({ message: message.smallSampleThresholdInvalid(0) }));
    expect(() => limitsRegister(a, instruments, { shareWidth: 1.5 })).toThrow(message.shareWidthThresholdInvalid(1.5));
    expect(() => limitsRegister(a, instruments, { multiplicityFrom: 1 })).toThrow(message.multiplicityThresholdInvalid(1));
    expect(() => limitsRegister(a, instruments, { attritionConcern: 0 })).toThrow(message.attritionThresholdInvalid(0));
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

describe("limitsRegister on tiny studies", () => {
  it("gives one group's MDE only from n = 2, the smallest paired design with df ≥ 1", () => {
    for (const n of [1, 2, 3]) {
      const data = seedJson(studyA);
      data.design.sampleSize.value = n;
      data.design.arms[0].size.value = n;
      data.reported = data.reported.filter((value: { kind: string }) => value.kind !== "composition");
      const register = limitsRegister(parseStudy(data, instruments, "one.json"), instruments);
      expect(flag(register, "small-sample").consequences.length, `n = ${n}`).toBe(n >= 2 ? 1 : 0);
    }
  });

  it("never throws and never gives a consequence it cannot compute, for arms of 1 to 3", () => {
    for (const [n1, n2] of [[1, 0], [1, 1], [1, 2], [2, 2], [2, 3], [3, 3]] as const) {
      const data = syntheticRct();
      data.design.arms[0].size.value = n1;
      data.design.arms[1].size.value = n2;
      data.design.sampleSize.value = n1 + n2;
      data.reported = data.reported.filter((value: { kind: string }) => value.kind !== "composition" && value.kind !== "sample-flow");
      data.claims.push({ id: "all-better", type: "all-improved", group: "drug", testReported: false, source: { file: "rct.txt", quote: "all improved" } });
      const register = limitsRegister(parseStudy(data, instruments, "tiny.json"), instruments);
      // Two arms: their size is small-arms' limit, never the whole sample as one paired group.
      expect(ids(register), `${n1} vs ${n2}`).not.toContain("small-sample");
      // Rule of three for "all improved" in the drug arm: 1 − 3/n1 floors at 0 (3/n ≥ 1 for n ≤ 3).
      expect(flag(register, "undefined-improvement").consequences[0]!.result.lowerBound).toBe(0);
      expect(ids(register).includes("small-arms")).toBe(n1 >= 2);
    }
  });
});
