import type { Command } from "commander";

/** A command module: declares one command (options, help, action) on the program. */
export interface CommandModule {
  register(program: Command): void;
}

/** One command as `cohort --help` lists it. Its module is imported only when the command is named. */
export interface CommandEntry {
  name: string;
  /** The command as the list shows it, e.g. "check [options] <study>" (a test compares it with the module's own). */
  term: string;
  /** The module's `.description(…)`, word for word (a test compares them). */
  description: string;
  load: () => Promise<CommandModule>;
}

/**
 * Every command, in the order `cohort --help` lists them. Why a list apart from the modules: the CLI
 * starts by importing this file and commander only, then the one module the command line names, so
 * `cohort grim` loads neither vega nor zod schemas nor any other command (docs/performance.md).
 * A new command is one module under commands/ plus one entry here.
 */
export const commandList: readonly CommandEntry[] = [
  {
    name: "validate",
    term: "validate [options] <file...>",
    description: "check study, instrument, checklist or claims-register files against their schema; one message per problem naming the file and JSON path",
    load: () => import("./commands/validate.js"),
  },
  {
    name: "audit-sources",
    term: "audit-sources [options] <file...>",
    description: "provenance audit: every quote in the data files occurs verbatim in its source document and states the number it backs",
    load: () => import("./commands/audit-sources.js"),
  },
  {
    name: "extract",
    term: "extract [options] <source>",
    description:
      "read every reported statistic in a plain-text source (counts and percentages, means with SD/SE/CI, medians, percent changes, tests and p-values, effects with CIs, sample sizes) into a draft study file, each value with its verbatim quote and offsets; what only a person can decide is left \"unknown\"",
    load: () => import("./commands/extract.js"),
  },
  {
    name: "scan",
    term: "scan [options] <source...>",
    description:
      "find every reported statistic in plain-text sources and run each check that needs nothing but what is printed with it (p from a test statistic, a percentage from its count and total, CI ↔ p): a statcheck-like report per file",
    load: () => import("./commands/scan.js"),
  },
  {
    name: "check",
    term: "check [options] <study>",
    description: "run every applicable check on a study file: compositions, band shifts, means (GRIM, GRIMMER, SD bounds), percent-change chains",
    load: () => import("./commands/check.js"),
  },
  {
    name: "explain",
    term: "explain [options] [study]",
    description:
      "localise inconsistencies: the smallest sets of reported figures whose other reading (another computation, base, denominator, a slip of the pen, an SE for an SD…) makes everything consistent",
    load: () => import("./commands/explain.js"),
  },
  {
    name: "percent",
    term: "percent [options]",
    description: "check a reported percentage against its denominator (and count): which whole counts round to it",
    load: () => import("./commands/percent.js"),
  },
  {
    name: "grim",
    term: "grim [options]",
    description: "GRIM test: can a mean of whole-number scores from n people round to the reported mean? (Brown & Heathers 2017)",
    load: () => import("./commands/grim.js"),
  },
  {
    name: "grimmer",
    term: "grimmer [options]",
    description: "GRIMMER test: can a mean and SD of whole-number scores from n people both round to the reported values? (Anaya 2016; Allard 2018)",
    load: () => import("./commands/grimmer.js"),
  },
  {
    name: "debit",
    term: "debit [options]",
    description: "DEBIT test: can a mean (a proportion) and SD of n values that are each 0 or 1 round to the reported values? (Heathers & Brown 2019)",
    load: () => import("./commands/debit.js"),
  },
  {
    name: "change",
    term: "change [options]",
    description: "check reported percent changes of a group mean: one change between two reported means, or a chain of changes enumerated on the grid of possible group means",
    load: () => import("./commands/change.js"),
  },
  {
    name: "map",
    term: "map [options] [file]",
    description: "batch mode: run one check on every row of a CSV, TSV or JSON-lines table of reported values; stream the verdicts and summarise them (scrutiny's *_map and audit)",
    load: () => import("./commands/map.js"),
  },
  {
    name: "crosstab",
    term: "crosstab [options]",
    description: "count the contingency tables consistent with reported row and column totals, give each cell's range and one illustrative table (one of N, not the data)",
    load: () => import("./commands/crosstab.js"),
  },
  {
    name: "closure",
    term: "closure [options]",
    description: "list (or count) every sample of n integers on [min, max] whose mean and SD round to the reported values (CLOSURE)",
    load: () => import("./commands/closure.js"),
  },
  {
    name: "sprite",
    term: "sprite [options]",
    description: "draw up to --samples distinct samples whose mean and SD round to the reported values (SPRITE, seeded); for spaces too large for cohort closure",
    load: () => import("./commands/sprite.js"),
  },
  {
    name: "reconstruct",
    term: "reconstruct [options] <study>",
    description: "rebuild several patient-level datasets consistent with what a study reports, each labelled 'reconstruction — not patient data' with every assumption it used",
    load: () => import("./commands/reconstruct.js"),
  },
  {
    name: "ci",
    term: "ci [options]",
    description: "confidence intervals for a reported proportion: Wilson, Clopper–Pearson (exact), and the rule of three for 0/n or n/n",
    load: () => import("./commands/ci.js"),
  },
  {
    name: "power",
    term: "power [options]",
    description: "power and minimal detectable effect (MDE) of a two-sided t-test: two groups, paired pre/post, or one sample",
    load: () => import("./commands/power.js"),
  },
  {
    name: "appraise",
    term: "appraise [options] <study>",
    description:
      "critical appraisal of a study: a plain-language verdict, the limits the source states, implies or does not admit (quotes, why it matters, and their numbers: MDE, intervals, regression to the mean, worst-case bounds, zero-event bounds, familywise error, important changes), GRADE certainty per outcome, and any filled-in checklist (JBI, ROBINS-I) for the study; no total score",
    load: () => import("./commands/appraise.js"),
  },
];
