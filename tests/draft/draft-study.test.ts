import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { draftStudy } from "../../src/draft/draft-study.js";
import { unfilledPaths } from "../../src/draft/unknown.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { parseStudy } from "../../src/io/load-study.js";
import * as msg from "../../src/messages/extract.js";
import { auditSources } from "../../src/provenance/audit-sources.js";
import { problemsOf, root, seedJson, studyA, studyB, tempFile } from "../helpers/fixtures.js";

const options = { file: "paper.txt", id: "paper", sources: ".", schema: "study.schema.json" };
const seedText = (file: string): string => readFileSync(join(root, "data/sources", file), "utf8");

describe("draftStudy", () => {
  it("quotes every value, records its offsets, kind and flags, and counts what is left unknown", () => {
    const text = "Twenty adults took part. Females comprised 55% (11/20).";
    const draft = draftStudy(text, options);
    expect(draft.study.reported).toHaveLength(2);
    const record = (draft.study.extraction as { values: Array<{ id: string; kind: string; start: number; end: number; flags: string[]; fill: string[] }> }).values;
    expect(record.map((r) => [r.id, r.kind, text.slice(r.start, r.end), r.flags])).toEqual([
      ["sample-size-1", "sample-size", "Twenty adults", ["number-word"]],
      ["count-percent-1", "count-percent", "55% (11/20)", []],
    ]);
    // Every unknown is a path the validator will name: the design's, and each value's `fill`.
    expect(unfilledPaths(draft.study)).toHaveLength(draft.unknowns);
    expect(record[1]!.fill).toEqual(["outcome", "group", "timepoint"]);
  });

  it("fails validation while anything is unknown, naming each path", () => {
    const draft = draftStudy("Twenty adults took part.", options);
    const problems = problemsOf(() => parseStudy(draft.study, loadInstruments(), "paper.json"));
    expect(problems).toContainEqual({ file: "paper.json", path: "$.title", message: msg.unfilled() });
    // A slug field still holding the marker fails the schema too; the message says it is still to fill.
    expect(problems.find((problem) => problem.path === "$.reported[0].group")?.message).toBe(msg.stillUnknown("must be lower-case letters, digits and single '-' (no '/', '.', '_' or spaces)"));
    expect(problems.find((problem) => problem.path === "$.design.sampleSize.value")?.message).toBe(msg.stillUnknown("Invalid input: expected number, received string"));
  });

  it("passes validate and the source audit once a person fills the unknowns (issue 17 item 4)", () => {
    const text = "Twenty adults took part. Pain fell from 6.1 ± 1.2 to 4.0 ± 1.5 (mean ± SD). In all, 11/20 (55%) responded; t(19) = 5.2, p < .001.";
    const source = tempFile("paper.txt", text);
    const study = draftStudy(text, { ...options, sources: "." }).study as any;
    // What a person would write, read from the text above; every value keeps the draft's quote.
    Object.assign(study, { title: "Pain after treatment", citation: { title: "A made-up single-arm study" } });
    study.source = { file: "paper.txt", kind: "abstract", description: "a made-up abstract" };
    const notReported = (value: string) => ({ value, basis: "not-reported" });
    study.design = {
      type: notReported("other"),
      sampling: notReported("not-reported"),
      allocation: { value: "single-group", basis: "inferred", source: { file: "paper.txt", quote: "Twenty adults took part." } },
      controlGroup: notReported("not-reported"),
      blinding: notReported("not-reported"),
      sampleSize: { value: 20, source: { file: "paper.txt", quote: "Twenty adults took part." } },
      arms: [{ id: "cohort", label: "all", size: { value: 20, source: { file: "paper.txt", quote: "Twenty adults took part." } }, intervention: { description: { value: "treatment", source: { file: "paper.txt", quote: "Twenty adults took part." } } } }],
      timepoints: [
        { id: "before", label: "before", order: 0 },
        { id: "after", label: "after", order: 1 },
      ],
      followUp: notReported("not-reported"),
    };
    study.variables = [{ id: "pain", label: "pain" }];
    const [flow, before, after, responders, test] = study.reported;
    Object.assign(flow, { group: "all", stage: "enrolled" });
    for (const [mean, timepoint] of [[before, "before"], [after, "after"]]) {
      delete mean.instrument;
      Object.assign(mean, { variable: "pain", group: "all", timepoint });
    }
    Object.assign(responders, { outcome: "responded", group: "all", timepoint: "after" });
    Object.assign(test, { comparison: "within-group", groups: ["all"], timepoints: ["before", "after"] });
    expect(unfilledPaths(study)).toEqual([]);
    const file = join(dirname(source), "paper.json");
    writeFileSync(file, JSON.stringify(study));
    expect(() => parseStudy(study, loadInstruments(), file)).not.toThrow();
    expect(auditSources(study, [dirname(source)], file).problems).toEqual([]);
  });

  it("drafts the seed sources with the quotes and numbers of the committed study files", () => {
    // Source 000: the composition categories (count, percent) of study A as proportions.
    const a = draftStudy(seedText("000_3f875f1cb85950c7.txt"), { ...options, file: "000_3f875f1cb85950c7.txt" }).study.reported as any[];
    const categories = seedJson(studyA).reported.filter((value: any) => value.kind === "composition").flatMap((value: any) => value.categories);
    expect(categories).toHaveLength(6);
    for (const category of categories) {
      const drafted = a.find((value) => value.kind === "proportion" && category.source.quote.includes(value.source.quote));
      expect(drafted, category.source.quote).toMatchObject({ count: category.count, percent: category.percent });
    }
    const sizeA = seedJson(studyA).design.sampleSize;
    expect(a.find((value) => value.kind === "sample-flow" && sizeA.source.quote.includes(value.source.quote))).toMatchObject({ count: sizeA.value });
    // Source 003: the five percent changes of study B, with their directions, and the arm sizes.
    const b = draftStudy(seedText("003_dc7734c5670ac6b7.txt"), { ...options, file: "003_dc7734c5670ac6b7.txt" }).study.reported as any[];
    const changes = seedJson(studyB).reported.filter((value: any) => value.kind === "percent-change");
    expect(changes).toHaveLength(5);
    for (const change of changes) {
      expect(b.find((value) => value.kind === "percent-change" && change.source.quote.includes(value.source.quote))).toMatchObject({ percent: change.percent, direction: change.direction });
    }
    for (const arm of seedJson(studyB).design.arms) {
      expect(b.find((value) => value.kind === "sample-flow" && value.source.quote === arm.size.source.quote)).toMatchObject({ count: arm.size.value });
    }
  });
});
