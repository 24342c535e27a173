import type { SampleFlow } from "../schema/reported-value.js";
import type { Study } from "../schema/study.js";
import { enrolmentConsequence } from "./bound-consequences.js";
import { mdeConsequence, powerConsequence, shareIntervalConsequence } from "./consequences.js";
import { armWords, definedGroupWords, groupsNotAssigned, hasInactiveControl, inactiveControlArms, interventionWords, ROLE_WORDS, rolesGiven } from "./design-facts.js";
import type { Consequence } from "./limit-flag.js";
import { attributeNote, defined, listWords, quotes, type LimitRule } from "./limit-rules.js";

/*
 * Limits that follow from how the study was designed: its size, its comparison (arms and their
 * roles), allocation and sampling. Each rule reads only design fields and words them from the file.
 */

/** Pre/post when the study has two or more timepoints, else a single measurement. */
const withinDesign = (study: Study) => (study.design.timepoints.length >= 2 ? "paired" : "one-sample") as "paired" | "one-sample";

/** The two smallest arms: the comparison with the least power. */
function smallestArms(study: Study): [number, number] | undefined {
  const sizes = study.design.arms.map((arm) => arm.size.value).sort((a, b) => a - b);
  return sizes.length >= 2 ? [sizes[0]!, sizes[1]!] : undefined;
}

/** The flow count of the first stage found, for the whole sample. */
function flowCount(study: Study, stages: readonly string[]): { stage: string; count: number; value: SampleFlow } | undefined {
  for (const stage of stages) {
    const value = study.reported.find((entry): entry is SampleFlow => entry.kind === "sample-flow" && entry.stage === stage && (entry.group === "all" || entry.group === undefined));
    if (value) return { stage, count: value.count, value };
  }
  return undefined;
}

export const smallSample: LimitRule = {
  id: "small-sample",
  find({ study, options }) {
    // With two or more arms the analyses compare arms (small-arms) or follow each arm (its own n): the
    // whole sample is never one group, so its MDE as one would describe no analysis the study can run.
    if (study.design.arms.length >= 2) return undefined;
    const n = study.design.sampleSize.value;
    const design = withinDesign(study);
    const consequence = n >= 2 ? mdeConsequence(design, [n], options.power, options.alpha) : undefined;
    if (consequence && (consequence.result.mde as number) <= options.mediumEffect) return undefined;
    return {
      title: `small sample: n = ${n}`,
      evidence: quotes(study.design.sampleSize.source ? [study.design.sampleSize.source, ...(study.design.sampleSize.alsoQuoted ?? [])] : study.design.arms.map((arm) => arm.size.source)),
      notes: [],
      why: `With n = ${n} only large changes can be told apart from chance, and a handful of people can move every percentage and band. The smallest effect detectable with ${Math.round(options.power * 100)}% power is above a medium effect (d = ${options.mediumEffect}).`,
      consequences: consequence ? [consequence] : [],
    };
  },
};

export const smallArms: LimitRule = {
  id: "small-arms",
  find({ study, options }) {
    const arms = smallestArms(study);
    if (!arms || arms[0] < 2) return undefined;
    const mde = mdeConsequence("two-group", arms, options.power, options.alpha);
    if ((mde.result.mde as number) <= options.mediumEffect) return undefined;
    // Within-arm changes (each arm's own pre/post) rest on the smallest arm alone.
    const withinArm = study.design.timepoints.length >= 2 ? [mdeConsequence("paired", [arms[0]], options.power, options.alpha)] : [];
    return {
      title: `small arms: ${armWords(study)}`,
      evidence: quotes(study.design.arms.map((arm) => arm.size.source)),
      notes: [],
      why: "A comparison between arms this small can detect only very large differences; a difference in group means may be the luck of who fell into which arm.",
      consequences: [mde, ...[0.5, 0.8, 1].map((effect) => powerConsequence("two-group", arms, effect, options.alpha)), ...withinArm],
    };
  },
};

export const impreciseShares: LimitRule = {
  id: "imprecise-shares",
  find({ study, options }) {
    const compositions = study.reported.filter((value) => value.kind === "composition").filter((composition) => composition.n.value >= 1);
    const consequences = compositions.flatMap((composition) =>
      defined(composition.categories.map((category) => (category.count === undefined ? undefined : shareIntervalConsequence(`${composition.variable}: ${category.label}`, category.count, composition.n.value)))),
    );
    if (!consequences.some((consequence) => (consequence.result.wilsonWidth as number) > options.shareWidth)) return undefined;
    return {
      title: "sample make-up reported as percentages of a small sample",
      evidence: quotes(compositions.flatMap((composition) => composition.categories.map((category) => category.source))),
      notes: [],
      why: `Percentages of a small n look precise but are not: a 95% interval wider than ${Math.round(options.shareWidth * 100)} points means the make-up of a similar sample could differ a great deal.`,
      consequences,
    };
  },
};

export const noControlGroup: LimitRule = {
  id: "no-control-group",
  find({ study }) {
    // Groups nobody assigned are compared, not treated: there is no treatment to control for (see nonRandomAllocation).
    if (hasInactiveControl(study) || groupsNotAssigned(study)) return undefined;
    const control = study.design.controlGroup;
    const single = study.design.arms.length === 1;
    const comparators = study.design.arms.filter((arm) => arm.role === "active-comparator");
    const shared = sharedCoInterventions(study);
    const sharedWords = shared.length > 0 ? `, and the other interventions ${single ? "everyone" : "every arm"} also received (${listWords(shared)})` : "";
    return {
      title: single ? "no comparison group: one group measured before and after" : comparators.length > 0 ? `no inactive comparison: the comparator (${listWords(comparators.map((arm) => arm.label))}) is itself an active intervention` : "no inactive comparison: every arm receives an active intervention",
      evidence: quotes([control.source]),
      notes: defined([attributeNote("control group", control), rolesGiven(study) ? `arm roles: ${study.design.arms.map((arm) => `${arm.id} ${arm.role ?? "not given"}`).join("; ")}` : undefined]),
      why: single
        ? `Without a comparison group, a change after the intervention cannot be separated from regression to the mean (people often enter when their scores are at their worst), the natural course of the condition and expectation${sharedWords}.`
        : `Every arm received an active intervention, so the change within any arm may be regression to the mean, natural course or expectation${sharedWords}; only the difference between arms is informative, and it compares ${armWords(study)}.`,
      consequences: [],
    };
  },
};

/** Co-interventions recorded identically for every arm (a study with one arm: all of its own). */
export function sharedCoInterventions(study: Study): string[] {
  const lists = study.design.arms.map((arm) => (arm.intervention?.coInterventions ?? []).map((co) => co.value));
  const first = lists[0] ?? [];
  return first.filter((value) => lists.every((list) => list.includes(value)));
}

export const controlWithoutPlacebo: LimitRule = {
  id: "control-without-placebo",
  find({ study }) {
    const controls = inactiveControlArms(study);
    if (controls.length === 0 || controls.some((arm) => arm.role === "placebo" || arm.role === "sham")) return undefined;
    const kinds = listWords([...new Set(controls.map((arm) => ROLE_WORDS[arm.role!]))]);
    return {
      title: `comparison arm that participants know is inactive: ${listWords(controls.map((arm) => (arm.label.toLowerCase().includes(ROLE_WORDS[arm.role!].replace(/-/g, " ")) ? arm.label : `${arm.label} (${ROLE_WORDS[arm.role!]})`)))}`,
      evidence: quotes(controls.map((arm) => arm.size.source)),
      notes: controls.map((arm) => `${arm.id}: role ${arm.role}, intervention type ${arm.intervention?.type ?? "not given"}`),
      why: `People in a ${kinds} arm know they are not getting ${interventionWords(study)}, and nothing stands in for it, so the difference between arms includes expectation and attention as well as any specific effect.`,
      consequences: [],
    };
  },
};

export const nonRandomAllocation: LimitRule = {
  id: "non-random-allocation",
  find({ study }) {
    const allocation = study.design.allocation;
    if (study.design.arms.length < 2 || allocation.value === "randomised") return undefined;
    if (groupsNotAssigned(study)) {
      const definedArms = study.design.arms.filter((arm) => arm.definedBy !== undefined);
      return {
        title: `groups defined by what happened to people, not by allocation: ${definedGroupWords(study)}`,
        evidence: quotes([allocation.source, ...definedArms.map((arm) => arm.definedBy!.source)]),
        notes: defined([attributeNote("allocation", allocation)]),
        why: "Nobody was put in a group: each group is defined by an exposure or an outcome. The groups can differ in many ways at once, so a difference between them shows an association, not a cause; and where a group is defined by the outcome, a characteristic that differs between them may be a cause of it, a consequence, or neither.",
        consequences: [],
      };
    }
    return {
      title: allocation.value === "not-reported" ? "how people were put in each arm is not reported" : "arms not allocated at random",
      evidence: quotes([allocation.source]),
      notes: defined([attributeNote("allocation", allocation)]),
      why: "Unless the arms were allocated at random, they may differ at the start in severity, expectations or prognosis, and any difference between arms may come from who was put where.",
      consequences: [],
    };
  },
};

export const convenienceSample: LimitRule = {
  id: "convenience-sample",
  find({ study }) {
    const sampling = study.design.sampling;
    if (sampling.value === "consecutive" || sampling.value === "random") return undefined;
    const observational = study.design.type.value === "observational";
    const what = sampling.value === "convenience" ? "convenience sample" : "sampling method not reported";
    const pool = flowCount(study, ["screened", "eligible"]);
    const entered = flowCount(study, ["randomised", "allocated", "enrolled", "started"]);
    const consequences: Consequence[] = pool && entered && pool.count > 0 && entered.count <= pool.count ? [enrolmentConsequence(entered.count, entered.stage, pool.count, pool.stage)] : [];
    return {
      title: observational ? `observational study, ${what}` : what,
      evidence: quotes([observational ? study.design.type.source : undefined, sampling.source, pool?.value.source, entered?.value.source]),
      notes: defined([attributeNote("sampling", sampling)]),
      why: "People who happen to be available (or were picked) may be those most likely to respond or to stay in the study; the result may not hold for the population the conclusions address.",
      consequences,
    };
  },
};
