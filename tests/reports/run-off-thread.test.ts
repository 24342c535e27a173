import { describe, expect, it } from "vitest";
import { CohortError } from "../../src/errors.js";
import * as msg from "../../src/messages/reports.js";
import { runOffThread } from "../../src/report/run-off-thread.js";

const formatModule = new URL("../../src/report/format-number.ts", import.meta.url);

describe("runOffThread", () => {
  it("returns what the function returns", async () => {
    // formatNumber(0.55, 3) is "0.550" by hand.
    expect(await runOffThread<string>(formatModule, "formatNumber", [0.55, 3])).toBe("0.550");
  });

  it("rethrows a CohortError from the worker as a CohortError with the same message", async () => {
    const failure = runOffThread<string>(formatModule, "formatNumber", [Number.POSITIVE_INFINITY, 3]);
    await expect(failure).rejects.toBeInstanceOf(CohortError);
    await expect(failure).rejects.toThrow(msg.notFinite("value", Number.POSITIVE_INFINITY));
  });
});
