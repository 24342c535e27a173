import { describe, expect, it } from "vitest";
import { CohortError } from "../../src/errors.js";
import { regressionToTheMean } from "../../src/inference/regression-to-the-mean.js";
import * as message from "../../src/messages/bounds.js";

/** Mean of N(mu, sd²) truncated below at c, by Simpson's rule over [c, mu + 14 sd] (no closed form used). */
function truncatedMeanByIntegration(mu: number, sd: number, c: number): number {
  const density = (x: number) => Math.exp(-0.5 * ((x - mu) / sd) ** 2);
  const upper = Math.max(c, mu) + 14 * sd;
  const steps = 4000;
  const h = (upper - c) / steps;
  let mass = 0;
  let moment = 0;
  for (let i = 0; i <= steps; i += 1) {
    const x = c + i * h;
    const weight = i === 0 || i === steps ? 1 : i % 2 === 1 ? 4 : 2;
    mass += weight * density(x);
    moment += weight * x * density(x);
  }
  return moment / mass;
}

/** The population mean whose truncated mean is `target`, by a coarse-to-fine grid search (a second method). */
function populationMeanByGrid(target: number, sd: number, c: number): number {
  let best = target;
  let step = sd;
  for (let round = 0; round < 7; round += 1) {
    let bestError = Infinity;
    const centre = best;
    for (let k = -40; k <= 40; k += 1) {
      const mu = centre + k * step;
      const error = Math.abs(truncatedMeanByIntegration(mu, sd, c) - target);
      if (error < bestError) {
        bestError = error;
        best = mu;
      }
    }
    step /= 10;
  }
  return best;
}

describe("regressionToTheMean", () => {
  it("gives Barnett's σ(1 − ρ)φ(z)/(1 − Φ(z)) at z = 0 (hand calculation)", () => {
    // μ = 0, σ = 1, c = 0: the selected mean is φ(0)/0.5 = 0.797884561; with ρ = 0.5 the fall is 0.398942280.
    const result = regressionToTheMean(0, 0.7978845608028654, 1, 0.5);
    expect(result.populationMean).toBeCloseTo(0, 8);
    expect(result.selectionRatio).toBeCloseTo(0.7978845608, 8);
    expect(result.expectedChange).toBeCloseTo(-0.3989422804, 8);
  });

  it("matches numerical integration and a grid search for a PHQ-9-like entry rule (≥ 10, mean 15.05, SD 3.5, ρ 0.737)", () => {
    const result = regressionToTheMean(9.5, 15.05, 3.5, 0.737);
    const mu = populationMeanByGrid(15.05, 3.5, 9.5);
    expect(result.populationMean).toBeCloseTo(mu, 4);
    expect(truncatedMeanByIntegration(result.populationMean, 3.5, 9.5)).toBeCloseTo(15.05, 6);
    // (1 − ρ)(x̄ − μ): the second form of Barnett's formula.
    expect(result.expectedChange).toBeCloseTo(-(1 - 0.737) * (15.05 - mu), 4);
  });

  it("mirrors selection below a cut-off (a rise instead of a fall)", () => {
    const above = regressionToTheMean(9.5, 15.05, 3.5, 0.7);
    const below = regressionToTheMean(-9.5, -15.05, 3.5, 0.7, "below");
    expect(below.expectedChange).toBeCloseTo(-above.expectedChange, 10);
    expect(below.populationMean).toBeCloseTo(-above.populationMean, 8);
  });

  it("is zero with a perfectly reliable measure and grows as reliability falls", () => {
    expect(regressionToTheMean(9.5, 15.05, 3.5, 1).expectedChange).toBeCloseTo(0, 12);
    expect(Math.abs(regressionToTheMean(9.5, 15.05, 3.5, 0.5).expectedChange)).toBeGreaterThan(Math.abs(regressionToTheMean(9.5, 15.05, 3.5, 0.8).expectedChange));
  });

  it("refuses a selected mean on the wrong side of the cut-off, a bad SD or a bad correlation", () => {
    expect(() => regressionToTheMean(10, 9, 3, 0.8)).toThrow(new CohortError({ message: message.rtmMeanNotBeyondCutoff(9, 10, "above") }));
    expect(() => regressionToTheMean(10, 12, 0, 0.8)).toThrow(message.rtmSdInvalid(0));
    expect(() => regressionToTheMean(10, 12, 3, 1.2)).toThrow(message.rtmReliabilityInvalid(1.2));
  });
});
