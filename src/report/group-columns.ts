import type { Study } from "../schema/study.js";
import type { TableColumn } from "./table.js";
import { groupLabel, groupSize } from "./study-lookup.js";

/** One column of a table by group: its key, its header ("group therapy (n = 24)") and the group ids it shows. */
export interface GroupColumn extends TableColumn {
  groups: string[];
}

/**
 * The group columns of a table of per-group values, as a paper's Table 1 has them: one per arm, in
 * the study's order, plus "whole sample" when some value is about all arms together. A one-arm study
 * has one column, which shows its arm and its whole sample alike (they are the same people).
 *
 * @param study the study (its arms and sizes)
 * @param groups the `group` of every value the table shows
 * @example
 * groupColumns(twoArmTrial, ["therapy", "all"]).map((c) => c.label); // => ["group therapy (n = 24)", "a wait list (n = 24)", "whole sample (n = 48)"]
 */
export function groupColumns(study: Study, groups: readonly string[]): GroupColumn[] {
  const arms = study.design.arms;
  if (arms.length === 1) return [{ key: "group-0", label: `${arms[0]!.label} (n = ${study.design.sampleSize.value})`, align: "right", groups: [arms[0]!.id, "all"] }];
  const columns: GroupColumn[] = arms.map((arm, index) => ({ key: `group-${index}`, label: `${groupLabel(study, arm.id)} (n = ${groupSize(study, arm.id)})`, align: "right", groups: [arm.id] }));
  if (groups.includes("all")) columns.push({ key: "group-all", label: `whole sample (n = ${study.design.sampleSize.value})`, align: "right", groups: ["all"] });
  return columns;
}

/** The column that shows a group's values; undefined for a group the study does not have. */
export function columnOf(columns: readonly GroupColumn[], group: string): GroupColumn | undefined {
  return columns.find((column) => column.groups.includes(group));
}

/** What an empty cell of a table by group means, for the paragraph under it. */
export const NOT_REPORTED_MARK = "—";

/**
 * Table rows from keyed cells: rows in first-seen order, each group's texts in its column joined by " · "
 * (two values for one group in one row are both shown), empty cells marked "—".
 *
 * @example
 * rowsByGroup([{ row: "age", fixed: { characteristic: "age" }, group: "all", text: "41.3" }], columns); // => [{ characteristic: "age", "group-0": "—", …, "group-all": "41.3" }]
 */
export function rowsByGroup(cells: ReadonlyArray<{ row: string; fixed: Record<string, string>; group: string; text: string }>, columns: readonly GroupColumn[]): Array<Record<string, string>> {
  const rows = new Map<string, { fixed: Record<string, string>; texts: Map<string, string[]> }>();
  for (const cell of cells) {
    const column = columnOf(columns, cell.group);
    if (!column) continue;
    let row = rows.get(cell.row);
    if (!row) rows.set(cell.row, (row = { fixed: cell.fixed, texts: new Map() }));
    row.texts.set(column.key, [...(row.texts.get(column.key) ?? []), cell.text]);
  }
  return [...rows.values()].map(({ fixed, texts }) => ({ ...fixed, ...Object.fromEntries(columns.map((column) => [column.key, texts.get(column.key)?.join(" · ") ?? NOT_REPORTED_MARK])) }));
}
