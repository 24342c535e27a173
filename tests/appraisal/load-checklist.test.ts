import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { JBI_CASE_SERIES, JBI_QUASI_EXPERIMENTAL, ROBINS_I } from "../../src/appraisal/checklist-tools.js";
import { builtInChecklistsDir, loadChecklist, loadChecklists, parseChecklist } from "../../src/appraisal/load-checklist.js";
import * as message from "../../src/messages/appraisal.js";
import { auditSources } from "../../src/provenance/audit-sources.js";
import { jsonSchemaText } from "../../src/schema/json-schemas.js";
import { Checklist } from "../../src/schema/checklist.js";
import { root, sourcesDir, tempFile } from "../helpers/fixtures.js";
import { problemsOf } from "../helpers/fixtures.js";

const folder = join(root, "data/checklists");
const studies = new Map([
  ["ketamine-im-substance-misuse", "000_3f875f1cb85950c7.txt"],
  ["kap-pilot-two-approaches", "003_dc7734c5670ac6b7.txt"],
]);
const caseSeriesFile = join(folder, "ketamine-im-substance-misuse.jbi-case-series.json");
const robinsFile = join(folder, "kap-pilot-two-approaches.robins-i.json");
const json = (file: string): any => JSON.parse(readFileSync(file, "utf8"));


describe("loadChecklists", () => {
  it("loads the three seed checklists, each naming a seed study, in file-name order", () => {
    const loaded = loadChecklists(builtInChecklistsDir, studies);
    expect(loaded.map((entry) => [entry.checklist.study, entry.checklist.tool.id])).toEqual([
      ["kap-pilot-two-approaches", "jbi-quasi-experimental"],
      ["kap-pilot-two-approaches", "robins-i"],
      ["ketamine-im-substance-misuse", "jbi-case-series"],
    ]);
  });

  it("has the item counts of the tools: JBI case series 10, JBI quasi-experimental 9, ROBINS-I 7 domains", () => {
    // METHODS.md §7: JBI case series 10 items; JBI quasi-experimental 9 items; ROBINS-I 7 domains.
    const byTool = new Map(loadChecklists(builtInChecklistsDir, studies).map((entry) => [entry.checklist.tool.id, entry.checklist]));
    expect(byTool.get("jbi-case-series")!.items.map((item) => item.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(byTool.get("jbi-quasi-experimental")!.items).toHaveLength(9);
    expect(byTool.get("robins-i")!.domainJudgements!.map((domain) => domain.domain)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(byTool.get("robins-i")!.applicability).toMatch(/comparative/);
  });

  it("every quote in every checklist occurs verbatim in the study's source document", () => {
    for (const name of readdirSync(folder).filter((file) => file.endsWith(".json"))) {
      const audit = auditSources(json(join(folder, name)), sourcesDir, name);
      expect(audit.problems, name).toEqual([]);
      expect(audit.quotes.length, name).toBeGreaterThanOrEqual(10); // each seed checklist quotes at least 10 passages (ROBINS-I: exactly 10)
    }
  });

  it("refuses two checklists of the same tool for the same study", () => {
    const copy = tempFile("a.json", json(caseSeriesFile));
    const dir = copy.replace(/\/a\.json$/, "");
    tempCopy(dir, "b.json", json(caseSeriesFile));
    expect(problemsOf(() => loadChecklists(dir, studies))).toEqual([
      { file: join(dir, "b.json"), path: "$.tool.id", message: message.duplicateChecklist("jbi-case-series", "ketamine-im-substance-misuse", join(dir, "a.json")) },
    ]);
  });

  it("names the folder when it does not exist", () => {
    expect(problemsOf(() => loadChecklists(join(root, "no-such-folder"), studies))).toEqual([{ file: join(root, "no-such-folder"), message: message.folderNotFound("checklists") }]);
  });
});

describe("parseChecklist", () => {
  it("uses the tools' own wording for every item", () => {
    for (const [file, tool] of [[caseSeriesFile, JBI_CASE_SERIES], [join(folder, "kap-pilot-two-approaches.jbi-quasi-experimental.json"), JBI_QUASI_EXPERIMENTAL], [robinsFile, ROBINS_I]] as const) {
      const checklist = loadChecklist(file, studies);
      expect(checklist.items.map((item) => item.question)).toEqual(tool.questions);
    }
  });

  it("rejects a checklist with a missing item, naming the file and path", () => {
    const data = json(caseSeriesFile);
    data.items = data.items.filter((item: { number: number }) => item.number !== 5);
    const file = tempFile("missing.json", data);
    expect(problemsOf(() => loadChecklist(file, studies))).toEqual([{ file, path: "$.items", message: message.checklistNumbersMissing([5], 10) }]);
  });

  it("rejects a duplicated item number, naming the file and the duplicate's path", () => {
    const data = json(caseSeriesFile);
    data.items[3].number = 3; // item 4 renumbered as a second 3, so 4 is missing too
    const file = tempFile("duplicate.json", data);
    expect(problemsOf(() => loadChecklist(file, studies))).toEqual([
      { file, path: "$.items[3].number", message: message.checklistDuplicateNumber(3, 2) },
      { file, path: "$.items", message: message.checklistNumbersMissing([4], 10) },
    ]);
  });

  it("rejects a checklist for a study id that does not exist", () => {
    const data = json(caseSeriesFile);
    data.study = "no-such-study";
    expect(problemsOf(() => parseChecklist(data, studies, "x.json"))).toEqual([
      { file: "x.json", path: "$.study", message: message.checklistStudyUnknown("no-such-study", [...studies.keys()]) },
    ]);
  });

  it("rejects wording that is not the tool's, and quotes from another document", () => {
    const data = json(caseSeriesFile);
    data.items[0].question = "Were the inclusion criteria fine?";
    data.items[3].evidence[0].source.file = "003_dc7734c5670ac6b7.txt";
    expect(problemsOf(() => parseChecklist(data, studies, "x.json"))).toEqual([
      { file: "x.json", path: "$.items[0].question", message: message.checklistQuestionMismatch("jbi-case-series", 1, JBI_CASE_SERIES.questions[0]!) },
      { file: "x.json", path: "$.items[3].evidence[0].source.file", message: message.checklistEvidenceWrongFile("003_dc7734c5670ac6b7.txt", "000_3f875f1cb85950c7.txt") },
    ]);
  });

  it("rejects an answer outside Yes/No/Unclear/NA and a quoted answer with no quote", () => {
    const data = json(caseSeriesFile);
    data.items[0].answer = "partly";
    data.items[1].evidence = [];
    const problems = problemsOf(() => parseChecklist(data, studies, "x.json"));
    expect(problems.map((problem) => problem.path)).toEqual(["$.items[0].answer", "$.items[1].evidence"]);
    expect(problems[1]!.message).toBe(message.checklistQuotedWithoutEvidence(2));
  });

  it("rejects a ROBINS-I overall judgement milder than its worst domain, and a missing domain", () => {
    const data = json(robinsFile);
    data.overallJudgement.judgement = "moderate";
    data.domainJudgements = data.domainJudgements.filter((domain: { domain: number }) => domain.domain !== 5);
    const problems = problemsOf(() => parseChecklist(data, studies, "r.json"));
    expect(problems.map((problem) => problem.path)).toEqual(["$.overallJudgement.judgement"]);
    data.overallJudgement.judgement = "serious";
    expect(problemsOf(() => parseChecklist(data, studies, "r.json"))).toEqual([{ file: "r.json", path: "$.domainJudgements", message: message.checklistDomainsMissing("robins-i", [5]) }]);
  });

  it("has no score field, and insists the note says no total score is computed", () => {
    const schema = jsonSchemaText(Checklist);
    expect(schema).not.toMatch(/"[a-zA-Z]*[sS]core"\s*:/);
    const data = json(caseSeriesFile);
    data.score = 3;
    expect(problemsOf(() => parseChecklist(data, studies, "x.json"))[0]!.message).toMatch(/unrecognized key/i);
    delete data.score;
    data.note = "Appraised from the abstract.";
    expect(problemsOf(() => parseChecklist(data, studies, "x.json"))).toEqual([{ file: "x.json", path: "$.note", message: message.checklistNoteWithoutNoScore("Appraised from the abstract.") }]);
  });
});

/** Writes a second file into the folder tempFile created (tempFile makes a fresh folder per call). */
function tempCopy(dir: string, name: string, content: unknown): void {
  writeFileSync(join(dir, name), JSON.stringify(content));
}
