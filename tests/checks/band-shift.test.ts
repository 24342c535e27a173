import { describe, expect, it } from "vitest";
import { bandShift } from "../../src/checks/band-shift.js";
import * as msg from "../../src/messages/checks.js";

// PHQ-9 bands, METHODS §10 (Kroenke et al. 2001): 0–4, 5–9, 10–14, 15–19, 20–27.
const phq9 = {
  id: "kroenke-2001",
  label: "Kroenke 2001",
  bands: [
    { id: "minimal", label: "minimal", min: 0, max: 4 },
    { id: "mild", label: "mild", min: 5, max: 9 },
    { id: "moderate", label: "moderate", min: 10, max: 14 },
    { id: "moderately-severe", label: "moderately severe", min: 15, max: 19 },
    { id: "severe", label: "severe", min: 20, max: 27 },
  ],
};

describe("bandShift", () => {
  it("turns moderately severe → mild into a decrease of more than 5 and less than 15 points (hand: [15,20) → [5,10))", () => {
    const [r] = bandShift({ from: { label: "moderately severe", band: "moderately-severe" }, to: { label: "mild", band: "mild" }, conventions: [phq9] });
    expect(r!.status).toBe("consistent");
    expect((r!.details as { change: unknown }).change).toEqual({ lower: -15, upper: -5, lowerInclusive: false, upperInclusive: false });
    expect((r!.details as { minimumChange: number }).minimumChange).toBe(5);
  });
  it("gives one result per convention, using each convention's own cut points", () => {
    const nrsA = { id: "a", label: "1-3/4-6/7-10", bands: [{ id: "mild", label: "mild", min: 1, max: 3 }, { id: "moderate", label: "moderate", min: 4, max: 6 }, { id: "severe", label: "severe", min: 7, max: 10 }] };
    const nrsB = { id: "b", label: "<=5/6-7/>=8", bands: [{ id: "mild", label: "mild", min: 0, max: 5 }, { id: "moderate", label: "moderate", min: 6, max: 7 }, { id: "severe", label: "severe", min: 8, max: 10 }] };
    const rs = bandShift({ from: { label: "severe", band: "severe" }, to: { label: "moderate", band: "moderate" }, conventions: [nrsA, nrsB] });
    // Hand: A: [7,10] → [4,7): change in (−6, 0); B: [8,10] → [6,8): change in (−4, 0).
    expect(rs.map((r) => (r.details as { maximumChange: number }).maximumChange)).toEqual([6, 4]);
  });
  it("is undetermined when the later band is not defined (SDS 'satisfactory')", () => {
    const sds = { id: "opiates", label: "opiates ≥5", bands: [{ id: "below-cutoff", label: "below", min: 0, max: 4 }, { id: "dependence", label: "dependence", min: 5, max: 15 }] };
    const [r] = bandShift({ to: { label: "satisfactory levels" }, conventions: [sds] });
    expect(r!.status).toBe("undetermined");
    expect(r!.explanation).toContain("satisfactory levels");
  });
  it("throws without conventions", () => {
    expect(() => bandShift({ to: { label: "mild", band: "mild" }, conventions: [] })).toThrow(msg.noConventions());
  });
});

describe("bandShift (band bounds)", () => {
  it("rejects a NaN or infinite band bound, naming the band (regression: NaN/Infinity in details)", () => {
    const withBound = (min: number, max: number) => ({ id: "c", label: "c", bands: [{ id: "mild", label: "mild", min: 0, max: 4 }, { id: "severe", label: "severe", min, max }] });
    expect(() => bandShift({ from: { label: "mild", band: "mild" }, to: { label: "severe", band: "severe" }, conventions: [withBound(5, Infinity)] })).toThrow(msg.bandBoundNotFinite("severe", "max", Infinity));
    expect(() => bandShift({ from: { label: "mild", band: "mild" }, to: { label: "severe", band: "severe" }, conventions: [withBound(NaN, 9)] })).toThrow(msg.bandBoundNotFinite("severe", "min", NaN));
    expect(() => bandShift({ from: { label: "mild", band: "mild" }, to: { label: "severe", band: "severe" }, conventions: [withBound(-Infinity, 9)] })).toThrow(msg.bandBoundNotFinite("severe", "min", -Infinity));
  });
});
