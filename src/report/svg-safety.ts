/**
 * Why a chart's SVG must not be inlined into the notebook, or undefined when it is safe.
 *
 * Why: chart labels carry study text ("… onerror= …", "javascript: …"), which vega escapes into inert
 * text. A regex over the whole SVG cannot tell that text from markup and refused such charts, aborting
 * `npm run reports`. This reads the markup instead: every `<` must open a tag, end tag, comment,
 * CDATA section, processing instruction or doctype (anything else is refused as unparseable); tags are
 * checked by name (script, foreignObject, iframe, object, embed are refused), attributes by name (any
 * on* event handler is refused) and URL-bearing attributes by their entity-decoded value (javascript:,
 * vbscript: and data:text/html are refused). Text nodes and other attribute values are never matched.
 * Reference: WHATWG HTML §13.1 (syntax: tags, attributes, character references),
 * https://html.spec.whatwg.org/multipage/syntax.html; OWASP XSS Filter Evasion Cheat Sheet (entity-
 * and whitespace-obfuscated javascript: URLs).
 *
 * @param svg SVG markup as vega's `toSVG()` produces it
 * @example
 * unsafeSvgReason('<svg><text>x onerror=1 javascript:alert(1)</text></svg>'); // => undefined
 * unsafeSvgReason('<svg onload="x()"></svg>'); // => 'an event-handler attribute "onload"'
 */
export function unsafeSvgReason(svg: string): string | undefined {
  let at = svg.indexOf("<");
  while (at >= 0) {
    TOKEN.lastIndex = at;
    const token = TOKEN.exec(svg);
    if (!token) return `markup it cannot parse at character ${at}`;
    const name = token[1];
    if (name !== undefined) {
      const reason = unsafeTag(name, token[2] ?? "");
      if (reason) return reason;
    }
    at = svg.indexOf("<", TOKEN.lastIndex);
  }
  return undefined;
}

const ATTRIBUTE_SOURCE = String.raw`\s+[^\s"'=<>\/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'))?`;
// Sticky: matches only at lastIndex. Group 1 is a start tag's name, group 2 its attributes.
const TOKEN = new RegExp(
  String.raw`<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<\/[A-Za-z][\w:.-]*\s*>|<([A-Za-z][\w:.-]*)((?:${ATTRIBUTE_SOURCE})*)\s*\/?>`,
  "y",
);
const ATTRIBUTE = /\s+([^\s"'=<>\/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'))?/g;
const FORBIDDEN_ELEMENTS = new Set(["script", "foreignobject", "iframe", "object", "embed"]);
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href"]);

function unsafeTag(name: string, attributes: string): string | undefined {
  const local = name.toLowerCase().replace(/^[\w.-]*:/, "");
  if (FORBIDDEN_ELEMENTS.has(local)) return `a <${name}> element`;
  for (const match of attributes.matchAll(ATTRIBUTE)) {
    const attribute = match[1]!.toLowerCase();
    const value = match[2] ?? match[3] ?? "";
    if (attribute.replace(/^[\w.-]*:/, "").startsWith("on")) return `an event-handler attribute "${match[1]}"`;
    if (URL_ATTRIBUTES.has(attribute) || attribute.endsWith(":href")) {
      if (isScriptUrl(value)) return `a script URL in the attribute "${match[1]}"`;
    }
    if (attribute === "style" && /url\(\s*['"]?\s*(?:javascript|vbscript):|expression\(/.test(compact(value))) return `a script URL in the attribute "${match[1]}"`;
  }
  return undefined;
}

/** Browsers decode character references and drop whitespace and control characters before the scheme. */
function isScriptUrl(value: string): boolean {
  return /^(?:javascript|vbscript):|^data:text\/html/.test(compact(value));
}

function compact(value: string): string {
  return decodeReferences(value).replace(/[\u0000-\u0020\u007f-\u009f]+/g, "").toLowerCase();
}

const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", colon: ":", tab: "\t", newline: "\n", lpar: "(", rpar: ")", sol: "/" };

function decodeReferences(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (all, body: string) => {
    const lower = body.toLowerCase();
    if (lower.startsWith("#x")) return codePoint(parseInt(lower.slice(2), 16), all);
    if (lower.startsWith("#")) return codePoint(parseInt(lower.slice(1), 10), all);
    return NAMED[lower] ?? all;
  });
}

function codePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}
