import { CohortError } from "../errors.js";
import * as message from "../messages/inference.js";
import { requireSize } from "./validate.js";

/** The three t-test designs cohortcheck plans for. */
export type TDesign = "two-group" | "paired" | "one-sample";
export const T_DESIGNS: ReadonlyArray<TDesign> = ["two-group", "paired", "one-sample"];

/** Sample size: one number (per group for two-group), or [n1, n2] for two groups of different sizes. */
export type SampleSizes = number | readonly [number, number];

/** Degrees of freedom and the noncentrality per unit of standardised effect for a design. */
export interface TDesignShape {
  design: TDesign;
  n: number[];
  df: number;
  /** ncp = effect × ncpPerEffect: √(n1·n2/(n1+n2)) for two groups, √n for paired (dz) and one-sample. */
  ncpPerEffect: number;
}

/**
 * Works out df and the noncentrality scale of a t-test design (Cohen 1988, ch. 2; G*Power's
 * "means" family). Sample sizes may be fractional so sample-size searches can solve continuously,
 * as R's pwr does; callers that take user input check for whole numbers first.
 *
 * @param design two-group (n per group or [n1, n2]), paired (n pairs), one-sample (n)
 * @param n sample size(s); each at least 2
 * @throws {CohortError} on an unknown design, the wrong number of sizes, or a size below 2
 * @example
 * tDesignShape("two-group", [5, 5]); // => { design: "two-group", n: [5, 5], df: 8, ncpPerEffect: 1.5811... }
 */
export function tDesignShape(design: TDesign, n: SampleSizes): TDesignShape {
  if (!T_DESIGNS.includes(design)) throw new CohortError({ message: message.designUnknown(String(design)) });
  const sizes = typeof n === "number" ? (design === "two-group" ? [n, n] : [n]) : [...n];
  if (design !== "two-group" && sizes.length !== 1) throw new CohortError({ message: message.groupCountMismatch(design, sizes.length) });
  if (design === "two-group" && sizes.length !== 2) throw new CohortError({ message: message.groupCountMismatch(design, sizes.length) });
  sizes.forEach((size, index) => {
    if (!(Number.isFinite(size) && size >= 2)) requireSize(sizes.length === 2 ? `n${index + 1}` : "n", size, 2);
  });
  if (design === "two-group") {
    const [n1, n2] = sizes as [number, number];
    return { design, n: sizes, df: n1 + n2 - 2, ncpPerEffect: Math.sqrt((n1 * n2) / (n1 + n2)) };
  }
  const [single] = sizes as [number];
  return { design, n: sizes, df: single - 1, ncpPerEffect: Math.sqrt(single) };
}
