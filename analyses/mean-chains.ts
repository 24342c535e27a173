import { meanChainChart, type MeanChainPanel } from "../src/charts/mean-chain-chart.js";
import { defineAnalysis, skip } from "../src/report/analysis.js";
import { feasibleMeanChains } from "../src/report/feasible-mean-chains.js";
import { groupLabel, groupSize, reportedOfKind } from "../src/report/study-lookup.js";

const id = "mean-chains";
const title = "Group means over time, rebuilt from the reported percent changes";

/** Per instrument: every chain of group means consistent with each group's reported percent changes, drawn as thin lines, with the reported percentages annotated. */
export default defineAnalysis({
  id,
  title,
  section: "reconstructed",
  run({ study, instruments }) {
    const changes = reportedOfKind(study, "percent-change").filter((c) => instruments.has(c.instrument));
    if (changes.length === 0) return skip(id, title, "the study reports no percent changes of group means");
    const timepoints = [...study.design.timepoints].sort((a, b) => a.order - b.order);
    const instrumentIds = [...new Set(changes.map((c) => c.instrument))];
    return instrumentIds.map((instrumentId) => {
      const instrument = instruments.get(instrumentId)!;
      const groups = [...new Set(changes.filter((c) => c.instrument === instrumentId).map((c) => c.group))];
      const rows: Array<Record<string, string>> = [];
      const panels: MeanChainPanel[] = groups.map((group) => {
        const list = changes.filter((c) => c.instrument === instrumentId && c.group === group);
        const n = groupSize(study, group);
        const found = feasibleMeanChains(list, instrument, n, timepoints.map((t) => t.id));
        const basis = found.alternative ? `only under the alternative "${found.alternative.label}"` : "under the usual computation, 100 × (later − earlier) / earlier";
        found.chains.forEach((chain, index) => {
          rows.push({ group: groupLabel(study, group), chain: String(index + 1), computation: found.alternative?.id ?? "percent-of-earlier", ...Object.fromEntries(timepoints.map((t) => [t.id, chain[t.id] === undefined ? "" : chain[t.id]!.toFixed(3)])) });
        });
        return {
          title: `${groupLabel(study, group)} (n = ${n})`,
          subtitle:
            found.chains.length === 0
              ? "no chain of group means fits the reported changes under any computation tried"
              : `${found.chains.length}${found.partial ? "+ (listed)" : ""} feasible chain${found.chains.length === 1 ? "" : "s"} ${found.alternative ? `(usual computation: none; shown: ${found.alternative.id})` : "(usual computation)"}`,
          chains: found.chains,
          annotations: list.map((c) => ({ from: c.from, to: c.to, label: `${c.direction === "decrease" ? "−" : "+"}${c.percent}%` })),
          basis,
        } as MeanChainPanel & { basis: string };
      });
      const artefactId = `${id}-${instrumentId}`;
      const panelNotes = panels as Array<MeanChainPanel & { basis: string }>;
      const chartTitle = `${instrument.abbreviation}: group means over time, rebuilt`;
      return {
        id: artefactId,
        title: `${instrument.abbreviation}: group means rebuilt from the reported percent changes`,
        section: "reconstructed" as const,
        reconstruction: true,
        paragraphs: [
          `The source reports percent changes of the group mean ${instrument.abbreviation} (${instrument.construct}) but no means. A group mean of n people answering ${instrument.items} item${instrument.items === 1 ? "" : "s"} scored ${instrument.itemMin}–${instrument.itemMax} (${instrument.scoring} scoring) can only take certain values; the chart shows every chain of such means whose percent changes round to the reported ones — each line is one possibility, none is the data.`,
          ...panelNotes.map((p) => `${p.title}: ${p.subtitle}; computed ${p.basis}.`),
        ],
        summary: `${instrument.abbreviation}: ${panelNotes.map((p) => `${p.title} — ${p.chains.length === 0 ? "no chain of group means fits" : `${p.chains.length} feasible chain${p.chains.length === 1 ? "" : "s"} of group means ${p.basis}`}`).join("; ")}.`,
        table: {
          columns: [
            { key: "group", label: "group" },
            { key: "chain", label: "chain", align: "right" as const },
            { key: "computation", label: "computation" },
            ...timepoints.map((t) => ({ key: t.id, label: `mean ${t.label}`, align: "right" as const })),
          ],
          rows,
        },
        figure: {
          spec: meanChainChart(panels, timepoints.map((t) => ({ id: t.id, label: t.label.replace(/^After session /i, "S").replace(/^After /i, ""), position: t.order })), { min: instrument.min, max: instrument.max, title: `group mean ${instrument.abbreviation}` }, chartTitle),
          alt: `Feasible chains of group means of ${instrument.abbreviation} over ${timepoints.length} timepoints for ${panels.length} group(s), with the reported percent changes annotated. Reconstruction — not patient data.`,
        },
      };
    });
  },
});
