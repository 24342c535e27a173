import { describe, expect, it } from "vitest";
import { pairModels } from "../../src/inference/pair-models.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { loadStudy } from "../../src/io/load-study.js";
import { seedJson, studyA, studyB, tempFile } from "../helpers/fixtures.js";

const registry = loadInstruments();
const A = loadStudy(studyA, registry);
const B = loadStudy(studyB, registry);

describe("pairModels", () => {
  const a = pairModels(A, registry);
  const model = (reading: string, instrument: string, tag = "") => a.find((r) => r.reading === reading)!.models.find((m) => m.instrument === instrument && (tag === "" || m.tag === tag))!;

  it("turns study A's band shifts into group-total intervals, by hand", () => {
    // PHQ-9 moderately severe [15, 20) → mild [5, 10), 20 patients, whole-number totals:
    // before 300…399 (mean ≥ 15 and < 20), after 100…199.
    expect(model("weaker", "phq-9").model.totals).toEqual({ kind: "rectangle", first: [300, 399], last: [100, 199] });
    // NRS under the Canadian Physiotherapy Association bands: severe [7, 10] → 140…200; moderate [4, 7) → 80…139.
    expect(model("weaker", "nrs-pain", "cpa-1-3-4-6-7-10").model.totals).toEqual({ kind: "rectangle", first: [140, 200], last: [80, 139] });
    expect(a.find((r) => r.reading === "weaker")!.models.filter((m) => m.instrument === "nrs-pain").map((m) => m.tag)).toEqual(["cpa-1-3-4-6-7-10", "palos-2006", "boonstra-2016"]);
  });

  it("reads 'improved in all' as every change at least one step down under the strongest reading only", () => {
    expect(model("strongest", "phq-9").model.direction).toBe("down");
    expect(model("weaker", "phq-9").model.direction).toBeNull();
    // SDS has no value before treatment: without the reading there is nothing at baseline, so no model.
    expect(a.find((r) => r.reading === "weaker")!.models.some((m) => m.instrument === "sds")).toBe(false);
  });

  it("holds each SDS patient under their own substance's cut-off after treatment (counts from the composition)", () => {
    // Opioid ≥ 5 means dependence, so 'satisfactory' is 0–4; benzodiazepines 0–6; cocaine 0–3; kratom has no cut-off.
    expect(model("strongest", "sds").model.classes).toEqual([
      { count: 9, before: [0, 15], after: [0, 4], category: "opioid" },
      { count: 5, before: [0, 15], after: [0, 6], category: "benzodiazepine" },
      { count: 4, before: [0, 15], after: [0, 3], category: "cocaine" },
      { count: 2, before: [0, 15], after: [0, 15], category: "kratom" },
    ]);
  });

  it("takes study B's percent-change chain as pairs of totals: −21.88 % = 7/32 on the 0.25-point grid of 5 patients", () => {
    // Totals in quarter points (4 items, mean-scored): a fall of 7/32 needs a baseline total that is a multiple
    // of 32: 32, 64, …, 192 (at most 5 × 40 = 200), each with after = 25/32 of it.
    const psychedelic = pairModels(B, registry)[0]!.models.find((m) => m.group === "psychedelic" && m.instrument === "bpi-sf-severity")!;
    expect(psychedelic.model.totals).toEqual({ kind: "pairs", pairs: [1, 2, 3, 4, 5, 6].map((k) => [32 * k, 25 * k]) });
    expect(psychedelic.unitsPerPoint).toBe(4);
  });

  it("says what of the report it leaves out: a reported SD is not imposed, so extremes over the model are bounds", () => {
    const json = seedJson(studyA);
    json.reported.push({ kind: "mean", id: "phq-before", instrument: "phq-9", group: "all", timepoint: "baseline", mean: "17.2", dispersion: { kind: "sd", value: "3.1" }, source: json.reported[2].source });
    const study = loadStudy(tempFile("study.json", json), registry);
    const m = pairModels(study, registry).find((r) => r.reading === "weaker")!.models.find((x) => x.instrument === "phq-9")!;
    expect(m.notImposed).toEqual(["the reported SD at baseline"]);
    // The mean narrows the before total: 17.2 to one decimal, rounded up or down (the project's default
    // reading), is any mean in [17.15, 17.25] → 20 × that = 343…345.
    expect(m.model.totals).toEqual({ kind: "rectangle", first: [343, 345], last: [100, 199] });
  });
});
