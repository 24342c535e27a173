import type { Command } from "commander";
import { CohortError, exitCodes } from "../../errors.js";
import { action, withJson } from "../run.js";

/** `cohort change`: not implemented yet (placeholder so the command list is fixed). */
export function register(program: Command): void {
  withJson(program.command("change").description("(not implemented yet)")).action(
    action(() => {
      throw new CohortError({ message: "cohort change is not implemented yet" }, exitCodes.usage);
    }),
  );
}
