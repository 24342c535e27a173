import { checkStudy } from "../src/checks/check-study.js";
import { defineAnalysis, skip } from "../src/report/analysis.js";
import { describeAssumptions } from "../src/report/describe-check.js";
import { describeReported } from "../src/report/describe-reported.js";

const id = "checks";
const title = "Every reported number, checked";

/** The verdict of every applicable check on every reported number (`cohort check`), with its assumptions. */
export default defineAnalysis({
  id,
  title,
  section: "checked",
  run({ study, instruments }) {
    const results = checkStudy(study, instruments);
    if (results.length === 0) return skip(id, title, "no check applies to any value the study reports");
    const inconsistent = results.filter((r) => r.status === "inconsistent");
    const count = (status: string) => results.filter((r) => r.status === status).length;
    return {
      id,
      title,
      section: "checked",
      paragraphs: [
        `${results.length} checks ran on the reported numbers: ${count("consistent")} consistent, ${count("inconsistent")} inconsistent, ${count("undetermined")} undetermined (the check cannot decide from what is reported). Every verdict holds under the assumptions listed with it; rounding is "up_or_down" (a reported value may have been rounded either way at .5) unless stated.`,
        inconsistent.length > 0
          ? `Not adding up: ${inconsistent.map((r) => `${(r.subject ?? [r.check]).join(" + ")} (${r.explanation})`).join("; ")}.`
          : "No reported number is inconsistent with the others under these assumptions.",
      ],
      summary:
        inconsistent.length > 0
          ? `${inconsistent.length} of ${results.length} checks ${inconsistent.length === 1 ? "finds" : "find"} reported numbers that cannot all be true together (${inconsistent.map((r) => (r.subject ?? [r.check]).join(" + ")).join("; ")}).`
          : `All ${results.length} checks find the reported numbers consistent or undecidable; none contradicts another.`,
      table: {
        columns: [
          { key: "subject", label: "reported value(s)" },
          { key: "check", label: "check" },
          { key: "status", label: "verdict" },
          { key: "explanation", label: "why" },
          { key: "assumptions", label: "assumptions" },
          { key: "reference", label: "method reference" },
        ],
        rows: results.map((r) => ({
          subject: (r.subject ?? []).join(", "),
          check: r.check,
          status: r.status,
          explanation: r.explanation,
          assumptions: describeAssumptions(r),
          reference: r.reference.citation + (r.reference.doi ? ` doi:${r.reference.doi}` : ""),
        })),
      },
      exercises: [
        {
          question: `Which number in "${study.title}" does not add up?`,
          answer:
            inconsistent.length > 0
              ? inconsistent
                  .map((r) => {
                    const values = (r.subject ?? []).map((subject) => study.reported.find((v) => v.id === subject)).filter((v) => v !== undefined);
                    return `${values.length > 0 ? values.map((v) => describeReported(v, study, instruments)).join("; ") : r.check} — these cannot all hold together (${r.check}): ${r.explanation}`;
                  })
                  .join(" | ")
              : `None: all ${results.length} checks find the reported numbers consistent (or cannot decide) under their stated assumptions.`,
          method: `checkStudy(study, instruments) from src/checks (the checks that ran: ${[...new Set(results.map((r) => r.check))].join(", ")})`,
        },
      ],
    };
  },
});
