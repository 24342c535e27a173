// Reading the README and docs/ as a test reads them: fenced blocks, the commands in shell blocks with their
// expected exit status and output, the relative links and the headings' anchors. The conventions are in
// docs/contributing.md ("Documentation that runs").

/** One fenced block: where it starts (1-based line of the opening fence), its info string, its lines. */
export interface Fence {
  line: number;
  info: string;
  /** The info string's first word: sh, console, ts, json, text… ("" when the fence has none). */
  lang: string;
  /** Set for ```<lang> no-run: <reason>; "" when no-run has no reason. */
  noRun?: string;
  body: string[];
}

/** One command of a shell block, with what the page says it does. */
export interface DocCommand {
  line: number;
  command: string;
  /** From a trailing `# exit N`; 0 otherwise. */
  exit: number;
  /** The lines a console block shows after the command (undefined in sh blocks, which show none). */
  output?: string[];
}

const SHELL = new Set(["sh", "bash", "shell", "console"]);

/** Every fenced block (``` or ~~~, indented or not) of a Markdown text, in order. */
export function fences(markdown: string): Fence[] {
  const lines = markdown.split(/\r?\n/);
  const found: Fence[] = [];
  let open: { marker: string; indent: number; fence: Fence } | undefined;
  lines.forEach((text, index) => {
    const match = /^( *)(`{3,}|~{3,})(.*)$/.exec(text);
    if (open) {
      if (match && match[2]!.startsWith(open.marker) && match[3]!.trim() === "") {
        found.push(open.fence);
        open = undefined;
      } else open.fence.body.push(text.slice(Math.min(open.indent, text.length - text.trimStart().length)));
      return;
    }
    if (!match) return;
    const info = match[3]!.trim();
    const lang = info.split(/\s+/)[0] ?? "";
    const noRun = /\bno-run\b:?\s*(.*)$/.exec(info);
    open = { marker: match[2]!, indent: match[1]!.length, fence: { line: index + 1, info, lang, body: [], ...(noRun ? { noRun: noRun[1]!.trim() } : {}) } };
  });
  if (open) throw new Error(`a fence opened on line ${open.fence.line} is never closed`);
  return found;
}

export const isShell = (fence: Fence): boolean => SHELL.has(fence.lang);

/** A command's expected exit status from a trailing `# exit N` comment, and the command without it. */
function exitOf(command: string): { command: string; exit: number } {
  const match = /\s#\s*exit\s+(\d+)\b.*$/.exec(command);
  return match ? { command: command.slice(0, match.index).trimEnd(), exit: Number(match[1]) } : { command, exit: 0 };
}

/**
 * The commands of a shell block. In `sh` every non-empty line that is not a comment is a command (a trailing `\`
 * joins the next line); in `console` the `$ ` lines are commands and the lines up to the next `$ ` their output.
 */
export function commands(fence: Fence): DocCommand[] {
  const result: DocCommand[] = [];
  if (fence.lang === "console") {
    fence.body.forEach((text, i) => {
      const line = fence.line + 1 + i;
      if (text.startsWith("$ ")) result.push({ line, ...exitOf(text.slice(2)), output: [] });
      else if (result.length === 0) throw new Error(`line ${line}: a console block must start with a "$ " command`);
      else result[result.length - 1]!.output!.push(text);
    });
    return result;
  }
  let pending: { line: number; text: string } | undefined;
  fence.body.forEach((text, i) => {
    const line = fence.line + 1 + i;
    const joined = pending ? `${pending.text} ${text.trim()}` : text;
    const start = pending?.line ?? line;
    if (joined.endsWith("\\")) {
      pending = { line: start, text: joined.slice(0, -1).trimEnd() };
      return;
    }
    pending = undefined;
    if (joined.trim() === "" || joined.trim().startsWith("#")) return;
    result.push({ line: start, ...exitOf(joined.trim()) });
  });
  return result;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Whether the lines a page shows appear in what a command printed: in order and next to each other, except that
 * a line "…" stands for any number of lines and "…" inside a line for any text. Trailing spaces are ignored.
 * Returns the first shown line that could not be placed, or undefined when all were.
 */
export function unmatchedLine(shown: readonly string[], printed: readonly string[]): string | undefined {
  const expected = shown.map((line) => line.trimEnd());
  while (expected.length > 0 && expected[expected.length - 1] === "") expected.pop();
  const actual = printed.map((line) => line.trimEnd());
  const patterns = expected.map((line) => (line === "…" ? undefined : new RegExp(`^${line.split("…").map(escapeRegExp).join(".*")}$`)));
  // Segments between "…" lines must each match contiguously; a leading segment may start anywhere (output before
  // what the page shows), and so may every later one, after the one before it.
  let from = 0;
  let segment: RegExp[] = [];
  const segments: RegExp[][] = [];
  for (const pattern of patterns) {
    if (pattern === undefined) {
      if (segment.length > 0) segments.push(segment);
      segment = [];
    } else segment.push(pattern);
  }
  if (segment.length > 0) segments.push(segment);
  let firstSegment = true;
  for (const seg of segments) {
    let placed = -1;
    for (let start = from; start + seg.length <= actual.length; start++) {
      if (seg.every((pattern, k) => pattern.test(actual[start + k]!))) {
        placed = start;
        break;
      }
      // Without a "…" before it, the first segment must start at the top of the output.
      if (firstSegment && patterns[0] !== undefined) break;
    }
    if (placed < 0) {
      // Name the first line of this segment that does not match where the segment would best start.
      return expected[patterns.indexOf(seg[0]!)];
    }
    from = placed + seg.length;
    firstSegment = false;
  }
  // Without a "…" after it, the last line shown must be the last line printed.
  while (actual.length > 0 && actual[actual.length - 1] === "") actual.pop();
  if (patterns.length > 0 && patterns[patterns.length - 1] !== undefined && from < actual.length) {
    return `(the output goes on after the last line shown: "${actual[from]}")`;
  }
  return undefined;
}

/** GitHub's anchor for a heading: lower case, punctuation other than hyphens and underscores dropped, spaces → "-". */
export function slug(heading: string): string {
  return heading
    .replace(/`/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\p{Pc}\- ]/gu, "")
    .replace(/ /g, "-");
}

/** The anchors of a Markdown text's headings (outside fences), with GitHub's -1, -2… for repeats. */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  let inFence = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (/^ *(`{3,}|~{3,})/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const match = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!match) continue;
    const base = slug(match[1]!);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

/** The relative links of a Markdown text (outside fences and inline code): [text](target), with their lines. */
export function relativeLinks(markdown: string): { line: number; target: string }[] {
  const links: { line: number; target: string }[] = [];
  let inFence = false;
  markdown.split(/\r?\n/).forEach((line, index) => {
    if (/^ *(`{3,}|~{3,})/.test(line)) {
      inFence = !inFence;
      return;
    }
    if (inFence) return;
    const text = line.replace(/`[^`]*`/g, "");
    for (const match of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = match[1]!;
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:, file:
      links.push({ line: index + 1, target });
    }
  });
  return links;
}
