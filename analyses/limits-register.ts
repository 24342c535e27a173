import { limitsRegister } from "../src/appraisal/limits-register.js";
import { defineAnalysis, skip } from "../src/report/analysis.js";

const id = "limits-register";
const title = "Limits register: what the evidence cannot carry";

/** Every limit the study file shows, the ones the source admits kept apart from the ones it does not, with quotes, why it matters and its cost in numbers. */
export default defineAnalysis({
  id,
  title,
  section: "limits",
  run({ study, instruments }) {
    const register = limitsRegister(study, instruments);
    const flags = [...register.admitted, ...register.notAdmitted];
    if (flags.length === 0) return skip(id, title, "the limits register finds no limit in the study file");
    const quotes = (list: ReadonlyArray<{ source: { quote: string } }>) => list.map((e) => `"${e.source.quote}"`).join(" · ");
    return {
      id,
      title,
      section: "limits",
      paragraphs: [
        `The source admits ${register.admitted.length} of the ${flags.length} limits found${register.admitted.length > 0 ? ` (${register.admitted.map((f) => f.title).join("; ")})` : ""}; it does not admit ${register.notAdmitted.length}${register.notAdmitted.length > 0 ? ` (${register.notAdmitted.map((f) => f.title).join("; ")})` : ""}.`,
        "Each limit is generated from the study file: the quote that shows it (or what the file records as not reported), why it matters, and, where one exists, a number that makes it concrete.",
      ],
      summary: `${flags.length} limits found; the source admits ${register.admitted.length} and does not admit ${register.notAdmitted.length}.`,
      table: {
        columns: [
          { key: "admitted", label: "admitted by the source" },
          { key: "title", label: "limit" },
          { key: "evidence", label: "evidence" },
          { key: "why", label: "why it matters" },
          { key: "consequence", label: "in numbers" },
          { key: "admission", label: "the source's admission" },
        ],
        rows: flags.map((flag) => ({
          admitted: flag.admitted ? "yes" : "no",
          title: flag.title,
          evidence: [quotes(flag.evidence), ...flag.notes].filter((part) => part !== "").join(" · "),
          why: flag.why,
          consequence: flag.consequences.map((c) => c.statement).join(" · "),
          admission: quotes(flag.admission),
        })),
      },
      exercises: [
        {
          question: `Which limits of "${study.title}" does its source not admit?`,
          answer: register.notAdmitted.length > 0 ? register.notAdmitted.map((f) => f.title).join("; ") : "None: every limit found is admitted.",
          method: "limitsRegister(study, instruments) from src/appraisal (rules over the study file; admissions matched to the stated limitations)",
        },
      ],
    };
  },
});
