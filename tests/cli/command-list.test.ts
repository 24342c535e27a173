import { Command } from "commander";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commandList } from "../../src/cli/command-list.js";
import { buildProgram, VERSION } from "../../src/cli/main.js";
import { cohort, root } from "../helpers/fixtures.js";

describe("commandList (the lazy registry)", () => {
  for (const entry of commandList) {
    it(`names, describes and lists "${entry.name}" exactly as its module declares it`, async () => {
      const program = new Command("cohort");
      (await entry.load()).register(program);
      const declared = program.commands.find((command) => command.name() === entry.name);
      expect(declared, `module of "${entry.name}" declares no command of that name`).toBeDefined();
      expect(entry.description).toBe(declared!.description());
      expect(entry.term).toBe(program.createHelp().subcommandTerm(declared!));
    });
  }

  it("has one entry per command name", () => {
    expect(new Set(commandList.map((entry) => entry.name)).size).toBe(commandList.length);
  });

  it("prints the version of package.json", () => {
    expect(VERSION).toBe(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version);
  });
});

describe("help through the real CLI (one command module loaded per run)", () => {
  it("cohort --help lists every command as the fully declared program does", async () => {
    const full = await buildProgram();
    const run = cohort(["--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(full.helpInformation());
  });

  it("every cohort <command> --help lists every option, as the fully declared program does", async () => {
    const full = await buildProgram();
    for (const entry of commandList) {
      const run = cohort([entry.name, "--help"]);
      expect(run.status, entry.name).toBe(0);
      const command = full.commands.find((c) => c.name() === entry.name)!;
      const after = run.stdout.slice(command.helpInformation().length);
      expect(run.stdout.startsWith(command.helpInformation()), entry.name).toBe(true);
      expect(after.length, `${entry.name}: examples after the options`).toBeGreaterThan(0);
      for (const option of command.options) expect(run.stdout, `${entry.name} ${option.long}`).toContain(option.long!);
    }
  });

  it("an unknown command is a usage error naming it (exit 2)", () => {
    const run = cohort(["nope"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown command 'nope'");
  });
});
