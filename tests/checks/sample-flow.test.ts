import { describe, expect, it } from "vitest";
import { sampleFlow, type FlowCount } from "../../src/checks/sample-flow.js";
import { checkStudy } from "../../src/checks/check-study.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { parseStudy } from "../../src/io/load-study.js";
import * as msg from "../../src/messages/flow.js";
import { twoArmTrial } from "../helpers/two-arm-trial.js";

const arms = [{ id: "a", size: 24 }, { id: "b", size: 24 }];
const count = (id: string, group: string, stage: FlowCount["stage"], value: number, timepoint?: string): FlowCount => ({ id, group, stage, count: value, ...(timepoint ? { timepoint } : {}) });

describe("sampleFlow", () => {
  it("finds nothing wrong in a CONSORT flow that narrows at every stage (112 → 48 → 24 + 24 → 22 + 22)", () => {
    const flow = [count("s", "all", "screened", 112), count("r", "all", "randomised", 48), count("ca", "a", "completed", 22, "w8"), count("cb", "b", "completed", 22, "w8"), count("c", "all", "completed", 44, "w8")];
    const results = sampleFlow({ arms, total: { value: 48, quoted: true }, flow });
    expect(results.map((r) => `${r.check}:${r.status}`)).toEqual(["flow-arms-sum:consistent", "flow-stage-order:consistent", "flow-stage-sum:consistent"]);
    // whole sample: screened ≥ randomised, randomised ≥ completed: 2 comparisons (arms a and b have one stage each, so none).
    expect(results[1]!.explanation).toBe(msg.stagesInOrder("all", 2));
  });

  it("flags more people randomised than screened, and more analysed than randomised in an arm", () => {
    const flow = [count("s", "all", "screened", 40), count("r", "all", "randomised", 48), count("ra", "a", "randomised", 24), count("an", "a", "analysed", 25)];
    const results = sampleFlow({ arms, total: { value: 48, quoted: true }, flow });
    const order = results.filter((r) => r.check === "flow-stage-order");
    expect(order.map((r) => r.status)).toEqual(["inconsistent", "inconsistent"]);
    expect(order[0]!.explanation).toBe(msg.stageExceeds("all", { stage: "randomised", count: 48 }, { stage: "screened", count: 40 }));
    expect(order[1]!.explanation).toBe(msg.stageExceeds("a", { stage: "analysed", count: 25 }, { stage: "randomised", count: 24 }));
  });

  it("flags arms whose sizes miss a stated total, and arm counts that do not add up to the whole sample's", () => {
    const results = sampleFlow({ arms: [{ id: "a", size: 24 }, { id: "b", size: 23 }], total: { value: 48, quoted: true }, flow: [count("c", "all", "completed", 44), count("ca", "a", "completed", 22), count("cb", "b", "completed", 21)] });
    expect(results.find((r) => r.check === "flow-arms-sum")!.explanation).toBe(msg.armsDoNotAddUp(47, 48));
    const sum = results.find((r) => r.check === "flow-stage-sum")!;
    expect(sum.status).toBe("inconsistent");
    expect(sum.explanation).toBe(msg.stageSum("completed", 43, 44, true, false));
  });

  it("lets the arms that report a stage fall short of the whole sample's count, but not exceed it", () => {
    const short = sampleFlow({ arms, total: { value: 48, quoted: false }, flow: [count("c", "all", "completed", 44), count("ca", "a", "completed", 22)] });
    expect(short.map((r) => r.status)).toEqual(["consistent"]);
    expect(short[0]!.assumptions).toEqual({ armsNotReported: ["b"] });
    const over = sampleFlow({ arms, total: { value: 48, quoted: false }, flow: [count("c", "all", "completed", 20), count("ca", "a", "completed", 22)] });
    expect(over.map((r) => r.status)).toEqual(["inconsistent"]);
  });

  it("compares nothing and says nothing when a study reports no flow and a derived total", () => {
    expect(sampleFlow({ arms, total: { value: 48, quoted: false }, flow: [] })).toEqual([]);
  });
});

describe("checkStudy on sample flow", () => {
  it("runs the flow checks on the two-arm trial fixture", () => {
    const instruments = loadInstruments();
    const results = checkStudy(parseStudy(twoArmTrial(), instruments), instruments).filter((r) => r.check.startsWith("flow-"));
    // The fixture's total is derived, so only the stage order (screened 112 ≥ randomised 48) and the completed sum (22 + 22 = 44, not reported for all) remain.
    expect(results.map((r) => `${r.check}:${r.status}`)).toEqual(["flow-stage-order:consistent"]);
  });
});
