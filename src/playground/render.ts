import * as msg from "../messages/playground.js";
import type { ClosureOutcome } from "./closure-case.js";
import type { Finding, PanelOutcome } from "./finding.js";
import type { ScannedEntry } from "./scan-text.js";

/**
 * The results of a panel as DOM nodes. Every string from the library or the user goes in as text
 * (textContent, never markup), so a passage holding markup shows as text.
 */

type Child = Node | string | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) if (child !== undefined && child !== false) node.append(child);
  return node;
}

function verdict(status: string): HTMLElement {
  return el("span", { class: `verdict verdict-${status.replace(/ /g, "-")}` }, status);
}

function list(entries: readonly (readonly [string, string])[]): HTMLElement | undefined {
  if (entries.length === 0) return undefined;
  const dl = el("dl");
  for (const [term, value] of entries) dl.append(el("dt", {}, term), el("dd", {}, value));
  return dl;
}

function show(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function findingNode(finding: Finding, level: 3 | 4): HTMLElement {
  const heading = el(level === 3 ? "h3" : "h4", {}, `${finding.title}: `, verdict(finding.status === "error" ? (finding.refused ? "refused" : "error") : finding.status));
  const node = el("article", { class: "finding", "data-check": finding.check, "data-status": finding.status }, heading, el("p", { class: "explanation" }, finding.explanation), list(finding.facts));
  const result = finding.result;
  if (result) {
    const reference = [result.reference.citation, result.reference.doi ? `doi:${result.reference.doi}` : "", result.reference.url ?? ""].filter(Boolean).join(" ");
    node.append(
      el(
        "details",
        {},
        el("summary", {}, "Assumptions and reference"),
        list(Object.entries(result.assumptions).map(([key, value]) => [key, show(value)] as const)),
        el("p", { class: "reference" }, reference),
      ),
    );
  }
  return node;
}

function statisticNode(entry: ScannedEntry): HTMLElement {
  const node = el(
    "article",
    { class: "statistic", "data-kind": entry.kind, "data-verdict": entry.verdict },
    el("h3", {}, el("span", { class: "quote" }, entry.quote), " ", verdict(entry.verdict)),
    el("p", { class: "note" }, `${entry.kind}, characters ${entry.start}–${entry.end}`),
  );
  if (entry.unchecked !== undefined) node.append(el("p", { class: "explanation" }, msg.notChecked(entry.unchecked)));
  for (const finding of entry.findings) node.append(findingNode(finding, 4));
  return node;
}

/** One line a screen reader announces first: each check and its verdict. */
export function summaryOf(outcome: PanelOutcome): string {
  if (outcome.problems.length > 0) return msg.needsFix(new Set(outcome.problems.map((problem) => problem.field)).size);
  if (outcome.statistics !== undefined) {
    const count = (verdict: string) => outcome.statistics!.filter((entry) => entry.verdict === verdict).length;
    return msg.statisticsFound(outcome.statistics.length, { consistent: count("consistent"), inconsistent: count("inconsistent"), undetermined: count("undetermined"), unchecked: count("not checked") });
  }
  return outcome.findings.map((finding) => `${finding.title}: ${finding.status === "error" ? (finding.refused ? "refused" : "error") : finding.status}.`).join(" ");
}

/** Replaces a results region's content with a panel's outcome. */
export function renderOutcome(container: HTMLElement, outcome: PanelOutcome, problemLabel: (field: string) => string): void {
  const nodes: Node[] = [el("p", { class: "summary" }, summaryOf(outcome))];
  if (outcome.problems.length > 0) {
    nodes.push(el("ul", { class: "problems" }, ...outcome.problems.map((problem) => el("li", {}, `${problemLabel(problem.field)}: ${problem.message}`))));
  }
  if (outcome.readAs !== undefined) nodes.push(el("p", {}, "Read as ", el("span", { class: "quote" }, outcome.readAs)));
  for (const finding of outcome.findings) nodes.push(findingNode(finding, 3));
  for (const entry of outcome.statistics ?? []) nodes.push(statisticNode(entry));
  for (const note of outcome.notes) nodes.push(el("p", { class: "note" }, note));
  container.replaceChildren(...nodes);
}

/** Replaces a results region's content with a CLOSURE case. */
export function renderClosure(container: HTMLElement, outcome: ClosureOutcome, problemLabel: (field: string) => string): void {
  const nodes: Node[] = [];
  if (outcome.problems.length > 0) {
    nodes.push(el("p", { class: "summary" }, summaryOf({ problems: outcome.problems, findings: [], notes: [] })));
    nodes.push(el("ul", { class: "problems" }, ...outcome.problems.map((problem) => el("li", {}, `${problemLabel(problem.field)}: ${problem.message}`))));
  } else {
    const summary = outcome.sentence ?? (outcome.error ? `CLOSURE: ${outcome.error.refused ? "refused" : "error"}.` : "");
    nodes.push(el("p", { class: "summary", "data-count": outcome.count ?? "" }, summary));
    if (outcome.error) nodes.push(el("p", { class: "error-message", "data-refused": String(outcome.error.refused) }, outcome.error.message));
    for (const line of outcome.lines ?? []) nodes.push(el("p", {}, line));
    if (outcome.samples && outcome.samples.length > 0) {
      nodes.push(
        el("h3", {}, `First ${outcome.samples.length} ${outcome.samples.length === 1 ? "sample" : "samples"} `, el("span", { class: "label" }, outcome.label)),
        el("p", { class: "note" }, msg.samplesNote()),
        el("ol", { class: "samples" }, ...outcome.samples.map((sample) => el("li", {}, sample))),
      );
    }
  }
  container.replaceChildren(...nodes);
}

/** A one-line state in a results region (working, stopped). */
export function renderMessage(container: HTMLElement, text: string): void {
  container.replaceChildren(el("p", { class: "summary" }, text));
}
