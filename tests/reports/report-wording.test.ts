import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { regenerate } from "../../analyses/regenerate.js";
import { auditSources } from "../../src/provenance/audit-sources.js";
import { root } from "../helpers/fixtures.js";
import { csvRows, markdownUnits, notebookSection, notebookUnits, reportCsvs, wordsOf, type TextUnit } from "../helpers/report-text.js";
import { buildVariant, variants } from "../helpers/study-variants.js";
import { trialText, twoArmTrial } from "../helpers/two-arm-trial.js";

/*
 * Every sentence a report prints about a study must be true for that study's data file. These tests
 * generate the reports of studies that do and do not report SDs, p-values, tests, means, medians, CIs
 * and sample flow, with one, two or three arms, one to three timepoints, drug or not (the variants of
 * tests/helpers/study-variants.ts and the two-arm trial fixture), in process through analyses/regenerate.ts
 * — the code `npm run reports` runs — and read the committed reports of data/studies (regenerate.test.ts
 * proves those byte-identical to a fresh run). The expectations are computed here from the raw JSON, not by
 * the report code. The appraisal (verdict, limits register, GRADE, checklists, stated limits and claims) is
 * held to the same rules as every other sentence, and the claims registers' page to its own files.
 */

type Value = Record<string, any>;
interface Subject {
  id: string;
  /** The source texts the study quotes (a quote printed in a report is the source's text, not the report's). */
  sources: string[];
  study: any;
  units: TextUnit[];
  raw: string[];
  csvs: Map<string, string>;
  /** Words of the study's own files: the study JSON, the source texts it quotes, its instruments and checklists. */
  material: Set<string>;
  /** Words of the study's own files without its instruments' (an instrument file speaks of treatment in general, not of this study). */
  ownMaterial: Set<string>;
  /** Instrument abbreviations, variable labels, arm labels and timepoint labels, for scoping a sentence. */
  names: { measures: Map<string, string>; groups: Map<string, string>; timepoints: Map<string, string> };
}

const subjects: Subject[] = [];
let scratch = "";
afterAll(() => scratch && rmSync(scratch, { recursive: true, force: true }));

function instrumentFile(id: string): string {
  return readFileSync(join(root, "data/instruments", `${id}.json`), "utf8");
}

function subjectOf(study: any, reportsDir: string, sourceTexts: string[]): Subject {
  const folder = join(reportsDir, study.id);
  const markdown = readFileSync(join(folder, "report.md"), "utf8");
  const section = notebookSection(readFileSync(join(reportsDir, "index.html"), "utf8"), study.id);
  const checklists = readdirSync(join(root, "data/checklists")).filter((name) => name.startsWith(`${study.id}.`)).map((name) => readFileSync(join(root, "data/checklists", name), "utf8"));
  const instruments = (study.instruments as Array<{ ref: string }>).map((entry) => instrumentFile(entry.ref));
  const material = wordsOf([JSON.stringify(study), ...sourceTexts, ...instruments, ...checklists].join("\n"));
  const ownMaterial = wordsOf([JSON.stringify(study), ...sourceTexts, ...checklists].join("\n"));
  const measures = new Map<string, string>();
  for (const entry of study.instruments) measures.set(entry.ref, JSON.parse(instrumentFile(entry.ref)).abbreviation);
  for (const variable of study.variables ?? []) measures.set(variable.id, variable.label);
  const groups = new Map<string, string>((study.design.arms as any[]).map((arm) => [arm.id, arm.label]));
  const timepoints = new Map<string, string>((study.design.timepoints as any[]).map((t) => [t.id, t.label]));
  return {
    id: study.id,
    sources: sourceTexts,
    study,
    units: [...markdownUnits(markdown, "report.md"), ...notebookUnits(section, study.id, "index.html")],
    raw: [markdown, section],
    csvs: reportCsvs(folder),
    material,
    ownMaterial,
    names: { measures, groups, timepoints },
  };
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), "cohortcheck-wording-"));
  const studiesDir = join(scratch, "studies");
  const sourcesDir = join(scratch, "sources");
  mkdirSync(studiesDir);
  mkdirSync(sourcesDir);
  const built = variants.map(buildVariant);
  for (const { study, sourceFile, text } of built) {
    writeFileSync(join(sourcesDir, sourceFile), text);
    writeFileSync(join(studiesDir, `${study.id}.json`), JSON.stringify(study, null, 2));
  }
  const trial = { ...twoArmTrial(), sources: ["../sources/trial.txt"] };
  writeFileSync(join(sourcesDir, "trial.txt"), trialText);
  writeFileSync(join(studiesDir, "two-arm-trial.json"), JSON.stringify(trial, null, 2));
  const reportsDir = join(scratch, "reports");
  await regenerate({ studiesDir, reportsDir, claimsDir: join(scratch, "no-claims") });
  for (const { study, text } of built) subjects.push(subjectOf(study, reportsDir, [text]));
  subjects.push(subjectOf(trial, reportsDir, [trialText]));
  for (const name of readdirSync(join(root, "data/studies")).filter((n) => n.endsWith(".json")).sort()) {
    const seed = JSON.parse(readFileSync(join(root, "data/studies", name), "utf8"));
    const quoted = new Set<string>();
    JSON.stringify(seed, (key, value) => (key === "file" && typeof value === "string" && quoted.add(value), value));
    const texts = [...quoted].map((file) => readFileSync(join(root, "data/sources", file), "utf8"));
    subjects.push(subjectOf(seed, join(root, "reports"), texts));
  }
}, 600_000);

/** The values a clause is about: those on the measures, groups and timepoints it names (all values when it names none). */
function valuesInScope(subject: Subject, text: string): Value[] {
  const lower = text.toLowerCase();
  const named = (names: Map<string, string>) => [...names].filter(([, label]) => new RegExp(`(^|[^a-z0-9-])${label.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^a-z0-9-])`).test(lower)).map(([id]) => id);
  const measures = named(subject.names.measures);
  const groups = named(subject.names.groups);
  const timepoints = named(subject.names.timepoints);
  // A clause about "the change(s)" is about mean changes and tests within a group, not about the means at each time.
  const aboutChanges = /\bchanges?\b/i.test(text);
  return (subject.study.reported as Value[]).filter((v) => {
    if (aboutChanges && !(v.kind === "mean-change" || (v.kind === "test" && v.comparison === "within-group"))) return false;
    if (measures.length > 0 && !measures.includes(v.instrument ?? v.variable)) return false;
    const own = [v.group, ...(v.groups ?? [])].filter(Boolean);
    if (groups.length > 0 && !own.some((g: string) => groups.includes(g) || g === "all")) return false;
    const when = [v.timepoint, v.from, v.to, ...(v.timepoints ?? []), v.from?.timepoint, v.to?.timepoint].filter((t) => typeof t === "string");
    if (timepoints.length > 0 && !when.some((t: string) => timepoints.includes(t))) return false;
    return true;
  });
}

/** A method's citation (a table cell with a DOI, or a clause with a reference year) describes the toolkit's method, not the study. */
const isCitation = (u: TextUnit) => /\bdoi:/.test(u.block) || /\bdoi:|\(\d{4}\)/.test(u.text);

/** Kinds of reported statistic, how a study file shows one, and the words that claim one is absent or present. */
const CLASSES: Array<{ name: string; reported: (v: Value) => boolean; presentIf?: (v: Value) => boolean; absence: RegExp[]; presence: RegExp[] }> = [
  {
    name: "an SD",
    // A ± of unstated kind may be an SD: saying "no SD" of it is as false as saying it is one.
    reported: (v) => v.dispersion?.kind === "sd" || v.dispersion?.kind === "unstated",
    presentIf: (v) => v.dispersion?.kind === "sd",
    absence: [/\bno (SDs?|standard deviations?)\b/i, /\bno means? with (SDs?|standard deviations?)/i, /\b(SDs?|standard deviations?) (is|are|was|were) not reported/i, /\bwithout (a |any )?(reported )?(SDs?|standard deviations?)\b/i, /\bno test statistic, SD\b/i],
    // Not "SD 4.2" alone: a check may print an SD it derives (an SE read as SD × √n).
    presence: [/\breported (SDs?|standard deviations?)\b/i, /\b(SDs?|standard deviations?) (is|are) reported\b/i, /\(SD\)/],
  },
  {
    name: "a spread (SD, SE, CI, ± or IQR)",
    reported: (v) => v.dispersion !== undefined || v.ci !== undefined || v.se !== undefined || (v.spread ?? []).length > 0,
    absence: [/\bno (reported )?value carries\b/i, /\bspread[^;]*,? which the source does not report/i, /\bunreported (spread|SDs?|variability|dispersion)\b/i, /\b(spread|variability|dispersion),? (which|that) (is|was) not reported/i, /\b(spread|variability|dispersion) (is|was) not reported/i, /\bno (reported )?(spread|measure of spread|dispersion|variability)\b/i, /\bspread the source does not report/i],
    presence: [/±\s?\d/, /\bIQR\b/, /\breported (spreads?|dispersions?)\b/i],
  },
  {
    name: "a p-value",
    reported: (v) => v.p !== undefined,
    absence: [/\bno p-values?\b/i, /\bp-values? (is|are|was|were) not reported/i, /\bwithout (a |any )?(reported )?p-values?\b/i, /\bno test statistic, SD or p-value/i, /\bno test, statistic or p-value\b/i],
    presence: [/\breported p-values?\b/i, /\bp-values? (is|are) reported\b/i, /\bthe source (reports|gives|prints)\b[^;]*\bp (=|<|>|≤|≥) ?\d/i],
  },
  {
    name: "a test statistic",
    // Band shifts and percent changes have a `statistic` field too (which summary they describe).
    reported: (v) => v.kind === "test" && v.statistic !== undefined,
    absence: [/\bno test statistics?\b/i, /\btest statistics? (is|are|was|were) not reported/i],
    presence: [/\b(t|F|χ²|z|r|U|W|H)\(\d+(\.\d+)?(, \d+(\.\d+)?)?\) = −?-?\d/, /\breported test statistics?\b/i],
  },
  {
    name: "a test",
    reported: (v) => v.kind === "test",
    absence: [/\breports? no (statistical |hypothesis )?tests?\b/i, /\bno (statistical |hypothesis )?tests? (is|are|was|were) reported/i, /\bno test, statistic or p-value\b/i],
    presence: [/\breported tests?\b/i, /\bthe source reports (\d+|a|one) tests?\b/i],
  },
  {
    name: "a mean",
    reported: (v) => v.kind === "mean",
    absence: [/\breports? no (group )?means?\b(?! with)/i, /\bbut no means\b/i, /\bno (baseline |group )?means? (is|are|was|were) reported/i, /\b(group )?means? (is|are|was|were) not reported/i, /\bnot report (the |any )?(group )?means?\b/i],
    presence: [/\breported (group )?means?\b/i, /\b(group )?means? (is|are) reported\b/i],
  },
  {
    name: "a median",
    reported: (v) => v.kind === "median",
    absence: [/\bno medians?\b/i, /\bmedians? (is|are|was|were) not reported/i],
    presence: [/\breported medians?\b/i],
  },
  {
    name: "a count of those completing or analysed",
    // Who was observed at the end: a completion or loss count, or an n printed with a result.
    reported: (v) => (v.kind === "sample-flow" && ["completed", "analysed", "lost-to-follow-up", "withdrawn"].includes(v.stage)) || typeof v.n === "number" || v.denominator !== undefined,
    absence: [/\bhow many completed\b[^.;]*\bnot reported/i, /\bno count of those (completing|analysed)/i, /\bno n with the results\b/i, /\bcompletion (is )?not reported\b/i],
    presence: [],
  },
  {
    name: "sample flow",
    reported: (v) => v.kind === "sample-flow",
    absence: [/\bno (sample|participant) flow\b/i, /\bflow (is|was) not reported/i],
    presence: [/\breported (sample |participant )?flow\b/i],
  },
];

/**
 * Whether a clause says the source does not report a statistic of the class: one of its absence
 * patterns, in a clause about reporting ("no SD can be tested" or "no group means on the grid fit"
 * are findings, not claims about what the source reports).
 */
function claimsAbsence(c: (typeof CLASSES)[number], text: string): boolean {
  return /\b(report|reports|reported|reporting|unreported|gives|given|states|stated|printed)\b/i.test(text) && c.absence.some((pattern) => pattern.test(text));
}

/**
 * A unit's own words: quotes of the source cut out (a source may print "1.313  0.281" or a stray
 * comma; that is its text, not a template's), and nothing at all for a cell that is a source's text.
 */
function ownText(s: Subject, text: string): string {
  if (text.length > 12 && s.sources.some((source) => source.includes(text))) return "";
  return text.replace(/"[^"]*"/g, '"q"').replace(/“[^”]*”/g, "“q”");
}

/**
 * What a template leaves when a value or a list it names is empty: "rate their own ;", "Measured: , at",
 * "certainty: .", "who rated  and", "()", an empty quoted list.
 */
const BLANKS: RegExp[] = [
  /\S {2,}\S/, // two spaces: an empty name between them
  /:\s*[.;,)]/, // a colon with nothing after it
  /^[.;,:)]/, // a clause that starts with punctuation: the text before it was empty
  /\s[;,:]|\s\.(?![\d./])/, // a space before punctuation (not before a decimal such as ".05", or a path)
  /(?<!\w)\(\s*\)/, // empty brackets (not a function's, "grimmer()")
  /""(?!q)|“”/, // an empty quote
  /\b(?:of|for|and|or|the|a|an|to|with|their own|in|on|by|at|from|as) [.;,:)](?![\d./])/i, // a function word with nothing after it
];

/** Count nouns the reports use, singular forms. */
const COUNT_NOUNS = ["limit", "limitation", "claim", "test", "outcome", "check", "value", "dataset", "arm", "group", "time", "timepoint", "assessment", "comparison", "pair", "document", "finding", "item", "quote", "reason", "category", "row", "study"];
const PLURAL = (noun: string) => (noun === "study" ? "studies" : noun === "category" ? "categories" : `${noun}s`);
/** A number other than one before a singular count noun (not a compound such as "outcome–time"), or one before a plural noun or a plural verb. */
const NUMBER_DISAGREES: RegExp[] = [
  new RegExp(`\\b(?<![.,])(?:0|[2-9]|[1-9]\\d+) (?:${COUNT_NOUNS.join("|")})\\b(?![-–'’(])(?! (?:${COUNT_NOUNS.join("|")}|type|kind|statistic|size|participant|mean)s?\\b)`),
  new RegExp(`\\b(?<![.,])1 (?:${COUNT_NOUNS.map(PLURAL).join("|")})\\b`),
  /\b(?<![.,])1 (?:have|are|were)\b/,
];

const where = (s: Subject, u: TextUnit) => `${s.id} ${u.where}${u.artefact ? ` [${u.artefact}]` : ""}: ${u.text}`;

describe("report wording", () => {
  it("builds every study variant from quotes that occur verbatim in its own source text", () => {
    for (const spec of variants) {
      const { study, sourceFile, text } = buildVariant(spec);
      const folder = mkdtempSync(join(tmpdir(), "cohortcheck-variant-"));
      writeFileSync(join(folder, sourceFile), text);
      expect(auditSources(study, [folder], spec.id).problems, spec.id).toEqual([]);
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("never says a statistic is absent when the study file reports one", () => {
    const wrong: string[] = [];
    for (const s of subjects) {
      for (const u of s.units.filter((unit) => !isCitation(unit))) {
        for (const c of CLASSES) {
          if (claimsAbsence(c, u.text) && valuesInScope(s, u.text).some(c.reported)) wrong.push(`says no ${c.name} — ${where(s, u)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("never implies a statistic the study file does not report", () => {
    const wrong: string[] = [];
    for (const s of subjects) {
      for (const c of CLASSES) {
        const present = c.presentIf ?? c.reported;
        if ((s.study.reported as Value[]).some(present)) continue;
        for (const u of s.units.filter((unit) => !isCitation(unit))) {
          if (claimsAbsence(c, u.text)) continue;
          if (c.presence.some((pattern) => pattern.test(u.text))) wrong.push(`implies ${c.name} — ${where(s, u)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("prints no subject-matter or design word that the study's own files do not contain", () => {
    // The class guarded: words about what was studied (drugs, doses, conditions, settings, sessions) and
    // about the design (sampling, allocation, blinding). A report may print one only if the study file, the
    // source text it quotes, its instruments or its checklists contain it (in any of the listed forms).
    // Whether anyone was treated is a fact about the study: only its own files (not an instrument's) allow these.
    const STUDY_ONLY: RegExp[] = [/^treatments?$/, /^treated$/, /^treating$/];
    const SUBJECT_WORDS: RegExp[] = [
      /^(es)?ketamine$/, /^drugs?$/, /^dos(e|es|ed|ing|age|ages)$/, /^medications?$/, /^medicines?$/, /^injections?$/, /^intramuscular(ly)?$/, /^intravenous(ly)?$/,
      /^oral(ly)?$/, /^lozenges?$/, /^infusions?$/, /^tablets?$/, /^pills?$/, /^placebos?$/, /^sham$/, /^psychotherap(y|ies|eutic)$/, /^therap(y|ies|ist|ists|eutic)$/,
      /^psychedelics?$/, /^psycholytic$/, STUDY_ONLY[0]!, STUDY_ONLY[1]!, STUDY_ONLY[2]!, /^clinics?$/, /^clinicians?$/, /^hospitals?$/, /^pain(s|ful)?$/,
      /^depression$/, /^depressive$/, /^depressed$/, /^anxiety$/, /^anxious$/, /^mood$/, /^ptsd$/, /^trauma(tic)?$/, /^substances?$/, /^misuse$/, /^addiction$/,
      /^dependence$/, /^opioids?$/, /^cocaine$/, /^benzodiazepines?$/, /^kratom$/, /^alcohol$/, /^nerves?$/, /^sessions?$/, /^symptoms?$/, /^disorders?$/,
      /^chronic$/, /^disease$/, /^illness$/, /^yoga$/, /^convenience$/, /^consecutive$/, /^randomi[sz](ed|ation)$/, /^blinded$/, /^observational$/, /^pilot$/,
    ];
    const wrong: string[] = [];
    for (const s of subjects) {
      const allowed = (pattern: RegExp) => [...(STUDY_ONLY.includes(pattern) ? s.ownMaterial : s.material)].some((word) => pattern.test(word));
      for (const u of s.units.filter((unit) => !isCitation(unit))) {
        for (const word of wordsOf(u.text)) {
          const pattern = SUBJECT_WORDS.find((p) => p.test(word));
          if (pattern && !allowed(pattern)) wrong.push(`"${word}" — ${where(s, u)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("describes only the design the study has: its number of arms and timepoints, its claims", () => {
    const wrong: string[] = [];
    for (const s of subjects) {
      const arms = s.study.design.arms.length;
      const timepoints = s.study.design.timepoints.length;
      const total = s.study.design.sampleSize.value;
      const allImproved = (s.study.claims as Value[]).some((c) => c.type === "all-improved");
      for (const u of s.units) {
        if (arms !== 2 && /\b(two|both) (groups|arms)\b/i.test(u.text)) wrong.push(`two arms, but the study has ${arms} — ${where(s, u)}`);
        if (arms === 1 && /\bbetween (the )?(arms|groups)\b/i.test(u.text)) wrong.push(`a comparison of arms in a one-arm study — ${where(s, u)}`);
        if (arms === 1 && /\btwo-group\b/i.test(u.text)) wrong.push(`a two-group test in a one-arm study — ${where(s, u)}`);
        if (arms > 1 && new RegExp(`\\bpaired\\b[^;]*\\bn = ${total}\\b`).test(u.text)) wrong.push(`the whole sample of ${total} as one paired group of a ${arms}-arm study — ${where(s, u)}`);
        if (timepoints === 1 && /\b(before\/after|paired t|before against after)\b/i.test(u.text)) wrong.push(`before/after, but the study has one timepoint — ${where(s, u)}`);
        if (!allImproved && /\b(improved in all|every (patient|participant) improved)\b/i.test(u.text)) wrong.push(`an "all improved" reading the study does not claim — ${where(s, u)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("tabulates per-group values with one column per arm (a one-arm study keeps one column)", () => {
    const wrong: string[] = [];
    for (const s of subjects) {
      const arms = s.study.design.arms as Array<{ id: string; label: string }>;
      const values = s.study.reported as Value[];
      const characteristic = (v: Value) => v.kind === "composition" || ((v.kind === "mean" || v.kind === "median") && v.timepoint === undefined);
      const outcome = (v: Value) => ["mean", "median", "proportion", "mean-change", "percent-change", "band-shift"].includes(v.kind) && !characteristic(v);
      for (const [file, belongs] of [["cohort-mix.csv", characteristic], ["outcomes.csv", outcome]] as const) {
        const mine = values.filter(belongs);
        if (mine.length === 0) continue;
        const csv = s.csvs.get(file);
        if (!csv) {
          wrong.push(`${s.id}: ${mine.length} per-group values but no tables/${file}`);
          continue;
        }
        const header = csvRows(csv)[0]!;
        const groupColumns = header.filter((cell) => /\(n = \d+\)$/.test(cell));
        if (arms.length === 1) {
          if (groupColumns.length !== 1) wrong.push(`${s.id} ${file}: a one-arm study needs one group column, found ${JSON.stringify(groupColumns)}`);
          continue;
        }
        const withValues = arms.filter((arm) => mine.some((v) => v.group === arm.id));
        for (const arm of withValues) if (!groupColumns.some((cell) => cell.startsWith(`${arm.label} (n = `))) wrong.push(`${s.id} ${file}: no column for arm "${arm.label}" in ${JSON.stringify(header)}`);
        if (mine.some((v) => v.group === "all") && !groupColumns.some((cell) => cell.startsWith("whole sample (n = "))) wrong.push(`${s.id} ${file}: whole-sample values but no whole-sample column`);
        if (header.some((cell) => /^(group|arm)$/i.test(cell))) wrong.push(`${s.id} ${file}: arms as rows (a "group" column) instead of columns`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("has no two rows of a quoted table that differ only by their quote", () => {
    const wrong: string[] = [];
    for (const s of subjects) {
      for (const [file, csv] of s.csvs) {
        const [header, ...rows] = csvRows(csv);
        const quoteColumns = header!.map((cell, i) => (/quote/i.test(cell) ? i : -1)).filter((i) => i >= 0);
        if (quoteColumns.length === 0) continue;
        const seen = new Set<string>();
        for (const row of rows) {
          const key = JSON.stringify(row.filter((_, i) => !quoteColumns.includes(i)));
          if (seen.has(key)) wrong.push(`${s.id} ${file}: ${key}`);
          seen.add(key);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("leaves no blank where a template names a value or a list, and prints no table without rows", () => {
    const wrong: string[] = [];
    for (const s of subjects) {
      // report.md only: the notebook's text is the same artefacts', and taking its tags out leaves spaces of its own.
      for (const u of s.units.filter((unit) => unit.where === "report.md" && !isCitation(unit))) {
        const text = ownText(s, u.text);
        const blank = BLANKS.find((pattern) => pattern.test(text));
        if (blank) wrong.push(`${blank} — ${where(s, u)}`);
      }
      // A table's header and rule with no row under them: an empty list rendered as a table.
      for (const text of s.raw) if (/\n\| ?-{3}[^\n]*\|\n(?!\|)/.test(text.replace(/---:/g, "---"))) wrong.push(`${s.id}: a table with no rows`);
    }
    expect(wrong).toEqual([]);
  });

  it("agrees in number: a count of one takes the singular, any other count the plural", () => {
    const wrong: string[] = [];
    for (const s of subjects) {
      for (const u of s.units) {
        const text = ownText(s, u.text);
        for (const pattern of NUMBER_DISAGREES) if (pattern.test(text)) wrong.push(`${pattern} — ${where(s, u)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("claims registers: counts only the studies the registers name, with no blank or broken plural", () => {
    const claims = readdirSync(join(root, "data/claims")).filter((name) => name.endsWith(".json")).map((name) => JSON.parse(readFileSync(join(root, "data/claims", name), "utf8")));
    const named = new Set(claims.flatMap((register) => (register.findings ?? []).map((finding: { study?: string }) => finding.study).filter(Boolean)));
    const markdown = readFileSync(join(root, "reports/claims-registers/register.md"), "utf8");
    const sources = claims.map((register) => readFileSync(join(root, "data/sources", register.file), "utf8"));
    const wrong: string[] = [];
    const words: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
    for (const u of markdownUnits(markdown, "register.md")) {
      if (sources.some((text) => text.includes(u.text))) continue;
      const text = u.text.replace(/"[^"]*"/g, '""q').replace(/“[^”]*”/g, "“q”");
      for (const match of text.matchAll(/\b(one|two|three|four|five|six|seven|eight|nine|ten|\d+) (?:of the )?stud(?:y|ies)\b/gi)) {
        const count = words[match[1]!.toLowerCase()] ?? Number(match[1]);
        if (count !== named.size) wrong.push(`says ${match[0]}, but the registers' findings name ${named.size} — ${u.text}`);
      }
      const blank = BLANKS.find((pattern) => pattern.test(text));
      if (blank) wrong.push(`${blank} — ${u.text}`);
      for (const pattern of NUMBER_DISAGREES) if (pattern.test(text)) wrong.push(`${pattern} — ${u.text}`);
    }
    expect(wrong).toEqual([]);
  });

  it("counts as numbers that cannot all be true together only the findings that rest on nothing the source leaves unstated", () => {
    // A mean impossible only if everyone answered every item (an instrument scored from the items answered) is a
    // question for the authors; a share that fails only with the group's size as its denominator (none printed), or
    // a p that fails only with df derived from the design (none printed), rests on that assumption; groups defined
    // by an outcome may hold fewer than the study. None of these is a
    // contradiction, so none may be counted as one (checks.csv lists every
    // result; which values have a printed denominator is read from the study file here).
    const wrong: string[] = [];
    for (const s of subjects) {
      const csv = s.csvs.get("checks.csv");
      if (!csv) continue;
      const [header, ...rows] = csvRows(csv);
      const column = (name: string) => header!.indexOf(name);
      const values = new Map((s.study.reported as Value[]).map((v) => [v.id, v]));
      const assumed = (ids: string[]) =>
        ids.some((id) => (values.get(id)?.kind === "proportion" && values.get(id)?.denominator === undefined) || (values.get(id)?.kind === "test" && values.get(id)?.statistic?.df === undefined && values.get(id)?.statistic?.dfDerived !== undefined));
      // Groups nobody assigned (each defined by an outcome or exposure) may hold fewer than the study: the rest are in neither.
      const arms = s.study.design.arms as Value[];
      const unassigned = arms.length >= 2 && (s.study.design.allocation.value === "not-applicable" || arms.every((arm) => arm.definedBy !== undefined && arm.intervention === undefined));
      // The check's id is in its own column ("check" holds its name in words).
      const groupsShort = (row: string[]) => row[column("check id")] === "flow-arms-sum" && unassigned && arms.reduce((sum, arm) => sum + arm.size.value, 0) < s.study.design.sampleSize.value;
      const contradictions = rows.filter((row) => row[column("verdict")] === "inconsistent" && !/impossible with complete answers/.test(row[column("why")]!) && !assumed(row[column("reported value(s)")]!.split(", ")) && !groupsShort(row));
      const summary = s.raw[0]!.split("\n").find((line) => /cannot all be true together/.test(line) && line.startsWith("- "));
      const count = summary ? /(\d+) of \d+ checks? finds? [^.;]*cannot all be true together/.exec(summary)?.[1] : undefined;
      const said = summary === undefined || /^- No check\b/.test(summary) ? 0 : Number(count);
      if (said !== contradictions.length) wrong.push(`${s.id}: the summary counts ${said} as contradictions; ${contradictions.length} rest on no unstated assumption — ${summary ?? "(no such line)"}`);
    }
    expect(wrong).toEqual([]);
  });

  it("prints no undefined, NaN, Infinity or [object Object] in any report, notebook section or table", () => {
    const wrong: string[] = [];
    // "is undefined" is English (a checklist's reason); a bare "undefined" is a value that went missing in a template.
    const broken = /(?<!\bis )\bundefined\b|\bNaN\b|\bInfinity\b|\[object Object\]/;
    for (const s of subjects) {
      for (const text of s.raw) for (const line of text.split("\n")) if (broken.test(line)) wrong.push(`${s.id}: ${line.slice(0, 200)}`);
      for (const [file, csv] of s.csvs) for (const line of csv.split("\n")) if (broken.test(line)) wrong.push(`${s.id} ${file}: ${line.slice(0, 200)}`);
    }
    expect(wrong).toEqual([]);
  });
});
