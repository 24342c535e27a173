import { bandInterval, bandShift } from "../src/checks/band-shift.js";
import { bandShiftChart, type BandShiftPanel } from "../src/charts/band-shift-chart.js";
import { defineAnalysis, skip } from "../src/report/analysis.js";
import { groupLabel, reportedOfKind, shortGroupLabel } from "../src/report/study-lookup.js";

const id = "band-shifts";

/** A convention's label up to its first colon (the chart wraps it; the full label is in the table). */
const shortLabel = (label: string): string => label.split(":")[0]!.trim();
const title = "Band shifts, under every band convention";

/** Each reported band shift drawn on the instrument's bands, one row per published convention, with the mean interval and change it implies. */
export default defineAnalysis({
  id,
  title,
  section: "reconstructed",
  run({ study, instruments }) {
    const shifts = reportedOfKind(study, "band-shift").filter((s) => (instruments.get(s.instrument)?.bandConventions.length ?? 0) > 0);
    if (shifts.length === 0) return skip(id, title, "the study reports no band shifts on an instrument with band conventions");
    const shiftedIds = [...new Set(shifts.map((s) => s.instrument))];
    const shiftedNames = shiftedIds.map((i) => instruments.get(i)!.abbreviation);
    // What else the source reports on the banded instruments, and what it says the bands describe.
    const numeric = study.reported.filter((v) => (v.kind === "mean" || v.kind === "median" || v.kind === "mean-change" || v.kind === "percent-change") && shiftedIds.includes(v.instrument ?? ""));
    const numericSentence =
      numeric.length === 0
        ? ` It reports no mean, median or change on ${shiftedNames.join(" or ")}: the bands are the only numbers behind these shifts.`
        : ` It also reports ${[...new Set(numeric.map((v) => v.kind.replace(/-/g, " ")))].join(", ")} values on ${[...new Set(numeric.map((v) => instruments.get((v as { instrument: string }).instrument)?.abbreviation ?? ""))].join(", ")}; the bands are read here on their own.`;
    const statistics = [...new Set(shifts.map((s) => s.statistic))];
    const statisticSentence =
      statistics.length === 1 && statistics[0] === "not-stated"
        ? "Which summary the bands describe (mean, median, most participants) is not stated; the group mean is assumed."
        : `The source says the bands describe the group ${statistics.filter((s) => s !== "not-stated").join(" or ")}${statistics.includes("not-stated") ? " for some shifts and does not say for others, where the group mean is assumed" : ""}; they are read as intervals for the group mean.`;
    const several = shiftedIds.map((i) => instruments.get(i)!).filter((i) => i.bandConventions.length > 1);
    const conventionsSentence =
      several.length > 0
        ? `${several.map((i) => `${i.abbreviation} has ${i.bandConventions.length} published band conventions`).join("; ")}: each shift is read under each, and the intervals it implies differ.`
        : `${shiftedNames.length === 1 ? `${shiftedNames[0]} has` : `${shiftedNames.join(" and ")} each have`} one published band convention; each shift is read under it.`;
    const byGroup = new Set(shifts.map((s) => s.group)).size > 1;
    const rows: Array<Record<string, string>> = [];
    const panels: BandShiftPanel[] = shifts.map((shift) => {
      const instrument = instruments.get(shift.instrument)!;
      const results = bandShift({ from: shift.from, to: shift.to, conventions: instrument.bandConventions, statistic: shift.statistic });
      instrument.bandConventions.forEach((convention, index) => {
        const result = results[index]!;
        rows.push({ group: groupLabel(study, shift.group), instrument: instrument.abbreviation, shift: `${shift.from?.label ?? "(not reported)"} → ${shift.to.label}`, convention: convention.label, status: result.status, finding: result.explanation, quote: shift.source.quote });
      });
      const unmapped = [shift.from, shift.to].filter((end) => end !== undefined && end.band === undefined).map((end) => `"${end!.label}"`);
      return {
        title: `${instrument.abbreviation}${byGroup ? `, ${shortGroupLabel(study, shift.group)}` : ""}: ${shift.from ? `${shift.from.label} → ` : "to "}${shift.to.label}`,
        ...(unmapped.length > 0 ? { note: `${unmapped.join(" and ")} maps to no band of any convention: no interval can be drawn` } : shift.from ? {} : { note: "only the end band is reported" }),
        min: instrument.min,
        max: instrument.max,
        conventions: instrument.bandConventions.map((convention) => ({
          convention: shortLabel(convention.label),
          bands: convention.bands.map((band) => {
            const interval = bandInterval(convention.bands, band.id)!;
            return { label: band.label, start: interval.lower, end: interval.upper };
          }),
          markers: (["before", "after"] as const).flatMap((which) => {
            const end = which === "before" ? shift.from : shift.to;
            const interval = end?.band ? bandInterval(convention.bands, end.band) : null;
            return interval ? [{ which, label: end!.label, start: interval.lower, end: interval.upper }] : [];
          }),
        })),
      };
    });
    return {
      id,
      title,
      section: "reconstructed",
      reconstruction: true,
      paragraphs: [
        `The source reports moves between severity bands on ${shiftedNames.join(", ")}.${numericSentence} A band on whole-number totals is read as an interval for the group mean: [band minimum, next band's minimum), the top band closed. ${statisticSentence}`,
        conventionsSentence,
      ],
      table: {
        columns: [
          ...(byGroup ? [{ key: "group", label: "group" }] : []),
          { key: "instrument", label: "instrument" },
          { key: "shift", label: "reported shift" },
          { key: "convention", label: "band convention" },
          { key: "status", label: "verdict" },
          { key: "finding", label: "what it implies for the group mean" },
          { key: "quote", label: "source quote" },
        ],
        rows,
      },
      figure: { spec: bandShiftChart(panels, title), narrowSpec: bandShiftChart(panels, title, "narrow"), alt: `Band charts for ${panels.length} reported band shifts, with the intervals the reported bands imply at the earlier and the later timepoint.` },
    };
  },
});
