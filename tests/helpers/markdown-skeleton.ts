/**
 * The block structure of a Markdown text, line by line, as CommonMark/GFM would read it: heading
 * levels, block quotes, list items, thematic breaks, table rows, code fences (and the lines they
 * swallow), indented code, setext underlines. Written for the tests (no Markdown parser is a
 * dependency): a text whose skeleton equals a benign one's has no block that data smuggled in.
 */
export function markdownSkeleton(text: string): string[] {
  const kinds: string[] = [];
  let fence: string | undefined;
  let previous = "blank";
  for (const line of text.split("\n")) {
    let kind: string;
    if (fence !== undefined) {
      kind = new RegExp(`^ {0,3}${fence[0] === "`" ? "`" : "~"}{${fence.length},}\\s*$`).test(line) ? "fence-end" : "in-fence";
      if (kind === "fence-end") fence = undefined;
    } else if (/^ {0,3}(`{3,}|~{3,})/.test(line)) {
      fence = /^ {0,3}(`{3,}|~{3,})/.exec(line)![1]!;
      kind = "fence-start";
    } else if (line.trim() === "") kind = "blank";
    else if (/^ {0,3}#{1,6}(\s|$)/.test(line)) kind = `h${/^ {0,3}(#{1,6})/.exec(line)![1]!.length}`;
    else if (/^ {0,3}>/.test(line)) kind = "quote";
    else if (/^ {0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) kind = "rule";
    else if (previous === "paragraph" && /^ {0,3}(=+|-+)\s*$/.test(line)) kind = "setext";
    else if (/^ {0,3}([-+*]|\d{1,9}[.)])(\s|$)/.test(line)) kind = "list";
    else if (/^ {4,}\S/.test(line) && previous === "blank") kind = "indented-code";
    else if (/^ *\|/.test(line)) kind = "table";
    else if (/^ +\S/.test(line) && previous === "list") kind = "list"; // a list item's continuation
    else kind = "paragraph";
    kinds.push(kind);
    previous = kind;
  }
  return kinds;
}
