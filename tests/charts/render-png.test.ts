import { describe, expect, it } from "vitest";
import { renderPng } from "../../src/charts/render-png.js";

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian), per the PNG specification. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("renderPng", () => {
  it("writes a PNG at twice the SVG size by default", async () => {
    const png = await renderPng('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="red"/></svg>');
    // The 8-byte PNG signature (PNG spec §5.2): 137 80 78 71 13 10 26 10.
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(pngSize(png)).toEqual({ width: 240, height: 80 });
  });

  it("draws text with the loaded font (a text-only SVG is not blank)", async () => {
    const blank = await renderPng('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"></svg>');
    const text = await renderPng('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="5" y="30" font-family="Liberation Sans" font-size="24">Hello</text></svg>');
    // Without a usable font resvg draws nothing and the two images are byte-identical.
    expect(Buffer.compare(blank, text)).not.toBe(0);
  });
});
