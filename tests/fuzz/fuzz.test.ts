import { afterAll } from "vitest";
import { FUZZ_SEED, totalTried } from "./harness.js";
import "./json-text.fuzz.js";
import "./study.fuzz.js";
import "./rounding.fuzz.js";
import "./cli.fuzz.js";
import "./library.fuzz.js";
import "./files.fuzz.js";
import "./budgets.fuzz.js";
import "./text.fuzz.js";
import "./trials.fuzz.js";

afterAll(() => {
  console.log(`fuzz: total ${totalTried()} generated inputs (seed ${FUZZ_SEED}; FUZZ_SEED=random for a random seed); a crash fails its test with the counterexample`);
});
