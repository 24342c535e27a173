import { defineAnalysis, skip } from "../src/report/analysis.js";
import { groupColumns, NOT_REPORTED_MARK, rowsByGroup } from "../src/report/group-columns.js";
import { reportedOfKind, timepointLabel } from "../src/report/study-lookup.js";
import { FlowStage } from "../src/schema/reported-statistics.js";

const id = "sample-flow";
const title = "Participant flow, as reported";

/** How many people reached each stage of the study (screened … analysed), one column per group, in the order of the stages. */
export default defineAnalysis({
  id,
  title,
  section: "reported",
  run({ study }) {
    const flow = reportedOfKind(study, "sample-flow");
    if (flow.length === 0) return skip(id, title, "the study reports no sample-flow count (how many were screened, enrolled, completed, analysed…)");
    const stages = FlowStage.options as readonly string[];
    const order = new Map(study.design.timepoints.map((t) => [t.id, t.order]));
    const sorted = [...flow].sort((a, b) => stages.indexOf(a.stage) - stages.indexOf(b.stage) || (order.get(a.timepoint ?? "") ?? -1) - (order.get(b.timepoint ?? "") ?? -1));
    const columns = groupColumns(study, flow.map((f) => f.group));
    const cells = sorted.map((f) => {
      const stage = f.stage.replace(/-/g, " ");
      const when = f.timepoint !== undefined ? timepointLabel(study, f.timepoint) : "";
      return { row: `${stage}|${when}`, fixed: { stage, when }, group: f.group, text: String(f.count) };
    });
    return {
      id,
      title,
      section: "reported",
      paragraphs: [
        `How many people reached each stage, as the source reports it, ${columns.length === 1 ? "for the study's single group" : "one column per group"}; ${NOT_REPORTED_MARK} marks a count not reported${columns.length === 1 ? "" : " for that group"}. The column headers give the group sizes of the design.`,
      ],
      table: { columns: [{ key: "stage", label: "stage" }, { key: "when", label: "when" }, ...columns], rows: rowsByGroup(cells, columns) },
    };
  },
});
