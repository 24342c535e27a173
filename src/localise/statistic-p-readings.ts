import type { LocalisationProblem, Reading, ReadingOutcome } from "./reading.js";

/**
 * The adapter for tests (a statistic with df and its p, a CI): the localiser does not recompute p
 * itself. The p-value check (statcheck's method) being written in src/checks/statistic-p.ts reports,
 * per printed result, the readings it tried (two- or one-tailed; statistic rounded or truncated) and
 * whether p fits under each. This turns those readings into a localisation problem with two figures,
 * the statistic and the p, so the engine ranks them with the others. Until that check lands,
 * `problemForResult` returns nothing for tests and `cohort check` says they are not localised yet.
 */
export interface StatisticReadingFit {
  tails: 1 | 2;
  statistic: "rounded" | "truncated";
  fits: boolean;
}

export type StatisticPReading = { kind: "one-tailed" } | { kind: "statistic-truncated" };

/**
 * A test's statistic and p as a localisation problem over the readings the p-value check evaluated.
 *
 * @param id the reported test's id (figures are `<id>.statistic` and `<id>.p`)
 * @param printed the statistic and p as printed, for labels
 * @param fitsUnder the check's verdict per reading (as printed: two-tailed, rounded)
 * @example
 * statisticPProblem("t1", { statistic: "t(28) = 2.20", p: "p = .02" }, [{ tails: 1, statistic: "rounded", fits: true }, …]);
 */
export function statisticPProblem(id: string, printed: { statistic: string; p: string }, fitsUnder: readonly StatisticReadingFit[]): LocalisationProblem<StatisticPReading> {
  const fit = (tails: 1 | 2, statistic: "rounded" | "truncated") => fitsUnder.find((r) => r.tails === tails && r.statistic === statistic)?.fits ?? false;
  const readings: Reading<StatisticPReading>[] = [
    { figure: `${id}.p`, slip: "one-tailed", label: "is one-tailed", params: { kind: "one-tailed" } },
    { figure: `${id}.statistic`, slip: "statistic-truncated", label: "was truncated instead of rounded", params: { kind: "statistic-truncated" } },
  ];
  return {
    check: "statistic-p",
    subject: [id],
    figures: [
      { id: `${id}.statistic`, label: `the statistic ${printed.statistic}`, printed: printed.statistic },
      { id: `${id}.p`, label: `the p-value ${printed.p}`, printed: printed.p },
    ],
    readings,
    cost: () => 1,
    test(set): ReadingOutcome {
      const tails = set.some((r) => r.params.kind === "one-tailed") ? 1 : 2;
      const statistic = set.some((r) => r.params.kind === "statistic-truncated") ? "truncated" : "rounded";
      return { status: fit(tails, statistic) ? "consistent" : "inconsistent", implies: [], corrected: {} };
    },
  };
}
