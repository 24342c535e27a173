import * as z from "zod";

/**
 * Every kind of limit the limits register knows, in the order its flags are listed. A study file's
 * stated limitations name the kinds they concede (`concedes`), so the register matches an admission
 * to a limit by id, never by the words of the quote.
 */
export const LIMIT_KINDS = [
  "small-sample",
  "small-arms",
  "imprecise-shares",
  "no-control-group",
  "control-without-placebo",
  "non-random-allocation",
  "convenience-sample",
  "regression-to-the-mean",
  "attrition",
  "co-interventions",
  "unblinded-assessment",
  "not-significant",
  "significance-without-test",
  "no-test-reported",
  "multiplicity",
  "missing-dispersion",
  "below-important-difference",
  "harms-imprecise",
  "undefined-band-label",
  "undefined-improvement",
  "no-follow-up",
  "missing-dose",
  "instrument-version-assumed",
  "promotional-source",
  "unattributed-claims",
] as const;
export const LimitKind = z.enum(LIMIT_KINDS).meta({ id: "LimitKind", description: "A kind of limit of the limits register (see docs/appraisal.md)." });
export type LimitKind = z.infer<typeof LimitKind>;
