import { Slug } from "./primitives.js";

/**
 * Names the reports tree gives its own top-level folders: a study whose id were one of them would
 * share (and lose) that folder. `claims-registers` holds the claims registers (data/claims).
 */
export const RESERVED_REPORT_NAMES: readonly string[] = ["claims-registers"];

const notReserved = new RegExp(`^(?!(?:${RESERVED_REPORT_NAMES.join("|")})$)`);

/**
 * A study id: a Slug (it names the report folder `reports/<id>/`) that is none of the names the
 * reports tree uses itself. A pattern rather than a refinement, so the JSON Schema carries it too.
 */
export const StudyId = Slug.regex(notReserved, `is reserved: the reports tree uses ${RESERVED_REPORT_NAMES.map((name) => `"${name}"`).join(", ")} for its own folders; choose another id`);
