import { describe, expect, it } from "vitest";
import { loadInstruments } from "../../../src/io/load-instruments.js";
import { loadStudy, parseStudy } from "../../../src/io/load-study.js";
import * as message from "../../../src/messages/reconstruct-study.js";
import { reconstructStudy } from "../../../src/reconstruct/study/reconstruct-study.js";
import { RECONSTRUCTION_LABEL, Reconstruction } from "../../../src/schema/reconstruction.js";
import { root, seedJson, studyA, studyB } from "../../helpers/fixtures.js";

const registry = loadInstruments();
const A = loadStudy(studyA, registry);
const B = loadStudy(studyB, registry);

// Band tables written out here from the published cut points (not read from data/instruments):
// PHQ-9, Kroenke et al. 2001: moderately severe 15–19, mild 5–9, so a group MEAN is "moderately
// severe" when 15 ≤ mean < 20 and "mild" when 5 ≤ mean < 10.
const PHQ9 = { from: [15, 20], to: [5, 10] };
// NRS, severe → moderate, per convention (CPA: moderate 4–6, severe 7–10; Palos 2006: 5–6, 7–10;
// Boonstra 2016: 6–7, 8–10). Means: severe ≥ 7 (≥ 8 Boonstra), moderate [4, 7) / [5, 7) / [6, 8).
const NRS: Record<string, { from: [number, number]; to: [number, number] }> = {
  "cpa-1-3-4-6-7-10": { from: [7, 10], to: [4, 7] },
  "palos-2006": { from: [7, 10], to: [5, 7] },
  "boonstra-2016": { from: [8, 10], to: [6, 8] },
};
// SDS cut-offs (METHODS §10): opioid ≥ 5, benzodiazepine ≥ 7, cocaine ≥ 4 → "below" is ≤ 4, ≤ 6, ≤ 3.
const SDS_BELOW: Record<string, number> = { opioid: 4, benzodiazepine: 6, cocaine: 3 };

const column = (r: Reconstruction, name: string): number[] => r.rows.map((row) => row[name] as number);
const mean = (values: number[]): number => values.reduce((s, v) => s + v, 0) / values.length;
const inHalfOpen = (x: number, [lo, hi]: [number, number] | number[]): boolean => x >= lo! - 1e-12 && x < hi! - 1e-12;

function conventionOf(r: Reconstruction): string {
  const line = r.assumptions.find((a) => a.startsWith("NRS bands: "))!;
  if (line.includes("Canadian")) return "cpa-1-3-4-6-7-10";
  if (line.includes("Palos")) return "palos-2006";
  return "boonstra-2016";
}

describe("reconstructStudy (study A)", () => {
  const result = reconstructStudy(A, registry, { seed: 1, count: 6, convention: "each" });

  it("labels every reconstruction and never claims to know how many datasets exist", () => {
    expect(result.count).toBe(18); // 6 per NRS convention × 3 conventions
    expect(result.of).toBe("unknown");
    for (const r of result.reconstructions) {
      expect(r.label).toBe(RECONSTRUCTION_LABEL);
      expect(r.of).toBe("unknown");
      expect(r.rows).toHaveLength(20);
      expect(Reconstruction.parse(r)).toEqual(r); // the shared zod shape
    }
  });

  it("recounts the reported sex and misuse-category margins in every reconstruction", () => {
    // Source 000: females 11/20, males 9/20; opioid 9, benzodiazepine 5, cocaine 4, kratom 2.
    for (const r of result.reconstructions) {
      const count = (name: string, value: string) => r.rows.filter((row) => row[name] === value).length;
      expect([count("sex", "female"), count("sex", "male")]).toEqual([11, 9]);
      expect(["opioid", "benzodiazepine", "cocaine", "kratom"].map((c) => count("misuse-category", c))).toEqual([9, 5, 4, 2]);
    }
  });

  it("puts the PHQ-9 and NRS group means in the reported bands under the convention each one names", () => {
    const seen = new Set<string>();
    for (const r of result.reconstructions) {
      expect(inHalfOpen(mean(column(r, "phq-9_baseline")), PHQ9.from)).toBe(true);
      expect(inHalfOpen(mean(column(r, "phq-9_after-treatments")), PHQ9.to)).toBe(true);
      const convention = conventionOf(r);
      seen.add(convention);
      const pre = mean(column(r, "nrs-pain_baseline"));
      expect(pre >= NRS[convention]!.from[0] && pre <= NRS[convention]!.from[1]).toBe(true); // top band is closed
      expect(inHalfOpen(mean(column(r, "nrs-pain_after-treatments")), NRS[convention]!.to)).toBe(true);
    }
    expect([...seen].sort()).toEqual(Object.keys(NRS).sort());
  });

  it("keeps whole-number scores in range, improves every patient, and holds SDS below each substance's cut-off", () => {
    const ranges: Record<string, number> = { "phq-9": 27, "nrs-pain": 10, sds: 15 };
    for (const r of result.reconstructions) {
      for (const row of r.rows) {
        for (const [instrument, max] of Object.entries(ranges)) {
          const pre = row[`${instrument}_baseline`] as number;
          const post = row[`${instrument}_after-treatments`] as number;
          for (const v of [pre, post]) expect(Number.isInteger(v) && v >= 0 && v <= max).toBe(true);
          expect(post).toBeLessThan(pre); // "improved in all patients"
        }
        const cap = SDS_BELOW[row["misuse-category"] as string];
        if (cap !== undefined) expect(row["sds_after-treatments"] as number).toBeLessThanOrEqual(cap);
      }
    }
  });

  it("lists the assumptions it used, including the ones the brief requires be said", () => {
    const r = result.reconstructions.find((x) => conventionOf(x) === "palos-2006")!;
    const text = r.assumptions.join("\n");
    expect(text).toContain("categories exclusive");
    expect(text).toContain("band shift describes the group mean");
    expect(text).toContain("NRS bands: Palos et al. (2006)");
    expect(text).toContain("every patient improved");
    expect(text).toContain("kratom: SDS has no published cut-off");
    expect(text).toContain('SDS "satisfactory levels" read as each patient\'s score in the lowest band');
    expect(result.notes.some((n) => n.startsWith("SDS at baseline: not reported"))).toBe(true);
  });

  it("reports the number of sex × category tables, counted independently by brute force", () => {
    // Brute force: a 2 × 4 table with rows 11/9 is fixed by its first row (a, b, c, d) with
    // a ≤ 9, b ≤ 5, c ≤ 4, d ≤ 2, a + b + c + d = 11 (the second row is the remainder).
    let tables = 0;
    for (let a = 0; a <= 9; a++) for (let b = 0; b <= 5; b++) for (let c = 0; c <= 4; c++) for (let d = 0; d <= 2; d++) if (a + b + c + d === 11) tables++;
    expect(result.crossTables).toEqual([{ group: "all", variables: ["sex", "misuse-category"], count: tables }]);
  });

  it("gives deep-equal output for the same seed and different datasets for different seeds", () => {
    expect(reconstructStudy(A, registry, { seed: 1, count: 6, convention: "each" })).toEqual(result);
    const other = reconstructStudy(A, registry, { seed: 2, count: 6, convention: "each" });
    expect(other.reconstructions.map((r) => r.rows)).not.toEqual(result.reconstructions.map((r) => r.rows));
    // Reconstruction i does not depend on how many were asked for.
    expect(reconstructStudy(A, registry, { seed: 1, count: 2, convention: "each" }).reconstructions[1]).toEqual(result.reconstructions[1]);
  });

  it("can drop the improvement reading, and says so", () => {
    const r = reconstructStudy(A, registry, { seed: 3, count: 1, improvement: "not-assumed" }).reconstructions[0]!;
    expect(r.assumptions).toContain(message.assumeNoImprovement("PHQ-9"));
    expect(r.assumptions.some((a) => a.startsWith("every patient improved"))).toBe(false);
  });

  it("refuses impossible options with the message functions' text", () => {
    expect(() => reconstructStudy(A, registry, { count: 0 })).toThrow(message.badCount(0));
    expect(() => reconstructStudy(A, registry, { spread: 2 })).toThrow(message.spreadOutOfRange(2));
    expect(() => reconstructStudy(A, registry, { convention: "nope" })).toThrow(message.unknownConvention("nope", ["kroenke-2001", "cpa-1-3-4-6-7-10", "palos-2006", "boonstra-2016"]));
  });
});

/** Percent change of x → y, computed here independently: 100·(y − x)/x. */
const pct = (x: number, y: number): number => (100 * (y - x)) / x;

describe("reconstructStudy (study B)", () => {
  const result = reconstructStudy(B, registry, { seed: 5, count: 8 });
  const arm = (r: Reconstruction, id: string) => ({ ...r, rows: r.rows.filter((row) => row.arm === id) });

  it("rebuilds 10 rows, 5 per arm, with BPI severity on the 0.25 grid and interference on the 1/7 grid", () => {
    for (const r of result.reconstructions) {
      expect(r.rows).toHaveLength(10);
      expect(r.rows.filter((row) => row.arm === "psychedelic")).toHaveLength(5);
      for (const row of r.rows) {
        for (const c of r.columns.filter((x) => x.startsWith("bpi-sf-severity_"))) {
          const v = row[c];
          if (v === null) continue;
          expect(Number.isInteger((v as number) * 4) && (v as number) >= 0 && (v as number) <= 10).toBe(true);
        }
        for (const c of r.columns.filter((x) => x.startsWith("bpi-sf-interference_"))) {
          const v = row[c];
          if (v === null) continue;
          expect(Math.abs((v as number) * 7 - Math.round((v as number) * 7))).toBeLessThan(1e-9);
        }
      }
    }
  });

  it("reproduces the reported percent changes of the arm means, rounded to the reported decimals", () => {
    // Source 003: psychedelic severity −21.88%, interference −36%; psycholytic −3.39% overall and
    // −32.81% session 1→3. Rounded half up or down, so |computed − reported| ≤ half a unit.
    for (const r of result.reconstructions) {
      const pd = arm(r, "psychedelic");
      const pl = arm(r, "psycholytic");
      expect(Math.abs(pct(mean(column(pd, "bpi-sf-severity_baseline")), mean(column(pd, "bpi-sf-severity_after-s6"))) + 21.88)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(pct(mean(column(pd, "bpi-sf-interference_baseline")), mean(column(pd, "bpi-sf-interference_after-s6"))) + 36)).toBeLessThanOrEqual(0.5 + 1e-9);
      expect(Math.abs(pct(mean(column(pl, "bpi-sf-severity_baseline")), mean(column(pl, "bpi-sf-severity_after-s6"))) + 3.39)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(pct(mean(column(pl, "bpi-sf-severity_after-s1")), mean(column(pl, "bpi-sf-severity_after-s3"))) + 32.81)).toBeLessThanOrEqual(0.005 + 1e-9);
    }
  });

  it("follows the one localised reading of the psycholytic chain (+24.56% relative to the later value) and says so; as usual changes no grid means fit (brute force)", () => {
    // Independent brute force: arm totals of 5 patients on the 0.25 grid are k/20, k = 0…200.
    // s3 values compatible with −32.81% from s1, and with +24.56% to s6, must be disjoint.
    const ok = (x: number, y: number, reported: number) => Math.abs(pct(x, y) - reported) <= 0.005 + 1e-12;
    const fromS1 = new Set<number>();
    const toS6 = new Set<number>();
    for (let a = 1; a <= 200; a++) {
      for (let b = 0; b <= 200; b++) {
        if (ok(a / 20, b / 20, -32.81)) fromS1.add(b);
        if (ok(a / 20, b / 20, 24.56)) toS6.add(a);
      }
    }
    expect([...fromS1].filter((k) => toS6.has(k))).toEqual([]);
    const chain = result.meanLevel.find((m) => m.group === "psycholytic")!.chain!;
    // Hand (docs/localiser.md): relative to the later value, 14/57 = 24.561%, so s3 = 43k/20, s6 = 57k/20.
    expect(chain.used).toBe("explanation");
    expect(chain.dropped).toEqual([]);
    expect(chain.explanation!.sentence).toBe("if psycholytic-severity-s3-s6 (+24.56%) was computed relative to the later value");
    expect(result.reconstructions[0]!.assumptions.some((a) => a.includes("this reconstruction follows it"))).toBe(true);
  });

  it("leaves the psychedelic arm's unreported session 1 and 3 severity empty and says so", () => {
    for (const r of result.reconstructions) {
      for (const row of arm(r, "psychedelic").rows) expect([row["bpi-sf-severity_after-s1"], row["bpi-sf-severity_after-s3"]]).toEqual([null, null]);
    }
    expect(result.notes).toContain(message.assumeLeftEmpty("psychedelic", "BPI-SF severity", ["after-s1", "after-s3"]));
  });

  it("leaves what the source gives no number for empty or out, and says so", () => {
    for (const r of result.reconstructions) {
      for (const row of arm(r, "psycholytic").rows) expect([row["bpi-sf-interference_baseline"], row["bpi-sf-interference_after-s6"]]).toEqual([null, null]);
      expect(r.columns.some((c) => c.startsWith("bdi-ii") || c.startsWith("gad-7") || c.startsWith("pcl-5"))).toBe(false);
    }
    expect(result.notes).toContain(message.noteArmEmpty("psycholytic", "BPI-SF interference"));
    for (const name of ["BDI-II", "GAD-7", "PCL-5"]) expect(result.notes).toContain(message.noteNoNumbers(name));
  });

  it("lists exactly the psychedelic severity mean pairs a brute force finds (6)", () => {
    // Brute force over arm totals k/20: pairs (baseline, s6) whose change rounds to −21.88%.
    const pairs: { baseline: number; "after-s6": number }[] = [];
    for (let a = 1; a <= 200; a++) for (let b = 0; b <= 200; b++) if (Math.abs(pct(a / 20, b / 20) + 21.88) <= 0.005 + 1e-12) pairs.push({ baseline: a / 20, "after-s6": b / 20 });
    const listed = result.meanLevel.find((m) => m.group === "psychedelic" && m.instrument === "bpi-sf-severity")!;
    expect(listed.chain!.feasibleTuples).toBe(pairs.length);
    expect(listed.meanTuples).toEqual(pairs);
  });
});

describe("reconstructStudy (a user's study)", () => {
  it("applies band shifts per arm in a two-arm study", () => {
    const json = seedJson(studyB);
    json.id = "user-two-arm";
    const source = json.reported[0].source;
    json.reported = [
      { kind: "band-shift", id: "a", instrument: "bpi-sf-severity", group: "psychedelic", statistic: "mean", from: { timepoint: "baseline", label: "severe", band: "severe" }, to: { timepoint: "after-s6", label: "mild", band: "mild" }, source },
      { kind: "band-shift", id: "b", instrument: "bpi-sf-severity", group: "psycholytic", statistic: "mean", from: { timepoint: "baseline", label: "moderate", band: "moderate" }, to: { timepoint: "after-s6", label: "moderate", band: "moderate" }, source },
    ];
    const study = parseStudy(json, registry);
    // ePPOC bands for BPI severity (0–4 mild, 5–6 moderate, 7–10 severe) as group-mean intervals:
    // severe [7, 10], moderate [5, 7), mild [0, 5).
    for (const r of reconstructStudy(study, registry, { seed: 4, count: 5 }).reconstructions) {
      const pd = r.rows.filter((row) => row.arm === "psychedelic");
      const pl = r.rows.filter((row) => row.arm === "psycholytic");
      const m = (rows: typeof pd, c: string) => mean(rows.map((row) => row[c] as number));
      expect(m(pd, "bpi-sf-severity_baseline")).toBeGreaterThanOrEqual(7);
      expect(inHalfOpen(m(pd, "bpi-sf-severity_after-s6"), [0, 5])).toBe(true);
      expect(inHalfOpen(m(pl, "bpi-sf-severity_baseline"), [5, 7])).toBe(true);
      expect(inHalfOpen(m(pl, "bpi-sf-severity_after-s6"), [5, 7])).toBe(true);
    }
  });

  it("honours a reported mean it has never seen in the seeds", () => {
    const json = seedJson(studyA);
    json.id = "user-study";
    json.reported = json.reported.filter((v: { kind: string; instrument?: string }) => v.kind === "composition" || v.instrument === "phq-9");
    json.reported.push({ kind: "mean", id: "phq-pre-mean", instrument: "phq-9", group: "all", timepoint: "baseline", mean: "17.35", dispersion: { kind: "sd", value: "3.10" }, source: json.reported[0].n.source });
    const study = parseStudy(json, registry);
    const result = reconstructStudy(study, registry, { seed: 9, count: 4 });
    for (const r of result.reconstructions) {
      // 17.35 rounded up or down: total/20 ∈ [17.345, 17.355] → total 347 exactly (hand calculation).
      expect(column(r, "phq-9_baseline").reduce((s, v) => s + v, 0)).toBe(347);
      expect(inHalfOpen(mean(column(r, "phq-9_after-treatments")), PHQ9.to)).toBe(true);
      expect(r.columns).toEqual(["id", "sex", "misuse-category", "phq-9_baseline", "phq-9_after-treatments"]);
      expect(r.assumptions).toContain(message.assumeSpreadNotUsed("PHQ-9", "baseline", { kind: "sd", value: "3.10" }));
    }
  });
});

describe("reconstructStudy and means of fewer people than their group", () => {
  it("does not pin the group's total to a mean of a subset, and says so", () => {
    // The yoga pilot (Wurz et al. 2023): 30 participants, RAND-36 means of n = 24–26. A total of 30 scores is
    // not fixed by a mean of 26 of them, so no RAND-36 column is rebuilt and each mean is named in the notes.
    const registry = loadInstruments();
    const yoga = loadStudy(`${root}data/studies/yoga-videoconference-young-adults-cancer.json`, registry);
    const result = reconstructStudy(yoga, registry, { seed: 1, count: 1 });
    expect(result.reconstructions[0]!.columns.some((c) => c.startsWith("rand36-"))).toBe(false);
    expect(result.notes).toContain("RAND-36 energy/fatigue at week-0: group mean 35.32 is of n = 26, not of the 30 rebuilt, so it does not fix their total and is not used");
    expect(result.notes.some((note) => /RAND-36 .*reports no number/.test(note))).toBe(false);
  });
});
