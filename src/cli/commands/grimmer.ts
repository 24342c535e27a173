import type { Command } from "commander";
import { CohortError, exitCodes } from "../../errors.js";
import { action, withJson } from "../run.js";

/** `cohort grimmer`: not implemented yet (placeholder so the command list is fixed). */
export function register(program: Command): void {
  withJson(program.command("grimmer").description("(not implemented yet)")).action(
    action(() => {
      throw new CohortError({ message: "cohort grimmer is not implemented yet" }, exitCodes.usage);
    }),
  );
}
