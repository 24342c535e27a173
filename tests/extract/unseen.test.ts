// The extractor against the blind set (tests/fixtures/extraction-unseen): labelled by hand by someone who
// never ran the extractor nor read src/extract, and never used to tune it. Its figures are the estimate of
// what `cohort extract` finds in a new paper; this test keeps them from falling (unseen-figures.json).
import { join } from "node:path";
import { describeRecordedFigures } from "./recorded-figures.js";

const root = join(import.meta.dirname, "../..");
describeRecordedFigures("extraction against the blind unseen set", join(root, "tests/fixtures/extraction-unseen"), join(import.meta.dirname, "unseen-figures.json"), true);
