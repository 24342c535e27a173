import normalCdf from "@stdlib/stats-base-dists-normal-cdf";

/**
 * Independent oracle for two-sided t-test power, written for the tests only: no jStat, no noncentral-t
 * series. T = (Z + ncp) / √(V/df) with V ~ χ²(df); conditioning on V,
 *   P(|T| > c | V) = 1 − Φ(c·√(V/df) − ncp) + Φ(−c·√(V/df) − ncp).
 * Integrate over V = u² (so the χ² density u^(df−1)·e^(−u²/2) is smooth at 0) with Simpson's rule and
 * normalise by the integral of the same weight, which avoids needing the gamma function.
 */
export function powerByIntegration(criticalT: number, df: number, ncp: number): number {
  const steps = 20_000;
  const top = Math.sqrt(df) + 12;
  const width = top / steps;
  let weighted = 0;
  let total = 0;
  for (let i = 0; i <= steps; i += 1) {
    const u = i * width;
    const simpson = i === 0 || i === steps ? 1 : i % 2 === 1 ? 4 : 2;
    const weight = simpson * Math.exp((df - 1) * Math.log(u || Number.MIN_VALUE) - (u * u) / 2);
    const scale = u / Math.sqrt(df);
    const rejection = 1 - normalCdf(criticalT * scale - ncp, 0, 1) + normalCdf(-criticalT * scale - ncp, 0, 1);
    weighted += weight * rejection;
    total += weight;
  }
  return weighted / total;
}
