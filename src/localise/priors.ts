import type { SlipKind } from "./reading.js";

/** How common a slip is taken to be, and where that comes from. */
export interface SlipPrior {
  /** 3 common, 2 occasional, 1 rare: an order, not a probability. */
  weight: 1 | 2 | 3;
  source: string;
}

const convention = "a convention of this toolkit (no published rate found for this slip); kept coarse on purpose";

/**
 * The order in which explanations of the same size are listed: the product of their readings'
 * weights, highest first. Only copying errors (single-digit and transposition errors) have published
 * rates behind them; the rest are conventions, said so, and kept to three levels so that no ranking
 * pretends to a precision nobody has measured. How a label is read is encoded in which readings exist
 * and in their weights: an unlabelled ± is tested as SD and as SE as printed (no slip at all), while a
 * ± labelled SD read as an SE is a mislabel (weight 1), ranked below an SD computed another way
 * (denominator n, weight 3) and below misprints (weight 2).
 */
export const slipPriors: Record<SlipKind, SlipPrior> = {
  "se-as-sd": {
    weight: 1,
    source:
      "Only a ± the source labels SD is read as an SE by mistake (an unlabelled ± is tested as SD and as SE as printed, so that reading is no slip). " +
      "Nagele P. (2003) Br J Anaesth 90:514–516, doi:10.1093/bja/aeg087 (23% of 860 anaesthesia articles) and Wullschleger M. et al. (2014) PLoS ONE 9:e110364, doi:10.1371/journal.pone.0110364 (64% of 441 cardiovascular articles) " +
      "count the SEM used to describe a sample's spread, which is how an unlabelled ± comes to be tested both ways; they do not count an SE printed under an \"SD\" label. A label is the author saying which it is, so against it the SE reading is a mislabel: the weight is " +
      convention,
  },
  "population-sd": {
    weight: 3,
    source:
      "A computation, not a slip of the pen: the SD with denominator n is the default of numpy.std (ddof = 0; NumPy documentation, numpy.std: \"By default ddof is zero\") and of spreadsheet STDEV.P / STDEVP, so an SD labelled SD may be computed that way throughout a paper. It is ranked above misprints and mislabels because one systematic choice of software explains a misfit without anyone mis-copying anything; no published rate was found, so the weight is " +
      convention,
  },
  "digit-neighbour": {
    weight: 2,
    source:
      "Verhoeff J. (1969) Error Detecting Decimal Codes, Mathematical Centre Tracts 29: single-digit substitutions are 60–95% of the errors made copying decimal numbers; a neighbouring digit (±1) is one such substitution",
  },
  "digit-transposed": {
    weight: 1,
    source: "Verhoeff J. (1969) Error Detecting Decimal Codes, Mathematical Centre Tracts 29: adjacent transpositions are 10–20% of the errors made copying decimal numbers",
  },
  "one-tailed": {
    weight: 2,
    source:
      "Nuijten M. B. et al. (2016) Behav Res Methods 48:1205–1226, doi:10.3758/s13428-015-0664-2: about half of psychology articles with tests had a p-value inconsistent with its statistic; statcheck counts a one-tailed reading as a documented cause. The weight itself is " +
      convention,
  },
  "statistic-truncated": { weight: 2, source: `statcheck (Nuijten et al. 2016) allows for the statistic's rounding; truncation is ${convention}` },
  "sphericity-corrected": {
    weight: 2,
    source: `Greenhouse S. W. & Geisser S. (1959) Psychometrika 24:95–112, doi:10.1007/BF02289823: a repeated-measures F is often reported with its p from df multiplied by ε (1/(k − 1) ≤ ε ≤ 1) when sphericity is doubtful, and statistics packages print the corrected tests beside the uncorrected one; the weight is ${convention}`,
  },
  "missing-patients": {
    weight: 2,
    source: `Brown N. J. L. & Heathers J. A. J. (2017) Soc Psychol Personal Sci 8:363–369, doi:10.1177/1948550616673876, discuss unreported missing data and misstated sample sizes among the causes of GRIM inconsistencies; the weight is ${convention}`,
  },
  "percent-of-later": { weight: 2, source: convention },
  "percentage-points": { weight: 2, source: convention },
  truncated: { weight: 2, source: convention },
  "other-denominator": { weight: 2, source: convention },
  "sd-as-se": { weight: 1, source: convention },
  "ci-as-sd": { weight: 1, source: convention },
  "off-grid": { weight: 1, source: `${convention}; ranked last because a mean off the item grid fits almost any percentage, so its fit says least` },
};

/**
 * The prior of a set of readings: the product of their weights.
 *
 * @example
 * priorOf(["population-sd"]); // => 3
 * priorOf(["se-as-sd"]); // => 1
 * priorOf(["digit-transposed", "off-grid"]); // => 1
 */
export function priorOf(slips: readonly SlipKind[]): number {
  return slips.reduce((product, slip) => product * slipPriors[slip].weight, 1);
}
