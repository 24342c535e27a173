import type { Analysis } from "../src/report/analysis.js";
import bandShifts from "./band-shifts.js";
import checks from "./checks.js";
import cohortMix from "./cohort-mix.js";
import crosstab from "./crosstab.js";
import meanChains from "./mean-chains.js";
import percentChangeAlternatives from "./percent-change-alternatives.js";
import power from "./power.js";
import statedLimits from "./stated-limits.js";

/** Every analysis, in report order (within a section, this order). A new analysis is one file here plus one line. */
export const analyses: readonly Analysis[] = [cohortMix, crosstab, bandShifts, meanChains, checks, percentChangeAlternatives, power, statedLimits];
