import { buildStatistic, groupSpan, printed, scan, type Recogniser } from "./build-statistic.js";
import { scanHeadedCells } from "./cell-table.js";
import { isWhole, looksLikeReference, looksLikeYear } from "./guards.js";
import { columnHeadingFormats, hasFormat } from "./format-headings.js";
import { CELL_END, CELL_START, COUNT_START, INT, NUMBER_WORD, pattern, S, STOP_WORDS } from "./patterns.js";
import { look, textAfter, textBefore, type ScanContext } from "./scan-context.js";
import type { ExtractedStatistic, StatisticFields } from "./types.js";

type Stage = NonNullable<StatisticFields["sample-size"]["stage"]>;

const PEOPLE = String.raw`(?:patients?|pacientes|participantes|Patienten|participants?|subjects?|adults?|children|child|women|woman|men|man|individuals?|people|persons?|volunteers?|cases|controls|respondents?|infants?|neonates?|newborns?|adolescents?|youths?|students?|veterans?|residents?|mothers?|fathers?|parents?|girls?|boys?|smokers?|survivors?|outpatients?|inpatients?|recipients?|donors?|athletes?|workers?|nurses?|physicians?|clinicians?|caregivers?|carers?|families|couples|twins|dyads|users?|completers|non-?responders?|responders?|males?|females?|(?:non-)?HC[WP]s?|staff(?: members)?|employees|personnel|pregnant women)(?![A-Za-z])`;
const ADJECTIVE = String.raw`(?!${STOP_WORDS})[A-Za-z][\w'-]{0,20}`;
const NUMBER = String.raw`(?<n>${INT}|${NUMBER_WORD})`;

const forms = [
  // n = 20 · N=120
  pattern(String.raw`(?<![A-Za-z])[nN]${S}=${S}(?<n>${INT})(?!${S}[\/%])`),
  // 120 participants · Twenty patients · twenty adult chronic pain patients
  pattern(String.raw`${COUNT_START}${NUMBER}(?: ${ADJECTIVE}){0,4} ${PEOPLE}`),
  // five in the psychedelic group · 20 in each arm
  pattern(String.raw`${COUNT_START}${NUMBER}(?: (?:were|was))? in (?:the|each)(?: ${ADJECTIVE}){0,3} (?:group|arm|cohort)s?(?![A-Za-z])`),
  // 120 were randomised · 96 were analysed · 24 enrolled · 15 completed · 699 met inclusion criteria
  pattern(String.raw`${COUNT_START}${NUMBER}(?: (?:were|was|had))?(?: (?:then|subsequently|finally|eventually|successfully))? (?:randomi[sz]ed|randomly (?:assigned|allocated)|allocated|enrolled|recruited|screened|included|analy[sz]ed|excluded|completed|consented|withdrew|met (?:the |all )?(?:inclusion|eligibility) criteria|treated|discharged)(?![A-Za-z])`),
];

/** A bare whole number in a pipe-table column headed "n" or "No. of people". */
const PIPE_CELL = pattern(String.raw`${CELL_START}(?<n>${INT})${CELL_END}`);
/** The same in a one-cell-per-line table, or in a row headed "n". */
const LINE_CELL = pattern(String.raw`(?<n>${INT})`, "yd");

const stages: ReadonlyArray<[Stage, RegExp]> = [
  ["screened", pattern(String.raw`\b(?:screened|assessed for eligibility)\b`, "")],
  ["randomised", pattern(String.raw`\b(?:randomi[sz]ed|randomly (?:assigned|allocated)|allocated|assigned)\b`, "")],
  ["analysed", pattern(String.raw`\b(?:analy[sz]ed|included in the analys[ie]s)\b`, "")],
  ["completed", pattern(String.raw`\b(?:completed|finished)\b`, "")],
  ["enrolled", pattern(String.raw`\b(?:enrolled|recruited|included|entered|selected to participate|took part|participated)\b`, "")],
  ["other", pattern(String.raw`\b(?:excluded|withdrew|withdrawn|dropped out|discontinued|lost to follow-up|declined)\b`, "")],
];

/** The stage a verb right after (or just before) the number names; undefined when none is printed. */
function stageOf(context: ScanContext, start: number, nEnd: number, end: number): Stage | undefined {
  // "96 were analysed" says its stage inside the quote; "120 participants were randomised" just after.
  const after = textAfter(context, end, 50);
  const cut = after.search(/[,;:(]|\d/);
  const clauseAfter = look(context, nEnd, end) + (cut >= 0 ? after.slice(0, cut) : after);
  for (const [stage, regex] of stages) if (regex.test(clauseAfter)) return stage;
  const before = textBefore(context, start, 40).text;
  const clauseBefore = before.slice(Math.max(before.lastIndexOf(","), before.lastIndexOf(";"), before.lastIndexOf(":")) + 1);
  for (const [stage, regex] of stages) if (regex.test(clauseBefore)) return stage;
  return undefined;
}

function read(context: ScanContext, match: RegExpExecArray): ExtractedStatistic | undefined {
  const n = printed(context, match, "n")!;
  const start = match.index;
  const end = start + match[0].length;
  const stage = stageOf(context, start, groupSpan(match, "n")![1], end);
  const statistic = buildStatistic(context, "sample-size", start, end, stage === undefined ? { n } : { n, stage });
  if (!statistic || !isWhole(statistic.values.n)) return undefined;
  const nAt = groupSpan(match, "n")![0];
  if (looksLikeYear(context, nAt, statistic.values.n!) || looksLikeReference(context, nAt)) return undefined;
  return statistic;
}

/**
 * A statement of how many people: "n = 20", "N=120", "120 participants", "Twenty patients", "twenty
 * adult chronic pain patients", "five in the psychedelic group", "120 were randomised". The stage
 * (screened, enrolled, randomised, analysed, completed, other) is the verb printed next to it, and absent
 * when none is. Years ("in 2019 patients"), tables and other labels ("Table 2", "Phase 3") are left out.
 */
export const sampleSize: Recogniser = {
  kind: "sample-size",
  recognise: (context) => [
    ...forms.flatMap((form) => scan(context, form, (match) => read(context, match))),
    ...scan(context, PIPE_CELL, (match) => {
      if (!hasFormat(columnHeadingFormats(context, match.index), "sample-size")) return undefined;
      const statistic = read(context, match);
      if (statistic) statistic.flags = [...statistic.flags, "read-from-heading" as const].sort();
      return statistic;
    }),
    ...scanHeadedCells(context, "n", LINE_CELL, (match) => {
      const statistic = read(context, match);
      if (statistic) statistic.flags = [...statistic.flags, "read-from-heading" as const].sort();
      return statistic;
    }),
  ],
};
