import { ADMISSION_OF_FORM } from "../src/appraisal/admissions.js";
import { attributedToStudy } from "../src/appraisal/limit-rules.js";
import { attributionFor, WRITTEN_BY } from "../src/appraisal/source-sections.js";
import { defineAnalysis } from "../src/report/analysis.js";

const id = "stated-limits";
const title = "Limits and claims as the source states them";

/**
 * How many claims are recorded, how many have no test behind them (and how many of those are the study's
 * own claims of significance, efficacy, comparison or improvement in all), and how many are not the study's.
 */
function claimsSentence(claims: number, untested: number, strong: number, unattributed: number): string {
  if (claims === 0) return "No claim is recorded.";
  const recorded = `${claims} claim${claims === 1 ? " is" : "s are"} recorded`;
  const noTest =
    untested === 0
      ? claims === 1 ? "it has a statistical test reported behind it" : "every one has a statistical test reported behind it"
      : untested === claims
        ? claims === 1 ? "it has no statistical test reported behind it" : "none has a statistical test reported behind it"
        : `${untested} ${untested === 1 ? "has" : "have"} no statistical test reported behind ${untested === 1 ? "it" : "them"}`;
  const own = "of the study's own claims of significance, efficacy, comparison or improvement in all";
  const among = strong === 0 ? "" : untested !== claims ? `, among them ${strong} ${own}` : claims === 1 ? `; it is one ${own}` : `; ${strong} of them ${strong === 1 ? "is one" : "are"} ${own}`;
  const others = unattributed > 0 ? ` ${unattributed} ${unattributed === 1 ? "appears" : "appear"} only in a part of the source no author signs and ${unattributed === 1 ? "is" : "are"} not attributed to the study.` : "";
  return `${recorded}; ${noTest}${among}.${others}`;
}

/** The limitations the source states (their form, what they concede and how much that admits) and its claims, each with its quote, the part of the source it comes from, and whether a test is reported behind it. */
export default defineAnalysis({
  id,
  title,
  section: "limits",
  run({ study, studyFile }) {
    const attribution = attributionFor(study, studyFile);
    const where = (source: { file: string; quote: string }) => {
      const section = attribution.sectionOf(source);
      return section ? `${section.heading} (${WRITTEN_BY[section.writtenBy]})` : attribution.resolved ? "not found" : "the source as a whole";
    };
    const own = study.claims.filter((c) => attributedToStudy(c, attribution));
    const untested = own.filter((c) => !c.testReported && (c.type === "significance" || c.type === "all-improved" || c.type === "efficacy" || c.type === "comparison"));
    const unattributed = study.claims.length - own.length;
    return {
      id,
      title,
      section: "limits",
      paragraphs: [
        study.limitationsStated.length > 0
          ? `The source states ${study.limitationsStated.length} limitation${study.limitationsStated.length === 1 ? "" : "s"}. How much each admits follows from its form, the same in every study: a limitation or a caveat on a result states what it concedes; a call for future research only implies it.`
          : "The source states no limitation.",
        claimsSentence(study.claims.length, study.claims.filter((c) => !c.testReported).length, untested.length, unattributed),
      ],
      table: {
        columns: [
          { key: "kind", label: "kind" },
          { key: "id", label: "id", toolkit: true },
          { key: "category", label: "form or claim type" },
          { key: "concedes", label: "concedes / test reported" },
          { key: "where", label: "where in the source" },
          { key: "quote", label: "source quote" },
        ],
        rows: [
          ...study.limitationsStated.map((l) => ({ kind: "stated limitation", id: l.id, category: `${l.form} (${ADMISSION_OF_FORM[l.form]})`, concedes: l.concedes.join(", ") || "nothing in the register", where: where(l.source), quote: l.source.quote })),
          ...study.claims.map((c) => ({ kind: attributedToStudy(c, attribution) ? "claim" : "claim (not the study's)", id: c.id, category: c.type, concedes: c.testReported ? "test reported" : "no test", where: where(c.source), quote: c.source.quote })),
        ],
      },
    };
  },
});
