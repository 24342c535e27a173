import { ROUNDING_MODES } from "../stats/rounding.js";

/** The playground's panels, in the order the page lists them. */
export const TABS = ["mean", "percent", "statistic", "closure", "passage"] as const;
export type Tab = (typeof TABS)[number];

/** One input of a panel: its name in the form and in the link (hash), its label and an optional hint. */
export interface FieldSpec {
  name: string;
  label: string;
  hint?: string;
  kind: "decimal" | "whole" | "text" | "textarea" | "select" | "radio";
  /** For select and radio: value and label of each choice, the first the default. */
  choices?: readonly (readonly [string, string])[];
  required?: boolean;
  /** Shown only when the named radio field has this value (statistic: printed or in parts). */
  when?: { field: string; value: string };
}

/** A panel: its tab label, a heading, what it runs, and its inputs. */
export interface PanelSpec {
  tab: Tab;
  label: string;
  heading: string;
  intro: string;
  fields: readonly FieldSpec[];
  /** Whether the rounding assumption applies (not to CLOSURE, which reads half a unit of the last decimal). */
  rounding: boolean;
}

export const PANELS: readonly PanelSpec[] = [
  {
    tab: "mean",
    label: "Mean and SD",
    heading: "A mean, its SD and n",
    intro:
      "GRIM asks whether whole-number scores from n people can average to the mean as printed; with an SD, GRIMMER asks the same of the SD; with the scale, the SD bounds ask whether the SD is possible at all; with the scale 0 to 1 (binary data), DEBIT runs too.",
    rounding: true,
    fields: [
      { name: "mean", label: "Mean", hint: "as printed, trailing zeros kept: 5.10", kind: "decimal", required: true },
      { name: "sd", label: "SD (optional)", hint: "sample SD, as printed", kind: "decimal" },
      { name: "n", label: "n", hint: "sample size", kind: "whole", required: true },
      { name: "items", label: "Items (optional)", hint: "items per score, each a whole number; default 1", kind: "whole" },
      { name: "min", label: "Lowest score (optional)", hint: "of one item, e.g. 1", kind: "whole" },
      { name: "max", label: "Highest score (optional)", hint: "of one item, e.g. 7", kind: "whole" },
    ],
  },
  {
    tab: "percent",
    label: "Percentage",
    heading: "A percentage of n",
    intro: "Which whole counts out of n round to the percentage as printed, and whether a reported count is one of them.",
    rounding: true,
    fields: [
      { name: "percent", label: "Percentage", hint: "as printed, without %: 45.0", kind: "decimal", required: true },
      { name: "n", label: "n", hint: "the denominator", kind: "whole", required: true },
      { name: "count", label: "Count (optional)", hint: "the reported count", kind: "whole" },
    ],
  },
  {
    tab: "statistic",
    label: "Test statistic",
    heading: "A test statistic with its df and p",
    intro:
      "The statcheck method: the p of the statistic is recomputed over every value that rounds to it and compared with the p as printed; a decision error is a p on the other side of .05. The same reading as cohort scan.",
    rounding: true,
    fields: [
      { name: "entry", label: "How to enter it", kind: "radio", choices: [["printed", "As printed"], ["parts", "In parts"]] },
      { name: "printed", label: "As printed", hint: "e.g. t(28) = 2.20, p = .03 or F(2, 57) = 3.21, p < .05", kind: "text", when: { field: "entry", value: "printed" } },
      { name: "test", label: "Test", kind: "select", choices: [["t", "t"], ["F", "F"], ["chi2", "χ²"], ["r", "r"]], when: { field: "entry", value: "parts" } },
      { name: "value", label: "Statistic", hint: "as printed: 2.20", kind: "decimal", when: { field: "entry", value: "parts" } },
      { name: "df", label: "df", hint: "F: the first df", kind: "text", when: { field: "entry", value: "parts" } },
      { name: "df2", label: "Second df (F only)", kind: "text", when: { field: "entry", value: "parts" } },
      { name: "relation", label: "p is", kind: "select", choices: [["=", "="], ["<", "<"], [">", ">"], ["≤", "≤"], ["≥", "≥"]], when: { field: "entry", value: "parts" } },
      { name: "p", label: "p", hint: "as printed: .03", kind: "decimal", when: { field: "entry", value: "parts" } },
    ],
  },
  {
    tab: "closure",
    label: "CLOSURE",
    heading: "Every sample behind a mean and SD (CLOSURE)",
    intro:
      "How many samples of n whole numbers on the scale have a mean and SD that round to the ones printed, how often each value occurs across them, and the first few. Each is one of many: none of them is the data.",
    rounding: false,
    fields: [
      { name: "mean", label: "Mean", hint: "as printed: 3.0", kind: "decimal", required: true },
      { name: "sd", label: "SD", hint: "sample SD, as printed: 1.2", kind: "decimal", required: true },
      { name: "n", label: "n", kind: "whole", required: true },
      { name: "min", label: "Lowest score", kind: "whole", required: true },
      { name: "max", label: "Highest score", kind: "whole", required: true },
    ],
  },
  {
    tab: "passage",
    label: "Passage",
    heading: "A passage of text",
    intro: "Every statistic cohort scan finds in the text, each with the checks that need nothing but what is printed with it.",
    rounding: true,
    fields: [{ name: "text", label: "Passage", hint: "plain text, e.g. a results paragraph", kind: "textarea", required: true }],
  },
];

/** The rounding assumption's inputs, shared by every panel but CLOSURE. */
export const ROUNDING_FIELDS: readonly FieldSpec[] = [
  { name: "rounding", label: "Rounding", hint: "how the source rounded (scrutiny's modes)", kind: "select", choices: ROUNDING_MODES.map((mode) => [mode, mode] as const) },
  { name: "threshold", label: "Threshold", hint: "deciding digit of the *_from modes, 1 to 9", kind: "whole" },
];

export const DEFAULT_ROUNDING = "up_or_down";
export const DEFAULT_THRESHOLD = "5";

export function panel(tab: Tab): PanelSpec {
  return PANELS.find((spec) => spec.tab === tab)!;
}

export function isTab(value: unknown): value is Tab {
  return typeof value === "string" && (TABS as readonly string[]).includes(value);
}

/** A field's value when the form leaves it alone: a choice's first option, otherwise empty. */
export function defaultValue(field: FieldSpec): string {
  return field.choices?.[0]?.[0] ?? "";
}

/** Whether a field is in use given the panel's other values (the statistic's parts only when entered in parts). */
export function isShown(spec: PanelSpec, field: FieldSpec, fields: Readonly<Record<string, string | undefined>>): boolean {
  if (field.when === undefined) return true;
  const controller = spec.fields.find((other) => other.name === field.when!.field);
  return (fields[field.when.field] ?? (controller ? defaultValue(controller) : "")) === field.when.value;
}
