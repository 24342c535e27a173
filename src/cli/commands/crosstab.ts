import type { Command } from "commander";
import { CohortError, exitCodes } from "../../errors.js";
import { action, withJson } from "../run.js";

/** `cohort crosstab`: not implemented yet (placeholder so the command list is fixed). */
export function register(program: Command): void {
  withJson(program.command("crosstab").description("(not implemented yet)")).action(
    action(() => {
      throw new CohortError({ message: "cohort crosstab is not implemented yet" }, exitCodes.usage);
    }),
  );
}
