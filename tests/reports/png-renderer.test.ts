import { describe, expect, it } from "vitest";
import { renderPng } from "../../src/charts/render-png.js";
import { startPngRenderer } from "../../src/report/png-renderer.js";

const chart = '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="60"><rect x="4" y="4" width="80" height="30" fill="#1f77b4"/><line x1="0" y1="50" x2="160" y2="10" stroke="#d62728" stroke-opacity="0.3"/><text x="90" y="30" font-family="Liberation Sans" font-size="14">p = 0.05</text></svg>';

describe("startPngRenderer", () => {
  it("gives the same bytes as renderPng on resvg's thread pool (the worker changes only the thread)", async () => {
    const pngs = startPngRenderer();
    try {
      const [inWorker, direct] = await Promise.all([pngs.toPng(chart), renderPng(chart)]);
      expect(Buffer.compare(Buffer.from(inWorker), direct)).toBe(0);
    } finally {
      await pngs.close();
    }
  });

  it("renders several charts at once and returns each its own PNG", async () => {
    const pngs = startPngRenderer();
    try {
      const widths = [20, 40, 80];
      const out = await Promise.all(widths.map((w) => pngs.toPng(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="10"/>`)));
      // IHDR width (bytes 16–19, big-endian) at twice the SVG width.
      expect(out.map((png) => Buffer.from(png).readUInt32BE(16))).toEqual(widths.map((w) => 2 * w));
    } finally {
      await pngs.close();
    }
  });

  it("rejects a malformed SVG with an error naming the PNG worker, and keeps serving", async () => {
    const pngs = startPngRenderer();
    try {
      await expect(pngs.toPng("<svg")).rejects.toThrow(/^PNG worker: /);
      expect((await pngs.toPng('<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"/>')).length).toBeGreaterThan(8);
    } finally {
      await pngs.close();
    }
  });

  it("rejects what is pending when it is closed", async () => {
    const pngs = startPngRenderer();
    const pending = pngs.toPng(chart);
    await pngs.close();
    await expect(pending).rejects.toThrow(/PNG worker stopped/);
  });
});
