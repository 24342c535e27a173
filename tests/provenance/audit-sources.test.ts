import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as msg from "../../src/messages/io.js";
import { auditSources, declaredSources, howStated, statesNumber } from "../../src/provenance/audit-sources.js";
import { seedJson, sourcesDir, studyA, studyB, tempFile } from "../helpers/fixtures.js";

describe("auditSources", () => {
  it("passes both seed studies against data/sources", () => {
    for (const file of [studyA, studyB]) {
      const audit = auditSources(seedJson(file), sourcesDir, file);
      expect(audit.problems).toEqual([]);
      expect(audit.quotes.length).toBeGreaterThan(30);
    }
  });

  it("flags a quote that is not verbatim (one changed character)", () => {
    const study = seedJson(studyA);
    study.reported[0].categories[0].source.quote = "Females comprised 56% (11/20)";
    const audit = auditSources(study, sourcesDir, "a.json");
    expect(audit.problems).toContainEqual({ file: "a.json", path: "$.reported[0].categories[0].source.quote", message: expect.stringMatching(/does not occur verbatim in 000_3f875f1cb85950c7.txt/) });
  });

  it("flags a number that its quote does not state", () => {
    const study = seedJson(studyA);
    study.reported[0].categories[0].count = 12;
    study.reported[0].categories[1].count = 8;
    const audit = auditSources(study, sourcesDir, "a.json");
    expect(audit.problems.map((problem) => problem.message)).toEqual([
      'the quote does not state the reported number 12: "Females comprised 55% (11/20)"',
      'the quote does not state the reported number 8: "males 45% (9/20)"',
    ]);
  });

  it("flags a source document that does not exist", () => {
    const study = seedJson(studyB);
    study.reported[0].source.file = "999_missing.txt";
    expect(auditSources(study, sourcesDir).problems).toContainEqual({ path: "$.reported[0].source.file", message: expect.stringMatching(/"999_missing.txt" is not in/) });
  });
});

describe("auditSources with source folders holding links and special files (red team finding 14)", () => {
  it("reads a symbolic link to a source document as the document (it was reported \"not in sources\")", () => {
    const folder = mkdtempSync(join(tmpdir(), "cohortcheck-linked-sources-"));
    for (const name of readdirSync(sourcesDir).filter((n) => n.endsWith(".txt"))) symlinkSync(join(sourcesDir, name), join(folder, name));
    expect(auditSources(seedJson(studyA), folder, "a.json").problems).toEqual([]);
  });

  it("says why a document named by a quote cannot be read: a broken link, a link loop, a FIFO", () => {
    const folder = mkdtempSync(join(tmpdir(), "cohortcheck-bad-sources-"));
    symlinkSync(join(folder, "gone.txt"), join(folder, "broken.txt"));
    symlinkSync(join(folder, "loop-b.txt"), join(folder, "loop-a.txt"));
    symlinkSync(join(folder, "loop-a.txt"), join(folder, "loop-b.txt"));
    execFileSync("mkfifo", [join(folder, "pipe.txt")]);
    const problemFor = (file: string) => {
      const study = seedJson(studyB);
      study.reported[0].source.file = file;
      return auditSources(study, folder).problems.find((problem) => problem.path === "$.reported[0].source.file")?.message;
    };
    expect(problemFor("broken.txt")).toBe(`source document "broken.txt" in ${folder} cannot be read: it is a broken symbolic link (to ${join(folder, "gone.txt")}, which does not exist)`);
    expect(problemFor("loop-a.txt")).toBe(`source document "loop-a.txt" in ${folder} cannot be read: it is a symbolic link in a loop (too many levels of symbolic links)`);
    expect(problemFor("pipe.txt")).toBe(`source document "pipe.txt" in ${folder} cannot be read: ${msg.notRegularFile("FIFO (named pipe)")}`);
  });
});

describe("statesNumber", () => {
  it("finds a number standing alone", () => {
    expect(statesNumber("benzodiazepines (25%; 5/20)", "5")).toBe(true);
    expect(statesNumber("decreased by 21.88% in", "21.88")).toBe(true);
  });

  it("does not find a number inside a longer one", () => {
    expect(statesNumber("decreased by 21.88% in", "21.8")).toBe(false);
    expect(statesNumber("decreased by 21.88% in", "1.88")).toBe(false);
    expect(statesNumber("(45%; 9/20)", "4")).toBe(false);
  });

  it("accepts small whole numbers written as words", () => {
    expect(statesNumber("a convenience sample of twenty adult", "20")).toBe(true);
    expect(statesNumber("Ten adults with", "10")).toBe(true);
    expect(statesNumber("Tenacious adults", "10")).toBe(false);
  });

  it("accepts whole numbers up to 99 in words, and no part of a compound as another number", () => {
    // Wurz et al. 2023: "Thirty young adults participated in this study".
    expect(statesNumber("Thirty young adults participated", "30")).toBe(true);
    expect(statesNumber("Forty-four completed", "44")).toBe(true);
    expect(statesNumber("forty four completed", "44")).toBe(true);
    expect(statesNumber("Forty-four completed", "40")).toBe(false);
    expect(statesNumber("Forty-four completed", "4")).toBe(false);
    expect(statesNumber("twenty-one adults", "1")).toBe(false);
    expect(statesNumber("thirty adults", "13")).toBe(false);
  });

  it("reads \"no\" and \"none\" as a count of zero, and only as zero", () => {
    // Wurz et al. 2023: "There were little missing data (< 5%) and no adverse events."
    expect(statesNumber("and no adverse events.", "0")).toBe(true);
    expect(statesNumber("None withdrew.", "0")).toBe(true);
    expect(statesNumber("and no adverse events.", "1")).toBe(false);
    expect(statesNumber("Nobody withdrew; notably", "0")).toBe(false);
  });

  it("accepts thousands grouped by a comma or a no-break space, not a longer number", () => {
    // Corrêa et al. 2021: "1,296 patients"; a narrow no-break space as some journals print it.
    expect(statesNumber("During the study period, 1,296 patients", "1296")).toBe(true);
    expect(statesNumber("1\u202f296 patients", "1296")).toBe(true);
    expect(statesNumber("11,296 patients", "1296")).toBe(false);
    expect(statesNumber("1,296,000 patients", "1296")).toBe(false);
    expect(statesNumber("1,296 patients", "296")).toBe(false);
    expect(statesNumber("a mean of 1,296.5 mL", "1296.5")).toBe(true);
  });
});

describe("declaredSources", () => {
  it("accepts the decimal-comma convention as the same digits, and says so", () => {
    // A draft of a Portuguese text stores 57.2 for "57,2" and 1296 for "1.296" (the extractor's reading).
    expect(howStated("idade média 57,2 ± 14,06 anos", "57.2")).toBe("decimal-comma");
    expect(howStated("idade média 57,2 ± 14,06 anos", "14.06")).toBe("decimal-comma");
    expect(howStated("−3,4 pontos", "-3.4")).toBe("decimal-comma");
    expect(howStated("1.296 pacientes", "1296")).toBe("decimal-comma");
    expect(howStated("12.296 pacientes", "12296")).toBe("decimal-comma");
    expect(howStated("57.2 years", "57.2")).toBe("as-printed");
    // Other digits, a longer number, or a comma with three decimals (an English thousands group) do not count.
    expect(howStated("57,3 anos", "57.2")).toBeUndefined();
    expect(howStated("157,2 anos", "57.2")).toBeUndefined();
    expect(howStated("1,234 patients", "1.234")).toBeUndefined();
    expect(howStated("11.296 pacientes", "1296")).toBeUndefined();
    expect(statesNumber("33 homens [51,5%]", "51.5")).toBe(true);
  });

  it("passes a finished draft of a decimal-comma text and flags its numbers", () => {
    const text = "Ao todo, 64 pacientes foram incluídos (idade média 57,2 ± 14,06 anos).";
    const quote = "57,2 ± 14,06";
    const study = { reported: [{ kind: "mean", mean: "57.2", dispersion: { kind: "unstated", value: "14.06" }, source: { file: "pt.txt", quote } }] };
    const audit = auditSources(study, [tempFile("pt.txt", text)]);
    expect(audit.problems).toEqual([]);
    expect(audit.quotes[0]!.numbers).toEqual([
      { value: "57.2", stated: true, decimalComma: true },
      { value: "14.06", stated: true, decimalComma: true },
    ]);
  });

  it("defaults to data/sources beside a file under data/<kind>/", () => {
    expect(declaredSources({}, "data/studies/a.json")).toEqual(["data/sources"]);
  });

  it("resolves a file's own sources relative to the file", () => {
    expect(declaredSources({ sources: ["../sources", "extra.txt"] }, "data/studies/a.json")).toEqual(["data/sources", "data/studies/extra.txt"]);
  });
});

describe("auditSources over several folders and files", () => {
  it("finds a quote in a document given as a single file", () => {
    const file = tempFile("paper.txt", "In all, 12 of 40 patients (30%) responded.");
    const data = { reported: [{ count: 12, source: { file: "paper.txt", quote: "12 of 40 patients (30%)" } }] };
    expect(auditSources(data, [sourcesDir, file]).problems).toEqual([]);
    expect(auditSources(data, [sourcesDir]).problems).toEqual([{ path: "$.reported[0].source.file", message: expect.stringMatching(/"paper.txt" is not in/) }]);
  });

  it("refuses two different documents with the same name", () => {
    const one = tempFile("paper.txt", "first text");
    const two = tempFile("paper.txt", "second text");
    expect(() => auditSources({}, [one, two])).toThrow(/two different source documents are named "paper.txt"/);
  });
});
