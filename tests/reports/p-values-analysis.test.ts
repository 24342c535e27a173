import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import pValues from "../../analyses/p-values.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { loadStudy } from "../../src/io/load-study.js";
import type { Artefact } from "../../src/report/artefact.js";
import { root } from "../helpers/fixtures.js";

const registry = loadInstruments();
const studies = readdirSync(join(root, "data/studies")).filter((f) => f.endsWith(".json"));

describe("the p-values analysis on every study file", () => {
  it.each(studies)("%s: exact extremes with their datasets, and the sensitivity table, and no sampled value worded as a bound", async (file) => {
    const study = loadStudy(join(root, "data/studies", file), registry);
    const outcome = await pValues.run({ study, instruments: registry, seed: 1 });
    if (!Array.isArray(outcome)) {
      // A study with nothing constrained at two timepoints gets a note, not an empty table.
      expect("skipped" in outcome && outcome.skipped).toBe(true);
      return;
    }
    const [extremes, sensitivity] = outcome as Artefact[];
    expect(extremes!.id).toBe("p-values");
    expect(sensitivity!.id).toBe("p-value-sensitivity");
    expect(extremes!.reconstruction).toBe(true);
    for (const row of extremes!.table!.rows) {
      // Every range of p comes with the dataset behind each end, or says why there is none.
      if (row.smallest === "") expect(row.p === "" || /bound|no |nothing|refused|needs/.test(String(row.p))).toBe(true);
    }
    const text = [...extremes!.paragraphs, extremes!.summary ?? "", ...sensitivity!.paragraphs].join(" ");
    expect(text).not.toMatch(/as claimed|share p|rebuilt datasets \(seed/);
    expect(sensitivity!.table!.rows.length).toBeGreaterThan(0);
  });
});
