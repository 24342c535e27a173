/** Test helper: x/y (x ≥ 0, y > 0) printed to d decimals, rounded half up or truncated, exactly in BigInt. */
export function printRatio(x: bigint, y: bigint, d: number, mode: "round" | "trunc" = "round"): string {
  const scale = 10n ** BigInt(d);
  const scaled = mode === "trunc" ? (x * scale) / y : (2n * x * scale + y) / (2n * y);
  const s = scaled.toString().padStart(d + 1, "0");
  return d === 0 ? s : `${s.slice(0, -d)}.${s.slice(-d)}`;
}

/** A reading's identity for comparisons: figure, slip and parameters. */
export const readingKey = (r: { figure: string; slip: string; params?: unknown }): string => `${r.figure}|${r.slip}|${JSON.stringify(r.params ?? null)}`;
