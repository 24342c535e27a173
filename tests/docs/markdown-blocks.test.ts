// The reader behind tests/docs/commands-runnable.test.ts: if it misread the pages, that test could pass while
// running nothing or comparing nothing. Every expected value here is written out by hand from the input above it.
import { describe, expect, it } from "vitest";
import { anchors, commands, fences, relativeLinks, slug, unmatchedLine } from "../helpers/markdown-blocks.js";

const page = [
  "# Title", //                                              1
  "```sh", //                                                2
  "npx cohort grim --mean 5.19 --n 28   # a comment", //     3
  "# a whole-line comment", //                               4
  "npx cohort validate broken.json  # exit 1: invalid", //   5
  "npx cohort closure --mean 3.0 --sd 1.2 \\", //            6
  "  --n 200 --min 1 --max 5 --count", //                    7
  "```", //                                                  8
  "", //                                                     9
  "1. A step:", //                                           10
  "", //                                                     11
  "   ```console", //                                        12
  "   $ cohort percent --percent 45 --n 20", //              13
  "   INCONSISTENT  percent", //                             14
  "   $ cohort ci --count 11 --n 20   # exit 0", //          15
  "   ```", //                                               16
  "```sh no-run: installs from the registry", //             17
  "npm install cohortcheck", //                              18
  "```", //                                                  19
  "```text", //                                              20
  "## not a heading", //                                     21
  "```", //                                                  22
].join("\n");

describe("fences", () => {
  it("finds every block with its info string, its language, a no-run reason, and indented blocks' lines unindented", () => {
    const found = fences(page);
    expect(found.map((f) => [f.line, f.lang, f.noRun])).toEqual([
      [2, "sh", undefined],
      [12, "console", undefined],
      [17, "sh", "installs from the registry"],
      [20, "text", undefined],
    ]);
    expect(found[1]!.body[0]).toBe("$ cohort percent --percent 45 --n 20");
  });

  it("refuses a fence that is never closed", () => {
    expect(() => fences("```sh\nnpx cohort grim\n")).toThrow(/line 1/);
  });
});

describe("commands", () => {
  it("reads sh lines as commands: comments dropped, `# exit N` as the expected status, `\\` joining lines", () => {
    expect(commands(fences(page)[0]!)).toEqual([
      { line: 3, command: "npx cohort grim --mean 5.19 --n 28   # a comment", exit: 0 },
      { line: 5, command: "npx cohort validate broken.json", exit: 1 },
      { line: 6, command: "npx cohort closure --mean 3.0 --sd 1.2 --n 200 --min 1 --max 5 --count", exit: 0 },
    ]);
  });

  it("reads console blocks as commands and the lines after each as its output", () => {
    expect(commands(fences(page)[1]!)).toEqual([
      { line: 13, command: "cohort percent --percent 45 --n 20", exit: 0, output: ["INCONSISTENT  percent"] },
      { line: 15, command: "cohort ci --count 11 --n 20", exit: 0, output: [] },
    ]);
  });
});

describe("unmatchedLine", () => {
  const printed = ["header", "a", "b", "c", "tail"];

  it("accepts the whole output, or a part of it bounded by … lines", () => {
    expect(unmatchedLine(printed, printed)).toBeUndefined();
    expect(unmatchedLine(["…", "b", "c", "…"], printed)).toBeUndefined();
    expect(unmatchedLine(["header", "…", "tail"], printed)).toBeUndefined();
    expect(unmatchedLine(["he…", "a", "…"], printed)).toBeUndefined();
    expect(unmatchedLine([], printed)).toBeUndefined();
  });

  it("names a line that was not printed, or not where the page shows it", () => {
    expect(unmatchedLine(["header", "b", "…"], printed)).toBe("header");
    expect(unmatchedLine(["…", "x", "…"], printed)).toBe("x");
    expect(unmatchedLine(["…", "c", "b", "…"], printed)).toBe("c");
  });

  it("says when the output goes on after the last line shown, unless the page ends with …", () => {
    expect(unmatchedLine(["header", "a"], printed)).toMatch(/goes on after the last line shown: "b"/);
    expect(unmatchedLine(["header", "a", "…"], printed)).toBeUndefined();
  });

  it("reads … inside a line as any text and everything else literally (a dot is a dot)", () => {
    expect(unmatchedLine(["drafted …/my.json: 5 statistics"], ["drafted /tmp/x/my.json: 5 statistics"])).toBeUndefined();
    expect(unmatchedLine(["a.b"], ["axb"])).toBe("a.b");
  });
});

describe("anchors and links", () => {
  it("makes GitHub's anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered", () => {
    // By hand from GitHub's rule: "Set-up: two commands" loses ":"; "The `cohort` CLI" loses the backticks;
    // "—", "(", ")", "/" and "." go, hyphens and underscores stay.
    expect(slug("Set-up: two commands")).toBe("set-up-two-commands");
    expect(slug("The `cohort` CLI")).toBe("the-cohort-cli");
    expect(slug("p from a test statistic — `statisticP` (src/checks/statistic-p.ts)")).toBe("p-from-a-test-statistic--statisticp-srcchecksstatistic-pts");
    expect([...anchors("# A\n## A\n```\n# A\n```\n### B_c\n")]).toEqual(["a", "a-1", "b_c"]);
  });

  it("lists relative links outside code, and no web addresses", () => {
    const text = "See [m](docs/methods.md#rounding) and [w](https://example.org), `[x](not-a-link.md)`.\n```\n[y](in-code.md)\n```\n[z](#top)";
    expect(relativeLinks(text)).toEqual([
      { line: 1, target: "docs/methods.md#rounding" },
      { line: 5, target: "#top" },
    ]);
  });
});
