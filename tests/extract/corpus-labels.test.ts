import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../helpers/fixtures.js";

// The labelled extraction corpora (issue 17 item 3; format in tests/fixtures/extraction-corpus/README.md): the
// development corpus the recognisers were tuned on, the held-out set kept apart to measure unseen text, and the
// unseen set built after the held-out set had been looked at (kept blind: no scoring test reads it).
// These tests check the labels against their passages, never against an extractor: every span must be
// the exact slice of the passage at its offsets, spans must not overlap, each kind must carry its
// fields, and every printed field value must occur inside its own span (so a mistyped field fails).

const corpus = join(root, "tests/fixtures/extraction-corpus");
const heldOut = join(root, "tests/fixtures/extraction-heldout");
const unseen = join(root, "tests/fixtures/extraction-unseen");

type Label = { kind: string; start: number; end: number; text: string; fields: Record<string, string> };

/** Required and optional fields per kind, and the closed sets of the enumerated fields. */
const kinds: Record<string, { required: string[]; optional: string[] }> = {
  "count-percent": { required: ["count", "percent"], optional: ["total"] },
  "count-of-total": { required: ["count", "total"], optional: [] },
  "mean-dispersion": { required: ["mean", "dispersion", "dispersionKind"], optional: [] },
  "mean-ci": { required: ["mean", "lower", "upper", "level"], optional: [] },
  "median-spread": { required: ["median", "lower", "upper", "spreadKind"], optional: [] },
  "percent-change": { required: ["percent", "direction"], optional: [] },
  "test-statistic": { required: ["statistic", "value"], optional: ["df1", "df2", "pRelation", "p"] },
  "p-value": { required: ["relation", "p"], optional: [] },
  "effect-ci": { required: ["measure", "estimate", "lower", "upper"], optional: ["level"] },
  "sample-size": { required: ["n"], optional: ["stage"] },
};
const enumerations: Record<string, string[]> = {
  dispersionKind: ["sd", "se", "unstated"],
  spreadKind: ["iqr", "range", "unstated"],
  direction: ["increase", "decrease", "unstated"],
  statistic: ["t", "F", "chi2", "z", "r", "U", "W", "H"],
  pRelation: ["=", "<", ">", "≤", "≥"],
  relation: ["=", "<", ">", "≤", "≥"],
  measure: ["OR", "RR", "HR", "RD", "MD", "SMD", "d", "g", "other"],
  stage: ["screened", "enrolled", "randomised", "analysed", "completed", "other"],
};
// A confidence level may be named outside the span (a table header); everything else printed must be inside it.
const mayBeOutsideSpan = new Set(["level"]);

const passageIds = (folder: string): string[] =>
  readdirSync(folder)
    .filter((name) => name.endsWith(".txt"))
    .map((name) => name.slice(0, -".txt".length))
    .sort();

function checkFolder(title: string, folder: string, minimumPassages: number): void {
  const ids = passageIds(folder);
  const readme = readFileSync(join(folder, "README.md"), "utf8");

  describe(title, () => {
    it(`has at least ${minimumPassages} passages, each with a labels file, a README row and a slug id`, () => {
      expect(ids.length).toBeGreaterThanOrEqual(minimumPassages);
      const labelFiles = readdirSync(folder).filter((name) => name.endsWith(".labels.json"));
      expect(labelFiles.map((name) => name.slice(0, -".labels.json".length)).sort()).toEqual(ids);
      for (const id of ids) {
        expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(readme).toContain(`| \`${id}\` |`);
      }
    });

    for (const id of ids) {
      describe(id, () => {
        const bytes = readFileSync(join(folder, `${id}.txt`));
        const text = bytes.toString("utf8");
        const labels = JSON.parse(readFileSync(join(folder, `${id}.labels.json`), "utf8"));
        const statistics: Label[] = labels.statistics;

        it("is valid UTF-8 and names its own id", () => {
          expect(Buffer.from(text, "utf8").equals(bytes)).toBe(true);
          expect(labels.id).toBe(id);
          expect(statistics.length).toBeGreaterThan(0);
        });

        it("has spans that equal the passage slice at their offsets and do not overlap", () => {
          let previousEnd = 0;
          for (const label of [...statistics].sort((a, b) => a.start - b.start)) {
            expect(Number.isInteger(label.start) && Number.isInteger(label.end)).toBe(true);
            expect(label.start).toBeGreaterThanOrEqual(previousEnd);
            expect(label.end).toBeGreaterThan(label.start);
            expect(text.slice(label.start, label.end)).toBe(label.text);
            previousEnd = label.end;
          }
        });

        it("gives every label the fields its kind requires, as printed in its span", () => {
          for (const label of statistics) {
            const shape = kinds[label.kind];
            if (!shape) throw new Error(`unknown kind ${label.kind} at ${label.start}`);
            for (const field of shape.required) expect(label.fields, `${label.text}: ${field}`).toHaveProperty(field);
            for (const [field, value] of Object.entries(label.fields)) {
              expect([...shape.required, ...shape.optional], `${label.text}: unexpected ${field}`).toContain(field);
              expect(typeof value).toBe("string");
              if (field in enumerations && !(label.kind === "sample-size" && field === "n")) {
                expect(enumerations[field], `${label.text}: ${field}`).toContain(value);
              } else if (!mayBeOutsideSpan.has(field)) {
                expect(label.text, `${field} "${value}" is not printed in its span`).toContain(value);
              }
            }
            if (label.kind === "test-statistic") {
              expect("p" in label.fields).toBe("pRelation" in label.fields);
            }
          }
        });
      });
    }
  });
}

checkFolder("extraction corpus labels (development set)", corpus, 32);
checkFolder("extraction held-out labels (unseen set)", heldOut, 20);
checkFolder("extraction unseen labels (blind set)", unseen, 20);

describe("held-out set is apart from the development set", () => {
  // A passage in both would score the extractor on text it was tuned on and call it unseen.
  const developedOn = new Set(
    (JSON.parse(readFileSync(join(root, "tests/extract/corpus-figures.json"), "utf8")) as { developedOn: string[] }).developedOn,
  );
  const corpusTexts = new Set(passageIds(corpus).map((id) => readFileSync(join(corpus, `${id}.txt`), "utf8")));
  it("shares no id and no passage text with the development corpus, and none is listed as developed on", () => {
    const corpusIds = new Set(passageIds(corpus));
    for (const id of passageIds(heldOut)) {
      expect(corpusIds.has(id), id).toBe(false);
      expect(developedOn.has(id), id).toBe(false);
      expect(corpusTexts.has(readFileSync(join(heldOut, `${id}.txt`), "utf8")), id).toBe(false);
    }
  });
});

/** The DOI-or-URL column of a folder's README passage table (the table headed `| id | citation | DOI or URL |`). */
function sourcesOf(folder: string): string[] {
  const lines = readFileSync(join(folder, "README.md"), "utf8").split("\n");
  const header = lines.findIndex((line) => line.startsWith("| id | citation | DOI or URL |"));
  if (header < 0) throw new Error(`${folder}/README.md has no passage table`);
  return lines
    .slice(header + 2)
    .filter((line) => /^\| `[a-z0-9-]+` \|/.test(line))
    .map((line) => (line.split(" | ")[2] ?? "").trim());
}

describe("unseen set is apart from the development and held-out sets", () => {
  // The unseen set measures the extractor on text nobody tuned it on; a passage, id or article shared with either
  // earlier folder would make that measurement a development figure.
  const developedOn = new Set(
    (JSON.parse(readFileSync(join(root, "tests/extract/corpus-figures.json"), "utf8")) as { developedOn: string[] }).developedOn,
  );
  const earlier = [corpus, heldOut];
  const earlierIds = new Set(earlier.flatMap(passageIds));
  const earlierTexts = new Set(
    earlier.flatMap((folder) => passageIds(folder).map((id) => readFileSync(join(folder, `${id}.txt`), "utf8"))),
  );
  const earlierSources = new Set(earlier.flatMap(sourcesOf));

  it("shares no id and no passage text with either, and none is listed as developed on", () => {
    for (const id of passageIds(unseen)) {
      expect(earlierIds.has(id), id).toBe(false);
      expect(developedOn.has(id), id).toBe(false);
      expect(earlierTexts.has(readFileSync(join(unseen, `${id}.txt`), "utf8")), id).toBe(false);
    }
  });

  it("takes no passage from an article already used (DOI or URL column)", () => {
    const sources = sourcesOf(unseen);
    expect(sources.length).toBe(passageIds(unseen).length);
    for (const source of sources) expect(earlierSources.has(source), source).toBe(false);
  });
});
