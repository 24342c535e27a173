import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../helpers/fixtures.js";

describe("the npm run reports script", () => {
  it("ends with the report run, so options after `npm run reports --` (--out, --studies, --force) reach it", () => {
    // npm appends the arguments after `--` to the end of the script's command line (npm docs, run-script):
    // with the playground build chained last, `npm run reports -- --out /tmp/x` wrote reports/ and gave --out to the playground build.
    const script: string = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts.reports;
    const commands = script.split("&&").map((command) => command.trim());
    expect(commands.at(-1)).toMatch(/ analyses\/regenerate\.ts$/);
  });
});
