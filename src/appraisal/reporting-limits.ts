import type { Claim, EffectEstimate, TestResult } from "../schema/reported-value.js";
import { familywiseConsequence } from "./bound-consequences.js";
import { compatibleEffectsConsequence } from "./compatible-effects.js";
import { mdeConsequence, ruleOfThreeConsequence, significanceThresholdConsequence } from "./consequences.js";
import { claimOutcomes, readingsNote } from "./claim-readings.js";
import type { Consequence } from "./limit-flag.js";
import { attributedToStudy, claimQuotes, defined, groupSize, listNames, listWords, quotes, studyClaims, type AppraisalInput, type LimitRule } from "./limit-rules.js";
import { measureKey, outcomeMeasures } from "./outcome-measures.js";
import { WRITTEN_BY } from "./source-sections.js";

/*
 * Limits that come from what the source reports and how it words it: significance, tests, many
 * outcomes, spread, outcome definitions, instrument versions, who is publishing, and which parts of
 * the page speak for the study.
 */

const untested = (input: AppraisalInput, types: ReadonlyArray<Claim["type"]>): Claim[] => studyClaims(input).filter((claim) => types.includes(claim.type) && !claim.testReported);

/** The test a claim about `group` would need: paired within one group, two-group between the two smallest arms. */
function testDesignFor(input: AppraisalInput, claim: Claim): { design: "paired" | "one-sample" | "two-group"; n: number[] } | undefined {
  const { study } = input;
  const sizes = study.design.arms.map((arm) => arm.size.value).sort((a, b) => a - b);
  if (claim.type === "comparison" && sizes.length >= 2) return { design: "two-group", n: [sizes[0]!, sizes[1]!] };
  const n = groupSize(study, claim.group);
  if (n === undefined || n < 2) return undefined;
  return { design: study.design.timepoints.length >= 2 ? "paired" : "one-sample", n: [n] };
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(key(item)) ? false : (seen.add(key(item)), true)));
}

export const notSignificant: LimitRule = {
  id: "not-significant",
  find(input) {
    const { study, options } = input;
    const claims = studyClaims(input).filter((claim) => claim.type === "non-significance");
    const stated = study.limitationsStated.filter((limitation) => limitation.concedes.includes("not-significant"));
    if (claims.length === 0 && stated.length === 0) return undefined;
    const sizes = study.design.arms.map((arm) => arm.size.value).sort((a, b) => a - b);
    const n = study.design.sampleSize.value;
    const consequence = sizes.length >= 2 && sizes[0]! >= 2 ? mdeConsequence("two-group", [sizes[0]!, sizes[1]!], options.power, options.alpha) : n >= 2 ? mdeConsequence("paired", [n], options.power, options.alpha) : undefined;
    // A reported interval that spans "no effect" says directly which effects remain possible; a t-test's
    // detectable effect would describe some other outcome (a count, a ratio) only by analogy.
    const intervals = defined(study.reported.map((value) => (value.kind === "effect" ? compatibleEffectsConsequence(value) : undefined)));
    return {
      title: "results not statistically significant",
      evidence: quotes(claims.map((claim) => claim.source)),
      notes: claims.some((claim) => !claim.testReported) ? ["no test, statistic or p-value is reported behind the non-significance"] : [],
      why: consequence !== undefined && (consequence.result.mde as number) <= options.mediumEffect
        ? "Differences the source itself says chance could explain cannot carry its conclusions. A result that is not significant is not evidence of no effect either: its confidence interval shows which effects remain compatible with the data."
        : "Differences the source itself says chance could explain cannot carry its conclusions. 'Not significant' in a study this small is also weak evidence of no effect: it only rules out effects larger than the smallest detectable one.",
      consequences: intervals.length > 0 ? intervals : consequence ? [consequence] : [],
    };
  },
};

export const significanceWithoutTest: LimitRule = {
  id: "significance-without-test",
  find(input) {
    const claims = untested(input, ["significance"]);
    if (claims.length === 0) return undefined;
    const designs = uniqueBy(defined(claims.map((claim) => testDesignFor(input, claim))), (design) => `${design.design}:${design.n.join(",")}`);
    return {
      title: '"significant" claimed with no statistical test reported',
      evidence: quotes(claims.map((claim) => claim.source)),
      notes: [],
      why: "'Significant' is a claim about a statistical test; with no test, statistic, p-value or confidence interval it cannot be checked, and it claims more than the report shows.",
      consequences: designs.map((design) => significanceThresholdConsequence(design.design, design.n, input.options.alpha)),
    };
  },
};

export const noTestReported: LimitRule = {
  id: "no-test-reported",
  find(input) {
    const claims = untested(input, ["non-significance", "comparison", "efficacy", "improvement"]);
    if (claims.length === 0) return undefined;
    return {
      title: "claims of effect or difference with no test, p-value or confidence interval",
      evidence: quotes(claims.map((claim) => claim.source)),
      notes: claims.map((claim) => `${claim.id} (${claim.type}): no test reported`),
      why: "Without a test statistic, p-value or interval a reader cannot tell whether a difference exceeds what chance produces in a sample this size, nor recompute it.",
      consequences: [],
    };
  },
};

/** A key per hypothesis: the odds ratio and the risk difference of one comparison test one hypothesis. */
function hypothesisKey(study: AppraisalInput["study"], value: TestResult | EffectEstimate): string {
  const measure = measureKey(study, value) ?? value.id;
  const times = value.kind === "test" ? (value.timepoints ?? []) : value.timepoint === undefined ? [] : [value.timepoint];
  return `${measure}|${[...(value.groups ?? [])].sort().join(",")}|${[...times].sort().join(",")}`;
}

export const multiplicity: LimitRule = {
  id: "multiplicity",
  find({ study, instruments, options }) {
    const outcomes = outcomeMeasures(study, instruments);
    const pairs = outcomes.reduce((sum, outcome) => sum + outcome.comparisons, 0);
    const tests = study.reported.filter((value): value is TestResult | EffectEstimate => value.kind === "test" || (value.kind === "effect" && value.p !== undefined));
    const hypotheses = new Set(tests.map((test) => hypothesisKey(study, test))).size;
    if (Math.max(pairs, hypotheses) < options.multiplicityFrom) return undefined;
    const each = new Set(outcomes.map((outcome) => outcome.comparisons));
    const later = study.design.timepoints.length >= 2;
    const pairWords =
      outcomes.length === 0
        ? ""
        : each.size === 1
        ? `${outcomes.length} outcome${outcomes.length === 1 ? "" : "s"} × ${[...each][0]} ${later ? `later assessment${[...each][0] === 1 ? "" : "s"}` : `comparison${[...each][0] === 1 ? "" : "s"}`} = ${pairs} outcome–time pair${pairs === 1 ? "" : "s"}`
        : `${pairs} outcome–time pairs over ${outcomes.length} outcomes`;
    const testWords = `${hypotheses} hypothes${hypotheses === 1 ? "is" : "es"} tested${tests.length !== hypotheses ? ` (${tests.length} tests or effects with a p-value)` : ""}`;
    const consequences: Consequence[] = [];
    if (pairs >= options.multiplicityFrom) consequences.push(familywiseConsequence(pairs, `the ${pairs} outcome–time pairs`, options.alpha));
    if (hypotheses >= 2 && hypotheses !== pairs) consequences.push(familywiseConsequence(hypotheses, `the ${hypotheses} hypotheses`, options.alpha));
    return {
      title: `many outcomes and tests: ${[pairWords, hypotheses > 0 ? testWords : ""].filter((part) => part !== "").join("; ")}`,
      evidence: quotes([...study.instruments.map((entry) => entry.source), ...tests.map((test) => test.source)]),
      notes: outcomes.length > 0 ? [`outcomes: ${listNames(outcomes.map((outcome) => outcome.name))}`] : [],
      why: "With many outcomes and times, some changes or p-values below .05 are expected by chance alone; unless one primary outcome was named in advance, a reader cannot tell the question from the results found along the way.",
      consequences,
    };
  },
};

export const missingDispersion: LimitRule = {
  id: "missing-dispersion",
  find({ study }) {
    const outcomes = study.reported.filter((value) => value.kind === "band-shift" || value.kind === "percent-change" || value.kind === "mean" || value.kind === "mean-change" || value.kind === "median");
    if (outcomes.length === 0) return undefined;
    // Any reported spread (SD, SE, CI, IQR or range) lets a reader judge a change against person-to-person variation.
    const spread = (value: (typeof outcomes)[number]) =>
      ((value.kind === "mean" || value.kind === "mean-change") && (value.dispersion !== undefined || value.ci !== undefined)) || (value.kind === "median" && value.spread !== undefined);
    if (outcomes.some(spread)) return undefined;
    const kinds = [...new Set(outcomes.map((value) => value.kind))].sort();
    return {
      title: "no means with standard deviations reported",
      evidence: quotes(outcomes.map((value) => value.source)),
      notes: [`outcomes are reported only as: ${kinds.join(", ")}`],
      why: "Without SDs (or any spread) the size of a change relative to person-to-person variation is unknown: the same mean change can be trivial or large, significant or not, and GRIM/GRIMMER-type checks of the means are impossible.",
      consequences: [],
    };
  },
};

export const undefinedBandLabel: LimitRule = {
  id: "undefined-band-label",
  find({ study, instruments }) {
    const shifts = study.reported.filter((value) => value.kind === "band-shift").filter((shift) => shift.to.band === undefined || (shift.from !== undefined && shift.from.band === undefined) || shift.from === undefined);
    if (shifts.length === 0) return undefined;
    const notes = shifts.map((shift) => {
      const instrument = instruments.get(shift.instrument);
      const ends = [shift.from ? `from "${shift.from.label}"${shift.from.band ? "" : " (no defined band)"}` : "no starting band", `to "${shift.to.label}"${shift.to.band ? "" : " (no defined band)"}`].join(", ");
      const conventions = instrument ? `; ${instrument.abbreviation} has ${instrument.bandConventions.length} band convention(s): ${instrument.bandConventions.map((convention) => convention.id).join(", ")}` : "";
      return `${shift.instrument}: ${ends}${conventions}${instrument?.bandsNote ? `. ${instrument.bandsNote}` : ""}`;
    });
    return {
      title: "vague outcome definitions: band labels that map to no defined band",
      evidence: quotes(shifts.map((shift) => shift.source)),
      notes,
      why: "An outcome stated in words that match no published band of the instrument (or with no starting level) cannot be checked or compared: a reader cannot tell what score the words mean or how far anyone moved.",
      consequences: [],
    };
  },
};

export const undefinedImprovement: LimitRule = {
  id: "undefined-improvement",
  find(input) {
    const { study, instruments } = input;
    const claims = untested(input, ["all-improved", "improvement"]);
    if (claims.length === 0) return undefined;
    const everyone = claims.filter((claim) => claim.type === "all-improved");
    const consequences = uniqueBy(
      defined(everyone.map((claim) => {
        const n = groupSize(study, claim.group);
        if (n === undefined || n < 1) return undefined;
        const outcomes = claimOutcomes(claim, instruments);
        return ruleOfThreeConsequence(n, outcomes.length === 0 ? "" : outcomes.length === 1 ? `on ${outcomes[0]}` : `on every one of ${listWords(outcomes)}`);
      })),
      (consequence) => consequence.statement,
    );
    return {
      title: '"improved" with no definition of improvement',
      evidence: quotes(claims.map((claim) => claim.source)),
      notes: defined(everyone.map((claim) => readingsNote(study, claim, instruments))),
      why: "'Improved' is not defined (any decrease? a clinically important change? a band change?), so the share who improved cannot be checked. A claim about everyone has weaker readings that claim less; even the strongest leaves room, with a small n, for a much lower true rate.",
      consequences,
    };
  },
};

export const instrumentVersionAssumed: LimitRule = {
  id: "instrument-version-assumed",
  find({ study }) {
    const assumed = study.instruments.filter((instrument) => instrument.note !== undefined && /assum/i.test(instrument.note));
    if (assumed.length === 0) return undefined;
    return {
      title: `instrument version or scale not stated (${assumed.map((instrument) => instrument.ref).join(", ")})`,
      evidence: quotes(assumed.map((instrument) => instrument.source)),
      notes: assumed.map((instrument) => `${instrument.ref}: ${instrument.note}`),
      why: "When the source does not say which version or scale was used, ranges and bands are assumed; every band or percent check then holds only under that assumption.",
      consequences: [],
    };
  },
};

const PROMOTIONAL_KINDS = new Set(["blog-post", "clinic-page", "press-release"]);

export const promotionalSource: LimitRule = {
  id: "promotional-source",
  find({ study }) {
    const conflicts = study.source.conflictsOfInterest ?? [];
    const promotional = PROMOTIONAL_KINDS.has(study.source.kind);
    if (!promotional && conflicts.length === 0) return undefined;
    return {
      title: `${promotional ? `secondary report (${study.source.kind.replace(/-/g, " ")})` : "source"}${conflicts.length > 0 ? " with a conflict of interest" : ""}`,
      evidence: quotes(conflicts.map((conflict) => conflict.source)),
      notes: [`source: ${study.source.description}${study.source.publisher ? ` Publisher: ${study.source.publisher}.` : ""}`, ...conflicts.map((conflict) => `conflict of interest: ${conflict.value}`)],
      why: conflicts.length > 0
        ? "A report written by someone with a stake in what it reports on selects and words results to favour it; disclosing the interest is not the same as admitting it as a limitation. Read the original paper before relying on the report."
        : "A report about a study, not the study itself, selects which results to give and how to word them; read the original paper before relying on it.",
      consequences: [],
    };
  },
};

export const unattributedClaims: LimitRule = {
  id: "unattributed-claims",
  find({ study, attribution }) {
    if (!attribution.resolved) return undefined;
    const claims = study.claims.filter((claim) => !attributedToStudy(claim, attribution));
    if (claims.length === 0) return undefined;
    const where = (claim: Claim) => {
      const sections = [...new Set(claimQuotes(claim).map((source) => attribution.sectionOf(source)).map((section) => (section ? `${section.heading} (${WRITTEN_BY[section.writtenBy]})` : "not found in the document")))];
      return `${claim.id} (${claim.type}): only in ${sections.join(", ")}`;
    };
    return {
      title: `claims found only in a part of the source no author signs (${claims.length})`,
      evidence: quotes(claims.map((claim) => claim.source)),
      notes: claims.map(where),
      why: "These sentences are the page's own summary, not the study's words, so they are not attributed to the study: the register judges the study by its own text, and a reader should not credit (or blame) the study for them.",
      consequences: [],
    };
  },
};
