import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RECONSTRUCTION_LABEL } from "../../src/schema/reconstruction.js";
import { root } from "../helpers/fixtures.js";

// Tables of rebuilt values, by artefact id (analyses/mean-chains.ts, analyses/patient-reconstructions.ts).
const RECONSTRUCTED = /^(mean-chains-.*|patient-reconstructions)\.csv$/;

describe("reconstruction tables", () => {
  it("label every row of every CSV of rebuilt values, since a CSV travels without its report", () => {
    const checked: string[] = [];
    for (const study of readdirSync(join(root, "reports"), { withFileTypes: true })) {
      if (!study.isDirectory()) continue;
      const tables = join(root, "reports", study.name, "tables");
      let names: string[] = [];
      try {
        names = readdirSync(tables).filter((name) => RECONSTRUCTED.test(name));
      } catch {
        continue;
      }
      for (const name of names) {
        const [header, ...rows] = readFileSync(join(tables, name), "utf8").trimEnd().split("\n");
        expect(header?.split(",")[0], `${study.name}/${name}`).toBe("label");
        expect(rows.length, `${study.name}/${name}`).toBeGreaterThan(0);
        for (const row of rows) expect(row.startsWith(`${RECONSTRUCTION_LABEL},`), `${study.name}/${name}: ${row}`).toBe(true);
        checked.push(`${study.name}/${name}`);
      }
    }
    // Both seed studies have patient reconstructions; study B also has its two mean-chain tables (other
    // studies may add theirs: each is held to the same rule above).
    expect(checked).toEqual(
      expect.arrayContaining([
        "kap-pilot-two-approaches/mean-chains-bpi-sf-interference.csv",
        "kap-pilot-two-approaches/mean-chains-bpi-sf-severity.csv",
        "kap-pilot-two-approaches/patient-reconstructions.csv",
        "ketamine-im-substance-misuse/patient-reconstructions.csv",
      ]),
    );
  });
});
