import { bandInterval, bandShift } from "../src/checks/band-shift.js";
import { bandShiftChart, type BandShiftPanel } from "../src/charts/band-shift-chart.js";
import { defineAnalysis, skip } from "../src/report/analysis.js";
import { reportedOfKind } from "../src/report/study-lookup.js";

const id = "band-shifts";

/** A convention's label up to its first colon, at most 42 characters (the full label is in the table). */
const shortLabel = (label: string): string => {
  const head = label.split(":")[0]!.trim();
  return head.length <= 42 ? head : `${head.slice(0, 41)}…`;
};
const title = "Band shifts, under every band convention";

/** Each reported band shift drawn on the instrument's bands, one row per published convention, with the mean interval and change it implies. */
export default defineAnalysis({
  id,
  title,
  section: "reconstructed",
  run({ study, instruments }) {
    const shifts = reportedOfKind(study, "band-shift").filter((s) => (instruments.get(s.instrument)?.bandConventions.length ?? 0) > 0);
    if (shifts.length === 0) return skip(id, title, "the study reports no band shifts on an instrument with band conventions");
    const rows: Array<Record<string, string>> = [];
    const panels: BandShiftPanel[] = shifts.map((shift) => {
      const instrument = instruments.get(shift.instrument)!;
      const results = bandShift({ from: shift.from, to: shift.to, conventions: instrument.bandConventions, statistic: shift.statistic });
      instrument.bandConventions.forEach((convention, index) => {
        const result = results[index]!;
        rows.push({ instrument: instrument.abbreviation, shift: `${shift.from?.label ?? "(not reported)"} → ${shift.to.label}`, convention: convention.label, status: result.status, finding: result.explanation, quote: shift.source.quote });
      });
      const unmapped = [shift.from, shift.to].filter((end) => end !== undefined && end.band === undefined).map((end) => `"${end!.label}"`);
      return {
        title: `${instrument.abbreviation}: ${shift.from ? `${shift.from.label} → ` : "to "}${shift.to.label}`,
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
        "The source reports changes as moves between severity bands, not as numbers. A band on whole-number totals is read as an interval for the group mean: [band minimum, next band's minimum), the top band closed. Which summary the bands describe (mean, median, most patients) is not stated; the group mean is assumed.",
        "Where an instrument has several published band conventions (pain NRS cut points differ between sources; SDS cut-offs differ by substance), the shift is read under each, and the intervals it implies differ.",
      ],
      table: {
        columns: [
          { key: "instrument", label: "instrument" },
          { key: "shift", label: "reported shift" },
          { key: "convention", label: "band convention" },
          { key: "status", label: "verdict" },
          { key: "finding", label: "what it implies for the group mean" },
          { key: "quote", label: "source quote" },
        ],
        rows,
      },
      figure: { spec: bandShiftChart(panels, title), alt: `Band charts for ${panels.length} reported band shifts, with the intervals the reported bands imply before and after treatment.` },
    };
  },
});
