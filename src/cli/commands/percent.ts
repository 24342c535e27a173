import type { Command } from "commander";
import { CohortError, exitCodes } from "../../errors.js";
import { action, withJson } from "../run.js";

/** `cohort percent`: not implemented yet (placeholder so the command list is fixed). */
export function register(program: Command): void {
  withJson(program.command("percent").description("(not implemented yet)")).action(
    action(() => {
      throw new CohortError({ message: "cohort percent is not implemented yet" }, exitCodes.usage);
    }),
  );
}
