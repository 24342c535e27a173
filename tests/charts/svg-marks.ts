/** Test helper: the items vega drew in each mark group of an SVG, read from the markup (class "mark-<type> role-mark <name>"). */
export function markItems(svg: string, type: string, name: string): string[] {
  const out: string[] = [];
  const pattern = new RegExp(`<g class="mark-${type} role-mark ${name}"[^>]*>(.*?)</g>`, "gs");
  for (const match of svg.matchAll(pattern)) {
    const inner = match[1]!;
    const items = type === "text" ? [...inner.matchAll(/<text[^>]*>(.*?)<\/text>/gs)].map((m) => m[1]!) : [...inner.matchAll(/<(path|line|rect)\b[^>]*>/g)].map((m) => m[0]);
    out.push(...items);
  }
  return out;
}

/** Every text drawn in the SVG (titles, labels, marks), entities decoded. */
export function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/gs)].map((m) => m[1]!.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&"));
}
