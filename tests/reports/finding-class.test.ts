import { describe, expect, it } from "vitest";
import { checkStudy } from "../../src/checks/check-study.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { loadStudy } from "../../src/io/load-study.js";
import { checksSummary, findingClass } from "../../src/report/finding-class.js";
import { root } from "../helpers/fixtures.js";

/*
 * Each example study's inconsistent results, classified by what the study file shows, not by the wording of
 * the results: which values print no denominator, which statistics carry df derived from the design, which
 * instruments score the items answered, which groups nobody assigned.
 */
const registry = loadInstruments();
const classes = (id: string) => {
  const study = loadStudy(`${root}data/studies/${id}.json`, registry);
  const results = checkStudy(study, registry).filter((result) => result.status === "inconsistent");
  return { study, results, classes: results.map((result) => `${result.check} ${(result.subject ?? []).join(",")}: ${findingClass(result, study)}`) };
};

describe("findingClass", () => {
  it("separates the yoga pilot's one contradiction from questions about complete answers and derived df", () => {
    const { classes: found } = classes("yoga-videoconference-young-adults-cancer");
    // sit-to-stand is a variable with whole-number counts and a labelled SD: GRIMMER's parity failure rests on nothing unstated.
    expect(found.filter((entry) => entry.endsWith(": contradiction"))).toEqual(["grimmer sit-to-stand-week-16: contradiction"]);
    // RAND-36 (minimumItemsAnswered < items in data/instruments/rand36-*.json): 5 means fail GRIM and GRIMMER, one SD
    // fails GRIMMER only (energy/fatigue week 16): 5 × 2 + 1 = 11 results, every one a question.
    expect(found.filter((entry) => entry.endsWith(": complete-answers"))).toHaveLength(11);
    expect(found.filter((entry) => entry.endsWith(": complete-answers")).every((entry) => / rand36-/.test(entry))).toBe(true);
    // The F tests print no df; the four whose p misfits carry dfDerived in the file.
    expect(found.filter((entry) => entry.endsWith(": derived-df"))).toEqual([
      "statistic-p balance-left-f: derived-df",
      "statistic-p shoulder-right-f: derived-df",
      "statistic-p shoulder-left-f: derived-df",
      "statistic-p rand36-physical-functioning-f: derived-df",
    ]);
  });

  it("words the mask trial's misfits as resting on a denominator the source does not print", () => {
    // symptoms-mask and symptoms-no-mask print a count and a percent, no denominator.
    const { classes: found } = classes("face-masks-rct-norway");
    expect(found).toHaveLength(5);
    expect(found.every((entry) => entry.endsWith(": assumed-denominator"))).toBe(true);
  });

  it("does not call the ICU cohort's outcome groups short of the total a contradiction", () => {
    const { study, results, classes: found } = classes("covid-icu-cohort-sao-paulo");
    expect(found).toEqual([
      "flow-arms-sum sample-size,arm:non-survivors,arm:survivors: groups-short",
      "percent died-in-hospital: assumed-denominator",
      "percent discharged-alive: assumed-denominator",
    ]);
    const summary = checksSummary(checkStudy(study, registry), study);
    expect(summary).toMatch(/^No check of 10 finds reported numbers that cannot all be true together/);
    expect(summary).toContain("2 checks find numbers that do not fit if each share is of its whole group");
    expect(summary).toContain("1 check finds that the groups nobody assigned hold fewer people than the study");
    expect(results).toHaveLength(3);
  });

  it("counts study B's percent-change chain, which rests only on the stated rounding, as a contradiction", () => {
    const { classes: found } = classes("kap-pilot-two-approaches");
    expect(found).toEqual(["percent-change-chain psycholytic-severity-overall,psycholytic-severity-s1-s3,psycholytic-severity-s3-s6: contradiction"]);
  });
});
