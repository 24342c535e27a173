import { defineAnalysis, skip } from "../src/report/analysis.js";
import { describeInventory } from "../src/report/describe-inventory.js";
import { describeReported } from "../src/report/describe-reported.js";
import { valueGroupLabel } from "../src/report/study-lookup.js";

const id = "reported-values";
const title = "Every number the source reports";

/** Each reported value as the source words it, with its verbatim quote: the material every later artefact starts from. */
export default defineAnalysis({
  id,
  title,
  section: "reported",
  run({ study, instruments }) {
    if (study.reported.length === 0) return skip(id, title, "the study file records no reported values");
    const kinds = [...new Set(study.reported.map((value) => value.kind))];
    return {
      id,
      title,
      section: "reported",
      paragraphs: [
        `The source reports ${study.reported.length} value${study.reported.length === 1 ? "" : "s"} (${kinds.join(", ")}), each recorded in the study file with the sentence it comes from.`,
        ...describeInventory(study, instruments),
      ],
      table: {
        columns: [
          { key: "id", label: "id", toolkit: true },
          { key: "kind", label: "kind" },
          { key: "group", label: "group" },
          { key: "value", label: "as reported" },
          { key: "quote", label: "source quote" },
        ],
        rows: study.reported.map((value) => ({
          id: value.id,
          kind: value.kind,
          group: valueGroupLabel(study, value),
          value: describeReported(value, study, instruments),
          quote: value.kind === "composition" ? value.categories.map((c) => c.source.quote).join(" · ") : value.source.quote,
        })),
      },
    };
  },
});
