import type { Command } from "commander";
import { CohortError, exitCodes } from "../../errors.js";
import { action, withJson } from "../run.js";

/** `cohort audit-sources`: not implemented yet (placeholder so the command list is fixed). */
export function register(program: Command): void {
  withJson(program.command("audit-sources").description("(not implemented yet)")).action(
    action(() => {
      throw new CohortError({ message: "cohort audit-sources is not implemented yet" }, exitCodes.usage);
    }),
  );
}
