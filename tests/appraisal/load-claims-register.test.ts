import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadClaimsRegister, parseClaimsRegister } from "../../src/appraisal/load-claims-register.js";
import * as message from "../../src/messages/appraisal.js";
import { auditSources } from "../../src/provenance/audit-sources.js";
import type { ClaimsRegister } from "../../src/schema/claims-register.js";
import { root, sourcesDir, tempFile } from "../helpers/fixtures.js";
import { problemsOf } from "../helpers/fixtures.js";

const folder = join(root, "data/claims");
const files = readdirSync(folder).filter((name) => name.endsWith(".json")).sort();
const registers = new Map<string, ClaimsRegister>(files.map((name) => [name, loadClaimsRegister(join(folder, name))]));
const byFile = (sourceFile: string): ClaimsRegister => [...registers.values()].find((register) => register.file === sourceFile)!;
const claimQuoted = (register: ClaimsRegister, text: string) => register.claims.find((claim) => claim.source.quote.includes(text));


describe("loadClaimsRegister", () => {
  it("covers the context sources 001, 002, 004 and the framing of 003 (data/sources/README.md)", () => {
    expect([...registers.values()].map((register) => register.file).sort()).toEqual([
      "001_9b5010a2bd6db81c.txt",
      "002_829f74ccfe789bce.txt",
      "003_dc7734c5670ac6b7.txt",
      "004_d40d8837720c586c.txt",
    ]);
  });

  it("passes the provenance audit: every quote verbatim, every recorded number stated by its quote", () => {
    for (const name of files) {
      const audit = auditSources(JSON.parse(readFileSync(join(folder, name), "utf8")), sourcesDir, name);
      expect(audit.problems, name).toEqual([]);
    }
    // The audit sees the numbers: 004's "Over 70% of CRPS patients" and "over 50 million adults".
    const audit = auditSources(registers.get("004-anesthesiologist-blog.json"), sourcesDir);
    expect(audit.quotes.flatMap((quote) => quote.numbers.map((number) => number.value))).toEqual(expect.arrayContaining(["50", "70", "3"]));
  });

  it("records exactly what each source cites (read off the source texts)", () => {
    // 002 links PMC6181464 and the Frontiers review 10.3389/fphar.2020.599721.
    const clinic = byFile("002_829f74ccfe789bce.txt");
    const noStrong = claimQuoted(clinic, "no strong evidence to support the current practice of treating chronic noncancer pain with repeated intravenous infusions")!;
    expect(noStrong.citesEvidence).toBe("reference");
    expect(noStrong.citedEvidence!.map((entry) => entry.source.quote)).toEqual(["https://www.ncbi.nlm.nih.gov/pmc/articles/PMC6181464/"]);
    expect(claimQuoted(clinic, "repetitively been shown")!.citedEvidence![0]!.source.quote).toContain("10.3389/fphar.2020.599721");
    // 001 names "A 2022 meta-analysis" with no reference.
    const therapist = byFile("001_9b5010a2bd6db81c.txt");
    expect(claimQuoted(therapist, "A 2022 meta-analysis")!.citesEvidence).toBe("named-without-reference");
    // 004 gives no citations at all.
    const blog = byFile("004_d40d8837720c586c.txt");
    expect(new Set(blog.claims.map((claim) => claim.citesEvidence))).toEqual(new Set(["none"]));
    expect(claimQuoted(blog, "Over 70% of CRPS patients")).toBeDefined();
    expect(claimQuoted(blog, "Chronic pain affects over 50 million adults")).toBeDefined();
    // 003's framing statistics, with the numbers where the audit sees them.
    const framing = byFile("003_dc7734c5670ac6b7.txt");
    expect(claimQuoted(framing, "more than 25% of all lost workdays")!.numbers!.map((number) => number.value)).toEqual(["25", "20"]);
    expect(claimQuoted(framing, "$1 trillion per year")!.numbers!.map((number) => [number.value, number.unit])).toEqual([["1", "US$ trillion per year"]]);
  });

  it("quotes the conflicts of interest visible in each text", () => {
    expect(byFile("001_9b5010a2bd6db81c.txt").conflictsOfInterest.map((c) => c.source.quote).join(" ")).toMatch(/mailing list/);
    expect(byFile("002_829f74ccfe789bce.txt").conflictsOfInterest.map((c) => c.source.quote).join(" ")).toMatch(/IV ketamine infusion/);
    expect(byFile("003_dc7734c5670ac6b7.txt").conflictsOfInterest.map((c) => c.source.quote).join(" ")).toMatch(/founder and medical director of Innerbloom/);
    expect(byFile("004_d40d8837720c586c.txt").conflictsOfInterest.map((c) => c.source.quote).join(" ")).toMatch(/anesthesiologist/);
  });

  it("gives the kind of source and a reader's question for every claim", () => {
    expect(Object.fromEntries([...registers.values()].map((register) => [register.file.slice(0, 3), register.kind]))).toEqual({
      "001": "therapist-blog",
      "002": "clinic-marketing",
      "003": "clinic-marketing",
      "004": "professional-blog",
    });
    expect(byFile("002_829f74ccfe789bce.txt").claims.filter((claim) => claim.kind === "review-summary").length).toBeGreaterThanOrEqual(5);
    for (const register of registers.values()) for (const claim of register.claims) expect(claim.question, claim.id).toMatch(/\?/);
  });

  it("rejects a claim that says it cites evidence but quotes none, and a quote from another document", () => {
    const data = JSON.parse(readFileSync(join(folder, "001-therapist-blog-benefits-risks.json"), "utf8"));
    delete data.claims[0].citedEvidence;
    data.claims[1].source.file = "004_d40d8837720c586c.txt";
    expect(problemsOf(() => parseClaimsRegister(data, "c.json")).map((problem) => problem.path)).toEqual(["$.claims[0].citedEvidence", "$.claims[1].source.file"]);
  });

  it("requires the file name to match the register id", () => {
    const file = tempFile("wrong-name.json", JSON.parse(readFileSync(join(folder, "004-anesthesiologist-blog.json"), "utf8")));
    expect(problemsOf(() => loadClaimsRegister(file))).toEqual([{ file, path: "$.id", message: message.registerFileNameMismatch("004-anesthesiologist-blog", "004-anesthesiologist-blog.json") }]);
  });
});

describe("claims register findings", () => {
  it("records the clinic blog's spin about study B as findings of register 003, not as checklist judgements", () => {
    const blog = byFile("003_dc7734c5670ac6b7.txt");
    expect(blog.findings.map((finding) => [finding.id, finding.kind, finding.study])).toEqual([
      ["non-significance-put-down-to-size", "spin", "kap-pilot-two-approaches"],
      ["selective-numbers", "selective-reporting", "kap-pilot-two-approaches"],
      ["dose-credited-beyond-design", "spin", "kap-pilot-two-approaches"],
      ["favoured-approach-is-the-clinics", "conflict-of-interest", "kap-pilot-two-approaches"],
    ]);
  });

  it("refuses a finding quoting another document, or two findings with one id", () => {
    const register = JSON.parse(readFileSync(join(folder, "003-clinic-blog-framing.json"), "utf8"));
    register.findings[1].id = register.findings[0].id;
    register.findings[0].evidence[0].source.file = "000_3f875f1cb85950c7.txt";
    const problems = problemsOf(() => parseClaimsRegister(register, "003.json"));
    expect(problems.map((problem) => problem.path)).toEqual(["$.findings[0].evidence[0].source.file", "$.findings[1].id"]);
  });
});
