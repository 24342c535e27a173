import type { InstrumentRegistry } from "../io/load-instruments.js";
import type { Claim } from "../schema/reported-value.js";
import type { Study } from "../schema/study.js";
import { groupSize, listWords } from "./limit-rules.js";

/** One way to read a claim, from the strongest (what its words could mean at most) down. */
export interface ClaimReading {
  strength: "strongest" | "weaker" | "weakest";
  reading: string;
}

/** The outcomes a claim names, in the file's words: instrument abbreviations, other words as they are. */
export function claimOutcomes(claim: Claim, instruments: InstrumentRegistry): string[] {
  return (claim.about ?? []).map((about) => instruments.get(about)?.abbreviation ?? about);
}

/** Who a claim is about: "the 20 participants", "the 5 in group therapy". */
export function claimGroupWords(study: Study, claim: Claim): string {
  const n = groupSize(study, claim.group);
  const arm = study.design.arms.find((candidate) => candidate.id === claim.group);
  return arm ? `the ${n} in ${arm.label}` : `the ${n} participants`;
}

/** What harm a safety claim is about, in its own words (`about`: "serious adverse events"), else "harm". */
export function harmWords(claim: Claim, instruments: InstrumentRegistry): string {
  const named = claimOutcomes(claim, instruments);
  return named.length > 0 ? listWords(named) : "harm";
}

/**
 * The readings of a claim that says something of everyone (all improved) or of harms (none occurred),
 * strongest first. Reports quantify the strongest and say so ("under the strongest reading"), and
 * show the weaker ones, which the words equally allow and which claim less.
 *
 * @example
 * claimReadings(studyA, claim("misuse-improved-in-all"), instruments)[0].strength; // => "strongest"
 */
export function claimReadings(study: Study, claim: Claim, instruments: InstrumentRegistry): ClaimReading[] {
  const who = claimGroupWords(study, claim);
  const outcomes = claimOutcomes(claim, instruments);
  if (claim.type === "all-improved") {
    const on = outcomes.length === 0 ? "" : outcomes.length === 1 ? ` on ${outcomes[0]}` : ` on every one of ${listWords(outcomes)}`;
    const readings: ClaimReading[] = [{ strength: "strongest", reading: `every one of ${who} improved${on}, by any amount` }];
    if (outcomes.length > 1) readings.push({ strength: "weaker", reading: `every one of ${who} improved on at least one of ${listWords(outcomes)}` });
    readings.push({ strength: "weakest", reading: `${who.replace(/^the /, "the group of ")} improved on average${outcomes.length > 0 ? ` on ${listWords(outcomes)}` : ""}; some individuals may not have` });
    return readings;
  }
  if (claim.type === "safety") {
    const harms = harmWords(claim, instruments);
    return [
      { strength: "strongest", reading: `no ${harms} occurred in any of ${who}` },
      { strength: "weakest", reading: `no ${harms} ${harms.endsWith("s") ? "were" : "was"} recorded; how harms were looked for is not reported, so events may have gone unrecorded` },
    ];
  }
  return [];
}

/** The readings as one note line: "readings, strongest first: …; …". */
export function readingsNote(study: Study, claim: Claim, instruments: InstrumentRegistry): string | undefined {
  const readings = claimReadings(study, claim, instruments);
  if (readings.length === 0) return undefined;
  return `${claim.id}, readings from strongest to weakest: ${readings.map((reading) => `(${reading.strength}) ${reading.reading}`).join("; ")}`;
}
