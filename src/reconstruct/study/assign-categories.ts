import type { Composition } from "../../schema/reported-value.js";
import type { Study } from "../../schema/study.js";
import * as message from "../../messages/reconstruct-study.js";
import type { Rng } from "../../stats/rng.js";
import { countCrossTables, drawCrossTable } from "./cross-table.js";
import { studyGroups } from "./groups.js";

/** Table counts by margins (a pure function of them, so safe to remember). */
const TABLE_COUNTS = new Map<string, number | null>();

/** Category of every patient for each composition variable, with the assumptions used and what could not be assigned. */
export interface CategoryAssignment {
  /** Composition id → category id per patient (row index); patients outside the composition's group get "". */
  categories: Record<string, string[]>;
  /** Composition ids in the order their columns appear. */
  variables: string[];
  assumptions: string[];
  notes: string[];
  /** Number of cross-tables consistent with the margins, for each group with two compositions (null: too many to count). */
  crossTables: { group: string; variables: string[]; count: number | null }[];
}

/**
 * Gives every patient one category per reported composition (sex, misuse category), consistent
 * with the reported counts. With two compositions in a group their unreported cross-table is drawn
 * uniformly from all tables with the reported margins; with more, each further variable is
 * crossed with the cells so far (sequential, not uniform; said in the assumptions). Patients are
 * numbered in category order so the rows read naturally.
 *
 * @param study a validated study
 * @param rng seeded random source
 * @example
 * assignCategories(studyA, createRng(1)).categories.sex.filter((s) => s === "female").length; // => 11
 */
export function assignCategories(study: Study, rng: Rng): CategoryAssignment {
  const groups = studyGroups(study);
  const total = groups.all.size;
  const out: CategoryAssignment = { categories: {}, variables: [], assumptions: [], notes: [], crossTables: [] };
  const compositions = study.reported.filter((v): v is Composition => v.kind === "composition");
  const byGroup = new Map<string, Composition[]>();
  for (const c of compositions) {
    const group = c.group === "all" ? groups.all : groups.arms.find((a) => a.id === c.group);
    if (!group) continue;
    if (c.categoriesAre !== "exclusive") {
      out.notes.push(`${c.variable}: categories may overlap, so no single category can be given to each patient; not reconstructed`);
      continue;
    }
    if (c.allCategoriesListed === false) {
      out.notes.push(`${c.variable}: only some categories are listed (${c.categories.map((k) => k.label).join(", ")}), so the others cannot be given to anyone; not reconstructed`);
      continue;
    }
    const counts = c.categories.map((k) => k.count ?? Math.round((Number(k.percent) * group.size) / 100));
    if (counts.reduce((s, v) => s + v, 0) !== group.size) {
      out.notes.push(`${c.variable}: category counts sum to ${counts.reduce((s, v) => s + v, 0)}, not the group size ${group.size}; not reconstructed`);
      continue;
    }
    if (c.categories.some((k) => k.count === undefined)) out.assumptions.push(`${c.variable}: counts derived from the reported percentages of ${group.size}`);
    out.assumptions.push(message.assumeCategoriesExclusive(c.variable));
    byGroup.set(group.id, [...(byGroup.get(group.id) ?? []), c]);
  }
  for (const [groupId, list] of byGroup) {
    const group = groupId === "all" ? groups.all : groups.arms.find((a) => a.id === groupId)!;
    const countsOf = (c: Composition): number[] => c.categories.map((k) => k.count ?? Math.round((Number(k.percent) * group.size) / 100));
    // cells: category index per variable, with their counts
    let cells: { key: number[]; count: number }[] = countsOf(list[0]!).map((count, i) => ({ key: [i], count }));
    for (let v = 1; v < list.length; v++) {
      const cols = countsOf(list[v]!);
      const rows = cells.map((c) => c.count);
      const drawn = drawCrossTable(rows, cols, rng);
      if (v === 1 && list.length === 2) {
        const key = `${rows.join(",")}|${cols.join(",")}`;
        let count = TABLE_COUNTS.get(key);
        if (count === undefined) TABLE_COUNTS.set(key, (count = countCrossTables(rows, cols)));
        out.crossTables.push({ group: groupId, variables: list.map((c) => c.id), count });
        out.assumptions.push(message.assumeCrossTable(list.map((c) => c.variable), count, drawn.uniform));
      } else if (v === list.length - 1) {
        out.assumptions.push(`${list.map((c) => c.variable).join(" × ")}: the joint table is not reported; each variable was crossed in turn with a table drawn from those consistent with the margins (not uniform over all joint tables)`);
      }
      cells = cells.flatMap((cell, r) => drawn.table[r]!.map((count, j) => ({ key: [...cell.key, j], count })));
    }
    const labels = list.map(() => new Array<string>(total).fill(""));
    let at = 0;
    for (const cell of cells) {
      for (let k = 0; k < cell.count; k++) {
        const patient = group.patients[at++]!;
        list.forEach((c, v) => {
          labels[v]![patient] = c.categories[cell.key[v]!]!.id;
        });
      }
    }
    list.forEach((c, v) => {
      out.categories[c.id] = labels[v]!;
      out.variables.push(c.id);
    });
  }
  return out;
}
