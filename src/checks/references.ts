import type { Reference } from "../schema/reference.js";

/** The published method behind each check, attached to every CheckResult it returns. */
export const references = {
  flow: {
    citation: "Schulz, K. F., Altman, D. G., & Moher, D. (2010). CONSORT 2010 Statement: updated guidelines for reporting parallel group randomised trials. BMJ, 340, c332.",
    doi: "10.1136/bmj.c332",
    note: "The flow diagram's stages: assessed for eligibility, enrolled/randomised, allocated, received the intervention, followed up, analysed.",
  },
  grim: {
    citation:
      "Brown, N. J. L., & Heathers, J. A. J. (2017). The GRIM test: A simple technique detects numerous anomalies in the reporting of results in psychology. Social Psychological and Personality Science, 8(4), 363–369.",
    doi: "10.1177/1948550616673876",
    note: "Rounding vocabulary and multi-item / percent options follow scrutiny (Jung, https://lhdjung.github.io/scrutiny/).",
  },
  grimmer: {
    citation:
      "Anaya, J. (2016). The GRIMMER test: A method for testing the validity of reported measures of variability. PeerJ Preprints 4:e2400v1; analytic form: Allard, A. (2018), A-GRIMMER, as ported in rsprite2 GRIMMER_test and scrutiny grimmer().",
    doi: "10.7287/peerj.preprints.2400v1",
    note: "Tests GRIM, then whether an integer sum of squares of the right parity gives an SD that rounds to the reported one. Necessary, not sufficient: passing does not prove a sample exists.",
  },
  debit: {
    citation:
      "Heathers, J. A. J., & Brown, N. J. L. (2019). DEBIT: A simple consistency test for binary data. OSF Preprints.",
    url: "https://osf.io/5vb3u/",
    note: "Binary data: the mean is k/n and the sample SD is sqrt(k(n−k)/(n(n−1))); every k is tried exactly (as scrutiny's formula = \"exact\").",
  },
  sdBounds: {
    citation:
      "Hussey, I. tides: SD bounds for bounded scales (https://github.com/ianhussey/tides); Heathers, J. A. J., Anaya, J., van der Zee, T., & Brown, N. J. L. (2018). Recovering data from summary statistics: Sample Parameter Reconstruction via Iterative TEchniques (SPRITE). PeerJ Preprints 6:e26968v1 (rsprite2 .sd_limits).",
    doi: "10.7287/peerj.preprints.26968v1",
  },
  percent: {
    citation:
      "Brown, N. J. L., & Heathers, J. A. J. (2017). The GRIM test (percentages are means of 0/1 data; scrutiny grim(percent = TRUE)).",
    doi: "10.1177/1948550616673876",
  },
  composition: {
    citation: "Arithmetic of counts and rounded percentages (a GRIM-style check on each category and on the total).",
    note: "The percentages of mutually exclusive categories of the same denominator sum to exactly 100 before rounding.",
  },
  percentChange: {
    citation: "Arithmetic of percent change: 100 · (later − earlier) / earlier, with every tuple of group means on the grid the instrument allows enumerated exactly.",
    note: "Granularity of a group mean: item step / (items × n) for mean-of-items scoring (Brown & Heathers 2017, multi-item GRIM).",
    doi: "10.1177/1948550616673876",
  },
  bandShift: {
    citation: "Interval arithmetic on the severity bands of the instrument's published convention(s).",
  },
  statisticP: {
    citation:
      "Nuijten, M. B., Hartgerink, C. H. J., van Assen, M. A. L. M., Epskamp, S., & Wicherts, J. M. (2016). The prevalence of statistical reporting errors in psychology (1985–2013). Behavior Research Methods, 48, 1205–1226.",
    doi: "10.3758/s13428-015-0664-2",
    note: "The statcheck method (Epskamp & Nuijten, statcheck R package): p recomputed from the statistic and its df over the statistic's rounding interval; a decision error is an inconsistent p whose significance at α flips.",
  },
  summaryT: {
    citation:
      "Student (1908), Biometrika 6:1–25, doi:10.1093/biomet/6.1.1; Welch, B. L. (1947). The generalization of 'Student's' problem when several different population variances are involved. Biometrika, 34, 28–35.",
    doi: "10.1093/biomet/34.1-2.28",
    note: "t-tests from reported means, SDs and n, over the rounding intervals of every reported number (paired: from the SD of the changes, or from both SDs and their correlation).",
  },
  twoByTwo: {
    citation:
      "Fisher, R. A. (1935). The logic of inductive inference. J R Stat Soc 98:39–82 (exact test; two-sided p as R's fisher.test: the tables no more probable than the observed, relative tolerance 1e-7); Pearson's χ² with and without Yates' continuity correction as R's chisq.test.",
    doi: "10.2307/2342435",
  },
  ciP: {
    citation: "Altman, D. G., & Bland, J. M. (2011). How to obtain the P value from a confidence interval. BMJ, 343, d2304; and How to obtain the confidence interval from a P value. BMJ, 343, d2090.",
    doi: "10.1136/bmj.d2304",
    note: "SE from the CI width (on the log scale for ratios), z = estimate / SE, p from the normal (or t with the df given); exact normal tail instead of the notes' approximation exp(−0.717z − 0.416z²).",
  },
  sdOrSe: {
    citation:
      "Altman, D. G., & Bland, J. M. (2005). Standard deviations and standard errors. BMJ, 331, 903 (SE = SD/√n; a 95% CI half-width is t₀.₉₇₅,ₙ₋₁ · SD/√n); each reading tested with whichever apply: the SD bounds of the scale, GRIMMER, and the t-test implied by a between-group p when one is reported.",
    doi: "10.1136/bmj.331.7521.903",
  },
  changeSd: {
    citation:
      "Variance of a difference: SD_c² = SD₁² + SD₂² − 2r·SD₁·SD₂ with −1 ≤ r ≤ 1, so |SD₁ − SD₂| ≤ SD_c ≤ SD₁ + SD₂; Cochrane Handbook for Systematic Reviews of Interventions, §6.5.2.8 (imputing a change-from-baseline SD from a correlation coefficient).",
    url: "https://training.cochrane.org/handbook/current/chapter-06",
  },
  etaSquaredF: {
    citation:
      "Lakens, D. (2013). Calculating and reporting effect sizes to facilitate cumulative science: a practical primer for t-tests and ANOVAs. Frontiers in Psychology, 4, 863 (partial eta squared from F and its degrees of freedom: ηp² = F·df_effect / (F·df_effect + df_error)).",
    doi: "10.3389/fpsyg.2013.00863",
    note: "A sphericity correction multiplies both df by the same ε, which cancels: the corrected and uncorrected tests give the same ηp².",
  },
  effectCounts: {
    citation:
      "Risk difference, risk ratio and odds ratio of a 2×2 table: p₁ − p₂, p₁/p₂ and (a·d)/(b·c) (e.g. Altman, D. G. (1991). Practical Statistics for Medical Research, ch. 10; Cochrane Handbook §6.4.1).",
    url: "https://training.cochrane.org/handbook/current/chapter-06",
    note: "Counts are exact, so the effect is an exact fraction, compared with the printed estimate's rounding interval. A model-based (adjusted or marginal) estimate need not equal the crude one.",
  },
  medianGrid: {
    citation:
      "Order statistics of whole numbers: a median (and a quartile by the usual definitions: Hyndman, R. J., & Fan, Y. (1996). Sample quantiles in statistical packages. The American Statistician, 50(4), 361–365) is one value or the mean of two, so a median of whole-number scores is a multiple of 0.5, and a whole number when n is odd.",
    doi: "10.2307/2684934",
    note: "Quartiles under Hyndman–Fan types 1–3 are observed values (whole numbers); under types 6 and 7 (SPSS, R's default) they interpolate between neighbours, so any fraction is possible: the check states which definitions it assumes.",
  },
} satisfies Record<string, Reference>;
