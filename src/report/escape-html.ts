/**
 * Text made safe to place in HTML (element content or a quoted attribute): & < > " ' become entities.
 * Why: study files are written by users and may contain markup; every such string in the notebook
 * and in report.md goes through here so a `<script>` in a title renders as text.
 *
 * @example
 * escapeHtml('<script>alert("x")</script>'); // => "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
