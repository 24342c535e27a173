import * as msg from "../messages/playground.js";
import { type PanelOutcome } from "./finding.js";
import { FieldReader, readRounding, type Fields } from "./read-fields.js";
import { passageRefusal, scanText } from "./scan-text.js";

const NAMES: Record<string, string> = { t: "t", F: "F", chi2: "χ²", r: "r" };
const RELATIONS = new Set(["=", "<", ">", "≤", "≥"]);

/**
 * The statistic as printed, or composed from its parts the way papers print it: "t(28) = 2.20, p = .03",
 * "F(2, 57) = 3.21, p < .05", "χ²(1) = 3.84, p = .05", "r(48) = .30, p = .03".
 */
export function statisticText(fields: Fields, reader: FieldReader): string | undefined {
  if ((fields.entry ?? "printed") !== "parts") return reader.plain("printed", true);
  const test = NAMES[fields.test ?? "t"] === undefined ? "t" : (fields.test ?? "t");
  const value = reader.decimal("value", true);
  const df = reader.degrees("df", true);
  const df2 = test === "F" ? reader.degrees("df2", true) : undefined;
  const relation = RELATIONS.has(fields.relation ?? "=") ? (fields.relation ?? "=") : "=";
  const p = reader.decimal("p", true);
  if (value === undefined || df === undefined || p === undefined || (test === "F" && df2 === undefined)) return undefined;
  return `${NAMES[test]}(${test === "F" ? `${df}, ${df2}` : df}) = ${value}, p ${relation} ${p}`;
}

/**
 * A test statistic with its df and p: the text `cohort scan` would read, scanned with the same code,
 * so the verdict, the decision error and the explanation are the CLI's.
 *
 * @example
 * statisticChecks({ entry: "printed", printed: "t(28) = 2.20, p = .03" }).statistics?.[0]?.verdict; // => "inconsistent"
 */
export function statisticChecks(fields: Fields): PanelOutcome {
  const reader = new FieldReader(fields);
  const text = statisticText(fields, reader);
  const rounding = readRounding(fields, reader);
  if (reader.problems.length > 0 || text === undefined) return { problems: reader.problems, findings: [], notes: [] };
  const refusal = passageRefusal(text);
  if (refusal !== undefined) return { problems: [{ field: fields.entry === "parts" ? "value" : "printed", message: refusal }], findings: [], notes: [] };
  const statistics = scanText(text, rounding);
  const notes = statistics.some((entry) => entry.findings.length > 0) ? [] : [msg.noStatisticFound(text)];
  return { problems: [], findings: [], notes, statistics, ...(fields.entry === "parts" ? { readAs: text } : {}) };
}

/**
 * A passage of text: every statistic `cohort scan` finds in it, each with its checks or the reason none
 * ran. Refused past the CLI's size limit for one source text.
 */
export function passageChecks(fields: Fields): PanelOutcome {
  const reader = new FieldReader(fields);
  const text = reader.plain("text", true);
  const rounding = readRounding(fields, reader);
  if (reader.problems.length > 0 || text === undefined) return { problems: reader.problems.map((p) => (p.field === "text" && !fields.text?.trim() ? { ...p, message: msg.emptyPassage() } : p)), findings: [], notes: [] };
  const refusal = passageRefusal(fields.text ?? "");
  if (refusal !== undefined) return { problems: [{ field: "text", message: refusal }], findings: [], notes: [] };
  // The untrimmed text: offsets must agree with the passage as pasted (and with cohort scan on a file).
  const statistics = scanText(fields.text ?? "", rounding);
  return { problems: [], findings: [], notes: statistics.length === 0 ? [msg.noneFound()] : [], statistics };
}
