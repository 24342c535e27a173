import { describe, expect, it } from "vitest";
import { checkStudy } from "../../src/checks/check-study.js";
import { loadInstruments } from "../../src/io/load-instruments.js";
import { loadStudy } from "../../src/io/load-study.js";

const registry = loadInstruments();

describe("checkStudy", () => {
  it("gives every reported value of both seed studies at least one result", () => {
    for (const f of ["ketamine-im-substance-misuse", "kap-pilot-two-approaches"]) {
      const study = loadStudy(`data/studies/${f}.json`, registry);
      const results = checkStudy(study, registry);
      const subjects = new Set(results.flatMap((r) => r.subject ?? []));
      for (const v of study.reported) expect(subjects.has(v.id), `${f}: ${v.id}`).toBe(true);
    }
  });
  it("study A: compositions consistent (hand: 11+9 = 20, 9+5+4+2 = 20), SDS shift undetermined", () => {
    const study = loadStudy("data/studies/ketamine-im-substance-misuse.json", registry);
    const results = checkStudy(study, registry);
    expect(results.filter((r) => r.check === "composition").map((r) => r.status)).toEqual(["consistent", "consistent"]);
    expect(results.filter((r) => r.subject?.includes("sds-shift")).every((r) => r.status === "undetermined")).toBe(true);
  });
  it("study B: the psycholytic changes are checked jointly as one chain", () => {
    const study = loadStudy("data/studies/kap-pilot-two-approaches.json", registry);
    const chain = checkStudy(study, registry).find((r) => r.subject?.includes("psycholytic-severity-s1-s3"))!;
    expect(chain.subject).toEqual(["psycholytic-severity-overall", "psycholytic-severity-s1-s3", "psycholytic-severity-s3-s6"]);
    expect(chain.status).toBe("inconsistent");
  });
});
