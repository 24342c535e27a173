// The extractor against the held-out set (tests/fixtures/extraction-heldout): per kind and overall,
// precision and recall must not fall below the figures recorded in heldout-figures.json (raised
// deliberately when the extractor improves). The labels are the independent answer, written by hand
// and committed before the extractor was first run on these passages (their README). Since fixes were
// later informed by these passages, the recorded figures guard against regressions; the estimate for
// unseen text is the first measurement, kept in the JSON and in docs/extraction.md.
import { join } from "node:path";
import { describeRecordedFigures } from "./recorded-figures.js";

const root = join(import.meta.dirname, "../..");
describeRecordedFigures("extraction against the held-out set", join(root, "tests/fixtures/extraction-heldout"), join(import.meta.dirname, "heldout-figures.json"), false);
