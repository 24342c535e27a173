import * as msg from "../messages/playground.js";
import { Background } from "./background.js";
import type { PanelOutcome } from "./finding.js";
import { isShown, isTab, panel, PANELS, TABS, type Tab } from "./form-fields.js";
import { decodeState, encodeState } from "./hash-state.js";
import { meanChecks } from "./mean-checks.js";
import { percentChecks } from "./percent-checks.js";
import type { FieldProblem, Fields } from "./read-fields.js";
import { renderClosure, renderMessage, renderOutcome } from "./render.js";
import { statisticChecks } from "./statistic-checks.js";

/**
 * Longest a background run may take before the page stops it and says so. `data-budget-seconds` on
 * <body> overrides it (the browser test sets 1 s to see the message without waiting 30).
 */
export const BUDGET_SECONDS = 30;

function budgetSeconds(): number {
  const set = Number(document.body.dataset.budgetSeconds);
  return Number.isFinite(set) && set > 0 ? set : BUDGET_SECONDS;
}

const immediate: Partial<Record<Tab, (fields: Fields) => PanelOutcome>> = { mean: meanChecks, percent: percentChecks, statistic: statisticChecks };

function formOf(tab: Tab): HTMLFormElement {
  return document.getElementById(`form-${tab}`) as HTMLFormElement;
}

function resultsOf(tab: Tab): HTMLElement {
  return document.getElementById(`results-${tab}`) as HTMLElement;
}

/** The form's values by name: text as typed, the checked radio, the chosen option. */
function readForm(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const element of Array.from(form.elements)) {
    if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement) || element.name === "") continue;
    if (element instanceof HTMLInputElement && element.type === "radio" && !element.checked) continue;
    values[element.name] = element.value;
  }
  return values;
}

/** Puts values into a form; a field the values leave out goes back to its default. */
function fillForm(tab: Tab, values: Readonly<Record<string, string>>): void {
  const form = formOf(tab);
  for (const element of Array.from(form.elements)) {
    if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement) || element.name === "") continue;
    const value = values[element.name];
    if (element instanceof HTMLInputElement && element.type === "radio") {
      const first = form.querySelector<HTMLInputElement>(`input[type=radio][name="${element.name}"]`);
      element.checked = value === undefined ? element === first : element.value === value;
    } else if (element instanceof HTMLSelectElement) {
      const known = Array.from(element.options).some((option) => option.value === value);
      element.value = value !== undefined && known ? value : (element.options[0]?.value ?? "");
    } else element.value = value ?? "";
  }
  syncVisibility(tab);
}

/** Shows the fields in use (the statistic's parts or its printed form; the threshold of the *_from modes). */
function syncVisibility(tab: Tab): void {
  const form = formOf(tab);
  const spec = panel(tab);
  const values = readForm(form);
  for (const field of spec.fields) {
    if (field.when === undefined) continue;
    const box = form.querySelector<HTMLElement>(`[data-when="${field.when.field}=${field.when.value}"] [name="${field.name}"]`)?.closest<HTMLElement>("[data-when]");
    if (box) box.hidden = !isShown(spec, field, values);
  }
  const threshold = form.querySelector<HTMLElement>("[data-threshold]");
  if (threshold) threshold.hidden = !(values.rounding ?? "").includes("from");
}

function labelOf(tab: Tab, field: string): string {
  return document.querySelector(`label[for="${tab}-${field}"]`)?.textContent ?? panel(tab).fields.find((f) => f.name === field)?.label ?? field;
}

/** Marks the fields that need a fix (aria-invalid, the message under the field), and clears the others. */
function showProblems(tab: Tab, problems: readonly FieldProblem[]): void {
  const form = formOf(tab);
  for (const error of Array.from(form.querySelectorAll<HTMLElement>(".error"))) {
    error.hidden = true;
    error.textContent = "";
  }
  for (const input of Array.from(form.querySelectorAll("[aria-invalid]"))) input.removeAttribute("aria-invalid");
  for (const problem of problems) {
    const input = document.getElementById(`${tab}-${problem.field}`);
    const error = document.getElementById(`${tab}-${problem.field}-error`);
    input?.setAttribute("aria-invalid", "true");
    if (error) {
      error.textContent = problem.message;
      error.hidden = false;
    }
  }
}

function selectTab(tab: Tab, focus: boolean): void {
  for (const other of TABS) {
    const button = document.getElementById(`tab-${other}`) as HTMLButtonElement;
    const selected = other === tab;
    button.setAttribute("aria-selected", String(selected));
    button.tabIndex = selected ? 0 : -1;
    (document.getElementById(`panel-${other}`) as HTMLElement).hidden = !selected;
    if (selected && focus) button.focus();
  }
}

/** Wires the page: tabs (arrow keys, Home, End), forms, the link fragment, background runs. */
export function startPage(workerSource: string | undefined): void {
  const background: Partial<Record<Tab, Background>> = { closure: new Background(workerSource), passage: new Background(workerSource) };
  let current: Tab = "mean";
  const tickets: Record<string, number> = {};

  const writeHash = (tab: Tab, values: Record<string, string>): void => {
    const { hash, dropped } = encodeState({ tab, fields: values });
    if (location.hash.slice(1) !== hash) history.replaceState(null, "", `#${hash}`);
    const note = document.getElementById(`${tab}-text-error`);
    if (dropped && note) {
      note.textContent = msg.hashTooLong();
      note.hidden = false;
    }
  };

  const run = async (tab: Tab): Promise<void> => {
    const values = readForm(formOf(tab));
    const results = resultsOf(tab);
    writeHash(tab, values);
    const now = immediate[tab];
    if (now) {
      const outcome = now(values);
      showProblems(tab, outcome.problems);
      renderOutcome(results, outcome, (field) => labelOf(tab, field));
      results.dataset.state = "done";
      return;
    }
    const runner = background[tab]!;
    const ticket = (tickets[tab] = (tickets[tab] ?? 0) + 1);
    const stop = formOf(tab).querySelector<HTMLButtonElement>("button.stop");
    showProblems(tab, []);
    renderMessage(results, msg.working(panel(tab).label));
    results.dataset.state = "working";
    results.setAttribute("aria-busy", "true");
    if (stop) stop.hidden = false;
    const budget = budgetSeconds();
    const ended = await runner.run({ kind: tab === "closure" ? "closure" : "passage", fields: values }, budget * 1000);
    // A newer run of this panel has taken over: it draws its own results.
    if (ticket !== tickets[tab]) return;
    results.dataset.runner = runner.runner;
    if ("stopped" in ended) {
      renderMessage(results, ended.stopped === "user" ? msg.closureCancelled() : tab === "closure" ? msg.closureStopped(budget) : msg.passageStopped(budget));
      results.dataset.state = "stopped";
    } else if (ended.result.kind === "closure") {
      showProblems(tab, ended.result.outcome.problems);
      renderClosure(results, ended.result.outcome, (field) => labelOf(tab, field));
      results.dataset.state = "done";
    } else {
      showProblems(tab, ended.result.outcome.problems);
      renderOutcome(results, ended.result.outcome, (field) => labelOf(tab, field));
      results.dataset.state = "done";
    }
    results.removeAttribute("aria-busy");
    if (stop) stop.hidden = true;
    if (runner.runner === "page") results.append(Object.assign(document.createElement("p"), { className: "note", textContent: msg.noWorker() }));
  };

  const restore = (): void => {
    const state = decodeState(location.hash);
    if (state === undefined) return;
    current = state.tab;
    selectTab(state.tab, false);
    fillForm(state.tab, state.fields);
    void run(state.tab);
  };

  const tabs = TABS.map((tab) => document.getElementById(`tab-${tab}`) as HTMLButtonElement);
  tabs.forEach((button, index) => {
    button.addEventListener("click", () => {
      current = TABS[index]!;
      selectTab(current, false);
      writeHash(current, readForm(formOf(current)));
    });
    button.addEventListener("keydown", (event) => {
      const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 };
      const target = moves[event.key];
      if (target === undefined) return;
      event.preventDefault();
      current = TABS[(target + TABS.length) % TABS.length]!;
      selectTab(current, true);
      writeHash(current, readForm(formOf(current)));
    });
  });

  for (const spec of PANELS) {
    const form = formOf(spec.tab);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      void run(spec.tab);
    });
    form.addEventListener("change", () => syncVisibility(spec.tab));
    form.querySelector("button.stop")?.addEventListener("click", () => background[spec.tab]?.stop("user"));
    syncVisibility(spec.tab);
  }

  window.addEventListener("hashchange", restore);
  if (isTab(decodeState(location.hash)?.tab)) restore();
  else selectTab(current, false);
}
