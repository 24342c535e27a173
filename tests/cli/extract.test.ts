import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import * as msg from "../../src/messages/extract.js";
import { cohort, sourcesDir } from "../helpers/fixtures.js";

const folder = (): string => mkdtempSync(join(tmpdir(), "cohortcheck-extract-"));

describe("cohort extract", () => {
  it("writes a draft of a seed source that audit-sources accepts for every extracted quote, and validate lists its unknowns", () => {
    const out = join(folder(), "a.json");
    const result = cohort(["extract", join(sourcesDir, "000_3f875f1cb85950c7.txt"), "--out", out, "--json"]);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ status: "drafted", written: out });
    expect(report.statistics.map((s: { quote: string }) => s.quote)).toContain("55% (11/20)");
    const draft = JSON.parse(readFileSync(out, "utf8"));
    expect(draft.sources).toEqual([relative(dirname(out), sourcesDir)]);
    // The editor's schema link points at the project's data/schema/study.schema.json from the draft's folder,
    // through the bundled CLI in dist/ as through the sources (it once climbed one folder too many in dist/).
    expect(join(dirname(out), draft.$schema)).toBe(join(sourcesDir, "..", "schema", "study.schema.json"));
    expect(existsSync(join(dirname(out), draft.$schema))).toBe(true);
    const validate = cohort(["validate", out]);
    expect(validate.status).toBe(1);
    expect(validate.stdout).toContain(`${out}: $.title: ${msg.unfilled()}`);
    expect(validate.stdout).toContain(`${out}: $.reported[0].group: ${msg.stillUnknown("")}`.slice(0, -2));
    // The audit fails only on the placeholders, never on a drafted value's quote or numbers.
    const audit = JSON.parse(cohort(["audit-sources", out, "--json"]).stdout);
    const failing = audit.files[0].problems.map((problem: { path: string }) => problem.path);
    expect(failing.filter((path: string) => path.startsWith("$.reported"))).toEqual([]);
  });

  it("drafts a decimal-comma text whose numbers audit-sources accepts as stated, flagged", () => {
    const dir = folder();
    const source = join(dir, "pt.txt");
    writeFileSync(source, "Ao todo, 64 pacientes foram incluídos (33 homens [51,5%], idade média 57,2 ± 14,06 anos).");
    const out = join(dir, "pt.json");
    expect(cohort(["extract", source, "--out", out]).status).toBe(0);
    const audit = JSON.parse(cohort(["audit-sources", out, "--json"]).stdout);
    // The draft's placeholders fail; its drafted values (51.5, 57.2, 14.06 stored for "51,5", "57,2", "14,06") do not.
    expect(audit.files[0].problems.filter((problem: { path: string }) => problem.path.startsWith("$.reported"))).toEqual([]);
    expect(audit.files[0].decimalComma).toBe(3);
  });

  it("prints each statistic with its offsets and flags", () => {
    const dir = folder();
    const source = join(dir, "paper.txt");
    writeFileSync(source, "Twenty adults took part; t(19) = 5.2, p < .001.");
    const result = cohort(["extract", source], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`"Twenty adults"  [number-word]`);
    // By hand: "Twenty adults took part; " is 25 characters; "t(19) = 5.2, p < .001" is 21 more, ending at 46.
    expect(result.stdout).toContain(`test-statistic   25–46        "t(19) = 5.2, p < .001"`);
    expect(existsSync(join(dir, "paper.draft.json"))).toBe(true);
  });

  it("never replaces a draft without --force, and writes nothing for a text with no statistic", () => {
    const dir = folder();
    const source = join(dir, "paper.txt");
    writeFileSync(source, "p = .04");
    const out = join(dir, "out.json");
    writeFileSync(out, "keep me");
    const refused = cohort(["extract", source, "--out", out]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(msg.draftExists(out));
    expect(readFileSync(out, "utf8")).toBe("keep me");
    expect(cohort(["extract", source, "--out", out, "--force"]).status).toBe(0);
    const plain = join(dir, "plain.txt");
    writeFileSync(plain, "No numbers here.");
    const none = cohort(["extract", plain, "--out", join(dir, "none.json")]);
    expect(none.status).toBe(0);
    expect(none.stdout).toContain(msg.nothingFound(plain));
    expect(existsSync(join(dir, "none.json"))).toBe(false);
  });

  it("gives bad input a clear error and writes nothing", () => {
    // Every kind of bad input is tested on readSourceText; here, that the CLI passes the error on.
    const dir = folder();
    const empty = join(dir, "empty.txt");
    writeFileSync(empty, Buffer.alloc(0));
    const result = cohort(["extract", empty, "--out", join(dir, "empty.json")]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${empty}: ${msg.sourceEmpty()}`);
    expect(existsSync(join(dir, "empty.json"))).toBe(false);
    const huge = join(dir, "huge.txt");
    writeFileSync(huge, "p = .04 ".repeat(20));
    const refused = cohort(["extract", huge, "--max-bytes", "100", "--out", join(dir, "huge.json")]);
    expect(refused.status).toBe(3);
    expect(refused.stderr).toContain(msg.sourceTooLarge(160, 100));
    expect(existsSync(join(dir, "huge.json"))).toBe(false);
    expect(cohort(["extract", huge, "--id", "Not A Slug"]).status).toBe(2);
  });
});
