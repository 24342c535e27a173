import type { ChartLayout } from "../src/charts/chart-layout.js";
import { groupMeansChart, type GroupMeansSeries } from "../src/charts/group-means-chart.js";
import type { MeanChainPanel } from "../src/charts/mean-chain-chart.js";
import { chainPins } from "../src/checks/chain-pins.js";
import { defineAnalysis, skip } from "../src/report/analysis.js";
import { feasibleMeanChains } from "../src/report/feasible-mean-chains.js";
import { groupLabel, groupSize, reportedOfKind, shortGroupLabel, timepointLabel } from "../src/report/study-lookup.js";

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
    // The group means of an instrument the chains are not pinned to (those of other groups), or that there are none.
    const meansSentence = (instrumentId: string, abbreviation: string, chainGroups: readonly string[]): string => {
      const means = reportedOfKind(study, "mean").filter((m) => m.instrument === instrumentId);
      if (means.length === 0) return `It reports no group mean of ${abbreviation}. `;
      const unpinned = means.filter((m) => !chainGroups.includes(m.group) || m.timepoint === undefined);
      if (unpinned.length === 0) return "";
      const where = unpinned.map((m) => `${groupLabel(study, m.group)} ${m.timepoint !== undefined ? `at ${timepointLabel(study, m.timepoint)} ` : ""}${m.mean}`);
      return `It also reports ${unpinned.length === 1 ? "a group mean" : "group means"} of ${abbreviation} that no chain here is pinned to (${where.join("; ")}). `;
    };
    return instrumentIds.map((instrumentId) => {
      const instrument = instruments.get(instrumentId)!;
      const groups = [...new Set(changes.filter((c) => c.instrument === instrumentId).map((c) => c.group))];
      const rows: Array<Record<string, string>> = [];
      const pinnedBy: string[] = [];
      const series: GroupMeansSeries[] = [];
      const panels: MeanChainPanel[] = groups.map((group) => {
        const list = changes.filter((c) => c.instrument === instrumentId && c.group === group);
        const n = groupSize(study, group);
        const pins = chainPins(study, list[0]!);
        pinnedBy.push(...pins.map((p) => `${groupLabel(study, group)} ${p.mean} at ${timepoints.find((t) => t.id === p.timepoint)?.label ?? p.timepoint}`));
        const found = feasibleMeanChains(list, instrument, n, timepoints.map((t) => t.id), pins);
        const others = (found.explanations ?? []).filter((e) => e !== found.explanation).map((e) => e.sentence);
        const basis = found.explanation
          ? `only under the one reading the localiser finds that makes every figure fit: ${found.explanation.sentence} (as a usual percent change it would be ${found.explanation.readings.map((r) => r.corrected ?? r.printed).join(", ")}) — a reading the source does not state`
          : found.alternative
            ? `only under the alternative "${found.alternative.label}"${others.length > 0 ? `; single-figure readings that also fit: ${others.join("; ")}` : ""}`
            : "under the usual computation, 100 × (later − earlier) / earlier";
        const readingOf = (figure: string) => found.explanation?.readings.find((r) => r.figure === figure);
        series.push({
          name: shortGroupLabel(study, group),
          label: `${shortGroupLabel(study, group)} (n = ${n}): ${found.chains.length === 0 ? "no chain fits" : `${found.chains.length}${found.partial ? "+" : ""} chain${found.chains.length === 1 && !found.partial ? "" : "s"}`}${found.alternative ? ` (${found.alternative.label})` : ""}`,
          chains: found.chains,
          annotations: list.map((c) => {
            const read = readingOf(c.id);
            return {
              from: c.from,
              to: c.to,
              label: `${c.direction === "decrease" ? "−" : "+"}${c.percent}%`,
              ...(read ? { note: `read as it ${read.label}${read.corrected ? ` (as a usual percent change: ${read.corrected})` : ""}, the one reading that makes every figure fit; the source does not say so` } : {}),
            };
          }),
        });
        found.chains.forEach((chain, index) => {
          rows.push({ group: groupLabel(study, group), chain: String(index + 1), computation: found.explanation ? found.explanation.readings.map((r) => `${r.figure}: ${r.slip}`).join("; ") : (found.alternative?.id ?? "percent-of-earlier"), ...Object.fromEntries(timepoints.map((t) => [t.id, chain[t.id] === undefined ? "" : chain[t.id]!.toFixed(3)])) });
        });
        return {
          title: `${groupLabel(study, group)} (n = ${n})`,
          subtitle:
            found.chains.length === 0
              ? "no chain of group means fits the reported changes under any computation tried"
              : `${found.chains.length}${found.partial ? "+ (listed)" : ""} feasible chain${found.chains.length === 1 ? "" : "s"} ${found.explanation ? `(usual computation: none; shown: ${found.explanation.sentence})` : found.alternative ? `(usual computation: none; shown: ${found.alternative.id})` : "(usual computation)"}`,
          chains: found.chains,
          annotations: list.map((c) => {
            const read = found.explanation?.readings.find((r) => r.figure === c.id);
            return { from: c.from, to: c.to, label: `${c.direction === "decrease" ? "−" : "+"}${c.percent}%${read ? ` (read: ${read.label})` : ""}` };
          }),
          basis,
        } as MeanChainPanel & { basis: string };
      });
      const artefactId = `${id}-${instrumentId}`;
      const panelNotes = panels as Array<MeanChainPanel & { basis: string }>;
      const chartTitle = `${instrument.abbreviation}: group means over time, rebuilt`;
      // Groups of the study with no reported change on this instrument: named, not drawn.
      const undrawn = study.design.arms.filter((arm) => !groups.includes(arm.id)).map((arm) => `${shortGroupLabel(study, arm.id)}: no percent change of ${instrument.abbreviation} reported, so no line.`);
      const draw = (layout: ChartLayout) =>
        groupMeansChart(
          series,
          timepoints.map((t) => ({ id: t.id, label: t.label.replace(/^After session /i, "S").replace(/^After /i, ""), position: t.order })),
          { min: instrument.min, max: instrument.max, title: `group mean ${instrument.abbreviation}` },
          chartTitle,
          [
            "Reconstruction — not patient data.",
            "Each line is one chain of group means whose percent changes round to the reported ones; every chain counts once and none is more likely than another, so where lines crowd, more chains fit, not more people.",
            ...undrawn,
          ],
          layout,
        );
      return {
        id: artefactId,
        title: `${instrument.abbreviation}: group means rebuilt from the reported percent changes`,
        section: "reconstructed" as const,
        reconstruction: true,
        paragraphs: [
          `The source reports percent changes of the group mean ${instrument.abbreviation} (${instrument.construct})${pinnedBy.length > 0 ? ` and group means that pin them (${pinnedBy.join("; ")})` : ""}. ${meansSentence(instrumentId, instrument.abbreviation, groups)}A group mean of n people answering ${instrument.items} item${instrument.items === 1 ? "" : "s"} scored ${instrument.itemMin}–${instrument.itemMax} (${instrument.scoring} scoring) can only take certain values; the chart shows every chain of such means whose percent changes round to the reported ones — each line is one possibility, none is the data.`,
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
          spec: draw("wide"),
          narrowSpec: draw("narrow"),
          alt: `Feasible chains of group means of ${instrument.abbreviation} over ${timepoints.length} timepoints, ${series.map((s) => s.label).join("; ")}, all on one axis, with the reported percent changes as brackets; a dashed line passes over a timepoint no reported number constrains. Reconstruction — not patient data.`,
        },
      };
    });
  },
});
