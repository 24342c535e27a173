import { visibleControls } from "../io/visible-controls.js";

/**
 * Text made safe to place in HTML (element content or a quoted attribute): & < > " ' become entities,
 * and control characters other than line feed and tab are shown as their pictures (ESC → ␛, U+202E →
 * `&lt;U+202E&gt;`). Why: study files are written by users and may contain markup; every such string in
 * the notebook and in report.md goes through here so a `<script>` in a title renders as text, and a
 * bidirectional override cannot reverse the words after it (issue 15, finding 9).
 *
 * @example
 * escapeHtml('<script>alert("x")</script>'); // => "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
 * escapeHtml("a\u001b[2J\u202eb"); // => "a␛[2J&lt;U+202E&gt;b"
 */
export function escapeHtml(text: string): string {
  return visibleControls(text, "lines").replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
