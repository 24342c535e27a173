import * as z from "zod";

/** Result of an exact rank test (Wilcoxon signed-rank or Mann–Whitney). */
export const RankTestResult = z.object({
  test: z.enum(["wilcoxon-signed-rank", "mann-whitney"]),
  n: z.array(z.number().int()).describe("[pairs] or [n_x, n_y]"),
  statistic: z.object({ name: z.enum(["V", "W"]), value: z.number() }),
  p: z.number().min(0).max(1).describe("exact two-sided p-value: twice the smaller tail of the permutation distribution, at most 1"),
  exact: z.literal(true),
  ties: z.boolean().describe("true when midranks were used; the permutation distribution is then conditional on them"),
  zeroMethod: z.enum(["wilcox", "pratt"]).optional(),
  zeros: z.number().int().optional().describe("pairs with no change"),
  effectSize: z.object({ name: z.literal("rank-biserial"), value: z.number(), definition: z.string() }),
});
export type RankTestResult = z.infer<typeof RankTestResult>;

/** Two-sided p from an exact distribution of an integer statistic: 2 · min(P(S ≤ s), P(S ≥ s)), capped at 1. */
export function twoSidedExactP(probabilities: ArrayLike<number>, observed: number): number {
  let lower = 0;
  let upper = 0;
  for (let value = 0; value < probabilities.length; value += 1) {
    const probability = probabilities[value] as number;
    if (value <= observed) lower += probability;
    if (value >= observed) upper += probability;
  }
  return Math.min(1, 2 * Math.min(lower, upper));
}
