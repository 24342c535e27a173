import { describe, expect, it } from "vitest";
import { checkStudy } from "../../src/checks/check-study.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { loadStudy } from "../../src/io/load-study.js";
import { seedJson, studyB, tempFile } from "../helpers/fixtures.js";

const registry = loadInstruments();

describe("checkStudy: percent changes pinned to reported means", () => {
  it("pins the psychedelic −21.88% chain to the reported baseline mean and says which mean pinned it", () => {
    // Study B plus a reported psychedelic baseline mean of 6.40 on BPI-SF severity. Hand: 21.875% = 7/32
    // leaves 6 pairs on the 0.05 grid (baseline 1.60, 3.20, …, 9.60); 6.40 keeps one, 6.40 → 5.00.
    const json = seedJson(studyB);
    const change = json.reported.find((v: { id: string }) => v.id === "psychedelic-severity-overall");
    json.reported.push({ kind: "mean", id: "psychedelic-severity-baseline", instrument: "bpi-sf-severity", group: "psychedelic", timepoint: "baseline", mean: "6.40", source: change.source });
    const study = loadStudy(tempFile("pinned.json", json), registry);
    const chain = checkStudy(study, registry).find((r) => r.check === "percent-change-chain" && r.subject?.includes("psychedelic-severity-overall"))!;
    expect(chain.status).toBe("consistent");
    expect((chain.details as { feasibleTuples: number }).feasibleTuples).toBe(1);
    expect(chain.assumptions.pinnedBy).toEqual({ baseline: "psychedelic-severity-baseline = 6.40" });
    expect(chain.explanation).toContain("pinned to the reported 6.40 at baseline");
  });
});
