import * as msg from "../messages/flow.js";
import type { CheckResult } from "../schema/check-result.js";
import type { FlowStage } from "../schema/reported-statistics.js";
import { references } from "./references.js";

/** One reported count at a stage of the study flow. */
export interface FlowCount {
  id: string;
  group: string;
  stage: FlowStage;
  count: number;
  timepoint?: string | undefined;
}

export interface SampleFlowInput {
  /** Arm ids and their reported sizes. */
  arms: ReadonlyArray<{ id: string; size: number }>;
  /** The total n and whether the source states it (a derived total adds nothing to check). */
  total: { value: number; quoted: boolean };
  flow: ReadonlyArray<FlowCount>;
}

/**
 * People reach these stages in this order, so each count is at most the one before it (CONSORT 2010
 * flow: assessed for eligibility → enrolled/randomised → allocated → received → followed up).
 */
const INTAKE: readonly FlowStage[] = ["screened", "eligible", "enrolled", "randomised", "allocated", "started"];

/** Stages after intake: none can exceed the number who entered follow-up. */
const AFTER_INTAKE: readonly FlowStage[] = ["completed", "analysed", "lost-to-follow-up", "withdrawn"];

/**
 * Checks the sample flow a study reports for what must hold whatever the design: the arms add up to a
 * stated total; in each group, no stage holds more people than an earlier one (screened ≥ eligible ≥
 * enrolled ≥ randomised ≥ allocated ≥ started; completed, analysed, lost and withdrawn ≤ the last
 * intake stage; excluded ≤ screened); per-arm counts of a stage add up to the whole sample's count of
 * it. Only stages the source reports are compared; nothing is assumed about the others.
 * Reference: Schulz KF, Altman DG, Moher D (2010) CONSORT 2010 Statement, BMJ 340:c332, doi:10.1136/bmj.c332.
 *
 * @example
 * sampleFlow({ arms: [{ id: "a", size: 24 }, { id: "b", size: 24 }], total: { value: 48, quoted: true },
 *   flow: [{ id: "s", group: "all", stage: "screened", count: 40 }, { id: "r", group: "all", stage: "randomised", count: 48 }] })
 *   .map((r) => r.status); // => ["consistent", "inconsistent"] (arms add up; 48 randomised out of 40 screened cannot be)
 */
export function sampleFlow(input: SampleFlowInput): CheckResult[] {
  const results: CheckResult[] = [];
  if (input.total.quoted && input.arms.length > 1) results.push(armsAddUp(input));
  const groups = [...new Set(input.flow.map((entry) => entry.group))];
  for (const group of groups) {
    const result = stageOrder(group, input.flow.filter((entry) => entry.group === group));
    if (result) results.push(result);
  }
  results.push(...stageSums(input));
  return results;
}

function armsAddUp(input: SampleFlowInput): CheckResult {
  const sum = input.arms.reduce((total, arm) => total + arm.size, 0);
  const ok = sum === input.total.value;
  return {
    check: "flow-arms-sum",
    status: ok ? "consistent" : "inconsistent",
    // Arm sizes and the total are design fields, not reported values with ids: name them by their place.
    subject: ["sample-size", ...input.arms.map((arm) => `arm:${arm.id}`)],
    inputs: { arms: Object.fromEntries(input.arms.map((arm) => [arm.id, arm.size])), total: input.total.value },
    assumptions: {},
    explanation: ok ? msg.armsAddUp(sum) : msg.armsDoNotAddUp(sum, input.total.value),
    reference: references.flow,
  };
}

interface Comparison {
  larger: FlowCount;
  smaller: FlowCount;
  holds: boolean;
}

/** Every pair of reported stages of one group that must be ordered, and whether it is. */
function stageOrder(group: string, entries: FlowCount[]): CheckResult | undefined {
  const first = (stage: FlowStage) => entries.filter((entry) => entry.stage === stage);
  const comparisons: Comparison[] = [];
  const compare = (larger: FlowCount, smaller: FlowCount) => comparisons.push({ larger, smaller, holds: smaller.count <= larger.count });
  const intake = INTAKE.flatMap((stage) => first(stage));
  for (let i = 0; i < intake.length; i++) for (let j = i + 1; j < intake.length; j++) if (intake[i]!.stage !== intake[j]!.stage) compare(intake[i]!, intake[j]!);
  const entered = [...intake].reverse().find((entry) => entry.stage !== "screened" && entry.stage !== "eligible");
  if (entered) for (const stage of AFTER_INTAKE) for (const entry of first(stage)) compare(entered, entry);
  for (const screened of first("screened")) for (const excluded of first("excluded")) compare(screened, excluded);
  if (comparisons.length === 0) return undefined;
  const broken = comparisons.filter((comparison) => !comparison.holds);
  const ids = [...new Set(comparisons.flatMap((comparison) => [comparison.larger.id, comparison.smaller.id]))];
  return {
    check: "flow-stage-order",
    status: broken.length === 0 ? "consistent" : "inconsistent",
    subject: ids,
    inputs: Object.fromEntries(entries.map((entry) => [entry.id, { stage: entry.stage, count: entry.count, ...(entry.timepoint ? { timepoint: entry.timepoint } : {}) }])),
    assumptions: { group },
    explanation: broken.length === 0 ? msg.stagesInOrder(group, comparisons.length) : broken.map((comparison) => msg.stageExceeds(group, comparison.smaller, comparison.larger)).join("; "),
    reference: references.flow,
    details: { comparisons: comparisons.map((comparison) => ({ larger: comparison.larger.id, smaller: comparison.smaller.id, holds: comparison.holds })) },
  };
}

/** Per-arm counts of a stage against the whole sample's count of the same stage (and timepoint). */
function stageSums(input: SampleFlowInput): CheckResult[] {
  const results: CheckResult[] = [];
  for (const whole of input.flow.filter((entry) => entry.group === "all")) {
    const parts = input.arms.map((arm) => input.flow.find((entry) => entry.group === arm.id && entry.stage === whole.stage && entry.timepoint === whole.timepoint));
    const present = parts.filter((part): part is FlowCount => part !== undefined);
    if (present.length === 0) continue;
    const sum = present.reduce((total, part) => total + part.count, 0);
    const complete = present.length === input.arms.length;
    // With every arm reported the parts must add up exactly; with some missing they can only fall short.
    const holds = complete ? sum === whole.count : sum <= whole.count;
    results.push({
      check: "flow-stage-sum",
      status: holds ? "consistent" : "inconsistent",
      subject: [whole.id, ...present.map((part) => part.id)],
      inputs: { stage: whole.stage, whole: whole.count, arms: Object.fromEntries(present.map((part) => [part.group, part.count])) },
      assumptions: complete ? {} : { armsNotReported: input.arms.filter((_, index) => parts[index] === undefined).map((arm) => arm.id) },
      explanation: msg.stageSum(whole.stage, sum, whole.count, complete, holds),
      reference: references.flow,
    });
  }
  return results;
}
