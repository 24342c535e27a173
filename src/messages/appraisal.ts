/**
 * User-facing messages of the appraisal area (checklists, claims registers, `cohort appraise`), as
 * functions of their inputs so tests compare against the same text. Lowercase fragments, no period.
 */

export function checklistStudyUnknown(study: string, known: readonly string[]): string {
  return `checklist is for study "${study}", which is not a known study id (known: ${known.length > 0 ? [...known].sort().join(", ") : "none"})`;
}

export function checklistItemCountMismatch(tool: string, expected: number, received: number): string {
  return `tool "${tool}" has ${expected} items, but tool.itemCount is ${received}`;
}

export function checklistQuestionMismatch(tool: string, number: number, expected: string): string {
  return `item ${number} must use the wording of tool "${tool}": "${expected}"`;
}

export function checklistDomainMismatch(tool: string, domain: number, expected: string): string {
  return `domain ${domain} of tool "${tool}" is "${expected}"`;
}

export function checklistDomainsMissing(tool: string, missing: readonly number[]): string {
  return `tool "${tool}" needs a judgement for every domain; missing domain${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`;
}

export function checklistEvidenceWrongFile(received: string, expected: string): string {
  return `evidence must quote the study's own source "${expected}", received a quote from "${received}"`;
}

export function folderNotFound(what: string): string {
  return `${what} folder not found or not readable`;
}

export function duplicateChecklist(tool: string, study: string, other: string): string {
  return `a "${tool}" checklist for study "${study}" is already given in ${other}`;
}

export function registerFileNameMismatch(id: string, expected: string): string {
  return `claims register id "${id}" must match the file name (expected ${expected})`;
}

export function noChecklistNote(study: string): string {
  return `no appraisal checklist is filled in for study "${study}"; only the limits register (generated from the study file) is shown`;
}

export function smallSampleThresholdInvalid(value: number): string {
  return `the medium effect used to judge sample size must be a finite number greater than 0, received ${value}`;
}

export function shareWidthThresholdInvalid(value: number): string {
  return `the interval width that marks a share as imprecise must lie strictly between 0 and 1, received ${value}`;
}

export function checklistDuplicateNumber(number: number, firstIndex: number): string {
  return `duplicate item number ${number} (also items[${firstIndex}])`;
}

export function checklistNumberTooLarge(number: number, itemCount: number): string {
  return `item number ${number} exceeds the tool's ${itemCount} items`;
}

export function checklistNumbersMissing(missing: readonly number[], itemCount: number): string {
  return `missing item number${missing.length > 1 ? "s" : ""} ${missing.join(", ")} of ${itemCount}`;
}

export function checklistNoteWithoutNoScore(note: string): string {
  return `the note must say that no total score is computed, received "${note}"`;
}

export function checklistQuotedWithoutEvidence(number: number): string {
  return `item ${number} answers from quotes (basis "quoted") but gives none; add the quotes, or set basis to "absent-from-source" and say in the reason what the source leaves out`;
}

export function sectionHeadingNotFound(heading: string, file: string): string {
  return `section heading "${heading}" is not a whole line of ${file} (after the previous section's heading); copy the heading line exactly`;
}

export function sectionDocumentNotFound(file: string): string {
  return `the source's sections are declared, so its document "${file}" is needed to attribute quotes, but it is not in the study's source folders`;
}

export function multiplicityThresholdInvalid(value: number): string {
  return `the number of outcome–time pairs or tests that marks multiplicity must be a whole number of at least 2, received ${value}`;
}

export function attritionThresholdInvalid(value: number): string {
  return `the share lost that counts as a risk-of-bias concern must lie strictly between 0 and 1, received ${value}`;
}

export function checklistCitesReporter(file: string, where: string, quote: string): string {
  return `${file} ${where} cites "${quote}", a conflict of interest of the report, not a feature of the study; record it in a claims register instead`;
}

export function checklistCitesUnattributed(file: string, where: string, quote: string, heading: string): string {
  return `${file} ${where} cites "${quote}" from ${heading}, a part of the source no author signs; it is not the study's text`;
}
