import { createHash } from "node:crypto";
import { escapeHtml } from "../report/escape-html.js";
import { PANELS, ROUNDING_FIELDS, type FieldSpec, type PanelSpec } from "./form-fields.js";

/**
 * The playground page's markup and style (site/playground/index.html), written by
 * scripts/build-playground.ts around the bundled script. Runs in node at build time only; the
 * browser code is main.ts and what it imports.
 */

/** Examples under each panel: links within the page (a fragment), so they work from file:// too. */
const EXAMPLES: Record<string, readonly (readonly [string, string])[]> = {
  mean: [
    ["tab=mean&mean=5.19&n=28", "5.19 with n = 28 (GRIM fails)"],
    ["tab=mean&mean=3.44&sd=2.47&n=18&min=1&max=7", "3.44 ± 2.47, n = 18, 1–7 (GRIMMER fails)"],
    ["tab=mean&mean=0.35&sd=0.49&n=20&min=0&max=1", "0.35 ± 0.49 of 0/1 data, n = 20 (DEBIT)"],
  ],
  percent: [
    ["tab=percent&percent=33&n=10", "33% of 10"],
    ["tab=percent&percent=45&n=20&count=9", "9 of 20 printed as 45%"],
  ],
  statistic: [
    ["tab=statistic&printed=t(28)+%3D+2.20%2C+p+%3D+.03", "t(28) = 2.20, p = .03"],
    ["tab=statistic&entry=parts&test=F&value=3.21&df=2&df2=57&relation=%3C&p=.04", "F(2, 57) = 3.21, p < .04, in parts"],
  ],
  closure: [
    ["tab=closure&mean=2.9&sd=0.5&n=25&min=1&max=5", "2.9 ± 0.5, n = 25 on 1–5"],
    ["tab=closure&mean=3.0&sd=1.2&n=200&min=1&max=5", "3.0 ± 1.2, n = 200 on 1–5"],
  ],
  passage: [
    [
      "tab=passage&text=" +
        encodeURIComponent("Response occurred in 11/22 (50%) with therapy and 3/22 (13.6%) on the wait list. The difference at week 8 was significant, t(42) = 2.83, p = .07."),
      "a results paragraph",
    ],
  ],
};

const STYLE = `
:root{color-scheme:light;--ink:#1b1b1b;--muted:#545454;--line:#c8c8c8;--accent:#0b5cad;--ok:#1e6b2f;--bad:#a4161a;--unsure:#6b4e00;--bg-ok:#e7f4ea;--bg-bad:#fbe9ea;--bg-unsure:#fdf4dc}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1rem;line-height:1.5;color:var(--ink);margin:0 auto;max-width:56rem;padding:1rem}
h1{font-size:1.5rem;margin:.25rem 0 .5rem}h2{font-size:1.25rem;margin:1rem 0 .25rem}h3{font-size:1.05rem;margin:.25rem 0}h4{font-size:1rem;margin:.25rem 0}
p{margin:.4rem 0}.intro,.hint,.note,footer{color:var(--muted)}.hint{font-size:.875rem;margin:.1rem 0 0}
[role=tablist]{display:flex;flex-wrap:wrap;gap:.35rem;margin:1rem 0 0;border-bottom:2px solid var(--line);padding-bottom:.35rem}
[role=tab]{font:inherit;padding:.45rem .8rem;border:1px solid var(--line);border-radius:.4rem;background:#f4f4f4;color:var(--ink);cursor:pointer;min-height:2.75rem}
[role=tab][aria-selected=true]{background:var(--accent);border-color:var(--accent);color:#fff}
:focus-visible{outline:3px solid #e37400;outline-offset:2px}
.fields{display:grid;grid-template-columns:1fr;gap:.75rem;margin:.75rem 0}
@media (min-width:40rem){.fields{grid-template-columns:repeat(3,minmax(0,1fr))}.fields .wide{grid-column:1/-1}}
label,legend{font-weight:600;display:block}
input[type=text],select,textarea{font:inherit;width:100%;padding:.45rem .5rem;border:1px solid #767676;border-radius:.3rem;background:#fff;color:var(--ink);min-height:2.75rem}
textarea{min-height:9rem;resize:vertical}
input[aria-invalid=true],textarea[aria-invalid=true]{border-color:var(--bad);border-width:2px}
.error{color:var(--bad);font-size:.875rem;margin:.15rem 0 0}
fieldset{border:1px solid var(--line);border-radius:.4rem;margin:.5rem 0;padding:.5rem .75rem}
fieldset.choice label{display:inline-flex;align-items:center;gap:.35rem;font-weight:400;margin-right:1rem;min-height:2.75rem}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
button.run,button.stop{font:inherit;font-weight:600;padding:.5rem 1.2rem;border-radius:.4rem;border:2px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer;min-height:2.75rem}
button.stop{background:#fff;color:var(--accent)}
.examples{font-size:.9rem}.examples a{color:var(--accent)}
.results{margin:1rem 0;overflow-wrap:anywhere}
.finding,.statistic{border:1px solid var(--line);border-left-width:6px;border-radius:.4rem;padding:.5rem .75rem;margin:.6rem 0}
.finding[data-status=consistent],.statistic[data-verdict=consistent]{border-left-color:var(--ok)}
.finding[data-status=inconsistent],.statistic[data-verdict=inconsistent],.finding[data-status=error]{border-left-color:var(--bad)}
.finding[data-status=undetermined],.statistic[data-verdict=undetermined]{border-left-color:var(--unsure)}
.verdict{display:inline-block;font-weight:700;padding:0 .4rem;border-radius:.25rem}
.verdict-consistent{background:var(--bg-ok);color:var(--ok)}.verdict-inconsistent,.verdict-error{background:var(--bg-bad);color:var(--bad)}.verdict-undetermined,.verdict-not-checked{background:var(--bg-unsure);color:var(--unsure)}
dl{display:grid;grid-template-columns:minmax(0,auto) minmax(0,1fr);gap:.1rem .75rem;margin:.4rem 0}dt{font-weight:600}dd{margin:0}
@media (max-width:30rem){dl{grid-template-columns:1fr}dd{margin-bottom:.3rem}}
details{margin:.3rem 0}summary{cursor:pointer;color:var(--accent);min-height:2rem}
.quote{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9rem;background:#f4f4f4;padding:0 .25rem}
.label{display:inline-block;background:#fff3cd;border:1px solid #c9a227;padding:0 .4rem;border-radius:.25rem;font-size:.875rem}
ol.samples{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9rem}
footer{border-top:1px solid var(--line);margin-top:2rem;padding-top:.5rem;font-size:.875rem}
code{font-family:ui-monospace,Menlo,Consolas,monospace}
@media print{[role=tablist],form,.examples{display:none}}
`.trim();

function fieldId(tab: string, name: string): string {
  return `${tab}-${name}`;
}

/** One field's markup; `extra` adds attributes to its box (the threshold's marker). */
function fieldHtml(spec: PanelSpec, field: FieldSpec, extra = ""): string {
  const e = escapeHtml;
  const id = fieldId(spec.tab, field.name);
  const shown = field.when === undefined || field.when.value === spec.fields.find((f) => f.name === field.when!.field)?.choices?.[0]?.[0];
  const attrs = `${extra}${field.when ? ` data-when="${e(field.when.field)}=${e(field.when.value)}"` : ""}${shown ? "" : " hidden"}`;
  const hint = field.hint ? `<p class="hint" id="${id}-hint">${e(field.hint)}</p>` : "";
  const described = `${field.hint ? `${id}-hint ` : ""}${id}-error`;
  const error = `<p class="error" id="${id}-error" hidden></p>`;
  if (field.kind === "radio") {
    const choices = (field.choices ?? [])
      .map(([value, label], index) => `<label><input type="radio" name="${e(field.name)}" value="${e(value)}"${index === 0 ? " checked" : ""}> ${e(label)}</label>`)
      .join("");
    return `<fieldset class="choice wide"${attrs}><legend>${e(field.label)}</legend>${choices}</fieldset>`;
  }
  if (field.kind === "select") {
    const options = (field.choices ?? []).map(([value, label]) => `<option value="${e(value)}">${e(label)}</option>`).join("");
    return `<div class="field"${attrs}><label for="${id}">${e(field.label)}</label><select id="${id}" name="${e(field.name)}" aria-describedby="${described}">${options}</select>${hint}${error}</div>`;
  }
  const required = field.required ? ' aria-required="true"' : "";
  if (field.kind === "textarea") {
    return `<div class="field wide"${attrs}><label for="${id}">${e(field.label)}</label><textarea id="${id}" name="${e(field.name)}" rows="8" spellcheck="false" aria-describedby="${described}"${required}></textarea>${hint}${error}</div>`;
  }
  const mode = field.kind === "whole" ? ' inputmode="numeric"' : field.kind === "decimal" ? ' inputmode="decimal"' : "";
  const wide = field.name === "printed" ? " wide" : "";
  return `<div class="field${wide}"${attrs}><label for="${id}">${e(field.label)}</label><input type="text" id="${id}" name="${e(field.name)}"${mode} autocomplete="off" spellcheck="false" aria-describedby="${described}"${required}>${hint}${error}</div>`;
}

function roundingHtml(spec: PanelSpec): string {
  if (!spec.rounding) return '<p class="note">CLOSURE reads each printed number as any value within half a unit of its last decimal (3.0: 2.95 to 3.05, bounds inclusive), as <code>cohort closure</code> does; no rounding mode applies.</p>';
  const [mode, threshold] = ROUNDING_FIELDS;
  // The threshold matters to the *_from modes only: shown when one is chosen (page.ts).
  return `<fieldset class="rounding"><legend>Rounding assumption</legend><div class="fields">${fieldHtml(spec, mode!)}${fieldHtml(spec, threshold!, " data-threshold hidden")}</div></fieldset>`;
}

function panelHtml(spec: PanelSpec, index: number): string {
  const e = escapeHtml;
  const examples = (EXAMPLES[spec.tab] ?? []).map(([hash, label]) => `<li><a href="#${e(hash)}">${e(label)}</a></li>`).join("");
  const stop = spec.tab === "closure" || spec.tab === "passage" ? `<button type="button" class="stop" hidden>Stop</button>` : "";
  return [
    `<section role="tabpanel" id="panel-${spec.tab}" aria-labelledby="tab-${spec.tab}"${index === 0 ? "" : " hidden"}>`,
    `<h2>${e(spec.heading)}</h2>`,
    `<p class="intro">${e(spec.intro)}</p>`,
    `<form id="form-${spec.tab}" data-tab="${spec.tab}" novalidate>`,
    `<div class="fields">${spec.fields.map((field) => fieldHtml(spec, field)).join("")}</div>`,
    roundingHtml(spec),
    `<div class="actions"><button type="submit" class="run">Check</button>${stop}</div>`,
    "</form>",
    `<div class="examples"><p>Examples:</p><ul>${examples}</ul></div>`,
    `<div class="results" id="results-${spec.tab}" aria-live="polite" data-state="idle"></div>`,
    "</section>",
  ].join("\n");
}

/** A script's text made safe inside <script>…</script>: no closing tag, no comment opener. */
export function scriptText(script: string): string {
  return script.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("base64");

/**
 * The whole page: markup, style and the bundled script inline, under a Content-Security-Policy that
 * lets only that script (by hash) and that style (by hash) run, workers only from the page's own blob
 * (CLOSURE and long passages run in one), and nothing else at all: no request can leave the page.
 *
 * @param script the bundled browser code (already made safe with scriptText)
 * @param version cohortcheck's version, shown in the footer
 * @param packages the npm packages bundled in, in a few words each ("zod 4.6.7", "145 @stdlib packages")
 */
export function playgroundHtml(script: string, version: string, packages: readonly string[]): string {
  const e = escapeHtml;
  const csp = `default-src 'none'; script-src 'sha256-${sha256(script)}'; style-src 'sha256-${sha256(STYLE)}'; worker-src blob:; base-uri 'none'; form-action 'none'`;
  const tabs = PANELS.map(
    (spec, index) =>
      `<button type="button" role="tab" id="tab-${spec.tab}" aria-controls="panel-${spec.tab}" aria-selected="${index === 0}" tabindex="${index === 0 ? 0 : -1}">${e(spec.label)}</button>`,
  ).join("");
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    "<title>cohortcheck playground: check a reported number</title>",
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    "<header>",
    "<h1>cohortcheck playground</h1>",
    "<p>Type numbers as a paper prints them and see whether they can be true: the checks of the <code>cohort</code> command, run by the same library in your browser. Nothing you type leaves this page; the link in the address bar holds your inputs, so you can share it.</p>",
    "<noscript><p><strong>The checks run in JavaScript, which is turned off.</strong> The same checks are in the <code>cohort</code> command (npm package cohortcheck).</p></noscript>",
    "</header>",
    "<main>",
    `<div role="tablist" aria-label="What to check">${tabs}</div>`,
    ...PANELS.map(panelHtml),
    "</main>",
    "<footer>",
    `<p>Built by <code>npm run playground</code> from cohortcheck ${e(version)}: each verdict and explanation is the library's own, as <code>cohort … --json</code> gives it (docs/playground.md). Bundled packages: ${packages.map(e).join("; ")}. Their licences: <a href="THIRD-PARTY-LICENSES.txt">THIRD-PARTY-LICENSES.txt</a>.</p>`,
    "</footer>",
    `<script>${script}</script>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
