import type { Claim } from "../schema/reported-value.js";
import type { Study } from "../schema/study.js";
import { mdeConsequence, ruleOfThreeConsequence, significanceThresholdConsequence } from "./consequences.js";
import type { Consequence } from "./limit-flag.js";
import { defined, groupSize, quotes, type LimitRule } from "./limit-rules.js";

/*
 * Limits that come from what the source reports and how it words it: significance, tests, spread,
 * outcome definitions, instrument versions, and who is publishing.
 */

const untested = (study: Study, types: ReadonlyArray<Claim["type"]>): Claim[] => study.claims.filter((claim) => types.includes(claim.type) && !claim.testReported);

/** The test a claim about `group` would need: paired within one group, two-group between the two smallest arms. */
function testDesignFor(study: Study, claim: Claim): { design: "paired" | "one-sample" | "two-group"; n: number[] } | undefined {
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
  admitCategories: ["not-significant"],
  extraAdmissions: (study) => quotes(study.claims.filter((claim) => claim.type === "non-significance").map((claim) => claim.source)),
  find(study, _instruments, options) {
    const claims = study.claims.filter((claim) => claim.type === "non-significance");
    const stated = study.limitationsStated.filter((limitation) => limitation.category === "not-significant");
    if (claims.length === 0 && stated.length === 0) return undefined;
    const sizes = study.design.arms.map((arm) => arm.size.value).sort((a, b) => a - b);
    const n = study.design.sampleSize.value;
    const consequence = sizes.length >= 2 && sizes[0]! >= 2 ? mdeConsequence("two-group", [sizes[0]!, sizes[1]!], options.power, options.alpha) : n >= 2 ? mdeConsequence("paired", [n], options.power, options.alpha) : undefined;
    return {
      title: "results not statistically significant",
      evidence: quotes([...claims.map((claim) => claim.source), ...stated.map((limitation) => limitation.source)]),
      notes: claims.some((claim) => !claim.testReported) ? ["no test, statistic or p-value is reported behind the non-significance"] : [],
      why: "The source's own conclusion rests on differences it says chance could explain. 'Not significant' in a study this small is also weak evidence of no effect: it only rules out effects larger than the MDE.",
      consequences: consequence ? [consequence] : [],
    };
  },
};

export const significanceWithoutTest: LimitRule = {
  id: "significance-without-test",
  admitCategories: [],
  admitPattern: /statistical test|p-value|not tested/i,
  find(study, _instruments, options) {
    const claims = untested(study, ["significance"]);
    if (claims.length === 0) return undefined;
    const designs = uniqueBy(defined(claims.map((claim) => testDesignFor(study, claim))), (design) => `${design.design}:${design.n.join(",")}`);
    const consequences: Consequence[] = designs.map((design) => significanceThresholdConsequence(design.design, design.n, options.alpha));
    return {
      title: '"significant" claimed with no statistical test reported',
      evidence: quotes(claims.map((claim) => claim.source)),
      notes: [],
      why: "'Significant' is a claim about a statistical test; with no test, statistic, p-value or confidence interval it is a claim stronger than the design and the report can support, and a reader cannot check it.",
      consequences,
    };
  },
};

export const noTestReported: LimitRule = {
  id: "no-test-reported",
  admitCategories: [],
  admitPattern: /statistical test|p-value|not tested/i,
  find(study) {
    const claims = untested(study, ["non-significance", "comparison", "efficacy", "improvement"]);
    if (claims.length === 0) return undefined;
    return {
      title: "claims of effect or difference with no test, p-value or confidence interval",
      evidence: quotes(claims.map((claim) => claim.source)),
      notes: claims.map((claim) => `${claim.id} (${claim.type}): no test reported`),
      why: "Without a test statistic, p-value or interval a reader cannot tell whether a difference exceeds what chance produces in a sample this size, nor recompute it (statcheck-style checks need them).",
      consequences: [],
    };
  },
};

export const missingDispersion: LimitRule = {
  id: "missing-dispersion",
  admitCategories: [],
  admitPattern: /standard deviation|\bSDs?\b|variab/,
  find(study) {
    const outcomes = study.reported.filter((value) => value.kind === "band-shift" || value.kind === "percent-change" || value.kind === "mean" || value.kind === "mean-change" || value.kind === "median");
    if (outcomes.length === 0) return undefined;
    // Any reported spread (SD, SE, CI, IQR or range) lets a reader judge a change against patient-to-patient variation.
    const spread = (value: (typeof outcomes)[number]) =>
      ((value.kind === "mean" || value.kind === "mean-change") && (value.dispersion !== undefined || value.ci !== undefined)) || (value.kind === "median" && value.spread !== undefined);
    if (outcomes.some(spread)) return undefined;
    const kinds = [...new Set(outcomes.map((value) => value.kind))].sort();
    return {
      title: "no means with standard deviations reported",
      evidence: quotes(outcomes.map((value) => value.source)),
      notes: [`outcomes are reported only as: ${kinds.join(", ")}`],
      why: "Without SDs (or any spread) the size of a change relative to patient-to-patient variation is unknown: the same mean change can be trivial or large, significant or not, and GRIM/GRIMMER-type checks of the means are impossible.",
      consequences: [],
    };
  },
};

export const undefinedBandLabel: LimitRule = {
  id: "undefined-band-label",
  admitCategories: [],
  find(study, instruments) {
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
      why: "An outcome stated in words that match no published band of the instrument (or with no starting level) cannot be checked or compared: a reader cannot tell what score 'satisfactory' means or how far anyone moved.",
      consequences: [],
    };
  },
};

export const undefinedImprovement: LimitRule = {
  id: "undefined-improvement",
  admitCategories: [],
  admitPattern: /defin/i,
  find(study) {
    const claims = untested(study, ["all-improved", "improvement"]);
    if (claims.length === 0) return undefined;
    const allSizes = [...new Set(defined(claims.filter((claim) => claim.type === "all-improved").map((claim) => groupSize(study, claim.group))))].sort((a, b) => a - b);
    return {
      title: '"improved" with no definition of improvement',
      evidence: quotes(claims.map((claim) => claim.source)),
      notes: [],
      why: "'Improved' is not defined (any decrease? a clinically important change? a band change?), so the share who improved cannot be checked; and even if all n did, a small n leaves room for a much lower true rate.",
      consequences: allSizes.filter((n) => n >= 1).map((n) => ruleOfThreeConsequence(n)),
    };
  },
};

export const instrumentVersionAssumed: LimitRule = {
  id: "instrument-version-assumed",
  admitCategories: [],
  admitPattern: /version|which scale/i,
  find(study) {
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
  admitCategories: [],
  find(study) {
    const conflicts = study.source.conflictsOfInterest ?? [];
    const promotional = PROMOTIONAL_KINDS.has(study.source.kind);
    if (!promotional && conflicts.length === 0) return undefined;
    return {
      title: `${promotional ? `promotional source (${study.source.kind})` : "source"}${conflicts.length > 0 ? " with a conflict of interest" : ""}`,
      evidence: quotes(conflicts.map((conflict) => conflict.source)),
      notes: [`source: ${study.source.description}${study.source.publisher ? ` Publisher: ${study.source.publisher}.` : ""}`, ...conflicts.map((conflict) => `conflict of interest: ${conflict.value}`)],
      why: "A summary written by someone who sells the treatment selects and words results to favour it; disclosing the interest is not the same as admitting it as a limitation. Read the original paper before relying on the summary.",
      consequences: [],
    };
  },
};
