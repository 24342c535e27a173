// `cohortcheck/charts`: Vega-Lite spec builders and SVG / PNG rendering (loads vega, vega-lite, resvg).
export * from "../charts/index.js";
