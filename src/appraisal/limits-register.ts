import { CohortError } from "../errors.js";
import type { InstrumentRegistry } from "../io/load-instruments.js";
import * as message from "../messages/appraisal.js";
import type { Evidence } from "../schema/checklist.js";
import type { Study } from "../schema/study.js";
import { coInterventions, convenienceSample, impreciseShares, missingDose, noControlGroup, noFollowUp, nonRandomAllocation, smallArms, smallSample, unblindedSelfReport } from "./design-limits.js";
import { LIMIT_KINDS, type LimitFlag, type LimitsRegister } from "./limit-flag.js";
import { quotes, type LimitRule, type LimitsOptions, type ResolvedLimitsOptions } from "./limit-rules.js";
import { instrumentVersionAssumed, missingDispersion, noTestReported, notSignificant, promotionalSource, significanceWithoutTest, undefinedBandLabel, undefinedImprovement } from "./reporting-limits.js";

/** Every rule, keyed by the kind it finds; the register lists flags in LIMIT_KINDS order. */
const RULES: ReadonlyArray<LimitRule> = [
  smallSample, smallArms, impreciseShares, noControlGroup, nonRandomAllocation, convenienceSample, coInterventions, unblindedSelfReport,
  notSignificant, significanceWithoutTest, noTestReported, missingDispersion, undefinedBandLabel, undefinedImprovement,
  noFollowUp, missingDose, instrumentVersionAssumed, promotionalSource,
];

const ORDER = new Map<string, number>(LIMIT_KINDS.map((kind, index) => [kind, index]));

/**
 * The limits register of a study: every limit the study file shows (small n, no control, unblinded
 * self-report, "significant" without a test, …), whether the source admits it, the quotes, why it
 * matters and, where one exists, a number that makes it concrete (MDE, interval width, rule of
 * three). Generated only from the study data, so a user's study file gets the same treatment.
 *
 * Why: "flag the limits the sources admit and those they do not" is the appraisal half of
 * cohortcheck; teaching appraisal needs each flag tied to the text and to a number.
 *
 * Reference: the flags follow the bias domains of JBI (Munn Z et al. 2020, doi:10.11124/JBISRIR-D-19-00099)
 * and ROBINS-I (Sterne JAC et al. 2016, BMJ 355:i4919, doi:10.1136/bmj.i4919); MDE and power from
 * Cohen (1988); intervals from Wilson (1927) and Clopper & Pearson (1934); rule of three from Hanley
 * & Lippman-Hand (1983).
 *
 * @param study a validated study
 * @param instruments instrument definitions (band conventions describe vague band labels)
 * @param options mediumEffect (default 0.5), shareWidth (0.2), alpha (0.05), power (0.80)
 * @throws {CohortError} on a threshold out of range
 * @example
 * limitsRegister(studyA, instruments).notAdmitted.map((flag) => flag.id)[0]; // => "small-sample"
 */
export function limitsRegister(study: Study, instruments: InstrumentRegistry, options: LimitsOptions = {}): LimitsRegister {
  const resolved = resolve(options);
  const flags: LimitFlag[] = [];
  for (const rule of RULES) {
    const finding = rule.find(study, instruments, resolved);
    if (!finding) continue;
    const admission = admissionsFor(study, rule);
    flags.push({ id: rule.id, admitted: admission.length > 0, admission, ...finding });
  }
  flags.sort((a, b) => ORDER.get(a.id)! - ORDER.get(b.id)!);
  return { study: study.id, admitted: flags.filter((flag) => flag.admitted), notAdmitted: flags.filter((flag) => !flag.admitted) };
}

/** The source's own words admitting a limit: matching stated limitations, then any extra admissions. */
function admissionsFor(study: Study, rule: LimitRule): Evidence[] {
  const stated = study.limitationsStated.filter((limitation) => rule.admitCategories.includes(limitation.category) || (rule.admitPattern?.test(limitation.source.quote) ?? false));
  return quotes([...stated.map((limitation) => limitation.source), ...(rule.extraAdmissions?.(study) ?? []).map((evidence) => evidence.source)]);
}

function resolve(options: LimitsOptions): ResolvedLimitsOptions {
  const mediumEffect = options.mediumEffect ?? 0.5;
  const shareWidth = options.shareWidth ?? 0.2;
  if (!(Number.isFinite(mediumEffect) && mediumEffect > 0)) throw new CohortError({ message: message.smallSampleThresholdInvalid(mediumEffect) });
  if (!(shareWidth > 0 && shareWidth < 1)) throw new CohortError({ message: message.shareWidthThresholdInvalid(shareWidth) });
  // alpha and power are validated by the inference functions, which throw their own messages.
  return { mediumEffect, shareWidth, alpha: options.alpha ?? 0.05, power: options.power ?? 0.8 };
}
