export { builtInInstrumentsDir, loadInstrument, loadInstruments, type InstrumentRegistry } from "./load-instruments.js";
export { instrumentProblems, loadStudy, parseStudy } from "./load-study.js";
export { MAX_DATA_FILE_BYTES, parseJsonText, readJsonFile } from "./read-json.js";
export { stableJson } from "./stable-json.js";
export { writeFileAtomic } from "./write-atomic.js";
