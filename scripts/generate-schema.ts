// Writes data/schema/*.schema.json from the zod schemas. Run: npm run schema
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import "../src/schema/register-all.js";
import { dataFileSchemas, jsonSchemaText } from "../src/schema/json-schemas.js";
import { writeFileAtomic } from "../src/io/write-atomic.js";

const folder = fileURLToPath(new URL("../data/schema", import.meta.url));
for (const [name, schema] of Object.entries(dataFileSchemas).sort(([a], [b]) => a.localeCompare(b))) {
  writeFileAtomic(join(folder, name), jsonSchemaText(schema));
  console.log(`wrote data/schema/${name}`);
}
