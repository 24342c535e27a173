import type { Command } from "commander";
import { CohortError, exitCodes } from "../../errors.js";
import { action, withJson } from "../run.js";

/** `cohort validate`: not implemented yet (placeholder so the command list is fixed). */
export function register(program: Command): void {
  withJson(program.command("validate").description("(not implemented yet)")).action(
    action(() => {
      throw new CohortError({ message: "cohort validate is not implemented yet" }, exitCodes.usage);
    }),
  );
}
