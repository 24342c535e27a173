import { DEFAULT_ROUNDING, DEFAULT_THRESHOLD, defaultValue, isShown, isTab, panel, type Tab } from "./form-fields.js";

/** What a link holds: the open panel and its inputs (the rounding assumption among them). */
export interface PageState {
  tab: Tab;
  fields: Record<string, string>;
}

/** Longest link fragment the page writes: a longer passage is left out of the link (browsers cap URLs). */
export const MAX_HASH_LENGTH = 32_000;

/**
 * The link fragment for a panel's inputs: `tab=mean&mean=5.19&n=28`, the panel's fields in form order,
 * empty and hidden ones left out, the rounding assumption only when it is not the default. A passage
 * too long for a link is left out, and `dropped` says so.
 *
 * @example
 * encodeState({ tab: "percent", fields: { percent: "45", n: "20", count: "" } }).hash; // => "tab=percent&percent=45&n=20"
 */
export function encodeState(state: PageState): { hash: string; dropped: boolean } {
  const spec = panel(state.tab);
  const params = new URLSearchParams({ tab: state.tab });
  for (const field of spec.fields) {
    const value = state.fields[field.name] ?? "";
    if (value.trim() === "" || !isShown(spec, field, state.fields)) continue;
    if (field.kind === "radio" && value === defaultValue(field)) continue;
    params.set(field.name, value);
  }
  if (spec.rounding) {
    const rounding = state.fields.rounding ?? DEFAULT_ROUNDING;
    if (rounding !== DEFAULT_ROUNDING) params.set("rounding", rounding);
    const threshold = (state.fields.threshold ?? "").trim();
    if (threshold !== "" && threshold !== DEFAULT_THRESHOLD) params.set("threshold", threshold);
  }
  const hash = params.toString();
  if (hash.length <= MAX_HASH_LENGTH || !params.has("text")) return { hash, dropped: false };
  params.delete("text");
  return { hash: params.toString(), dropped: true };
}

/**
 * The panel and inputs a link fragment holds; undefined when it names no panel. Names the panel does not
 * have are ignored, so an old or hand-edited link opens what it can.
 *
 * @example
 * decodeState("#tab=percent&percent=45&n=20")?.fields.n; // => "20"
 */
export function decodeState(hash: string): PageState | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const tab = params.get("tab");
  if (!isTab(tab)) return undefined;
  const spec = panel(tab);
  const names = new Set(spec.fields.map((field) => field.name));
  if (spec.rounding) ["rounding", "threshold"].forEach((name) => names.add(name));
  const fields: Record<string, string> = {};
  for (const [name, value] of params) if (names.has(name)) fields[name] = value;
  return { tab, fields };
}
