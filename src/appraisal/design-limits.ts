import type { Study } from "../schema/study.js";
import { mdeConsequence, powerConsequence, shareIntervalConsequence } from "./consequences.js";
import { attributeNote, defined, quotes, type LimitRule } from "./limit-rules.js";

/*
 * Limits that come from how the study was designed: size, comparison, allocation, sampling,
 * co-interventions, blinding, follow-up and dose. Each rule reads only the study file.
 */

/** Pre/post when the study has two or more timepoints, else a single measurement. */
const withinDesign = (study: Study) => (study.design.timepoints.length >= 2 ? "paired" : "one-sample") as "paired" | "one-sample";

/** The two smallest arms: the comparison with the least power. */
function smallestArms(study: Study): [number, number] | undefined {
  const sizes = study.design.arms.map((arm) => arm.size.value).sort((a, b) => a - b);
  return sizes.length >= 2 ? [sizes[0]!, sizes[1]!] : undefined;
}

export const smallSample: LimitRule = {
  id: "small-sample",
  admitCategories: ["small-sample"],
  admitPattern: /small sample|sample size/i,
  find(study, _instruments, options) {
    const n = study.design.sampleSize.value;
    const design = withinDesign(study);
    const consequence = n >= 2 ? mdeConsequence(design, [n], options.power, options.alpha) : undefined;
    if (consequence && (consequence.result.mde as number) <= options.mediumEffect) return undefined;
    // A call for larger future studies is not an admission that this one is too small, but a reader should see it.
    const calls = study.limitationsStated.filter((limitation) => limitation.category === "needs-further-research" && /larger|more (patients|participants)/i.test(limitation.source.quote));
    return {
      title: `small sample: n = ${n}`,
      evidence: [
        ...quotes(study.design.sampleSize.source ? [study.design.sampleSize.source, ...(study.design.sampleSize.alsoQuoted ?? [])] : study.design.arms.map((arm) => arm.size.source)),
        ...quotes(calls.map((limitation) => limitation.source), "the source calls for larger future studies without naming this study's size as a limitation"),
      ],
      notes: [],
      why: `With n = ${n} only large changes can be told apart from chance, and a handful of patients can move every percentage and band. The MDE is above a medium effect (d = ${options.mediumEffect}).`,
      consequences: consequence ? [consequence] : [],
    };
  },
};

export const smallArms: LimitRule = {
  id: "small-arms",
  admitCategories: ["small-sample"],
  admitPattern: /small sample|sample size/i,
  find(study, _instruments, options) {
    const arms = smallestArms(study);
    if (!arms || arms[0] < 2) return undefined;
    const mde = mdeConsequence("two-group", arms, options.power, options.alpha);
    if ((mde.result.mde as number) <= options.mediumEffect) return undefined;
    // Within-arm changes (each arm's own pre/post) rest on the smallest arm alone.
    const withinArm = study.design.timepoints.length >= 2 ? [mdeConsequence("paired", [arms[0]], options.power, options.alpha)] : [];
    return {
      title: `small arms: ${study.design.arms.map((arm) => `${arm.size.value} ${arm.id}`).join(" vs ")}`,
      evidence: quotes(study.design.arms.map((arm) => arm.size.source)),
      notes: [],
      why: "A comparison between arms this small can detect only very large differences; a difference in group means may be the luck of who fell into which arm.",
      consequences: [mde, ...[0.5, 0.8, 1].map((effect) => powerConsequence("two-group", arms, effect, options.alpha)), ...withinArm],
    };
  },
};

export const impreciseShares: LimitRule = {
  id: "imprecise-shares",
  admitCategories: ["small-sample"],
  admitPattern: /small sample|sample size/i,
  find(study, _instruments, options) {
    const compositions = study.reported.filter((value) => value.kind === "composition").filter((composition) => composition.n.value >= 1);
    const consequences = compositions.flatMap((composition) =>
      defined(composition.categories.map((category) => (category.count === undefined ? undefined : shareIntervalConsequence(`${composition.variable}: ${category.label}`, category.count, composition.n.value)))),
    );
    if (!consequences.some((consequence) => (consequence.result.wilsonWidth as number) > options.shareWidth)) return undefined;
    return {
      title: "cohort shares reported as percentages of a small sample",
      evidence: quotes(compositions.flatMap((composition) => composition.categories.map((category) => category.source))),
      notes: [],
      why: `Percentages of a small n look precise but are not: a 95% interval wider than ${Math.round(options.shareWidth * 100)} points means the cohort mix could differ a great deal in a similar sample.`,
      consequences,
    };
  },
};

export const noControlGroup: LimitRule = {
  id: "no-control-group",
  admitCategories: ["no-control"],
  admitPattern: /control group|placebo|comparator|uncontrolled/i,
  find(study) {
    const control = study.design.controlGroup;
    if (control.value === "yes") return undefined;
    const single = study.design.arms.length === 1;
    return {
      title: single ? "no control group: one treated cohort, before vs after" : "no untreated, placebo or usual-care control: only active arms are compared",
      evidence: quotes([control.source]),
      notes: defined([attributeNote("control group", control)]),
      why: single
        ? "Without a comparison group, improvement after treatment cannot be separated from regression to the mean (people enrol when symptoms peak), natural course, placebo response and co-interventions."
        : "With two active treatments and no inactive comparison, both arms' improvement may be placebo response, regression to the mean or the shared psychotherapy; only the difference between arms is informative.",
      consequences: [],
    };
  },
};

export const nonRandomAllocation: LimitRule = {
  id: "non-random-allocation",
  admitCategories: [],
  admitPattern: /random/i,
  find(study) {
    const allocation = study.design.allocation;
    if (study.design.arms.length < 2 || allocation.value === "randomised") return undefined;
    return {
      title: allocation.value === "not-reported" ? "allocation to arms not reported (randomisation not mentioned)" : "non-random allocation to arms",
      evidence: quotes([allocation.source]),
      notes: defined([attributeNote("allocation", allocation)]),
      why: "If participants were not randomised, the arms may differ at baseline in severity, expectations or prognosis, and any difference between arms may come from who was put where.",
      consequences: [],
    };
  },
};

export const convenienceSample: LimitRule = {
  id: "convenience-sample",
  admitCategories: [],
  admitPattern: /convenience|representative|generali[sz]|selection bias/i,
  find(study) {
    const sampling = study.design.sampling;
    if (sampling.value === "consecutive" || sampling.value === "random") return undefined;
    const observational = study.design.type.value === "observational";
    const what = sampling.value === "convenience" ? "convenience sample" : "sampling method not reported";
    return {
      title: observational ? `observational study, ${what}` : what,
      evidence: quotes([study.design.type.value === "observational" ? study.design.type.source : undefined, sampling.source]),
      notes: defined([attributeNote("sampling", sampling)]),
      why: "Patients who happen to be available (or were picked) may be those most likely to respond or to stay in treatment; the result may not hold for the population the conclusions address.",
      consequences: [],
    };
  },
};

export const coInterventions: LimitRule = {
  id: "co-interventions",
  admitCategories: [],
  admitPattern: /co-?intervention|concomitant|nerve block|psychotherapy|confound/i,
  find(study) {
    const withCo = study.design.arms.filter((arm) => arm.intervention.coInterventions.length > 0);
    if (withCo.length === 0) return undefined;
    const described = withCo.flatMap((arm) => arm.intervention.coInterventions.map((co) => `${arm.id}: ${co.value}`));
    const values = study.design.arms.map((arm) => arm.intervention.coInterventions.map((co) => co.value).sort().join(" + "));
    const differ = study.design.arms.length > 1 && new Set(values).size > 1;
    return {
      title: `co-interventions given with ${withCo[0]!.intervention.drug}`,
      evidence: quotes(withCo.flatMap((arm) => arm.intervention.coInterventions.map((co) => co.source))),
      notes: described,
      why: differ
        ? "The arms differ in the co-intervention as well as in the drug, so a difference between arms cannot be credited to either alone."
        : `Every patient also received ${described.map((text) => text.replace(/^[^:]+: /, "")).join("; ")}; the drug's own effect cannot be separated from them.`,
      consequences: [],
    };
  },
};

export const unblindedSelfReport: LimitRule = {
  id: "unblinded-self-report",
  admitCategories: [],
  admitPattern: /blind|mask|expectan/i,
  find(study) {
    const { blinding, outcomeAssessment } = study.design;
    if (blinding.value === "single" || blinding.value === "double") return undefined;
    if (outcomeAssessment?.value === "clinician-rated") return undefined;
    return {
      title: `${blinding.value === "none" ? "unblinded" : "blinding not reported"}, outcomes ${outcomeAssessment?.value === "self-report" ? "self-reported" : "assessment not described"}`,
      evidence: quotes([blinding.source, outcomeAssessment?.source]),
      notes: defined([attributeNote("blinding", blinding), attributeNote("outcome assessment", outcomeAssessment)]),
      why: "Patients who know they received a much-publicised treatment, and who rate their own pain and mood, tend to report improvement; expectation alone can move questionnaire scores.",
      consequences: [],
    };
  },
};

export const noFollowUp: LimitRule = {
  id: "no-follow-up",
  admitCategories: [],
  admitPattern: /follow-?up|long-term|durab/i,
  find(study) {
    const followUp = study.design.followUp;
    if (followUp.value === "reported") return undefined;
    const last = [...study.design.timepoints].sort((a, b) => b.order - a.order)[0];
    return {
      title: "no follow-up length reported",
      evidence: quotes([followUp.source, last?.source]),
      notes: defined([attributeNote("follow-up", followUp)]),
      why: "Without knowing when outcomes were measured, or for how long, a reader cannot tell a lasting effect from a transient one, nor compare the result with other studies.",
      consequences: [],
    };
  },
};

export const missingDose: LimitRule = {
  id: "missing-dose",
  admitCategories: [],
  admitPattern: /\bdos(e|es|age|ing)\b/i,
  find(study) {
    const arms = study.design.arms.filter((arm) => arm.intervention.dose === undefined);
    if (arms.length === 0) return undefined;
    return {
      title: `dose not reported (${arms.map((arm) => arm.id).join(", ")})`,
      evidence: quotes(arms.map((arm) => arm.intervention.description.source)),
      notes: arms.map((arm) => `${arm.id}: ${arm.intervention.doseNote ?? "no dose and no dose note in the study file"}`),
      why: "Without doses the treatment cannot be reproduced, a dose–response claim cannot be checked, and arms said to differ in dose cannot be compared.",
      consequences: [],
    };
  },
};
