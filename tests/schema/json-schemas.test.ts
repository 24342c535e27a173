import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import "../../src/schema/register-all.js";
import { dataFileSchemas, jsonSchemaText } from "../../src/schema/json-schemas.js";
import { root } from "../helpers/fixtures.js";

describe("dataFileSchemas", () => {
  it("matches the committed data/schema files (run `npm run schema` after changing a zod schema)", () => {
    const committed = readdirSync(join(root, "data/schema")).filter((name) => name.endsWith(".schema.json")).sort();
    expect(committed).toEqual(Object.keys(dataFileSchemas).sort());
    for (const [name, schema] of Object.entries(dataFileSchemas)) {
      expect(readFileSync(join(root, "data/schema", name), "utf8"), name).toBe(jsonSchemaText(schema));
    }
  });

  it("describes the study file's required top-level fields", () => {
    const schema = JSON.parse(jsonSchemaText(dataFileSchemas["study.schema.json"]!));
    expect(schema.$ref).toBe("#/$defs/Study");
    expect(schema.$defs.Study.required).toEqual(["id", "title", "citation", "source", "design", "instruments", "reported", "claims", "limitationsStated"]);
  });
});
