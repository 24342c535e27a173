import * as z from "zod";
import { ROUNDING_MODES } from "../stats/rounding.js";

/** scrutiny's rounding modes as a zod enum (data files, JSON Schema); the list itself is `ROUNDING_MODES` in src/stats/rounding.ts. */
export const RoundingMode = z
  .enum(ROUNDING_MODES)
  .meta({
    id: "RoundingMode",
    description:
      "How the source rounded its numbers (scrutiny's vocabulary); default up_or_down. binary_half_even: Python's round() (the double's exact binary value, half to even); r_round: R ≥ 4.0.0's round().",
  });
export type RoundingMode = z.infer<typeof RoundingMode>;
