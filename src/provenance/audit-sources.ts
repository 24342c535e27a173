import { readdirSync, readlinkSync, statSync, type Dirent } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { CohortError, jsonPath, type Problem } from "../errors.js";
import { fileKind, readTextFile } from "../io/read-regular-file.js";
import * as msg from "../messages/io.js";

/** Source documents larger than this are refused (a paper's text is far smaller). */
const MAX_SOURCE_BYTES = 32 * 1024 * 1024;

/** One quote found in a data file, and whether it checks out. */
export interface QuoteAudit {
  path: string;
  file: string;
  quote: string;
  verbatim: boolean;
  /**
   * The numbers this quote must state (the value it is the source of), and whether it states each;
   * `decimalComma` when it states one only in the decimal-comma convention ("5,2" for 5.2, "1.296" for 1296).
   */
  numbers: Array<{ value: string; stated: boolean; decimalComma?: true }>;
}

export interface SourceAudit {
  quotes: QuoteAudit[];
  problems: Problem[];
}

/** Keys whose values are reported numbers that the quote beside them must state. */
const NUMBER_KEYS = ["value", "count", "percent", "mean", "sd", "median", "change", "estimate", "se", "lower", "upper", "denominator"] as const;

/**
 * Parts of a reported statistic that hold numbers of their own without a quote of their own (a ±, a
 * CI, a p-value, a test statistic, an IQR): their numbers must be stated by the owner's quote too.
 */
const NUMBER_PARTS = ["dispersion", "ci", "p", "statistic", "spread"] as const;

const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS_WORDS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const UNIT_WORDS = NUMBER_WORDS.slice(1, 10).join("|");
const TENS_PATTERN = TENS_WORDS.filter(Boolean).join("|");

/** Separators papers print between groups of three digits ("1,296", "4 647" with a no-break, thin or narrow space). */
const THOUSANDS_SEPARATORS = [",", "\u00a0", "\u2009", "\u202f"];

/**
 * Where a data file's source documents are when no folder is given: the `sources` it declares
 * (paths relative to the file), else `../sources` beside its own folder, which is `data/sources/`
 * for every file under `data/<kind>/`.
 *
 * @example
 * declaredSources({ sources: ["../sources", "extra.txt"] }, "data/studies/a.json"); // => ["data/sources", "data/studies/extra.txt"]
 */
export function declaredSources(data: unknown, dataFile: string): string[] {
  const declared = data !== null && typeof data === "object" ? (data as { sources?: unknown }).sources : undefined;
  const paths = Array.isArray(declared) && declared.length > 0 && declared.every((entry) => typeof entry === "string") ? (declared as string[]) : ["../sources"];
  return paths.map((path) => join(dirname(dataFile), path));
}

/**
 * Provenance audit: every `source` (and `alsoQuoted`) object in a data file must name a document in
 * the source folders or files given and quote it verbatim, and every reported number must be stated by its own
 * quote (as digits, or as a word for whole numbers below 100: "Ten", "Thirty"). Works on any JSON data
 * file, so checklists and claim registers are audited the same way as studies.
 *
 * @example
 * auditSources(study, ["data/sources"], "data/studies/a.json").problems; // => [] when every quote checks out
 */
export function auditSources(data: unknown, sources: string | readonly string[], dataFile?: string): SourceAudit {
  const places = typeof sources === "string" ? [sources] : [...sources];
  const { documents, unusable } = readSources(places);
  const where = places.join(", ");
  const quotes: QuoteAudit[] = [];
  const problems: Problem[] = [];
  const at = (path: PropertyKey[], message: string) => problems.push({ ...(dataFile !== undefined ? { file: dataFile } : {}), path: jsonPath(path), message });

  walk(data, (node, pathOf) => {
    const owner = node as Record<string, unknown>;
    const hasSources = isSource(owner.source) || (Array.isArray(owner.alsoQuoted) && owner.alsoQuoted.some(isSource));
    if (!hasSources) return;
    const path = pathOf();
    const sources: Array<{ source: unknown; path: PropertyKey[]; carriesNumbers: boolean }> = [];
    if (isSource(owner.source)) sources.push({ source: owner.source, path: [...path, "source"], carriesNumbers: true });
    if (Array.isArray(owner.alsoQuoted)) {
      owner.alsoQuoted.forEach((source, index) => {
        if (isSource(source)) sources.push({ source, path: [...path, "alsoQuoted", index], carriesNumbers: false });
      });
    }
    for (const { source, path: sourcePath, carriesNumbers } of sources) {
      const { file, quote } = source as { file: string; quote: string };
      const text = documents.get(file);
      const numbers = carriesNumbers
        ? reportedNumbers(owner).map((value) => {
            const how = howStated(quote, value);
            return how === "decimal-comma" ? { value, stated: true, decimalComma: true as const } : { value, stated: how !== undefined };
          })
        : [];
      const verbatim = text !== undefined && text.includes(quote);
      quotes.push({ path: jsonPath(sourcePath), file, quote, verbatim, numbers });
      if (text === undefined) at([...sourcePath, "file"], unusable.has(file) ? unusable.get(file)! : `source document "${file}" is not in ${where}`);
      else if (!verbatim) at([...sourcePath, "quote"], `quote does not occur verbatim in ${file}: "${abbreviate(quote)}"`);
      for (const number of numbers) {
        if (!number.stated) at(sourcePath, `the quote does not state the reported number ${number.value}: "${abbreviate(quote)}"`);
      }
    }
  });
  return { quotes, problems };
}

/**
 * Reads the documents of every folder and file given, by file name. Two different documents with
 * the same name would make a quote's `file` ambiguous, so that is an error naming both paths. In a
 * folder, a symbolic link to a document counts as the document; an entry named like a document
 * that cannot be one (a broken link, a link loop, a FIFO, a folder) is recorded with the reason,
 * so a quote naming it is told why rather than that the document is missing.
 */
function readSources(places: readonly string[]): { documents: Map<string, string>; unusable: Map<string, string> } {
  const documents = new Map<string, string>();
  const unusable = new Map<string, string>();
  const origin = new Map<string, string>();
  const add = (path: string) => {
    const name = basename(path);
    const text = readTextFile(path, MAX_SOURCE_BYTES);
    const earlier = origin.get(name);
    if (earlier !== undefined && resolve(earlier) !== resolve(path) && documents.get(name) !== text) {
      throw new CohortError({ file: path, message: `two different source documents are named "${name}" (the other is ${earlier}); a quote's file name must name one document` });
    }
    documents.set(name, text);
    origin.set(name, path);
  };
  for (const place of places) {
    let isFolder: boolean;
    try {
      const stats = statSync(place);
      if (!stats.isDirectory() && !stats.isFile()) throw new Error("not a regular file");
      isFolder = stats.isDirectory();
    } catch {
      throw new CohortError({ file: place, message: "sources folder or file not found or not readable" });
    }
    if (!isFolder) {
      add(place);
      continue;
    }
    let entries: Dirent[];
    try {
      entries = readdirSync(place, { withFileTypes: true });
    } catch {
      throw new CohortError({ file: place, message: "sources folder not found or not readable" });
    }
    const named = entries.filter((entry) => (entry.name.endsWith(".txt") || entry.name.endsWith(".md")) && entry.name !== "README.md" && !entry.name.startsWith("."));
    for (const entry of named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(place, entry.name);
      const reason = entry.isFile() ? undefined : whyNotDocument(path, entry);
      if (reason === undefined) add(path);
      else unusable.set(entry.name, `source document "${entry.name}" in ${place} cannot be read: ${reason}`);
    }
  }
  return { documents, unusable };
}

/** Undefined when a folder entry that is not a plain file still leads to one (a symbolic link to a document); else why not. */
function whyNotDocument(path: string, entry: Dirent): string | undefined {
  if (!entry.isSymbolicLink()) return msg.notRegularFile(entry.isDirectory() ? "folder" : entry.isFIFO() ? "FIFO (named pipe)" : entry.isCharacterDevice() ? "character device" : entry.isBlockDevice() ? "block device" : entry.isSocket() ? "socket" : "special file");
  try {
    const kind = fileKind(statSync(path));
    return kind === undefined ? undefined : `it is a symbolic link to a ${kind}, not to a regular file`;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP") return "it is a symbolic link in a loop (too many levels of symbolic links)";
    let target = "?";
    try {
      target = readlinkSync(path);
    } catch {
      // keep "?"
    }
    return code === "ENOENT" ? `it is a broken symbolic link (to ${target}, which does not exist)` : `it is a symbolic link that cannot be followed (${code})`;
  }
}

function isSource(value: unknown): boolean {
  return value !== null && typeof value === "object" && typeof (value as { file?: unknown }).file === "string" && typeof (value as { quote?: unknown }).quote === "string";
}

function reportedNumbers(owner: Record<string, unknown>): string[] {
  const out: string[] = [];
  const collect = (holder: Record<string, unknown>) => {
    for (const key of NUMBER_KEYS) {
      const value = holder[key];
      if (typeof value === "number") out.push(String(value));
      else if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value)) out.push(value);
    }
  };
  collect(owner);
  for (const key of NUMBER_PARTS) {
    const part = owner[key];
    for (const piece of Array.isArray(part) ? part : [part]) {
      if (piece !== null && typeof piece === "object" && !isSource((piece as { source?: unknown }).source)) collect(piece as Record<string, unknown>);
    }
  }
  return out;
}

/**
 * Whether `quote` states `value` as a stand-alone number (not as part of a longer one), or as a
 * number word. The ways papers print the same digits count: a decimal below 1 without its leading
 * zero (".04" states "0.04"), a negative number with a Unicode minus, or its magnitude when the
 * sign is in words ("fell by 3.2" states "-3.2"), thousands grouped by a comma or a no-break, thin
 * or narrow space ("1,296" states "1296"), whole numbers below 100 in words ("Thirty", "forty-four"), and
 * zero as "no" or "none" ("no adverse events"), and the decimal-comma convention ("5,2" for 5.2, "1.296" for
 * 1296; auditSources flags those: howStated).
 *
 * @example
 * statesNumber("p = .04", "0.04"); // => true
 * statesNumber("1,296 patients", "1296"); // => true
 */
export function statesNumber(quote: string, value: string): boolean {
  return howStated(quote, value) !== undefined;
}

/**
 * How `quote` states `value`: `"as-printed"` in any of the ways statesNumber lists, `"decimal-comma"`
 * only in the decimal-comma convention of many European texts (a draft of "idade média 57,2 anos" stores
 * 57.2; "1.296 pacientes" stores 1296), or undefined. A comma form with exactly three decimals ("1,234"
 * for 1.234) is not accepted: in an English text it is a thousands group, so it would state another number.
 *
 * @example
 * howStated("idade média 57,2 anos", "57.2"); // => "decimal-comma"
 * howStated("57.2 years", "57.2"); // => "as-printed"
 */
export function howStated(quote: string, value: string): "as-printed" | "decimal-comma" | undefined {
  if (statesAsPrinted(quote, value)) return "as-printed";
  return statesWithDecimalComma(quote, value) ? "decimal-comma" : undefined;
}

function statesWithDecimalComma(quote: string, value: string): boolean {
  const magnitude = value.startsWith("-") ? value.slice(1) : value;
  const [whole = "", decimals] = magnitude.split(".");
  if (decimals !== undefined) {
    if (decimals.length === 3 && whole !== "0") return false;
    return new RegExp(`(?<![\\d.,])${whole},${decimals}(?![\\d]|[.,]\\d)`).test(quote);
  }
  if (whole.length <= 3) return false;
  const groups = whole.replace(/\B(?=(\d{3})+$)/g, "\u0000").split("\u0000");
  return new RegExp(`(?<![\\d.,])${groups.join("\\.")}(?![\\d]|[.,]\\d)`).test(quote);
}

function statesAsPrinted(quote: string, value: string): boolean {
  const magnitude = value.startsWith("-") ? value.slice(1) : value;
  const forms = new Set([magnitude]);
  if (magnitude.startsWith("0.")) forms.add(magnitude.slice(1));
  for (const form of forms) {
    const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    // Three digits after "1," are a thousands group of a longer number, not a number of their own.
    const before = /^\d{3}(\.|$)/.test(form) ? "(?<![\\d.]|\\d,)" : "(?<![\\d.])";
    if (new RegExp(`${before}${escaped}(?![\\d]|\\.\\d)`).test(quote)) return true;
  }
  const [whole = "", decimals] = magnitude.split(".");
  if (whole.length > 3) {
    // "1,296" states 1296, but "11,296" and "1,296,000" do not.
    const groups = whole.replace(/\B(?=(\d{3})+$)/g, "\u0000").split("\u0000");
    const tail = decimals === undefined ? "" : `\\.${decimals}`;
    for (const separator of THOUSANDS_SEPARATORS) {
      if (new RegExp(`(?<![\\d.,])${groups.join(separator)}${tail}(?![\\d]|[.,]\\d)`).test(quote)) return true;
    }
  }
  // "no adverse events", "none withdrew": a count of zero in words.
  if (magnitude === "0" && /\b(?:no|none|nil)\b/i.test(quote)) return true;
  const word = numberWordPattern(value);
  return word !== undefined && new RegExp(word, "i").test(quote);
}

/**
 * A whole number from 0 to 99 as words, as a pattern: "thirty" (not "thirty-one"), "forty-four" or
 * "forty four"; a unit word is not read inside a compound ("twenty-one" does not state 1).
 */
function numberWordPattern(value: string): string | undefined {
  if (!/^\d+$/.test(value)) return undefined;
  const number = Number(value);
  if (number < 20) return `(?<!(?:${TENS_PATTERN})[- ])\\b${NUMBER_WORDS[number]}\\b`;
  if (number > 99) return undefined;
  const tens = TENS_WORDS[Math.floor(number / 10)];
  const unit = number % 10;
  return unit === 0 ? `\\b${tens}\\b(?![- ](?:${UNIT_WORDS})\\b)` : `\\b${tens}[- ]${NUMBER_WORDS[unit]}\\b`;
}

/**
 * Visits every object in document order (pre-order), skipping the insides of source objects. An
 * explicit stack instead of recursion, and paths built only when asked for, so a file nested
 * arbitrarily deep (JSON.parse accepts it) cannot overflow the call stack or cost quadratic memory.
 */
function walk(root: unknown, visit: (node: object, path: () => PropertyKey[]) => void): void {
  interface Entry { node: unknown; key: PropertyKey | undefined; parent: Entry | undefined }
  const pathOf = (entry: Entry): PropertyKey[] => {
    const keys: PropertyKey[] = [];
    for (let at: Entry | undefined = entry; at?.key !== undefined; at = at.parent) keys.push(at.key);
    return keys.reverse();
  };
  const stack: Entry[] = [{ node: root, key: undefined, parent: undefined }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const { node } = entry;
    if (node === null || typeof node !== "object") continue;
    const children: Entry[] = [];
    if (Array.isArray(node)) node.forEach((item, index) => children.push({ node: item, key: index, parent: entry }));
    else {
      visit(node, () => pathOf(entry));
      for (const [key, value] of Object.entries(node)) {
        if (key !== "source" && key !== "alsoQuoted") children.push({ node: value, key, parent: entry });
      }
    }
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
}

function abbreviate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
