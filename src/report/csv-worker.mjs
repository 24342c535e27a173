// Worker thread that turns report tables into CSV text through danfojs-node. Plain JavaScript on
// purpose: a worker thread does not inherit the TypeScript loader in every runner (vitest's forks,
// plain node), and this file only needs danfojs. Its ~1–2 s import then runs on a second core while
// the main thread computes and renders; the cells arrive already RFC 4180-quoted (tables-to-csv.ts).
import { parentPort } from "node:worker_threads";

const danfo = import("danfojs-node");

parentPort.on("message", async (message) => {
  try {
    const dfd = await danfo;
    const texts = message.tables.map((table) => {
      if (table.data.length === 0) return table.header.join(",") + "\n";
      const text = dfd.toCSV(new dfd.DataFrame(table.data, { columns: table.header }));
      return text.endsWith("\n") ? text : text + "\n";
    });
    parentPort.postMessage({ id: message.id, result: texts });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
