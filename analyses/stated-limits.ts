import { defineAnalysis } from "../src/report/analysis.js";

const id = "stated-limits";
const title = "Limits and claims as the source states them";

/** The limitations the source admits and its claims, each with its quote and whether a test is reported behind it. */
export default defineAnalysis({
  id,
  title,
  section: "limits",
  run({ study }) {
    const untested = study.claims.filter((c) => !c.testReported && (c.type === "significance" || c.type === "all-improved" || c.type === "efficacy" || c.type === "comparison"));
    return {
      id,
      title,
      section: "limits",
      paragraphs: [
        study.limitationsStated.length > 0
          ? `The source admits ${study.limitationsStated.length} limitation${study.limitationsStated.length === 1 ? "" : "s"} (${[...new Set(study.limitationsStated.map((l) => l.category))].join(", ")}).`
          : "The source admits no limitation.",
        `${study.claims.length} claims are recorded; ${study.claims.filter((c) => !c.testReported).length} have no statistical test reported behind them${untested.length > 0 ? `, among them ${untested.length} claims of significance, efficacy, comparison or improvement in all` : ""}.`,
      ],
      table: {
        columns: [
          { key: "kind", label: "kind" },
          { key: "id", label: "id" },
          { key: "category", label: "category" },
          { key: "test", label: "test reported" },
          { key: "quote", label: "source quote" },
        ],
        rows: [
          ...study.limitationsStated.map((l) => ({ kind: "stated limitation", id: l.id, category: l.category, test: "", quote: l.source.quote })),
          ...study.claims.map((c) => ({ kind: "claim", id: c.id, category: c.type, test: c.testReported ? "yes" : "no", quote: c.source.quote })),
        ],
      },
    };
  },
});
