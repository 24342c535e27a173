import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { appraiseStudy, checklistNotes, checklistsFor, studySourcesIn } from "../../src/appraisal/appraise-study.js";
import { loadAttribution } from "../../src/appraisal/source-sections.js";
import { formatAppraisal } from "../../src/appraisal/format-appraisal.js";
import { builtInChecklistsDir } from "../../src/appraisal/load-checklist.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { loadStudy, parseStudy } from "../../src/io/load-study.js";
import * as message from "../../src/messages/appraisal.js";
import { studyA, studyB, tempFile } from "../helpers/fixtures.js";
import { syntheticRct } from "./synthetic-rct.js";

const instruments = loadInstruments();

describe("appraiseStudy", () => {
  it("pairs study B with its two checklists and study A with its one", () => {
    const b = loadStudy(studyB, instruments);
    const appraisalB = appraiseStudy(b, instruments, checklistsFor(b, builtInChecklistsDir));
    expect(appraisalB.checklists.map((checklist) => [checklist.tool.id, checklist.file])).toEqual([
      ["jbi-quasi-experimental", "kap-pilot-two-approaches.jbi-quasi-experimental.json"],
      ["robins-i", "kap-pilot-two-approaches.robins-i.json"],
    ]);
    expect(appraisalB.notes).toEqual([]);
    const a = loadStudy(studyA, instruments);
    expect(appraiseStudy(a, instruments, checklistsFor(a, builtInChecklistsDir)).checklists.map((checklist) => checklist.tool.id)).toEqual(["jbi-case-series"]);
  });

  it("gives a user's study the limits register and a note that no checklist is filled in", () => {
    const rct = parseStudy(syntheticRct(), instruments, "rct.json");
    const appraisal = appraiseStudy(rct, instruments, checklistsFor(rct, builtInChecklistsDir));
    expect(appraisal.checklists).toEqual([]);
    expect(appraisal.notes).toEqual([message.noChecklistNote("synthetic-rct")]);
    expect(formatAppraisal(appraisal)).toContain(`Note: ${message.noChecklistNote("synthetic-rct")}`);
  });

  it("reads the seed studies' ids and source files", () => {
    const sources = studySourcesIn(studyA.replace(/\/[^/]+$/, ""));
    expect(sources.get("ketamine-im-substance-misuse")).toBe("000_3f875f1cb85950c7.txt");
    expect(sources.get("kap-pilot-two-approaches")).toBe("003_dc7734c5670ac6b7.txt");
  });
});

describe("formatAppraisal", () => {
  it("prints the verdict, then stated, implied and not admitted limits, GRADE and every checklist answer", () => {
    const b = loadStudy(studyB, instruments);
    const text = formatAppraisal(appraiseStudy(b, instruments, checklistsFor(b, builtInChecklistsDir), {}, loadAttribution(b, studyB)));
    const order = ["Verdict", "Stated by the source (2):", "Implied by the source (0):", "Not admitted by the source (", "GRADE certainty per outcome", "Checklist: "].map((heading) => text.indexOf(heading));
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    expect(text.indexOf("results not statistically significant")).toBeLessThan(order[3]!);
    expect(text).toContain("Overall: serious");
    expect(text).not.toMatch(/total score:|\d+\/9\b|\d+\/7\b/);
  });
});

describe("checklistNotes", () => {
  it("finds nothing in the seed checklists: they judge the study, not the report", () => {
    for (const file of [studyA, studyB]) {
      const study = loadStudy(file, instruments);
      expect(appraiseStudy(study, instruments, checklistsFor(study, builtInChecklistsDir), {}, loadAttribution(study, file)).notes).toEqual([]);
    }
  });

  it("notes a checklist item that cites the report's own interest or an unsigned summary", () => {
    const b = loadStudy(studyB, instruments);
    const [robins] = checklistsFor(b, builtInChecklistsDir).filter((entry) => entry.checklist.study === b.id && entry.checklist.tool.id === "robins-i");
    const checklist = { file: "robins.json", ...robins!.checklist };
    checklist.domainJudgements = checklist.domainJudgements!.map((domain) => (domain.domain === 7 ? { ...domain, evidence: [{ source: { file: b.source.file, quote: "This method, which we utilize at Innerbloom" } }] } : domain));
    expect(checklistNotes(b, checklist, loadAttribution(b, studyB))).toEqual([message.checklistCitesReporter("robins.json", "domain 7", "This method, which we utilize at Innerbloom")]);
    const a = loadStudy(studyA, instruments);
    const [jbi] = checklistsFor(a, builtInChecklistsDir).filter((entry) => entry.checklist.study === a.id);
    const withSummary = { file: "jbi.json", ...jbi!.checklist };
    withSummary.items = withSummary.items.map((item) => (item.number === 10 ? { ...item, evidence: [{ source: { file: a.source.file, quote: "dependence severity significantly lessened" } }] } : item));
    expect(checklistNotes(a, withSummary, loadAttribution(a, studyA))).toEqual([message.checklistCitesUnattributed("jbi.json", "item 10", "dependence severity significantly lessened", "Summary")]);
  });
});

describe("studySourcesIn", () => {
  it("skips files that are not JSON or have no id and source file", () => {
    const first = tempFile("good.json", { id: "my-study", source: { file: "mine.txt" } });
    const dir = first.replace(/\/good\.json$/, "");
    writeFileSync(`${dir}/broken.json`, "{ not json");
    writeFileSync(`${dir}/other.json`, JSON.stringify({ id: "no-source" }));
    expect([...studySourcesIn(dir)]).toEqual([["my-study", "mine.txt"]]);
  });
});
