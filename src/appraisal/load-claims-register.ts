import { basename } from "node:path";
import { CohortError } from "../errors.js";
import { readJsonFile } from "../io/read-json.js";
import { zodProblems } from "../io/zod-problems.js";
import * as message from "../messages/appraisal.js";
import { ClaimsRegister } from "../schema/claims-register.js";

/**
 * Validates parsed JSON as a claims register (schema, unique claim ids, every quote from the one
 * document the register covers, cited evidence present when claimed).
 *
 * @param data parsed JSON
 * @param file file name for messages
 * @throws {CohortError} naming the file and JSON path of each problem
 * @example
 * parseClaimsRegister(readJsonFile("data/claims/001-therapist-blog-benefits-risks.json")).claims.length; // => 8
 */
export function parseClaimsRegister(data: unknown, file?: string): ClaimsRegister {
  const parsed = ClaimsRegister.safeParse(data);
  if (!parsed.success) throw new CohortError(zodProblems(parsed.error, file));
  return parsed.data;
}

/**
 * Reads a claims register file and validates it; its name must be `<id>.json`, so a register is
 * found by id.
 *
 * @param file path of `<id>.json`
 * @throws {CohortError} if the file is unreadable, invalid, or misnamed
 * @example
 * loadClaimsRegister("data/claims/004-anesthesiologist-blog.json").kind; // => "professional-blog"
 */
export function loadClaimsRegister(file: string): ClaimsRegister {
  const register = parseClaimsRegister(readJsonFile(file), file);
  const expected = `${register.id}.json`;
  if (basename(file) !== expected) throw new CohortError({ file, path: "$.id", message: message.registerFileNameMismatch(register.id, expected) });
  return register;
}
