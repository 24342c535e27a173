/** The wording of an appraisal tool cohortcheck knows: a checklist naming this tool must use it. */
export interface ChecklistToolDefinition {
  id: string;
  name: string;
  /** Item questions, in order: item n is questions[n − 1]. */
  questions: readonly string[];
  /** ROBINS-I domain names, in order (domain n is domains[n − 1]); absent for tools without domains. */
  domains?: readonly string[];
}

/**
 * JBI Critical Appraisal Checklist for Case Series (10 items). Wording as listed in PMC7778754
 * Table 2 (Munn Z et al. 2020, JBI Evid Synth 18:2127–2133,
 * doi:10.11124/JBISRIR-D-19-00099). Item 8 on JBI's own form may read "clearly reported".
 */
export const JBI_CASE_SERIES: ChecklistToolDefinition = {
  id: "jbi-case-series",
  name: "JBI Critical Appraisal Checklist for Case Series",
  questions: [
    "Were there clear criteria for inclusion in the case series?",
    "Was the condition measured in a standard, reliable way for all participants included in the case series?",
    "Were valid methods used for identification of the condition for all participants included in the case series?",
    "Did the case series have consecutive inclusion of participants?",
    "Did the case series have complete inclusion of participants?",
    "Was there clear reporting of the demographics of the participants in the study?",
    "Was there clear reporting of the clinical information of the participants?",
    "Were the outcomes or follow-up results of cases reported?",
    "Was there clear reporting of the presenting site(s)/clinic(s) demographic information?",
    "Was the statistical analysis appropriate?",
  ],
};

/**
 * JBI Critical Appraisal Checklist for Quasi-Experimental Studies (non-randomized experimental
 * studies), 2017 version, 9 items (Tufanaru C et al. 2017, JBI Reviewer's Manual ch. 3). Wording as
 * printed in PMC9443005 Table 3 and PMC8133761 Table 6. JBI revised the tool in 2023 (Barker TH et
 * al., JBI Evid Synth 2024), which renumbers items; this is the 9-item version.
 */
export const JBI_QUASI_EXPERIMENTAL: ChecklistToolDefinition = {
  id: "jbi-quasi-experimental",
  name: "JBI Critical Appraisal Checklist for Quasi-Experimental Studies (non-randomized experimental studies)",
  questions: [
    "Is it clear in the study what is the 'cause' and what is the 'effect' (i.e. there is no confusion about which variable comes first)?",
    "Were the participants included in any comparisons similar?",
    "Were the participants included in any comparisons receiving similar treatment/care, other than the exposure or intervention of interest?",
    "Was there a control group?",
    "Were there multiple measurements of the outcome both pre and post the intervention/exposure?",
    "Was follow up complete and if not, were differences between groups in terms of their follow up adequately described and analyzed?",
    "Were the outcomes of participants included in any comparisons measured in the same way?",
    "Were outcomes measured in a reliable way?",
    "Was appropriate statistical analysis used?",
  ],
};

/**
 * ROBINS-I (Sterne JAC et al. 2016, BMJ 355:i4919, doi:10.1136/bmj.i4919): seven bias domains.
 * Each item is the first signalling question of its domain (tool template of 19 September 2016);
 * the domain judgements carry the appraisal, the items only the lead question. Wording of 1.1 and
 * 2.1 checked against Jeyaraman MM et al. 2020, Syst Rev 9:12, Table 3 (doi:10.1186/s13643-020-1271-6);
 * 3.1–7.1 follow the 2016 template but were not re-checked against its text here.
 */
export const ROBINS_I: ChecklistToolDefinition = {
  id: "robins-i",
  name: "ROBINS-I: Risk Of Bias In Non-randomised Studies - of Interventions",
  questions: [
    "Is there potential for confounding of the effect of intervention in this study?",
    "Was selection of participants into the study (or into the analysis) based on participant characteristics observed after the start of intervention?",
    "Were intervention groups clearly defined?",
    "Were there deviations from the intended intervention beyond what would be expected in usual practice?",
    "Were outcome data available for all, or nearly all, participants?",
    "Could the outcome measure have been influenced by knowledge of the intervention received?",
    "Is the reported effect estimate likely to be selected, on the basis of the results, from multiple outcome measurements within the outcome domain?",
  ],
  domains: [
    "Bias due to confounding",
    "Bias in selection of participants into the study",
    "Bias in classification of interventions",
    "Bias due to deviations from intended interventions",
    "Bias due to missing data",
    "Bias in measurement of outcomes",
    "Bias in selection of the reported result",
  ],
};

/** Every tool whose wording cohortcheck checks, by id. */
export const CHECKLIST_TOOLS: ReadonlyMap<string, ChecklistToolDefinition> = new Map(
  [JBI_CASE_SERIES, JBI_QUASI_EXPERIMENTAL, ROBINS_I].map((tool) => [tool.id, tool]),
);
