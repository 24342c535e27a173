import type { Command } from "commander";
import { CohortError, exitCodes } from "../../errors.js";
import { action, withJson } from "../run.js";

/** `cohort ci`: not implemented yet (placeholder so the command list is fixed). */
export function register(program: Command): void {
  withJson(program.command("ci").description("(not implemented yet)")).action(
    action(() => {
      throw new CohortError({ message: "cohort ci is not implemented yet" }, exitCodes.usage);
    }),
  );
}
