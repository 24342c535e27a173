import { checkStudy } from "../src/checks/check-study.js";
import type { ChainAlternative } from "../src/checks/percent-change-chain.js";
import { localisationSummary, type ResultLocalisation } from "../src/localise/explain-results.js";
import { defineAnalysis, skip } from "../src/report/analysis.js";
import { describeRange } from "../src/report/describe-check.js";

const id = "percent-change-alternatives";
const title = "Percent changes: the usual computation and the alternatives";

interface ChainDetails {
  feasibleTuples: number;
  meansByTimepoint: Record<string, number[]>;
  alternatives: ChainAlternative[];
  localisation?: ResultLocalisation;
}

/** Each chain of reported percent changes under the usual computation and every alternative the checks try. */
export default defineAnalysis({
  id,
  title,
  section: "checked",
  run({ study, instruments }) {
    const chains = checkStudy(study, instruments).filter((r) => r.check === "percent-change-chain");
    if (chains.length === 0) return skip(id, title, "the study reports no percent changes");
    const timepoints = [...study.design.timepoints].sort((a, b) => a.order - b.order);
    const meansText = (means: Record<string, number[]> | undefined) => {
      const known = timepoints.filter((t) => (means?.[t.id]?.length ?? 0) > 0);
      return known.map((t) => `${t.label}: ${describeRange(means![t.id]!, 3)}`).join("; ");
    };
    const rows = chains.flatMap((chain) => {
      const details = chain.details as ChainDetails;
      const subject = (chain.subject ?? []).join(", ");
      return [
        { subject, computation: String(chain.assumptions.computation), status: chain.status, tuples: String(details.feasibleTuples), means: meansText(details.meansByTimepoint) || "none", explanation: chain.explanation },
        ...details.alternatives.map((a) => ({
          subject,
          computation: a.label,
          status: a.status,
          tuples: a.feasibleTuples === undefined ? "not tested" : String(a.feasibleTuples),
          means: meansText(a.meansByTimepoint) || "none",
          explanation: a.explanation,
        })),
        ...localisedRows(subject, details.localisation),
      ];
    });
    const failing = chains.filter((c) => c.status === "inconsistent");
    return {
      id,
      title,
      section: "checked",
      paragraphs: [
        "Each group's reported percent changes on one instrument are checked together: a change of the group mean between two timepoints is 100 × (later − earlier) / earlier, and every group mean must be possible for n people answering the instrument's items. Where the changes cannot all hold, the usual alternative computations are tried on every change at once (relative to the later value, percentage points of the scale, a smaller n at one timepoint, means off the item grid), and then the localiser reads one figure at a time another way (then pairs of figures), keeping the smallest sets that make every figure fit (docs/localiser.md). Each reading is a separate hypothesis; a fit shows what the authors may have computed, not what they did.",
        failing.length > 0
          ? `Does not add up under the usual computation: ${failing.map((c) => `${(c.subject ?? []).join(" + ")} — ${c.explanation}`).join("; ")}.`
          : "Every chain of reported changes is possible under the usual computation.",
        ...failing.map((c) => {
          const found = (c.details as ChainDetails).localisation;
          return `Localised, ${(c.subject ?? []).join(" + ")}: ${found ? localisationSummary(found) : "not localised"}.`;
        }),
      ],
      table: {
        columns: [
          { key: "subject", label: "reported changes" },
          { key: "computation", label: "computation" },
          { key: "status", label: "verdict" },
          { key: "tuples", label: "feasible mean tuples", align: "right" },
          { key: "means", label: "group means they allow" },
          { key: "explanation", label: "why" },
        ],
        rows,
      },
    };
  },
});

/** One row per smallest explanation the localiser found for a chain, in its ranked order. */
function localisedRows(subject: string, found: ResultLocalisation | undefined) {
  if (!found || found.status !== "explained") return [];
  return found.explanations.map((e) => {
    const d = e.outcome.details as { feasibleTuples: number; meansByTimepoint: Record<string, number[]> };
    return {
      subject,
      computation: `localised (${e.size} figure${e.size === 1 ? "" : "s"}): ${e.sentence}`,
      status: e.outcome.status,
      tuples: String(d.feasibleTuples),
      means: e.outcome.implies.join("; "),
      explanation: `as the paper should have printed it: ${e.readings.map((r) => `${r.printed} → ${r.corrected ?? r.printed}`).join(", ")}`,
    };
  });
}
