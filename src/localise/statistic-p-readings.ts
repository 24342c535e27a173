import type { SphericityReading } from "../checks/sphericity-p.js";
import type { LocalisationProblem, Reading, ReadingOutcome } from "./reading.js";

/**
 * The adapter for tests (a statistic with df and its p): the localiser does not recompute p itself.
 * The p-value check (statcheck's method, src/checks/statistic-p.ts) reports, per printed result, the
 * readings it tried (two- or one-tailed; statistic rounded or truncated) and whether p fits under each;
 * for a repeated-measures F, the sphericity-corrected reading (src/checks/sphericity-p.ts) says whether
 * some ε in [1/df1, 1] makes it fit. This turns those verdicts into a localisation problem whose figures
 * are the statistic, its df and the p, so the engine ranks them with the others.
 */
export interface StatisticReadingFit {
  tails: 1 | 2;
  statistic: "rounded" | "truncated";
  fits: boolean;
}

export type StatisticPReading = { kind: "one-tailed" } | { kind: "statistic-truncated" } | { kind: "sphericity" };

/** The sphericity-corrected reading with the statistic rounded and truncated, for a repeated-measures F. */
export interface SphericityFits {
  rounded: SphericityReading;
  truncated: SphericityReading;
  /** The df as used (printed or derived), for the label. */
  df: [number, number];
}

/**
 * A test's statistic, df and p as a localisation problem over the readings the p-value check evaluated.
 *
 * @param id the reported test's id (figures are `<id>.statistic`, `<id>.df` and `<id>.p`)
 * @param printed the statistic and p as printed, for labels
 * @param fitsUnder the check's verdict per reading (as printed: two-tailed, rounded)
 * @param sphericity for a repeated-measures F: the ε-corrected readings
 * @example
 * statisticPProblem("t1", { statistic: "t(28) = 2.20", p: "p = .02" }, [{ tails: 1, statistic: "rounded", fits: true }, …]);
 */
export function statisticPProblem(id: string, printed: { statistic: string; p: string }, fitsUnder: readonly StatisticReadingFit[], sphericity?: SphericityFits): LocalisationProblem<StatisticPReading> {
  const fit = (tails: 1 | 2, statistic: "rounded" | "truncated") => fitsUnder.find((r) => r.tails === tails && r.statistic === statistic)?.fits ?? false;
  const readings: Reading<StatisticPReading>[] = [];
  // One-tailed only where the check tried it (t, z, r: F and χ² have one tail).
  if (fitsUnder.some((r) => r.tails === 1)) readings.push({ figure: `${id}.p`, slip: "one-tailed", label: "is one-tailed", params: { kind: "one-tailed" } });
  readings.push({ figure: `${id}.statistic`, slip: "statistic-truncated", label: "was truncated instead of rounded", params: { kind: "statistic-truncated" } });
  if (sphericity) {
    const e = sphericity.rounded.epsilon;
    const at = e.length > 0 ? `, ε ≈ ${e.join(" or ")}: F(${e.map((x) => `${round2(x * sphericity.df[0])}, ${round2(x * sphericity.df[1])}`).join(" or ")})` : "";
    readings.push({
      figure: `${id}.df`,
      slip: "sphericity-corrected",
      label: `were corrected for sphericity (df × ε, ε between ${round2(sphericity.rounded.epsilonLow)} and 1${at})`,
      params: { kind: "sphericity" },
    });
  }
  const figures = [
    { id: `${id}.statistic`, label: `the statistic ${printed.statistic}`, printed: printed.statistic },
    ...(sphericity ? [{ id: `${id}.df`, label: `the df (${sphericity.df.join(", ")})`, printed: `(${sphericity.df.join(", ")})` }] : []),
    { id: `${id}.p`, label: `the p-value ${printed.p}`, printed: printed.p },
  ];
  return {
    check: "statistic-p",
    subject: [id],
    figures,
    readings,
    cost: () => 1,
    test(set): ReadingOutcome {
      const tails = set.some((r) => r.params.kind === "one-tailed") ? 1 : 2;
      const statistic = set.some((r) => r.params.kind === "statistic-truncated") ? "truncated" : "rounded";
      if (sphericity && set.some((r) => r.params.kind === "sphericity")) {
        const reading = sphericity[statistic];
        if (!reading.fits) return { status: "inconsistent", implies: [], corrected: {} };
        const epsilon = reading.epsilon;
        return {
          status: "consistent",
          implies: [`p over ε in [${round2(reading.epsilonLow)}, 1] is ${reading.pRange.map((x) => Number(x.toPrecision(3))).join("–")}${epsilon.length > 0 ? `; the printed F gives the printed p at ε ≈ ${epsilon.join(" or ")}` : ""}`],
          corrected: { [`${id}.df`]: epsilon.length > 0 ? epsilon.map((x) => `(${round2(x * sphericity.df[0])}, ${round2(x * sphericity.df[1])})`).join(" or ") : `(${sphericity.df.join(", ")}) × ε` },
          details: { epsilon, pRange: reading.pRange },
        };
      }
      return { status: fit(tails, statistic) ? "consistent" : "inconsistent", implies: [], corrected: {} };
    },
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
