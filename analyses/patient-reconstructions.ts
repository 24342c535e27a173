import type { ChartLayout } from "../src/charts/chart-layout.js";
import { meanChainChart, type MeanChainPanel } from "../src/charts/mean-chain-chart.js";
import { isCohortError } from "../src/errors.js";
import { reconstructStudy } from "../src/reconstruct/study/reconstruct-study.js";
import { reconstructionTable } from "../src/reconstruct/study/reconstruction-table.js";
import { defineAnalysis, skip } from "../src/report/analysis.js";
import { formatNumber } from "../src/report/format-number.js";
import { shortGroupLabel, withoutDetail } from "../src/report/study-lookup.js";
import type { ReportedValue } from "../src/schema/reported-value.js";

const id = "patient-reconstructions";
const title = "Patient-level datasets rebuilt from the report";
const COUNT = 5;

/** The kinds reconstructStudy reads (src/reconstruct/study): compositions, band shifts, percent changes and instrument means at a timepoint. */
function usedByReconstruction(v: ReportedValue): boolean {
  return v.kind === "composition" || v.kind === "band-shift" || v.kind === "percent-change" || (v.kind === "mean" && v.instrument !== undefined && v.timepoint !== undefined);
}

/** Several patient-level datasets consistent with everything the study reports (reconstructStudy), every row and every assumption, and each patient's scores over time. */
export default defineAnalysis({
  id,
  title,
  section: "reconstructed",
  run({ study, instruments, seed }) {
    let result: ReturnType<typeof reconstructStudy>;
    try {
      result = reconstructStudy(study, instruments, { seed, count: COUNT });
    } catch (error) {
      if (!isCohortError(error)) throw error;
      return skip(id, title, `no patient-level dataset can be rebuilt from what the study reports (${error.problems.map((p) => p.message).join("; ")})`);
    }
    const first = result.reconstructions[0];
    if (!first) return skip(id, title, "no patient-level dataset can be rebuilt from what the study reports");
    // Datasets of ids and arms only would show nothing the report says.
    if (first.columns.every((c) => c === "id" || c === "arm")) {
      const usable = study.reported.filter(usedByReconstruction);
      return skip(
        id,
        title,
        usable.length === 0
          ? "nothing per patient can be rebuilt: the study reports no composition, instrument mean at a timepoint, band shift or percent change, the kinds the reconstruction uses"
          : `nothing per patient can be rebuilt from ${usable.map((v) => v.id).join(", ")}${result.notes.length > 0 ? ` (${result.notes.join("; ")})` : ""}`,
      );
    }
    const timepoints = [...study.design.timepoints].sort((a, b) => a.order - b.order);
    // Score columns are "<instrument>_<timepoint>"; instruments in the order their columns appear.
    const scoreColumns = first.columns.filter((c) => c.includes("_") && instruments.has(c.slice(0, c.indexOf("_"))));
    const instrumentIds = [...new Set(scoreColumns.map((c) => c.slice(0, c.indexOf("_"))))];
    const groups = first.columns.includes("arm") ? study.design.arms.map((a) => a.id) : ["all"];
    const panels: MeanChainPanel[] = instrumentIds.flatMap((instrumentId) => {
      const instrument = instruments.get(instrumentId)!;
      return groups.flatMap((group) => {
        const chains = result.reconstructions.flatMap((r) =>
          r.rows
            .filter((row) => group === "all" || row.arm === group)
            .map((row) => Object.fromEntries(timepoints.filter((t) => typeof row[`${instrumentId}_${t.id}`] === "number").map((t) => [t.id, row[`${instrumentId}_${t.id}`] as number]))),
        );
        if (chains.every((chain) => Object.keys(chain).length < 2)) return [];
        const patients = chains.length / result.reconstructions.length;
        return [
          {
            title: `${instrument.abbreviation}${group === "all" ? "" : `, ${shortGroupLabel(study, group)}`}`,
            subtitle: `${patients} patients × ${result.reconstructions.length} datasets`,
            chains,
            annotations: [],
            scale: { min: instrument.min, max: instrument.max, title: instrument.abbreviation },
          },
        ];
      });
    });
    const format = (value: string | number | null | undefined) => (value === null || value === undefined ? "" : typeof value === "number" ? formatNumber(value, Number.isInteger(value) ? 0 : 3) : value);
    const assumptions = [...new Set(result.reconstructions.flatMap((r) => r.assumptions))];
    const tabulated = reconstructionTable(result.reconstructions);
    // The values reconstructStudy does not read; saying so keeps a reader from taking the datasets to match them.
    const others = study.reported.filter((v) => !usedByReconstruction(v));
    const unusedCount = others.length;
    const unused = [...new Set(others.map((v) => v.kind))].map((kind) => {
      const list = others.filter((v) => v.kind === kind);
      const what = kind === "mean" ? `mean${list.length === 1 ? "" : "s"} of a variable or without a timepoint` : `${kind.replace(/-/g, " ")} value${list.length === 1 ? "" : "s"}`;
      return `${list.length} ${what} (${list.map((v) => v.id).join(", ")})`;
    });
    const drawPatients = (layout: ChartLayout) =>
      meanChainChart(
        panels,
        timepoints.map((t) => ({ id: t.id, label: withoutDetail(t.label).replace(/^After session /i, "S").replace(/^After /i, "after ").replace(/^Before /i, "before "), position: t.order })),
        { min: 0, max: 1, title: "score" },
        "Each patient's scores in the rebuilt datasets",
        ["Reconstruction — not patient data.", `One line per patient per dataset (${result.reconstructions.length} datasets).`],
        layout,
      );
    return {
      id,
      title,
      section: "reconstructed",
      reconstruction: true,
      paragraphs: [
        `${result.reconstructions.length} patient-level datasets (seed ${result.seed}), each consistent with what the study reports; how many such datasets exist is not known (far too many to count), so none of them is the data.${panels.length > 0 ? " The tests over reconstructions run on many more datasets built the same way." : ""}`,
        `Assumptions: ${assumptions.join("; ")}.`,
        ...(result.notes.length > 0 ? [`Not reconstructed: ${result.notes.join("; ")}.`] : []),
        ...(unused.length > 0 ? [`Reported but not used by these datasets (they are rebuilt from compositions, instrument means at a timepoint, band shifts and percent changes only): ${unused.join("; ")}.`] : []),
      ],
      summary: `${result.reconstructions.length} illustrative patient-level datasets rebuilt (${first.rows.length} rows each)${result.notes.length > 0 ? `; ${result.notes.length} thing${result.notes.length === 1 ? "" : "s"} the report does not allow to rebuild` : ""}${unused.length > 0 ? `; ${unusedCount} reported value${unusedCount === 1 ? "" : "s"} of other kinds not used` : ""}.`,
      // The datasets stacked into one long table, as cohortcheck/dataframe's toDataFrame gives them to scripts.
      table: {
        columns: tabulated.columns.map((c, i) => ({ key: c, label: c, align: i === 0 || scoreColumns.includes(c) ? ("right" as const) : ("left" as const) })),
        rows: tabulated.rows.map((cells) => Object.fromEntries(tabulated.columns.map((c, i) => [c, i === 0 ? String(cells[i]) : format(cells[i])]))),
      },
      ...(panels.length > 0
        ? {
            figure: {
              spec: drawPatients("wide"),
              narrowSpec: drawPatients("narrow"),
              alt: `Each rebuilt patient's scores over time, ${panels.length} panels, ${result.reconstructions.length} datasets overlaid. Reconstruction — not patient data.`,
            },
          }
        : {}),
    };
  },
});
