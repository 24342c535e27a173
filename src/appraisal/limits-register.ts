import { CohortError } from "../errors.js";
import type { InstrumentRegistry } from "../io/load-instruments.js";
import * as message from "../messages/appraisal.js";
import type { Study } from "../schema/study.js";
import { admissionFor } from "./admissions.js";
import { attrition } from "./attrition.js";
import { coInterventions, missingDose, noFollowUp, regressionToMean, unblindedAssessment } from "./conduct-limits.js";
import { controlWithoutPlacebo, convenienceSample, impreciseShares, noControlGroup, nonRandomAllocation, smallArms, smallSample } from "./design-limits.js";
import { LIMIT_KINDS, type LimitFlag, type LimitsRegister } from "./limit-flag.js";
import type { LimitRule, LimitsOptions, ResolvedLimitsOptions } from "./limit-rules.js";
import { belowImportantDifference, harmsImprecise } from "./outcome-limits.js";
import {
  instrumentVersionAssumed,
  missingDispersion,
  multiplicity,
  noTestReported,
  notSignificant,
  promotionalSource,
  significanceWithoutTest,
  unattributedClaims,
  undefinedBandLabel,
  undefinedImprovement,
} from "./reporting-limits.js";
import { wholeDocumentAttribution, type Attribution } from "./source-sections.js";

/** Every rule; the register lists flags in LIMIT_KINDS order. */
const RULES: ReadonlyArray<LimitRule> = [
  smallSample, smallArms, impreciseShares, noControlGroup, controlWithoutPlacebo, nonRandomAllocation, convenienceSample, regressionToMean, attrition,
  coInterventions, unblindedAssessment, notSignificant, significanceWithoutTest, noTestReported, multiplicity, missingDispersion, belowImportantDifference,
  harmsImprecise, undefinedBandLabel, undefinedImprovement, noFollowUp, missingDose, instrumentVersionAssumed, promotionalSource, unattributedClaims,
];

const ORDER = new Map<string, number>(LIMIT_KINDS.map((kind, index) => [kind, index]));

/**
 * The limits register of a study: every limit its fields show (small n, no comparison group,
 * unblinded self-report, losses, "significant" without a test, …), how far the source admits each
 * (from the form of its stated limitations, never from their words), the quotes, why it matters
 * and, where one exists, a number that makes it concrete (MDE, interval, regression to the mean,
 * worst-case bounds, zero-event bounds, familywise error, important change). Generated from the
 * study and instrument data only, so any study file gets the same treatment.
 *
 * Reference: the flags follow the bias domains of JBI (Munn Z et al. 2020, doi:10.11124/JBISRIR-D-19-00099)
 * and ROBINS-I (Sterne JAC et al. 2016, BMJ 355:i4919, doi:10.1136/bmj.i4919); each consequence names its own.
 *
 * @param study a validated study
 * @param instruments instrument definitions (bands, published SDs, reliabilities, important changes)
 * @param options thresholds: mediumEffect (0.5), shareWidth (0.2), multiplicityFrom (3), attritionConcern (0.2), alpha (0.05), power (0.80)
 * @param attribution where each quote sits in the source (loadAttribution); default: the document as a whole
 * @throws {CohortError} on a threshold out of range
 * @example
 * limitsRegister(studyA, instruments).flags.map((flag) => flag.id)[0]; // => "small-sample"
 */
export function limitsRegister(study: Study, instruments: InstrumentRegistry, options: LimitsOptions = {}, attribution: Attribution = wholeDocumentAttribution(study)): LimitsRegister {
  const input = { study, instruments, options: resolve(options), attribution };
  const flags: LimitFlag[] = [];
  for (const rule of RULES) {
    const finding = rule.find(input);
    if (finding) flags.push({ id: rule.id, title: finding.title, admission: admissionFor(study.limitationsStated, rule.id, attribution), evidence: finding.evidence, notes: finding.notes, why: finding.why, consequences: finding.consequences });
  }
  flags.sort((a, b) => ORDER.get(a.id)! - ORDER.get(b.id)!);
  return { study: study.id, flags, attribution: attribution.description };
}

export function resolve(options: LimitsOptions): ResolvedLimitsOptions {
  const mediumEffect = options.mediumEffect ?? 0.5;
  const shareWidth = options.shareWidth ?? 0.2;
  const multiplicityFrom = options.multiplicityFrom ?? 3;
  const attritionConcern = options.attritionConcern ?? 0.2;
  if (!(Number.isFinite(mediumEffect) && mediumEffect > 0)) throw new CohortError({ message: message.smallSampleThresholdInvalid(mediumEffect) });
  if (!(shareWidth > 0 && shareWidth < 1)) throw new CohortError({ message: message.shareWidthThresholdInvalid(shareWidth) });
  if (!(Number.isInteger(multiplicityFrom) && multiplicityFrom >= 2)) throw new CohortError({ message: message.multiplicityThresholdInvalid(multiplicityFrom) });
  if (!(attritionConcern > 0 && attritionConcern < 1)) throw new CohortError({ message: message.attritionThresholdInvalid(attritionConcern) });
  // alpha and power are validated by the inference functions, which throw their own messages.
  return { mediumEffect, shareWidth, multiplicityFrom, attritionConcern, alpha: options.alpha ?? 0.05, power: options.power ?? 0.8 };
}
