import { CohortError, exitCodes, isCohortError } from "../errors.js";
import * as msg from "../messages/map.js";
import type { CheckStatus } from "../schema/check-result.js";
import type { RoundingMode } from "../stats/rounding.js";
import { mapCheckNames, mapChecks, type MapCheck, type MapValues } from "./map-checks.js";

/** Which table column each role of a check reads. */
export interface MapPlan {
  check: string;
  roles: Array<{ role: string; column: string; index: number; kind: "decimal" | "count"; optional: boolean }>;
}

/**
 * Matches a check's roles to a table's columns: a column named by `--columns` (role=name), else the
 * first of the role's usual names present in the header (case-insensitive: `x` or `mean`, `sd`, `n`,
 * `items`, `percent`, `count`, as scrutiny names them).
 *
 * @param check a name in mapChecks
 * @param header the table's column names
 * @param columns role → column name, overriding the usual names
 * @throws CohortError (usage) for an unknown check or role; (invalid input) when a required column is missing
 * @example
 * planColumns("grim", ["study", "x", "n"]).roles.map((r) => r.column); // => ["x", "n"]
 */
export function planColumns(check: string, header: readonly string[], columns: Readonly<Record<string, string>> = {}): MapPlan {
  const definition: MapCheck | undefined = mapChecks[check];
  if (!definition) throw new CohortError({ message: msg.unknownCheck(check, mapCheckNames) }, exitCodes.usage);
  const roles = [...Object.entries(definition.decimals).map(([role, names]) => ({ role, names, kind: "decimal" as const })), ...Object.entries(definition.counts).map(([role, names]) => ({ role, names, kind: "count" as const }))];
  for (const role of Object.keys(columns)) if (!roles.some((r) => r.role === role)) throw new CohortError({ message: msg.unknownRole(role, check, roles.map((r) => r.role)) }, exitCodes.usage);
  const lower = header.map((name) => name.trim().toLowerCase());
  const planned: MapPlan["roles"] = [];
  for (const { role, names, kind } of roles) {
    const wanted = columns[role] !== undefined ? [columns[role]!] : names;
    const index = columns[role] !== undefined ? header.indexOf(columns[role]!) : lower.findIndex((name) => names.includes(name));
    const optional = definition.optional.includes(role);
    if (index < 0) {
      if (optional && columns[role] === undefined) continue;
      throw new CohortError({ message: msg.missingColumn(check, role, wanted, header) });
    }
    planned.push({ role, column: header[index]!, index, kind, optional });
  }
  return { check, roles: planned };
}

/** One row's outcome: its verdict, or the error that kept the check from running on it. */
export interface MapResult {
  /** 1-based number of the data row (the header is not counted). */
  row: number;
  consistency: CheckStatus | null;
  /** GRIM only: scrutiny's grim_ratio, the rounding-free probability that a random mean is inconsistent. */
  ratio?: number;
  error?: string;
}

const WHOLE = /^\s*[+]?\d+\s*$/;

/**
 * Runs the planned check on one row. A bad row (an empty or malformed cell, a value the check
 * refuses) gets its error as text and no verdict; anything else that goes wrong is a bug and throws.
 *
 * @param plan from planColumns
 * @param cells the row's cells in header order: strings from CSV, any JSON value from JSON lines
 * @param row the row's 1-based number, reported back
 * @example
 * mapRow(planColumns("grim", ["x", "n"]), ["5.19", "28"], 1, "up_or_down"); // => { row: 1, consistency: "inconsistent", ratio: 0.72 }
 */
export function mapRow(plan: MapPlan, cells: ArrayLike<unknown>, row: number, rounding: RoundingMode): MapResult {
  const values: MapValues = { decimals: {}, counts: {} };
  for (const { role, column, index, kind, optional } of plan.roles) {
    const cell = cells[index];
    if (cell === undefined || cell === null || (typeof cell === "string" && cell.trim() === "")) {
      if (optional) continue;
      return { row, consistency: null, error: msg.emptyCell(role, column) };
    }
    if (kind === "decimal") {
      if (typeof cell === "number") return { row, consistency: null, error: msg.numberNotString(role, column, cell) };
      values.decimals[role] = String(cell).trim();
    } else if (typeof cell === "number" && Number.isSafeInteger(cell) && cell >= 0) values.counts[role] = cell;
    else if (typeof cell === "string" && WHOLE.test(cell) && Number.isSafeInteger(Number(cell))) values.counts[role] = Number(cell);
    else return { row, consistency: null, error: msg.notAWholeNumberCell(role, column, String(cell)) };
  }
  try {
    const verdict = mapChecks[plan.check]!.run(values, rounding);
    return verdict.ratio === undefined ? { row, consistency: verdict.consistency } : { row, consistency: verdict.consistency, ratio: verdict.ratio };
  } catch (error) {
    if (!isCohortError(error)) throw error;
    return { row, consistency: null, error: error.problems.map((problem) => problem.message).join("; ") };
  }
}

/** scrutiny's audit() of a mapped table, with counts per column. */
export interface MapAudit {
  check: string;
  rows: number;
  verdicts: { consistent: number; inconsistent: number; undetermined: number; error: number };
  /** inconsistent / rows checked (rows without an error): scrutiny's incons_rate. */
  inconsistentRate: number | null;
  /** Rows where the check could decide (consistent or inconsistent), and their share of rows checked. */
  testable: number;
  testableRate: number | null;
  /** GRIM only: mean grim_ratio over rows checked (scrutiny's mean_grim_prob), and inconsistentRate / it (incons_to_prob). */
  meanRatio?: number | null;
  inconsistentToRatio?: number | null;
  /** Per column read: non-empty and empty cells; for reported decimals how many have each number of decimals, for counts the range. */
  columns: Array<{ role: string; column: string; filled: number; empty: number; decimals?: Record<string, number>; min?: number | null; max?: number | null }>;
}

/**
 * Accumulates the audit of a mapped table one row at a time (constant memory, so a table of any
 * length streams through). Reference: scrutiny `audit()` for `grim_map()` (Jung,
 * https://lhdjung.github.io/scrutiny/reference/audit.html): incons_cases, all_cases, incons_rate,
 * mean_grim_prob, incons_to_prob, testable_cases, testable_rate.
 *
 * @example
 * const audit = createMapAudit(plan); audit.add(["5.19", "28"], result); audit.summary().verdicts; // => { consistent: 0, inconsistent: 1, undetermined: 0, error: 0 }
 */
export function createMapAudit(plan: MapPlan): { add(cells: ArrayLike<unknown>, result: MapResult): void; summary(): MapAudit } {
  const verdicts = { consistent: 0, inconsistent: 0, undetermined: 0, error: 0 };
  let ratioSum = 0;
  let ratioRows = 0;
  const columns = plan.roles.map(({ role, column, kind }) => ({ role, column, kind, filled: 0, empty: 0, decimals: new Map<number, number>(), min: Infinity, max: -Infinity }));
  return {
    add(cells, result) {
      if (result.consistency === null) verdicts.error++;
      else verdicts[result.consistency]++;
      if (result.ratio !== undefined && result.consistency !== null) {
        ratioSum += result.ratio;
        ratioRows++;
      }
      for (let i = 0; i < columns.length; i++) {
        const column = columns[i]!;
        const cell = cells[plan.roles[i]!.index];
        const text = cell === undefined || cell === null ? "" : String(cell).trim();
        if (text === "") {
          column.empty++;
          continue;
        }
        column.filled++;
        if (column.kind === "decimal") {
          const point = text.indexOf(".");
          const places = point < 0 ? 0 : text.length - point - 1;
          column.decimals.set(places, (column.decimals.get(places) ?? 0) + 1);
        } else {
          const value = Number(text);
          if (Number.isFinite(value)) {
            if (value < column.min) column.min = value;
            if (value > column.max) column.max = value;
          }
        }
      }
    },
    summary() {
      const rows = verdicts.consistent + verdicts.inconsistent + verdicts.undetermined + verdicts.error;
      const checked = rows - verdicts.error;
      const testable = verdicts.consistent + verdicts.inconsistent;
      const inconsistentRate = checked > 0 ? verdicts.inconsistent / checked : null;
      const meanRatio = ratioRows > 0 ? ratioSum / ratioRows : null;
      return {
        check: plan.check,
        rows,
        verdicts: { ...verdicts },
        inconsistentRate,
        testable,
        testableRate: checked > 0 ? testable / checked : null,
        ...(plan.check === "grim" ? { meanRatio, inconsistentToRatio: inconsistentRate !== null && meanRatio !== null && meanRatio > 0 ? inconsistentRate / meanRatio : null } : {}),
        columns: columns.map(({ role, column, kind, filled, empty, decimals, min, max }) =>
          kind === "decimal"
            ? { role, column, filled, empty, decimals: Object.fromEntries([...decimals].sort(([a], [b]) => a - b).map(([places, count]) => [String(places), count])) }
            : { role, column, filled, empty, min: Number.isFinite(min) ? min : null, max: Number.isFinite(max) ? max : null },
        ),
      };
    },
  };
}
