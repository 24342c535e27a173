import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { attributeSections, loadAttribution } from "../../src/appraisal/source-sections.js";
import { CohortError } from "../../src/errors.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { loadStudy, parseStudy } from "../../src/io/load-study.js";
import * as message from "../../src/messages/appraisal.js";
import { problemsOf, seedJson, sourcesDir, studyA, studyB, tempFile } from "../helpers/fixtures.js";

const instruments = loadInstruments();
const a = loadStudy(studyA, instruments);
const textA = readFileSync(join(sourcesDir, a.source.file), "utf8");

describe("attributeSections", () => {
  it("places study A's claims: the 'significant' sentences only in the aggregator's unsigned Summary, 'improved in all' in the Abstract", () => {
    const attribution = attributeSections(a, textA);
    const at = (quote: string) => attribution.sectionOf({ file: a.source.file, quote });
    // By hand from data/sources/000_…txt: "Summary" line, then "Abstract" line, then "Comments".
    expect(at("dependence severity significantly lessened")).toEqual({ heading: "Summary", kind: "summary", writtenBy: "unattributed" });
    expect(at("Chronic pain patients with substance misuse showed significant improvements after receiving monthly intramuscular ketamine treatments.")!.heading).toBe("Summary");
    expect(at("After repeated treatments, substance misuse improved in all patients")!).toEqual({ heading: "Abstract", kind: "abstract", writtenBy: "study-authors" });
    expect(at("No comments yet.")!.writtenBy).toBe("unattributed");
    expect(at("SVOA Medical Research")!.heading).toBe("(before the first heading)");
    expect(at("not in the document")).toBeUndefined();
    // The abstract itself never says "significant": the claim is the summary's alone.
    expect(textA.slice(textA.indexOf("\nAbstract\n")).includes("significant")).toBe(false);
  });

  it("reads every seed's document and finds each declared heading", () => {
    for (const file of [studyA, studyB]) expect(loadAttribution(loadStudy(file, instruments), file).resolved).toBe(true);
  });

  it("names the heading and its JSON path when a heading is not a line of the document", () => {
    const data = seedJson(studyA);
    data.source.sections[1].heading = "Abstrakt";
    const file = tempFile("a.json", data);
    const study = parseStudy(data, instruments, file);
    const problems = problemsOf(() => attributeSections(study, textA));
    expect(problems).toEqual([{ path: "$.source.sections[1].heading", message: message.sectionHeadingNotFound("Abstrakt", a.source.file) }]);
  });

  it("refuses declared sections whose document cannot be found, naming the study file", () => {
    const data = seedJson(studyA);
    data.sources = ["nowhere"];
    const file = tempFile("a.json", data);
    expect(() => loadAttribution(parseStudy(data, instruments, file), file)).toThrow(new CohortError({ file, path: "$.source.sections", message: message.sectionDocumentNotFound(a.source.file) }));
  });

  it("needs no document when no sections are declared", () => {
    const data = seedJson(studyA);
    delete data.source.sections;
    data.sources = ["nowhere"];
    expect(loadAttribution(parseStudy(data, instruments, "a.json"), "/tmp/a.json").resolved).toBe(false);
  });
});
