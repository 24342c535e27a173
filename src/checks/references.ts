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
} satisfies Record<string, Reference>;
