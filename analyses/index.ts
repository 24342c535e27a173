import type { Analysis } from "../src/report/analysis.js";
import bandShifts from "./band-shifts.js";
import checklists from "./checklists.js";
import checks from "./checks.js";
import cohortMix from "./cohort-mix.js";
import crosstab from "./crosstab.js";
import limitsRegister from "./limits-register.js";
import meanChains from "./mean-chains.js";
import outcomes from "./outcomes.js";
import patientReconstructions from "./patient-reconstructions.js";
import percentChangeAlternatives from "./percent-change-alternatives.js";
import pValues from "./p-values.js";
import power from "./power.js";
import reportedValues from "./reported-values.js";
import sampleFlow from "./sample-flow.js";
import statedLimits from "./stated-limits.js";

/** Every analysis, in report order (within a section, this order). A new analysis is one file here plus one line. */
export const analyses: readonly Analysis[] = [reportedValues, sampleFlow, cohortMix, outcomes, crosstab, bandShifts, meanChains, patientReconstructions, checks, percentChangeAlternatives, pValues, limitsRegister, power, checklists, statedLimits];
