/**
 * The notebook's style: one column that fits any screen from 320 px up, tables that become one card
 * per row on a phone (each cell under its column's name), charts shown in the layout that fits (a
 * wide chart on a desktop, its narrow layout on a phone: see chartSwitchStyle), and a print style.
 */
export const NOTEBOOK_STYLE = `
*{box-sizing:border-box}
html{scroll-padding-top:.5rem}
body{font-family:"Liberation Sans",Arial,sans-serif;max-width:1100px;margin:0 auto;padding:1rem 16px 3rem;color:#1f1f1f;line-height:1.5;font-size:1rem}
h1{font-size:1.75rem;line-height:1.2;margin:.5rem 0 1rem}h2{font-size:1.45rem;line-height:1.25;border-bottom:2px solid #ccc;padding-bottom:.3rem;margin-top:3rem}
h3{font-size:1.2rem;margin-top:2.2rem}h4{font-size:1.05rem;margin:1.6rem 0 .4rem}
p,li{overflow-wrap:break-word}
a{color:#0b57a4}a:focus-visible,button:focus-visible,input:focus-visible,summary:focus-visible{outline:3px solid #c75300;outline-offset:2px}
code{font-family:"Liberation Mono",Consolas,monospace;font-size:.9em;overflow-wrap:anywhere}
.skip{position:absolute;left:-10000px;top:0}.skip:focus{position:static}
.label{display:inline-block;background:#fff3cd;border:1px solid #b38f1d;padding:.05rem .5rem;font-size:.9rem;border-radius:3px}
.note,.method,figcaption,caption{color:#4a4a4a}
nav.contents ol{padding-left:1.4rem}nav.contents li{margin:.3rem 0}
nav.in-study ul{list-style:none;padding:0;margin:.8rem 0;display:flex;flex-wrap:wrap;gap:.4rem .5rem}
nav.in-study a{display:inline-block;padding:.3rem .6rem;border:1px solid #b9c7d6;border-radius:1rem;text-decoration:none;background:#f3f7fb;min-height:2.2rem}
p.back{font-size:.9rem;margin-top:1.2rem}
table.data{border-collapse:collapse;font-size:.9rem;margin:.5rem 0;width:100%}
table.data th,table.data td{border:1px solid #d4d4d4;padding:.3rem .45rem;vertical-align:top;text-align:left;overflow-wrap:anywhere}
table.data th{background:#f2f2f2}table.data td.num{text-align:right;font-variant-numeric:tabular-nums}
caption{text-align:left;font-size:.9rem;font-weight:600;padding:.2rem 0}
details.table-box>summary{font-weight:600;font-size:.95rem}
details.table-box caption{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
figure.chart{margin:1rem 0}figure.chart svg{display:block;max-width:100%;height:auto}
.chart-narrow{display:none}figcaption{font-size:.9rem;margin-top:.3rem}
details{margin:.5rem 0}summary{cursor:pointer;color:#0b57a4;min-height:1.8rem}
details.toolkit{font-size:.9rem;border-left:3px solid #ccc;padding-left:.6rem}
dl.glossary{margin:.3rem 0}dl.glossary dt{font-family:"Liberation Mono",Consolas,monospace;font-size:.85rem;overflow-wrap:anywhere}dl.glossary dd{margin:0 0 .4rem 1rem}
ol.exercises{padding-left:1.4rem}.exercise{margin-bottom:2rem}
form.try{display:flex;flex-wrap:wrap;align-items:flex-end;gap:.5rem .75rem;margin:.4rem 0}
form.try label,form.try legend{font-weight:600;display:block}
form.try fieldset{border:1px solid #ccc;border-radius:4px;padding:.4rem .7rem;margin:0;flex:1 1 100%}
form.try fieldset.ends{display:flex;flex-wrap:wrap;gap:.5rem 1rem}
form.try .choice{display:flex;gap:.5rem;align-items:flex-start;font-weight:400;margin:.35rem 0}
form.try .choice input{margin-top:.3rem;width:1.1rem;height:1.1rem;flex:none}
.option-note{display:block;font-size:.9rem;color:#333;background:#f5f5f5;border-left:3px solid #999;padding:.2rem .5rem;margin:.2rem 0 .4rem 1.6rem}
form.try input[type=text]{font:inherit;width:9rem;padding:.4rem .5rem;border:1px solid #6b6b6b;border-radius:4px;min-height:2.6rem}
form.try input[aria-invalid=true]{border:2px solid #a4161a}
button{font:inherit;padding:.4rem .9rem;min-height:2.6rem;border-radius:4px;border:1px solid #0b57a4;background:#fff;color:#0b57a4;cursor:pointer}
form.try button{background:#0b57a4;color:#fff}
.exercise-actions{display:flex;flex-wrap:wrap;gap:.5rem;margin:.4rem 0}
.feedback{min-height:1.5rem;margin:.3rem 0;font-weight:600}
.feedback[data-state=right]{color:#1e6b2f}.feedback[data-state=wrong],.feedback[data-state=error]{color:#a4161a}
.hint{background:#eef3fb;border-left:4px solid #5a7fb5;padding:.4rem .8rem}
.answer{background:#eef6ee;border-left:4px solid #4a8f4a;padding:.4rem .8rem;margin-top:.4rem}
footer{border-top:1px solid #ccc;margin-top:3rem;padding-top:.6rem;font-size:.9rem;color:#4a4a4a}
@media (max-width:700px){
h1{font-size:1.45rem}h2{font-size:1.25rem;margin-top:2.2rem}h3{font-size:1.1rem}
table.data,table.data tbody,table.data tr,table.data td{display:block;width:auto}
table.data thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
table.data tr{border:1px solid #ccc;border-radius:4px;margin:0 0 .6rem;padding:.25rem .5rem}
table.data td,table.data td.num{border:none;padding:.15rem 0;display:grid;grid-template-columns:minmax(6rem,38%) minmax(0,1fr);gap:.6rem;text-align:left}
table.data td::before{content:attr(data-label);font-weight:600;color:#3a3a3a}
table.data td.empty{display:none}
}
@media print{
.skip,nav.contents,nav.in-study,p.back,form.try,.exercise-actions,.feedback,details.toolkit{display:none}
.answer[hidden],.hint[hidden]{display:block}
body{max-width:none;padding:0;font-size:10.5pt}a{color:inherit;text-decoration:none}
h2{break-before:page}h3,h4{break-after:avoid}figure,tr,.exercise{break-inside:avoid}
}
`.trim();

/**
 * The rules that show each chart's narrow layout below the screen width its wide layout needs (its
 * SVG's width plus the page's margins), grouped by that width: one rule per distinct width.
 *
 * @param widths the wide SVG width of each chart that has a narrow layout, by its figure's class
 * @example
 * chartSwitchStyle(new Map([["fit-660", 621]])); // => "@media (max-width:659px){.fit-660 .chart-wide{display:none}.fit-660 .chart-narrow{display:block}}"
 */
export function chartSwitchStyle(widths: ReadonlyMap<string, number>): string {
  return [...new Set(widths.keys())]
    .sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)))
    .map((name) => `@media (max-width:${Number(name.slice(4)) - 1}px){.${name} .chart-wide{display:none}.${name} .chart-narrow{display:block}}`)
    .join("\n");
}

/**
 * The class naming the screen width a wide chart needs: its width plus the page's side margins (32 px)
 * and a scroll bar's (up to 17 px), rounded up to 20 px so charts of similar width share one rule.
 *
 * @example
 * fitClass(621); // => "fit-680"
 */
export function fitClass(svgWidth: number): string {
  return `fit-${Math.ceil((svgWidth + 32 + 17) / 20) * 20}`;
}
