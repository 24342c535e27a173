import type { LimitationForm, StatedLimitation } from "../schema/reported-value.js";
import type { Admission, AdmissionLevel, LimitKind } from "./limit-flag.js";
import { quotes } from "./limit-rules.js";
import type { Attribution } from "./source-sections.js";

/**
 * How much a sentence of each form admits, the same for every study: a limitation or a caveat on a
 * result states the limit; a call for future research only implies it ("larger studies are needed"
 * does not say this one was too small). This table is the whole judgement: no words are matched.
 */
export const ADMISSION_OF_FORM: Readonly<Record<LimitationForm, Exclude<AdmissionLevel, "none">>> = {
  limitation: "stated",
  caveat: "stated",
  "call-for-research": "implied",
};

/** The strongest level among several (stated > implied > none). */
function strongest(levels: readonly AdmissionLevel[]): AdmissionLevel {
  if (levels.includes("stated")) return "stated";
  if (levels.includes("implied")) return "implied";
  return "none";
}

/**
 * The source's admission of one kind of limit: the stated limitations that concede it, and the
 * strongest level their forms give. A sentence found only in a part of the source no author signs
 * (an aggregator's summary) is not the study's admission and is left out.
 *
 * @param limitations the study's `limitationsStated`
 * @param kind the limit
 * @param attribution where each quote sits in the source
 * @example
 * admissionFor([{ id: "x", form: "call-for-research", concedes: ["small-sample"], source }], "small-sample", attribution).level; // => "implied"
 */
export function admissionFor(limitations: readonly StatedLimitation[], kind: LimitKind, attribution: Attribution): Admission {
  const own = limitations.filter((limitation) => limitation.concedes.includes(kind)).filter((limitation) => {
    if (!attribution.resolved) return true;
    return [limitation.source, ...(limitation.alsoQuoted ?? [])].some((source) => {
      const section = attribution.sectionOf(source);
      return section !== undefined && section.writtenBy !== "unattributed";
    });
  });
  return { level: strongest(own.map((limitation) => ADMISSION_OF_FORM[limitation.form])), quotes: quotes(own.map((limitation) => limitation.source)) };
}
