import * as z from "zod";
import { Instrument } from "./instrument.js";
import { Study } from "./study.js";
import { stableJson } from "../io/stable-json.js";

/**
 * The data-file schemas published as JSON Schema under data/schema/, generated from the zod schemas
 * (the single source of truth) and never edited by hand. Cross-field rules (sums, references) live
 * in refinements that JSON Schema cannot express; `cohort validate` enforces them.
 */
export const dataFileSchemas: Record<string, z.ZodType> = {
  "instrument.schema.json": Instrument,
  "study.schema.json": Study,
};

/** Registers an extra data-file schema (checklists, claim registers) for generation. */
export function registerDataFileSchema(fileName: string, schema: z.ZodType): void {
  dataFileSchemas[fileName] = schema;
}

/** The JSON Schema text for one data-file schema, as written to data/schema/. */
export function jsonSchemaText(schema: z.ZodType): string {
  return stableJson(z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }));
}
