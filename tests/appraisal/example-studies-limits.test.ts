import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { LimitFlag, LimitsRegister } from "../../src/appraisal/limit-flag.js";
import { limitsRegister } from "../../src/appraisal/limits-register.js";
import { loadAttribution } from "../../src/appraisal/source-sections.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { loadStudy } from "../../src/io/load-study.js";
import { root } from "../helpers/fixtures.js";

/*
 * The limits register of the published example studies, each expected value read from the paper's own
 * numbers (quoted in data/studies/*.json) and worked by hand here, not copied from the register's output.
 */
const instruments = loadInstruments();
const registerOf = (id: string): LimitsRegister => {
  const file = join(root, "data/studies", `${id}.json`);
  const study = loadStudy(file, instruments);
  return limitsRegister(study, instruments, {}, loadAttribution(study, file));
};
const flag = (register: LimitsRegister, id: string): LimitFlag => {
  const found = register.flags.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no flag ${id}: ${register.flags.map((f) => f.id).join(", ")}`);
  return found;
};

describe("limits register of the yoga pilot (Wurz et al. 2023, one arm of 30, weeks 0, 8 and 16)", () => {
  const yoga = registerOf("yoga-videoconference-young-adults-cancer");

  it("counts losses outcome by outcome from the n printed with each at week 16", () => {
    // Tables 3–4 at week 16: RAND-36 n = 26 (24 for role limitations, physical); single leg balance right n = 19,
    // left 20; the other tests 21. Missing: 30 − 26 = 4 (13.3%) up to 30 − 19 = 11 (36.7%).
    const attrition = flag(yoga, "attrition");
    expect(attrition.title).toBe("outcome data missing at the last assessment: 4 to 11 of 30 (13.3% to 36.7%), by outcome");
    // "no adverse events" is a count of the whole group, not a result on those who stayed: no completer bound for it.
    expect(attrition.consequences.map((c) => String(c.inputs.label ?? ""))).not.toContainEqual(expect.stringMatching(/adverse/));
    // Balance right: 19 seen with mean 43.33 on 0–45 s; the 11 missing at 0 or at 45:
    // (19 × 43.33 + 0)/30 = 27.442 and (823.27 + 495)/30 = 43.942.
    const balance = attrition.consequences.find((c) => String(c.inputs.label).startsWith("single leg balance, right"))!;
    expect(balance.result.interval).toEqual([expect.closeTo(823.27 / 30, 6), expect.closeTo(1318.27 / 30, 6)]);
  });

  it("counts its 12 outcomes (5 RAND-36 subscales, 7 performance tests) at 2 later assessments, not its recruitment or adverse events", () => {
    const multiplicity = flag(yoga, "multiplicity");
    // 12 × 2 = 24 outcome–time pairs; one repeated-measures F per outcome: 12 hypotheses.
    expect(multiplicity.title).toBe("many outcomes and tests: 12 outcomes × 2 later assessments = 24 outcome–time pairs; 12 hypotheses tested");
    expect(multiplicity.notes.join(" ")).not.toMatch(/recruitment|retention|adverse/);
    // 1 − 0.95^24: ln 0.95 = −0.0512933, × 24 = −1.231039, e^that = 0.291989 → 0.708011.
    // 1 − 0.95^12: e^(−0.615520) = 0.540360 → 0.459640.
    expect(multiplicity.consequences.map((c) => c.result.probability)).toEqual([expect.closeTo(0.708011, 5), expect.closeTo(0.45964, 5)]);
  });

  it("says in one sentence that only some outcomes are self-rated and the file does not say which", () => {
    // outcomeAssessment "mixed": the RAND-36 is a questionnaire, the balance and flexibility tests are performance
    // tests. The verdict keeps a limit's first sentence, so the qualifier must be in it, not after it.
    const why = flag(yoga, "unblinded-assessment").why;
    expect(why.slice(0, why.indexOf(". ") === -1 ? undefined : why.indexOf(". "))).toMatch(/^Some of the outcomes are rated by the participants themselves, who may know what they received, and the file does not say which of /);
  });

  it("bounds 'no adverse events' once, in the paper's own words, not as 'serious harm'", () => {
    const harms = flag(yoga, "harms-imprecise");
    // The sentence is entered both as a safety claim and as a zero count of the same 30 people: one bound.
    expect(harms.consequences).toHaveLength(1);
    // Rule of three: 3/30 = 10%; exact one-sided 95%: 1 − 0.05^(1/30) = 1 − e^(ln 0.05 / 30) = 1 − e^(−0.099858) = 0.09503.
    expect(harms.consequences[0]!.statement).toMatch(/^under the strongest reading \(no adverse events in any of the 30\)/);
    expect(harms.consequences[0]!.result.ruleOfThree).toBeCloseTo(0.1, 12);
    expect(harms.consequences[0]!.result.exactOneSided).toBeCloseTo(0.09503, 5);
    expect(JSON.stringify(harms)).not.toMatch(/serious/);
  });
});

describe("limits register of the mask trial (Solberg et al. 2024, 2371 vs 2276, one follow-up)", () => {
  const masks = registerOf("face-masks-rct-norway");

  it("counts the odds ratio and risk difference of one comparison as one hypothesis: 2 in all, below the 3 that raise multiplicity", () => {
    // Symptoms: OR 0.71 and RD −3.2% of the same comparison (one hypothesis); covid-19 infection: OR 1.07 (another).
    expect(masks.flags.map((f) => f.id)).not.toContain("multiplicity");
    expect(JSON.stringify(masks)).not.toMatch(/\b3 tests reported\b/);
  });

  it("judges its non-significance by its interval, not as a study too small to tell", () => {
    // 2371 vs 2276 detect d ≥ 0.08 with 80% power (Cohen: n per group ≈ 2 × (2.80/0.08)² ≈ 2450), far below 0.5.
    expect(flag(masks, "not-significant").why).not.toMatch(/study this small/);
  });

  it("quotes the interval of the non-significant odds ratio, not a t-test's detectable d, for a counted outcome", () => {
    // The paper: covid-19 infection, marginal OR 1.07 (95% CI 0.58 to 1.98); 0.58 < 1 < 1.98, so no effect and
    // effects both ways remain possible. The symptoms OR (0.58 to 0.87) and RD (−5.2 to −1.3) exclude their nulls.
    const consequences = flag(masks, "not-significant").consequences;
    expect(consequences.map((c) => c.method)).toEqual(["compatible-effects"]);
    expect(consequences[0]!.result).toEqual({ lower: 0.58, upper: 1.98, null: 1 });
    expect(consequences[0]!.statement).toContain("1.07 (95% CI 0.58 to 1.98)");
  });
});
