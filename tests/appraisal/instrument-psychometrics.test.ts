import { describe, expect, it } from "vitest";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { statesNumber } from "../../src/provenance/audit-sources.js";

const instruments = [...loadInstruments().values()];

/** A number as the quote may print it: "0.737", ".82", "3.5", "17.5%", "9-12". */
const states = (quote: string, value: number) => statesNumber(quote, String(value)) || quote.includes(String(value).replace(/^0\./, "."));

describe("instrument psychometrics", () => {
  it("gives every published SD, reliability and important change a reference whose quote states the number", () => {
    let figures = 0;
    for (const instrument of instruments) {
      const data = instrument.psychometrics;
      if (!data) continue;
      for (const sd of data.sd) {
        expect(states(sd.reference.quote, sd.value), `${instrument.id} SD ${sd.value}`).toBe(true);
        if (sd.mean !== undefined) expect(states(sd.reference.quote, sd.mean), `${instrument.id} mean ${sd.mean}`).toBe(true);
        figures += 1;
      }
      for (const reliability of data.reliability) {
        for (const value of [reliability.value, reliability.upper].filter((v): v is number => v !== undefined)) expect(states(reliability.reference.quote, value), `${instrument.id} r ${value}`).toBe(true);
        figures += 1;
      }
      for (const change of data.importantChange) {
        for (const value of [change.value, change.upper].filter((v): v is number => v !== undefined)) {
          // "approximately two points" states 2 in words; statesNumber reads small number words.
          expect(states(change.reference.quote, value), `${instrument.id} important change ${value}`).toBe(true);
        }
        expect(change.reference.doi ?? change.reference.url, `${instrument.id} reference locatable`).toBeDefined();
        figures += 1;
      }
    }
    // Counted from data/instruments by hand: SDs PHQ-9 1 + GAD-7 2; reliabilities PHQ-9 1 + PCL-5 2;
    // important changes PHQ-9 1, NRS 3, BPI severity 2, BPI interference 1, BDI-II 1, GAD-7 1, PCL-5 1: 3 + 3 + 10.
    expect(figures).toBe(16);
  });

  it("records the data item 1's sensitivity table and regression to the mean need for PHQ-9: an SD with its mean and a test–retest correlation", () => {
    const phq = instruments.find((instrument) => instrument.id === "phq-9")!.psychometrics!;
    expect(phq.sd[0]).toMatchObject({ value: 3.5, mean: 3.1 });
    expect(phq.reliability[0]).toMatchObject({ kind: "test-retest", value: 0.737, interval: "2 weeks" });
    expect(phq.importantChange[0]).toMatchObject({ value: 5, unit: "points", level: "individual" });
  });
});
